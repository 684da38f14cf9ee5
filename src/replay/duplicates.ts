/**
 * Events a log holds more than once. kube-apiserver writes each stage of a request once (one auditID, one
 * stageTimestamp), so a second copy means the log was shipped twice, or overlapping files (a rotated file
 * and a copy of it) were concatenated: every count and byte of the replay would include the copies. Only a
 * sample is kept, the events whose auditID ends in `0` (1 in 16 of kube-apiserver's random UUIDs), so the
 * check costs a well-formed line one character test; the share of copies in the sample is the estimate.
 */

/** At most this many sampled keys are kept (about 100 bytes each); later samples are only looked up. */
export const MAX_DUPLICATE_KEYS = 32_768;

/** Whether an event's auditID puts it in the sample (last character `0`). */
export function inDuplicateSample(auditID: unknown): auditID is string {
  return typeof auditID === 'string' && auditID.charCodeAt(auditID.length - 1) === 48;
}

/** The sample as worker threads hand it over: keys with the input each came from, counts per input. */
export interface DuplicateSampleState {
  keys: Array<[string, string]>;
  bySource: Array<[string, { sampled: number; copies: number }]>;
}

export class DuplicateSample {
  private readonly keys = new Map<string, string>();
  private readonly bySource = new Map<string, { sampled: number; copies: number }>();

  /** Adds a sampled event of `source` (its auditID in the sample). */
  add(source: string, auditID: string, ev: Record<string, unknown>): void {
    const c = this.counts(source);
    c.sampled++;
    this.addKey(source, `${auditID}\n${String(ev.stage)}\n${String(ev.stageTimestamp)}`, c);
  }

  toState(): DuplicateSampleState {
    return {
      keys: [...this.keys],
      bySource: [...this.bySource].map(([source, c]) => [source, { ...c }]),
    };
  }

  merge(state: DuplicateSampleState): void {
    for (const [source, c] of state.bySource) {
      const into = this.counts(source);
      into.sampled += c.sampled;
      into.copies += c.copies;
    }
    for (const [key, source] of state.keys) this.addKey(source, key, this.counts(source));
  }

  /** The note on `source`'s copies, or undefined when its sample holds none. */
  note(source: string): string | undefined {
    const c = this.bySource.get(source);
    if (c === undefined || c.copies === 0) return undefined;
    const share = (100 * c.copies) / c.sampled;
    const percent = share >= 10 ? Math.round(share) : Math.round(share * 10) / 10;
    return (
      `${c.copies} of ${c.sampled} sampled events (auditID ending in 0) are a second copy of an event read ` +
      'before (same auditID, stage and stageTimestamp), which kube-apiserver never writes: the log holds ' +
      `duplicates (shipped twice, or overlapping rotated files concatenated), about ${percent}% of its events, ` +
      "and every count and byte here includes them; remove them first, e.g. awk '!seen[$0]++' LOG... > deduplicated.log"
    );
  }

  private addKey(source: string, key: string, c: { copies: number }): void {
    if (this.keys.has(key)) c.copies++;
    else if (this.keys.size < MAX_DUPLICATE_KEYS) this.keys.set(key, source);
  }

  private counts(source: string): { sampled: number; copies: number } {
    let c = this.bySource.get(source);
    if (c === undefined) this.bySource.set(source, (c = { sampled: 0, copies: 0 }));
    return c;
  }
}
