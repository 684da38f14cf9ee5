// Fields of the log record that a ClusterLogDestination names outside its extraLabels: rateLimit (its `excludes` and
// `keyField`) and Kafka's `keyField`. log-shipper applies them to the record the agent read, not to the audit event
// inside it (deckhouse modules/460-log-shipper/hooks/testdata/throttle-with-filter at 50d4fe1f: `field: foo` is
// `.foo`, `keyField: namespace` is `"key_field": "namespace"`; testdata/file-to-kafka at c5db5495: `keyField: host`
// is `"key_field": "host"`; the event is the JSON text in `message`).
// The two keys are not the same kind of value in the agent (Vector):
// - the throttle's `key_field` is a template (vector src/transforms/throttle/config.rs at cffec416:
//   `key_field: Option<Template>`, rendered per event in transform.rs at bfb99c58): "{{ host }}" keys by the host,
//   while a bare "host" renders to the text "host" for every event, so all events share one bucket;
// - the Kafka sink's `key_field` is a field path (src/sinks/kafka/config.rs at bee77fb4: `Option<ConfigTargetPath>`):
//   "host" is right, "{{ host }}" is no path.
// Checked on the rendered spec, so that an escape-hatch patch is checked like the props.
import { PropProblem } from './messages';
import { isJsonObject } from './json-values';
import { AUDIT_EVENT_FIELDS } from '../policy/audit-event-fields';

/** Where a record field is named: a rate-limit exclusion, the rate limit's key (a template), Kafka's key (a path). */
export type RecordFieldUse = 'exclusion' | 'rate-limit-key' | 'kafka-key';

const TEMPLATE_PART = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isAuditEventPath(path: string): boolean {
  const first = path.replace(/^\./, '').split('.')[0].replace(/\[.*$/, '');
  return AUDIT_EVENT_FIELDS.includes(first);
}

function auditFieldProblem(value: string, path: string, field: string, use: RecordFieldUse): PropProblem {
  return {
    field,
    received: value,
    expected:
      'a field of the log record log-shipper reads (message, host, node, ...): it applies this to the record, ' +
      `in which the audit event is the JSON text of message, so "${path}" names nothing there and ` +
      (use === 'exclusion' ? 'the exclusion would never match' : 'every event would get the same (no) key'),
    fix:
      use === 'exclusion'
        ? `match the event's text instead, e.g. contains('message', '"resource":"secrets"'), or send the ` +
          'events to keep to a destination of their own without rateLimit (selections)'
        : use === 'rate-limit-key'
          ? 'leave it unset, or key by a record field with a template such as "{{ host }}"'
          : 'leave it unset, or name a record field such as "host"',
  };
}

/** The problem of one record field named at `field` (a prop or spec path), if any. */
export function recordFieldProblem(value: unknown, field: string, use: RecordFieldUse): PropProblem[] {
  if (typeof value !== 'string') return [];
  if (use === 'rate-limit-key') {
    const paths = [...value.matchAll(TEMPLATE_PART)].map((m) => m[1]);
    // A bare audit event field: the field is what was meant, and it is not in the record anyway.
    if (paths.length === 0 && isAuditEventPath(value)) return [auditFieldProblem(value, value, field, use)];
    if (paths.length === 0) {
      return [
        {
          field,
          received: value,
          expected:
            'a Vector template such as "{{ host }}": log-shipper passes keyField to the agent\'s throttle as ' +
            `key_field, a template rendered per event, so the plain text "${value}" is the same key for every ` +
            'event and all of them share one limit',
          fix: `write "{{ ${value.trim() || 'host'} }}" to limit each value of that record field separately, or leave keyField unset`,
        },
      ];
    }
    const audit = paths.find(isAuditEventPath);
    return audit === undefined ? [] : [auditFieldProblem(value, audit, field, use)];
  }
  if (use === 'kafka-key' && value.includes('{{')) {
    return [
      {
        field,
        received: value,
        expected:
          'a field path such as "host": the agent\'s Kafka sink reads key_field as a path, not a template, so ' +
          'the braces are no field of the record',
        fix: `write the path without braces, e.g. "${value.replace(TEMPLATE_PART, '$1').trim() || 'host'}"`,
      },
    ];
  }
  return isAuditEventPath(value) ? [auditFieldProblem(value, value, field, use)] : [];
}

/**
 * The record fields of a rendered ClusterLogDestination `spec` (after escape-hatch patches) that log-shipper would
 * not apply as they read: audit event fields in rateLimit.excludes[].field, rateLimit.keyField and kafka.keyField,
 * a rate-limit key that is no template, a Kafka key that is one.
 */
export function recordFieldProblems(spec: unknown): PropProblem[] {
  if (!isJsonObject(spec)) return [];
  const problems: PropProblem[] = [];
  const rateLimit = spec.rateLimit;
  if (isJsonObject(rateLimit)) {
    const excludes = Array.isArray(rateLimit.excludes) ? rateLimit.excludes : [];
    excludes.forEach((e: unknown, i) => {
      const path = isJsonObject(e) ? e.field : undefined;
      problems.push(...recordFieldProblem(path, `rateLimit.excludes[${i}].field`, 'exclusion'));
    });
    problems.push(...recordFieldProblem(rateLimit.keyField, 'rateLimit.keyField', 'rate-limit-key'));
  }
  const kafka = spec.type === 'Kafka' ? spec.kafka : undefined;
  if (isJsonObject(kafka))
    problems.push(...recordFieldProblem(kafka.keyField, 'kafka.keyField', 'kafka-key'));
  return problems;
}
