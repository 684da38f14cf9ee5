import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fixture, runInProcess } from './helpers';

// `deckhouse-audit simulate … /var/log/kube-audit/*` or a list typed by hand takes in a file that is no audit
// log. Alone, such a LOG fails the replay (exit 1, "no audit event could be read"); among good LOGs it must
// not count as nothing with only a warning under a report that reads as covering it: the replay fails naming
// it, unless --allow-malformed-logs asks for the others' report.

const POLICY = fixture('policy.yaml');
const LOG = fixture('audit.log');

// kube-apiserver's legacy text format (pkg/audit/format.go EventString: `%s AUDIT: id=%q stage=%q ip=%q
// method=%q user=%q groups=%q as=%q asgroups=%q user-agent=%q namespace=%q uri=%q response="%s"`), as
// --audit-log-format=legacy writes it.
const LEGACY =
  '2026-12-01T10:00:00.98765Z AUDIT: id="8f3c1e2a-5e1b-4c7a-9d2e-0a3b4c5d6e7f" stage="ResponseComplete" ' +
  'ip="10.12.0.5" method="create" user="alice@example.com" groups="\\"developers\\",\\"system:authenticated\\"" ' +
  'as="<self>" asgroups="<lookup>" user-agent="kubectl/v1.30.4 (linux/amd64) kubernetes/2b1e9c3" ' +
  'namespace="prod" uri="/api/v1/namespaces/prod/configmaps?fieldManager=kubectl-create" response="201"\n';
// `kubectl get events -A` (a different "audit" a user may save): a table, no JSON.
const EVENTS_TABLE =
  'NAMESPACE   LAST SEEN   TYPE     REASON    OBJECT        MESSAGE\n' +
  'prod        2m          Normal   Pulled    pod/web-0     Container image "nginx:1.27" already present on machine\n';

let dir: string;
let notes: string;
let legacy: string;
let empty: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'malformed-among-'));
  notes = path.join(dir, 'events.txt');
  legacy = path.join(dir, 'audit-legacy.log');
  empty = path.join(dir, 'audit.log');
  writeFileSync(notes, EVENTS_TABLE);
  writeFileSync(legacy, LEGACY);
  writeFileSync(empty, '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a LOG of malformed lines only, among good LOGs', () => {
  test('simulate fails as for a lone such LOG: exit 1, the file, its lines and the fix; no report', async () => {
    const run = await runInProcess(['simulate', '--policy', POLICY, LOG, notes]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^deckhouse-audit simulate: LOG ${notes} \\(2 malformed lines\\) held no audit event, while the other ` +
          'LOGs held \\d+ events: it is not an audit log, and the report would not cover it$',
      ),
    );
    expect(lines[1]).toContain('leave it out, or add --allow-malformed-logs');
    expect(lines.filter((l) => l.startsWith(`${notes}:1: not JSON`))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith(`${notes}:2: not JSON`))).toHaveLength(1);
  });

  test('--allow-malformed-logs replays the others: the report of the good LOG, with a warning on the bad one', async () => {
    const [alone, both] = await Promise.all([
      runInProcess(['simulate', '--policy', POLICY, '--json', LOG]),
      runInProcess(['simulate', '--policy', POLICY, '--json', '--allow-malformed-logs', LOG, notes]),
    ]);
    expect(both.code).toBe(0);
    const a = JSON.parse(alone.stdout) as {
      events: number;
      written: { bytes: number };
      malformed: { count: number };
    };
    const b = JSON.parse(both.stdout) as {
      events: number;
      written: { bytes: number };
      malformed: { count: number };
      sources: Array<{ source: string; warnings: string[] }>;
    };
    expect(b.events).toBe(a.events);
    expect(b.written.bytes).toBe(a.written.bytes);
    expect(b.malformed.count).toBe(a.malformed.count + 2);
    expect(b.sources[1].warnings).toEqual([
      'no audit event read from this input: its 2 lines are not audit events (2 malformed)',
    ]);
  });

  test('a legacy-format log among JSON ones: named with what it is; --json gives the error object', async () => {
    const run = await runInProcess(['simulate', '--policy', POLICY, '--json', LOG, legacy]);
    expect(run.code).toBe(1);
    const { error } = JSON.parse(run.stdout) as {
      error: { kind: string; message: string; problems: Array<{ label: string; message: string }> };
    };
    expect(error.kind).toBe('input');
    expect(error.message).toContain(`LOG ${legacy} (1 malformed line) held no audit event`);
    expect(error.problems[0]).toEqual({
      label: legacy,
      message: expect.stringContaining("warning: 1 line is in kube-apiserver's legacy audit text format"),
    });
  });

  test('diff fails the same way, naming both bad LOGs', async () => {
    const run = await runInProcess(['diff', '--policy', POLICY, '--deckhouse', LOG, notes, legacy]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toMatch(
      new RegExp(
        `LOGs ${notes} \\(2 malformed lines\\), ${legacy} \\(1 malformed line\\) held no audit event`,
      ),
    );
  });

  test('an empty LOG among good ones is not malformed: a warning, as before', async () => {
    const run = await runInProcess(['simulate', '--policy', POLICY, '--json', LOG, empty]);
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout) as { sources: Array<{ warnings: string[] }> };
    expect(r.sources[1].warnings).toEqual(['no audit event read from this input: it is empty']);
  });
});
