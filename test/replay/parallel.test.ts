import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateSyntheticLog } from '../../bench/synthetic-log';
import * as zlib from 'zlib';
import type { Policy } from '../../src/policy/types';
import { simulate } from '../../src/replay';
import { createPartialAccumulator } from '../../src/replay/accumulator';
import {
  headStartTargets,
  freeCores,
  jobsForFreeCores,
  replayFileInParallel,
  WORKER_LAG_MS,
} from '../../src/replay/parallel';
import { RangeReader } from '../../src/replay/range-replay';

const REPO = path.resolve(__dirname, '../..');

// Worker threads load the replay from source through tsx (jest's transform does not reach them), so the
// parallel runs happen in a child process; the report must equal the one-thread report exactly.
function runChild(script: string, args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('worker threads (--jobs)', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parallel-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('1, 2 and 3 threads give the same report, line numbers and malformed samples included', () => {
    const log = path.join(tmp, 'audit.log');
    generateSyntheticLog(log, 1024 * 1024, 11);
    // Malformed lines in every part of the file, so line numbers must be carried across the parts.
    const lines = fs.readFileSync(log, 'utf8').split('\n');
    for (const at of [5, Math.floor(lines.length / 2), lines.length - 3]) lines.splice(at, 0, 'not json');
    fs.writeFileSync(log, '\ufeff' + lines.join('\n'));
    const script = `
      const { simulate } = require('./src/replay');
      const { deckhouseEffectivePolicy } = require('./src/deckhouse/effective');
      (async () => {
        const out = [];
        for (const jobs of [1, 2, 3]) {
          const r = await simulate([process.argv[1]], { policy: deckhouseEffectivePolicy(), jobs, malformedSamples: 50 });
          out.push(r);
        }
        process.stdout.write(JSON.stringify(out));
      })();`;
    const [one, two, three] = JSON.parse(runChild(script, [log]));
    expect(one.sources[0].threads).toBe(1);
    expect(two.sources[0].threads).toBe(2);
    expect(three.sources[0].threads).toBe(3);
    const strip = (r: { sources: Array<Record<string, unknown>> }) => ({
      ...r,
      sources: r.sources.map((s) => ({ ...s, threads: 0 })),
    });
    expect(strip(two)).toEqual(strip(one));
    expect(strip(three)).toEqual(strip(one));
    const junk = lines.flatMap((l, i) => (l === 'not json' ? [i + 1] : []));
    expect(junk).toHaveLength(3);
    expect(one.malformed.lines.map((m: { line: number }) => m.line)).toEqual(junk);
  }, 120_000);

  test('a block of zero bytes in a later range: its warning names the line one thread names', async () => {
    const log = path.join(tmp, 'zero-block.log');
    generateSyntheticLog(log, 300 * 1024, 6);
    const lines = fs.readFileSync(log, 'utf8').split('\n');
    // A node crash leaves a run of NUL bytes before the next line kube-apiserver writes, in every range.
    const at = [3, Math.floor(lines.length / 3), Math.floor((lines.length * 2) / 3), lines.length - 4];
    for (const i of at) lines[i] = '\u0000'.repeat(512) + lines[i];
    fs.writeFileSync(log, lines.join('\n'));
    const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
    const one = await simulate([log], { policy, jobs: 1 });
    const three = await simulate([log], { policy, jobs: 3 });
    expect(three.sources[0].threads).toBe(3);
    const named = (r: typeof one) =>
      r.sources[0].warnings.flatMap((w) => /zero bytes \(NUL\) at line (\d+)/.exec(w)?.[1] ?? []).map(Number);
    // Line numbers count from 1: the blocks sit on the lines edited above.
    expect(named(one)).toEqual(at.map((i) => i + 1));
    expect(three.sources[0].warnings).toEqual(one.sources[0].warnings);
  });

  test('events pretty-printed among the JSON lines, where the file is cut: each read whole, as on one thread', async () => {
    const log = path.join(tmp, 'pretty-inside.log');
    generateSyntheticLog(log, 400 * 1024, 8);
    const lines = fs.readFileSync(log, 'utf8').split('\n');
    const event = JSON.parse(lines[10]);
    // `jq .` of an event appended to the log between others, large enough to hold the middle of the file;
    // Go's MarshalIndent with no indent, and CRLF line ends, in the other thirds.
    const data = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, `v${i}`]));
    const doc = (id: string, indent: string) =>
      JSON.stringify({ ...event, auditID: id, requestObject: { kind: 'ConfigMap', data } }, null, indent || 1)
        .split('\n')
        .map((l) => (indent === '' ? l.trimStart() : l))
        .join(indent === '' ? '\r\n' : '\n');
    const docBytes = Buffer.byteLength(doc('x', '  '));
    const size = fs.statSync(log).size + 3 * docBytes;
    // Put each document where an even cut for 2 or 3 threads falls.
    let at = 0;
    const targets = [size / 3, size / 2, (size * 2) / 3].map((t) => t - docBytes / 2);
    const out: string[] = [];
    for (const [i, l] of lines.entries()) {
      at += Buffer.byteLength(l) + 1;
      if (i > 0 && i < lines.length - 1 && targets.length > 0 && at >= targets[0]) {
        out.push(doc(`pretty-${targets.length}`, targets.length === 2 ? '  ' : ''));
        targets.shift();
      }
      out.push(l);
    }
    fs.writeFileSync(log, out.join('\n'));
    const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
    const one = await simulate([log], { policy, jobs: 1 });
    expect(one.malformed.count).toBe(0);
    expect(one.events).toBe(lines.filter((l) => l !== '').length + 3);
    for (const jobs of [2, 3]) {
      const many = await simulate([log], { policy, jobs });
      expect(many.sources[0].threads).toBeGreaterThan(1);
      expect({ ...many, sources: [] }).toEqual({ ...one, sources: [] });
    }
  });

  test('a file that shrinks while its ranges are read: the report says the replay is short', async () => {
    const log = path.join(tmp, 'shrunk.log');
    generateSyntheticLog(log, 300 * 1024, 5);
    const size = fs.statSync(log).size;
    const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
    const acc = createPartialAccumulator([policy]);
    // The plan saw 64 KiB more than the file holds now, as if it had been truncated after the replay started.
    const planned = size + 65_536;
    expect(await replayFileInParallel(log, 'shrunk.log', planned, 2, acc, [policy], {})).toBe(2);
    expect(acc.reports()[0].sources.find((s) => s.source === 'shrunk.log')?.warnings).toEqual([
      `the file shrank while it was read: ${planned} bytes when the replay started, ${size} read; the report covers only what was read`,
    ]);
  });

  test('on one thread too: a file truncated while it is read gets the same warning', async () => {
    const log = path.join(tmp, 'shrunk-one.log');
    generateSyntheticLog(log, 2 * 1024 * 1024, 9);
    const size = fs.statSync(log).size;
    const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
    let cut = false;
    // copytruncate-style rotation as the first piece is read: the rest of the file is gone.
    const onProgress = () => {
      if (!cut) fs.truncateSync(log, 256 * 1024);
      cut = true;
    };
    const r = await simulate([log], { policy, jobs: 1, onProgress });
    const read = r.sources[0].bytes;
    expect(read).toBeLessThan(size);
    expect(r.sources[0].warnings).toContain(
      `the file shrank while it was read: ${size} bytes when the replay started, ${read} read; the report covers only what was read`,
    );
  });

  test('a file removed (rotated away) before its threads open it: the input named, not a bare ENOENT', async () => {
    const log = path.join(tmp, 'rotated-away.log');
    const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
    const acc = createPartialAccumulator([policy]);
    // The size the plan saw before the file was removed.
    await expect(replayFileInParallel(log, 'audit.log', 400_000, 2, acc, [policy], {})).rejects.toThrow(
      /^audit\.log: no such file any more: it was removed or renamed \(rotated\) while it was read; replay a copy/,
    );
  });

  test('in this process too (workers load the TypeScript source through tsx), with progress', async () => {
    const log = path.join(tmp, 'small.log');
    generateSyntheticLog(log, 300 * 1024, 3);
    const policy: Policy = {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      omitStages: ['RequestReceived'],
      rules: [{ level: 'Request', resources: [{ group: '', resources: ['pods'] }] }, { level: 'Metadata' }],
    };
    const one = await simulate([log], { policy, jobs: 1 });
    const seen: boolean[] = [];
    const two = await simulate([log], { policy, jobs: 2, onProgress: (p) => seen.push(p.done) });
    expect(two.sources[0].threads).toBe(2);
    expect(seen[seen.length - 1]).toBe(true);
    expect({ ...two, sources: [] }).toEqual({ ...one, sources: [] });
  });

  test('audit.k8s.io/v1beta1 events: workers count them and their extra bytes as one thread does', async () => {
    const log = path.join(tmp, 'v1beta1.log');
    generateSyntheticLog(log, 300 * 1024, 4);
    const beta = fs
      .readFileSync(log, 'utf8')
      .replace(
        /"apiVersion":"audit\.k8s\.io\/v1","level":"(\w+)",/g,
        '"apiVersion":"audit.k8s.io/v1beta1","metadata":{"creationTimestamp":null},"level":"$1","timestamp":"2026-01-05T10:00:00Z",',
      );
    fs.writeFileSync(log, beta);
    const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
    const one = await simulate([log], { policy, jobs: 1 });
    const two = await simulate([log], { policy, jobs: 2 });
    expect(two.sources[0].threads).toBe(2);
    expect(one.malformed.count).toBe(0);
    expect(one.events).toBeGreaterThan(100);
    const note = `${one.events} events are audit.k8s.io/v1beta1`;
    expect(one.sources[0].warnings).toEqual([expect.stringContaining(note)]);
    expect(one.sources[0].warnings[0]).toContain('about 78 bytes an event');
    expect(two.sources[0].warnings).toEqual(one.sources[0].warnings);
  });

  test('container-runtime logs and streams are read on one thread; a gzip log that fills one chunk too', async () => {
    const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
    const cri = path.join(tmp, 'cri.log');
    fs.writeFileSync(
      cri,
      '2026-01-05T10:00:00.1Z stdout F {"kind":"Event","verb":"get","stage":"ResponseComplete"}\n',
    );
    const gz = path.join(tmp, 'a.log.gz');
    fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(path.join(REPO, 'test/fixtures/replay/basic.log'))));
    for (const f of [cri, gz]) expect((await simulate([f], { policy, jobs: 4 })).sources[0].threads).toBe(1);
  });

  test('default: this thread starts alone and shares the rest with the free cores (at most 4 threads)', async () => {
    const idle = await freeCores(50);
    expect(idle).toBeGreaterThanOrEqual(0);
    expect(idle).toBeLessThanOrEqual(os.cpus().length);
    // A busy machine gets one thread; the rounding counts most of a core as a core; never more than 4.
    const cores = os.availableParallelism();
    expect(jobsForFreeCores(0)).toBe(1);
    expect(jobsForFreeCores(0.4)).toBe(1);
    expect(jobsForFreeCores(1.6)).toBe(Math.min(2, cores));
    expect(jobsForFreeCores(64)).toBe(Math.min(4, cores));
    // 'auto' on a file this thread reads through before the cores are sampled: one thread, the same counts.
    const log = path.join(tmp, 'auto.log');
    generateSyntheticLog(log, 300 * 1024, 8);
    const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
    const acc = createPartialAccumulator([policy]);
    const size = fs.statSync(log).size;
    const threads = await replayFileInParallel(log, 'auto.log', size, 'auto', acc, [policy], {});
    expect(threads).toBeGreaterThanOrEqual(1);
    acc.setSourceInfo('auto.log', { gzip: false, bytes: size, threads: 0 });
    const one = await simulate([log], { policy, jobs: 1 });
    expect({ ...acc.reports()[0], sources: [] }).toEqual({ ...one, sources: [] });
    expect(acc.reports()[0].lines).toBeGreaterThan(100);
  });

  test('default with free cores: the workers started meanwhile take the rest, the report is one thread’s', async () => {
    const log = path.join(tmp, 'auto-cores.log');
    generateSyntheticLog(log, 8 * 1024 * 1024, 9);
    const policy: Policy = {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      omitStages: ['RequestReceived'],
      rules: [{ level: 'Request', resources: [{ group: '', resources: ['pods'] }] }, { level: 'Metadata' }],
    };
    const size = fs.statSync(log).size;
    const acc = createPartialAccumulator([policy]);
    // Every core free, said at once: this thread has read little of the file when the cuts are made.
    const threads = await replayFileInParallel(
      log,
      'auto.log',
      size,
      'auto',
      acc,
      [policy],
      {},
      undefined,
      () => Promise.resolve(64),
    );
    expect(threads).toBe(Math.min(4, os.availableParallelism()));
    acc.setSourceInfo('auto.log', { gzip: false, bytes: size, threads });
    const one = await simulate([log], { policy, jobs: 1 });
    expect({ ...acc.reports()[0], sources: [] }).toEqual({ ...one, sources: [] });
    // No core free besides this thread's: one thread, and the workers started meanwhile are stopped.
    const alone = createPartialAccumulator([policy]);
    expect(
      await replayFileInParallel(log, 'auto.log', size, 'auto', alone, [policy], {}, undefined, () =>
        Promise.resolve(1),
      ),
    ).toBe(1);
    alone.setSourceInfo('auto.log', { gzip: false, bytes: size, threads: 1 });
    expect({ ...alone.reports()[0], sources: [] }).toEqual({ ...one, sources: [] });
  }, 60_000);

  test('the rest of a file is cut so that this thread, ahead by a worker start, finishes with the workers', () => {
    // At 1 byte/ms this thread reads WORKER_LAG_MS bytes while a worker starts: it takes that much more.
    const lead = WORKER_LAG_MS;
    const size = 100_000;
    const at = 10_000;
    for (const jobs of [2, 3, 4]) {
      const cuts = [at, ...headStartTargets(size, at, 1, jobs), size];
      expect(cuts).toHaveLength(jobs + 1);
      const own = cuts[1] - cuts[0];
      for (let k = 1; k < jobs; k++)
        expect(Math.abs(own - lead - (cuts[k + 1] - cuts[k]))).toBeLessThanOrEqual(1);
    }
    // Nothing read yet at no known speed: an even split.
    expect(headStartTargets(900, 0, 0, 3)).toEqual([300, 600]);
    // So little left that a worker would finish later than this thread alone: no cut.
    expect(headStartTargets(size, size - 10, 1, 2)).toEqual([]);
  });

  test('a range reader whose end is lowered while it reads stops there', async () => {
    const file = path.join(tmp, 'bytes.bin');
    const data = Buffer.alloc(5 * 1024 * 1024, 7);
    fs.writeFileSync(file, data);
    const reader = new RangeReader(file, 1000, data.length);
    let got = 0;
    for await (const piece of reader) {
      got += piece.length;
      if (reader.position > 1_500_000 && reader.end === data.length) reader.end = 2_500_017;
    }
    expect(got).toBe(2_500_017 - 1000);
    expect(reader.bytesRead).toBe(got);
    // Lowered while a read is under way: the piece being read is cut at the new end.
    const racing = new RangeReader(file, 0, data.length);
    let raced = 0;
    const pieces = racing[Symbol.asyncIterator]();
    const first = await pieces.next();
    const piece = (first.value as Buffer).length;
    raced += piece;
    const pending = pieces.next();
    racing.end = raced + 10;
    raced += ((await pending).value as Buffer).length;
    expect((await pieces.next()).done).toBe(true);
    expect(raced).toBe(piece + 10);
    expect(piece).toBeLessThan(data.length);
    // A file shorter than the range: the reader stops at its end, and bytesRead says how far it got.
    const long = new RangeReader(file, 0, data.length + 5000);
    let all = 0;
    for await (const piece of long) all += piece.length;
    expect(all).toBe(data.length);
  });
});
