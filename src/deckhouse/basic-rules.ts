import { isRecord, shapeOf, checkObjectArgument } from '../policy/arguments';
import { PolicyRule } from '../policy/types';
import { isSystemServiceAccountRule } from './built-in-rule-shapes';
import {
  DECKHOUSE_DATA_SOURCE,
  DECKHOUSE_RELEASE,
  DECKHOUSE_SNAPSHOT_STAMP,
  DECKHOUSE_SYSTEM_NAMESPACES,
  DECKHOUSE_SYSTEM_SERVICE_ACCOUNTS,
  SERVICE_ACCOUNT_RULE_INDEX,
  generatedBasicRules,
  generatedTailRules,
  generatedVirtualizationRules,
} from './data/basic-rules.generated';
import { DECKHOUSE_RULE_TITLES } from './rule-titles';

export {
  EXTRA_AUDIT_POLICY_CONFIG_LABEL,
  parseExtraAuditPolicyConfig,
  renderExtraAuditPolicyConfig,
  type ExtraAuditPolicyConfig,
} from './extra-audit-policy-config';
export {
  DECKHOUSE_DATA_SOURCE,
  DECKHOUSE_RELEASE,
  DECKHOUSE_SNAPSHOT_STAMP,
  DECKHOUSE_SYSTEM_NAMESPACES,
  DECKHOUSE_SYSTEM_SERVICE_ACCOUNTS,
};

/** Deckhouse's built-in audit rules for one release, as data (see deckhouse-audit.md §3). */
export interface DeckhouseBasicRules {
  /** The Deckhouse release/commit the rules describe (free text; the snapshot's names its commit and PRs). */
  deckhouseVersion: string;
  /** The DKP minor release the lists belong to, e.g. `'1.77'`; absent when not known (a cluster's file). */
  deckhouseRelease?: string;
  /**
   * One line naming where the rules come from, for headers: `bundled snapshot DKP 1.77 (deckhouse main
   * @567d8875)`, `merged policy file audit-policy.yaml`.
   * @default - deckhouseVersion
   */
  stamp?: string;
  /** Prepended when `basicAuditPolicyEnabled` is true. */
  basic: PolicyRule[];
  /** Added right after `basic` whenever `basicAuditPolicyEnabled` is true (even without the virtualization module). */
  virtualization: PolicyRule[];
  /** Appended after the custom rules when `basicAuditPolicyEnabled` is true. */
  tail: PolicyRule[];
  /**
   * The virtualization rules come after the custom rules, as releases before deckhouse PR #15603 (2025-09)
   * merged them (basic, custom, virtualization), so custom rules decide first.
   * @default false - basic, virtualization, then the custom rules
   */
  virtualizationAfterCustom?: boolean;
  /** The system-namespace list the namespace-mutation basic rule uses. */
  systemNamespaces: string[];
  /** The build-time ServiceAccount list of the ServiceAccount-mutation basic rule (without extras). */
  systemServiceAccounts: string[];
  /** ServiceAccounts added at run time by `extra-audit-policy-config` ConfigMaps (appended to that rule's users). */
  extraServiceAccounts?: string[];
  /** Index in `basic` of the ServiceAccount-mutation rule; found by shape when absent. */
  serviceAccountRuleIndex?: number;
  /** Short titles per layer and index, for messages; rules without one get a generated description. */
  titles?: { basic: string[]; virtualization: string[]; tail: string[] };
}

/** Options of `buildBasicRules`: replacement lists (each defaults to the packaged snapshot). */
export interface BuildBasicRulesOptions {
  systemNamespaces?: readonly string[];
  systemServiceAccounts?: readonly string[];
  extraServiceAccounts?: readonly string[];
  /** @default - the packaged snapshot's stamp, marked as modified when a list is replaced */
  deckhouseVersion?: string;
  /** @default - the packaged snapshot's release when no list is replaced, else none */
  deckhouseRelease?: string;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/** Builds the built-in rules from (possibly replaced) namespace and ServiceAccount lists. */
export function buildBasicRules(options: BuildBasicRulesOptions = {}): DeckhouseBasicRules {
  const systemNamespaces = [...(options.systemNamespaces ?? DECKHOUSE_SYSTEM_NAMESPACES)];
  const systemServiceAccounts = [...(options.systemServiceAccounts ?? DECKHOUSE_SYSTEM_SERVICE_ACCOUNTS)];
  const replaced = options.systemNamespaces !== undefined || options.systemServiceAccounts !== undefined;
  const release = options.deckhouseRelease ?? (replaced ? undefined : DECKHOUSE_RELEASE);
  const rules: DeckhouseBasicRules = {
    deckhouseVersion:
      options.deckhouseVersion ??
      (replaced ? `${DECKHOUSE_DATA_SOURCE} (lists replaced)` : DECKHOUSE_DATA_SOURCE),
    ...(release !== undefined ? { deckhouseRelease: release } : {}),
    stamp: replaced
      ? `bundled snapshot ${DECKHOUSE_SNAPSHOT_STAMP} with replaced lists`
      : `bundled snapshot ${DECKHOUSE_SNAPSHOT_STAMP}`,
    basic: generatedBasicRules({ systemNamespaces, systemServiceAccounts }),
    virtualization: generatedVirtualizationRules(),
    tail: generatedTailRules(),
    systemNamespaces,
    systemServiceAccounts,
    extraServiceAccounts: [],
    serviceAccountRuleIndex: SERVICE_ACCOUNT_RULE_INDEX,
    titles: {
      basic: [...DECKHOUSE_RULE_TITLES.basic],
      virtualization: [...DECKHOUSE_RULE_TITLES.virtualization],
      tail: [...DECKHOUSE_RULE_TITLES.tail],
    },
  };
  return options.extraServiceAccounts?.length
    ? withExtraServiceAccounts(rules, options.extraServiceAccounts)
    : rules;
}

/** The built-in rules of the packaged Deckhouse snapshot (deeply frozen; see DECKHOUSE_DATA_SOURCE). */
export const DECKHOUSE_BASIC_RULES: DeckhouseBasicRules = deepFreeze(buildBasicRules());

/** True for a value shaped like DeckhouseBasicRules: the three rule layers and both lists are arrays. */
export function isDeckhouseBasicRules(value: unknown): value is DeckhouseBasicRules {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['basic', 'virtualization', 'tail', 'systemNamespaces', 'systemServiceAccounts'].every((field) =>
    Array.isArray(record[field]),
  );
}

/** Index in `rules.basic` of the rule that records mutations by Deckhouse's ServiceAccounts, -1 if none. */
export function serviceAccountRuleIndex(rules: DeckhouseBasicRules): number {
  if (rules.serviceAccountRuleIndex !== undefined) return rules.serviceAccountRuleIndex;
  return rules.basic.findIndex(isSystemServiceAccountRule);
}

/**
 * One line about a set of built-in rules for headers, e.g. `bundled snapshot DKP 1.77 (deckhouse main
 * @567d8875): 20 basic + 7 virtualization + 2 tail rules, 35 system namespaces, 108 system ServiceAccounts`.
 */
export function builtInRulesSummary(rules: DeckhouseBasicRules): string {
  checkObjectArgument(
    'builtInRulesSummary',
    'rules',
    rules,
    'DeckhouseBasicRules (e.g. DECKHOUSE_BASIC_RULES)',
  );
  const extras = rules.extraServiceAccounts?.length ?? 0;
  return (
    `${rules.stamp ?? rules.deckhouseVersion}: ${rules.basic.length} basic + ${rules.virtualization.length} ` +
    `virtualization + ${rules.tail.length} tail rules, ${rules.systemNamespaces.length} system namespaces, ` +
    `${rules.systemServiceAccounts.length} system ServiceAccounts${extras > 0 ? ` (+${extras} extra)` : ''}`
  );
}

/**
 * Returns a copy of `rules` with ServiceAccounts appended to the ServiceAccount-mutation rule's users, as
 * Deckhouse does with the `serviceAccounts` of every ConfigMap labelled
 * `control-plane-manager.deckhouse.io/extra-audit-policy-config` (appended verbatim, in order, no de-duplication).
 */
export function withExtraServiceAccounts(
  rules: DeckhouseBasicRules,
  serviceAccounts: readonly string[],
): DeckhouseBasicRules {
  if (!isDeckhouseBasicRules(rules)) {
    const got = isRecord(rules) ? 'an object without its rule lists' : shapeOf(rules);
    throw new TypeError(
      `withExtraServiceAccounts: rules must be DeckhouseBasicRules (DECKHOUSE_BASIC_RULES, buildBasicRules() or ` +
        `builtInRulesFromMergedPolicy()), got ${got}`,
    );
  }
  if (!Array.isArray(serviceAccounts) || !serviceAccounts.every((sa) => typeof sa === 'string')) {
    throw new TypeError(
      'withExtraServiceAccounts: serviceAccounts must be a list of strings ' +
        `(["system:serviceaccount:<namespace>:<name>", ...]), got ${Array.isArray(serviceAccounts) ? 'a list with a non-string' : shapeOf(serviceAccounts)}`,
    );
  }
  const index = serviceAccountRuleIndex(rules);
  if (index < 0 || index >= rules.basic.length) {
    throw new Error(
      `withExtraServiceAccounts: these basic rules (${rules.deckhouseVersion}) have no ServiceAccount rule ` +
        '(users + userGroups [system:serviceaccounts]) to append to',
    );
  }
  const basic = rules.basic.map((rule, i) =>
    i === index ? { ...rule, users: [...(rule.users ?? []), ...serviceAccounts] } : rule,
  );
  return {
    ...rules,
    basic,
    extraServiceAccounts: [...(rules.extraServiceAccounts ?? []), ...serviceAccounts],
    serviceAccountRuleIndex: index,
  };
}
