import { GROUP_RESOURCES_FIELDS, RULE_FIELDS } from '../policy/policy-fields';
import { serviceAccountNamespace } from '../policy/identity';
import { PolicyRule } from '../policy/types';

// Deckhouse's built-in rules recognised by their shape, not by their index: the index of a rule moves when
// a release adds or removes a rule before it (deckhouse-audit.md §7), the shape of these rules has not.

const SERVICE_ACCOUNTS_GROUP = 'system:serviceaccounts';
const AUTHENTICATED_GROUP = 'system:authenticated';
const VIRTUALIZATION_GROUP = /(^|\.)virtualization\.deckhouse\.io$/;

/**
 * Basic rules of earlier releases that the snapshot no longer has, so that a merged file of such a release is
 * read with them as basic rules: the exec/attach/ephemeral rule of deckhouse audit_policy.go
 * @f5f0cde6985c67d84f137bc0ff3765e91916900f (the snapshot's rule dropped pods/exec and added create).
 */
export const EARLIER_BASIC_RULES: readonly PolicyRule[] = [
  {
    level: 'Request',
    verbs: ['get', 'patch'],
    resources: [{ resources: ['pods/exec', 'pods/attach', 'pods/ephemeralcontainers'] }],
    omitStages: ['RequestReceived'],
  },
];

const has = (list: readonly unknown[] | undefined): boolean => list !== undefined && list.length > 0;

/**
 * The rule that records mutations by Deckhouse's own ServiceAccounts (audit_policy.go: `Users:
 * auditPolicyBasicServiceAccounts, UserGroups: ["system:serviceaccounts"]`): users, the group
 * `system:serviceaccounts`, and no namespace, resource or URL selector. The users need not be ServiceAccount
 * user names: releases before deckhouse PR #7342 wrote bare names (issue #6183), and entries appended verbatim
 * from `extra-audit-policy-config` ConfigMaps may be malformed (see {@link nonServiceAccountUsers}).
 */
export function isSystemServiceAccountRule(rule: PolicyRule): boolean {
  return (
    (rule.userGroups ?? []).includes(SERVICE_ACCOUNTS_GROUP) &&
    has(rule.users) &&
    !has(rule.namespaces) &&
    !has(rule.resources) &&
    !has(rule.nonResourceURLs)
  );
}

/** The users of a rule that are not ServiceAccount user names (`system:serviceaccount:<namespace>:<name>`). */
export function nonServiceAccountUsers(rule: PolicyRule): string[] {
  return (rule.users ?? []).filter((u) => serviceAccountNamespace(u) === undefined);
}

/**
 * The rule that records mutations in the system namespaces (audit_policy.go: `Namespaces:
 * auditPolicyBasicNamespaces`): a namespaces list holding `kube-system` and otherwise only `d8-*` names, with
 * no user, group, resource or URL selector.
 */
export function isSystemNamespaceRule(rule: PolicyRule): boolean {
  const namespaces = rule.namespaces ?? [];
  return (
    namespaces.includes('kube-system') &&
    namespaces.every((ns) => ns === 'kube-system' || ns.startsWith('d8-')) &&
    !has(rule.users) &&
    !has(rule.userGroups) &&
    !has(rule.resources) &&
    !has(rule.nonResourceURLs)
  );
}

/**
 * The two tail rules Deckhouse appends after the custom rules (deckhouse PR #16714): `None` for group
 * `system:authenticated`, then a `Metadata` catch-all. Only the selectors and the level are compared.
 */
export function isTailPair(first: PolicyRule, last: PolicyRule): boolean {
  return (
    first.level === 'None' &&
    (first.userGroups ?? []).length === 1 &&
    first.userGroups![0] === AUTHENTICATED_GROUP &&
    selectorsOf(first).join() === 'userGroups' &&
    last.level === 'Metadata' &&
    selectorsOf(last).length === 0
  );
}

/** True when a rule selects a virtualization API group (`*.virtualization.deckhouse.io`) or `d8-virtualization`. */
export function isVirtualizationShaped(rule: PolicyRule): boolean {
  if ((rule.resources ?? []).some((gr) => VIRTUALIZATION_GROUP.test(gr.group ?? ''))) return true;
  return (rule.namespaces ?? []).length === 1 && rule.namespaces![0] === 'd8-virtualization';
}

const SELECTORS = ['users', 'userGroups', 'verbs', 'resources', 'namespaces', 'nonResourceURLs'] as const;

function selectorsOf(rule: PolicyRule): string[] {
  return SELECTORS.filter((field) => has(rule[field]));
}

/**
 * A canonical text of a rule for comparing rules by content: fields in upstream order, empty lists and the
 * core group `""` left out (Deckhouse's serializer omits them: `omitempty`), so a rule read from the merged
 * file equals the same rule built in code. `lists` replaces the users or namespaces of the two list rules
 * with a placeholder, so those compare by shape.
 */
export function ruleKey(rule: PolicyRule, lists: 'keep' | 'placeholder' = 'keep'): string {
  const out: Record<string, unknown> = {};
  const record = rule as unknown as Record<string, unknown>;
  for (const field of RULE_FIELDS) {
    const value = record[field];
    // A Go marshaller without omitempty writes zero values (`users: []`, `omitManagedFields: false`): they say
    // what an absent field says (a rule's false omitManagedFields equals the merged policy's, which Deckhouse
    // never sets), so they compare equal to it.
    if (
      value === undefined ||
      value === null ||
      value === false ||
      (Array.isArray(value) && value.length === 0)
    )
      continue;
    if (field === 'resources') {
      out.resources = (value as Array<Record<string, unknown>>).map((gr) => {
        const copy: Record<string, unknown> = {};
        for (const key of GROUP_RESOURCES_FIELDS) {
          const v = gr[key];
          if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
          copy[key] = v;
        }
        return copy;
      });
    } else {
      out[field] = value;
    }
  }
  if (lists === 'placeholder') {
    if (isSystemServiceAccountRule(rule)) out.users = '<system ServiceAccounts>';
    if (isSystemNamespaceRule(rule)) out.namespaces = '<system namespaces>';
  }
  return JSON.stringify(out);
}
