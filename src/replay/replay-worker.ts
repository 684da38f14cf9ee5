import { parentPort, workerData } from 'worker_threads';
import type { WorkerStart } from './parallel';
import { replayRange } from './range-replay';

// A worker thread of a parallel replay: replays one byte range of a file (starting at a line start, ending
// after a newline) like the main thread would, and hands back its counts as plain data. The range comes with
// the start, or in a message when the thread was started before the file was cut (parallel.ts).

function run(start: number, end: number): void {
  const data = workerData as WorkerStart;
  replayRange({ ...data, start, end, first: start === 0 }, undefined, (bytes, counts) =>
    parentPort!.postMessage({ type: 'progress', bytes, ...counts }),
  ).then(
    (done) => parentPort!.postMessage({ type: 'done', ...done }),
    (err: unknown) =>
      parentPort!.postMessage({
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
        // The main thread words a file removed meanwhile (ENOENT) by its code.
        code: (err as NodeJS.ErrnoException).code,
      }),
  );
}

const start = workerData as WorkerStart;
if (start.start !== undefined && start.end !== undefined) run(start.start, start.end);
else parentPort!.once('message', (m: { start: number; end: number }) => run(m.start, m.end));
