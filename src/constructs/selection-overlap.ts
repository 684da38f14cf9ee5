// Selections of one destination that an event can match both of. log-shipper builds one pipeline per
// ClusterLoggingConfig, each with its own source reading the whole audit log, and joins their outputs at the
// destination (deckhouse modules/460-log-shipper/hooks/internal/composer/config.go at 1daba334, AppendLogPipeline;
// testdata/many-to-one/result.json at 2fea809c: the destination's first transform has both configs' last transforms
// as inputs): an event two selections keep reaches the destination twice. The selections cannot be merged into one
// ClusterLoggingConfig: each logFilter item is a filter transform of its own, chained, so the items are ANDed
// (hooks/internal/vector/transform/filter.go at 0f9f7fb5, createFilterTransform), and one item ORs values of one
// field only. So two selections must exclude each other on some field; this says when they provably do.
import { AuditEventSelection, LogFilter } from './log-filter';
import { PropProblem } from './messages';

/** What one filter item says about its field, when it says something comparable. */
type Constraint =
  | { readonly kind: 'oneOf' | 'noneOf'; readonly field: string; readonly values: readonly string[] }
  | { readonly kind: 'present' | 'absent'; readonly field: string };

// An anchored literal, as exact() and notExact() render it: `^text$` with the text escaped (a quote as `\x27`).
const LITERAL = /^\^((?:[^\\^$.*+?()[\]{}|]|\\[\\^$.*+?()[\]{}|]|\\x27)*)\$$/;

/** A value as a typed key: In compares strings and integers as they are (vrl/filter.go FilterInRule). */
const key = (value: unknown): string => `${typeof value}:${String(value)}`;

function literals(values: readonly unknown[] | undefined): string[] | undefined {
  if (!Array.isArray(values) || values.length === 0) return undefined;
  const out: string[] = [];
  for (const value of values) {
    const literal = typeof value === 'string' ? LITERAL.exec(value)?.[1] : undefined;
    if (literal === undefined) return undefined;
    out.push(key(literal.replace(/\\x27|\\(.)/g, (_, escaped?: string) => escaped ?? "'")));
  }
  return out;
}

function constraintOf(filter: LogFilter): Constraint | undefined {
  const { field, operator, values } = filter;
  if (typeof field !== 'string') return undefined;
  switch (operator) {
    case 'Exists':
      return { kind: 'present', field };
    case 'DoesNotExist':
      return { kind: 'absent', field };
    case 'In':
    case 'NotIn':
      return Array.isArray(values) && values.length > 0
        ? { kind: operator === 'In' ? 'oneOf' : 'noneOf', field, values: values.map(key) }
        : undefined;
    case 'Regex':
    case 'NotRegex': {
      const exact = literals(values);
      return exact && { kind: operator === 'Regex' ? 'oneOf' : 'noneOf', field, values: exact };
    }
    default:
      return undefined;
  }
}

function excludes(a: Constraint, b: Constraint): boolean {
  if (a.field !== b.field) return false;
  if (a.kind === 'absent') return b.kind === 'present' || b.kind === 'oneOf';
  if (a.kind === 'oneOf' && b.kind === 'oneOf') return !a.values.some((v) => b.values.includes(v));
  if (a.kind === 'oneOf' && b.kind === 'noneOf') return a.values.every((v) => b.values.includes(v));
  return false;
}

/** No event matches both filter lists, as far as their items show (a field both constrain, incompatibly). */
export function provablyDisjoint(a: readonly LogFilter[], b: readonly LogFilter[]): boolean {
  const ca = a.map(constraintOf).filter((c): c is Constraint => c !== undefined);
  const cb = b.map(constraintOf).filter((c): c is Constraint => c !== undefined);
  return ca.some((x) => cb.some((y) => excludes(x, y) || excludes(y, x)));
}

/** A filter that, added to one selection, excludes what `other` keeps (from its first exact, presence or absence item). */
function exclusionHint(other: AuditEventSelection): string {
  for (const filter of other.filters ?? []) {
    const c = constraintOf(filter);
    if (c?.kind === 'absent') return `exists('${c.field}')`;
    if (c?.kind === 'present') return `doesNotExist('${c.field}')`;
    if (c?.kind !== 'oneOf') continue;
    if (filter.operator === 'In') {
      return `{ field: '${c.field}', operator: 'NotIn', values: ${JSON.stringify(filter.values)} }`;
    }
    const texts = c.values.map((v) => JSON.stringify(v.replace(/^string:/, '')).replace(/^"|"$/g, "'"));
    return `notExact('${c.field}', ${texts.join(', ')})`;
  }
  return `an exact value or doesNotExist on a field "${other.name}" compares with exact values (it has none now)`;
}

/**
 * The selections of one destination (prop path `at`, e.g. `destinations[0]`) an event can match two of, each pair
 * as the problem of the later selection.
 */
export function selectionOverlapProblems(
  selections: readonly AuditEventSelection[] | undefined,
  at: string,
): PropProblem[] {
  const list = Array.isArray(selections) ? selections : [];
  const problems: PropProblem[] = [];
  list.forEach((selection, j) => {
    for (let i = 0; i < j; i++) {
      const earlier = list[i];
      if (!Array.isArray(selection?.filters) || !Array.isArray(earlier?.filters)) continue;
      if (provablyDisjoint(earlier.filters, selection.filters)) continue;
      problems.push({
        field: `${at}.selections[${j}]`,
        received: selection.name,
        expected:
          `a selection no event shares with selections[${i}] ("${earlier.name}"): log-shipper runs one ` +
          'ClusterLoggingConfig per selection, each reading the whole audit log into this destination, so an event ' +
          'both keep is sent twice; their filters cannot be merged into one config (logFilter items are ANDed, ' +
          'one field per item)',
        fix:
          `add to "${selection.name}" a filter that excludes what "${earlier.name}" keeps, e.g. ` +
          `${exclusionHint(earlier)}, so that both filter one field with values that exclude each other; or send ` +
          'one of them to a destination of its own',
      });
      break; // one message per selection
    }
  });
  return problems;
}
