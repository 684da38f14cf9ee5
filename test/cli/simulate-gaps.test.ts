import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatBytes, formatHours } from '../../src/cli/format';
import { runInProcess } from './helpers';

// Two hours of audit log nine days apart (audit-2026-03-01….log and audit.log given together, the files
// between left out): the span is nine days, but kube-apiserver wrote events all along. The report keeps the
// span's figures and names the gap and the rate over the hours that hold events, so bytes/day (too low) and
// retention (too long) are not taken as they read.

const METADATA_ALL = 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n';

function event(id: string, ms: number): string {
  const at = new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
  return JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: id,
    stage: 'ResponseComplete',
    requestURI: '/api/v1/namespaces/prod/pods',
    verb: 'list',
    user: { username: 'alice', groups: ['system:authenticated'] },
    objectRef: { resource: 'pods', namespace: 'prod', apiVersion: 'v1' },
    responseStatus: { metadata: {}, code: 200 },
    requestReceivedTimestamp: at,
    stageTimestamp: at,
  });
}

const hour = (name: string, start: number) =>
  Array.from({ length: 600 }, (_, i) => event(`${name}-${i}`, start + i * 6000));
const FIRST = hour('a', Date.UTC(2026, 2, 1, 8));
const LINES = [...FIRST, ...hour('b', Date.UTC(2026, 2, 10, 8))];
// A Metadata rule writes each event as it is: its line and a newline.
const BYTES = LINES.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
// Each hour runs from its first event to its last, 3,594 s.
const COVERED_SECONDS = 2 * 3594;

let tmp: string;
const file = (name: string, text: string) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, text);
  return f;
};
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'simulate-gaps-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('simulate on a log with a long gap', () => {
  test('names the gap, and the rate and retention over the hours that hold events', async () => {
    const policy = file('policy.yaml', METADATA_ALL);
    const log = file('audit.log', LINES.join('\n') + '\n');
    const r = await runInProcess(['simulate', '--policy', policy, '--max-size-mb', '1', log]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Events:    1,200 read, 2026-03-01T08:00:00.000000Z → 2026-03-10T08:59:54.000000Z ' +
        '(9 d, 9 d of it without any event: see the warnings)',
    );
    expect(r.stdout).toContain(
      'the log holds no event for 9 d of its 9 d (one stretch of an hour or more; the longest ' +
        '2026-03-01T08:59:54.000000Z → 2026-03-10T08:00:00.000000Z)',
    );
    const rate = (BYTES / COVERED_SECONDS) * 86400;
    // lumberjack keeps the live file and 10 backups of 1 MiB (kube-apiserver's --audit-log-maxsize is in MiB):
    // 10 full files right after a rotation, 11 just before the next.
    const least = ((10 * 1024 * 1024) / rate) * 24;
    const most = ((11 * 1024 * 1024) / rate) * 24;
    expect(most).toBeLessThan(30 * 24); // limited by size, not by the 30 days
    expect(r.stdout).toContain(
      `over the 2 h that hold events it writes ${formatBytes(rate)}/day, and retention is ` +
        `${formatHours(least)} to ${formatHours(most)};`,
    );
  });

  test('diff says it too, once', async () => {
    const policy = file('policy-diff.yaml', METADATA_ALL);
    const log = file('audit-diff.log', LINES.join('\n') + '\n');
    const r = await runInProcess(['diff', '--policy', policy, '--policy', policy, log]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('the log holds no event for 9 d').length).toBe(2);
  });

  test('--json carries the same warnings as the text report, so a script reading bytesPerDay sees the gap', async () => {
    const policy = file('policy-json.yaml', METADATA_ALL);
    const log = file('audit-json.log', LINES.join('\n') + '\n');
    const text = await runInProcess(['simulate', '--policy', policy, log]);
    const r = await runInProcess(['simulate', '--policy', policy, '--json', log]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { warnings: string[]; span: { gaps?: { count: number } } };
    expect(report.span.gaps?.count).toBe(1);
    expect(report.warnings.some((w) => w.startsWith('the log holds no event for 9 d of its 9 d'))).toBe(true);
    // Each is a line of the text report's "Warnings:" list.
    for (const w of report.warnings) expect(text.stdout).toContain(`  - ${w}`);
    // A one-hour log: its other warnings (a span under a day) are there, and no gap.
    const oneLog = file('one.log', FIRST.join('\n') + '\n');
    const one = JSON.parse(
      (await runInProcess(['simulate', '--policy', policy, '--json', oneLog])).stdout,
    ) as {
      warnings: string[];
    };
    expect(one.warnings.some((w) => w.startsWith('the log spans only 60 min'))).toBe(true);
    expect(one.warnings.some((w) => w.includes('holds no event'))).toBe(false);
  });

  test('one continuous hour has no such warning', async () => {
    const policy = file('policy-one.yaml', METADATA_ALL);
    const log = file('audit-one.log', FIRST.join('\n') + '\n');
    const r = await runInProcess(['simulate', '--policy', policy, log]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('without any event');
    expect(r.stdout).not.toContain('holds no event');
  });
});
