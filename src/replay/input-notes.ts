import { DuplicateSample, DuplicateSampleState } from './duplicates';
import { AUDIT_V1, AUDIT_V1BETA1 } from './event';
import { criFramingBytes } from './policy-tally';
import type { SourceReport } from './types';

/** Why an input's klog lines made the retention estimate the kubelet's container log (auditLog.output Stdout). */
export const STDOUT_FROM_OWN_LINES =
  "kube-apiserver's own log lines are among its events here, which only its container's output holds " +
  "(`kubectl logs`, a shipper's records of the Pod): retention follows auditLog.output Stdout, the kubelet's " +
  'container-log rotation; state the output (--audit-log-output File) if the cluster writes the audit log file';

/** What one input held besides audit.k8s.io/v1 events. */
interface InputCounts {
  /** Lines of kube-apiserver's own log (klog, or a container's stderr) outside container framing. */
  otherLines: number;
  /** The bytes those lines took in kube-apiserver's container log (text, newline and the runtime's framing). */
  ownLogBytes: number;
  /** Lines of kube-apiserver's legacy text format (legacy-line.ts), counted as malformed. */
  legacyLines: number;
  /** audit.k8s.io/v1beta1 events, and the bytes only that version writes. */
  v1beta1Events: number;
  v1beta1ExtraBytes: number;
  /** Events with members a log shipper added (foreign-members.ts), and the first few of their names. */
  foreignEvents: number;
  foreignNames: string[];
  /** Byte sequences that are not UTF-8, and the line of the first (0: none). */
  invalidUtf8: number;
  invalidUtf8Line: number;
  /** The input was named as no text (compressed otherwise than gzip, a tar archive): no UTF-8 note. */
  notText: boolean;
}

/** Names of shipper-added members a note lists at most. */
const FOREIGN_NAMES = 8;

/** The counts per input, as worker threads hand them over. */
export interface InputNotesState {
  counts: Array<[string, InputCounts]>;
  duplicates: DuplicateSampleState;
}

/**
 * The notes a report gives per input on lines that are not audit.k8s.io/v1 events but were not malformed
 * either: kube-apiserver's own log lines (skipped, `kubectl logs` mixes them in) and audit.k8s.io/v1beta1 events
 * (kube-apiserver before Kubernetes 1.24: decided like v1 events, sized with the members only v1beta1 writes).
 */
export class InputNotes {
  private readonly bySource = new Map<string, InputCounts>();
  /** Events the log holds twice (a sample). */
  readonly duplicates = new DuplicateSample();

  otherLine(source: string, line: string): void {
    const c = this.counts(source);
    c.otherLines++;
    if (line !== '') {
      const bytes = Buffer.byteLength(line) + 1;
      c.ownLogBytes += bytes + criFramingBytes(bytes);
    }
  }

  legacyLine(source: string): void {
    this.counts(source).legacyLines++;
  }

  // v1beta1's Event is v1's plus `"metadata":{"creationTimestamp":null},` and `"timestamp":"…",`
  // (staging/src/k8s.io/apiserver/pkg/apis/audit/v1beta1/types.go before kubernetes PR #108092), and its
  // apiVersion is 5 characters longer: bytes a current kube-apiserver would not write for the same event.
  v1beta1Event(source: string, ev: Record<string, unknown>): void {
    const c = this.counts(source);
    c.v1beta1Events++;
    c.v1beta1ExtraBytes += AUDIT_V1BETA1.length - AUDIT_V1.length;
    for (const key of ['metadata', 'timestamp']) {
      const value = ev[key];
      // `"key":` + value + `,`
      if (value !== undefined) c.v1beta1ExtraBytes += key.length + 4 + (JSON.stringify(value)?.length ?? 0);
    }
  }

  notText(source: string): void {
    this.counts(source).notText = true;
  }

  invalidUtf8(source: string, lineNo: number, count: number): void {
    const c = this.counts(source);
    if (c.invalidUtf8 === 0 || lineNo < c.invalidUtf8Line) c.invalidUtf8Line = lineNo;
    c.invalidUtf8 += count;
  }

  foreignMembers(source: string, names: readonly string[]): void {
    const c = this.counts(source);
    c.foreignEvents++;
    this.addNames(c, names);
  }

  private addNames(c: InputCounts, names: readonly string[]): void {
    for (const name of names) {
      if (c.foreignNames.length >= FOREIGN_NAMES) return;
      if (!c.foreignNames.includes(name))
        c.foreignNames.push(name.length > 40 ? `${name.slice(0, 40)}…` : name);
    }
  }

  otherLines(source: string): number {
    return this.bySource.get(source)?.otherLines ?? 0;
  }

  /** Container-log bytes of kube-apiserver's own lines in `source` (0: none, or only a log service's records). */
  ownLogBytes(source: string): number {
    return this.bySource.get(source)?.ownLogBytes ?? 0;
  }

  legacyLines(source: string): number {
    return this.bySource.get(source)?.legacyLines ?? 0;
  }

  toState(): InputNotesState {
    return {
      counts: [...this.bySource].map(([source, c]) => [source, { ...c, foreignNames: [...c.foreignNames] }]),
      duplicates: this.duplicates.toState(),
    };
  }

  /** Adds a range's counts; its line numbers start after `lineOffset`. */
  merge(state: InputNotesState, lineOffset = 0): void {
    this.duplicates.merge(state.duplicates);
    for (const [source, c] of state.counts) {
      const into = this.counts(source);
      if (c.invalidUtf8 > 0) this.invalidUtf8(source, c.invalidUtf8Line + lineOffset, c.invalidUtf8);
      into.notText ||= c.notText;
      into.otherLines += c.otherLines;
      into.ownLogBytes += c.ownLogBytes;
      into.legacyLines += c.legacyLines;
      into.v1beta1Events += c.v1beta1Events;
      into.v1beta1ExtraBytes += c.v1beta1ExtraBytes;
      into.foreignEvents += c.foreignEvents;
      this.addNames(into, c.foreignNames);
    }
  }

  /** The notes on one input, as sentences (none when it held only v1 events and malformed lines). */
  notes(source: string): string[] {
    const notes: string[] = [];
    const duplicates = this.duplicates.note(source);
    if (duplicates !== undefined) notes.push(duplicates);
    const c = this.bySource.get(source);
    if (c === undefined) return notes;
    const n = c.otherLines;
    if (n > 0) {
      notes.push(
        `${n} line${n === 1 ? '' : 's'} of kube-apiserver's own log (klog or stderr, not audit events) skipped`,
      );
    }
    if (c.legacyLines > 0) {
      notes.push(
        `${c.legacyLines} line${c.legacyLines === 1 ? ' is' : 's are'} in kube-apiserver's legacy audit text format ` +
          '(--audit-log-format=legacy: no level, objectRef, bodies or sizes), counted as malformed; Deckhouse writes ' +
          '--audit-log-format=json: replay that log instead',
      );
    }
    const events = c.v1beta1Events;
    if (events > 0) {
      notes.push(
        `${events} event${events === 1 ? ' is' : 's are'} audit.k8s.io/v1beta1, as kube-apiserver wrote them ` +
          'before Kubernetes 1.24 (which writes only audit.k8s.io/v1): decided like v1 events, but sized with the ' +
          `members only v1beta1 has (metadata, timestamp, the longer apiVersion: about ${Math.round(c.v1beta1ExtraBytes / events)} ` +
          'bytes an event), which a current cluster does not write',
      );
    }
    if (c.invalidUtf8 > 0 && !c.notText) {
      const n = c.invalidUtf8;
      notes.push(
        `${n} byte sequence${n === 1 ? ' is' : 's are'} not UTF-8, the first on line ${c.invalidUtf8Line}: ` +
          'kube-apiserver writes UTF-8 only, so the file was re-encoded (e.g. to Windows-1251 or Latin-1); each ' +
          'was read as U+FFFD, so names holding them match no rule that names them and sizes are off: convert ' +
          'the file back first (iconv -f CP1251 -t UTF-8, with its real encoding)',
      );
    }
    if (c.foreignEvents > 0) {
      notes.push(
        `${c.foreignEvents} event${c.foreignEvents === 1 ? ' carries' : 's carry'} members kube-apiserver does not ` +
          `write (${c.foreignNames.join(', ')}), added by the log shipper: left out of every size`,
      );
    }
    return notes;
  }

  private counts(source: string): InputCounts {
    let c = this.bySource.get(source);
    if (c === undefined)
      this.bySource.set(
        source,
        (c = {
          otherLines: 0,
          ownLogBytes: 0,
          legacyLines: 0,
          v1beta1Events: 0,
          v1beta1ExtraBytes: 0,
          foreignEvents: 0,
          foreignNames: [],
          invalidUtf8: 0,
          invalidUtf8Line: 0,
          notText: false,
        }),
      );
    return c;
  }
}

/** The note on an input that gave no event while others did (a wrong or empty file among the inputs). */
export function noEventNote(s: SourceReport, events: number): string[] {
  if (s.events > 0 || events === 0) return [];
  if (s.lines === 0 && s.malformed === 0) {
    return [
      s.bytes === 0 && s.criLines === 0
        ? 'no audit event read from this input: it is empty'
        : "no audit event read from this input: it holds only blank lines or lines of kube-apiserver's own log",
    ];
  }
  return [
    `no audit event read from this input: its ${s.lines} line${s.lines === 1 ? ' is' : 's are'} not audit events (${s.malformed} malformed)`,
  ];
}
