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
  defaultJobs,
  idleCores,
  jobsForIdleCores,
  PARALLEL_MIN_BYTES,
  replayFileInParallel,
} from '../../src/replay/parallel';

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

  test('container-runtime logs, gzip and streams are read on one thread', async () => {
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

  test('default: one thread below 64 MiB, else the idle cores (at most 4)', async () => {
    expect(await defaultJobs(PARALLEL_MIN_BYTES - 1)).toBe(1);
    const big = await defaultJobs(PARALLEL_MIN_BYTES);
    expect(big).toBeGreaterThanOrEqual(1);
    expect(big).toBeLessThanOrEqual(Math.min(4, os.cpus().length));
    const idle = await idleCores(50);
    expect(idle).toBeGreaterThanOrEqual(0);
    expect(idle).toBeLessThanOrEqual(os.cpus().length);
    // A busy machine gets one thread; the rounding counts most of a core as a core; never more than 4.
    const cores = os.availableParallelism();
    expect(jobsForIdleCores(0)).toBe(1);
    expect(jobsForIdleCores(0.4)).toBe(1);
    expect(jobsForIdleCores(1.6)).toBe(Math.min(2, cores));
    expect(jobsForIdleCores(64)).toBe(Math.min(4, cores));
  });
});
