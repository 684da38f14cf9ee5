/**
 * The canonical layout of a policy: upstream's field order (policy-fields.ts), absent fields left out, a present
 * empty list kept as `[]` (so that parsing the output gives back the same object; an empty list and an absent
 * one mean the same to kube-apiserver), metadata with sorted keys. Written by the one YAML writer.
 */
import { GROUP_RESOURCES_FIELDS, RULE_FIELDS } from './policy-fields';
import { Policy } from './types';
import { AUDIT_API_VERSION } from './yaml-document';
import { OrderedMapping, writeYaml } from './yaml-write';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick(
  source: Record<string, unknown>,
  order: readonly string[],
  map: (key: string, value: unknown) => unknown,
): OrderedMapping {
  const entries: Array<readonly [string, unknown]> = [];
  for (const key of order) {
    const value = source[key];
    if (value !== undefined) entries.push([key, map(key, value)]);
  }
  return new OrderedMapping(entries);
}

function ruleMapping(rule: unknown): unknown {
  if (!isRecord(rule)) return rule;
  return pick(rule, RULE_FIELDS, (key, value) =>
    key === 'resources' && Array.isArray(value)
      ? value.map((entry) => (isRecord(entry) ? pick(entry, GROUP_RESOURCES_FIELDS, (_k, v) => v) : entry))
      : value,
  );
}

/** The policy as one canonical YAML document, without validating it (renderPolicy validates first). */
export function policyYaml(policy: Policy): string {
  const entries: Array<readonly [string, unknown]> = [
    ['apiVersion', policy.apiVersion ?? AUDIT_API_VERSION],
    ['kind', policy.kind ?? 'Policy'],
  ];
  if (policy.metadata !== undefined) entries.push(['metadata', policy.metadata]);
  if (policy.omitStages !== undefined) entries.push(['omitStages', policy.omitStages]);
  if (policy.omitManagedFields !== undefined) entries.push(['omitManagedFields', policy.omitManagedFields]);
  const rules: unknown = policy.rules;
  entries.push(['rules', Array.isArray(rules) ? rules.map(ruleMapping) : (rules ?? [])]);
  return writeYaml(new OrderedMapping(entries));
}
