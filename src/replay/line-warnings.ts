import { zeroBlockWarning } from './line-framing';
import type { SourceReport } from './types';

/**
 * Warnings that name a line of their input (a block of zero bytes at line N). A worker thread numbers the
 * lines of its range from 1, so such a warning is kept with its line and written again with the range's
 * line offset when the ranges are added up (parallel.ts): the report names the line a single thread names.
 */
export interface LineWarning {
  source: string;
  /** Index of the warning in its input's `warnings`. */
  index: number;
  line: number;
  /** What the warning says (plain data, so the state crosses postMessage): zero bytes, `bytes` of them. */
  kind: 'zero-bytes';
  bytes: number;
}

/** The text of a line warning. */
function text(w: Pick<LineWarning, 'kind' | 'line' | 'bytes'>): string {
  return zeroBlockWarning(w.line, w.bytes);
}

/** Keeps the line warnings of one accumulator, and renumbers those of a range added to it. */
export class LineWarnings {
  private readonly list: LineWarning[] = [];

  /** A block of `bytes` zero bytes on line `line` of `into`. */
  zeroBlock(into: SourceReport, line: number, bytes: number): void {
    const at: LineWarning = {
      kind: 'zero-bytes',
      line,
      bytes,
      source: into.source,
      index: into.warnings.length,
    };
    into.warnings.push(text(at));
    this.list.push(at);
  }

  toState(): LineWarning[] {
    return this.list.map((w) => ({ ...w }));
  }

  /**
   * Appends a range's `warnings` for `into`, its line warnings (`state`) written again with their lines counted
   * from the file's start (`lineOffset` lines precede the range).
   */
  append(
    into: SourceReport,
    warnings: readonly string[],
    state: readonly LineWarning[],
    lineOffset: number,
  ): void {
    const base = into.warnings.length;
    into.warnings.push(...warnings);
    for (const w of state) {
      if (w.source !== into.source) continue;
      const at = { ...w, index: base + w.index, line: w.line + lineOffset };
      into.warnings[at.index] = text(at);
      this.list.push(at);
    }
  }
}
