import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fixture, runInProcess } from './helpers';

// --max-size-mb, --max-backups and --max-age-days model kube-apiserver's --audit-log-maxsize/maxbackup/maxage
// (auditLog.output File, docs/deckhouse-audit.md §4). A LOG in the container runtime's format (the kubelet's
// /var/log/pods/…/kube-apiserver/N.log: `<RFC 3339 time> <stdout|stderr> <P|F> <text>`, CRI logging spec) is
// auditLog.output Stdout, whose history the kubelet's containerLogMaxSize × containerLogMaxFiles keep (§8): the
// replay estimates that, so the file flags were echoed in the report's rotation but changed nothing.

const POLICY = fixture('policy.yaml');
const LOG = fixture('audit.log');
const criLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l, i) => `2026-12-01T10:00:${String(i).padStart(2, '0')}.123456789Z stdout F ${l}`)
    .join('\n') + '\n';
const KLOG =
  '2026-12-01T09:59:59.000000001Z stderr F I1201 09:59:59.000000       1 server.go:150] Version: v1.32.4\n';

let dir: string;
let cri: string;
let criGz: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rotation-flags-'));
  cri = path.join(dir, '0.log');
  criGz = path.join(dir, '0.log.20261201-100000.gz');
  const text = KLOG + criLines(readFileSync(LOG, 'utf8'));
  writeFileSync(cri, text);
  writeFileSync(criGz, gzipSync(text));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Retention = { output: string; rotation: { maxSizeMB: number; maxBackups: number; maxAgeDays: number } };

describe('file-rotation flags with a container log as LOG', () => {
  test.each([
    ['a container log file', () => [cri], ['--max-size-mb', '500'], '--max-size-mb describes'],
    [
      'a rotated gzip one among audit logs',
      () => [LOG, criGz],
      ['--max-backups', '5'],
      '--max-backups describes',
    ],
    [
      'two flags',
      () => [cri],
      ['--max-age-days', '7', '--max-size-mb', '10'],
      '--max-size-mb, --max-age-days describe',
    ],
  ])('%s: refused before the replay, naming the LOG and both fixes', async (_name, logs, flags, what) => {
    const run = await runInProcess(['simulate', '--policy', POLICY, ...flags, ...logs()]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const containerLog = logs().filter((l) => l !== LOG);
    expect(run.stderr.split('\n')[0]).toBe(
      `deckhouse-audit simulate: ${what} kube-apiserver's rotation of the audit log file (auditLog.output File), ` +
        `but LOG ${containerLog.join(', ')} is kube-apiserver's container log (container-runtime lines: ` +
        "auditLog.output Stdout), whose history the kubelet's container-log rotation keeps: use " +
        '--container-log-max-size/--container-log-max-files, or add --audit-log-output File to estimate File ' +
        "output's history with these flags",
    );
  });

  test('on standard input (no head to sniff): refused once the replay shows it, never ignored', async () => {
    for (const argv of [
      ['simulate', '--policy', POLICY, '--max-size-mb', '500', '-'],
      ['diff', '--policy', POLICY, '--deckhouse', '--max-size-mb', '500', '-'],
    ]) {
      const run = await runInProcess(argv, { stdin: readFileSync(cri) });
      expect({ argv, code: run.code }).toEqual({ argv, code: 2 });
      expect(run.stderr).toContain("but LOG <stdin> is kube-apiserver's container log");
    }
  });

  test('`kubectl logs` of kube-apiserver (its klog lines among the events): refused after the replay', async () => {
    const kubectlLogs = path.join(dir, 'kubectl-logs.txt');
    writeFileSync(kubectlLogs, KLOG.replace(/^\S+ stderr F /, '') + readFileSync(LOG, 'utf8'));
    const run = await runInProcess(['simulate', '--policy', POLICY, '--max-backups', '3', kubectlLogs]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `--max-backups describes kube-apiserver's rotation of the audit log file (auditLog.output File), but LOG ` +
        `${kubectlLogs} is kube-apiserver's container log (its own log lines among the events, which only its ` +
        "container's output holds: auditLog.output Stdout)",
    );
  });

  test('with --audit-log-output File they apply: File retention with the flags given', async () => {
    const run = await runInProcess([
      'simulate',
      '--policy',
      POLICY,
      '--audit-log-output',
      'File',
      '--max-size-mb',
      '500',
      '--json',
      cri,
    ]);
    expect(run.code).toBe(0);
    const { retention } = JSON.parse(run.stdout) as { retention: Retention };
    expect(retention.output).toBe('File');
    expect(retention.rotation).toEqual({ maxSizeMB: 500, maxBackups: 10, maxAgeDays: 30 });
  });

  test('without them a container log still gives Stdout retention; an audit file takes them', async () => {
    const plain = await runInProcess(['simulate', '--policy', POLICY, '--json', cri]);
    expect((JSON.parse(plain.stdout) as { retention: Retention }).retention.output).toBe('Stdout');
    const file = await runInProcess(['simulate', '--policy', POLICY, '--max-size-mb', '500', '--json', LOG]);
    expect(file.code).toBe(0);
    const { retention } = JSON.parse(file.stdout) as { retention: Retention };
    expect(retention).toMatchObject({ output: 'File', rotation: { maxSizeMB: 500 } });
  });
});
