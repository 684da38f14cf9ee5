/**
 * Audit events as log pipelines hand them over, not only as kube-apiserver writes them: a log shipper's record
 * that carries the event's line (Vector and Deckhouse's log-shipper `message`, Loki's `logcli --output=jsonl`
 * `line`, Docker's json-file and Fluent Bit `log`, `journalctl -o json`'s `MESSAGE`) or the event itself (an
 * Elasticsearch hit's `_source`); an `EventList` (what the audit webhook backend posts); a line with a prefix
 * before the event (`kubectl logs --timestamps`, `logcli` default output, syslog); and kube-apiserver's own klog
 * lines, which `kubectl logs` mixes with the events of `auditLog.output: Stdout`.
 */

import { type JournalPiece, journalMessage } from './journal-record';

/** A record's content once the wrapper is taken off. */
export type Unwrapped =
  /**
   * The event's line as text; `partial` = Docker cut the line and the rest follows in the next record;
   * `otherLog` = the record is not audit data (a container's stderr line, a log service's own message);
   * `container` = the record names the container stream the line was written to (`stream: stdout|stderr`: Docker's
   * json-file, Vector's `kubernetes_logs` source as log-shipper sends a Pod's lines, Fluent Bit's docker and cri
   * parsers), so the events were kube-apiserver's standard output (auditLog.output Stdout), not its audit file;
   * `journal` = a journal entry's place in a line journald may have cut (journal-record.ts).
   */
  | {
      kind: 'text';
      text: string;
      partial: boolean;
      otherLog: boolean;
      container: boolean;
      field: string;
      journal?: JournalPiece;
    }
  /** Events (or further wrappers) as decoded values: an EventList's items (`list`), an Elasticsearch `_source`. */
  | { kind: 'values'; values: unknown[]; field: string; list: boolean };

/** Fields a shipper puts the line in, in the order they are looked for. */
const TEXT_FIELDS = ['message', 'log', 'line'] as const;
/** Fields a shipper or search API puts the decoded event in. */
const OBJECT_FIELDS = ['_source', 'message', 'parsed_data', 'log', 'event'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The event inside a log shipper's record or an EventList, or undefined when `value` is neither (an Event
 * with a problem is left as it is: its own reason is the one to report).
 */
export function unwrapRecord(value: Record<string, unknown>): Unwrapped | undefined {
  if (value.kind === 'EventList' && Array.isArray(value.items)) {
    return { kind: 'values', values: value.items, field: 'items', list: true };
  }
  const hits = isPlainObject(value.hits) ? value.hits.hits : undefined;
  if (Array.isArray(hits)) return { kind: 'values', values: hits, field: 'hits.hits', list: true };
  const lokiLines = lokiStreamLines(value);
  if (lokiLines !== undefined) return { kind: 'values', values: lokiLines, field: 'data.result', list: true };
  const otlp = otlpLogRecords(value);
  if (otlp !== undefined) return { kind: 'values', values: otlp, field: 'resourceLogs', list: true };
  // CloudWatch Logs sends a subscription's destination (Kinesis, Firehose, Lambda) a CONTROL_MESSAGE payload to
  // check that it is reachable; its one logEvent is CloudWatch's own text, not the log group's.
  if (value.messageType === 'CONTROL_MESSAGE') {
    return { kind: 'text', text: '', partial: false, otherLog: true, container: false, field: 'messageType' };
  }
  // Anything that names itself an Event (or any other kind) is not a shipper's record.
  if (value.kind !== undefined || value.verb !== undefined || value.stage !== undefined) return undefined;
  // `journalctl -o json`: the line in MESSAGE (null when journalctl left it out: foreignRecord says why).
  const journal = journalMessage(value);
  if (journal !== undefined) {
    return 'text' in journal
      ? {
          kind: 'text',
          text: journal.text,
          partial: false,
          otherLog: false,
          container: false,
          field: 'MESSAGE',
          journal: journal.piece,
        }
      : undefined;
  }
  for (const field of TEXT_FIELDS) {
    const text = value[field];
    if (typeof text !== 'string') continue;
    // Docker's json-file (and CRI via Fluent Bit) keeps the newline; a line without one is cut and continues.
    const docker = field === 'log';
    const partial = docker && !text.endsWith('\n');
    return {
      kind: 'text',
      text: docker && !partial ? text.slice(0, -1) : text,
      partial,
      otherLog: value.stream === 'stderr',
      container: value.stream === 'stdout' || value.stream === 'stderr',
      field,
    };
  }
  for (const field of OBJECT_FIELDS) {
    if (isPlainObject(value[field])) return { kind: 'values', values: [value[field]], field, list: false };
  }
  // Any other shipper's record (Splunk HEC `event`, GELF `short_message`, Fluentd's `record`...): a member
  // holding an audit event's line, or the event itself.
  for (const field in value) {
    const member = value[field];
    if (isAuditLine(member))
      return { kind: 'text', text: member, partial: false, otherLog: false, container: false, field };
    if (isPlainObject(member) && namesAuditKind(member)) {
      return { kind: 'values', values: [member], field, list: false };
    }
  }
  if (convertedRecord(value) !== undefined) return undefined;
  // Deeper: a member that is a record holding the line (Azure resource logs' `properties.log`, a Splunk export's
  // `result._raw`), or a list of such records (CloudWatch Logs `events[].message` and a subscription's
  // `logEvents[].message`, Azure's `records[]`); each is read as a record of its own.
  for (const field in value) {
    const member = value[field];
    if (Array.isArray(member)) {
      if (member.some((item) => holdsAuditEvent(item, NESTED_RECORD_DEPTH)))
        return { kind: 'values', values: member, field, list: true };
    } else if (holdsAuditEvent(member, NESTED_RECORD_DEPTH)) {
      return { kind: 'values', values: [member], field, list: false };
    }
  }
  return undefined;
}

/** How far below a record's member an event's line or object is looked for (`records[].properties.log`). */
const NESTED_RECORD_DEPTH = 2;

/**
 * A string holding an audit event's line (as kube-apiserver writes it, so the member's text is the event's), or a
 * shipper's record holding it as a JSON string, its quotes escaped (Vector's `splunk_hec_logs` with the JSON
 * codec sends the whole record as the HEC event, which Splunk keeps and exports as `_raw`): read in turn.
 */
function isAuditLine(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    (value.includes('"apiVersion":"audit.k8s.io/') || value.includes('\\"apiVersion\\":\\"audit.k8s.io/'))
  );
}

/**
 * Whether `value` is a record that holds an audit event's line or object, at most `depth` members down, or a
 * line of kube-apiserver's own log (klog) in a line member: a service that collects both (Azure's `kube-apiserver`
 * and `kube-audit` categories in one batch) mixes them, and klog lines are counted apart, not as malformed.
 */
function holdsAuditEvent(value: unknown, depth: number): boolean {
  if (!isPlainObject(value)) return false;
  if (namesAuditKind(value)) return true;
  for (const field of TEXT_FIELDS) {
    const text = value[field];
    if (typeof text === 'string' && isKlogLine(text)) return true;
  }
  for (const field in value) {
    const member = value[field];
    if (isAuditLine(member)) return true;
    if (depth > 0 && isPlainObject(member) && holdsAuditEvent(member, depth - 1)) return true;
  }
  return false;
}

/**
 * Whether the log reader takes `value` for audit data: a record holding events (unwrapRecord), or a cloud's
 * conversion of them that it names (convertedRecord). `diff` asks it to tell such a pretty-printed file (a search
 * response, an `aws logs` output) from a saved report, so the two never disagree.
 */
export function readsAsLogRecord(value: Record<string, unknown>): boolean {
  return unwrapRecord(value) !== undefined || convertedRecord(value) !== undefined;
}

function namesAuditKind(value: Record<string, unknown>): boolean {
  return (
    value.kind === 'Event' ||
    value.kind === 'EventList' ||
    (typeof value.apiVersion === 'string' && value.apiVersion.startsWith('audit.k8s.io/'))
  );
}

/**
 * Why a JSON object that names nothing of an audit event (no kind, apiVersion, verb, stage or auditID) was
 * not read, naming its members so the reader sees what the record is; undefined for anything else.
 */
export function foreignRecord(value: Record<string, unknown>): string | undefined {
  for (const key of ['kind', 'apiVersion', 'verb', 'stage', 'auditID'])
    if (value[key] !== undefined) return undefined;
  const converted = convertedRecord(value);
  if (converted !== undefined) return converted;
  const journal = journalMessage(value);
  if (journal !== undefined && 'reason' in journal) return journal.reason;
  const keys = Object.keys(value);
  const shown = keys.slice(0, 8).map((k) => (k.length > 40 ? `${k.slice(0, 40)}…` : k));
  return (
    `not an audit event, nor a record holding one in a member this tool reads (its members: ` +
    `${shown.join(', ')}${keys.length > shown.length ? `, … ${keys.length - shown.length} more` : ''}); ` +
    "extract the event's line or object first, e.g. jq -c '.<member>'"
  );
}

/**
 * Why a record that a cloud's log service made from an audit event, rather than the event kube-apiserver wrote,
 * cannot be replayed; undefined for any other record. Google Cloud Logging's entries (GKE, and `gcloud logging
 * read --format=json`) hold a Cloud Audit Logs `AuditLog` in `protoPayload` (`methodName`
 * `io.k8s.core.v1.pods.create`, `resourceName` `core/v1/namespaces/…`; BigQuery exports name it
 * `protopayload_auditlog`); Azure Monitor's `AKSAudit`/`AKSAuditAdmin` tables hold the event's members renamed
 * (`AuditId`, `RequestUri`, `Verb`, `Stage`…) with bodies as objects or "skipped-too-big-size-object". Neither
 * keeps the bytes kube-apiserver wrote, and the Cloud Audit Logs entry keeps no stage, level or request URI.
 */
function convertedRecord(value: Record<string, unknown>): string | undefined {
  const payload = isPlainObject(value.protoPayload) ? value.protoPayload : value.protopayload_auditlog;
  if (
    isPlainObject(payload) &&
    (payload['@type'] === 'type.googleapis.com/google.cloud.audit.AuditLog' ||
      typeof payload.methodName === 'string')
  ) {
    const method = typeof payload.methodName === 'string' ? ` (${payload.methodName.slice(0, 80)})` : '';
    return (
      `a Google Cloud Logging entry holding a Cloud Audit Logs record${method}, not a kube-apiserver audit ` +
      "event: GKE converts its clusters' events into these records, which keep no stage, level or request URI and " +
      "not the bytes kube-apiserver wrote, so they cannot be replayed; replay a cluster's own kube-apiserver " +
      'audit log (Deckhouse: /var/log/kube-audit/audit.log on each master)'
    );
  }
  if (typeof value.AuditId === 'string' && (value.RequestUri !== undefined || value.Verb !== undefined)) {
    return (
      "an audit event with its members renamed (AuditId, RequestUri, Verb…): a row of Azure Monitor's AKSAudit " +
      'or AKSAuditAdmin table, not the line kube-apiserver wrote, so its bytes cannot be measured; export the ' +
      "kube-audit category of the cluster's diagnostic setting to a storage account or event hub instead " +
      '(records whose properties.log holds the line are read)'
    );
  }
  return undefined;
}

/**
 * The lines of a Loki query response (`/loki/api/v1/query_range`, `{"data":{"result":[{"stream":{…},
 * "values":[["<ns>","<line>"],…]}]}}`), as records holding them in `line`; undefined for anything else.
 */
function lokiStreamLines(value: Record<string, unknown>): unknown[] | undefined {
  const data = value.data;
  if (!isPlainObject(data) || !Array.isArray(data.result)) return undefined;
  const lines: unknown[] = [];
  for (const stream of data.result) {
    const values = isPlainObject(stream) ? stream.values : undefined;
    if (!Array.isArray(values)) return undefined;
    for (const entry of values) lines.push({ line: Array.isArray(entry) ? entry[1] : undefined });
  }
  return lines;
}

/**
 * The log records of an OpenTelemetry OTLP/JSON export (the collector's `file` exporter, an OTLP HTTP body:
 * `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"<line>"}},…]}]}]}`), each as a record
 * holding its line in `line` (a record without a string body as it is); undefined for anything else.
 */
function otlpLogRecords(value: Record<string, unknown>): unknown[] | undefined {
  if (!Array.isArray(value.resourceLogs)) return undefined;
  const lines: unknown[] = [];
  for (const resource of value.resourceLogs) {
    const scopes = isPlainObject(resource) ? resource.scopeLogs : undefined;
    if (!Array.isArray(scopes)) return undefined;
    for (const scope of scopes) {
      const records = isPlainObject(scope) ? scope.logRecords : undefined;
      if (!Array.isArray(records)) return undefined;
      for (const record of records) {
        const body = isPlainObject(record) ? record.body : undefined;
        const text = isPlainObject(body) ? body.stringValue : undefined;
        lines.push(typeof text === 'string' ? { line: text } : record);
      }
    }
  }
  return lines;
}

// klog's header: severity, MMDD, time, thread id, file:line] (k8s.io/klog: `Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg`).
const KLOG_HEADER = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ [^\s:\]]+:\d+\] /;

/** A line of kube-apiserver's own log (klog), which is not audit data. */
export function isKlogLine(line: string): boolean {
  return KLOG_HEADER.test(line);
}

/** A JSON array's start: `[` and then a value (`[pod/name/container] ` of `kubectl logs --prefix` is not one). */
const JSON_ARRAY_START = /^\s*\[\s*($|[[{"\]\d-]|true|false|null)/;

// What `kubectl logs --prefix` and `--timestamps` put before a line: `[pod/<pod>/<container>] `, then an
// RFC 3339 time and a space.
const KUBECTL_PREFIX =
  /^(\[[^\]\s]{1,600}\] )?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}) )?/;

// What syslog and `journalctl` (its default `short` output, `short-precise`, `short-iso`) put before a line:
// `Mar 10 08:15:09[.123456] <host> <identifier>[<pid>]: ` or `2026-03-10T08:15:09+0000 <host> <identifier>[<pid>]: `.
const SYSLOG_PREFIX =
  /^(?:[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}(?:\.\d+)?|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})) \S+ [^\s:[]+(?:\[\d+\])?: /;

/**
 * The klog line behind what `kubectl logs --prefix`/`--timestamps`, syslog or `journalctl` put before it (rare
 * path: no event in it).
 */
export function prefixedKlogText(line: string): string | undefined {
  const prefix = KUBECTL_PREFIX.exec(line)?.[0].length || (SYSLOG_PREFIX.exec(line)?.[0].length ?? 0);
  const text = prefix > 0 ? line.slice(prefix) : undefined;
  return text !== undefined && isKlogLine(text) ? text : undefined;
}

/** How kube-apiserver's json encoder starts every event (kind first, then apiVersion: types.go field order). */
const EVENT_STARTS = ['{"kind":"Event"', '{"apiVersion":"audit.k8s.io/', '{"kind":"EventList"'];
/** Longest prefix looked through (a timestamp, a Loki label set, a syslog header). */
const MAX_PREFIX = 4096;

/**
 * Where the event starts in a line that has a prefix before it (`<RFC 3339 time> {...}` from `kubectl logs
 * --timestamps`, `<time> {labels} {...}` from logcli, a syslog header), or -1.
 */
export function eventStart(line: string): number {
  if (JSON_ARRAY_START.test(line)) return -1; // a JSON array of events: read whole (`[pod/…] ` is a prefix)
  let best = -1;
  for (const start of EVENT_STARTS) {
    const at = line.indexOf(start);
    if (at > 0 && at <= MAX_PREFIX && (best === -1 || at < best)) best = at;
  }
  return best;
}

/**
 * The values of a line holding a JSON array (`jq -s -c`, an export of events as one list), or undefined
 * when the line is not one.
 */
export function arrayValues(text: string): unknown[] | undefined {
  if (text.trimStart().charCodeAt(0) !== 91 /* [ */) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Joins the pieces of lines a record format cut (Docker's 16 KiB json-file records), per input. */
export class PartialJoiner {
  private readonly pending = new Map<string, { text: string; tooLong: boolean; firstLine: number }>();
  /** Inputs whose `log` texts are whole lines without their newline (Fluent Bit). */
  private readonly unterminated = new Set<string>();

  constructor(private readonly maxChars: number) {}

  /**
   * Whether a `log` text without a newline is a whole line all the same: Fluent Bit's tail input (and its
   * file, stdout and forward outputs: `{"date":…,"log":"…"}`) keeps a line without its newline, where Docker's
   * json-file would mean "cut, continued in the next record". A text that starts no pending line and is a
   * whole JSON object is such a line, and so is every later one of that input; a text that does not start
   * with `{` (a klog line, a line cut at its start) is read as a line of its own.
   */
  wholeLine(source: string, text: string): boolean {
    if (this.unterminated.has(source)) return true;
    if (this.pending.has(source)) return false;
    // Not the start of an event (an audit line starts with `{`): a line of its own, read as it is.
    if (text.charCodeAt(0) !== 123 /* { */) return true;
    let whole = false;
    if (text.charCodeAt(text.length - 1) === 125 /* } */) {
      try {
        whole = isPlainObject(JSON.parse(text));
      } catch {
        whole = false; // Docker's first piece of a long line
      }
    }
    if (whole) this.unterminated.add(source);
    else this.pieces.add(source);
    return whole;
  }

  /** Keeps a piece of `source`'s current line. */
  add(source: string, text: string, lineNo: number): void {
    const p = this.pending.get(source) ?? { text: '', tooLong: false, firstLine: lineNo };
    if (!p.tooLong) {
      if (p.text.length + text.length <= this.maxChars) p.text += text;
      else {
        p.tooLong = true;
        p.text = '';
      }
    }
    this.pending.set(source, p);
  }

  /** The whole line, once its last piece `text` came; undefined when it grew too long. */
  complete(source: string, text: string): string | undefined {
    const p = this.pending.get(source);
    if (p === undefined) return text;
    this.pending.delete(source);
    if (p.tooLong || p.text.length + text.length > this.maxChars) return undefined;
    return p.text + text;
  }

  /** Inputs of which a text was read as the piece of a cut line (which Fluent Bit's whole lines never are). */
  private readonly pieces = new Set<string>();

  /** Whether a line of `source` waits for its last piece. */
  isOpen(source: string): boolean {
    return this.pending.has(source);
  }

  /**
   * Whether `source`'s texts are known to be whole lines (wholeLines), and whether one was read as a piece of a
   * cut line (readPieces: a part of an input read on its own reads so a text that one thread, knowing the
   * input's texts whole from a part before, reads as a line).
   */
  modes(source: string): { wholeLines: boolean; readPieces: boolean } {
    return { wholeLines: this.unterminated.has(source), readPieces: this.pieces.has(source) };
  }

  /** Ends `source`: the line a piece was kept for, when its last piece never came. */
  finish(source: string): number | undefined {
    const p = this.pending.get(source);
    this.pending.delete(source);
    return p?.firstLine;
  }
}
