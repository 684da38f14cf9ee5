import { PolicyRule } from '../policy/types';

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

function summarizeList(items: readonly string[], noun: string): string {
  return items.length <= 3 ? items.join(', ') : `${items.length} ${noun}`;
}

function describeResources(rule: PolicyRule): string {
  return (rule.resources ?? [])
    .map((gr) => {
      const group = gr.group ?? '';
      const names = gr.resourceNames?.length ? ` named ${summarizeList(gr.resourceNames, 'names')}` : '';
      if (!gr.resources?.length) return `all of ${group === '' ? 'the core group' : group}${names}`;
      const resources = gr.resources.join('/');
      return `${resources}${group === '' ? '' : ` (${group})`}${names}`;
    })
    .join(' + ');
}

/** A short generated title for any rule, e.g. "secrets get/list at Request" (used for rules without a hand-written title). */
export function describeRule(rule: PolicyRule): string {
  const parts: string[] = [];
  const resources = describeResources(rule);
  if (resources) parts.push(resources);
  if (rule.nonResourceURLs?.length) parts.push(`URLs ${summarizeList(rule.nonResourceURLs, 'URLs')}`);
  if (rule.verbs?.length) parts.push(rule.verbs.join('/'));
  if (parts.length === 0) parts.push('everything');
  if (rule.namespaces?.length) parts.push(`in ${summarizeList(rule.namespaces, 'namespaces')}`);
  if (rule.users?.length) parts.push(`by ${summarizeList(rule.users, 'users')}`);
  if (rule.userGroups?.length) parts.push(`by group ${summarizeList(rule.userGroups, 'groups')}`);
  return `${parts.join(' ')} at ${rule.level}`;
}
