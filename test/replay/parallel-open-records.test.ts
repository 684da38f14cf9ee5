import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { generateSyntheticLog } from '../../bench/synthetic-log';
import type { Policy } from '../../src/policy/types';
import { simulate, type SimulationReport } from '../../src/replay';
import { replayGzipInParallel } from '../../src/replay/chunk-parallel';
import { openInput } from '../../src/replay/input';

// A log is cut for threads after a line that ends in `}` and before one that starts with `{"`. A record may
// be spread over lines all the same: a container runtime's P(artial) fragment that ends in `}`, Docker's
// json-file pieces of a long line (each piece a record that ends in `}`), Fluent Bit's records whose texts are
// known to be whole lines once one was. One thread joins them; a part replayed on its own cannot, so such a
// cut sends the input back to one thread, from the start, and the report is one thread's.

jest.setTimeout(120_000);

let tmp: string;
let events: string[];
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'open-records-'));
  const log = path.join(tmp, 'source.log');
  generateSyntheticLog(log, 200 * 1024, 11);
  events = fs.readFileSync(log, 'utf8').trim().split('\n');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const metadata: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };

function strip(r: SimulationReport) {
  return { ...r, sources: r.sources.map((s) => ({ ...s, threads: 0 })) };
}

const STAMP = '2026-01-05T10:00:00.000000000Z';

/** Audit lines, each followed by a CRI P fragment that ends in `}` and is never completed. */
function criFragments(): string {
  return events.map((e, i) => `${e}\n${STAMP} stdout P {"piece":${i}}\n`).join('');
}

/** An audit line, then each event as Docker json-file writes a long line: two records, the first cut. */
function dockerPieces(): string {
  const records = events.slice(1).flatMap((e) => {
    const half = Math.floor(e.length / 2);
    return [
      JSON.stringify({ log: e.slice(0, half), stream: 'stdout', time: STAMP }),
      JSON.stringify({ log: `${e.slice(half)}\n`, stream: 'stdout', time: STAMP }),
    ];
  });
  return `${events[0]}\n${records.join('\n')}\n`;
}

/** Fluent Bit's file output: whole lines without a newline in `log`; every other one cut short (not JSON). */
function fluentBit(cutShort = true): string {
  const records = events.map((e, i) =>
    JSON.stringify({ date: 1767607200 + i, log: cutShort && i % 2 === 1 ? e.slice(0, 300) : e }),
  );
  return `${records.join('\n')}\n`;
}

const inputs: Array<[string, () => string]> = [
  ['CRI fragments after audit lines', criFragments],
  ['Docker json-file pieces after an audit line', dockerPieces],
  ['Fluent Bit records, some cut short', fluentBit],
];

describe.each(inputs)('%s', (name, text) => {
  test('.gz in 8 KiB chunks: back to one thread, the report one thread’s', async () => {
    const file = path.join(tmp, `${name.replace(/\W+/g, '-')}.gz`);
    fs.writeFileSync(file, zlib.gzipSync(text()));
    const one = await simulate([file], { policy: metadata, jobs: 1, malformedSamples: 100 });
    const two = await simulate([file], { policy: metadata, jobs: 2, malformedSamples: 100 });
    expect(strip(two)).toEqual(strip(one));
    expect(two.sources[0].threads).toBe(1);
    const opened = await openInput(file);
    expect(await replayGzipInParallel(opened, 2, [metadata], {}, undefined, 8 * 1024)).toBeUndefined();
    // The file is closed again: the stream was destroyed.
    expect(opened.stream.destroyed).toBe(true);
  });

  test('plain file on 3 threads: the report one thread’s', async () => {
    const file = path.join(tmp, `${name.replace(/\W+/g, '-')}.log`);
    fs.writeFileSync(file, text());
    const one = await simulate([file], { policy: metadata, jobs: 1, malformedSamples: 100 });
    const three = await simulate([file], { policy: metadata, jobs: 3, malformedSamples: 100 });
    expect(strip(three)).toEqual(strip(one));
    expect(three.sources[0].threads).toBe(1);
  });
});

test.each([
  ['audit lines', () => `${events.join('\n')}\n`],
  ['Fluent Bit records, all whole', () => fluentBit(false)],
])('%s alone are still cut: nothing goes back that one thread reads the same', async (name, text) => {
  const file = path.join(tmp, `whole-${name.replace(/\W+/g, '-')}.gz`);
  fs.writeFileSync(file, zlib.gzipSync(text()));
  const one = await simulate([file], { policy: metadata, jobs: 1 });
  const opened = await openInput(file);
  const done = await replayGzipInParallel(opened, 2, [metadata], {}, undefined, 8 * 1024);
  expect(done?.threads).toBe(2);
  expect(done?.state.events).toBe(one.events);
  expect(one.events).toBe(events.length);
});
