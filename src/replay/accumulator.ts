import type { EffectivePolicy, Policy, RequestAttributes, Stage } from '../policy/types';
import { STAGES } from '../policy/types';
import { AUDIT_V1BETA1, bodyHasImageWithoutDigest, eventUser, isPodCreate, sourceLevelOf } from './event';
import { brokenLineReason } from './broken-line';
import { EventLine, requestBody } from './event-line';
import { inDuplicateSample } from './duplicates';
import { InputNotes, noEventNote, STDOUT_FROM_OWN_LINES } from './input-notes';
import { HEAVY_HITTER_CAPACITY } from './heavy-hitters';
import type {
  PartialReplayAccumulator,
  ReplayAccumulator,
  MultiReplayAccumulator,
  ReplayState,
} from './accumulator-types';
import { LEGACY_REASON } from './legacy-line';
import { FileOutputTruncation, FileOutputTruncationOptions } from './output-truncation';
import { DroppedLine, FramingSink, LineFraming, lineTooLong } from './line-framing';
import { LineWarnings } from './line-warnings';
import { RecordReader } from './record-reader';
import { emptyRequest, fillRequest, RequestAttributesReader } from './request-attributes';
import { PolicyTally, TallyEvent, zeroStages } from './policy-tally';
import { estimateRetention, resolveRotation } from './retention';
import { EventSizer } from './size';
import { TimeSpan } from './time-span';
import { TRUNCATE_MAX_EVENT_BYTES } from './types';
import type { MalformedLine, ReplayOptions, RotationSettings, SimulationReport, SourceReport } from './types';

export type {
  MultiReplayAccumulator,
  PartialReplayAccumulator,
  ReplayAccumulator,
  ReplayState,
} from './accumulator-types';

/** Lines longer than this many characters are skipped unless `maxLineBytes` says otherwise. */
export const DEFAULT_MAX_LINE = 64 * 1024 * 1024;

export { STDOUT_FROM_OWN_LINES } from './input-notes';

export { lineTooLong };

/** Options of an accumulator that reads a part of an input (a worker thread's range of a file). */
export interface AccumulatorOptions extends ReplayOptions, FileOutputTruncationOptions {
  /** Line 1 is the input's first line (a byte order mark may precede it). @default true */
  firstLineOfInput?: boolean;
  /**
   * The parts before this one already held more events than every one of which is checked for a copy
   * (checksEveryEvent false): this part checks only the sample. @default false
   */
  sampleDuplicatesOnly?: boolean;
}

class Accumulator implements PartialReplayAccumulator {
  private readonly tallies: PolicyTally[];
  private readonly rotation: RotationSettings;
  private readonly topN: number;
  private readonly malformedSamples: number;
  private readonly maxEventBytes: number | undefined;
  private readonly maxChars: number;
  private readonly framing: LineFraming;
  private readonly reader: RecordReader;
  private readonly inputNotes = new InputNotes();
  private readonly outputTruncation: FileOutputTruncation;
  private readonly sink: FramingSink = {
    record: (source, text, lineNo) => this.addRecord(source, text, lineNo),
    unreadable: (source, lineNo, reason) => this.addUnreadableLine(source, lineNo, reason),
    criLine: (source, stderrBytes) => {
      const src = this.source(source);
      src.criLines++;
      src.criStderrBytes += stderrBytes;
      this.outputTruncation.sawContainerOutput();
    },
    otherLine: (source, line) => this.addOwnLine(source, line),
    warning: (source, message) => this.addSourceWarning(source, message),
    notText: (source) => this.inputNotes.notText(source),
    zeroBlock: (source, line, bytes) => this.lineWarnings.zeroBlock(this.source(source), line, bytes),
  };
  private readonly lineWarnings = new LineWarnings();
  /** The input's last line when it has no newline after it, while it is being read. */
  private unterminated: { source: string; lineNo: number } | undefined;
  /** The record being read when it is that line's (its text, for the cut-short check). */
  private unterminatedRecord: string | undefined;
  /** The record being read when it is an input's first line (its text, for the starts-inside check). */
  private firstRecord: string | undefined;
  /** The record being read (its text, for the check of a line journald cut). */
  private record: string | undefined;
  private events = 0;
  private lines = 0;
  private imagesWithoutDigest = 0;
  private malformedCount = 0;
  private readonly malformed: MalformedLine[] = [];
  private readonly sources = new Map<string, SourceReport>();
  private readonly skipped: Array<{ source: string; reason: string }> = [];
  private readonly span = new TimeSpan();
  private readonly requests = new RequestAttributesReader();
  private readonly req: RequestAttributes = emptyRequest();
  private readonly tallyEvent: TallyEvent = {
    req: this.req,
    stage: 'ResponseComplete',
    sizer: undefined as unknown as EventSizer,
    sourceLevel: undefined,
    noDigest: false,
    keys: undefined,
    truncates: true,
  };

  constructor(
    policies: ReadonlyArray<Policy | EffectivePolicy>,
    private readonly options: AccumulatorOptions,
  ) {
    const truncate = options.truncate;
    this.maxEventBytes =
      truncate === undefined || truncate === false
        ? undefined
        : truncate === true
          ? TRUNCATE_MAX_EVENT_BYTES
          : (truncate.maxEventBytes ?? TRUNCATE_MAX_EVENT_BYTES);
    this.tallies = policies.map((p) => new PolicyTally(p, this.maxEventBytes));
    this.outputTruncation = new FileOutputTruncation(options);
    this.rotation = resolveRotation(options.rotation);
    this.topN = options.topN ?? 10;
    this.malformedSamples = options.malformedSamples ?? 10;
    this.maxChars = options.maxLineBytes ?? DEFAULT_MAX_LINE;
    this.framing = new LineFraming(this.maxChars, options.firstLineOfInput !== false);
    if (options.sampleDuplicatesOnly === true) this.inputNotes.duplicates.stopExact();
    this.reader = new RecordReader(this.maxChars, {
      event: (source, line) => {
        this.source(source).events++;
        if (line.event.apiVersion === AUDIT_V1BETA1) this.inputNotes.v1beta1Event(source, line.event);
        const id = line.event.auditID;
        const duplicates = this.inputNotes.duplicates;
        if (typeof id === 'string' && (duplicates.exact || inDuplicateSample(id)))
          duplicates.add(source, id, line.event);
        if (this.inputNotes.ownLogBytes(source) > 0) this.outputTruncation.sawContainerOutput();
        this.addEvent(line, source);
      },
      malformed: (source, lineNo, reason) => {
        this.addMalformed(
          source,
          lineNo,
          brokenLineReason(reason, this.unterminatedRecord, this.firstRecord, this.record),
        );
      },
      legacyLine: (source, lineNo, field) => {
        this.inputNotes.legacyLine(source);
        this.addMalformed(source, lineNo, `${field}${LEGACY_REASON}`);
      },
      otherLine: (source, line) => this.addOwnLine(source, line),
      foreignMembers: (source, names) => this.inputNotes.foreignMembers(source, names),
      // A Docker json-file (or shipper's Pod) record is a container log line as a CRI line is; a stderr
      // record's bytes are kube-apiserver's own line, counted through otherLine.
      containerRecord: (source) => this.sink.criLine(source, 0),
    });
  }

  /** kube-apiserver's own log line: among events, it shows the input is its container output (Stdout). */
  private addOwnLine(source: string, line: string): void {
    this.inputNotes.otherLine(source, line);
    if (line !== '' && (this.sources.get(source)?.events ?? 0) > 0)
      this.outputTruncation.sawContainerOutput();
  }

  private source(name: string): SourceReport {
    let s = this.sources.get(name);
    if (s === undefined) {
      s = {
        source: name,
        gzip: false,
        bytes: 0,
        lines: 0,
        events: 0,
        malformed: 0,
        criLines: 0,
        criStderrBytes: 0,
        otherLines: 0,
        legacyLines: 0,
        warnings: [],
        threads: 1,
      };
      this.sources.set(name, s);
    }
    return s;
  }

  setSourceInfo(source: string, info: { gzip: boolean; bytes: number; threads?: number }): void {
    const s = this.source(source);
    s.gzip = info.gzip;
    s.bytes = info.bytes;
    s.threads = info.threads ?? 1;
  }

  addInvalidUtf8(source: string, lineNo: number, count: number): void {
    this.inputNotes.invalidUtf8(source, lineNo, count);
  }

  addSourceWarning(source: string, warning: string): void {
    this.source(source).warnings.push(warning);
  }

  skipInput(source: string, reason: string): void {
    this.skipped.push({ source, reason });
  }

  counts(): { lines: number; events: number } {
    return { lines: this.lines, events: this.events };
  }

  exportState(): ReplayState {
    return {
      events: this.events,
      lines: this.lines,
      imagesWithoutDigest: this.imagesWithoutDigest,
      fromObjectRef: this.requests.fromObjectRef,
      malformedCount: this.malformedCount,
      malformed: this.malformed.map((m) => ({ ...m })),
      sources: [...this.sources.values()].map((s) => ({ ...s, warnings: [...s.warnings] })),
      span: this.span.toState(),
      tallies: this.tallies.map((t) => t.toState()),
      inputNotes: this.inputNotes.toState(),
      lineWarnings: this.lineWarnings.toState(),
      outputTruncation: this.outputTruncation.toState(),
    };
  }

  mergeState(state: ReplayState, lineOffset: number): void {
    this.events += state.events;
    this.lines += state.lines;
    this.imagesWithoutDigest += state.imagesWithoutDigest;
    this.requests.fromObjectRef += state.fromObjectRef;
    this.malformedCount += state.malformedCount;
    for (const m of state.malformed) {
      if (this.malformed.length < this.malformedSamples)
        this.malformed.push({ ...m, line: m.line + lineOffset });
    }
    for (const s of state.sources) {
      const into = this.source(s.source);
      into.lines += s.lines;
      into.events += s.events;
      into.malformed += s.malformed;
      into.criLines += s.criLines;
      into.criStderrBytes += s.criStderrBytes;
      this.lineWarnings.append(into, s.warnings, state.lineWarnings, lineOffset);
    }
    this.inputNotes.merge(state.inputNotes, lineOffset);
    this.outputTruncation.merge(state.outputTruncation);
    this.span.merge(state.span);
    this.tallies.forEach((t, i) => t.merge(state.tallies[i]));
  }

  checksEveryEvent(): boolean {
    return this.inputNotes.duplicates.exact;
  }

  addUnreadableLine(source: string, line: number, reason: string): void {
    this.lines++;
    this.source(source).lines++;
    this.addMalformed(source, line, reason);
  }

  addTooLongLine(source: string, line: number, dropped: DroppedLine): void {
    this.framing.tooLong(source, line, dropped, this.sink);
  }

  carriesState(source: string): boolean {
    return this.framing.isOpen(source) || this.reader.isOpen(source);
  }

  lineModes(source: string): { wholeLines: boolean; readPieces: boolean } {
    return this.reader.modes(source);
  }

  endSource(source: string): void {
    this.framing.finish(source, this.sink);
    const cut = this.reader.finish(source);
    if (cut !== undefined) {
      this.addUnreadableLine(source, cut, 'log record cut short: the line it starts never ends (no newline)');
    }
    this.source(source);
  }

  private addMalformed(source: string, line: number, reason: string): void {
    this.malformedCount++;
    this.source(source).malformed++;
    if (this.malformed.length < this.malformedSamples) this.malformed.push({ source, line, reason });
  }

  addLine(line: string, lineNo: number, source: string, unterminated?: boolean): void {
    this.unterminated = unterminated === true ? { source, lineNo } : undefined;
    this.framing.push(source, line, lineNo, this.sink);
    this.unterminated = undefined;
  }

  /** Reads one record: an event, a shipper's record or an EventList holding events, or a malformed line. */
  private addRecord(source: string, text: string, lineNo: number): void {
    const src = this.source(source);
    src.lines++;
    this.lines++;
    const cut = this.unterminated;
    this.unterminatedRecord = cut?.source === source && cut.lineNo === lineNo ? text : undefined;
    this.firstRecord = lineNo === 1 && this.options.firstLineOfInput !== false ? text : undefined;
    this.record = text;
    this.reader.read(source, text, lineNo);
    this.unterminatedRecord = undefined;
    this.firstRecord = undefined;
    this.record = undefined;
  }

  private addSpan(ev: Record<string, unknown>): void {
    // null is an absent timestamp (Go's decoder leaves the field unset), as for the other members.
    const received = ev.requestReceivedTimestamp ?? undefined;
    const stage = ev.stageTimestamp ?? undefined;
    if (received !== undefined && typeof received !== 'string')
      this.span.addInvalid(JSON.stringify(received));
    else if (stage !== undefined && typeof stage !== 'string') this.span.addInvalid(JSON.stringify(stage));
    else this.span.addEvent(received, stage ?? received);
  }

  private addEvent(line: EventLine, source: string): void {
    this.events++;
    const ev = line.event;
    this.addSpan(ev);
    const verb = ev.verb as string;
    const attrs = this.requests.attributes(line, verb);
    const who = eventUser(ev.user);
    // One request object and one tally event, refilled per event: nothing keeps them past this call (the
    // evaluator returns shared decisions, the top lists copy what they keep), and fewer short-lived
    // objects mean less garbage collection on logs of millions of lines.
    const req = this.req;
    fillRequest(req, who, attrs);
    let noDigest = false;
    if ((line.bodies?.request ?? ev.requestObject !== undefined) && isPodCreate(req)) {
      noDigest = bodyHasImageWithoutDigest(requestBody(line));
      if (noDigest) this.imagesWithoutDigest++;
    }
    const tallyEvent = this.tallyEvent;
    tallyEvent.stage = ev.stage as Stage;
    tallyEvent.sizer = new EventSizer(line);
    tallyEvent.sourceLevel = sourceLevelOf(ev.level);
    tallyEvent.noDigest = noDigest;
    tallyEvent.keys = undefined;
    tallyEvent.truncates = this.outputTruncation.applies();
    let truncated = false;
    for (const t of this.tallies) truncated = t.add(tallyEvent) || truncated;
    for (let i = 1; i < this.tallies.length; i++) this.tallies[i].countLevelChange(this.tallies[0]);
    if (truncated) this.outputTruncation.addEarly(source);
  }

  reports(): SimulationReport[] {
    const span = this.span.result();
    return this.tallies.map((t) => this.reportFor(t, span));
  }

  private reportFor(t: PolicyTally, span: ReturnType<TimeSpan['result']>): SimulationReport {
    const seconds = span.seconds;
    const perDay = (bytes: number): number | null =>
      bytes === 0 ? 0 : seconds > 0 ? (bytes / seconds) * 86400 : null;
    const bytesPerDay = perDay(t.writtenBytes);
    const sources = [...this.sources.values()];
    const criInput = sources.some((s) => s.criLines > 0);
    // kube-apiserver's own log lines among its events (`kubectl logs` of it, a shipper's records of its
    // container): only its container output holds both, never the audit log file, so the output is Stdout too.
    const mixed = sources.filter((s) => s.events > 0 && this.inputNotes.ownLogBytes(s.source) > 0);
    const output = this.options.output ?? (criInput || mixed.length > 0 ? 'Stdout' : 'File');
    // The inputs that made the output Stdout by their klog lines alone: said, as a shipper's mix could mislead.
    const inferred = new Set(
      this.options.output === undefined && !criInput ? mixed.map((s) => s.source) : [],
    );
    // A line is counted in one of the two: a CRI stderr line by its framing, any other own line (a Docker
    // json-file stderr record, a klog line `kubectl logs` printed) as a line.
    const stderrBytes =
      sources.reduce((n, s) => n + s.criStderrBytes, 0) +
      mixed.reduce((n, s) => n + this.inputNotes.ownLogBytes(s.source), 0);
    const retention = estimateRetention(bytesPerDay, this.rotation, {
      kubernetesVersion: this.options.kubernetesVersion,
      output,
      containerLog: this.options.containerLog,
      framingBytesPerDay: perDay(t.framingBytes),
      otherBytesPerDay: criInput || mixed.length > 0 ? perDay(stderrBytes) : null,
    });
    const lowSourcePairs: Record<string, number> = {};
    for (const [k, v] of [...t.lowSourcePairs].sort()) lowSourcePairs[k] = v;
    const byStage = zeroStages(() => ({ events: 0, bytes: 0 }));
    const omittedByStage = zeroStages(() => 0);
    for (const s of STAGES) {
      byStage[s] = { ...t.byStage[s] };
      omittedByStage[s] = t.omittedByStage[s];
    }
    const errors = (e: { errorBytes: number; errorEvents: number }) =>
      e.errorBytes > 0 || e.errorEvents > 0 ? { errorBytes: e.errorBytes, errorEvents: e.errorEvents } : {};
    const exact = t.users.exact && t.resources.exact && t.requests.exact;
    return {
      events: this.events,
      lines: this.lines,
      decided: { ...t.decided },
      written: {
        events: t.writtenEvents,
        bytes: t.writtenBytes,
        byLevel: { ...t.writtenByLevel },
        bytesByLevel: { ...t.bytesByLevel },
        byStage,
      },
      omittedByStage,
      rules: t.rules.map((r) => ({ ...r })),
      unmatched: t.unmatched,
      imagesWithoutDigest: this.imagesWithoutDigest,
      imagesWithoutDigestRecorded: t.imagesRecorded,
      span,
      bytesPerDay,
      retention,
      topUsers: t.users.top(this.topN).map((u) => ({
        user: u.key,
        events: u.events,
        bytes: u.bytes,
        ...errors(u),
      })),
      topResources: t.resources.top(this.topN).map((r) => ({
        key: r.key,
        ...r.info,
        events: r.events,
        bytes: r.bytes,
        ...errors(r),
      })),
      topRequests: t.requests
        .top(this.topN)
        .map((r) => ({ ...r.info, events: r.events, bytes: r.bytes, ...errors(r) })),
      topLists: {
        capacity: HEAVY_HITTER_CAPACITY,
        exact,
        errorBoundBytes: Math.max(t.users.errorBound, t.resources.errorBound, t.requests.errorBound),
      },
      attributesFromObjectRef: this.requests.fromObjectRef,
      skippedInputs: this.skipped.map((s) => ({ ...s })),
      malformed: { count: this.malformedCount, lines: this.malformed.map((m) => ({ ...m })) },
      lowSourceLevel: { events: t.lowSource, byLevels: lowSourcePairs },
      ...(t.listDependent > 0
        ? {
            snapshotListDecisions: {
              events: t.listDependent,
              byName: Object.fromEntries(
                [...t.listPairs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
              ),
            },
          }
        : {}),
      ...(t === this.tallies[0] ? {} : { levelChanges: t.levelChangeRecord() }),
      unloggedStages: {
        RequestReceived: t.unlogged('RequestReceived'),
        ResponseStarted: t.unlogged('ResponseStarted'),
      },
      truncation:
        this.maxEventBytes === undefined || this.outputTruncation.hidesTruncation(output)
          ? null
          : { maxEventBytes: this.maxEventBytes, truncated: t.truncated, dropped: t.droppedTooLarge },
      sources: sources.map((s) => ({
        ...s,
        otherLines: this.inputNotes.otherLines(s.source),
        legacyLines: this.inputNotes.legacyLines(s.source),
        warnings: [
          ...s.warnings,
          ...this.inputNotes.notes(s.source),
          ...(inferred.has(s.source) ? [STDOUT_FROM_OWN_LINES] : []),
          ...this.outputTruncation.warning(s.source, output, this.maxEventBytes),
          ...noEventNote(s, this.events),
        ],
      })),
    };
  }
}

/** An accumulator that evaluates every line under each of `policies` (each line parsed once). */
export function createMultiReplayAccumulator(
  policies: ReadonlyArray<Policy | EffectivePolicy>,
  options: ReplayOptions = {},
): MultiReplayAccumulator {
  return new Accumulator(policies, options);
}

/** The accumulator simulate and its worker threads use: its counts can be exported and merged. */
export function createPartialAccumulator(
  policies: ReadonlyArray<Policy | EffectivePolicy>,
  options: AccumulatorOptions = {},
): PartialReplayAccumulator {
  return new Accumulator(policies, options);
}

/** An accumulator for one policy: feed it lines, read the report. */
export function createReplayAccumulator(
  policy: Policy | EffectivePolicy,
  options: ReplayOptions = {},
): ReplayAccumulator {
  const acc = new Accumulator([policy], options);
  return {
    addLine: (line, lineNo, source, unterminated) => acc.addLine(line, lineNo, source, unterminated),
    report: () => acc.reports()[0],
  };
}
