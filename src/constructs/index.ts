// cdk8s constructs for Kubernetes API audit on Deckhouse (the L2 layer over imports/).
export * from './argocd';
export * from './audit-log-shipping';
export * from './audit-policy-secret';
export * from './control-plane-audit-config';
export { CREDENTIAL_FIELDS, scanCredentials } from './credential-scan';
export type { CredentialFinding, CredentialKind } from './credential-scan';
export * from './deckhouse-cluster-audit';
export * from './destination-check';
export { destinationSpec } from './destination-spec';
export * from './log-destination';
export * from './log-filter';
export * from './log-transformation';
export * from './log-shipper-module';
export * from './messages';
export * from './synth';
export {
  TLS_SECRET_CONTRACT,
  TLS_SECRET_KEYS,
  TLS_SECRET_LABEL,
  TLS_SECRET_LABEL_VALUE,
  TLS_SECRET_MIN_DKP,
  TLS_SECRET_NAMESPACE,
} from './tls-secret';
export * from './warnings';
