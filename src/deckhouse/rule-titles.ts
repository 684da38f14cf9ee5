/**
 * Short own-words titles of Deckhouse's built-in rules, by layer and index inside the layer (they
 * follow the order of src/deckhouse/data/basic-rules.generated.ts; a shared test checks the counts).
 */
export const DECKHOUSE_RULE_TITLES: { basic: string[]; virtualization: string[]; tail: string[] } = {
  basic: [
    'core endpoints/endpointslices/events at None',
    'leases at None',
    'cert-manager leader-election configmaps at None',
    'VPA checkpoints at None',
    'VPA recommender patches at None',
    'upmeter hook probes at None',
    'namespace d8-upmeter at None',
    'ingress-nginx configmap updates at None',
    'dex authrequest create/delete at None',
    'nodes create/delete at RequestResponse',
    'pods/log at Metadata',
    'Deckhouse ServiceAccounts mutations at Metadata',
    'pods create/delete/patch/update at Request',
    'system namespaces mutations at Metadata',
    'list at Metadata',
    'serviceaccounts create/delete at Metadata',
    'roles/clusterroles changes at Request',
    'clusterrolebindings create/update/delete at Request',
    'pods/attach and pods/ephemeralcontainers at Request',
    'pods/log get at Request',
  ],
  virtualization: [
    'virtualmachineoperations create at RequestResponse',
    'virtualization.deckhouse.io mutations at Metadata',
    'internal VM instances update/patch at Metadata',
    'VM subresources get at Metadata',
    'pods mutations at Metadata',
    'namespace d8-virtualization mutations at Metadata',
    'moduleconfigs mutations at Metadata',
  ],
  tail: ['authenticated users at None', 'everything else (unauthenticated) at Metadata'],
};
