import { parentPort, workerData } from 'worker_threads';
import { type RangeTask, replayRange } from './range-replay';

// A worker thread of a parallel replay: replays one byte range of a file (starting at a line start, ending
// after a newline) like the main thread would, and hands back its counts as plain data.

replayRange(workerData as RangeTask, undefined, (bytes, counts) =>
  parentPort!.postMessage({ type: 'progress', bytes, ...counts }),
).then(
  (done) => parentPort!.postMessage({ type: 'done', ...done }),
  (err: unknown) =>
    parentPort!.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
);
