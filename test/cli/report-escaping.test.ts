import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fixture, runInProcess } from './helpers';

// What an audit log puts on the terminal. kube-apiserver writes each event with Go's encoding/json, which
// keeps control characters as \u001b-style escapes on disk, so after decoding the strings hold the raw
// characters again. An anonymous client chooses its request path (no credentials needed), and Deckhouse's
// tail rule #2 records every unauthenticated request at Metadata (deckhouse-audit.md §3): the path reaches the
// top-resources table. A user name, a malformed line and V8's JSON error (which quotes the line) do the
// same. None of it may drive the terminal (ANSI escapes start with ESC or the C1 CSI, bidirectional controls
// reorder what is shown): every printed report shows them as \uXXXX, like the policy loader's echoes.

// Every character policy/echo.ts calls unsafe, as a sample of each class.
const HOSTILE: ReadonlyArray<readonly [string, string]> = [
  ['ESC (ANSI colour)', '\u001b[31m'],
  ['OSC window title ended by BEL', '\u001b]0;owned\u0007'],
  ['C1 CSI', '\u009b2J'],
  ['NUL', '\u0000'],
  ['DEL', '\u007f'],
  ['right-to-left override', '\u202e'],
  ['line separator', '\u2028'],
  ['zero-width space', '\u200b'],
  ['byte order mark', '\ufeff'],
];

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

const TS = '2026-01-05T08:00:00.000000Z';

function anonymousEvent(id: string, requestURI: string): string {
  return JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: id,
    stage: 'ResponseStarted',
    requestURI,
    verb: 'get',
    user: {},
    sourceIPs: ['203.0.113.7'],
    responseStatus: { metadata: {}, status: 'Failure', reason: 'Unauthorized', code: 401 },
    requestReceivedTimestamp: TS,
    stageTimestamp: TS,
  });
}

function userEvent(id: string, username: string): string {
  return JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: id,
    stage: 'ResponseComplete',
    requestURI: '/api/v1/pods?limit=500',
    verb: 'list',
    user: { username, groups: ['system:authenticated'] },
    objectRef: { resource: 'pods', apiVersion: 'v1' },
    responseStatus: { metadata: {}, code: 200 },
    requestReceivedTimestamp: TS,
    stageTimestamp: '2026-01-05T09:00:00.000000Z',
  });
}

describe('reports escape what the audit log holds', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'report-escaping-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function log(name: string, hostile: string): string {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.log`);
    const lines = [
      anonymousEvent('a', `/x${hostile}y`),
      userEvent('b', `u${hostile}v`),
      // Not JSON: V8's parse error quotes the start of the line.
      `${hostile}{garbage`,
    ];
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  }

  test.each(HOSTILE)('%s: simulate prints no raw control character', async (name, hostile) => {
    const run = await runInProcess(['simulate', '--deckhouse', log(name, hostile)]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(UNSAFE);
    expect(run.stderr).not.toMatch(UNSAFE);
    // The planted keys are still named, escaped.
    const escaped = [...hostile].map((c) =>
      UNSAFE.test(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c,
    );
    expect(run.stdout).toContain(`/x${escaped.join('')}y`);
    expect(run.stdout).toContain(`u${escaped.join('')}v`);
  });

  test.each(HOSTILE)(
    '%s: diff (table and markdown) prints no raw control character',
    async (name, hostile) => {
      const file = log(name, hostile);
      const policies = [
        '--deckhouse',
        '--policy',
        fixture('policy.yaml'),
        '--policy',
        fixture('sensitive-policy.yaml'),
      ];
      for (const format of ['table', 'markdown']) {
        const run = await runInProcess(['diff', ...policies, '--format', format, file]);
        expect(run.stdout).not.toMatch(UNSAFE);
        expect(run.stderr).not.toMatch(UNSAFE);
        expect(run.stdout).toContain('malformed');
      }
    },
  );
});
