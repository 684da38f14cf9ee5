// The `field` of a log-shipper filter item as the VRL path the agent compiles. log-shipper pastes the text after a
// dot, as it is: deckhouse modules/460-log-shipper/hooks/internal/vrl/filter.go renders `exists(.{{ Field }})`,
// `includes(VALUES, .{{ Field }})`, `match!(.{{ Field }}, r'…')` with Go's text/template, which escapes nothing;
// for a logFilter hooks/internal/vector/transform/filter.go (CreateLogFilterTransforms) first makes the field
// `parsed_data.<field>`, the JSON-parsed message (vrl/json.go); a labelFilter and rateLimit.excludes field go in
// bare. A VRL path segment is letters, digits, `_` and `@`, or a double-quoted string, each with optional `[n]`
// indexes (vector docs, reference/remap/expressions/path.cue). Anything else does not compile — `/` and `-` are
// operators, a backslash is no token — and the agent then refuses the configuration of the whole cluster, not only
// this pipeline. The `\.` escape of extraLabels templates (transform/extra_fields.go) is not read here.
// A path that compiles can still name nothing: the keys of `annotations` (map[string]string), `user.extra`
// (map[string][]string) and object labels and annotations hold dots and slashes, so an unquoted key is read as
// nested fields that no event has.
import { PropProblem } from './messages';

/** One segment of a VRL path: its key (unquoted), whether it was quoted, how many `[n]` follow it. */
export interface PathSegment {
  readonly key: string;
  readonly quoted: boolean;
  readonly indexes: number;
}

const BARE = /^[a-zA-Z0-9_@]+$/;
const SEGMENT = /^(?:([a-zA-Z0-9_@]+)|"((?:[^"\\]|\\["\\])*)")((?:\[\d+\])*)/;

/** The segments of a VRL path written without its leading dot, or undefined if VRL would not compile it. */
export function parseFilterPath(path: string): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  let rest = path;
  for (;;) {
    const m = SEGMENT.exec(rest);
    if (m === null) return undefined;
    const key = m[1] ?? m[2].replace(/\\(["\\])/g, '$1');
    segments.push({ key, quoted: m[1] === undefined, indexes: (m[3].match(/\[/g) ?? []).length });
    rest = rest.slice(m[0].length);
    if (rest.length === 0) return segments;
    if (!rest.startsWith('.')) return undefined;
    rest = rest.slice(1);
  }
}

/** How a key is written as a VRL path segment: bare when it can be, else quoted. */
function segmentText(key: string): string {
  return BARE.test(key) ? key : JSON.stringify(key);
}

/** Paths whose next segment is one map key (the key may hold dots and slashes). */
const AUDIT_MAPS = [
  ['annotations'],
  ['user', 'extra'],
  ['impersonatedUser', 'extra'],
  ['requestObject', 'metadata', 'labels'],
  ['requestObject', 'metadata', 'annotations'],
  ['responseObject', 'metadata', 'labels'],
  ['responseObject', 'metadata', 'annotations'],
];
/** The log record's maps (labelFilter, rateLimit.excludes): the Kubernetes source's pod labels. */
const RECORD_MAPS = [['pod_labels']];

/** Maps whose values are lists of strings (authentication/v1 UserInfo.Extra): a `[n]` may follow the key. */
const LIST_MAPS = ['user.extra', 'impersonatedUser.extra'];

function mapPrefix(keys: readonly string[], maps: readonly string[][]): string[] | undefined {
  return maps.find((m) => m.length < keys.length && m.every((k, i) => keys[i] === k));
}

/**
 * The keys of a path written without its leading dot, split on the dots that are neither escaped (`\.`, read as a
 * dot inside the key, unless `escapes` is false) nor inside double or single quotes (the quotes dropped).
 * log-shipper's transformation paths have no `\.` escape (hooks/internal/parserlabels/path.go ParseLabelPath).
 */
export function pathKeys(path: string, escapes = true): string[] {
  const raw: string[] = [''];
  let quote: string | undefined;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (escapes && c === '\\' && path[i + 1] === '.' && quote === undefined) {
      raw[raw.length - 1] += '.';
      i++;
    } else if (c === quote) {
      quote = undefined;
    } else if ((c === '"' || c === "'") && quote === undefined) {
      quote = c;
    } else if (c === '.' && quote === undefined) {
      raw.push('');
    } else {
      raw[raw.length - 1] += c;
    }
  }
  return raw.filter((k) => k.length > 0);
}

/**
 * The path the user meant, written so that VRL compiles it and it names the key: a leading dot dropped, `\.` read as
 * a dot inside the key, and everything after a map field (`annotations`, `user.extra`, `pod_labels`) one quoted key.
 */
export function meantFilterPath(path: string, record: boolean): string {
  const keys = pathKeys(path.startsWith('.') ? path.slice(1) : path);
  const prefix = mapPrefix(keys, record ? RECORD_MAPS : AUDIT_MAPS);
  if (prefix === undefined) return keys.map(segmentText).join('.');
  let key = keys.slice(prefix.length).join('.');
  const index = LIST_MAPS.includes(prefix.join('.')) ? (/(\[\d+\])+$/.exec(key)?.[0] ?? '') : '';
  key = key.slice(0, key.length - index.length);
  return [...prefix, segmentText(key)].join('.') + index;
}

/** The audit Event map (`annotations`, `user.extra`, ...) whose one key these keys split into several, if any. */
export function splitEventMapKey(keys: readonly string[]): string | undefined {
  const prefix = mapPrefix(keys, AUDIT_MAPS);
  return prefix !== undefined && keys.length - prefix.length > 1 ? prefix.join('.') : undefined;
}

/**
 * Why log-shipper cannot use `field` as written (a filter item's field, already known to be a non-empty string):
 * VRL would not compile the path it renders, or the path splits a map key into fields no record has. `record`: the
 * field names the log record (labelFilter, rateLimit.excludes), not the audit event inside `parsed_data`.
 */
export function filterFieldPathProblem(
  field: string,
  record: boolean,
): Pick<PropProblem, 'expected' | 'fix'> | undefined {
  const rendered = record ? `.${field}` : `.parsed_data.${field}`;
  const meant = meantFilterPath(field, record);
  const fix = `write "${meant}"`;
  if (field.startsWith('.')) {
    return {
      expected:
        `a path without a leading dot: log-shipper writes a dot before the field (${rendered}), which VRL does ` +
        "not compile, and the agent then refuses the whole cluster's log-shipper configuration",
      fix,
    };
  }
  const segments = parseFilterPath(field);
  if (segments === undefined) {
    const escaped = field.includes('\\.') ? ' (the \\. escape is read in extraLabels templates only)' : '';
    return {
      expected:
        "a VRL path: log-shipper writes the field unquoted into the agent's VRL (`exists(" +
        `${rendered})\`), where a segment other than letters, digits, "_" and "@" must be double-quoted${escaped}; ` +
        "this one does not compile, and the agent then refuses the whole cluster's log-shipper configuration",
      fix: `${fix} (quote each key that holds other characters)`,
    };
  }
  const keys = segments.map((s) => s.key);
  const prefix = mapPrefix(keys, record ? RECORD_MAPS : AUDIT_MAPS);
  if (prefix === undefined) return undefined;
  const below = segments.slice(prefix.length);
  const list = LIST_MAPS.includes(prefix.join('.'));
  const split = below.length > 1 || below[0].indexes > (list ? 1 : 0);
  if (!split) return undefined;
  return {
    expected:
      `one key below ${prefix.join('.')}: its keys hold dots and slashes (authorization.k8s.io/decision), ` +
      `and VRL reads each unquoted dot as a nested field, which no ${record ? 'record' : 'event'} has, so the ` +
      'filter never matches',
    fix: `${fix} (the whole key double-quoted)`,
  };
}

/** True when the path names one key of `user.extra` (a list of strings) with no `[n]`: a list, not one value. */
export function isExtraValueList(field: string): boolean {
  const segments = parseFilterPath(field);
  if (segments === undefined) return false;
  const prefix = mapPrefix(
    segments.map((s) => s.key),
    AUDIT_MAPS.filter((m) => LIST_MAPS.includes(m.join('.'))),
  );
  return (
    prefix !== undefined && segments.length === prefix.length + 1 && segments[prefix.length].indexes === 0
  );
}
