// cdk8s constructs for Kubernetes API audit on Deckhouse (the L2 layer over imports/).
export * from './argocd';
export * from './audit-log-shipping';
export * from './audit-policy-secret';
export * from './control-plane-audit-config';
export * from './credential-scan';
export * from './deckhouse-cluster-audit';
export * from './destination-check';
export * from './destination-spec';
export * from './log-destination';
export * from './log-filter';
export * from './log-transformation';
export * from './log-shipper-module';
export * from './messages';
export * from './synth';
export * from './tls-secret';
export * from './warnings';
