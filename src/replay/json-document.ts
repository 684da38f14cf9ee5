/**
 * Pretty-printed JSON among the lines of an input (`jq . audit.log`, an EventList saved with
 * `JSON.stringify(list, null, 2)`, a JSON array of events): a value that opens with a line holding only `{`
 * or `[` is read across lines, and handed on as records, one per event: the elements of a top-level array,
 * the elements of a top-level object's `items` (an EventList) or other record list (RECORD_LISTS), the lines of
 * a Loki query response (LOKI_DATA), or else the top-level object itself. Only the record being read is kept, so
 * an EventList of any size takes the memory of its largest item, and a record past the limit keeps nothing.
 */

/** A record read from a document: its text (undefined when longer than the limit) and its first line. */
export interface DocumentRecord {
  text?: string;
  lineNo: number;
}

/** What feeding one line gave. */
export interface DocumentStep {
  records: DocumentRecord[];
  /** The document ended in this line (a line after it starts afresh). */
  ended: boolean;
}

/** Whether a line opens a pretty-printed value: it holds `{` or `[` and nothing else. */
export function opensDocument(line: string): boolean {
  const t = line.trim();
  return t === '{' || t === '[';
}

/** Whether a line is a compact kube-apiserver event (which no pretty printer writes): a cut document ends. */
export function isCompactEventLine(line: string): boolean {
  return line.startsWith('{"kind":"Event"') || line.startsWith('{"apiVersion":"audit.k8s.io/');
}

/**
 * Members of a top-level object whose list elements are read one at a time: an EventList's `items`, and the
 * record lists of cloud exports (CloudWatch Logs' `events` of `aws logs filter-log-events`, which the AWS CLI
 * prints as one object for all its pages, and a subscription's `logEvents`; Azure resource logs' `records`).
 */
const RECORD_LISTS: ReadonlySet<string> = new Set(['items', 'events', 'logEvents', 'records']);

/**
 * The member of a top-level object whose object holds the record list under the same name: an Elasticsearch or
 * OpenSearch `_search` response's `hits.hits` (its hits, each with the document in `_source`), read one hit at a
 * time as the lists above are: a response of 10,000 hits (the default index.max_result_window) with bodies
 * is past the size of one record.
 */
const NESTED_LIST = 'hits';

/**
 * A Loki query response (`GET /loki/api/v1/query_range`, saved with `curl` or `jq .`): `{"status": …, "data":
 * {"resultType": "streams", "result": [{"stream": {labels}, "values": [["<ns timestamp>", "<log line>"], …]}]}}`,
 * where one stream of a day's audit log is past the size of one record. Each `[timestamp, line]` pair is a
 * record, handed on as `{"line": "<log line>"}`: the shipper's record the one-line response is read as
 * (log-record.ts), so both read alike.
 */
const LOKI_DATA = 'data';
const LOKI_RESULT = 'result';
const LOKI_VALUES = 'values';

/** The record a Loki `[timestamp, line]` pair stands for, or the pair's text when it is no such pair. */
function lokiRecord(pair: string): string {
  try {
    const value: unknown = JSON.parse(pair);
    if (Array.isArray(value) && value.length === 2) return JSON.stringify({ line: value[1] as unknown });
  } catch {
    // not JSON: read as it is, the reader says what is wrong with it
  }
  return pair;
}

/** Reads one pretty-printed value of an input, line by line. */
export class JsonDocument {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private topArray = false;
  /** Depth of the brackets that hold the records (1 inside a top-level array or `items`). */
  private recordDepth = -1;
  /** The record being read: its pieces, length, first line; and the top-level object's own text. */
  private record: string[] | undefined;
  private recordChars = 0;
  private recordLine = 0;
  private outer: string[] = [];
  private outerChars = 0;
  private outerLine = 0;
  private sawItems = false;
  /** Inside the top-level object's `hits` object (NESTED_LIST), whose keys are read like the top level's. */
  private inNested = false;
  /** Inside a Loki response's `data` object, its `result` list, and its streams' `values` (LOKI_DATA). */
  private inLokiData = false;
  private inLokiResult = false;
  private lokiPairs = false;
  /** The record being read lost a line the line reader dropped for its length (reported there). */
  private recordDropped = false;
  private keyText = '';
  private stringStart = -1;
  private pendingKey = '';

  constructor(private readonly maxChars: number) {}

  /** True between two records of a list (where a compact event line may stand as the next record). */
  get betweenRecords(): boolean {
    return this.record === undefined && this.recordDepth > 0 && this.depth === this.recordDepth;
  }

  /** The line the unfinished part started on (a record, or the top-level value). */
  get openLine(): number {
    return this.record !== undefined ? this.recordLine : this.outerLine;
  }

  /** Whether keys are read at this depth: the top-level object's, and its `hits` object's. */
  private keyDepth(): boolean {
    return (
      this.depth === 1 ||
      (this.depth === 2 && (this.inNested || this.inLokiData)) ||
      (this.depth === 4 && this.inLokiResult)
    );
  }

  /**
   * A line of this document was too long to read: the record holding it is skipped without another report
   * (the top-level value, when no record is open, is too long as it would be past the limit).
   */
  dropRecord(): void {
    if (this.record !== undefined) {
      this.recordDropped = true;
      this.record.length = 0;
      this.recordChars = this.maxChars + 1;
    } else if (!this.topArray) {
      this.outer.length = 0;
      this.outerChars = this.maxChars + 1;
    }
  }

  /** Characters of text held for the unfinished record and the top-level value (nothing past the limit). */
  get heldChars(): number {
    const sum = (pieces: readonly string[]) => pieces.reduce((n, p) => n + p.length, 0);
    return sum(this.record ?? []) + sum(this.outer);
  }

  /** Feeds the next line (the first one is the line `opensDocument` accepted). */
  push(line: string, lineNo: number): DocumentStep {
    const records: DocumentRecord[] = [];
    let recordFrom = this.record !== undefined ? 0 : -1;
    let outerFrom = this.depth >= 1 && this.record === undefined && !this.topArray ? 0 : -1;
    const keep = (target: 'record' | 'outer', from: number, to: number) => {
      const piece = line.slice(from, to);
      if (target === 'record' && this.record !== undefined) {
        this.recordChars += piece.length + 1;
        if (this.recordChars <= this.maxChars) this.record.push(piece);
        else this.record.length = 0; // skipped: its text is let go now, not when it ends
      } else if (target === 'outer' && !this.topArray && !this.sawItems) {
        // Once a record list is found the top-level value is no record: its text is not kept.
        this.outerChars += piece.length + 1;
        if (this.outerChars <= this.maxChars) this.outer.push(piece);
        else this.outer.length = 0;
      }
    };
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92 /* \ */) this.escaped = true;
        else if (c === 34 /* " */) {
          this.inString = false;
          if (this.stringStart >= 0) this.keyText = line.slice(this.stringStart, i);
        }
        continue;
      }
      if (c === 34) {
        this.inString = true;
        this.stringStart = this.keyDepth() && this.record === undefined ? i + 1 : -1;
        continue;
      }
      if (c === 58 /* : */ && this.keyDepth()) {
        this.pendingKey = this.keyText;
        continue;
      }
      if (c === 123 /* { */ || c === 91 /* [ */) {
        if (this.depth === 0) {
          this.topArray = c === 91;
          this.outerLine = lineNo;
          if (this.topArray) this.recordDepth = 1;
          else outerFrom = i;
        } else if (this.depth === 1 && !this.topArray && c === 91 && RECORD_LISTS.has(this.pendingKey)) {
          this.recordDepth = 2;
          this.sawItems = true;
        } else if (this.depth === 1 && !this.topArray && c === 123 && this.pendingKey === NESTED_LIST) {
          this.inNested = true;
          this.pendingKey = '';
        } else if (this.depth === 2 && this.inNested && c === 91 && this.pendingKey === NESTED_LIST) {
          this.recordDepth = 3;
          this.sawItems = true;
        } else if (this.depth === 1 && !this.topArray && c === 123 && this.pendingKey === LOKI_DATA) {
          this.inLokiData = true;
          this.pendingKey = '';
        } else if (this.depth === 2 && this.inLokiData && c === 91 && this.pendingKey === LOKI_RESULT) {
          this.inLokiResult = true;
          this.pendingKey = '';
        } else if (this.depth === 4 && this.inLokiResult && c === 91 && this.pendingKey === LOKI_VALUES) {
          this.recordDepth = 5;
          this.lokiPairs = true;
          this.sawItems = true;
          this.pendingKey = '';
        } else if (this.depth === this.recordDepth && this.record === undefined) {
          if (outerFrom >= 0) keep('outer', outerFrom, i);
          outerFrom = -1;
          this.record = [];
          this.recordChars = 0;
          this.recordLine = lineNo;
          recordFrom = i;
        }
        this.depth++;
        continue;
      }
      if (c === 125 /* } */ || c === 93 /* ] */) {
        this.depth--;
        if (this.record !== undefined && this.depth === this.recordDepth) {
          keep('record', recordFrom, i + 1);
          recordFrom = -1;
          const whole = this.recordChars <= this.maxChars ? this.record.join('\n') : undefined;
          const text = whole !== undefined && this.lokiPairs ? lokiRecord(whole) : whole;
          if (!this.recordDropped) records.push({ text, lineNo: this.recordLine });
          this.recordDropped = false;
          this.record = undefined;
          if (!this.topArray) outerFrom = i + 1;
        } else if (this.recordDepth > 1 && this.depth === this.recordDepth - 1 && c === 93) {
          this.recordDepth = -1; // the items (or hits.hits, or a stream's values) array closed
          this.lokiPairs = false;
        } else if (this.depth === 2 && this.inLokiResult && c === 93) {
          this.inLokiResult = false; // data.result closed
        } else if (this.depth === 1 && (this.inNested || this.inLokiData)) {
          this.inNested = false; // the hits (or data) object closed
          this.inLokiData = false;
        } else if (this.depth === 0) {
          if (!this.topArray && !this.sawItems) {
            keep('outer', Math.max(outerFrom, 0), i + 1);
            const text = this.outerChars <= this.maxChars ? this.outer.join('\n') : undefined;
            records.push({ text, lineNo: this.outerLine });
          }
          return { records, ended: true };
        }
      }
    }
    if (recordFrom >= 0) keep('record', recordFrom, line.length);
    else if (outerFrom >= 0) keep('outer', outerFrom, line.length);
    return { records, ended: false };
  }
}
