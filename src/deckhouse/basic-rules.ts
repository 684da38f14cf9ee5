import type * as Yaml from 'yaml';
import {
  isRecord,
  shapeOf,
  checkObjectArgument,
  checkStringArgument,
  checkListArgument,
} from '../policy/arguments';
import { PolicyRule, Problem } from '../policy/types';
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

/** The label that makes Deckhouse read a ConfigMap's `data.basicAuditPolicy`. */
export const EXTRA_AUDIT_POLICY_CONFIG_LABEL = 'control-plane-manager.deckhouse.io/extra-audit-policy-config';

/** The outcome of reading an `extra-audit-policy-config` ConfigMap's `data.basicAuditPolicy`. */
export interface ExtraAuditPolicyConfig {
  /** The ServiceAccount user names Deckhouse would append (empty when there are errors). */
  serviceAccounts: string[];
  /** Non-empty = Deckhouse's control-plane-manager hook fails on this ConfigMap (the audit policy is not updated). */
  errors: Problem[];
  warnings: Problem[];
}

const FIELD = 'data.basicAuditPolicy';
const SA_USER = /^system:serviceaccount:[^:]+:[^:]+$/;

/**
 * Reads the text of `data.basicAuditPolicy` (YAML `serviceAccounts: [...]`) the way Deckhouse does:
 * YAML 1.1, unknown keys ignored, entries used verbatim as user names.
 */
export function parseExtraAuditPolicyConfig(text: string): ExtraAuditPolicyConfig {
  checkStringArgument(
    'parseExtraAuditPolicyConfig',
    'text',
    text,
    "the ConfigMap's data.basicAuditPolicy text",
  );
  const result: ExtraAuditPolicyConfig = { serviceAccounts: [], errors: [], warnings: [] };
  // Deckhouse decodes with sigs.k8s.io/yaml (YAML 1.1: `yes`/`on` are booleans there, not strings).
  // The YAML library is loaded here, on first use, not with the rules: `explain --deckhouse` needs only them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseDocument } = require('yaml') as typeof Yaml;
  const doc = parseDocument(text, { version: '1.1' });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const pos = err.linePos?.[0];
      result.errors.push({
        message: `${FIELD}: not valid YAML: ${err.message.split('\n')[0].replace(/:$/, '')} (Deckhouse rejects it: "yaml expected")`,
        field: FIELD,
        line: pos?.line,
        column: pos?.col,
        fix: 'write it as a YAML mapping, e.g. "serviceAccounts:\\n- system:serviceaccount:<namespace>:<name>"',
      });
    }
    return result;
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return result;
  if (typeof value !== 'object' || Array.isArray(value)) {
    result.errors.push({
      message: `${FIELD}: expected a mapping with key serviceAccounts, got ${Array.isArray(value) ? 'a list' : typeof value}`,
      field: FIELD,
      fix: 'write "serviceAccounts:" followed by a list of system:serviceaccount:<namespace>:<name> names',
    });
    return result;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'serviceAccounts') {
      result.warnings.push({
        message: `${FIELD}: key "${key}" is ignored by Deckhouse (only serviceAccounts is read)`,
        field: `${FIELD}.${key}`,
        fix: key.toLowerCase() === 'serviceaccounts' ? 'spell it serviceAccounts' : `remove "${key}"`,
      });
    }
  }
  const list = record.serviceAccounts;
  if (list === undefined || list === null) return result;
  if (!Array.isArray(list)) {
    result.errors.push({
      message: `${FIELD}.serviceAccounts: expected a list of strings, got ${typeof list}`,
      field: `${FIELD}.serviceAccounts`,
      fix: 'use a YAML list: "serviceAccounts:\\n- system:serviceaccount:<namespace>:<name>"',
    });
    return result;
  }
  const accounts: string[] = [];
  list.forEach((entry: unknown, i) => {
    const field = `${FIELD}.serviceAccounts[${i}]`;
    if (typeof entry !== 'string') {
      result.errors.push({
        message: `${field}: expected a string, got ${entry === null ? 'null' : typeof entry} ${JSON.stringify(entry)}`,
        field,
        fix: 'quote the value',
      });
      return;
    }
    accounts.push(entry);
    if (!SA_USER.test(entry)) {
      const parts = entry.split(':');
      const fix =
        parts.length === 2
          ? `write "system:serviceaccount:${entry}"`
          : 'write the full user name system:serviceaccount:<namespace>:<name>';
      result.warnings.push({
        message: `${field}: "${entry}" is not a ServiceAccount user name; Deckhouse compares it verbatim with the request's user, so it matches no ServiceAccount`,
        field,
        fix,
      });
    }
  });
  if (result.errors.length === 0) result.serviceAccounts = accounts;
  return result;
}

/** The `data.basicAuditPolicy` text for an `extra-audit-policy-config` ConfigMap listing these ServiceAccounts. */
export function renderExtraAuditPolicyConfig(serviceAccounts: readonly string[]): string {
  checkListArgument(
    'renderExtraAuditPolicyConfig',
    'serviceAccounts',
    serviceAccounts,
    'a list of ServiceAccount user names',
  );
  if (serviceAccounts.length === 0) return 'serviceAccounts: []\n';
  // Double-quoted (JSON) scalars are valid YAML 1.1 and 1.2 and never change type.
  return `serviceAccounts:\n${serviceAccounts.map((sa) => `- ${JSON.stringify(sa)}\n`).join('')}`;
}
