import { parentPort, workerData } from 'worker_threads';
import type { WorkerStart } from './parallel';
import { replayChunk, replayRange } from './range-replay';

// A worker thread of a parallel replay. Either it replays one byte range of a file (starting at a line start,
// ending after a newline) like the main thread would, and hands back its counts as plain data: the range comes
// with the start, or in a message when the thread was started before the file was cut (parallel.ts). Or it
// replays chunks of decompressed text the main thread sends it, one after another, each into counts of its own
// (chunk-parallel.ts).

/** A message from the main thread. */
export type ToWorker =
  | { type: 'range'; start: number; end: number }
  | { type: 'chunk'; index: number; data: Uint8Array; first: boolean; sampleDuplicatesOnly: boolean };

function errorMessage(err: unknown) {
  return {
    type: 'error' as const,
    message: err instanceof Error ? err.message : String(err),
    // The main thread words a file removed meanwhile (ENOENT) by its code.
    code: (err as NodeJS.ErrnoException).code,
  };
}

function run(start: number, end: number): void {
  const data = workerData as WorkerStart;
  replayRange({ ...data, start, end, first: start === 0 }, undefined, (bytes, counts) =>
    parentPort!.postMessage({ type: 'progress', bytes, ...counts }),
  ).then(
    (done) => parentPort!.postMessage({ type: 'done', ...done }),
    (err: unknown) => parentPort!.postMessage(errorMessage(err)),
  );
}

// Chunks are replayed strictly one after another: each replay awaits its reader, and a second chunk's replay
// running meanwhile would interleave with it.
let chunks: Promise<void> = Promise.resolve();

function replayNextChunk(m: Extract<ToWorker, { type: 'chunk' }>): void {
  const { source, policies, options } = workerData as WorkerStart;
  const data = Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength);
  chunks = chunks.then(() =>
    replayChunk(
      {
        source,
        policies,
        options: { ...options, sampleDuplicatesOnly: m.sampleDuplicatesOnly },
        first: m.first,
      },
      data,
    ).then(
      // The chunk's memory goes back to the main thread, which fills it with a later chunk.
      (done) =>
        parentPort!.postMessage({ type: 'chunk-done', index: m.index, ...done, buffer: m.data.buffer }, [
          m.data.buffer as ArrayBuffer,
        ]),
      (err: unknown) => parentPort!.postMessage(errorMessage(err)),
    ),
  );
}

const start = workerData as WorkerStart;
if (start.start !== undefined && start.end !== undefined) run(start.start, start.end);
else {
  // A chunk worker listens until the main thread stops it; a range worker takes one range and lets go of the
  // port, so the thread ends by itself once its range is replayed.
  const onMessage = (m: ToWorker): void => {
    if (m.type === 'chunk') return replayNextChunk(m);
    parentPort!.off('message', onMessage);
    run(m.start, m.end);
  };
  parentPort!.on('message', onMessage);
}
