/**
 * The project's one YAML writer (the synthesized manifests are written by cdk8s's own): block style, two-space
 * indentation, lists indented under their key, `[]` / `{}` for empty collections, no line folding, and every
 * string quoted by the rules of yaml-quote.ts. Mappings keep a caller-fixed key order (OrderedMapping) or get
 * sorted keys, so the same value always gives the same bytes.
 */
import { doubleQuoted, isSafePlainString } from './yaml-quote';

/** A mapping whose key order is fixed by the caller rather than sorted. */
export class OrderedMapping {
  constructor(readonly entries: ReadonlyArray<readonly [string, unknown]>) {}
}

const INDENT = '  ';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMapping(value: unknown): value is OrderedMapping | Record<string, unknown> {
  return value instanceof OrderedMapping || isRecord(value);
}

/** Plain objects get sorted keys (like cdk8s output); undefined values are left out. */
function entriesOf(
  value: OrderedMapping | Record<string, unknown>,
): ReadonlyArray<readonly [string, unknown]> {
  if (value instanceof OrderedMapping) return value.entries.filter(([, v]) => v !== undefined);
  return Object.keys(value)
    .sort()
    .filter((key) => value[key] !== undefined)
    .map((key) => [key, value[key]] as const);
}

/** A scalar as YAML: strings by the quoting rules, numbers and booleans as YAML 1.1 and 1.2 read them. */
export function yamlScalar(value: unknown): string {
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

/** The value's lines when it follows `prefix` (a key and ":", or a dash), at nesting `indent`. */
function valueLines(prefix: string, value: unknown, indent: number): string[] {
  if (Array.isArray(value)) {
    return value.length === 0 ? [`${prefix} []`] : [prefix, ...sequenceLines(value, indent + 1)];
  }
  if (isMapping(value)) {
    const inner = entriesOf(value);
    return inner.length === 0 ? [`${prefix} {}`] : [prefix, ...mappingLines(inner, indent + 1)];
  }
  return [`${prefix} ${yamlScalar(value)}`];
}

function mappingLines(entries: ReadonlyArray<readonly [string, unknown]>, indent: number): string[] {
  const pad = INDENT.repeat(indent);
  return entries.flatMap(([key, value]) => valueLines(`${pad}${yamlScalar(key)}:`, value, indent));
}

function sequenceLines(items: readonly unknown[], indent: number): string[] {
  const pad = INDENT.repeat(indent);
  const lines: string[] = [];
  for (const item of items) {
    const nested = Array.isArray(item) ? item.length > 0 : isMapping(item) && entriesOf(item).length > 0;
    if (!nested) {
      lines.push(...valueLines(`${pad}-`, item, indent));
      continue;
    }
    // A non-empty collection starts on the dash's line; the rest lines up under its first entry.
    const body = Array.isArray(item)
      ? sequenceLines(item, indent + 1)
      : mappingLines(entriesOf(item as OrderedMapping | Record<string, unknown>), indent + 1);
    body[0] = `${pad}- ${body[0].slice(pad.length + INDENT.length)}`;
    lines.push(...body);
  }
  return lines;
}

/** One YAML document for `value`, ending in a newline. */
export function writeYaml(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]\n' : sequenceLines(value, 0).join('\n') + '\n';
  if (isMapping(value)) {
    const entries = entriesOf(value);
    return entries.length === 0 ? '{}\n' : mappingLines(entries, 0).join('\n') + '\n';
  }
  return yamlScalar(value) + '\n';
}
