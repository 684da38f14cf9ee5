import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateSyntheticLog } from '../../bench/synthetic-log';
import { CHUNK_BYTES } from '../../src/replay/chunk-parallel';
import { ensureBuiltLib } from './built-lib';
import { runBin } from './helpers';

// The packaged bin replays a large gzip log on worker threads that run lib/cli/replay-worker.js: the report is
// the one-thread report, and nothing but the report is written.

let dir: string;
beforeAll(() => {
  ensureBuiltLib();
  dir = mkdtempSync(path.join(tmpdir(), 'gzip-threads-'));
  process.env.XDG_CACHE_HOME = dir;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('simulate --jobs 2 of a .gz larger than two chunks: one thread’s report, stderr empty', () => {
  const log = path.join(dir, 'audit.log');
  generateSyntheticLog(log, CHUNK_BYTES * 2.5, 17);
  const gz = path.join(dir, 'audit.log.gz');
  writeFileSync(gz, gzipSync(readFileSync(log)));
  const run = (jobs: string) => runBin(['simulate', '--deckhouse', '--json', '--jobs', jobs, gz]);
  const one = run('1');
  const two = run('2');
  expect({ code: two.code, stderr: two.stderr }).toEqual({ code: 0, stderr: '' });
  expect(one.code).toBe(0);
  type Report = { sources: Array<{ threads: number }> };
  const a = JSON.parse(one.stdout) as Report;
  const b = JSON.parse(two.stdout) as Report;
  expect(a.sources[0].threads).toBe(1);
  expect(b.sources[0].threads).toBe(2);
  b.sources[0].threads = 1;
  expect(b).toEqual(a);
}, 120_000);
