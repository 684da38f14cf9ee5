/**
 * Events a log holds more than once. kube-apiserver writes each stage of a request once (one auditID, one
 * stageTimestamp), so a second copy means the log was shipped twice, or overlapping files (a rotated file
 * and a copy of it) were concatenated: every count and byte of the replay would include the copies. While the
 * inputs hold at most EXACT_DUPLICATE_EVENTS events every event is checked and the count is exact (a small log
 * need not have an auditID ending in `0` at all); past that, only a sample is kept, the events whose auditID
 * ends in `0` (1 in 16 of kube-apiserver's random UUIDs), so the check costs a well-formed line one character
 * test, and the share of copies in the sample is the estimate.
 */

/**
 * At most this many sampled keys are kept (a number each, about 50 bytes with the map's entry); later samples
 * are only looked up.
 */
export const MAX_DUPLICATE_KEYS = 32_768;

/**
 * Every event is checked while the inputs have held at most this many (their identities kept as numbers, about
 * 50 bytes each with the map's entry: under 2 MB); the first event past it ends the exact count.
 */
export const EXACT_DUPLICATE_EVENTS = 32_768;

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

/** Per input: sampled events and the copies among them; every event and its copies while the count is exact. */
interface SourceCounts {
  sampled: number;
  copies: number;
  events: number;
  eventCopies: number;
}

/**
 * The check as worker threads hand it over: sampled keys with the input each came from, every event's key
 * while exact (null once past EXACT_DUPLICATE_EVENTS), counts per input.
 */
export interface DuplicateSampleState {
  keys: Array<[number, string]>;
  all: Array<[number, string]> | null;
  bySource: Array<[string, SourceCounts]>;
}

function percent(part: number, whole: number): number {
  const share = (100 * part) / whole;
  return share >= 10 ? Math.round(share) : Math.round(share * 10) / 10;
}

/** Finds events the inputs hold twice: every event while they are few, then a sample (see above). */
export class DuplicateSample {
  private readonly keys = new Map<number, string>();
  /** Every event's identity while the count is exact; undefined once the inputs held more events. */
  private all: Map<number, string> | undefined = new Map();
  private readonly bySource = new Map<string, SourceCounts>();

  /** Whether every event is still checked (so `add` wants every event, not only sampled ones). */
  get exact(): boolean {
    return this.all !== undefined;
  }

  /** Adds an event of `source`: any event while `exact`, else one whose auditID is in the sample. */
  add(source: string, auditID: string, ev: Record<string, unknown>): void {
    const c = this.counts(source);
    const key = identity(auditID, ev.stage, ev.stageTimestamp);
    if (this.all !== undefined) {
      c.events++;
      this.addExact(source, key, c);
    }
    if (inDuplicateSample(auditID)) {
      c.sampled++;
      this.addKey(source, key, c);
    }
  }

  toState(): DuplicateSampleState {
    return {
      keys: [...this.keys],
      all: this.all === undefined ? null : [...this.all],
      bySource: [...this.bySource].map(([source, c]) => [source, { ...c }]),
    };
  }

  /** Checks only the sample from here on, as after more than EXACT_DUPLICATE_EVENTS events. */
  stopExact(): void {
    this.all = undefined;
  }

  merge(state: DuplicateSampleState): void {
    // A later part's events checked one by one count only while this check still runs: one thread reading the
    // parts in turn would have stopped checking every event before it reached them.
    const exact = this.all !== undefined;
    for (const [source, c] of state.bySource) {
      const into = this.counts(source);
      into.sampled += c.sampled;
      into.copies += c.copies;
      if (exact) {
        into.events += c.events;
        into.eventCopies += c.eventCopies;
      }
    }
    if (state.all === null) this.all = undefined;
    else for (const [key, source] of state.all) this.addExact(source, key, this.counts(source));
    for (const [key, source] of state.keys) this.addKey(source, key, this.counts(source));
  }

  /** The note on `source`'s copies, or undefined when none was found. */
  note(source: string): string | undefined {
    const c = this.bySource.get(source);
    if (c === undefined) return undefined;
    let found: string;
    let share: string;
    if (this.all !== undefined || (c.copies === 0 && c.eventCopies > 0)) {
      if (c.eventCopies === 0) return undefined;
      // Exact, or copies the exact check found before the inputs outgrew it that the sample missed.
      const exact = this.all !== undefined;
      found = exact
        ? `${c.eventCopies} of ${c.events} events ${c.eventCopies === 1 ? 'is' : 'are'}`
        : `at least ${c.eventCopies} ${c.eventCopies === 1 ? 'event' : 'events'} (found among the first ${EXACT_DUPLICATE_EVENTS} read) ${c.eventCopies === 1 ? 'is' : 'are'}`;
      share = exact ? `${percent(c.eventCopies, c.events)}% of its events` : 'more of them may follow';
    } else {
      if (c.copies === 0) return undefined;
      found = `${c.copies} of ${c.sampled} sampled events (auditID ending in 0) ${c.copies === 1 ? 'is' : 'are'}`;
      share = `about ${percent(c.copies, c.sampled)}% of its events`;
    }
    return (
      `${found} a second copy of an event read before (same auditID, stage and stageTimestamp), which ` +
      'kube-apiserver never writes: the log holds duplicates (shipped twice, or overlapping rotated files ' +
      `concatenated), ${share}, and every count and byte here includes them; remove them first, e.g. ` +
      "awk '!seen[$0]++' LOG... > deduplicated.log"
    );
  }

  private addExact(source: string, key: number, c: SourceCounts): void {
    const all = this.all;
    if (all === undefined) return;
    if (all.has(key)) c.eventCopies++;
    else if (all.size < EXACT_DUPLICATE_EVENTS) all.set(key, source);
    else this.all = undefined; // more events than an exact check keeps: the sample decides from here on
  }

  private addKey(source: string, key: number, c: { copies: number }): void {
    if (this.keys.has(key)) c.copies++;
    else if (this.keys.size < MAX_DUPLICATE_KEYS) this.keys.set(key, source);
  }

  private counts(source: string): SourceCounts {
    let c = this.bySource.get(source);
    if (c === undefined)
      this.bySource.set(source, (c = { sampled: 0, copies: 0, events: 0, eventCopies: 0 }));
    return c;
  }
}
