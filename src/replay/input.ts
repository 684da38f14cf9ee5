import * as fs from 'fs';
import { PassThrough, Readable } from 'stream';
import { promisify } from 'util';
import * as zlib from 'zlib';
import type { ReplayInput } from './types';

/** An input opened for reading: decompressed text stream plus what progress reporting needs. */
export interface OpenedInput {
  name: string;
  gzip: boolean;
  /** Decompressed bytes. */
  stream: Readable;
  /** Raw bytes consumed from the underlying file or stream so far. */
  bytesRead(): number;
  /** Problems that did not stop reading (e.g. trailing garbage after the gzip data), known once read. */
  warnings: string[];
}

/**
 * Bytes of a plain file read at once. Each read is a thread-pool round trip that the stream awaits between
 * pieces: with 64 KiB pieces a 270 MiB log spent 0.4–0.8 s of a ~2 s replay waiting for them, with 1 MiB
 * 0.2–0.3 s (measured with a loop standing in for the parser at its speed, 7 ms a MiB).
 */
const READ_CHUNK = 1024 * 1024;
/** Compressed bytes handed to zlib per write: each write is one thread-pool round trip. */
const GZIP_READ_CHUNK = 1024 * 1024;
/**
 * A gzip stream (stdin, a pipe) cannot be read again to recover the text lost with trailing garbage, so its
 * compressed bytes are kept while they fit in this many bytes (enough for samples); past it they are let go.
 */
const STREAM_REPLAY_BYTES = 16 * 1024 * 1024;
/** Fewer, larger gunzip outputs mean fewer thread-pool round trips (text is decoded in slices anyway). */
const GUNZIP_CHUNK = 1024 * 1024;
/** Inflated text buffered ahead of the parser, so zlib keeps working while the main thread parses. */
const INFLATED_AHEAD = 4 * GUNZIP_CHUNK;

function isGzipMagic(buf: Buffer): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

/** A display name for an input. */
export function inputName(input: ReplayInput): string {
  if (typeof input === 'string') return input === '-' ? '<stdin>' : input;
  if (input instanceof Readable) return '<stream>';
  return input.name;
}

// After a member, zlib reads what follows as the next member's header: bytes that are not one fail there.
// (Damage inside a member gives other messages: "invalid block type", "invalid distance too far back", ...)
const HEADER_ERRORS = new Set([
  'incorrect header check',
  'unknown compression method',
  'invalid window size',
  'unknown header flags set',
]);

/** Whether zlib's error is about bytes after the last gzip member that are not another member. */
function isTrailingGarbage(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' && HEADER_ERRORS.has((err as Error).message);
}

function write(gunzip: zlib.Gunzip, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    gunzip.once('error', onError);
    gunzip.write(chunk, (err) => {
      gunzip.off('error', onError);
      if (err) reject(err);
      else resolve();
    });
  });
}

/**
 * Decompresses gzip data from `chunks` into `out`, one input chunk at a time (zlib inflates on libuv's
 * thread pool while the main thread parses what came before: decompression and parsing overlap).
 * Like gzip(1), bytes after the last complete member that are not another member are ignored with a
 * warning; zlib fails the whole write that holds them, losing the text inflated in it, so for a file that
 * write is replayed byte by byte from a second read (`reread`) to recover every complete line.
 */
async function gunzipInto(
  chunks: AsyncIterable<Buffer>,
  out: PassThrough,
  warnings: string[],
  reread?: () => AsyncIterable<Buffer> | undefined,
): Promise<void> {
  let gunzip = zlib.createGunzip({ chunkSize: GUNZIP_CHUNK });
  let delivered = 0;
  const deliver = (skip: { bytes: number }) => (data: Buffer) => {
    const drop = Math.min(skip.bytes, data.length);
    skip.bytes -= drop;
    if (drop < data.length) {
      delivered += data.length - drop;
      if (!out.write(drop > 0 ? data.subarray(drop) : data)) gunzip.pause();
    }
  };
  out.on('drain', () => gunzip.resume());
  // A reader that stops early (destroys `out`) stops the decompression too, which then closes the file.
  out.once('close', () => gunzip.destroy());
  gunzip.on('data', deliver({ bytes: 0 }));
  // zlib ends the stream by itself when zero bytes follow a member (padding, which gzip(1) ignores too):
  // 'end' then comes before end() is called, and waiting for it afterwards would wait forever.
  let ended = false;
  gunzip.once('end', () => {
    ended = true;
  });
  let offset = 0;
  try {
    for await (const chunk of chunks) {
      if (ended) break;
      await write(gunzip, chunk);
      offset += chunk.length;
    }
    if (ended)
      warnings.push('bytes after the gzip data ignored (they start with zero bytes: padding), as gzip does');
    else {
      await new Promise<void>((resolve, reject) => {
        gunzip.once('error', reject);
        if (ended) resolve();
        else gunzip.once('end', resolve);
        gunzip.end();
      });
    }
    out.end();
  } catch (err) {
    if (!isTrailingGarbage(err)) throw err;
    const at = offset;
    const again = reread?.();
    if (again !== undefined) {
      // Replay the input up to the failed write, then that write byte by byte: the last member's end
      // falls on a write boundary and its text is delivered before the garbage fails the next byte.
      gunzip = zlib.createGunzip({ chunkSize: GUNZIP_CHUNK });
      gunzip.on('data', deliver({ bytes: delivered }));
      gunzip.on('error', () => undefined);
      let pos = 0;
      try {
        for await (const chunk of again) {
          if (pos + chunk.length <= at) await write(gunzip, chunk);
          else {
            for (let i = Math.max(0, at - pos); i < chunk.length; i++)
              await write(gunzip, chunk.subarray(i, i + 1));
          }
          pos += chunk.length;
        }
      } catch {
        // the garbage again: everything before it has been delivered
      }
    }
    warnings.push(
      'trailing garbage after the gzip data ignored, as gzip does' +
        (again === undefined ? '; text inflated together with it may be lost' : ''),
    );
    out.end();
  }
}

/**
 * `fd`'s file from its start, read at offsets (a descriptor the caller opened and closes: the file is read again
 * as it was opened, even when it was removed or replaced meanwhile). Not a read stream given the descriptor:
 * destroying one (a reader that stops early) closes the descriptor whatever its autoClose says.
 */
async function* readAt(fd: number): AsyncGenerator<Buffer> {
  for (let position = 0; ;) {
    const buf = Buffer.allocUnsafe(GZIP_READ_CHUNK);
    const { bytesRead } = await promisify(fs.read)(fd, buf, 0, buf.length, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buf.subarray(0, bytesRead);
  }
}

async function* readChunks(file: string, counter: { bytes: number }, fd?: number): AsyncGenerator<Buffer> {
  const chunks =
    fd === undefined ? fs.createReadStream(file, { highWaterMark: GZIP_READ_CHUNK }) : readAt(fd);
  for await (const chunk of chunks as AsyncIterable<Buffer>) {
    counter.bytes += chunk.length;
    yield chunk;
  }
}

async function openFile(file: string, fd?: number): Promise<OpenedInput> {
  const stat = fd === undefined ? await fs.promises.stat(file) : await promisify(fs.fstat)(fd);
  if (stat.isDirectory()) throw new Error(`${file}: is a directory, expected an audit log file`);
  // A named pipe (`<(zcat …)`) or a device cannot be read at an offset: stream it like stdin.
  if (!stat.isFile()) return openStream(file, fs.createReadStream(file, { highWaterMark: READ_CHUNK }));
  const magic = Buffer.alloc(2);
  let magicBytes: number;
  if (fd !== undefined) magicBytes = (await promisify(fs.read)(fd, magic, 0, 2, 0)).bytesRead;
  else {
    const handle = await fs.promises.open(file, 'r');
    try {
      magicBytes = (await handle.read(magic, 0, 2, 0)).bytesRead;
    } finally {
      await handle.close();
    }
  }
  const counter = { bytes: 0 };
  const warnings: string[] = [];
  if (!isGzipMagic(magic.subarray(0, magicBytes))) {
    if (fd !== undefined) {
      const raw = Readable.from(readChunks(file, counter, fd), { objectMode: false });
      return { name: file, gzip: false, stream: raw, bytesRead: () => counter.bytes, warnings };
    }
    const raw = fs.createReadStream(file, { highWaterMark: READ_CHUNK });
    return { name: file, gzip: false, stream: raw, bytesRead: () => raw.bytesRead, warnings };
  }
  const out = new PassThrough({ highWaterMark: INFLATED_AHEAD });
  gunzipInto(readChunks(file, counter, fd), out, warnings, () => readChunks(file, { bytes: 0 }, fd)).catch(
    (err) => out.destroy(err),
  );
  return { name: file, gzip: true, stream: out, bytesRead: () => counter.bytes, warnings };
}

/**
 * Wraps a stream of unknown content: peeks at the first chunk to decide whether it is gzip, counting raw
 * bytes as they pass.
 */
function openStream(name: string, source: Readable): OpenedInput {
  const counter = { bytes: 0 };
  const out = new PassThrough({ highWaterMark: INFLATED_AHEAD });
  const opened: OpenedInput = {
    name,
    gzip: false,
    stream: out,
    bytesRead: () => counter.bytes,
    warnings: [],
  };
  const iterator = (source as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  async function* rest(first: Buffer): AsyncGenerator<Buffer> {
    yield first;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const buf = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      counter.bytes += buf.length;
      yield buf;
    }
  }
  (async () => {
    const first = await iterator.next();
    if (first.done) {
      out.end();
      return;
    }
    const buf = typeof first.value === 'string' ? Buffer.from(first.value) : first.value;
    counter.bytes += buf.length;
    opened.gzip = isGzipMagic(buf);
    if (opened.gzip) {
      let kept: Buffer[] | undefined = [];
      let keptBytes = 0;
      async function* keeping(): AsyncGenerator<Buffer> {
        for await (const chunk of rest(buf)) {
          if (kept !== undefined) {
            keptBytes += chunk.length;
            if (keptBytes <= STREAM_REPLAY_BYTES) kept.push(chunk);
            else kept = undefined;
          }
          yield chunk;
        }
      }
      const replay = () => (kept === undefined ? undefined : (Readable.from(kept) as AsyncIterable<Buffer>));
      await gunzipInto(keeping(), out, opened.warnings, replay);
      return;
    }
    for await (const chunk of rest(buf)) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
    }
    out.end();
  })().catch((err) => out.destroy(err));
  return opened;
}

/**
 * Opens a replay input: files by path (gzip detected by magic bytes), '-' as stdin, or a stream. A file is read
 * through `fd` when given: a descriptor of it the caller opened and closes, so that opening it again reads the
 * same file from its start (a replay on threads that goes back to one thread), whatever happened to its name.
 */
export async function openInput(input: ReplayInput, fd?: number): Promise<OpenedInput> {
  if (typeof input === 'string') {
    if (input === '-') return openStream('<stdin>', process.stdin);
    return openFile(input, fd);
  }
  if (input instanceof Readable) return openStream('<stream>', input);
  return openStream(input.name, input.stream);
}
