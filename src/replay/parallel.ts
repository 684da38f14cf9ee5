import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { EffectivePolicy, Policy } from '../policy/types';
import type { PartialReplayAccumulator, ReplayState } from './accumulator';
import type { ReplayOptions } from './types';

/**
 * Replaying one large plain file on several cores: the file is cut into byte ranges at line starts, each
 * range is replayed by a worker thread, and the counts are added up in file order, so the report is the
 * one a single thread gives (line numbers included; top lists are exact below their capacity and within
 * the stated error bound above it).
 */

/** Files smaller than this are replayed on one thread by default: starting workers costs more. */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;
/** Most worker threads used by default. */
const MAX_DEFAULT_JOBS = 4;

/** What one worker replays. */
export interface WorkerTask {
  file: string;
  /** Name the report uses for the input. */
  source: string;
  start: number;
  end: number;
  /** The range starts the file (a byte order mark may precede line 1). */
  first: boolean;
  policies: ReadonlyArray<Policy | EffectivePolicy>;
  options: Omit<ReplayOptions, 'onProgress'>;
}

type WorkerMessage =
  | { type: 'progress'; bytes: number; lines: number; events: number }
  | { type: 'done'; state: ReplayState; lines: number; bytes: number }
  | { type: 'error'; message: string };

/** How long the default samples the machine's CPU times to see which cores are idle, in milliseconds. */
export const IDLE_SAMPLE_MS = 100;

/**
 * The default number of threads for a file of `size` bytes: one below PARALLEL_MIN_BYTES, else the cores
 * idle right now (sampled over IDLE_SAMPLE_MS), at most 4. Idle now, not the load average: the 1-minute
 * average still counts a run that ended seconds ago (a second `simulate` in a row would get one thread on an
 * idle machine) and lags a job that just started.
 */
export async function defaultJobs(size: number): Promise<number> {
  if (size < PARALLEL_MIN_BYTES) return 1;
  return jobsForIdleCores(await idleCores(IDLE_SAMPLE_MS));
}

/** Threads for `idle` idle cores (a fraction, as idleCores measures them): rounded, at least 1, at most 4. */
export function jobsForIdleCores(idle: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(Math.round(idle), cores, MAX_DEFAULT_JOBS));
}

/**
 * How many cores were idle over the next `ms` milliseconds, as a fraction (1.6 = one core and 60% of
 * another), from the kernel's per-CPU times (`os.cpus()`) sampled before and after. This thread sleeps
 * meanwhile, so its own core counts as idle. When the times do not move (no clock ticks in the interval,
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

/** Byte offsets cutting the file into `jobs` ranges that each start at a line start. */
async function lineAlignedCuts(file: string, size: number, jobs: number): Promise<number[]> {
  const cuts = [0];
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    for (let j = 1; j < jobs; j++) {
      let pos = Math.max(cuts[cuts.length - 1], Math.floor((size * j) / jobs));
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
 * Starts the worker script beside this module: the built `.js`, or when running from TypeScript source (tsx,
 * jest) the `.ts` through tsx's require hook, which a worker thread does not inherit from its parent.
 */
/**
 * A worker's young generation, in MiB. Replay makes short-lived strings and objects only (a line, its
 * event); V8's default young generation for a thread is larger than that needs, and two workers' worth of
 * it took a 1 GiB replay on two threads past 200 MB of resident memory (136 MB with this, as fast:
 * `npm run bench:replay`).
 */
const WORKER_YOUNG_GENERATION_MB = 16;

function startWorker(task: WorkerTask): Worker {
  const entry = path.join(__dirname, `replay-worker${path.extname(__filename)}`);
  const options = {
    workerData: task,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  };
  if (!entry.endsWith('.ts')) return new Worker(entry, options);
  const code = `require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`;
  return new Worker(code, { ...options, eval: true });
}

/**
 * Replays `file` with up to `jobs` worker threads into `acc`; resolves the number of threads used, or 0,
 * having added nothing, when the workers cannot run here (e.g. a test runner that cannot load the worker
 * script): the caller then reads the file itself.
 */
export async function replayFileInParallel(
  file: string,
  source: string,
  size: number,
  jobs: number,
  acc: PartialReplayAccumulator,
  policies: ReadonlyArray<Policy | EffectivePolicy>,
  options: ReplayOptions,
  onProgress?: (bytes: number, counts: { lines: number; events: number }) => void,
): Promise<number> {
  const cuts = await lineAlignedCuts(file, size, jobs);
  const { onProgress: _drop, ...plainOptions } = options;
  void _drop;
  const progress = new Array<{ bytes: number; lines: number; events: number }>(cuts.length - 1).fill({
    bytes: 0,
    lines: 0,
    events: 0,
  });
  const workers: Worker[] = [];
  const results = cuts.slice(1).map((end, i) => {
    const task: WorkerTask = {
      file,
      source,
      start: cuts[i],
      end,
      first: i === 0,
      policies,
      options: plainOptions,
    };
    return new Promise<{ state: ReplayState; lines: number; bytes: number }>((resolve, reject) => {
      let worker: Worker;
      try {
        worker = startWorker(task);
      } catch (err) {
        reject(err);
        return;
      }
      workers.push(worker);
      let settled = false;
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          progress[i] = m;
          if (onProgress) {
            const sum = progress.reduce(
              (a, p) => ({ bytes: a.bytes + p.bytes, lines: a.lines + p.lines, events: a.events + p.events }),
              { bytes: 0, lines: 0, events: 0 },
            );
            onProgress(sum.bytes, sum);
          }
        } else if (m.type === 'done') {
          settled = true;
          resolve({ state: m.state, lines: m.lines, bytes: m.bytes });
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
  });
  let done: Array<{ state: ReplayState; lines: number; bytes: number }>;
  try {
    done = await Promise.all(results);
  } catch (err) {
    await Promise.all(workers.map((w) => w.terminate()));
    // A worker that could not start (its script cannot be loaded here): let the caller read the file.
    if (!isStartFailure(err)) throw err;
    return 0;
  }
  let offset = 0;
  let read = 0;
  for (const part of done) {
    acc.mergeState(part.state, offset);
    offset += part.lines;
    read += part.bytes;
  }
  // Each worker reads its range to the range's end; a range read short means the file shrank meanwhile (it
  // was truncated or rotated in place), and the lines past the cut were never replayed.
  if (read < size) {
    acc.addSourceWarning(
      source,
      `the file shrank while it was read: ${size} bytes when the replay started, ${read} read; the report covers only what was read`,
    );
  }
  return done.length;
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
