// The accumulator's interfaces and its counts as plain data (accumulator.ts implements them; simulate and its
// worker threads move ReplayState between threads).
import type { InputNotesState } from './input-notes';
import type { DroppedLine } from './line-framing';
import type { LineWarning } from './line-warnings';
import type { FileOutputTruncationState } from './output-truncation';
import type { TallyState } from './policy-tally';
import type { TimeSpanState } from './time-span';
import type { MalformedLine, SimulationReport, SourceReport } from './types';

/** Feeds audit log lines one at a time; `report()` can be called at any point. */
export interface ReplayAccumulator {
  /**
   * Adds one line of a log (without its newline); blank lines are ignored, bad ones counted as malformed.
   * `unterminated`: the input's last line, with no newline after it (a line cut there is reported as cut short).
   */
  addLine(line: string, lineNo: number, source: string, unterminated?: boolean): void;
  report(): SimulationReport;
}

/** Like ReplayAccumulator, but each line is parsed once and evaluated under several policies. */
export interface MultiReplayAccumulator {
  addLine(line: string, lineNo: number, source: string, unterminated?: boolean): void;
  /** One report per policy, in the order the policies were given. */
  reports(): SimulationReport[];
  /** Records how an input was read (gzip, raw bytes, threads); called by simulate. */
  setSourceInfo(source: string, info: { gzip: boolean; bytes: number; threads?: number }): void;
  /** Counts a line that could not even be read (e.g. too long) as a malformed line. */
  addUnreadableLine(source: string, line: number, reason: string): void;
  /** A line forEachLine dropped for its length (a block of zero bytes is told apart: LineFraming.tooLong). */
  addTooLongLine(source: string, line: number, dropped: DroppedLine): void;
  /** Ends an input: a CRI fragment never completed is counted as malformed. */
  endSource(source: string): void;
  /** Notes a problem with an input that did not stop the replay (shown with the report). */
  addSourceWarning(source: string, warning: string): void;
  /** Notes `count` byte sequences of an input that are not UTF-8, the first on line `lineNo`. */
  addInvalidUtf8(source: string, lineNo: number, count: number): void;
  /** Notes an input that was not read (e.g. given twice). */
  skipInput(source: string, reason: string): void;
  /** Non-blank lines and valid events so far (cheap; for progress reporting). */
  counts(): { lines: number; events: number };
}

/** An accumulator whose counts move between threads (internal: simulate and its worker threads). */
export interface PartialReplayAccumulator extends MultiReplayAccumulator {
  /** Everything counted so far as plain data (a worker thread hands it to the main thread). */
  exportState(): ReplayState;
  /** Adds a worker's counts for a later part of the same inputs; its line numbers start after `lineOffset`. */
  mergeState(state: ReplayState, lineOffset: number): void;
  /**
   * Whether the lines read so far leave a record of `source` open across lines: a part of the input that
   * starts after them, replayed on its own, would not be read as one thread reads it.
   */
  carriesState(source: string): boolean;
  /**
   * What `source`'s log records showed so far: their texts are whole lines (Fluent Bit), a text was read as a
   * piece of a cut line. A part read after one that learnt the first must not have done the second.
   */
  lineModes(source: string): { wholeLines: boolean; readPieces: boolean };
  /** Whether every event is still checked for a copy (false once more than EXACT_DUPLICATE_EVENTS were read). */
  checksEveryEvent(): boolean;
}

/** An accumulator's counts as plain data (structured-clone safe). */
export interface ReplayState {
  events: number;
  lines: number;
  imagesWithoutDigest: number;
  fromObjectRef: number;
  malformedCount: number;
  malformed: MalformedLine[];
  sources: SourceReport[];
  span: TimeSpanState;
  tallies: TallyState[];
  /** kube-apiserver's own log lines and v1beta1 events per input. */
  inputNotes: InputNotesState;
  lineWarnings: LineWarning[]; // renumbered when ranges are added up
  outputTruncation: FileOutputTruncationState;
}
