import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { EffectivePolicy, Policy } from '../policy/types';
import type { PartialReplayAccumulator } from './accumulator';
import { PartOrder, type RangeResult, RangeReader, type RangeTask, replayRange } from './range-replay';
import { recordStartFrom } from './record-start';
import { fileShrankWarning } from './simulate';
import type { ReplayOptions } from './types';

/**
 * Replaying one large plain file on several cores: the file is cut into byte ranges at line starts, the first
 * range is replayed by this thread and each other one by a worker thread, and the counts are added up in file order, so the report is the
 * one a single thread gives (line numbers included; top lists are exact below their capacity and within
 * the stated error bound above it).
 */

/** Files smaller than this are replayed on one thread by default: starting workers costs more. */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;
/** Most threads used by default (this one and its workers). */
const MAX_DEFAULT_JOBS = 4;

type WorkerMessage =
  | ({ type: 'progress' } & RangeProgress)
  | ({ type: 'done' } & RangeResult)
  | { type: 'error'; message: string; code?: string };

/** How long the default samples the machine's CPU times to see which cores are free, in milliseconds. */
export const FREE_SAMPLE_MS = 100;

/** Threads for `free` cores (a fraction, as freeCores measures them): rounded, at least 1, at most 4. */
export function jobsForFreeCores(free: number): number {
  return Math.max(1, Math.min(Math.round(free), availableCores(), MAX_DEFAULT_JOBS));
}

/** The cores this process may use. */
function availableCores(): number {
  return typeof os.availableParallelism === 'function'
    ? os.availableParallelism()
    : Math.max(1, os.cpus().length);
}

/**
 * How many cores other processes left to this one over the next `ms` milliseconds, as a fraction (1.6 = one
 * core and 60% of another): the idle time of every core, from the kernel's per-CPU times (`os.cpus()`)
 * sampled before and after, plus the CPU time this process used meanwhile (all its threads), which would
 * otherwise count as busy. When the times do not move (no clock ticks in the interval, or a platform that
 * reports no CPUs) every core counts as free.
 */
export async function freeCores(ms: number): Promise<number> {
  const before = os.cpus();
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = os.cpus();
  const own = process.cpuUsage(ownBefore);
  const wall = performance.now() - started;
  let idle = 0;
  let total = 0;
  for (let i = 0; i < after.length && i < before.length; i++) {
    const a = after[i].times;
    const b = before[i].times;
    idle += a.idle - b.idle;
    total += a.user + a.nice + a.sys + a.idle + a.irq - (b.user + b.nice + b.sys + b.idle + b.irq);
  }
  const cores = availableCores();
  if (total <= 0) return cores;
  const ownCores = (own.user + own.system) / 1000 / Math.max(1, wall);
  return Math.min(cores, (idle / total) * after.length + ownCores);
}

/** Cuts that share `size` bytes evenly between `jobs` threads started together. */
function evenTargets(size: number, jobs: number): number[] {
  return Array.from({ length: jobs - 1 }, (_, k) => Math.floor((size * (k + 1)) / jobs));
}

/**
 * How far behind this thread a worker started at the same time is when the file is cut, in milliseconds of
 * this thread's reading: V8 compiles the replay anew in every thread. With it, this thread and a worker
 * finished their ranges of a 270 MiB log within 15 ms of each other (`npm run bench:replay` machine).
 */
export const WORKER_LAG_MS = 150;

/**
 * Cuts for threads that share what is left of a file when this thread, already at `position`, hands the
 * rest to `jobs - 1` workers: each thread gets the same time, counting the bytes this thread reads (at
 * `bytesPerMs`) while a worker catches up (WORKER_LAG_MS). Empty when the workers would get nothing.
 */
export function headStartTargets(size: number, position: number, bytesPerMs: number, jobs: number): number[] {
  const rest = size - position;
  const lead = Math.max(0, bytesPerMs) * WORKER_LAG_MS;
  const own = Math.min(rest, (rest + (jobs - 1) * lead) / jobs);
  const each = (rest - own) / (jobs - 1);
  if (each <= 0) return [];
  return Array.from({ length: jobs - 1 }, (_, k) => Math.floor(position + own + k * each));
}

/** The first record start (record-start.ts) at or after `from` in a file of `size` bytes, or `size` when none. */
async function recordStartInFile(
  handle: fs.promises.FileHandle,
  from: number,
  size: number,
): Promise<number> {
  const buf = Buffer.alloc(64 * 1024);
  let pos = from;
  for (;;) {
    // Three bytes before `pos` come along: the end of the line before a newline found at `pos`.
    const base = Math.max(0, pos - 3);
    const { bytesRead } = await handle.read(buf, 0, buf.length, base);
    const cut = recordStartFrom(buf.subarray(0, bytesRead), pos - base + 1);
    if (cut >= 0) return base + cut;
    // Read to the end of the file: no line after this one can start a range.
    if (bytesRead < buf.length) return size;
    // A newline in the last two bytes read was not checked (the `{"` after it was not read yet): read on from it.
    pos = base + bytesRead - 2;
  }
}

/**
 * Byte offsets of the record starts (recordStartInFile) after each of `targets` (ascending), with 0 first and
 * `size` last.
 */
async function lineAlignedCuts(file: string, size: number, targets: readonly number[]): Promise<number[]> {
  const cuts = [0];
  const handle = await fs.promises.open(file, 'r');
  try {
    for (const target of targets) {
      const pos = await recordStartInFile(handle, Math.max(cuts[cuts.length - 1], target), size);
      if (pos >= size) break;
      if (pos > cuts[cuts.length - 1]) cuts.push(pos);
    }
  } finally {
    await handle.close();
  }
  cuts.push(size);
  return cuts;
}

/**
 * A worker's young generation, in MiB. Replay makes short-lived strings and objects only (a line, its
 * event); V8's default young generation for a thread is larger than that needs: two workers' worth of it took
 * a 1 GiB replay on two threads past 200 MB of resident memory, and 16 MiB took it on four threads (three
 * workers, as a machine with four free cores runs it by default) to 216 MB; 4 MiB to 177 MB, in the same CPU
 * time (2026-12-03, alternated runs on 270 MiB).
 */
const WORKER_YOUNG_GENERATION_MB = 4;

/** What a worker thread is started with: the range at once, or none until it is sent one (RangeWorker.assign). */
export type WorkerStart = Omit<RangeTask, 'start' | 'end' | 'first'> & { start?: number; end?: number };

/**
 * Starts the worker script beside this module: the built `.js`, or when running from TypeScript source (tsx,
 * jest) the `.ts` through tsx's require hook, which a worker thread does not inherit from its parent.
 */
export function startWorker(start: WorkerStart): Worker {
  const entry = path.join(__dirname, `replay-worker${path.extname(__filename)}`);
  const options = {
    workerData: start,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  };
  if (!entry.endsWith('.ts')) return new Worker(entry, options);
  const code = `require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`;
  return new Worker(code, { ...options, eval: true });
}

/**
 * A worker thread replaying one range: given at its start, or later (`assign`) when the thread was started
 * before the cuts were known. `result` rejects with the worker's error, or its start failure.
 */
class RangeWorker {
  readonly result: Promise<RangeResult>;
  private worker: Worker | undefined;

  constructor(start: WorkerStart, onProgress: (p: RangeProgress) => void) {
    this.result = new Promise<RangeResult>((resolve, reject) => {
      const worker = startWorker(start);
      this.worker = worker;
      let settled = false;
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') onProgress(m);
        else if (m.type === 'done') {
          settled = true;
          resolve(m);
        } else {
          settled = true;
          reject(Object.assign(new Error(m.message), { code: m.code }));
        }
      });
      worker.on('error', (err) => {
        if (!settled) reject(err);
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`replay worker exited with code ${code}`));
      });
    });
    // Awaited only for a range it replays: a worker stopped unused, or failed, must not be an unhandled rejection.
    this.result.catch(() => undefined);
  }

  /** Sends the range to a worker started without one. */
  assign(start: number, end: number): void {
    this.worker?.postMessage({ type: 'range', start, end });
  }

  async terminate(): Promise<void> {
    await this.worker?.terminate();
  }
}

interface RangeProgress {
  bytes: number;
  lines: number;
  events: number;
}

/**
 * Replays `file` on `jobs` threads into `acc` (replayInParallel) and resolves the number of threads used; a read
 * that fails in any thread (the file removed or rotated away before a worker opened it) rejects with a message
 * naming the input, as one thread words it, not Node's bare `ENOENT: … open 'FILE'`.
 */
export async function replayFileInParallel(...args: Parameters<typeof replayInParallel>): Promise<number> {
  try {
    return await replayInParallel(...args);
  } catch (err) {
    throw new Error(readFailure(args[1], err), { cause: err });
  }
}

function readFailure(source: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return (
      `${source}: no such file any more: it was removed or renamed (rotated) while it was read; replay a copy ` +
      '(cp FILE /tmp/audit.log) or a rotated file that is no longer written'
    );
  }
  if (code === 'EACCES') return `${source}: permission denied`;
  return `cannot read audit log ${source}: ${(err as Error).message}`;
}

/**
 * Replays `file` on `jobs` threads into `acc` and resolves the number of threads used. This thread replays
 * the first range itself while worker threads replay the others, so no thread waits for another to start; a
 * range whose worker cannot start here (e.g. a test runner that cannot load the worker script) is replayed on
 * this thread afterwards. With `jobs` `'auto'` this thread starts on the whole file at once, a worker thread
 * per other core (at most 4 threads in all) starts without a range, and for FREE_SAMPLE_MS the cores other
 * processes leave free are sampled (freeCores); then the rest of the file is cut for that many threads
 * (headStartTargets) and the workers not needed are stopped. One free core, or a file this thread has already
 * read past the first cut of, stays on one thread. The counts are added up in file order, so the report is
 * the one a single thread gives.
 */
async function replayInParallel(
  file: string,
  source: string,
  size: number,
  jobs: number | 'auto',
  acc: PartialReplayAccumulator,
  policies: ReadonlyArray<Policy | EffectivePolicy>,
  options: ReplayOptions,
  onProgress?: (bytes: number, counts: { lines: number; events: number }) => void,
  sampleFreeCores: (ms: number) => Promise<number> = freeCores,
): Promise<number> {
  const { onProgress: _drop, ...plainOptions } = options;
  void _drop;
  const base = { file, source, policies, options: plainOptions };
  const task = (start: number, end: number): RangeTask => ({ ...base, start, end, first: start === 0 });
  const progress: RangeProgress[] = [];
  const report = (i: number) => (p: RangeProgress) => {
    progress[i] = p;
    if (!onProgress) return;
    const sum = { bytes: 0, lines: 0, events: 0 };
    for (const q of progress) {
      if (q === undefined) continue;
      sum.bytes += q.bytes;
      sum.lines += q.lines;
      sum.events += q.events;
    }
    onProgress(sum.bytes, sum);
  };
  let cuts =
    typeof jobs === 'number' ? await lineAlignedCuts(file, size, evenTargets(size, jobs)) : [0, size];
  const reader = new RangeReader(file, 0, cuts[1]);
  const started = performance.now();
  const ownProgress = report(0);
  const own = replayRange(task(0, size), reader, (bytes, counts) => ownProgress({ bytes, ...counts }));
  // Settled now and awaited below: a read error here must not go unhandled while the workers are started.
  own.catch(() => undefined);
  let workers: RangeWorker[];
  if (jobs === 'auto') {
    const spare = Math.max(0, Math.min(MAX_DEFAULT_JOBS, availableCores()) - 1);
    const waiting = Array.from({ length: spare }, (_, k) => new RangeWorker(base, report(k + 1)));
    const n = Math.min(jobsForFreeCores(await sampleFreeCores(FREE_SAMPLE_MS)), spare + 1);
    if (n > 1) {
      const at = reader.position;
      const rate = at / Math.max(1, performance.now() - started);
      let planned: number[];
      try {
        planned = await lineAlignedCuts(file, size, headStartTargets(size, at, rate, n));
      } catch (err) {
        await Promise.all(waiting.map((w) => w.terminate()));
        throw err;
      }
      // Cut only ahead of what this thread has read (it reads on while the cuts are found).
      if (planned.length > 2 && reader.position <= planned[1]) {
        reader.end = planned[1];
        cuts = planned;
      }
    }
    workers = waiting.slice(0, cuts.length - 2);
    workers.forEach((w, k) => w.assign(cuts[k + 1], cuts[k + 2]));
    await Promise.all(waiting.slice(workers.length).map((w) => w.terminate()));
  } else {
    workers = cuts
      .slice(2)
      .map((end, k) => new RangeWorker({ ...base, start: cuts[k + 1], end }, report(k + 1)));
  }
  const done: RangeResult[] = [];
  let threads = cuts.length - 1;
  try {
    done.push(await own);
    for (let k = 0; k < workers.length; k++) {
      try {
        done.push(await workers[k].result);
      } catch (err) {
        if (!isStartFailure(err)) throw err;
        // The worker could not load here: this thread replays its range instead.
        done.push(await replayRange(task(cuts[k + 1], cuts[k + 2])));
        threads--;
      }
    }
  } catch (err) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  // A cut that fell inside a record spread over lines (a container runtime's fragments, Docker's pieces of a
  // long line, a document), or a part read Fluent Bit's whole lines as pieces not knowing them whole (see
  // PartOrder) after all: the file is replayed again on this thread, as one thread reads it.
  const order = new PartOrder();
  done.forEach((part) => order.add(part));
  if (done.slice(0, -1).some((part) => part.carried) || !order.readAsOne) {
    progress.length = 0;
    const ownAgain = report(0);
    done.splice(
      0,
      done.length,
      await replayRange(task(0, size), undefined, (bytes, c) => ownAgain({ bytes, ...c })),
    );
    threads = 1;
  }
  let offset = 0;
  let read = 0;
  for (const part of done) {
    acc.mergeState(part.state, offset);
    offset += part.lines;
    read += part.bytes;
  }
  // Each range is read to its end; a range read short means the file shrank meanwhile (it was truncated or
  // rotated in place), and the lines past the cut were never replayed.
  if (read < size) {
    acc.addSourceWarning(source, fileShrankWarning(size, read));
  }
  return threads;
}

/** Whether a worker's error is that its script could not load here (then this thread replays instead). */
export function isStartFailure(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return (
    code === 'ERR_UNKNOWN_FILE_EXTENSION' ||
    code === 'ERR_MODULE_NOT_FOUND' ||
    code === 'MODULE_NOT_FOUND' ||
    code === 'ERR_WORKER_INIT_FAILED' ||
    /Cannot find module|Unknown file extension/.test(String(err))
  );
}
