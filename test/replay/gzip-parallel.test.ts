import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { generateSyntheticLog } from '../../bench/synthetic-log';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import type { Policy } from '../../src/policy/types';
import { simulate, type SimulationReport } from '../../src/replay';
import { createPartialAccumulator } from '../../src/replay/accumulator';
import {
  CHUNK_BYTES,
  gzipHoldsJsonLines,
  gzipParallelJobs,
  replayGzipInParallel,
} from '../../src/replay/chunk-parallel';
import { openInput } from '../../src/replay/input';
import { recordStartFrom } from '../../src/replay/record-start';
import * as parallel from '../../src/replay/parallel';

// Audit logs copied off the masters travel gzipped. A gzip stream cannot be read from the middle, so it is
// decompressed on one thread, cut into chunks at record starts and replayed on several; the report must be
// exactly the one-thread report, whatever the chunks hold and wherever they are cut.

// Worker threads compile the replay from TypeScript source (tsx) here: seconds on a busy machine.
jest.setTimeout(60_000);

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gzip-parallel-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const metadata: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };

/** The report without the thread count, which is the one thing allowed to differ. */
function strip(r: SimulationReport) {
  return { ...r, sources: r.sources.map((s) => ({ ...s, threads: 0 })) };
}

function gzipFile(name: string, text: string | Buffer): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, zlib.gzipSync(text));
  return file;
}

/** The report of `file` replayed on `jobs` threads cut into `chunkBytes` chunks, or undefined (one thread). */
async function chunked(
  file: string,
  policy: Policy | ReturnType<typeof deckhouseEffectivePolicy>,
  jobs: number,
  chunkBytes: number,
  options: { malformedSamples?: number } = {},
): Promise<{ report: SimulationReport; threads: number } | undefined> {
  const opened = await openInput(file);
  const done = await replayGzipInParallel(opened, jobs, [policy], options, undefined, chunkBytes);
  if (done === undefined) return undefined;
  const acc = createPartialAccumulator([policy], options);
  acc.mergeState(done.state, 0);
  for (const w of opened.warnings) acc.addSourceWarning(opened.name, w);
  acc.setSourceInfo(opened.name, { gzip: true, bytes: opened.bytesRead(), threads: done.threads });
  return { report: acc.reports()[0], threads: done.threads };
}

describe('where the text is cut', () => {
  test('after a line that closes an object, before one that opens an object with a member', () => {
    const text = Buffer.from('{"a":1}\n{"b":2}\n{"c":3}\n');
    expect(recordStartFrom(text, 0)).toBe(8);
    expect(recordStartFrom(text, 8)).toBe(8);
    expect(recordStartFrom(text, 9)).toBe(16);
    expect(text.subarray(16).toString()).toBe('{"c":3}\n');
    // The last line: no record starts after it.
    expect(recordStartFrom(text, 17)).toBe(-1);
    // CRLF line ends, as a log copied through Windows has them.
    expect(recordStartFrom(Buffer.from('{"a":1}\r\n{"b":2}\r\n'), 1)).toBe(9);
  });

  test('never inside a pretty-printed event, whose inner lines are indented and whose `{` ends its line', () => {
    const pretty = JSON.stringify({ kind: 'Event', objectRef: { resource: 'pods' } }, null, 2);
    // Not before the pretty-printed event either: its first line is `{` alone.
    expect(recordStartFrom(Buffer.from(`{"a":1}\n${pretty}\n{`), 1)).toBe(-1);
    expect(recordStartFrom(Buffer.from(`${pretty}\n{"b":2}\n`), 1)).toBe(pretty.length + 1);
    expect(recordStartFrom(Buffer.from('no records here\nat all\n'), 0)).toBe(-1);
  });
});

describe('which gzip files are cut', () => {
  test('audit.k8s.io JSON lines (after a byte order mark, too), not other text nor a plain file', async () => {
    const event = '{"kind":"Event","apiVersion":"audit.k8s.io/v1","verb":"get"}\n';
    expect(await gzipHoldsJsonLines(gzipFile('lines.gz', event))).toBe(true);
    expect(await gzipHoldsJsonLines(gzipFile('bom.gz', `\ufeff${event}`))).toBe(true);
    // Docker's json-file records and the container runtime's lines continue a long line in the next record.
    expect(await gzipHoldsJsonLines(gzipFile('docker.gz', `{"log":${JSON.stringify(event)}}\n`))).toBe(false);
    expect(await gzipHoldsJsonLines(gzipFile('cri.gz', `2026-01-05T10:00:00Z stdout F ${event}`))).toBe(
      false,
    );
    expect(await gzipHoldsJsonLines(gzipFile('utf16.gz', Buffer.from(`\ufeff${event}`, 'utf16le')))).toBe(
      false,
    );
    expect(await gzipHoldsJsonLines(gzipFile('pretty.gz', JSON.stringify({ kind: 'Event' }, null, 2)))).toBe(
      false,
    );
    const plain = path.join(tmp, 'plain.log');
    fs.writeFileSync(plain, event);
    expect(await gzipHoldsJsonLines(plain)).toBe(false);
    expect(await gzipHoldsJsonLines(path.join(tmp, 'missing.gz'))).toBe(false);
  });

  test('by default from 6 MiB of gzip on, on at most 2 threads; `jobs` asks for it at any size; `jobs: 1` never', async () => {
    const file = gzipFile('small.gz', '{"kind":"Event"}\n');
    const stat = fs.statSync(file);
    expect(await gzipParallelJobs(file, stat, undefined)).toBeUndefined();
    expect(await gzipParallelJobs(file, stat, 3)).toBe(3);
    expect(await gzipParallelJobs(file, stat, 1)).toBeUndefined();
    // By default: the free cores decide, at most two threads (each adds chunks and counts to memory).
    const size = (bytes: number) => ({ ...stat, size: bytes }) as fs.Stats;
    expect([undefined, 2]).toContain(await gzipParallelJobs(file, size(6 * 1024 * 1024), undefined));
    expect(await gzipParallelJobs(file, size(6 * 1024 * 1024 - 1), undefined)).toBeUndefined();
    expect(await gzipParallelJobs('-', undefined, 3)).toBeUndefined();
  });
});

describe('the report is one thread’s', () => {
  let log: string;
  let lines: string[];
  let gz: string;
  beforeAll(() => {
    log = path.join(tmp, 'audit.log');
    generateSyntheticLog(log, 600 * 1024, 21);
    lines = fs.readFileSync(log, 'utf8').split('\n');
    // Malformed lines all through the file, so line numbers must be carried from chunk to chunk; a byte order
    // mark before line 1; an event pretty-printed (`jq .`) among the lines; the last line without a newline.
    for (const at of [4, Math.floor(lines.length / 3), Math.floor((lines.length * 2) / 3)])
      lines.splice(at, 0, 'not json');
    const pretty = JSON.stringify(JSON.parse(lines[40]), null, 2);
    lines.splice(Math.floor(lines.length / 2), 0, ...pretty.split('\n'));
    const text = '\ufeff' + lines.join('\n').replace(/\n$/, '');
    fs.writeFileSync(log, text);
    gz = gzipFile('audit.log.gz', text);
  });

  test.each([
    [2, 16 * 1024],
    [3, 16 * 1024],
    [2, 200 * 1024],
    [4, 64 * 1024],
  ])(
    '%i threads, %i-byte chunks: counts, bytes, rules, top lists, malformed line numbers',
    async (jobs, size) => {
      const one = await simulate([gz], { policy: metadata, jobs: 1, malformedSamples: 50 });
      const many = await chunked(gz, metadata, jobs, size, { malformedSamples: 50 });
      expect(many).toBeDefined();
      expect(many!.threads).toBeGreaterThan(1);
      expect(many!.threads).toBeLessThanOrEqual(jobs);
      expect(strip(many!.report)).toEqual(strip(one));
      const junk = lines.flatMap((l, i) => (l === 'not json' ? [i + 1] : []));
      expect(one.malformed.lines.map((m) => m.line)).toEqual(junk);
      expect(one.events).toBeGreaterThan(500);
    },
  );

  test('under the policy Deckhouse runs (built-in rules, their layers and titles)', async () => {
    const policy = deckhouseEffectivePolicy();
    const one = await simulate([gz], { policy, jobs: 1 });
    const many = await chunked(gz, policy, 2, 32 * 1024);
    expect(strip(many!.report)).toEqual(strip(one));
  });

  test('simulate itself with `jobs`: a gzip log larger than a chunk is shared, the report one thread’s', async () => {
    const big = path.join(tmp, 'big.log');
    generateSyntheticLog(big, CHUNK_BYTES * 2.5, 5);
    const file = gzipFile('big.log.gz', fs.readFileSync(big));
    const one = await simulate([file], { policy: metadata, jobs: 1 });
    const progress: number[] = [];
    const two = await simulate([file], {
      policy: metadata,
      jobs: 2,
      onProgress: (p) => progress.push(p.lines),
    });
    expect(two.sources[0].threads).toBe(2);
    expect(two.sources[0].gzip).toBe(true);
    expect(strip(two)).toEqual(strip(one));
    expect(progress[progress.length - 1]).toBe(one.lines);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});

describe('what goes back to one thread, from the start', () => {
  test('a gzip file cut short: the replay on one thread keeps every line before the cut and says so', async () => {
    const log = path.join(tmp, 'cut.log');
    generateSyntheticLog(log, 300 * 1024, 3);
    const whole = zlib.gzipSync(fs.readFileSync(log));
    const file = path.join(tmp, 'cut.log.gz');
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.7)));
    expect(await chunked(file, metadata, 2, 16 * 1024)).toBeUndefined();
    const one = await simulate([file], { policy: metadata, jobs: 1 });
    const two = await simulate([file], { policy: metadata, jobs: 2 });
    expect(one.malformed.lines[0].reason).toContain('gzip data ends unexpectedly');
    expect(strip(two)).toEqual(strip(one));
    expect(two.sources[0].threads).toBe(1);
  });

  test('a record too long to cut around (a pretty-printed EventList larger than four chunks)', async () => {
    const log = path.join(tmp, 'for-list.log');
    generateSyntheticLog(log, 40 * 1024, 9);
    const events = fs.readFileSync(log, 'utf8').trim().split('\n');
    const items = events.slice(1).map((l) => JSON.parse(l));
    const list = JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items }, null, 2);
    const file = gzipFile('eventlist.gz', `${events[0]}\n${list}\n`);
    expect(Buffer.byteLength(list)).toBeGreaterThan(4 * 4096);
    expect(await chunked(file, metadata, 2, 4096)).toBeUndefined();
    const one = await simulate([file], { policy: metadata, jobs: 1 });
    const two = await simulate([file], { policy: metadata, jobs: 2 });
    expect(one.events).toBe(events.length);
    expect(strip(two)).toEqual(strip(one));
  });
});

describe('threads started', () => {
  afterEach(() => jest.restoreAllMocks());

  test('no more workers than chunks: `jobs: 16` for a log of one chunk starts one, not 15 (each ~10 MB)', async () => {
    const log = path.join(tmp, 'one-chunk.log');
    generateSyntheticLog(log, 40 * 1024, 4);
    const file = gzipFile('one-chunk.gz', fs.readFileSync(log));
    const started = jest.spyOn(parallel, 'startWorker');
    const one = await simulate([file], { policy: metadata, jobs: 1 });
    const many = await chunked(file, metadata, 16, 64 * 1024);
    expect(started).toHaveBeenCalledTimes(1);
    expect(strip(many!.report)).toEqual(strip(one));
  });
});
