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
// The templates of a sink's own settings are rendered by the agent on the record too (Vector's `Template`, per event):
// Elasticsearch's `index`, Kafka's `topic`, Splunk's `index`, Loki's `tenantID` (log-shipper passes them on as they
// are: hooks/internal/vector/destination/elasticsearch.go `Bulk.Index: spec.Index`, kafka.go `Topic: spec.Topic`).
// An audit event field there is missing from the record, and the render fails (vector src/sinks: elasticsearch
// `field: Some("index"), drop_event: true`, kafka `field: Some("topic"), drop_event: true`; loki `tenant_id` and
// splunk_hec `index` with `drop_event: false`, the setting left out). Deckhouse's way to route on an event field
// is a label, which log-shipper writes into the record, named in the template (EXAMPLES.md "Index template for
// Elasticsearch": `extraLabels: { service: "{{ service_name }}" }` with `index: "k8s-{{ service }}-%F"`).
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
  const labels = isJsonObject(spec.extraLabels) ? Object.keys(spec.extraLabels) : [];
  for (const setting of SINK_TEMPLATES) {
    const block = spec.type === setting.type ? spec[setting.type.toLowerCase()] : undefined;
    if (isJsonObject(block)) problems.push(...sinkTemplateProblems(block[setting.key], setting, labels));
  }
  return problems;
}

/** A setting of a sink the agent renders as a template on the log record. */
interface SinkTemplate {
  readonly type: string;
  /** The key in the type's block of the CRD. */
  readonly key: string;
  /** The prop path messages name. */
  readonly field: string;
  /** What the agent does when the template does not render. */
  readonly failure: string;
  /** Whether a label (extraLabels) is a field of the record when this renders: the fix routes through one. */
  readonly viaLabel: boolean;
  readonly example: string;
}

const SINK_TEMPLATES: readonly SinkTemplate[] = [
  {
    type: 'Elasticsearch',
    key: 'index',
    field: 'elasticsearch.index',
    failure: 'the agent drops every event',
    viaLabel: true,
    example: 'kube-audit-%F',
  },
  {
    type: 'Kafka',
    key: 'topic',
    field: 'kafka.topic',
    failure: 'the agent drops every event',
    viaLabel: true,
    example: 'kube-audit',
  },
  {
    type: 'Splunk',
    key: 'index',
    field: 'splunk.index',
    failure: "the agent sends every event to the token's default index instead",
    viaLabel: false,
    example: 'kube_audit',
  },
  {
    type: 'Loki',
    key: 'tenantID',
    field: 'loki.tenantId',
    failure: 'the agent sends every event without a tenant ID (X-Scope-OrgID)',
    viaLabel: false,
    example: 'audit',
  },
];

/**
 * An audit event field in a template of a sink's setting (Elasticsearch's index, Kafka's topic, Splunk's index,
 * Loki's tenant ID): the agent renders it on the log record, where the event is the JSON text of `message`. A name
 * that is one of the destination's `labels` (extraLabels keys) is a field of the record, as the Deckhouse example
 * has it.
 */
function sinkTemplateProblems(
  value: unknown,
  setting: SinkTemplate,
  labels: readonly string[],
): PropProblem[] {
  if (typeof value !== 'string') return [];
  const paths = [...value.matchAll(TEMPLATE_PART)].map((m) => m[1]);
  const audit = paths.find(
    (p) =>
      isAuditEventPath(p) && !(setting.viaLabel && labels.includes(p.replace(/^\./, '').split(/[.[]/)[0])),
  );
  if (audit === undefined) return [];
  const label = `audit_${
    audit
      .replace(/\[.*?\]/g, '')
      .split('.')
      .pop()
      ?.replace(/[^a-zA-Z0-9_]/g, '_') || 'field'
  }`;
  const routed = value.replace(TEMPLATE_PART, (whole, path: string) =>
    path === audit ? `{{ ${label} }}` : whole,
  );
  return [
    {
      field: setting.field,
      received: value,
      expected:
        `a template of fields of the log record log-shipper reads (host, node${
          setting.viaLabel ? ', or a label of this destination' : ''
        }): the agent renders it on the record, in which the audit event is the JSON text of message, ` +
        `so "${audit}" is missing there, the template does not render and ${setting.failure}`,
      fix: setting.viaLabel
        ? `copy the field into a label and name the label: extraLabels: { ${label}: "{{ ${audit} }}" } with ` +
          `"${routed}" (as Deckhouse's example "Index template for Elasticsearch" does)`
        : `write a fixed value, e.g. "${setting.example}"`,
    },
  ];
}
