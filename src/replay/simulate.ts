import * as fs from 'fs';
import type { DroppedLine } from './line-framing';
import type { Readable } from 'stream';
import { StringDecoder } from 'string_decoder';
import { checkListArgument, checkObjectArgument, checkPolicyOrEffectiveArgument } from '../policy/arguments';
import type { EffectivePolicy, Policy } from '../policy/types';
import type * as AccumulatorModule from './accumulator';
import type * as ChunkParallelModule from './chunk-parallel';
import type * as InputModule from './input';
import type * as ParallelModule from './parallel';
import { countReadFailure } from './read-failure';
import { NO_EVENT_STREAM_BYTES, NoEventStream, noEventStreamWarning } from './endless-input';
import { ENCODING_HEAD_BYTES, utf16Encoding } from './text-encoding';
import type { ReplayInput, ReplayOptions, ReplayProgress, SimulateOptions, SimulationReport } from './types';

// The reading machinery (accumulator, inputs with gzip and streams, worker threads) loads on the first replay,
// not with the package: a cdk8s app imports the package to synthesize, never replays, and loading these
// modules cost its `cdk8s synth` about 40 ms.
/* eslint-disable @typescript-eslint/no-require-imports */
const accumulator = once(() => require('./accumulator') as typeof AccumulatorModule);
const input = once(() => require('./input') as typeof InputModule);
const parallelReplay = once(() => require('./parallel') as typeof ParallelModule);
const chunkParallel = once(() => require('./chunk-parallel') as typeof ChunkParallelModule);
/* eslint-enable @typescript-eslint/no-require-imports */

function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

/** U+FFFD as UTF-8 bytes. */
const UTF8_REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);

// eslint-disable-next-line no-control-regex
const NUL_RUN = /\u0000+/g;

/** The NUL characters in `s` from `from` to `to`: run by run, as a zero block is one long run. */
function countNuls(s: string, from = 0, to = s.length): number {
  const first = s.indexOf('\u0000', from);
  if (first === -1 || first >= to) return 0;
  let n = 0;
  NUL_RUN.lastIndex = first;
  for (let m = NUL_RUN.exec(s); m !== null && m.index < to; m = NUL_RUN.exec(s))
    n += Math.min(m.index + m[0].length, to) - m.index;
  return n;
}

/** Text is decoded in slices of at most this many bytes: small strings stay in V8's young generation. */
const DECODE_SLICE = 64 * 1024;

/**
 * Splits a stream into lines without readline (Buffers decoded in 64 KiB slices, lines are string slices),
 * calling `onLine` for each with its 1-based number; `unterminated` is true for a last line with no newline
 * after it (a file copied or cut while being written ends so). A line longer than `maxChars` is dropped while
 * reading (memory stays bounded) and reported through `onTooLong`, with what it held (a block of zero bytes, as a
 * crash leaves, is told from text by its NULs, counted only on such lines).
 */
export async function forEachLine(
  stream: Readable | AsyncIterable<Buffer>,
  onLine: (line: string, lineNo: number, unterminated?: boolean) => void,
  options: {
    maxChars?: number;
    onTooLong?: (lineNo: number, dropped: DroppedLine) => void;
    onChunk?: () => void;
    /** Bytes that are not UTF-8 (`count` sequences of them), the first on line `lineNo`. */
    onInvalidUtf8?: (lineNo: number, count: number) => void;
    /** The stream is a whole input: its first bytes may say it is UTF-16 (utf16Encoding), decoded then. */
    detectUtf16?: boolean;
  } = {},
): Promise<number> {
  const max = options.maxChars ?? accumulator().DEFAULT_MAX_LINE;
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let skipping = false;
  // The first piece of a line that runs past a slice (the rest is appended in whole slices), and the characters
  // and NULs of a line being dropped: counted only once a line runs past a whole slice.
  let carryHead = '';
  let carryNuls = 0;
  const dropped: DroppedLine = { chars: 0, nuls: 0 };
  const tooLong = (no: number): void => {
    options.onTooLong?.(no, { ...dropped });
    dropped.chars = 0;
    dropped.nuls = 0;
  };
  const startDropping = (): void => {
    skipping = true;
    dropped.chars = carry.length;
    dropped.nuls = countNuls(carryHead) + carryNuls;
    carry = '';
  };
  let lineNo = 0;
  // The last two bytes of the previous slice: a U+FFFD written as UTF-8 (EF BF BD) may straddle two slices.
  let tail: Buffer = Buffer.alloc(0);

  // kube-apiserver writes UTF-8 only (Go's encoder writes an invalid byte as the escape \ufffd), so bytes that
  // are not UTF-8 mean the file was re-encoded (Windows-1251, Latin-1): the decoder turns each such sequence
  // into U+FFFD, which a name in the policy no longer matches. A U+FFFD the log holds as a character is the
  // bytes EF BF BD: only replacements beyond those are invalid bytes. A string of Latin-1 characters only
  // (ASCII logs) cannot hold U+FFFD, and V8 answers that indexOf without scanning it.
  const checkUtf8 = (decoded: string, raw: Buffer): void => {
    const first = decoded.indexOf('\ufffd');
    if (first === -1 || options.onInvalidUtf8 === undefined) return;
    let replaced = 0;
    for (let i = first; i !== -1; i = decoded.indexOf('\ufffd', i + 1)) replaced++;
    let written = 0;
    const bytes = tail.length > 0 ? Buffer.concat([tail, raw]) : raw;
    for (let i = bytes.indexOf(UTF8_REPLACEMENT); i !== -1; i = bytes.indexOf(UTF8_REPLACEMENT, i + 3))
      written++;
    if (replaced <= written) return;
    let line = lineNo + 1;
    for (let i = decoded.indexOf('\n'); i !== -1 && i < first; i = decoded.indexOf('\n', i + 1)) line++;
    options.onInvalidUtf8(line, replaced - written);
  };

  const text = (chunk: string): void => {
    let start = 0;
    let nl = chunk.indexOf('\n');
    if (carry !== '' || skipping) {
      if (nl === -1) {
        if (!skipping) {
          carry += chunk;
          carryNuls += countNuls(chunk);
          if (carry.length > max) startDropping();
        } else {
          dropped.chars += chunk.length;
          dropped.nuls += countNuls(chunk);
        }
        return;
      }
      lineNo++;
      if (skipping) {
        skipping = false;
        dropped.chars += nl;
        dropped.nuls += countNuls(chunk, 0, nl);
        tooLong(lineNo);
      } else {
        const line = carry + chunk.slice(0, nl);
        if (line.length > max) {
          dropped.chars = line.length;
          dropped.nuls = countNuls(carryHead) + carryNuls + countNuls(chunk, 0, nl);
          tooLong(lineNo);
        } else onLine(line, lineNo);
        carry = '';
      }
      carryNuls = 0;
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    while (nl !== -1) {
      lineNo++;
      if (nl - start > max) {
        dropped.chars = nl - start;
        dropped.nuls = countNuls(chunk, start, nl);
        tooLong(lineNo);
      } else onLine(chunk.slice(start, nl), lineNo);
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) {
      carry = chunk.slice(start);
      carryHead = carry;
      if (carry.length > max) startDropping();
    }
  };

  const bytes = (data: Buffer): void => {
    for (let off = 0; off < data.length; off += DECODE_SLICE) {
      const raw = data.subarray(off, Math.min(off + DECODE_SLICE, data.length));
      if (utf16 !== undefined) {
        text(utf16.decode(raw, { stream: true }));
        continue;
      }
      const decoded = decoder.write(raw);
      checkUtf8(decoded, raw);
      tail = raw.subarray(Math.max(0, raw.length - 2));
      text(decoded);
    }
  };
  // The input's first bytes, held until there are enough of them to decide its encoding (once, not per line).
  let head: Buffer | undefined = options.detectUtf16 ? Buffer.alloc(0) : undefined;
  let utf16: InstanceType<typeof TextDecoder> | undefined;
  const decide = (first: Buffer): void => {
    head = undefined;
    const encoding = utf16Encoding(first);
    // The decoder drops its byte order mark; a lone surrogate (a damaged or cut file) becomes U+FFFD.
    if (encoding !== undefined) utf16 = new TextDecoder(encoding);
    bytes(first);
  };

  for await (const data of stream as AsyncIterable<string | Buffer>) {
    if (typeof data === 'string') text(data);
    else if (head === undefined) bytes(data);
    else {
      const first = head.length === 0 ? data : Buffer.concat([head, data]);
      if (first.length < ENCODING_HEAD_BYTES) head = first;
      else decide(first);
    }
    options.onChunk?.();
  }
  if (head !== undefined) decide(head);
  if (utf16 !== undefined) text(utf16.decode());
  else {
    const rest = decoder.end();
    checkUtf8(rest, Buffer.alloc(0));
    text(rest);
  }
  if (skipping) tooLong(++lineNo);
  else if (carry !== '') onLine(carry, ++lineNo, true);
  return lineNo;
}

/**
 * The stat of `input` when it is a regular file (not stdin, a pipe or a stream), taken once per input when its
 * reading starts: its device and inode tell the same file under two names (a path given twice, a symlink), its
 * size plans the threads and tells a file that shrank while it was read.
 */
async function regularFileStat(input: ReplayInput): Promise<fs.Stats | undefined> {
  if (typeof input !== 'string' || input === '-') return undefined;
  try {
    const stat = await fs.promises.stat(input);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether to replay an input on several threads, and on how many (`'auto'`: as many as cores are free once
 * the replay has started): only a plain (not gzip) regular file of audit.k8s.io JSON lines (not the container
 * runtime's format, whose fragments may cross a range), with `jobs` above 1, or by default one of
 * PARALLEL_MIN_BYTES or more.
 */
async function parallelPlan(
  input: ReplayInput,
  stat: fs.Stats | undefined,
  jobs: number | undefined,
): Promise<{ file: string; size: number; jobs: number | 'auto' } | undefined> {
  if (typeof input !== 'string' || stat === undefined || jobs === 1) return undefined;
  // By default a file too small to gain from workers stays on one thread; a larger one starts on this
  // thread and shares the rest with the free cores (replayFileInParallel).
  const n = jobs ?? (stat.size < parallelReplay().PARALLEL_MIN_BYTES ? 1 : 'auto');
  if ((n !== 'auto' && n <= 1) || stat.size < 2) return undefined;
  const handle = await fs.promises.open(input, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(16);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const text = head
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart();
  if (head[0] === 0x1f && head[1] === 0x8b) return undefined;
  // One JSON object a line: not a pretty-printed document (`{` alone on its line) nor Docker's json-file
  // (`{"log":`), whose records continue a cut line in the next one, across any range boundary.
  if (text !== '' && (!text.startsWith('{"') || text.startsWith('{"log":'))) return undefined;
  return { file: input, size: stat.size, jobs: n };
}

/**
 * Why an input was read short of the size it had when its reading started: it was truncated or rotated in place
 * (copytruncate) meanwhile, and the lines past what was read were never replayed.
 */
export function fileShrankWarning(size: number, read: number): string {
  return `the file shrank while it was read: ${size} bytes when the replay started, ${read} read; the report covers only what was read`;
}

/** `FILE: no such file` and the like, as `validate` words them. */
function readError(name: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${name}: no such file`;
  if (code === 'EACCES') return `${name}: permission denied`;
  const message = (err as Error).message;
  return message.startsWith(`${name}:`) ? message : `${name}: cannot read: ${message}`;
}

async function totalBytesOf(inputs: readonly ReplayInput[]): Promise<number | undefined> {
  let total = 0;
  for (const input of inputs) {
    if (typeof input !== 'string' || input === '-') return undefined;
    try {
      total += (await fs.promises.stat(input)).size;
    } catch {
      return undefined;
    }
  }
  return total;
}

/**
 * Replays audit logs once under several policies (each line is read and parsed once) and returns one
 * report per policy, in order. Rejects only when an input cannot be opened or read.
 */
export async function simulateMany(
  inputs: readonly ReplayInput[],
  policies: ReadonlyArray<Policy | EffectivePolicy>,
  options: ReplayOptions = {},
): Promise<SimulationReport[]> {
  // Checked here, before any input is read: an EffectivePolicy's origins must describe its rules, or the
  // report's rule labels and layers would be wrong.
  checkListArgument('simulateMany', 'policies', policies, 'a list of policies');
  policies.forEach((p, i) => checkPolicyOrEffectiveArgument('simulateMany', `policies[${i}]`, p));
  const { createPartialAccumulator, DEFAULT_MAX_LINE } = accumulator();
  const { inputName, openInput } = input();
  const acc = createPartialAccumulator(policies, options);
  const maxChars = options.maxLineBytes ?? DEFAULT_MAX_LINE;
  const onProgress = options.onProgress && chunkParallel().forwardOnly(options.onProgress);
  const totalBytes = onProgress ? await totalBytesOf(inputs) : undefined;
  const started = Date.now();
  let doneBytes = 0;
  const seen = new Map<string, string>();
  for (let i = 0; i < inputs.length; i++) {
    const name = inputName(inputs[i]);
    const stat = await regularFileStat(inputs[i]);
    const identity = stat === undefined ? undefined : `${stat.dev}:${stat.ino}`;
    if (identity !== undefined) {
      const first = seen.get(identity);
      if (first !== undefined) {
        acc.skipInput(name, `the same file as ${first}, read once`);
        continue;
      }
      seen.set(identity, name);
    }
    const parallel = await parallelPlan(inputs[i], stat, options.jobs);
    if (parallel !== undefined) {
      const threads = await parallelReplay().replayFileInParallel(
        parallel.file,
        name,
        parallel.size,
        parallel.jobs,
        acc,
        policies,
        options,
        onProgress
          ? (bytes, counts) =>
              onProgress({
                source: name,
                sourceIndex: i,
                sourceCount: inputs.length,
                bytesRead: doneBytes + bytes,
                totalBytes,
                ...counts,
                elapsedMs: Date.now() - started,
                done: false,
              })
          : undefined,
      );
      acc.setSourceInfo(name, { gzip: false, bytes: parallel.size, threads });
      doneBytes += parallel.size;
      if (onProgress && i === inputs.length - 1) {
        onProgress({
          source: name,
          sourceIndex: i,
          sourceCount: inputs.length,
          bytesRead: doneBytes,
          totalBytes,
          ...acc.counts(),
          elapsedMs: Date.now() - started,
          done: true,
        });
      }
      continue;
    }
    // A regular file's size when its reading started: read short of it, the file shrank meanwhile.
    const planned = stat?.size;
    const gzipJobs = await chunkParallel().gzipParallelJobs(inputs[i], stat, options.jobs);
    // A replay on threads may go back to one thread and read the file again from its start: through the
    // descriptor opened here, the file it began with, even when it was removed or replaced meanwhile.
    const handle =
      gzipJobs === undefined
        ? undefined
        : await fs.promises.open(inputs[i] as string, 'r').catch((err: unknown) => {
            throw new Error(readError(name, err), { cause: err });
          });
    try {
      let opened;
      try {
        opened = await openInput(inputs[i], handle?.fd);
      } catch (err) {
        throw new Error(readError(name, err), { cause: err });
      }
      if (gzipJobs !== undefined && opened.gzip) {
        const replayedOn = await chunkParallel().replayGzipInto(
          acc,
          opened,
          gzipJobs,
          policies,
          options,
          (p) =>
            onProgress?.({
              ...p,
              sourceIndex: i,
              sourceCount: inputs.length,
              bytesRead: doneBytes + p.bytesRead,
              totalBytes,
              elapsedMs: Date.now() - started,
              done: p.done && i === inputs.length - 1,
            }),
        );
        if (replayedOn) {
          doneBytes += opened.bytesRead();
          continue;
        }
        // One thread instead, from the start (replayGzipInto says when).
        try {
          opened = await openInput(inputs[i], handle?.fd);
        } catch (err) {
          throw new Error(readError(name, err), { cause: err });
        }
      }
      const progress = (done: boolean): ReplayProgress => ({
        source: opened.name,
        sourceIndex: i,
        sourceCount: inputs.length,
        bytesRead: doneBytes + opened.bytesRead(),
        totalBytes,
        ...acc.counts(),
        elapsedMs: Date.now() - started,
        done,
      });
      let lastLine = 0;
      // A stream (no size) that gives no event is given up past NO_EVENT_STREAM_BYTES (or the longest line read,
      // when that is longer): it may never end.
      const giveUpAt = Math.max(NO_EVENT_STREAM_BYTES, maxChars);
      const eventsBefore = acc.counts().events;
      const onChunk = (): void => {
        if (onProgress) onProgress(progress(false));
        const read = opened.bytesRead();
        if (planned === undefined && read > giveUpAt && acc.counts().events === eventsBefore)
          throw new NoEventStream(read);
      };
      const onLine = (line: string, lineNo: number, unterminated?: boolean) => {
        lastLine = lineNo;
        acc.addLine(line, lineNo, opened.name, unterminated);
      };
      try {
        await forEachLine(opened.stream, onLine, {
          maxChars,
          onTooLong: (lineNo, dropped) => acc.addTooLongLine(opened.name, lineNo, dropped),
          onChunk,
          onInvalidUtf8: (lineNo, count) => acc.addInvalidUtf8(opened.name, lineNo, count),
          detectUtf16: true,
        });
      } catch (err) {
        if (!(err instanceof NoEventStream)) countReadFailure(acc, opened.name, lastLine, err);
        else {
          acc.addSourceWarning(opened.name, noEventStreamWarning(giveUpAt));
          (opened.stream as Readable).destroy();
        }
      }
      acc.endSource(opened.name);
      for (const w of opened.warnings) acc.addSourceWarning(opened.name, w);
      // A gzip file cut short says so above, from the decompressor.
      if (!opened.gzip && planned !== undefined && opened.bytesRead() < planned) {
        acc.addSourceWarning(opened.name, fileShrankWarning(planned, opened.bytesRead()));
      }
      acc.setSourceInfo(opened.name, { gzip: opened.gzip, bytes: opened.bytesRead() });
      if (onProgress && i === inputs.length - 1) onProgress(progress(true));
      doneBytes += opened.bytesRead();
    } finally {
      await handle?.close();
    }
  }
  if (onProgress && inputs.length === 0) {
    onProgress({
      source: '',
      sourceIndex: 0,
      sourceCount: 0,
      bytesRead: 0,
      totalBytes: 0,
      lines: 0,
      events: 0,
      elapsedMs: 0,
      done: true,
    });
  }
  return acc.reports();
}

/** Replays audit logs (files, gzip files, '-' for stdin, or streams) under one policy. */
export async function simulate(
  inputs: readonly ReplayInput[],
  options: SimulateOptions,
): Promise<SimulationReport> {
  checkObjectArgument('simulate', 'options', options, 'simulate options ({ policy, ... })');
  const { policy, ...rest } = options;
  checkPolicyOrEffectiveArgument('simulate', 'options.policy', policy);
  const [report] = await simulateMany(inputs, [policy], rest);
  return report;
}
