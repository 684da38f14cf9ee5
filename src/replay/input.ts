import * as fs from 'fs';
import { PassThrough, Readable } from 'stream';
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
}

const READ_CHUNK = 64 * 1024;
/** Fewer, larger gunzip outputs mean fewer thread-pool round trips (text is decoded in slices anyway). */
const GUNZIP_CHUNK = 1024 * 1024;

/**
 * Gunzip runs on libuv's thread pool; an output buffer of a few chunks lets it inflate ahead while the main
 * thread parses, so a .gz input overlaps decompression and parsing the way `zcat | simulate -` does.
 */
function createGunzip(): zlib.Gunzip {
  return zlib.createGunzip({ chunkSize: GUNZIP_CHUNK, highWaterMark: 4 * GUNZIP_CHUNK } as zlib.ZlibOptions);
}

function isGzipMagic(buf: Buffer): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

/** A display name for an input. */
export function inputName(input: ReplayInput): string {
  if (typeof input === 'string') return input === '-' ? '<stdin>' : input;
  if (input instanceof Readable) return '<stream>';
  return input.name;
}

async function readMagic(file: string): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await handle.read(buf, 0, 2, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function openFile(file: string): Promise<OpenedInput> {
  const stat = await fs.promises.stat(file);
  if (stat.isDirectory()) throw new Error(`${file}: is a directory, expected an audit log file`);
  const gzip = isGzipMagic(await readMagic(file));
  const raw = fs.createReadStream(file, { highWaterMark: READ_CHUNK });
  let stream: Readable = raw;
  if (gzip) {
    const gunzip = createGunzip();
    raw.on('error', (err) => gunzip.destroy(err));
    stream = raw.pipe(gunzip);
  }
  return { name: file, gzip, stream, bytesRead: () => raw.bytesRead };
}

/**
 * Wraps a stream of unknown content: peeks at the first chunk to decide whether it is gzip, counting raw
 * bytes as they pass.
 */
function openStream(name: string, source: Readable): OpenedInput {
  let raw = 0;
  let decided = false;
  let gzipFlag = false;
  const out = new PassThrough({ highWaterMark: READ_CHUNK });
  let sink: NodeJS.WritableStream = out;
  const opened: OpenedInput = { name, gzip: false, stream: out, bytesRead: () => raw };
  const counter = new PassThrough({ highWaterMark: READ_CHUNK });
  counter.on('data', (chunk: Buffer) => {
    raw += chunk.length;
  });
  source.on('error', (err) => out.destroy(err));
  // Decide on the first chunk, then pipe the rest through gunzip or straight to the output.
  source.once('data', (first: Buffer | string) => {
    source.pause();
    const buf = typeof first === 'string' ? Buffer.from(first) : first;
    decided = true;
    gzipFlag = isGzipMagic(buf);
    opened.gzip = gzipFlag;
    if (gzipFlag) {
      const gunzip = createGunzip();
      gunzip.on('error', (err) => out.destroy(err));
      gunzip.pipe(out);
      sink = gunzip;
    }
    counter.pipe(sink as NodeJS.WritableStream & PassThrough);
    counter.write(buf);
    source.pipe(counter);
    source.resume();
  });
  source.once('end', () => {
    if (!decided) out.end();
  });
  return opened;
}

/** Opens a replay input: files by path (gzip detected by magic bytes), '-' as stdin, or a stream. */
export async function openInput(input: ReplayInput): Promise<OpenedInput> {
  if (typeof input === 'string') {
    if (input === '-') return openStream('<stdin>', process.stdin);
    return openFile(input);
  }
  if (input instanceof Readable) return openStream('<stream>', input);
  return openStream(input.name, input.stream);
}
