import * as fs from 'fs';
import type { Worker } from 'worker_threads';
import * as zlib from 'zlib';
import type { EffectivePolicy, Policy } from '../policy/types';
import { createPartialAccumulator, type PartialReplayAccumulator, type ReplayState } from './accumulator';
import type { OpenedInput } from './input';
import { recordStartFrom } from './record-start';
import { freeCores, FREE_SAMPLE_MS, isStartFailure, jobsForFreeCores, startWorker } from './parallel';
import { PartOrder, type RangeResult, replayChunk } from './range-replay';
import type { ToWorker } from './replay-worker';
import type { ReplayInput, ReplayOptions, ReplayProgress } from './types';

/**
 * Replaying one large gzip file on several cores. A gzip stream cannot be read from the middle, so this
 * thread decompresses it (zlib inflates on libuv's thread pool) and cuts the text into chunks at record starts;
 * worker threads replay the chunks, and this thread too whenever every worker has its fill, each chunk into
 * counts of its own, and the counts are added up in input order, so the report is the one a single thread
 * gives (line numbers included; top lists are exact below their capacity and within the stated error bound
 * above it). Audit logs reach a replay gzipped: copied off the masters for analysis, or rotated by a
 * kube-apiserver with `--audit-log-compress` (Deckhouse does not set it: its rotated files are plain).
 */

/**
 * Gzip files at least this large (compressed) are replayed on several threads by default: audit logs compress
 * 8–15×, so this is about the 64 MiB of text from which a plain file is (parallel.ts PARALLEL_MIN_BYTES).
 */
export const PARALLEL_MIN_GZIP_BYTES = 6 * 1024 * 1024;

/** Decompressed text a chunk holds (then up to its next record start). */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Room a chunk buffer has beyond CHUNK_BYTES: the text is cut once it passes CHUNK_BYTES, by up to a piece of
 * inflated text (1 MiB), after the rest of the chunk before.
 */
const CHUNK_SLACK = 2 * 1024 * 1024;

/**
 * Most threads a gzip file is replayed on by default. The second thread adds 55–70 MB of resident memory here
 * (its heap, the chunks on their way to it, the counts coming back), where a plain file's second range adds
 * about 5–30 MB: two threads peaked at 179–190 MB (`npm run bench:replay`, 270 MiB and 1 GiB, 2026-12-03);
 * `jobs` may ask for more.
 */
export const MAX_DEFAULT_GZIP_JOBS = 2;

/** Chunks sent to a worker and not yet replayed by it: one it replays, one waiting, so it never idles. */
const CHUNKS_PER_WORKER = 2;

/**
 * Chunks' worth of text with no record start in it beyond which the replay goes back to one thread (from the start of the
 * file): a record this long (a pretty-printed EventList, a line near the 64 MiB line limit) is rare, and one
 * thread reads it in bounded memory where a chunk would have to hold it whole.
 */
const MAX_UNCUT_CHUNKS = 4;

/**
 * How many threads replay `input` chunk by chunk: a gzip regular file of JSON lines (gzipHoldsJsonLines) with
 * `jobs` above 1, or by default one of PARALLEL_MIN_GZIP_BYTES or more on as many threads as cores are free
 * (sampled for FREE_SAMPLE_MS), at most MAX_DEFAULT_GZIP_JOBS. Undefined for one thread.
 */
export async function gzipParallelJobs(
  input: ReplayInput,
  stat: fs.Stats | undefined,
  jobs: number | undefined,
): Promise<number | undefined> {
  if (typeof input !== 'string' || stat === undefined || jobs === 1) return undefined;
  if (jobs === undefined && stat.size < PARALLEL_MIN_GZIP_BYTES) return undefined;
  if (!(await gzipHoldsJsonLines(input))) return undefined;
  const n = jobs ?? Math.min(MAX_DEFAULT_GZIP_JOBS, jobsForFreeCores(await recentFreeCores()));
  return n > 1 ? n : undefined;
}

/** How long a sample of the free cores is used for the next gzip files (a rotated set is dozens of them). */
const SAMPLE_REUSE_MS = 10_000;
let lastSample: { at: number; free: number } | undefined;

/** freeCores, sampled anew only when the last sample is older than SAMPLE_REUSE_MS. */
async function recentFreeCores(): Promise<number> {
  const now = performance.now();
  if (lastSample === undefined || now - lastSample.at > SAMPLE_REUSE_MS)
    lastSample = { at: now, free: await freeCores(FREE_SAMPLE_MS) };
  return lastSample.free;
}

/**
 * Whether a gzip file's text is audit.k8s.io JSON lines, the only text that may be cut at record starts (not
 * Docker's json-file records nor the container runtime's lines, whose fragments continue across lines, nor
 * UTF-16): decided from the first bytes the first compressed 64 KiB inflate to.
 */
export async function gzipHoldsJsonLines(file: string): Promise<boolean> {
  let head: Buffer;
  try {
    const handle = await fs.promises.open(file, 'r');
    try {
      const buf = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return false; // unreadable: one thread says why
  }
  let text: string;
  try {
    // A sync flush instead of a finish: the data is cut short on purpose, and what it inflates to is wanted.
    const inflated = zlib.gunzipSync(head, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    text = inflated.subarray(0, 16).toString('latin1');
  } catch {
    return false; // damaged from its first bytes: one thread reads it and says so
  }
  text = text.replace(/^\xef\xbb\xbf/, '').trimStart();
  return text.startsWith('{"') && !text.startsWith('{"log":');
}

type FromWorker =
  | ({ type: 'chunk-done'; index: number; buffer: ArrayBuffer } & RangeResult)
  | { type: 'error'; message: string; code?: string };

/**
 * `onProgress` given only the updates that do not go back: a replay on threads that goes back to one thread
 * reads the input again from its start, and its bytes and counts pass those already shown only after a while
 * (meanwhile a progress bar stays where it was instead of jumping back).
 */
export function forwardOnly(onProgress: (p: ReplayProgress) => void): (p: ReplayProgress) => void {
  let shown = { bytesRead: 0, lines: 0 };
  return (p) => {
    if (!p.done && (p.bytesRead < shown.bytesRead || p.lines < shown.lines)) return;
    shown = p;
    onProgress(p);
  };
}

/** What a chunked replay gives: the input's counts and the threads that replayed them. */
export interface ChunkReplay {
  state: ReplayState;
  threads: number;
}

/**
 * Replays an opened gzip input into `acc` on several threads (replayGzipInParallel) and resolves true, or false
 * when it must be replayed on one thread from the start instead. `onProgress` gets this input's bytes read and
 * the counts of every input so far.
 */
export async function replayGzipInto(
  acc: PartialReplayAccumulator,
  opened: OpenedInput,
  jobs: number,
  policies: ReadonlyArray<Policy | EffectivePolicy>,
  options: ReplayOptions,
  onProgress: (p: Pick<ReplayProgress, 'source' | 'bytesRead' | 'lines' | 'events' | 'done'>) => void,
): Promise<boolean> {
  const before = acc.counts();
  const replayed = await replayGzipInParallel(opened, jobs, policies, options, (bytes, c) =>
    onProgress({
      source: opened.name,
      bytesRead: bytes,
      lines: before.lines + c.lines,
      events: before.events + c.events,
      done: false,
    }),
  );
  if (replayed === undefined) return false;
  acc.mergeState(replayed.state, 0);
  for (const w of opened.warnings) acc.addSourceWarning(opened.name, w);
  acc.setSourceInfo(opened.name, { gzip: true, bytes: opened.bytesRead(), threads: replayed.threads });
  onProgress({ source: opened.name, bytesRead: opened.bytesRead(), ...acc.counts(), done: true });
  return true;
}

/**
 * Replays an opened gzip input (gzipHoldsJsonLines true) on `jobs` (2 or more) threads, this one and up to
 * `jobs - 1` workers (as many as there are chunks for them), and resolves its counts, or undefined when it must
 * be replayed on one thread instead, from the start: a worker that cannot start here, a read or gzip error (one
 * thread words it and keeps every line before it), a record too long to cut around, a cut that fell inside a
 * record. The opened input is then closed.
 */
export async function replayGzipInParallel(
  opened: OpenedInput,
  jobs: number,
  policies: ReadonlyArray<Policy | EffectivePolicy>,
  options: ReplayOptions,
  onProgress?: (bytes: number, counts: { lines: number; events: number }) => void,
  chunkBytes = CHUNK_BYTES,
): Promise<ChunkReplay | undefined> {
  const { onProgress: _drop, ...plainOptions } = options;
  void _drop;
  const local = createPartialAccumulator(policies, { ...plainOptions, firstLineOfInput: true });
  const start = { file: opened.name, source: opened.name, policies, options: plainOptions };
  const pool = new ChunkPool(jobs - 1, start, chunkBytes);
  let offset = 0;
  // A chunk whose last lines leave a record open (or a mode) the next chunk's lines are read with: the cut was
  // not between records after all (see RangeResult.carried), and unless it is the last chunk, one thread
  // replays the input from the start instead.
  let carriedAt: number | undefined;
  let merged = 0;
  const order = new PartOrder();
  pool.onResult = (result) => {
    if (result.carried && carriedAt === undefined) carriedAt = merged;
    order.add(result);
    merged++;
    local.mergeState(result.state, offset);
    offset += result.lines;
    onProgress?.(opened.bytesRead(), local.counts());
  };
  const abandon = async (): Promise<undefined> => {
    opened.stream.destroy();
    await pool.stop();
    return undefined;
  };
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  // Text is cut once a chunk's worth has come, and when no record starts in it, again a chunk's worth later.
  let cutAt = chunkBytes;
  let first = true;
  const send = async (data: Buffer): Promise<void> => {
    // Once the chunks before held more events than are checked one by one for copies, a chunk checks only the
    // sample, as one thread would by then (and its counts are not sent for nothing).
    await pool.send(data, first, !local.checksEveryEvent());
    first = false;
  };
  try {
    for await (const piece of opened.stream as AsyncIterable<Buffer>) {
      pending.push(piece);
      pendingBytes += piece.length;
      // A piece of inflated text may hold several chunks (chunkBytes below its 1 MiB: tests).
      while (pendingBytes >= cutAt) {
        const text = pool.gather(pending, pendingBytes);
        const cut = recordStartFrom(text, chunkBytes);
        if (cut < 0) {
          if (pendingBytes > MAX_UNCUT_CHUNKS * chunkBytes) return await abandon();
          pending = [text];
          cutAt = pendingBytes + chunkBytes;
          break;
        }
        // The rest is copied out: the chunk's memory moves to the worker.
        const rest = Buffer.from(text.subarray(cut));
        pending = rest.length > 0 ? [rest] : [];
        pendingBytes = rest.length;
        cutAt = chunkBytes;
        await send(text.subarray(0, cut));
        // (A chunk merged before the last one, or text left for another: not the input's last chunk.)
        if (carriedAt !== undefined && (carriedAt < merged - 1 || pendingBytes > 0)) return await abandon();
        if (!order.readAsOne) return await abandon();
      }
    }
    if (pendingBytes > 0) await send(pool.gather(pending, pendingBytes));
    await pool.drain();
    if ((carriedAt !== undefined && carriedAt < merged - 1) || !order.readAsOne) return await abandon();
  } catch (err) {
    // Not a worker's failure: the input's (read or gzip error), which one thread reports, line by line.
    if (!pool.failed || pool.startFailed) return await abandon();
    await pool.stop();
    throw err;
  }
  if (pool.startFailed) return await abandon();
  await pool.stop();
  local.endSource(opened.name);
  return { state: local.exportState(), threads: pool.threads };
}

/**
 * Worker threads fed chunks in input order, at most CHUNKS_PER_WORKER each at a time; results reach
 * `onResult` in input order, whatever order the workers finish in.
 */
class ChunkPool {
  onResult: (result: RangeResult) => void = () => undefined;
  /** A worker could not load here (a test runner without the worker script): the caller replays on one thread. */
  startFailed = false;
  private error: unknown;
  private readonly workers: Worker[] = [];
  private readonly inFlight: number[] = [];
  private readonly done = new Map<number, RangeResult>();
  /**
   * Chunk memory the workers gave back, reused for the next chunks: a fixed few buffers instead of a new one per
   * chunk, which a worker would drop only at a garbage collection V8 puts off for memory outside its heap.
   */
  private readonly free: ArrayBuffer[] = [];
  private readonly own = new WeakSet<ArrayBuffer>();
  private sent = 0;
  private merged = 0;
  /** The threads that replayed a chunk: worker indexes, -1 for this one. */
  private readonly used = new Set<number>();
  private wake: (() => void) | undefined;

  constructor(
    /** Workers started at most: one more only when each started one has a chunk (a small input needs none). */
    private readonly maxWorkers: number,
    private readonly start: Parameters<typeof startWorker>[0],
    private readonly chunkBytes: number,
  ) {}

  private addWorker(): void {
    const k = this.workers.length;
    const worker = startWorker(this.start);
    this.workers.push(worker);
    this.inFlight.push(0);
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'error') this.fail(Object.assign(new Error(m.message), { code: m.code }));
      else {
        this.inFlight[k]--;
        this.free.push(m.buffer);
        this.done.set(m.index, m);
        this.deliver();
      }
      this.notify();
    });
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => {
      if (this.error === undefined && this.inFlight[k] > 0)
        this.fail(new Error(`replay worker exited with code ${code}`));
    });
  }

  /** How many threads replayed chunks (a small input fills one chunk, which one thread replays). */
  get threads(): number {
    return Math.max(1, this.used.size);
  }

  /** Whether a worker failed: no more chunks are sent. */
  get failed(): boolean {
    return this.error !== undefined;
  }

  /** The text of `pieces` (`size` bytes in all) in one chunk buffer; pieces that were chunk buffers are reused. */
  gather(pieces: readonly Buffer[], size: number): Buffer {
    const text = this.take(size);
    let at = 0;
    for (const p of pieces) {
      p.copy(text, at);
      at += p.length;
      this.give(p);
    }
    return text;
  }

  /** A buffer of `size` bytes for a chunk: reused chunk memory when one is large enough. */
  private take(size: number): Buffer {
    const k = this.free.findIndex((b) => b.byteLength >= size);
    // A buffer too small for this chunk is let go rather than kept: the number of buffers stays bounded.
    if (k < 0) this.free.pop();
    const memory =
      k >= 0 ? this.free.splice(k, 1)[0] : new ArrayBuffer(Math.max(size, this.chunkBytes + CHUNK_SLACK));
    this.own.add(memory);
    return Buffer.from(memory, 0, size);
  }

  /** Takes back a buffer of take's once its text is copied elsewhere (other buffers are left alone). */
  give(buf: Buffer): void {
    if (this.own.has(buf.buffer as ArrayBuffer)) this.free.push(buf.buffer as ArrayBuffer);
  }

  /**
   * Sends a chunk to the least busy worker with room for it; when every worker has its fill, this thread
   * replays the chunk itself meanwhile. Rejects with a worker's failure.
   */
  async send(data: Buffer, first: boolean, sampleDuplicatesOnly: boolean): Promise<void> {
    this.check();
    if (this.workers.length < this.maxWorkers && this.inFlight.every((n) => n > 0)) this.addWorker();
    const k = this.inFlight.indexOf(Math.min(...this.inFlight));
    const index = this.sent++;
    if (this.inFlight[k] < CHUNKS_PER_WORKER) {
      this.inFlight[k]++;
      this.used.add(k);
      // The chunk's memory (take's) moves to the worker, which sends it back once replayed.
      const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      const message: ToWorker = { type: 'chunk', index, data: view, first, sampleDuplicatesOnly };
      this.workers[k].postMessage(message, [view.buffer as ArrayBuffer]);
      return;
    }
    this.used.add(-1);
    const { source, policies, options } = this.start;
    const result = await replayChunk(
      { source, policies, options: { ...options, sampleDuplicatesOnly }, first },
      data,
    );
    this.give(data);
    this.done.set(index, result);
    this.deliver();
  }

  /** Waits until every chunk sent has been replayed and delivered. */
  async drain(): Promise<void> {
    while (this.merged < this.sent) {
      this.check();
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    this.check();
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private check(): void {
    if (this.error !== undefined) throw this.error;
  }

  private fail(err: unknown): void {
    if (this.error !== undefined) return;
    this.error = err;
    this.startFailed = isStartFailure(err);
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private deliver(): void {
    for (let r = this.done.get(this.merged); r !== undefined; r = this.done.get(this.merged)) {
      this.done.delete(this.merged);
      this.merged++;
      this.onResult(r);
    }
  }
}
