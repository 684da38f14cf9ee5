// The API path the agent appends to an HTTP destination's endpoint: an endpoint that already ends with it makes the
// agent send to the path twice (`.../loki/api/v1/push/loki/api/v1/push`), and every request fails.
import { PropProblem } from './messages';

interface AppendedPath {
  /** The path the agent's sink appends to the endpoint. */
  readonly path: string;
  /** Where that is stated. */
  readonly source: string;
}

/**
 * Per type: Loki, from Deckhouse's docs (modules/460-log-shipper/docs/EXAMPLES.md, "Migration from Promtail":
 * the path has to be removed, the agent adds it); Splunk, from the same page ("Splunk integration": the endpoint is
 * the instance with port 8088 and no path) and the agent's splunk_hec_logs sink, which appends the HEC event path;
 * Elasticsearch, from the agent's elasticsearch sink, which appends `/_bulk` to the endpoint.
 */
const APPENDED_PATHS: Readonly<Record<string, AppendedPath>> = {
  Loki: { path: '/loki/api/v1/push', source: 'log-shipper appends it' },
  Splunk: { path: '/services/collector', source: 'log-shipper appends the HEC path itself' },
  Elasticsearch: { path: '/_bulk', source: 'log-shipper appends it' },
};

/** A problem when an HTTP destination's endpoint (an absolute URL) already holds the API path the agent appends. */
export function appendedPathProblems(type: string, endpoint: unknown, field: string): PropProblem[] {
  const appended = APPENDED_PATHS[type];
  if (appended === undefined || typeof endpoint !== 'string') return [];
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return []; // the URL check says what is wrong with it
  }
  const path = url.pathname.replace(/\/+$/, '');
  const at = path.toLowerCase().indexOf(appended.path.toLowerCase());
  if (at < 0) return [];
  const base = `${url.protocol}//${url.host}${path.slice(0, at)}`;
  return [
    {
      field,
      received: endpoint,
      expected: `the base URL, without ${appended.path} (${appended.source}: the path would be sent twice)`,
      fix: `use "${base}"`,
    },
  ];
}

/**
 * A `host:port` address of a TCP/UDP destination (Logstash's endpoint, a Socket's address). log-shipper hands it to
 * the agent's socket sink as `address` (hooks/internal/vector/destination/logstash.go, socket.go), which takes a host
 * and a port: a scheme (`tcp://siem:514`) becomes part of the host name, which never resolves, and so does a space.
 * The CRD's patterns (`^.*:[1-9][0-9]+$` for a Socket, none for Logstash) let both through.
 */
export function socketAddressProblems(value: unknown, field: string, example: string): PropProblem[] {
  if (typeof value !== 'string') return [];
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(value);
  if (scheme !== null) {
    return [
      {
        field,
        received: value,
        expected: `host:port without a scheme (the agent's socket sink would take "${scheme[0]}" as part of the host name)`,
        fix: `use "${value.slice(scheme[0].length).replace(/\/+$/, '')}"`,
      },
    ];
  }
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(value)) {
    return [
      {
        field,
        received: value,
        expected: 'host:port without spaces or control characters (a host name has none)',
        fix: `remove them, e.g. "${example}"`,
      },
    ];
  }
  return [];
}

// Characters Elasticsearch refuses in an index name (its "Create index API" docs: lowercase only, none of
// \ / * ? " < > | , # : or a space, not starting with -, _ or +).
const INDEX_FORBIDDEN = /[A-Z\\/*?"<>|,#: ]/;

// The longest index name Elasticsearch accepts, in bytes (the same docs: "Cannot be longer than 255 bytes").
const INDEX_MAX_BYTES = 255;

/**
 * An Elasticsearch index whose literal text Elasticsearch would refuse (every bulk request then fails with
 * invalid_index_name_exception, and the disk buffer fills). The agent renders `{{ field }}` templates and strftime
 * `%` specifiers first (EXAMPLES.md: `k8s-{{ namespace }}-%F`), so only the text outside them is checked.
 */
export function indexNameProblems(value: unknown, field: string): PropProblem[] {
  if (typeof value !== 'string' || value.length === 0) return [];
  const literal = value.replace(/\{\{[^}]*\}\}/g, '').replace(/%./g, '');
  // The templates and specifiers only add to the length: the literal text alone decides that it is too long.
  const bytes = Buffer.byteLength(literal);
  if (bytes > INDEX_MAX_BYTES) {
    return [
      {
        field,
        received: value,
        expected: `an index name of at most ${INDEX_MAX_BYTES} bytes, which Elasticsearch accepts (its text outside templates has ${bytes}), so every bulk request would fail`,
        fix: 'e.g. "kube-audit-%F"',
      },
    ];
  }
  const bad = INDEX_FORBIDDEN.exec(literal)?.[0];
  const badStart = /^[-_+]/.test(value) ? value[0] : undefined;
  if (bad === undefined && badStart === undefined) return [];
  const reason =
    bad === undefined
      ? `it starts with "${badStart}"`
      : /[A-Z]/.test(bad)
        ? `"${bad}" is uppercase`
        : `it holds "${bad}"`;
  return [
    {
      field,
      received: value,
      expected:
        `an index name Elasticsearch accepts (lowercase, none of \\ / * ? " < > | , # : or a space, not starting ` +
        `with -, _ or +): ${reason}, so every bulk request would fail`,
      fix: `e.g. "${suggestedIndex(value)}"`,
    },
  ];
}

// The index with its literal text made valid, its templates and strftime specifiers kept as they are.
function suggestedIndex(value: string): string {
  const lower = (text: string) => text.toLowerCase().replace(/[\\/*?"<>|,#: ]/g, '-');
  return withLiteralText(value, lower).replace(/^[-_+]+/, '') || 'kube-audit-%F';
}

// The topic with its literal text made valid, its templates kept.
function topicFix(value: string): string {
  const valid = (text: string) => text.replace(/[^a-zA-Z0-9._-]/g, '-');
  return withLiteralText(value, valid).slice(0, 249) || 'kube-audit';
}

// A template with its literal text changed by `change`, its `{{ }}` templates and strftime specifiers kept.
function withLiteralText(value: string, change: (text: string) => string): string {
  return value
    .split(/(\{\{[^}]*\}\}|%.)/)
    .map((part, i) => (i % 2 === 1 ? part : change(part)))
    .join('');
}

/**
 * A Kafka topic whose literal text Kafka refuses: a topic name is ASCII letters, digits, ".", "_" and "-", at most 249
 * characters (Kafka's topic naming rule, kafka.common.internals.Topic). The CRD takes the topic as a template
 * (its examples: `logs`, `logs-{{unit}}-%Y-%m-%d`), so only the text outside `{{ }}` and strftime `%` specifiers is
 * checked; the broker refuses every write to another name, and the disk buffer fills.
 */
export function kafkaTopicProblems(value: unknown, field: string): PropProblem[] {
  if (typeof value !== 'string' || value.length === 0) return [];
  const literal = value.replace(/\{\{[^}]*\}\}/g, '').replace(/%./g, '');
  const bad = /[^a-zA-Z0-9._-]/.exec(literal)?.[0];
  const long = literal === value && value.length > 249;
  if (bad === undefined && !long) return [];
  return [
    {
      field,
      received: value,
      expected:
        'a topic name Kafka accepts (letters, digits, ".", "_" and "-", at most 249 characters, outside ' +
        `{{ }} templates): ${bad === undefined ? 'it is too long' : `it holds ${JSON.stringify(bad)}`}`,
      fix: `e.g. "${topicFix(value)}"`,
    },
  ];
}

/**
 * A Splunk index whose literal text Splunk refuses: index names are lowercase letters, digits, "_" and "-", not
 * starting with "_" or "-" (Splunk's "Create custom indexes" docs); HEC answers every event for another name with
 * "Incorrect index". The agent renders `{{ }}` templates first, so only the text outside them is checked.
 */
export function splunkIndexProblems(value: unknown, field: string): PropProblem[] {
  if (typeof value !== 'string' || value.length === 0) return [];
  const literal = value.replace(/\{\{[^}]*\}\}/g, '');
  const bad = /[^a-z0-9_-]/.exec(literal)?.[0];
  const badStart = /^[-_]/.test(value) ? value[0] : undefined;
  if (bad === undefined && badStart === undefined) return [];
  const valid = (text: string) => text.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
  return [
    {
      field,
      received: value,
      expected:
        'an index name Splunk accepts (lowercase letters, digits, "_" and "-", not starting with "_" or "-"): ' +
        (bad === undefined ? `it starts with "${badStart}"` : `it holds ${JSON.stringify(bad)}`),
      fix: `e.g. "${withLiteralText(value, valid).replace(/^[-_]+/, '') || 'kube_audit'}"`,
    },
  ];
}
