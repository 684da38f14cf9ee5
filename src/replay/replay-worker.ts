import * as fs from 'fs';
import { parentPort, workerData } from 'worker_threads';
import { createPartialAccumulator, DEFAULT_MAX_LINE, lineTooLong } from './accumulator';
import type { WorkerTask } from './parallel';
import { forEachLine } from './simulate';

// A worker thread of a parallel replay: reads one byte range of a file (starting at a line start, ending
// after a newline), replays it like the main thread would, and hands back its counts as plain data.

async function run(task: WorkerTask): Promise<void> {
  const acc = createPartialAccumulator(task.policies, { ...task.options, firstLineOfInput: task.first });
  const maxChars = task.options.maxLineBytes ?? DEFAULT_MAX_LINE;
  const stream = fs.createReadStream(task.file, {
    start: task.start,
    end: task.end - 1,
    highWaterMark: 64 * 1024,
  });
  let reported = 0;
  const lines = await forEachLine(
    stream,
    (line, lineNo, unterminated) => acc.addLine(line, lineNo, task.source, unterminated),
    {
      maxChars,
      onTooLong: (lineNo) => acc.addUnreadableLine(task.source, lineNo, lineTooLong(maxChars)),
      onChunk: () => {
        if (stream.bytesRead - reported >= 1024 * 1024) {
          reported = stream.bytesRead;
          parentPort!.postMessage({ type: 'progress', bytes: reported, ...acc.counts() });
        }
      },
    },
  );
  acc.endSource(task.source);
  parentPort!.postMessage({ type: 'done', state: acc.exportState(), lines, bytes: stream.bytesRead });
}

run(workerData as WorkerTask).catch((err: unknown) => {
  parentPort!.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
});
