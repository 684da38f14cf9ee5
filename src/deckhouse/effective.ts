import { POLICY_FIELDS } from '../policy/policy-fields';
import { built } from '../policy/arguments';
import {
  EffectivePolicy,
  Policy,
  PolicyProducer,
  PolicyRule,
  Problem,
  RuleLayer,
  RuleOrigin,
} from '../policy/types';
import { DECKHOUSE_BASIC_RULES, DeckhouseBasicRules } from './basic-rules';
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

/**
 * The policy kube-apiserver really runs on a Deckhouse cluster, merged exactly like control-plane-manager's
 * audit_policy hook: basic + virtualization rules (basic on), the custom rules in order (Secret read), the
 * tail rules (basic on); the custom policy's omitStages kept, its other top-level fields dropped.
 */
export function deckhouseEffectivePolicy(options: DeckhouseEffectivePolicyOptions = {}): EffectivePolicy {
  const basicOn = options.basicAuditPolicyEnabled ?? true;
  const rules = options.basicRules ?? DECKHOUSE_BASIC_RULES;
  const custom = built(options.customPolicy) as Policy | undefined;
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

  if (basicOn) {
    add('basic', rules.basic);
    add('virtualization', rules.virtualization);
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
      message: 'auditPolicyEnabled is true but there is no custom policy: only the built-in rules apply',
      field: 'auditPolicyEnabled',
      fix: 'create Secret kube-system/audit-policy with key audit-policy.yaml, or set auditPolicyEnabled: false',
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
  if (basicOn) add('tail', rules.tail);

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
