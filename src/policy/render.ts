/**
 * The canonical YAML form of a policy: fixed key order (upstream's struct order), block lists, and
 * every string that any YAML 1.1 or 1.2 reader could take for something else double-quoted.
 *
 * Absent fields are left out; a present empty list is written `[]` so that parsing the output gives
 * back the same object (an empty list and an absent one mean the same to kube-apiserver).
 */
import { GROUP_RESOURCES_FIELDS, RULE_FIELDS } from './policy-fields';
import { AUDIT_API_VERSION } from './yaml-decode';
import { doubleQuoted, isSafePlainString } from './yaml-quote';
import { Policy } from './types';

/** A mapping whose key order is fixed by the caller rather than sorted. */
class OrderedMapping {
  constructor(readonly entries: ReadonlyArray<readonly [string, unknown]>) {}
}

const INDENT = '  ';

/** Renders a policy as canonical YAML: the same policy always gives the same bytes, ending in a newline. */
export function renderPolicy(policy: Policy): string {
  return mappingLines(policyMapping(policy).entries, 0).join('\n') + '\n';
}

function policyMapping(policy: Policy): OrderedMapping {
  const entries: Array<readonly [string, unknown]> = [
    ['apiVersion', policy.apiVersion ?? AUDIT_API_VERSION],
    ['kind', policy.kind ?? 'Policy'],
  ];
  if (policy.metadata !== undefined) entries.push(['metadata', policy.metadata]);
  if (policy.omitStages !== undefined) entries.push(['omitStages', policy.omitStages]);
  if (policy.omitManagedFields !== undefined) entries.push(['omitManagedFields', policy.omitManagedFields]);
  const rules: unknown = policy.rules;
  entries.push(['rules', Array.isArray(rules) ? rules.map(ruleMapping) : (rules ?? [])]);
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Plain objects other than the policy's own (metadata) get sorted keys, like cdk8s output. */
function entriesOf(
  value: OrderedMapping | Record<string, unknown>,
): ReadonlyArray<readonly [string, unknown]> {
  if (value instanceof OrderedMapping) return value.entries;
  return Object.keys(value)
    .sort()
    .filter((key) => value[key] !== undefined)
    .map((key) => [key, value[key]] as const);
}

function isMapping(value: unknown): value is OrderedMapping | Record<string, unknown> {
  return value instanceof OrderedMapping || isRecord(value);
}

function mappingLines(entries: ReadonlyArray<readonly [string, unknown]>, indent: number): string[] {
  const pad = INDENT.repeat(indent);
  const lines: string[] = [];
  for (const [key, value] of entries) {
    const k = `${pad}${scalar(key)}:`;
    if (Array.isArray(value)) {
      if (value.length === 0) lines.push(`${k} []`);
      else lines.push(k, ...sequenceLines(value, indent + 1));
    } else if (isMapping(value)) {
      const inner = entriesOf(value);
      if (inner.length === 0) lines.push(`${k} {}`);
      else lines.push(k, ...mappingLines(inner, indent + 1));
    } else {
      lines.push(`${k} ${scalar(value)}`);
    }
  }
  return lines;
}

function sequenceLines(items: readonly unknown[], indent: number): string[] {
  const pad = INDENT.repeat(indent);
  const lines: string[] = [];
  for (const item of items) {
    if (Array.isArray(item)) {
      if (item.length === 0) lines.push(`${pad}- []`);
      else lines.push(`${pad}-`, ...sequenceLines(item, indent + 1));
    } else if (isMapping(item)) {
      const inner = entriesOf(item);
      if (inner.length === 0) {
        lines.push(`${pad}- {}`);
      } else {
        // The first key shares the line with the dash; the rest line up under it.
        const body = mappingLines(inner, indent + 1);
        body[0] = `${pad}- ${body[0].slice(pad.length + INDENT.length)}`;
        lines.push(...body);
      }
    } else {
      lines.push(`${pad}- ${scalar(item)}`);
    }
  }
  return lines;
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return isSafePlainString(value) ? value : doubleQuoted(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (value === Infinity) return '.inf';
    if (value === -Infinity) return '-.inf';
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (value === null || value === undefined) return 'null';
  return doubleQuoted(String(value));
}
