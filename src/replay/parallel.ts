import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { EffectivePolicy, Policy } from '../policy/types';
import type { PartialReplayAccumulator } from './accumulator';
import { type RangeResult, RangeReader, type RangeTask, replayRange } from './range-replay';
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
  | { type: 'error'; message: string };

/** How long the default samples the machine's CPU times to see which cores are idle, in milliseconds. */
export const IDLE_SAMPLE_MS = 100;

/** Threads for `idle` idle cores (a fraction, as idleCores measures them): rounded, at least 1, at most 4. */
export function jobsForIdleCores(idle: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(Math.round(idle), cores, MAX_DEFAULT_JOBS));
}

/**
 * How many cores were idle over the next `ms` milliseconds, as a fraction (1.6 = one core and 60% of
 * another), from the kernel's per-CPU times (`os.cpus()`) sampled before and after. A thread that sleeps
 * meanwhile counts its own core as idle, one that works (replayFileInParallel) does not. When the times do not move (no clock ticks in the interval,
 * or a platform that reports no CPUs) every core counts as idle.
 */
export async function idleCores(ms: number): Promise<number> {
  const before = os.cpus();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = os.cpus();
  let idle = 0;
  let total = 0;
  for (let i = 0; i < after.length && i < before.length; i++) {
    const a = after[i].times;
    const b = before[i].times;
    idle += a.idle - b.idle;
    total += a.user + a.nice + a.sys + a.idle + a.irq - (b.user + b.nice + b.sys + b.idle + b.irq);
  }
  if (total <= 0) {
    return typeof os.availableParallelism === 'function'
      ? os.availableParallelism()
      : Math.max(1, after.length);
  }
  return (idle / total) * after.length;
}

/** Cuts that share `size` bytes evenly between `jobs` threads started together. */
function evenTargets(size: number, jobs: number): number[] {
  return Array.from({ length: jobs - 1 }, (_, k) => Math.floor((size * (k + 1)) / jobs));
}

/**
 * How long a worker thread takes to start replaying at full speed, in milliseconds: starting its isolate,
 * loading the replay and warming up V8's compiled code (measured with `npm run bench:replay`).
 */
export const WORKER_START_MS = 150;

/**
 * Cuts for threads that share what is left of a file when this thread, already at `position`, hands the
 * rest to `jobs - 1` workers: each thread gets the same time, counting the bytes this thread reads (at
 * `bytesPerMs`) while a worker starts (WORKER_START_MS). Empty when the workers would get nothing.
 */
export function headStartTargets(size: number, position: number, bytesPerMs: number, jobs: number): number[] {
  const rest = size - position;
  const lead = Math.max(0, bytesPerMs) * WORKER_START_MS;
  const own = Math.min(rest, (rest + (jobs - 1) * lead) / jobs);
  const each = (rest - own) / (jobs - 1);
  if (each <= 0) return [];
  return Array.from({ length: jobs - 1 }, (_, k) => Math.floor(position + own + k * each));
}

/** Byte offsets of the line starts at or after each of `targets` (ascending), with 0 first and `size` last. */
async function lineAlignedCuts(file: string, size: number, targets: readonly number[]): Promise<number[]> {
  const cuts = [0];
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    for (const target of targets) {
      let pos = Math.max(cuts[cuts.length - 1], target);
      for (;;) {
        const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
        if (bytesRead === 0) {
          pos = size;
          break;
        }
        const nl = buf.subarray(0, bytesRead).indexOf(10);
        if (nl >= 0) {
          pos += nl + 1;
          break;
        }
        pos += bytesRead;
      }
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
 * event); V8's default young generation for a thread is larger than that needs, and two workers' worth of
 * it took a 1 GiB replay on two threads past 200 MB of resident memory (136 MB with this, as fast:
 * `npm run bench:replay`).
 */
const WORKER_YOUNG_GENERATION_MB = 16;

/**
 * Starts the worker script beside this module: the built `.js`, or when running from TypeScript source (tsx,
 * jest) the `.ts` through tsx's require hook, which a worker thread does not inherit from its parent.
 */
function startWorker(task: RangeTask): Worker {
  const entry = path.join(__dirname, `replay-worker${path.extname(__filename)}`);
  const options = {
    workerData: task,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  };
  if (!entry.endsWith('.ts')) return new Worker(entry, options);
  const code = `require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`;
  return new Worker(code, { ...options, eval: true });
}

/** Replays `task` on a worker thread; rejects with the worker's error, or its start failure. */
function replayOnWorker(task: RangeTask, workers: Worker[], onProgress: (p: RangeProgress) => void) {
  return new Promise<RangeResult>((resolve, reject) => {
    const worker = startWorker(task);
    workers.push(worker);
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m);
      else if (m.type === 'done') {
        settled = true;
        resolve(m);
      } else {
        settled = true;
        reject(new Error(m.message));
      }
    });
    worker.on('error', (err) => {
      if (!settled) reject(err);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`replay worker exited with code ${code}`));
    });
  });
}

interface RangeProgress {
  bytes: number;
  lines: number;
  events: number;
}

/**
 * Replays `file` on `jobs` threads into `acc` and resolves the number of threads used. This thread replays
 * the first range itself while worker threads replay the others, so no thread waits for another to start; a
 * range whose worker cannot start here (e.g. a test runner that cannot load the worker script) is replayed on
 * this thread afterwards. With `jobs` `'auto'` this thread starts on the whole file at once and meanwhile
 * samples the idle cores (IDLE_SAMPLE_MS), then hands the ranges past its own to that many workers (at most
 * 4 threads in all); one idle core, or a file this thread has already read past the first cut of, stays on
 * one thread. The counts are added up in file order, so the report is the one a single thread gives.
 */
export async function replayFileInParallel(
  file: string,
  source: string,
  size: number,
  jobs: number | 'auto',
  acc: PartialReplayAccumulator,
  policies: ReadonlyArray<Policy | EffectivePolicy>,
  options: ReplayOptions,
  onProgress?: (bytes: number, counts: { lines: number; events: number }) => void,
): Promise<number> {
  const { onProgress: _drop, ...plainOptions } = options;
  void _drop;
  const task = (start: number, end: number): RangeTask => ({
    file,
    source,
    start,
    end,
    first: start === 0,
    policies,
    options: plainOptions,
  });
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
  const own = replayRange(task(0, size), reader, (bytes, counts) => report(0)({ bytes, ...counts }));
  // Settled now and awaited below: a read error here must not go unhandled while the workers are started.
  own.catch(() => undefined);
  if (jobs === 'auto') {
    // This thread is replaying meanwhile: its own core is not idle, and is one of the threads.
    const n = jobsForIdleCores((await idleCores(IDLE_SAMPLE_MS)) + 1);
    if (n > 1) {
      const at = reader.position;
      const rate = at / Math.max(1, performance.now() - started);
      const planned = await lineAlignedCuts(file, size, headStartTargets(size, at, rate, n));
      // Cut only ahead of what this thread has read (it reads on while the cuts are found).
      if (planned.length > 2 && reader.position <= planned[1]) {
        reader.end = planned[1];
        cuts = planned;
      }
    }
  }
  const workers: Worker[] = [];
  const others = cuts
    .slice(2)
    .map((end, k) => replayOnWorker(task(cuts[k + 1], end), workers, report(k + 1)));
  others.forEach((p) => p.catch(() => undefined));
  const done: RangeResult[] = [];
  let threads = cuts.length - 1;
  try {
    done.push(await own);
    for (let k = 0; k < others.length; k++) {
      try {
        done.push(await others[k]);
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
    acc.addSourceWarning(
      source,
      `the file shrank while it was read: ${size} bytes when the replay started, ${read} read; the report covers only what was read`,
    );
  }
  return threads;
}

function isStartFailure(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return (
    code === 'ERR_UNKNOWN_FILE_EXTENSION' ||
    code === 'ERR_MODULE_NOT_FOUND' ||
    code === 'MODULE_NOT_FOUND' ||
    code === 'ERR_WORKER_INIT_FAILED' ||
    /Cannot find module|Unknown file extension/.test(String(err))
  );
}
