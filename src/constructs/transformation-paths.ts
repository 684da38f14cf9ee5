// The field paths of a destination's transformations, checked against where an audit event really is when they
// run. log-shipper reads the audit log line by line, so the audit.k8s.io/v1 Event is the JSON text in `.message`;
// Deckhouse turns each transformation into VRL on that log event (deckhouse
// modules/460-log-shipper/hooks/internal/vrl/transformation.go): DropLabels is `if exists(PATH) { del(PATH) }`,
// ParseMessage with sourceFormat JSON is `.message = parse_json(.message, max_depth: DEPTH) ?? .message`, written to
// `targetLabel` (default `.message`; `.` merges into the root). A path into the Event before that parse, or deeper
// than its depth (VRL keeps deeper objects as JSON strings), names nothing: the step does nothing, silently.
import { AUDIT_EVENT_FIELDS, auditFieldPathFix, auditFieldPathFixText } from '../policy/audit-event-fields';
import { meantFilterPath, pathKeys, splitEventMapKey } from './filter-field-path';
import { isJsonObject } from './json-values';
import { LOG_EVENT_FIELDS } from './log-event-fields';
import { PropProblem } from './messages';

const MESSAGE = '.message';
const PARSE_FIRST =
  'put AuditTransformations.parseEvent() ({ action: "ParseMessage", parseMessage: { sourceFormat: "JSON" } }) before it';

/** The blocks whose `labels` are field paths of the log event. */
const PATH_BLOCKS = ['dropLabels', 'replaceValue', 'replaceKeys'] as const;

/**
 * Problems with the label paths of `transformations` (the destination's list, already known to be an array):
 * a path into the audit Event before a JSON ParseMessage made it an object, an Event field named at the root,
 * a path deeper than the parse's `json.depth`, a misspelt Event field. Paths without the leading "." are left to
 * the schema's message.
 */
export function transformationPathProblems(transformations: readonly unknown[]): PropProblem[] {
  const problems: PropProblem[] = [];
  // Parse targets so far ("." for the root) and how deep each was parsed (Infinity: no json.depth).
  const parsed = new Map<string, number>();
  transformations.forEach((t, i) => {
    if (!isJsonObject(t)) return;
    for (const block of PATH_BLOCKS) {
      const labels = isJsonObject(t[block]) ? (t[block] as Record<string, unknown>).labels : undefined;
      if (!Array.isArray(labels)) continue;
      labels.forEach((label, j) => {
        if (typeof label !== 'string' || !label.startsWith('.')) return;
        const problem = pathProblem(label, parsed);
        if (problem)
          problems.push({
            field: `transformations[${i}].${block}.labels[${j}]`,
            received: label,
            ...problem,
          });
      });
    }
    const parse = t.parseMessage;
    if (t.action === 'ParseMessage' && isJsonObject(parse) && parse.sourceFormat === 'JSON') {
      const target = typeof parse.targetLabel === 'string' ? parse.targetLabel : MESSAGE;
      const depth =
        isJsonObject(parse.json) && typeof parse.json.depth === 'number' ? parse.json.depth : Infinity;
      // Only the first parse of the line counts: after it `.message` is no string, and a second one does nothing.
      if (!parsed.has(target)) parsed.set(target, depth);
    }
  });
  return problems;
}

function pathProblem(
  label: string,
  parsed: ReadonlyMap<string, number>,
): { expected: string; fix: string } | undefined {
  for (const [target, depth] of parsed) {
    const prefix = target === '.' ? '.' : `${target}.`;
    if (!label.startsWith(prefix)) continue;
    const inner = label.slice(prefix.length);
    // A quoted key (."authorization.k8s.io/decision") is one segment: log-shipper's path parser reads quotes.
    const segments = pathKeys(inner, false).length;
    if (segments > depth) {
      return {
        expected: `a path at most ${depth} level${depth === 1 ? '' : 's'} below ${target} (the ParseMessage before it parses the Event only ${depth} deep: deeper objects stay JSON text, so this path names nothing)`,
        fix: `set that ParseMessage's json.depth to ${segments} or more, or leave json out`,
      };
    }
    const map = splitEventMapKey(pathKeys(inner, false));
    if (map !== undefined) {
      return {
        expected: `one key below ${map}: its keys hold dots and slashes, and log-shipper reads each unquoted dot of the path as a nested field, which no event has, so this path names nothing`,
        fix: `write "${prefix}${meantFilterPath(inner, false)}" (the whole key double-quoted)`,
      };
    }
    const meant =
      target === '.' && LOG_EVENT_FIELDS.includes(firstField(inner)) ? undefined : auditFieldPathFix(inner);
    if (meant === undefined) return undefined;
    return {
      expected: 'a field of an audit.k8s.io/v1 Event (a path no event has matches nothing)',
      fix: auditFieldPathFixText(meant, (p) => `${prefix}${p}`),
    };
  }
  if (label.startsWith(`${MESSAGE}.`)) {
    return {
      expected: `a path inside ${MESSAGE} only after a ParseMessage (sourceFormat JSON) made it an object: until then ${MESSAGE} is the audit log line as a string, and this path names nothing`,
      fix: PARSE_FIRST,
    };
  }
  const inner = label.slice(1);
  const first = firstField(inner);
  if (LOG_EVENT_FIELDS.includes(first)) return undefined;
  const meant = auditFieldPathFix(inner);
  if (!AUDIT_EVENT_FIELDS.includes(first) && meant === undefined) return undefined; // a field log-shipper adds (.host)
  const path = meant?.meant ?? inner;
  return {
    expected: `a path where the event has it: the audit Event is the JSON text in ${MESSAGE}, not fields at the root, so this path names nothing`,
    fix: `write "${MESSAGE}.${path}" and ${PARSE_FIRST}`,
  };
}

/** `objectRef.resource` → `objectRef`; `sourceIPs[0]` → `sourceIPs`. */
function firstField(path: string): string {
  return path.split('.')[0].replace(/\[.*$/, '');
}
