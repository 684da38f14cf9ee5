/**
 * The time a log covers, from its events' timestamps, robust to bad ones: a timestamp that does not parse
 * is counted and left out (it used to blank bytes/day and retention), and a few timestamps far away from
 * all the others (a year-9999 event, a clock that jumped) are left out of the span with a warning instead
 * of turning bytes/day into "0 B/day". Memory is bounded: timestamps are kept as a histogram of at most
 * MAX_BUCKETS buckets, which widen as needed.
 */

/** Most buckets kept; past it the bucket width doubles. */
const MAX_BUCKETS = 4096;
const HOUR_MS = 3_600_000;
/** A stray timestamp is at least this far from the rest… */
const MIN_OUTLIER_GAP_MS = 30 * 24 * HOUR_MS;
/** …and further than this many times the span of the rest. */
const OUTLIER_GAP_FACTOR = 10;
/** Timestamps left out as stray are at most this share of all (and at least one may be). */
const OUTLIER_SHARE = 0.001;

/** Collected timestamps as plain data. */
export interface TimeSpanState {
  buckets: Bucket[];
  invalid: number;
  invalidSample?: string;
}

interface Bucket {
  count: number;
  min: number;
  max: number;
  minText: string;
  maxText: string;
}

/** The span of a log and what was left out of it. */
export interface SpanResult {
  /** First timestamp used, as written in the log; null when none. */
  from: string | null;
  /** Last timestamp used, as written in the log; null when none. */
  to: string | null;
  /** Seconds from `from` to `to`. */
  seconds: number;
  /** Events with a timestamp that does not parse (RFC 3339). */
  invalid: number;
  /** The first such timestamp, cut to 40 characters. */
  invalidSample?: string;
  /** Timestamps left out as far away from all the others. */
  excluded: number;
  /** The earliest timestamp left out. */
  excludedFrom?: string;
  /** The latest timestamp left out. */
  excludedTo?: string;
  /**
   * Stretches of an hour or more between `from` and `to` in which no event was read (absent when there is none):
   * a log of consecutive files has none, while logs of different days, rotated files left out or a shipper's
   * outage do. `seconds` is their total, `from`/`to` the timestamps around the longest.
   */
  gaps?: { count: number; seconds: number; longestFrom: string; longestTo: string; longestSeconds: number };
}

/** An event-free stretch at least this long is a gap in the log (kube-apiserver writes events every second). */
export const GAP_MS = 3_600_000;

/** `2006-01-02T15:04:05.000000Z` (Go's MicroTime) or another RFC 3339 form; NaN when it is not one. */
export function timestampMs(text: string): number {
  // Date.parse also takes forms like "1" or "March 7"; only RFC 3339 date-times are audit timestamps.
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(text)) return NaN;
  return Date.parse(text);
}

/** Collects timestamps; `result()` gives the span. */
export class TimeSpan {
  private buckets = new Map<number, Bucket>();
  private width = HOUR_MS;
  private invalid = 0;
  private invalidSample: string | undefined;
  // Consecutive events mostly share the minute: its parse is reused.
  private lastMinute = '';
  private lastIndex = NaN;
  private lastBucket: Bucket | undefined;
  private lastMinuteMs = NaN;

  /** Adds one event's first and last timestamps (either may be missing). */
  addEvent(first: string | undefined, last: string | undefined): void {
    let bad = false;
    if (last !== undefined && !this.add(last, true)) bad = true;
    if (first !== undefined && first !== last) {
      // A request's received time in the same hour as its stage time only matters where it is the earliest
      // of that hour's bucket; Go's MicroTime compares like the instant it names, so it is skipped unparsed
      // when not. (Whether it is counted depends on the event alone, so worker threads count alike.)
      const bucket = this.lastBucket;
      if (last !== undefined && bucket !== undefined && sameHour(first, last)) {
        if (!(first >= bucket.minText) && !this.add(first, false)) bad = true;
      } else if (!this.add(first, true)) bad = true;
    }
    if (bad) this.invalid++;
  }

  /** Counts an event whose timestamp member is not a string. */
  addInvalid(sample: string): void {
    this.invalid++;
    this.invalidSample ??= sample;
  }

  private parse(text: string): number {
    // Go's MicroTime, 2006-01-02T15:04:05.000000Z: within the minute of the previous timestamp (the usual
    // case) it is worked out from the seconds and fraction digits instead of parsed anew.
    if (text.length === 27 && text.charCodeAt(26) === 90 && text.charCodeAt(19) === 46) {
      const seconds = digits(text, 17, 19);
      const millis = digits(text, 20, 23);
      if (seconds >= 0 && seconds < 60 && millis >= 0 && digits(text, 23, 26) >= 0) {
        if (this.lastMinute !== '' && text.startsWith(this.lastMinute)) {
          return this.lastMinuteMs + seconds * 1000 + millis;
        }
        const ms = timestampMs(text);
        if (Number.isFinite(ms)) {
          this.lastMinute = text.slice(0, 17);
          this.lastMinuteMs = ms - seconds * 1000 - millis;
        }
        return ms;
      }
    }
    return timestampMs(text);
  }

  /** Adds a timestamp: counted in its bucket, or (`count` false) only as a candidate for its minimum. */
  private add(text: string, count: boolean): boolean {
    const ms = this.parse(text);
    if (!Number.isFinite(ms)) {
      this.invalidSample ??= text.length > 40 ? `${text.slice(0, 40)}…` : text;
      return false;
    }
    const index = Math.floor(ms / this.width);
    // Consecutive timestamps mostly fall in the same bucket.
    const b = index === this.lastIndex ? this.lastBucket : this.buckets.get(index);
    if (b === undefined) {
      const created = { count: count ? 1 : 0, min: ms, max: ms, minText: text, maxText: text };
      this.buckets.set(index, created);
      this.lastIndex = index;
      this.lastBucket = created;
      if (this.buckets.size > MAX_BUCKETS) this.widen();
      return true;
    }
    this.lastIndex = index;
    this.lastBucket = b;
    if (count) b.count++;
    if (before(ms, text, b.min, b.minText)) {
      b.min = ms;
      b.minText = text;
    }
    if (before(b.max, b.maxText, ms, text)) {
      b.max = ms;
      b.maxText = text;
    }
    return true;
  }

  private widen(): void {
    this.lastIndex = NaN;
    this.lastBucket = undefined;
    while (this.buckets.size > MAX_BUCKETS) {
      this.width *= 2;
      const next = new Map<number, Bucket>();
      for (const b of this.buckets.values()) mergeInto(next, Math.floor(b.min / this.width), b);
      this.buckets = next;
    }
  }

  /** The collected timestamps as plain data (for a worker thread to hand over). */
  toState(): TimeSpanState {
    const state: TimeSpanState = { buckets: [...this.buckets.values()], invalid: this.invalid };
    if (this.invalidSample !== undefined) state.invalidSample = this.invalidSample;
    return state;
  }

  /** Adds another collector's timestamps (e.g. a worker's). */
  merge(other: TimeSpanState): void {
    this.lastIndex = NaN;
    this.lastBucket = undefined;
    for (const b of other.buckets) {
      mergeInto(this.buckets, Math.floor(b.min / this.width), b);
    }
    if (this.buckets.size > MAX_BUCKETS) this.widen();
    this.invalid += other.invalid;
    this.invalidSample ??= other.invalidSample;
  }

  result(): SpanResult {
    const sorted = [...this.buckets.values()].sort((a, b) => a.min - b.min);
    const out: SpanResult = { from: null, to: null, seconds: 0, invalid: this.invalid, excluded: 0 };
    if (this.invalidSample !== undefined) out.invalidSample = this.invalidSample;
    if (sorted.length === 0) return out;
    const total = sorted.reduce((n, b) => n + b.count, 0);
    const allowed = Math.max(1, Math.floor(total * OUTLIER_SHARE));
    let lo = 0;
    let hi = sorted.length - 1;
    let excluded = 0;
    const excludedRange: Bucket[] = [];
    // Leave out a stray group at either end while it is small and far from everything else.
    for (let changed = true; changed && lo < hi;) {
      changed = false;
      const restSpan = sorted[hi].max - sorted[lo + 1].min;
      const gapLow = sorted[lo + 1].min - sorted[lo].max;
      if (excluded + sorted[lo].count <= allowed && isStray(gapLow, restSpan)) {
        excluded += sorted[lo].count;
        excludedRange.push(sorted[lo++]);
        changed = true;
        continue;
      }
      const restSpanHigh = sorted[hi - 1].max - sorted[lo].min;
      const gapHigh = sorted[hi].min - sorted[hi - 1].max;
      if (excluded + sorted[hi].count <= allowed && isStray(gapHigh, restSpanHigh)) {
        excluded += sorted[hi].count;
        excludedRange.push(sorted[hi--]);
        changed = true;
      }
    }
    const first = sorted[lo];
    const last = sorted.slice(lo, hi + 1).reduce((a, b) => (b.max > a.max ? b : a));
    out.from = first.minText;
    out.to = last.maxText;
    out.seconds = Math.max(0, (last.max - first.min) / 1000);
    out.excluded = excluded;
    const gaps = gapsBetween(sorted.slice(lo, hi + 1));
    if (gaps !== undefined) out.gaps = gaps;
    if (excludedRange.length > 0) {
      excludedRange.sort((a, b) => a.min - b.min);
      out.excludedFrom = excludedRange[0].minText;
      out.excludedTo = excludedRange.reduce((a, b) => (b.max > a.max ? b : a)).maxText;
    }
    return out;
  }
}

/**
 * The event-free stretches of GAP_MS or more between buckets sorted by time (a stretch inside one bucket, under
 * its width, is not seen). Buckets overlap nothing, so between one's latest and the next one's earliest timestamp
 * no event was read.
 */
function gapsBetween(buckets: Bucket[]): SpanResult['gaps'] {
  let count = 0;
  let total = 0;
  let longest: { from: string; to: string; ms: number } | undefined;
  let latest = buckets[0];
  for (let i = 1; i < buckets.length; i++) {
    const b = buckets[i];
    const gap = b.min - latest.max;
    if (gap >= GAP_MS) {
      count++;
      total += gap;
      if (longest === undefined || gap > longest.ms)
        longest = { from: latest.maxText, to: b.minText, ms: gap };
    }
    if (b.max > latest.max) latest = b;
  }
  if (longest === undefined) return undefined;
  return {
    count,
    seconds: total / 1000,
    longestFrom: longest.from,
    longestTo: longest.to,
    longestSeconds: longest.ms / 1000,
  };
}

function isStray(gap: number, restSpan: number): boolean {
  return gap > MIN_OUTLIER_GAP_MS && gap > OUTLIER_GAP_FACTOR * restSpan;
}

function mergeInto(map: Map<number, Bucket>, index: number, b: Bucket): void {
  const into = map.get(index);
  if (into === undefined) {
    map.set(index, { ...b });
    return;
  }
  into.count += b.count;
  if (before(b.min, b.minText, into.min, into.minText)) {
    into.min = b.min;
    into.minText = b.minText;
  }
  if (before(into.max, into.maxText, b.max, b.maxText)) {
    into.max = b.max;
    into.maxText = b.maxText;
  }
}

/**
 * Whether the first timestamp is earlier than the second. Milliseconds decide, and within one millisecond the
 * microseconds Go's MicroTime writes (fixed width: its text compares like the instant), so `from` and `to` are
 * the log's own first and last timestamps, not others of the same millisecond.
 */
function before(ms: number, text: string, otherMs: number, otherText: string): boolean {
  if (ms !== otherMs) return ms < otherMs;
  return isMicroTime(text) && isMicroTime(otherText) && text < otherText;
}

/** Both in Go's MicroTime form and in the same hour (so in the same bucket). */
function sameHour(a: string, b: string): boolean {
  if (!isMicroTime(a) || !isMicroTime(b)) return false;
  for (let i = 0; i < 13; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** `2006-01-02T15:04:05.000000Z`: fixed width, so two such strings compare like the instants they name. */
function isMicroTime(text: string): boolean {
  return (
    text.length === 27 &&
    text.charCodeAt(26) === 90 &&
    text.charCodeAt(19) === 46 &&
    text.charCodeAt(10) === 84 &&
    digits(text, 0, 4) >= 0 &&
    digits(text, 20, 26) >= 0
  );
}

/** The decimal number in text[start, end), or -1 when a character is not a digit. */
function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
