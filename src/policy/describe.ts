import { nonEmpty } from './match';
import {
  EffectivePolicy,
  GroupResources,
  Policy,
  PolicyRule,
  RequestAttributes,
  RuleLayer,
  RuleOrigin,
  isEffectivePolicy,
} from './types';

// Short human descriptions of rules and requests for findings and assertion messages.

function listOf(values: readonly string[], noun: string, max = 3): string {
  const shown = values.map((v) => (v === '' ? '""' : v));
  if (shown.length <= max) return shown.join(',');
  return `${shown.length} ${noun}`;
}

function groupResourcesText(gr: GroupResources): string {
  const group = gr.group ?? '';
  const suffix = group === '' ? '' : group === '*' ? ' (any group)' : `.${group}`;
  if (!nonEmpty(gr.resources))
    return group === '' ? 'all core resources' : `all of ${group === '*' ? 'every group' : group}`;
  const names = nonEmpty(gr.resourceNames) ? `[${listOf(gr.resourceNames, 'names')}]` : '';
  return gr.resources.map((r) => `${r}${suffix}${names}`).join(',');
}

/** A one-line description of a rule, e.g. "Request get pods/log" or "None everything for groups system:authenticated". */
export function describeRule(rule: PolicyRule): string {
  const parts: string[] = [rule.level];
  if (nonEmpty(rule.verbs)) parts.push(listOf(rule.verbs, 'verbs', 5));
  if (nonEmpty(rule.resources)) parts.push(rule.resources.map(groupResourcesText).join(','));
  else if (nonEmpty(rule.nonResourceURLs) && !nonEmpty(rule.namespaces))
    parts.push(`URLs ${listOf(rule.nonResourceURLs, 'URLs')}`);
  if (nonEmpty(rule.namespaces)) {
    parts.push(
      `${nonEmpty(rule.resources) ? 'in' : 'everything in'} namespaces ${listOf(rule.namespaces, 'namespaces')}`,
    );
  }
  if (parts.length === 1 || (parts.length === 2 && nonEmpty(rule.verbs))) parts.push('(any resource or URL)');
  if (nonEmpty(rule.users)) parts.push(`by users ${listOf(rule.users, 'users', 2)}`);
  if (nonEmpty(rule.userGroups))
    parts.push(`${nonEmpty(rule.users) ? 'in' : 'by'} groups ${listOf(rule.userGroups, 'groups')}`);
  return parts.join(' ');
}

/** How messages name a layer's rules ("your rule" for the custom policy). */
export const LAYER_NAMES: Record<RuleLayer, string> = {
  basic: 'basic rule',
  virtualization: 'virtualization rule',
  custom: 'your rule',
  tail: 'tail rule',
};

/** "basic rule #15" (1-based inside its layer, as Deckhouse numbers its rules) or, plain, "rule #3". */
export function layerRuleName(index: number, origin?: RuleOrigin): string {
  return origin ? `${LAYER_NAMES[origin.layer]} #${origin.index + 1}` : `rule #${index + 1}`;
}

/**
 * The one way messages name a rule: `basic rule #20 (rules[19])` — `#n` counts from 1 inside its layer,
 * `rules[i]` from 0 in the (merged) policy, like Decision.ruleIndex. A title goes between them.
 */
export function ruleLabel(index: number, origin?: RuleOrigin, title?: string): string {
  return `${layerRuleName(index, origin)}${title ? ` \`${title}\`` : ''} (rules[${index}])`;
}

/** A rule named and described, e.g. `your rule #2 (rules[21]): Request get pods/log`. */
export function labelledRule(index: number, rule: PolicyRule, origin?: RuleOrigin): string {
  return `${ruleLabel(index, origin)}: ${describeRule(rule)}`;
}

/** A one-line description of a request, e.g. `create pods/exec "web-0" in namespace "prod" by user "jane"`. */
export function describeRequest(req: RequestAttributes): string {
  const parts: string[] = [req.verb === '' ? '(empty verb)' : req.verb];
  if (req.resourceRequest) {
    const res = req.resource ?? '';
    const full = req.subresource ? `${res}/${req.subresource}` : res;
    parts.push(req.apiGroup ? `${full}.${req.apiGroup}` : full);
    if (req.name) parts.push(JSON.stringify(req.name));
    parts.push(req.namespace ? `in namespace ${JSON.stringify(req.namespace)}` : '(cluster-wide)');
  } else {
    parts.push(`${req.path ?? ''} (non-resource URL)`);
  }
  if (req.user === undefined) parts.push('by an unauthenticated client');
  else {
    parts.push(`by user ${JSON.stringify(req.user)}`);
    const groups = req.groups ?? [];
    parts.push(groups.length === 0 ? '(no groups)' : `(groups ${groups.join(',')})`);
  }
  return parts.join(' ');
}

/**
 * The plain policy and the per-rule origins of a policy or an effective Deckhouse policy; `auditOff` when
 * the effective policy says Deckhouse does not enable auditing (`enabled: false`).
 */
export function policyParts(policy: Policy | EffectivePolicy): {
  policy: Policy;
  origins?: RuleOrigin[];
  auditOff: boolean;
} {
  if (isEffectivePolicy(policy))
    return { policy: policy.policy, origins: policy.origins, auditOff: policy.enabled === false };
  return { policy, auditOff: false };
}
