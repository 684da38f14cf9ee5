import { concatenatedValues } from './concatenated-json';
import { eventProblem } from './event';
import { EventLine, readEventLine } from './event-line';
import { dropForeignMembers } from './foreign-members';
import { JournalLineJoiner, TOO_MANY_OPEN_LINES } from './journal-record';
import { isLegacyAuditLine } from './legacy-line';
import { lineTooLong } from './line-framing';
import {
  arrayValues,
  eventStart,
  foreignRecord,
  isKlogLine,
  PartialJoiner,
  unwrapRecord,
} from './log-record';

/**
 * Reads one record of an input as audit events: an Event line as kube-apiserver writes it, or what log
 * pipelines make of it (log-record.ts: a shipper's record holding the line or the event, an EventList, a
 * JSON array). Malformed-line reasons name the field they are about (`items[3]: missing verb`).
 */

/** Where a record reader hands what it found (each call names the input). */
export interface RecordHandlers {
  event(source: string, line: EventLine): void;
  malformed(source: string, lineNo: number, reason: string): void;
  /** A line of kube-apiserver's legacy text format (legacy-line.ts); `field` names where it sat in a record. */
  legacyLine(source: string, lineNo: number, field: string): void;
  /**
   * A line of kube-apiserver's own log (klog, a container's stderr; `line` its text) or a log service's own
   * record (`line` empty): not audit data.
   */
  otherLine(source: string, line: string): void;
  /** An event that carried members kube-apiserver does not write (taken out of it and its size). */
  foreignMembers(source: string, names: string[]): void;
  /**
   * A record of a container's output (Unwrapped's `container`): like a container-runtime line, it shows the
   * events were kube-apiserver's standard output.
   */
  containerRecord(source: string): void;
}

/** Wrappers taken off one record at most (a `_source` holding a `message`, an EventList in a `message`...). */
const MAX_WRAPPING = 4;

/**
 * The text of a line written as a JSON string (`jq '.message'` without -r, a log line quoted once more by an
 * exporter), when it holds an object: undefined for any other line.
 */
function quotedLine(text: string): string | undefined {
  const t = text.trim();
  if (t.charCodeAt(0) !== 34 /* " */ || !t.startsWith('"{')) return undefined;
  try {
    const value: unknown = JSON.parse(t);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Reads records; keeps the pieces of lines a record format cut (Docker's json-file) per input. */
export class RecordReader {
  private readonly partials: PartialJoiner;
  private readonly journal: JournalLineJoiner;

  constructor(
    private readonly maxChars: number,
    private readonly handlers: RecordHandlers,
  ) {
    this.partials = new PartialJoiner(maxChars);
    this.journal = new JournalLineJoiner(maxChars);
  }

  read(source: string, text: string, lineNo: number): void {
    this.readAt(source, text, lineNo, 0, '');
  }

  /** Whether a line of `source` waits for its last piece (see PartialJoiner). */
  isOpen(source: string): boolean {
    return this.partials.isOpen(source) || this.journal.isOpen(source);
  }

  /** See PartialJoiner.modes. */
  modes(source: string): { wholeLines: boolean; readPieces: boolean } {
    return this.partials.modes(source);
  }

  /** Ends an input: the line a cut piece was kept for, when its last piece never came. */
  finish(source: string): number | undefined {
    const docker = this.partials.finish(source);
    const journal = this.journal.finish(source);
    return docker === undefined || journal === undefined ? (docker ?? journal) : Math.min(docker, journal);
  }

  private readAt(source: string, text: string, lineNo: number, depth: number, field: string): void {
    const h = this.handlers;
    const scanned = readEventLine(text);
    if (typeof scanned === 'string') {
      if (isLegacyAuditLine(text)) {
        h.legacyLine(source, lineNo, field);
        return;
      }
      const joined =
        scanned.startsWith('not JSON') && depth < MAX_WRAPPING ? concatenatedValues(text) : undefined;
      if (joined !== undefined) {
        // Each value is read as a line of its own would be: its size is its own text, as the apiserver wrote it.
        joined.forEach((value, i) =>
          this.readAt(source, value, lineNo, depth + 1, `${field}value ${i + 1}: `),
        );
        return;
      }
      const values = scanned === 'not a JSON object' && depth < MAX_WRAPPING ? arrayValues(text) : undefined;
      const quoted = scanned === 'not a JSON object' && depth < MAX_WRAPPING ? quotedLine(text) : undefined;
      if (values !== undefined) this.readValues(source, values, lineNo, depth, field, true);
      else if (quoted !== undefined)
        this.readAt(source, quoted, lineNo, depth + 1, `${field}(JSON string): `);
      else h.malformed(source, lineNo, `${field}${scanned}`);
      return;
    }
    const problem = eventProblem(scanned.event);
    if (problem === undefined) {
      const foreign = dropForeignMembers(scanned);
      if (foreign !== undefined) h.foreignMembers(source, foreign);
      h.event(source, scanned);
      return;
    }
    const inner = depth < MAX_WRAPPING ? unwrapRecord(scanned.event) : undefined;
    if (inner === undefined) {
      const foreign = foreignRecord(scanned.event);
      h.malformed(source, lineNo, `${field}${foreign ?? `not an audit.k8s.io/v1 Event: ${problem}`}`);
      return;
    }
    if (inner.kind === 'values') {
      const at = inner.list ? `${field}${inner.field}` : `${field}${inner.field}: `;
      this.readValues(source, inner.values, lineNo, depth, at, inner.list);
      return;
    }
    if (inner.container) h.containerRecord(source);
    const journal = inner.journal && this.journal.add(source, inner.journal, lineNo);
    if (journal?.kind === 'kept') return;
    if (journal?.kind === 'dropped' && !journal.tooLong) {
      h.malformed(source, lineNo, `${field}${inner.field}: ${TOO_MANY_OPEN_LINES}`);
      return;
    }
    if (inner.otherLog) {
      h.otherLine(source, inner.text);
    } else if (inner.partial && !this.partials.wholeLine(source, inner.text)) {
      this.partials.add(source, inner.text, lineNo);
    } else {
      const whole =
        journal?.kind === 'line'
          ? journal.text
          : journal?.kind === 'dropped'
            ? undefined
            : this.partials.complete(source, inner.text);
      if (whole === undefined)
        h.malformed(source, lineNo, `${field}${inner.field}: ${lineTooLong(this.maxChars)}`);
      else if (isKlogLine(whole)) h.otherLine(source, whole);
      else {
        const at = whole.charCodeAt(0) === 123 /* { */ ? 0 : eventStart(whole);
        this.readAt(source, at > 0 ? whole.slice(at) : whole, lineNo, depth + 1, `${field}${inner.field}: `);
      }
    }
  }

  private readValues(
    source: string,
    values: readonly unknown[],
    lineNo: number,
    depth: number,
    field: string,
    list: boolean,
  ): void {
    values.forEach((value, i) => {
      const at = list ? `${field}[${i}]: ` : field;
      let text: string | undefined;
      try {
        text =
          typeof value === 'object' && value !== null && !Array.isArray(value)
            ? JSON.stringify(value)
            : undefined;
      } catch {
        text = undefined; // nesting too deep to encode again
      }
      if (text === undefined) this.handlers.malformed(source, lineNo, `${at}not a JSON object`);
      else this.readAt(source, text, lineNo, depth + 1, at);
    });
  }
}
