import { closestMatch } from '../policy/did-you-mean';
import { GROUP_RESOURCES_FIELDS, POLICY_FIELDS, RULE_FIELDS } from '../policy/policy-fields';
import { checkOptionsArgument, checkPolicyArgument, isRecord, shapeOf } from '../policy/arguments';
import { deckhouseCustomPolicy } from '../policy/builder';
import {
  EffectivePolicy,
  Policy,
  PolicyProducer,
  PolicyRule,
  Problem,
  RuleLayer,
  RuleOrigin,
} from '../policy/types';
import { DECKHOUSE_BASIC_RULES, DeckhouseBasicRules, isDeckhouseBasicRules } from './basic-rules';
import { describeRule } from '../policy/describe';

/** Inputs of `deckhouseEffectivePolicy`: the control-plane-manager settings and the custom policy Secret. */
export interface DeckhouseEffectivePolicyOptions {
  /**
   * `spec.settings.apiserver.basicAuditPolicyEnabled` of ModuleConfig control-plane-manager.
   * @default true (Deckhouse's default)
   */
  basicAuditPolicyEnabled?: boolean;
  /** The policy in Secret kube-system/audit-policy (key audit-policy.yaml), or its builder. @default - no Secret */
  customPolicy?: Policy | PolicyProducer;
  /**
   * `spec.settings.apiserver.auditPolicyEnabled`: whether Deckhouse reads the Secret at all.
   * @default - true when `customPolicy` is given, false otherwise
   */
  auditPolicyEnabled?: boolean;
  /** The built-in rules to merge. @default DECKHOUSE_BASIC_RULES */
  basicRules?: DeckhouseBasicRules;
}

// Top-level Policy fields Deckhouse takes from the custom policy (the rest is dropped by its hook).
const KEPT_FIELDS = new Set(['apiVersion', 'kind', 'rules', 'omitStages']);

function droppedFieldWarning(field: string, value: unknown): Problem {
  if (field === 'omitManagedFields') {
    return {
      message:
        `customPolicy.omitManagedFields (${JSON.stringify(value)}) is dropped by Deckhouse: only the rules and ` +
        'omitStages of the custom policy are used, so managedFields stay in request/response bodies',
      field: 'omitManagedFields',
      fix: 'set omitManagedFields on each custom rule instead (rule-level fields are kept)',
    };
  }
  if (field === 'metadata') {
    return {
      message: 'customPolicy.metadata is dropped by Deckhouse (it has no effect on auditing)',
      field: 'metadata',
      fix: 'remove metadata from the policy',
    };
  }
  return {
    message: `customPolicy.${field} is dropped by Deckhouse: only the rules and omitStages of the custom policy are used`,
    field,
    fix: `remove ${field} from the policy`,
  };
}

function copyRule(rule: PolicyRule): PolicyRule {
  return structuredClone(rule) as PolicyRule;
}

const FN = 'deckhouseEffectivePolicy';

function checkFlag(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean')
    throw new TypeError(`${FN}: options.${name} must be true or false when given, got ${shapeOf(value)}`);
}

// The custom policy as Deckhouse's hook reads the Secret (deckhouse-audit.md §2): no rule count and no
// apiVersion check, but rules kube-apiserver would refuse (a bad level stops it) are refused here too, so
// that no answer is computed from them (`users: 'alice'` would match every user).
function checkCustomPolicy(input: unknown): Policy | undefined {
  if (input === undefined) return undefined;
  if (typeof input === 'string') {
    throw new TypeError(
      `${FN}: options.customPolicy must be an audit.k8s.io/v1 Policy object or a builder, got a string; ` +
        "for YAML text use loadPolicy(text, { target: 'deckhouse' }).policy (its errors have line and column)",
    );
  }
  const value = deckhouseCustomPolicy(input);
  if (!isRecord(value)) {
    throw new TypeError(
      `${FN}: options.customPolicy must be an audit.k8s.io/v1 Policy object or a builder, got ${shapeOf(value)}`,
    );
  }
  const read = asHookReadsIt(value);
  // Without a rules key the Secret holds a policy with only omitStages: valid for Deckhouse, which also
  // ignores apiVersion and kind (the hook re-serializes the merge as audit.k8s.io/v1).
  const checked: Record<string, unknown> = { ...read, rules: read.rules ?? [] };
  delete checked.apiVersion;
  delete checked.kind;
  checkPolicyArgument(FN, 'options.customPolicy', checked);
  return read as unknown as Policy;
}

// The hook decodes the Secret with sigs.k8s.io/yaml UnmarshalStrict (deckhouse-audit.md §2): a key that matches
// no field of the Go type fails the module run, and a key matches its field case-insensitively, as encoding/json
// matches (`Level` is level). So a policy object is read the same way: keys mapped to their fields, a key of
// no field (`verb` for `verbs`, which would otherwise widen the rule) refused.
function asHookReadsIt(policy: Record<string, unknown>): Record<string, unknown> {
  const canonical = (object: Record<string, unknown>, fields: readonly string[], at: string) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(object)) {
      const field = fields.find((f) => f.toLowerCase() === key.toLowerCase());
      if (field === undefined) {
        const close = closestMatch(key, fields);
        throw new TypeError(
          `${FN}: options.customPolicy${at}.${key} is not a field of the audit.k8s.io/v1 type: Deckhouse's hook ` +
            `decodes the Secret strictly and would refuse it${close ? ` (did you mean ${close}?)` : ''}`,
        );
      }
      if (field in out)
        throw new TypeError(
          `${FN}: options.customPolicy${at} sets ${field} twice (keys match case-insensitively)`,
        );
      out[field] = value;
    }
    return out;
  };
  const top = canonical(policy, POLICY_FIELDS, '');
  if (!Array.isArray(top.rules)) return top;
  top.rules = top.rules.map((rule, i) => {
    if (!isRecord(rule)) return rule; // the shape check that follows names it
    const r = canonical(rule, RULE_FIELDS, `.rules[${i}]`);
    if (Array.isArray(r.resources)) {
      r.resources = r.resources.map((entry, j) =>
        isRecord(entry) ? canonical(entry, GROUP_RESOURCES_FIELDS, `.rules[${i}].resources[${j}]`) : entry,
      );
    }
    return r;
  });
  return top;
}

/**
 * The policy kube-apiserver really runs on a Deckhouse cluster, merged exactly like control-plane-manager's
 * audit_policy hook: basic + virtualization rules (basic on), the custom rules in order (Secret read), the
 * tail rules (basic on) — the virtualization rules after the custom ones when `basicRules` says so; the custom policy's omitStages kept, its other top-level fields dropped. Throws a
 * TypeError for a malformed argument, an InvalidPolicyError for a custom policy kube-apiserver would refuse.
 */
export function deckhouseEffectivePolicy(options: DeckhouseEffectivePolicyOptions = {}): EffectivePolicy {
  checkOptionsArgument(FN, 'options', options, [
    'basicAuditPolicyEnabled',
    'customPolicy',
    'auditPolicyEnabled',
    'basicRules',
  ]);
  checkFlag('basicAuditPolicyEnabled', options.basicAuditPolicyEnabled);
  checkFlag('auditPolicyEnabled', options.auditPolicyEnabled);
  if (options.basicRules !== undefined && !isDeckhouseBasicRules(options.basicRules)) {
    throw new TypeError(
      `${FN}: options.basicRules must be DeckhouseBasicRules (DECKHOUSE_BASIC_RULES, buildBasicRules() or ` +
        `builtInRulesFromMergedPolicy()), got ${shapeOf(options.basicRules)} without its rule lists`,
    );
  }
  const basicOn = options.basicAuditPolicyEnabled ?? true;
  const rules = options.basicRules ?? DECKHOUSE_BASIC_RULES;
  const custom = checkCustomPolicy(options.customPolicy);
  const readSecret = options.auditPolicyEnabled ?? custom !== undefined;
  const warnings: Problem[] = [];

  const merged: PolicyRule[] = [];
  const origins: RuleOrigin[] = [];
  const titles: string[] = [];
  const add = (layer: RuleLayer, list: readonly PolicyRule[]) =>
    list.forEach((rule, index) => {
      merged.push(copyRule(rule));
      origins.push({ layer, index });
      const known = layer === 'custom' ? undefined : rules.titles?.[layer]?.[index];
      titles.push(known ?? describeRule(rule));
    });

  const virtualizationLast = rules.virtualizationAfterCustom === true;
  if (basicOn) {
    add('basic', rules.basic);
    if (!virtualizationLast) add('virtualization', rules.virtualization);
  }
  let omitStages: Policy['omitStages'];
  if (custom !== undefined && !readSecret) {
    warnings.push({
      message:
        'auditPolicyEnabled is false: Deckhouse ignores the custom policy in Secret kube-system/audit-policy',
      field: 'auditPolicyEnabled',
      fix: 'set spec.settings.apiserver.auditPolicyEnabled: true in ModuleConfig control-plane-manager',
    });
  } else if (custom === undefined && readSecret) {
    warnings.push({
      // With the built-in rules off there is nothing left: Deckhouse runs kube-apiserver without audit flags.
      message: basicOn
        ? 'auditPolicyEnabled is true but there is no custom policy: only the built-in rules apply'
        : 'auditPolicyEnabled is true but there is no custom policy, and the built-in rules are off ' +
          '(basicAuditPolicyEnabled: false): Deckhouse has no rule to run, so nothing is audited',
      field: 'auditPolicyEnabled',
      fix: basicOn
        ? 'create Secret kube-system/audit-policy with key audit-policy.yaml, or set auditPolicyEnabled: false'
        : 'create Secret kube-system/audit-policy with key audit-policy.yaml, or set basicAuditPolicyEnabled: true',
    });
  } else if (custom !== undefined) {
    add('custom', custom.rules ?? []);
    if (custom.omitStages !== undefined && custom.omitStages.length > 0) omitStages = [...custom.omitStages];
    // Upstream's Policy field order (unknown fields last), so warnings do not depend on how the object was built.
    const rank = (f: string) => (POLICY_FIELDS as readonly string[]).indexOf(f) + 1 || 99;
    const dropped = Object.keys(custom)
      .filter((f) => !KEPT_FIELDS.has(f) && (custom as unknown as Record<string, unknown>)[f] !== undefined)
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const field of dropped) {
      warnings.push(droppedFieldWarning(field, (custom as unknown as Record<string, unknown>)[field]));
    }
  }
  if (basicOn) {
    if (virtualizationLast) add('virtualization', rules.virtualization);
    add('tail', rules.tail);
  }

  const enabled = merged.length > 0;
  if (!enabled && custom !== undefined && readSecret) {
    warnings.push({
      message: 'audit is off: the basic rules are disabled and the custom policy has no rules',
      field: 'rules',
      fix: 'add rules to the custom policy or set basicAuditPolicyEnabled: true',
    });
  }
  const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: merged };
  if (enabled && omitStages !== undefined) policy.omitStages = omitStages;
  return { policy, origins, enabled, warnings, titles };
}
