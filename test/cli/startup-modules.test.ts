import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureBuiltLib } from './built-lib';
import { REPO, fixture } from './helpers';

// Issue 11 asks `explain` and `validate` of one input to start within 1.5x of a bare `node -e 0`. Each of
// Node's own modules a run loads costs start-up: `node:zlib` alone brings the stream modules with it (about
// 2.5 ms, 3% of `node -e 0` on the CI machine), `node:crypto` about 5%. These tests run the built bin and list
// the built-in modules it loads beyond what Node loads for any script (process.moduleLoadList, read at exit).

let work: string;
let recorder: string;

beforeAll(() => {
  ensureBuiltLib();
  work = mkdtempSync(path.join(tmpdir(), 'startup-modules-'));
  recorder = path.join(work, 'record.js');
  writeFileSync(
    recorder,
    [
      "'use strict';",
      'const before = new Set(process.moduleLoadList);',
      "process.on('exit', () => {",
      '  const loaded = process.moduleLoadList.filter((m) => !before.has(m)).map((m) => m.replace(/^\\S+ /, ""));',
      "  require('fs').writeFileSync(process.env.RECORD_TO, JSON.stringify(loaded));",
      '});',
      '',
    ].join('\n'),
  );
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the bin on `argv`: its exit code, stderr, and the built-in modules it loaded that a bare script does not. */
function runRecorded(argv: string[]): { code: number | null; stderr: string; loaded: string[] } {
  const out = path.join(work, 'loaded.json');
  rmSync(out, { force: true });
  const run = spawnSync(
    process.execPath,
    ['-r', recorder, path.join(REPO, 'bin/deckhouse-audit.js'), ...argv],
    {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, RECORD_TO: out },
    },
  );
  return { code: run.status, stderr: run.stderr, loaded: JSON.parse(readFileSync(out, 'utf8')) as string[] };
}

// Modules only simulate and diff need (reading, inflating and replaying logs on threads), or nothing here does.
const NOT_AT_START = [
  'zlib',
  'stream',
  'crypto',
  'tty',
  'net',
  'worker_threads',
  'child_process',
  'readline',
];

describe('start-up of validate, explain and lint', () => {
  test.each([
    ['validate', 'a policy', ['validate', fixture('policy.yaml')]],
    ['validate', 'a Secret', ['validate', fixture('secret.yaml')]],
    ['explain', '--deckhouse --url', ['explain', '--deckhouse', '--url', 'GET /api/v1/namespaces/prod/pods']],
    [
      'explain',
      '--policy --kubectl',
      ['explain', '--policy', fixture('policy.yaml'), '--kubectl', 'get secrets -n prod'],
    ],
    ['lint', 'a policy', ['lint', fixture('policy.yaml')]],
  ])('%s of %s loads none of the modules only logs need', (_command, _input, argv) => {
    const { code, loaded } = runRecorded(argv as string[]);
    expect([0, 1]).toContain(code);
    // The recorder sees the run: the CLI itself parses its arguments with node:util's parseArgs.
    expect(loaded).toContain('internal/util/parse_args/parse_args');
    for (const name of NOT_AT_START) expect(loaded).not.toContain(name);
  });

  test('a gzip file given as the policy still loads zlib, to say what it holds', () => {
    const gz = path.join(work, 'policy.yaml.gz');
    writeFileSync(gz, gzipSync('apiVersion: audit.k8s.io/v1\nkind: Policy\n'));
    const run = runRecorded(['validate', gz]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('gzip-compressed');
    expect(run.loaded).toContain('zlib');
  });
});
