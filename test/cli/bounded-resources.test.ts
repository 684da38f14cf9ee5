import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { billionLaughs, aliasesOfOneAnchor } from '../support/hostile-policies';
import { largePolicy, rulesForBytes } from '../support/large-policies';
import { countYamlEntries, MAX_YAML_ENTRIES } from '../../src/policy/yaml-entries';
import { ensureBuiltLib } from './built-lib';
import { REPO } from './helpers';

// Issue 13: hostile input of each kind ends with a clean answer in bounded time and memory. The real bin runs
// in a child process with its V8 heap capped (an input that needed more would crash it with "heap out of
// memory") and a generous time limit (a hang fails the test; how fast is measured by the benches, not here).
const HEAP_MB = 256;
const TIME_LIMIT_MS = 120_000;

let dir: string;
beforeAll(() => {
  ensureBuiltLib();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bounded-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function runCapped(argv: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, path.join(REPO, 'bin/deckhouse-audit.js'), ...argv],
    { encoding: 'utf8', timeout: TIME_LIMIT_MS, maxBuffer: 64 * 1024 * 1024, env: process.env },
  );
  if (run.error) throw run.error; // a timeout lands here
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectCleanAnswer(run: { code: number | null; stdout: string; stderr: string }): void {
  expect([0, 1]).toContain(run.code);
  const all = run.stdout + run.stderr;
  expect(all).not.toMatch(/heap out of memory|Maximum call stack|internal error/i);
  expect(all).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
}

describe(`hostile input within ${HEAP_MB} MB of heap`, () => {
  test('policy text: an alias bomb and 20,000 aliases of one anchor', () => {
    const bomb = runCapped(['validate', write('bomb.yaml', billionLaughs(12))]);
    expectCleanAnswer(bomb);
    expect(bomb.code).toBe(1);
    expectCleanAnswer(runCapped(['validate', write('aliases.yaml', aliasesOfOneAnchor(20_000))]));
  });

  test('policy text: 100,000 nested brackets', () => {
    const run = runCapped(['validate', write('deep.yaml', `rules: ${'['.repeat(100_000)}`)]);
    expectCleanAnswer(run);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/:1:\d+/);
  });

  test('lint: a policy just under the entry limit lints; a 1 MiB one (the largest a Secret holds) is refused', () => {
    const shape = 'random small vocabulary';
    const under = JSON.stringify(largePolicy(shape, 5500));
    expect(countYamlEntries(under, MAX_YAML_ENTRIES).at).toBe(-1);
    // The shape uses group "*", valid from Kubernetes 1.36.
    const run = runCapped(['lint', '--json', '--kubernetes-version', '1.36', write('under.json', under)]);
    expect(run.code).toBe(1); // shadowed rules are error findings
    expect(JSON.parse(run.stdout).error).toBeUndefined();
    const text = JSON.stringify(largePolicy(shape, rulesForBytes(shape, 1000 * 1024)));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024 * 1024);
    const large = runCapped(['lint', '--json', '--kubernetes-version', '1.36', write('large.json', text)]);
    expectCleanAnswer(large);
    expect(JSON.parse(large.stdout).error.problems[0].message).toMatch(
      /^the YAML holds more than 50000 list items and mapping entries/,
    );
  });

  test('replay: 20,000-character paths and 10 KB user names planted by anonymous clients', () => {
    const lines: string[] = [];
    for (let i = 0; i < 1500; i++) {
      lines.push(
        JSON.stringify({
          kind: 'Event',
          apiVersion: 'audit.k8s.io/v1',
          level: 'Metadata',
          auditID: `a${i}`,
          stage: 'ResponseComplete',
          requestURI: `/${String(i).padStart(20_000, 'x')}`,
          verb: 'get',
          user: { username: `${String(i).padStart(10_000, 'u')}`, groups: ['system:unauthenticated'] },
          requestReceivedTimestamp: '2026-01-05T10:00:00.000000Z',
          stageTimestamp: '2026-01-05T10:00:00.000000Z',
        }),
      );
    }
    const log = write('planted.log', lines.join('\n') + '\n');
    const policy = write(
      'policy.yaml',
      'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n',
    );
    const run = runCapped(['simulate', '--json', '--policy', policy, log]);
    expectCleanAnswer(run);
    expect(JSON.parse(run.stdout).events).toBe(1500);
  });
});
