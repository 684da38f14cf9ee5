import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { generateSyntheticLog } from '../../bench/synthetic-log';
import type { Policy } from '../../src/policy/types';
import { simulate, type SimulationReport } from '../../src/replay';
import * as chunkParallel from '../../src/replay/chunk-parallel';
import { openInput } from '../../src/replay/input';

// A .gz replay on threads that goes back to one thread (the gzip data cut short, a record too long to cut
// around) reads the file again from its start. One thread reads the file it opened to the end, whatever
// happens to its name meanwhile (removed, or replaced by a newer copy); so must the replay read again.

jest.setTimeout(60_000);

let tmp: string;
let file: string;
let other: string;
let text: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gzip-reopen-'));
  const log = path.join(tmp, 'audit.log');
  generateSyntheticLog(log, 300 * 1024, 7);
  text = fs.readFileSync(log, 'utf8');
  other = path.join(tmp, 'other.gz');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const metadata: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };

function strip(r: SimulationReport) {
  return { ...r, sources: r.sources.map((s) => ({ ...s, threads: 0 })) };
}

/** A .gz of the log cut short at 70% (a copy taken while it was written): threads give it back to one. */
function writeCutShort(): void {
  file = path.join(tmp, 'audit.log.gz');
  const whole = zlib.gzipSync(text);
  fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.7)));
  fs.writeFileSync(other, zlib.gzipSync(text.split('\n').slice(0, 5).join('\n')));
}

/** Runs `meanwhile` after the replay on threads gave up and before one thread reads the file again. */
function onGoingBack(meanwhile: () => void): jest.SpyInstance {
  const real = chunkParallel.replayGzipInto;
  return jest.spyOn(chunkParallel, 'replayGzipInto').mockImplementation(async (...args) => {
    const replayed = await real(...args);
    expect(replayed).toBe(false);
    meanwhile();
    return replayed;
  });
}

afterEach(() => jest.restoreAllMocks());

test('replaced meanwhile by a newer copy: the report is the one of the file the replay began with', async () => {
  writeCutShort();
  const one = await simulate([file], { policy: metadata, jobs: 1 });
  expect(one.malformed.lines[0].reason).toContain('gzip data ends unexpectedly');
  const spy = onGoingBack(() => fs.renameSync(other, file));
  const two = await simulate([file], { policy: metadata, jobs: 2 });
  expect(spy).toHaveBeenCalledTimes(1);
  expect(strip(two)).toEqual(strip(one));
});

test('removed meanwhile: the report is the one of the file the replay began with, not an error', async () => {
  writeCutShort();
  const one = await simulate([file], { policy: metadata, jobs: 1 });
  onGoingBack(() => fs.unlinkSync(file));
  const two = await simulate([file], { policy: metadata, jobs: 2 });
  expect(strip(two)).toEqual(strip(one));
});

test('an input opened through a descriptor is read from its start each time, as it was when opened', async () => {
  writeCutShort();
  const handle = await fs.promises.open(file, 'r');
  try {
    fs.renameSync(other, file);
    for (let k = 0; k < 2; k++) {
      const opened = await openInput(file, handle.fd);
      let read = '';
      await expect(
        (async () => {
          for await (const piece of opened.stream as AsyncIterable<Buffer>) read += piece.toString();
        })(),
      ).rejects.toThrow('unexpected end of file');
      expect(read.length).toBeGreaterThan(text.length / 2);
      expect(text.startsWith(read)).toBe(true);
    }
  } finally {
    await handle.close();
  }
});

test('progress does not go back when the replay on threads gives up after showing counts', async () => {
  // Larger than the 1 MiB pieces text is inflated in: one thread shows progress before its end.
  const big = path.join(tmp, 'big.log');
  generateSyntheticLog(big, 3 * 1024 * 1024, 8);
  file = path.join(tmp, 'big.log.gz');
  fs.writeFileSync(file, zlib.gzipSync(fs.readFileSync(big)));
  const { lines } = await simulate([file], { policy: metadata, jobs: 1 });
  // As a replay on threads does: progress for the chunks replayed, then back to one thread.
  jest
    .spyOn(chunkParallel, 'replayGzipInto')
    .mockImplementation(async (_acc, opened, _jobs, _policies, _options, onProgress) => {
      onProgress({ source: opened.name, bytesRead: 1_000, lines: lines - 1, events: 1, done: false });
      opened.stream.destroy();
      return false;
    });
  const seen: Array<{ bytesRead: number; lines: number; done: boolean }> = [];
  const report = await simulate([file], {
    policy: metadata,
    jobs: 2,
    onProgress: ({ bytesRead, lines, done }) => seen.push({ bytesRead, lines, done }),
  });
  expect(seen[0]).toEqual({ bytesRead: 1_000, lines: lines - 1, done: false });
  for (let k = 1; k < seen.length; k++) {
    expect(seen[k].bytesRead).toBeGreaterThanOrEqual(seen[k - 1].bytesRead);
    expect(seen[k].lines).toBeGreaterThanOrEqual(seen[k - 1].lines);
  }
  expect(seen[seen.length - 1]).toEqual({
    bytesRead: report.sources[0].bytes,
    lines: report.lines,
    done: true,
  });
});
