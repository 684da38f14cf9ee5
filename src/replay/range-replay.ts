import * as fs from 'fs';
import type { EffectivePolicy, Policy } from '../policy/types';
import {
  type AccumulatorOptions,
  createPartialAccumulator,
  DEFAULT_MAX_LINE,
  type ReplayState,
} from './accumulator';
import { forEachLine } from './simulate';

/**
 * One byte range of a plain file, replayed on its own (by a worker thread, or by the thread that started the
 * workers) into counts that are added up in file order with the other ranges' (see parallel.ts).
 */
export interface RangeTask {
  file: string;
  /** Name the report uses for the input. */
  source: string;
  /** Byte offset of the range's first line. */
  start: number;
  /** Byte offset after the range's last newline (or the file's size). */
  end: number;
  /** The range starts the file (a byte order mark may precede line 1). */
  first: boolean;
  policies: ReadonlyArray<Policy | EffectivePolicy>;
  options: Omit<AccumulatorOptions, 'onProgress' | 'firstLineOfInput'>;
}

/** What replaying a part of an input needs besides the part itself (a chunk of text held in memory). */
export type PartTask = Omit<RangeTask, 'file' | 'start' | 'end'>;

/** A replayed range: its counts as plain data, its lines and the bytes read. */
export interface RangeResult {
  state: ReplayState;
  lines: number;
  bytes: number;
  /**
   * The part's last lines leave state its next line would be read with (a record open across lines, see
   * PartialReplayAccumulator.carriesState): the part after it, replayed on its own, is not read as one thread
   * reads it, so the input must be replayed on one thread instead.
   */
  carried: boolean;
  /** The part's PartialReplayAccumulator.lineModes. */
  modes: { wholeLines: boolean; readPieces: boolean };
}

/**
 * Whether parts, added in input order, were each read as one thread reads them: not a part that read a log
 * record's text as a piece of a cut line after a part before learnt that the input's texts are whole lines.
 */
export class PartOrder {
  private wholeLines = false;
  readAsOne = true;

  add(part: RangeResult): void {
    if (this.wholeLines && part.modes.readPieces) this.readAsOne = false;
    this.wholeLines ||= part.modes.wholeLines;
  }
}

/**
 * Bytes read at once (forEachLine decodes them in 64 KiB slices). Fewer, larger reads: a read's round trip
 * through the thread pool costs about as much whatever its size, and the next read runs while this piece is
 * parsed (RangeReader). With 64 KiB pieces and no read ahead, a thread waited 0.4–0.7 s for 270 MiB.
 */
const READ_BYTES = 1024 * 1024;

/**
 * Reads a file from `start` up to `end` in READ_BYTES pieces; `end` may be lowered while the reading runs (to a
 * line start not yet read), which is how the thread that starts the workers begins replaying the file before it
 * knows how many threads share it.
 */
export class RangeReader implements AsyncIterable<Buffer> {
  /** Bytes handed out so far. */
  bytesRead = 0;
  constructor(
    readonly file: string,
    readonly start: number,
    public end: number,
  ) {}

  /** The next byte offset this reader reads. */
  get position(): number {
    return this.start + this.bytesRead;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    const handle = await fs.promises.open(this.file, 'r');
    // Two buffers: the next piece is read into one while the caller decodes the other, so the thread never
    // waits for the disk between pieces (forEachLine decodes a piece before it asks for the next one).
    const buffers = [Buffer.allocUnsafe(READ_BYTES), Buffer.allocUnsafe(READ_BYTES)];
    const readAt = async (buf: Buffer, at: number): Promise<number> => {
      const want = Math.min(READ_BYTES, this.end - at);
      return want <= 0 ? 0 : (await handle.read(buf, 0, want, at)).bytesRead;
    };
    let k = 0;
    let next = readAt(buffers[0], this.position);
    try {
      for (;;) {
        const at = this.position;
        // The end may have been lowered while the read ran: nothing past it is handed out.
        const got = Math.min(await next, this.end - at);
        if (got <= 0) return; // or the file shrank: the caller compares bytesRead with the range
        const piece = buffers[k];
        k ^= 1;
        next = readAt(buffers[k], at + got);
        this.bytesRead += got;
        yield piece.subarray(0, got);
      }
    } finally {
      await next.catch(() => 0); // a read still under way must end before the file is closed
      await handle.close();
    }
  }
}

/**
 * Replays `task`'s range from `reader` (by default one reading the task's range) as a single thread would,
 * calling `onProgress` about every MiB; resolves the range's counts. Rejects when the file cannot be read.
 */
export async function replayRange(
  task: RangeTask,
  reader: RangeReader = new RangeReader(task.file, task.start, task.end),
  onProgress?: (bytes: number, counts: { lines: number; events: number }) => void,
): Promise<RangeResult> {
  return replayPart(task, reader, onProgress);
}

/**
 * Replays one chunk of an input's text held in memory (decompressed gzip data cut at record starts, see
 * chunk-parallel.ts) as a single thread replays those lines; line numbers count from the chunk's first line.
 */
export function replayChunk(task: PartTask, data: Buffer): Promise<RangeResult> {
  const reader = {
    bytesRead: 0,
    async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
      reader.bytesRead = data.length;
      yield data;
    },
  };
  return replayPart(task, reader);
}

async function replayPart(
  task: PartTask,
  reader: AsyncIterable<Buffer> & { readonly bytesRead: number },
  onProgress?: (bytes: number, counts: { lines: number; events: number }) => void,
): Promise<RangeResult> {
  const acc = createPartialAccumulator(task.policies, { ...task.options, firstLineOfInput: task.first });
  const maxChars = task.options.maxLineBytes ?? DEFAULT_MAX_LINE;
  let reported = 0;
  const lines = await forEachLine(
    reader,
    (line, lineNo, unterminated) => acc.addLine(line, lineNo, task.source, unterminated),
    {
      maxChars,
      onTooLong: (lineNo, dropped) => acc.addTooLongLine(task.source, lineNo, dropped),
      onInvalidUtf8: (lineNo, count) => acc.addInvalidUtf8(task.source, lineNo, count),
      onChunk: onProgress
        ? () => {
            if (reader.bytesRead - reported >= 1024 * 1024) {
              reported = reader.bytesRead;
              onProgress(reported, acc.counts());
            }
          }
        : undefined,
    },
  );
  const carried = acc.carriesState(task.source);
  const modes = acc.lineModes(task.source);
  acc.endSource(task.source);
  return { state: acc.exportState(), lines, bytes: reader.bytesRead, carried, modes };
}
