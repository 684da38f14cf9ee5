import { quote } from '../policy/echo';
import { CriReassembler } from './cri-line';
import { endsInsideValue } from './go-json';
import { isCompactEventLine, JsonDocument, opensDocument } from './json-document';
import { eventStart, isKlogLine, prefixedKlogText } from './log-record';
import { recordStart } from './record-prefix';

/**
 * From the lines of an input to the records that may hold audit events: a byte order mark and blank lines
 * dropped, container runtime (CRI) framing taken off and its fragments joined, pretty-printed JSON read
 * across lines, kube-apiserver's own klog lines set apart, and a prefix before an event (a timestamp, a
 * label set) cut off.
 */

/** Where the framing hands its results (each call names the input). */
export interface FramingSink {
  /** A record to read as an event: one non-blank line, or one value of a pretty-printed document. */
  record(source: string, text: string, lineNo: number): void;
  /** A record that cannot be read at all (too long, cut short). */
  unreadable(source: string, lineNo: number, reason: string): void;
  /** A line in the container runtime's format; `stderrBytes` when it is a stderr line (not audit data). */
  criLine(source: string, stderrBytes: number): void;
  /** A line of kube-apiserver's own log (klog) outside container framing: `line` is its text. */
  otherLine(source: string, line: string): void;
  warning(source: string, message: string): void;
  /** An input named as no text at all (a tar archive, another compression): its bytes say nothing more. */
  notText(source: string): void;
  /** A block of `bytes` zero bytes on line `lineNo` (zeroBlockWarning words it). */
  zeroBlock(source: string, lineNo: number, bytes: number): void;
}

/** What a line dropped for its length held: its characters, and how many of them are NUL (a crash's zero block). */
export interface DroppedLine {
  chars: number;
  nuls: number;
}

// The first line of a YAML document: a policy's or a manifest's top-level key, or a document marker.
const YAML_START = /^(?:---[ \t\r]*$|(?:apiVersion|kind|rules|omitStages):[ \t\r])/;

/** Why a record over the limit was skipped, and what to do when it holds many events. */
export function lineTooLong(maxChars: number): string {
  return (
    `line longer than ${maxChars} characters, skipped (memory stays bounded); if it holds many events (a JSON ` +
    "array or an EventList written on one line), put one event a line first: jq -c '.[]' or jq -c '.items[]'; " +
    'JSON values run together (`}{`, as Kinesis Data Firehose writes them to S3): jq -c . FILE; a Loki ' +
    "query_range response: jq -r '.data.result[].values[][1]' (saved with jq . it is read pair by pair)"
  );
}

const DOCUMENT_CUT = 'JSON document cut short: the value that starts here never ends';

/** A run of zero bytes long enough to be a crash's block (UTF-16 text has single NULs between characters). */
// The NUL in a pattern is the point here: kube-apiserver never writes one, a crash's block is nothing else.
// eslint-disable-next-line no-control-regex
const ZERO_RUN = /\u0000{4,}/;
// eslint-disable-next-line no-control-regex
const ZERO_RUNS = /\u0000{4,}/g;

/** Why a line that a block of zero bytes cut off was not read. */
export const CUT_BY_ZERO_BYTES =
  'line cut short by a block of zero bytes (NUL) that follows it: kube-apiserver was writing it when the node ' +
  'crashed or lost power, and the file kept its length but not its data; this event is lost';

/** Why the text on a line that a long block of zero bytes made too long was not read. */
export function textBesideZeroBlock(chars: number, maxChars: number): string {
  return (
    `${chars} characters on a line that a block of zero bytes makes longer than ${maxChars} characters, skipped ` +
    'with it (memory stays bounded): what kube-apiserver wrote just before the crash or just after its restart on ' +
    'that line is lost, the lines around it are read'
  );
}

export function zeroBlockWarning(lineNo: number, bytes: number): string {
  return (
    `${bytes} zero bytes (NUL) at line ${lineNo} skipped: a block of zero bytes, as a node crash or power loss ` +
    'leaves in a file being written (the filesystem kept its length, not its data); what kube-apiserver wrote ' +
    'there is lost, the lines around it are read'
  );
}

/** Turns the lines of inputs into records, keeping per-input state (CRI fragments, an open document). */
export class LineFraming {
  private readonly cri: CriReassembler;
  private readonly documents = new Map<string, JsonDocument>();
  /** Inputs that are tar archives: not read past their first line (see isTarHeader). */
  private readonly archives = new Set<string>();
  /** A first line that may be a CSV export's header, held until the next line shows what the input is. */
  private readonly csvHeaders = new Map<string, { text: string; lineNo: number }>();

  constructor(
    private readonly maxChars: number,
    /** Line 1 is the input's first line (false for a worker thread's later part of a file). */
    private readonly firstLineOfInput: boolean,
  ) {
    this.cri = new CriReassembler(maxChars);
  }

  push(source: string, raw: string, lineNo: number, sink: FramingSink): void {
    if (this.archives.size > 0 && this.archives.has(source)) return;
    if (lineNo === 1 && this.firstLineOfInput && isTarHeader(raw)) {
      // Its headers and padding would be read as broken lines and zero blocks, its members run together.
      this.archives.add(source);
      sink.unreadable(source, 1, TAR_ARCHIVE);
      sink.notText(source);
      return;
    }
    // indexOf first: it runs at memory speed, the regular expression at a fraction of it on every line.
    if (raw.indexOf('\u0000') !== -1 && ZERO_RUN.test(raw)) {
      this.zeroBlocks(source, raw, lineNo, sink);
      return;
    }
    this.pushLine(source, raw, lineNo, sink);
  }

  /**
   * A line holding a block of zero bytes: the text before the block is what was being written when the node went
   * down (cut short unless whole), the text after it what kube-apiserver wrote after it restarted.
   */
  private zeroBlocks(source: string, raw: string, lineNo: number, sink: FramingSink): void {
    const pieces = raw.split(ZERO_RUNS);
    for (const run of raw.match(ZERO_RUNS) ?? []) sink.zeroBlock(source, lineNo, run.length);
    pieces.forEach((piece, i) => {
      if (piece.trim() === '') return;
      if (i < pieces.length - 1 && endsInsideValue(piece.slice(Math.max(0, eventStart(piece))))) {
        sink.unreadable(source, lineNo, CUT_BY_ZERO_BYTES);
      } else this.pushLine(source, piece, lineNo, sink);
    });
  }

  private pushLine(source: string, raw: string, lineNo: number, sink: FramingSink): void {
    let line = raw;
    if (lineNo === 1 && this.firstLineOfInput) {
      // A UTF-8 byte order mark before the first line.
      if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
      // A UTF-16 input (a log saved on Windows) arrives decoded: forEachLine decides its encoding (text-encoding.ts).
      // A policy or manifest piped in as the LOG (`cat policy.yaml | … -`, `<(…)`): the CLI sniffs a regular
      // file before the replay, but a stream is only seen here, and every line of it would be "not JSON".
      if (YAML_START.test(line)) {
        sink.warning(
          source,
          `the input starts like a YAML policy or manifest (${quote(line.trimEnd(), 40)}), not an audit log: ` +
            'were the arguments swapped? A policy goes to --policy; a LOG is the JSON-lines audit log kube-apiserver writes',
        );
      }
      const compressed = COMPRESSED.find(([, looks]) => looks(line));
      if (compressed !== undefined) {
        const [format, , tool] = compressed;
        sink.notText(source);
        sink.warning(
          source,
          `the input looks ${format}-compressed (only gzip is read): decompress it first (${tool} FILE | deckhouse-audit simulate … -)`,
        );
      }
    }
    const header = this.csvHeaders.size > 0 ? this.csvHeaders.get(source) : undefined;
    if (header !== undefined) {
      // The line after a CSV header candidate tells whether the input is a CSV export.
      this.csvHeaders.delete(source);
      if (csvEventField(line) !== undefined)
        sink.warning(source, csvHeaderSkipped(header.lineNo, header.text));
      else sink.record(source, header.text, header.lineNo);
    } else if (lineNo === 1 && this.firstLineOfInput && CSV_HEADER.test(line)) {
      this.csvHeaders.set(source, { text: line, lineNo });
      return;
    }
    const doc = this.documents.get(source);
    if (doc !== undefined) {
      if (!doc.betweenRecords && isCompactEventLine(line)) {
        // A cut document followed by ordinary event lines (e.g. files concatenated after a copy cut short).
        this.documents.delete(source);
        sink.unreadable(source, doc.openLine, DOCUMENT_CUT);
      } else {
        this.document(source, doc, line, lineNo, sink);
        return;
      }
    }
    if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')) return;
    if (opensDocument(line)) {
      const created = new JsonDocument(this.maxChars);
      this.documents.set(source, created);
      this.document(source, created, line, lineNo, sink);
      return;
    }
    if (line.charCodeAt(0) !== 123 /* { */) {
      const cri = this.cri.push(source, line, lineNo);
      if (cri.kind !== 'plain') {
        if (cri.kind === 'stderr') {
          sink.criLine(source, cri.bytes);
          return;
        }
        sink.criLine(source, 0);
        if (cri.kind === 'pending') return;
        if (cri.kind === 'too-long') {
          sink.unreadable(source, lineNo, lineTooLong(this.maxChars));
          return;
        }
        line = cri.text;
        if (line.trim() === '') return;
      } else if (isKlogLine(line)) {
        sink.otherLine(source, line);
        return;
      } else {
        const cef = line.indexOf('CEF:') === -1 ? undefined : cefMessage(line);
        const at = cef !== undefined ? -1 : eventStart(line);
        const csv = cef !== undefined || at > 0 ? undefined : csvEventField(line);
        if (cef !== undefined || csv !== undefined) {
          line = (cef ?? csv) as string;
          if (isKlogLine(line)) {
            sink.otherLine(source, line); // kube-apiserver's own line, shipped or exported with the events
            return;
          }
        } else if (at > 0) line = line.slice(at);
        else {
          // `kubectl logs --timestamps` (or `--prefix`) of kube-apiserver's own log
          const klog = prefixedKlogText(line);
          if (klog !== undefined) {
            sink.otherLine(source, klog);
            return;
          }
          // A shipper's record behind a tool's columns (kafka-console-consumer's, logcli's).
          const record = recordStart(line);
          if (record > 0) line = line.slice(record);
        }
      }
    }
    // The body of a JSON array copied without its brackets (an export, an editor's copy): an object and its
    // separating comma a line. kube-apiserver writes no comma: the event is the object.
    if (line.charCodeAt(0) === 123 /* { */) {
      const end = line.trimEnd();
      if (end.endsWith('},')) line = end.slice(0, -1);
    }
    sink.record(source, line, lineNo);
  }

  private document(source: string, doc: JsonDocument, line: string, lineNo: number, sink: FramingSink): void {
    const step = doc.push(line, lineNo);
    for (const r of step.records) {
      if (r.text === undefined) sink.unreadable(source, r.lineNo, lineTooLong(this.maxChars));
      else sink.record(source, r.text, r.lineNo);
    }
    if (step.ended) this.documents.delete(source);
  }

  /**
   * A line too long to read, which the line reader did not keep: a block of zero bytes longer than the limit
   * gets the zero-block warning shorter ones get (and the text around it, if any, is counted as lost), any
   * other line is too long. A document's record it was part of is skipped with it and not reported again.
   */
  tooLong(source: string, lineNo: number, dropped: DroppedLine, sink: FramingSink): void {
    this.documents.get(source)?.dropRecord();
    if (dropped.nuls * 2 <= dropped.chars) {
      sink.unreadable(source, lineNo, lineTooLong(this.maxChars));
      return;
    }
    sink.zeroBlock(source, lineNo, dropped.nuls);
    const other = dropped.chars - dropped.nuls;
    if (other > 0) sink.unreadable(source, lineNo, textBesideZeroBlock(other, this.maxChars));
  }

  /**
   * Whether the next lines of `source` are read differently for the ones before: CRI fragments wait for their
   * F line, a document for its end, a first line for the second, or the input is a tar archive.
   */
  isOpen(source: string): boolean {
    return (
      this.cri.isOpen(source) ||
      this.documents.has(source) ||
      this.csvHeaders.has(source) ||
      this.archives.has(source)
    );
  }

  /** Ends an input: a CRI line or a document left unfinished is reported. */
  finish(source: string, sink: FramingSink): void {
    const header = this.csvHeaders.get(source);
    this.csvHeaders.delete(source);
    if (header !== undefined) sink.record(source, header.text, header.lineNo);
    const open = this.cri.finish(source);
    if (open !== undefined) {
      sink.unreadable(
        source,
        open.firstLine,
        'container log line cut short: its P(artial) fragments were never completed by an F line',
      );
    }
    const doc = this.documents.get(source);
    this.documents.delete(source);
    if (doc !== undefined) sink.unreadable(source, doc.openLine, DOCUMENT_CUT);
  }
}

/**
 * A CSV export's header line (column names, quoted or not, separated by commas, semicolons or tabs:
 * `@timestamp,@message` of CloudWatch Logs Insights, `"@timestamp","message"` of Kibana).
 */
const CSV_HEADER = /^("?[@\p{L}\p{N}_.:/ -]{1,100}"?[,;\t])+"?[@\p{L}\p{N}_.:/ -]{1,100}"?\s*$/u;

/** Where a CSV field that holds an event starts: the opening quote, the event's `{"` doubled as RFC 4180 quotes it. */
const CSV_EVENT_STARTS = [
  '"{""kind"":""Event""',
  '"{""apiVersion"":""audit.k8s.io/',
  '"{""kind"":""EventList""',
];

const CSV_SEPARATORS = ',;\t';

/** An event's apiVersion inside a JSON string inside a CSV field: `\"` escaped by JSON, its quote doubled by CSV. */
const CSV_RECORD_EVENT = '\\""apiVersion\\"":\\""audit.k8s.io/';

/**
 * The event in a row of a CSV export (RFC 4180: a field holding `"` or `,` is quoted and its quotes doubled), as
 * log stores download query results (CloudWatch Logs Insights, Grafana, Kibana, Splunk): the field's text, which
 * is the line kube-apiserver wrote; undefined for a line that holds no such field, or whose field never ends.
 */
export function csvEventField(line: string): string | undefined {
  let start = -1;
  for (const opening of CSV_EVENT_STARTS) {
    const at = line.indexOf(opening);
    // The field starts the row or follows a separator: `,`, or `;` and a tab as spreadsheets in locales with a
    // decimal comma save CSV.
    if (at !== -1 && (at === 0 || CSV_SEPARATORS.includes(line[at - 1])) && (start === -1 || at < start))
      start = at;
  }
  // A field holding a shipper's record with the event's line in it (a Splunk `_raw` of Vector's JSON codec):
  // the event's quotes escaped (`\"`) and then doubled by CSV; the field is the record's object.
  if (start === -1 && line.indexOf(CSV_RECORD_EVENT) !== -1) {
    for (let at = line.indexOf('"{""'); at !== -1; at = line.indexOf('"{""', at + 1)) {
      if (at === 0 || CSV_SEPARATORS.includes(line[at - 1])) {
        start = at;
        break;
      }
    }
  }
  if (start === -1) return undefined;
  const parts: string[] = [];
  let from = start + 1;
  for (;;) {
    const quote = line.indexOf('"', from);
    if (quote === -1) return undefined; // the field never ends: not a CSV row (or one cut short)
    parts.push(line.slice(from, quote));
    if (line.charCodeAt(quote + 1) !== 34 /* " */) return parts.join('');
    parts.push('"');
    from = quote + 2;
  }
}

// A CEF record's start (after a syslog header, if any): `CEF:<version>|`, then six header fields whose `|` and
// `\` are escaped, then the extension.
const CEF_HEADER = /(?:^|\s)CEF:\d+\|(?:(?:[^|\\]|\\.)*\|){6}/;

/**
 * The line a CEF record carries in its `message` extension (Deckhouse's log-shipper with `encoding.codec: CEF`
 * on a Socket or Kafka destination: Vector's `cef` codec with the extension `message` = the log line; ArcSight
 * CEF escapes `\` and `=` in extension values as `\\` and `\=`, newlines as `\n`), unescaped; undefined for a
 * line that is no CEF record or has no `message`. A value ends where the next key starts: the last space
 * before the next unescaped `=`.
 */
export function cefMessage(line: string): string | undefined {
  const header = CEF_HEADER.exec(line);
  if (header === null) return undefined;
  const ext = line.slice(header.index + header[0].length);
  const key = /(?:^|\s)message=/.exec(ext);
  if (key === null) return undefined;
  const start = key.index + key[0].length;
  let end = ext.length;
  for (let i = start; i < ext.length; i++) {
    const c = ext.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 61 /* = */) {
      end = ext.lastIndexOf(' ', i);
      break;
    }
  }
  if (end < start) return undefined;
  return ext
    .slice(start, end)
    .replace(/\\([\\=nr])/g, (_, e: string) => (e === 'n' ? '\n' : e === 'r' ? '\r' : e));
}

/** Why a CSV export's header line was not read as an event. */
function csvHeaderSkipped(lineNo: number, header: string): string {
  const shown = header.length > 120 ? `${header.slice(0, 120)}…` : header;
  return (
    `line ${lineNo} is a CSV header (${shown.trim()}), not an event: skipped; the rows' quoted fields that hold ` +
    "an event are read (RFC 4180 quoting: the event's quotes doubled)"
  );
}

/**
 * Compressed files other than gzip, by their magic bytes as the first line reads them decoded as UTF-8 (a byte
 * over 0x7F that is not valid UTF-8 becomes U+FFFD): kube-apiserver rotates into gzip only, but archives and
 * logrotate use these too, and their bytes would only show as "not JSON" lines.
 */
const COMPRESSED: ReadonlyArray<readonly [string, (line: string) => boolean, string]> = [
  ['zstd', (l) => l.startsWith('(\ufffd/\ufffd'), 'zstd -dc'],
  ['xz', (l) => l.startsWith('\ufffd7zXZ\u0000'), 'xz -dc'],
  ['bzip2', (l) => /^BZh[1-9]1AY&SY/.test(l), 'bzip2 -dc'],
  ['lz4', (l) => l.startsWith('\u0004"M\u0018'), 'lz4 -dc'],
  ['zip', (l) => l.startsWith('PK\u0003\u0004'), 'unzip -p'],
];

/** Why a tar archive is not read. */
export const TAR_ARCHIVE =
  'a tar archive, not an audit log: not read; extract its logs first, e.g. tar -xOzf FILE | deckhouse-audit ' +
  'simulate … - (or tar -xzf FILE and give the files)';

/**
 * Whether an input's first line is a tar header (`tar czf logs.tgz /var/log/kube-audit`; gzip is taken off before):
 * POSIX ustar (`ustar\0` + `00`) or GNU (`ustar  \0`) magic at byte 257 of the 512-byte header block, which holds
 * no newline (the name, the octal fields and the magic are ASCII, so characters are bytes).
 */
function isTarHeader(line: string): boolean {
  return line.startsWith('ustar\u000000', 257) || line.startsWith('ustar  \u0000', 257);
}
