/**
 * The top users, resources and requests by written bytes, in bounded memory: the Space-Saving algorithm
 * (Metwally, Agrawal, El Abbadi, "Efficient Computation of Frequent and Top-k Elements in Data Streams",
 * 2005), weighted by bytes. Up to `capacity` keys are counted exactly. When a new key arrives at a full
 * table it takes over the entry with the fewest bytes and inherits its counts, recorded as that entry's
 * error. Guarantees: an entry's bytes exceed the key's true bytes by at most its `errorBytes`, and every
 * key whose true bytes exceed (total bytes / capacity) is in the table, so a heavy key that appears late
 * is still found. While no key was ever evicted every count is exact.
 */

/** One key's share; `errorBytes`/`errorEvents` bound how much the counts may overstate it (0 = exact). */
export interface HeavyHitter<T> {
  key: string;
  events: number;
  bytes: number;
  errorEvents: number;
  errorBytes: number;
  info: T;
}

interface Entry<T> extends HeavyHitter<T> {
  /** Position in the heap (once the table is full). */
  pos: number;
}

/** A table as plain data. */
export interface HeavyHittersState<T> {
  entries: HeavyHitter<T>[];
  evictions: number;
}

/** Keys counted per table unless told otherwise. */
export const HEAVY_HITTER_CAPACITY = 10_000;

/** Space-Saving counter of (key, bytes) pairs; `info` is made once per key admitted. */
export class HeavyHitters<T> {
  private readonly map = new Map<string, Entry<T>>();
  /** Min-heap by bytes, built when the table first fills up. */
  private heap: Entry<T>[] | undefined;
  private evictions = 0;
  private totalBytes = 0;

  constructor(readonly capacity = HEAVY_HITTER_CAPACITY) {
    if (!(capacity >= 1)) throw new RangeError(`capacity must be at least 1, got ${capacity}`);
  }

  /** True while every count is exact (no key was ever evicted). */
  get exact(): boolean {
    return this.evictions === 0;
  }

  /** The largest error any entry can carry: total bytes / capacity (0 while exact). */
  get errorBound(): number {
    return this.exact ? 0 : this.totalBytes / this.capacity;
  }

  /** Counts `bytes` (and `events`) for `key`; `info(key, context)` is called only when the key is admitted. */
  add<C>(key: string, bytes: number, info: (key: string, context: C) => T, context: C, events = 1): void {
    this.totalBytes += bytes;
    let e = this.map.get(key);
    if (e !== undefined) {
      e.events += events;
      e.bytes += bytes;
      if (this.heap !== undefined) this.siftDown(e.pos);
      return;
    }
    if (this.map.size < this.capacity) {
      e = { key, events, bytes, errorEvents: 0, errorBytes: 0, info: info(key, context), pos: this.map.size };
      this.map.set(key, e);
      if (this.heap !== undefined) {
        this.heap.push(e);
        this.siftUp(e.pos);
      }
      return;
    }
    this.heap ??= this.buildHeap();
    const min = this.heap[0];
    this.evictions++;
    this.map.delete(min.key);
    min.errorEvents = min.events;
    min.errorBytes = min.bytes;
    min.key = key;
    min.events += events;
    min.bytes += bytes;
    min.info = info(key, context);
    this.map.set(key, min);
    this.siftDown(0);
  }

  /** The table as plain data (for a worker thread to hand over). */
  toState(): HeavyHittersState<T> {
    return { entries: this.top(Infinity), evictions: this.evictions };
  }

  /** Adds another table's counts (e.g. a worker's); exact when both were exact and the keys fit. */
  merge(other: HeavyHittersState<T>): void {
    // Space-Saving summaries merge by adding counters (Agarwal et al., "Mergeable Summaries", 2012); the
    // errors add up too.
    for (const e of other.entries) {
      this.add(e.key, e.bytes, infoOf, e, e.events);
      const merged = this.map.get(e.key)!;
      merged.errorBytes += e.errorBytes;
      merged.errorEvents += e.errorEvents;
    }
    this.evictions += other.evictions;
  }

  /** The `n` entries with the most bytes (then events, then key), copied. */
  top(n: number): HeavyHitter<T>[] {
    return [...this.map.values()]
      .sort(
        (a, b) => b.bytes - a.bytes || b.events - a.events || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
      )
      .slice(0, n)
      .map(({ key, events, bytes, errorEvents, errorBytes, info }) => ({
        key,
        events,
        bytes,
        errorEvents,
        errorBytes,
        info,
      }));
  }

  private buildHeap(): Entry<T>[] {
    const heap = [...this.map.values()];
    heap.forEach((e, i) => (e.pos = i));
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) this.siftDownIn(heap, i);
    return heap;
  }

  private siftUp(i: number): void {
    const heap = this.heap!;
    const e = heap[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent].bytes <= e.bytes) break;
      heap[i] = heap[parent];
      heap[i].pos = i;
      i = parent;
    }
    heap[i] = e;
    e.pos = i;
  }

  private siftDown(i: number): void {
    this.siftDownIn(this.heap!, i);
  }

  private siftDownIn(heap: Entry<T>[], i: number): void {
    const e = heap[i];
    const n = heap.length;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && heap[child + 1].bytes < heap[child].bytes) child++;
      if (heap[child].bytes >= e.bytes) break;
      heap[i] = heap[child];
      heap[i].pos = i;
      i = child;
    }
    heap[i] = e;
    e.pos = i;
  }
}

function infoOf<T>(_key: string, entry: HeavyHitter<T>): T {
  return entry.info;
}
