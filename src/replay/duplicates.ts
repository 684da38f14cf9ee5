/**
 * Events a log holds more than once. kube-apiserver writes each stage of a request once (one auditID, one
 * stageTimestamp), so a second copy means the log was shipped twice, or overlapping files (a rotated file
 * and a copy of it) were concatenated: every count and byte of the replay would include the copies. Only a
 * sample is kept, the events whose auditID ends in `0` (1 in 16 of kube-apiserver's random UUIDs), so the
 * check costs a well-formed line one character test; the share of copies in the sample is the estimate.
 */

/**
 * At most this many sampled keys are kept (a number each, about 50 bytes with the map's entry); later samples
 * are only looked up.
 */
export const MAX_DUPLICATE_KEYS = 32_768;

/** Whether an event's auditID puts it in the sample (last character `0`). */
export function inDuplicateSample(auditID: unknown): auditID is string {
  return typeof auditID === 'string' && auditID.charCodeAt(auditID.length - 1) === 48;
}

/**
 * An event's identity (auditID, stage, stageTimestamp) as a 53-bit number: two 32-bit FNV-1a hashes of its
 * UTF-16 code units with different offset bases, 32 + 21 bits of them. Kept instead of the text because the
 * text is the client's (an auditID can be any length: `Audit-ID` is a request header) and a string taken from
 * a parsed line can hold on to the text it was parsed from: with text keys a one-thread replay of the 1 GiB
 * `.gz` log peaked at 160 MB instead of 128-131 MB without the sample; with these, 137-146 MB (132-138 MB with
 * the sample kept empty; bench/replay-child.js). Two events taken for one by chance: about 1 in 10^7 for a
 * full sample.
 */
function identity(auditID: string, stage: unknown, stageTimestamp: unknown): number {
  const text = `${auditID}\n${String(stage)}\n${String(stageTimestamp)}`;
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x01000193);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** The sample as worker threads hand it over: keys with the input each came from, counts per input. */
export interface DuplicateSampleState {
  keys: Array<[number, string]>;
  bySource: Array<[string, { sampled: number; copies: number }]>;
}

export class DuplicateSample {
  private readonly keys = new Map<number, string>();
  private readonly bySource = new Map<string, { sampled: number; copies: number }>();

  /** Adds a sampled event of `source` (its auditID in the sample). */
  add(source: string, auditID: string, ev: Record<string, unknown>): void {
    const c = this.counts(source);
    c.sampled++;
    this.addKey(source, identity(auditID, ev.stage, ev.stageTimestamp), c);
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

  private addKey(source: string, key: number, c: { copies: number }): void {
    if (this.keys.has(key)) c.copies++;
    else if (this.keys.size < MAX_DUPLICATE_KEYS) this.keys.set(key, source);
  }

  private counts(source: string): { sampled: number; copies: number } {
    let c = this.bySource.get(source);
    if (c === undefined) this.bySource.set(source, (c = { sampled: 0, copies: 0 }));
    return c;
  }
}
