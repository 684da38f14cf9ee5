import { checkObjectArgument } from './arguments';
import { nonEmpty } from './match';
import {
  EffectivePolicy,
  Policy,
  PolicyRule,
  RequestAttributes,
  RuleLayer,
  RuleOrigin,
  isEffectivePolicy,
} from './types';

// The one way rules and requests are named in messages and tables: explain, lint, assertions, simulate,
// diff and synth all use these helpers, so a rule reads the same everywhere.

/** How a layer's rules are named ("your rule" for the custom policy). */
export const LAYER_NAMES: Record<RuleLayer, string> = {
  basic: 'basic rule',
  virtualization: 'virtualization rule',
  custom: 'your rule',
  tail: 'tail rule',
};

/**
 * The one label of a rule: `basic rule #15 (rules[14])`. `#n` counts from 1 inside its layer (as Deckhouse
 * numbers its rules; a plain policy is one layer: `rule #3 (rules[2])`), `rules[i]` counts from 0 in the
 * (merged) policy, like Decision.ruleIndex.
 */
export function ruleLabel(index: number, origin?: RuleOrigin): string {
  if (!Number.isInteger(index) || index < 0)
    throw new TypeError(`ruleLabel: index must be a rule's index from 0, got ${JSON.stringify(index)}`);
  const name = origin ? `${LAYER_NAMES[origin.layer]} #${origin.index + 1}` : `rule #${index + 1}`;
  return `${name} (rules[${index}])`;
}

/** A rule labelled and described: `basic rule #15 (rules[14]): list at Metadata`. */
export function labelledRule(index: number, rule: PolicyRule, origin?: RuleOrigin, title?: string): string {
  return `${ruleLabel(index, origin)}: ${title ?? describeRule(rule)}`;
}

/** Values listed one by one; longer lists are counted. */
const MAX_LISTED_VALUES = 3;

function listOf(values: readonly string[], noun: string, max = MAX_LISTED_VALUES, separator = ', '): string {
  const shown = values.map((v) => (v === '' ? '""' : v));
  return shown.length <= max ? shown.join(separator) : `${shown.length} ${noun}`;
}

// GroupResources entries named one by one; past this many, the first two are named and the rest counted.
const MAX_GROUP_ENTRIES = 4;

/** `URLs /a, /b` for a short list, `5 URLs` for a long one (the noun is not repeated). */
function prefixed(prefix: string, values: readonly string[], noun: string): string {
  const text = listOf(values, noun);
  return values.length > MAX_LISTED_VALUES ? text : `${prefix} ${text}`;
}

function describeResources(rule: PolicyRule): string {
  const entries = rule.resources ?? [];
  const shown = entries.length > MAX_GROUP_ENTRIES ? entries.slice(0, 2) : entries;
  const more = entries.length - shown.length;
  const described = shown
    .map((gr) => {
      const group = gr.group ?? '';
      const names = nonEmpty(gr.resourceNames) ? ` named ${listOf(gr.resourceNames, 'names')}` : '';
      if (!nonEmpty(gr.resources)) {
        return `all of ${group === '' ? 'the core group' : group === '*' ? 'every group' : group}${names}`;
      }
      const inGroup = group === '' ? '' : group === '*' ? ' (any group)' : ` (${group})`;
      return `${listOf(gr.resources, 'resources', 4)}${inGroup}${names}`;
    })
    .join(' + ');
  return more > 0 ? `${described} + ${more} more groups` : described;
}

/**
 * A short description of what a rule matches and its level, e.g. `secrets get/list at Request`,
 * `pods/log (any group) at Metadata`, `everything by group system:authenticated at None`; long lists are
 * counted ("12 users"), so it stays one short line.
 */
export function describeRule(rule: PolicyRule): string {
  checkObjectArgument('describeRule', 'rule', rule, 'a PolicyRule ({ level, ... })');
  const parts: string[] = [];
  const resources = describeResources(rule);
  if (resources) parts.push(resources);
  else if (nonEmpty(rule.nonResourceURLs)) parts.push(prefixed('URLs', rule.nonResourceURLs, 'URLs'));
  if (nonEmpty(rule.verbs)) parts.push(listOf(rule.verbs, 'verbs', 5, '/'));
  if (parts.length === 0) parts.push('everything');
  if (nonEmpty(rule.namespaces)) parts.push(`in ${listOf(rule.namespaces, 'namespaces')}`);
  if (nonEmpty(rule.users)) parts.push(`by ${listOf(rule.users, 'users')}`);
  if (nonEmpty(rule.userGroups)) parts.push(`by ${prefixed('group', rule.userGroups, 'groups')}`);
  return `${parts.join(' ')} at ${rule.level}`;
}

/** A one-line description of a request, e.g. `create pods/exec "web-0" in namespace "prod" by user "jane"`. */
export function describeRequest(req: RequestAttributes): string {
  checkObjectArgument(
    'describeRequest',
    'request',
    req,
    'request attributes ({ verb, resourceRequest, ... })',
  );
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
 * The plain policy, the per-rule origins and titles of a policy or an effective Deckhouse policy;
 * `auditOff` when the effective policy says Deckhouse does not enable auditing (`enabled: false`).
 */
export function policyParts(policy: Policy | EffectivePolicy): {
  policy: Policy;
  origins?: RuleOrigin[];
  titles?: string[];
  auditOff: boolean;
} {
  if (isEffectivePolicy(policy)) {
    return {
      policy: policy.policy,
      origins: policy.origins,
      ...(policy.titles ? { titles: policy.titles } : {}),
      auditOff: policy.enabled === false,
    };
  }
  return { policy, auditOff: false };
}
