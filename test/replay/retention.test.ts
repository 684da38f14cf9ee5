import * as path from 'path';
import { Readable } from 'stream';
import { estimateRetention, resolveRotation, simulate } from '../../src/replay';
import { DECKHOUSE_CONTAINER_LOG, resolveContainerLog } from '../../src/replay/retention';
import { runInProcess } from '../cli/helpers';
import { FIXTURES, LINES, LOG, MiB, policyA } from './fixtures';

// Facts (../shared/docs/deckhouse-audit.md §8): --audit-log-maxsize=0 meant lumberjack's 100 MB default up
// to Kubernetes 1.35; from 1.36 (kubernetes PR #136478) it disables rotation and nothing is deleted. With
// auditLog.output: Stdout the kubelet's container-log rotation (containerLogMaxSize × containerLogMaxFiles;
// Deckhouse NodeGroup spec.kubelet defaults 50Mi and 4) keeps the history, shared with the apiserver's own
// log lines.

describe('--audit-log-maxsize=0 by Kubernetes version', () => {
  const zero = resolveRotation({ maxSizeMB: 0 });

  test.each(['1.32', '1.35', 'v1.35.4'])('%s: lumberjack default, 11 files × 100 MiB', (version) => {
    expect(estimateRetention(100 * MiB, zero, { kubernetesVersion: version })).toMatchObject({
      hours: 264,
      limitedBy: 'size',
      capacityBytes: 1100 * MiB,
      unbounded: false,
      note: expect.stringContaining('100 MB before Kubernetes 1.36'),
    });
  });

  test.each(['1.36', '1.36.1', '1.37'])('%s: no rotation, nothing deleted: unbounded', (version) => {
    expect(estimateRetention(100 * MiB, zero, { kubernetesVersion: version })).toMatchObject({
      hours: null,
      limitedBy: null,
      capacityBytes: null,
      unbounded: true,
    });
  });

  test('no backups kept and no age limit is unbounded too; a size bound is not', () => {
    expect(estimateRetention(MiB, resolveRotation({ maxBackups: 0, maxAgeDays: 0 })).unbounded).toBe(true);
    expect(estimateRetention(MiB, resolveRotation({ maxAgeDays: 0 })).unbounded).toBe(false);
  });

  test('the CLI says so', async () => {
    const v136 = await runInProcess([
      'simulate',
      '--deckhouse',
      '--max-size-mb',
      '0',
      '--kubernetes-version',
      '1.36',
      LOG,
    ]);
    expect(v136.stdout).toMatch(
      /^Retention: unbounded \(nothing is ever deleted; --audit-log-maxsize=0 disables rotation from Kubernetes 1\.36/m,
    );
    const v135 = await runInProcess([
      'simulate',
      '--deckhouse',
      '--max-size-mb',
      '0',
      '--kubernetes-version',
      '1.35',
      LOG,
    ]);
    expect(v135.stdout).toMatch(
      /^Retention: 30 d \(limited by age: 30 days; --audit-log-maxsize=0 means lumberjack's 100 MB/m,
    );
  });
});

describe('Stdout output: the kubelet container log decides', () => {
  test("Deckhouse's NodeGroup defaults: 4 files × 50 MiB; MaxFiles below 2 is refused like the kubelet does", () => {
    expect(DECKHOUSE_CONTAINER_LOG).toEqual({ maxSizeBytes: 50 * MiB, maxFiles: 4 });
    expect(() => resolveContainerLog({ maxFiles: 1 })).toThrow(/at least 2/);
  });

  test('history = files × size over audit bytes + framing + the apiserver’s own lines', () => {
    const r = estimateRetention(100 * MiB, resolveRotation(), {
      output: 'Stdout',
      framingBytesPerDay: 10 * MiB,
      otherBytesPerDay: 90 * MiB,
    });
    expect(r).toMatchObject({
      output: 'Stdout',
      capacityBytes: 200 * MiB,
      limitedBy: 'size',
      unbounded: false,
    });
    expect(r.hours).toBeCloseTo(24, 9);
  });

  test('CRI input is taken as Stdout output; stderr lines count as the apiserver’s own log', async () => {
    const ts = '2026-01-05T10:00:00.123456789Z';
    const klog = `${ts} stderr F I0105 10:00:00.123456 1 controller.go:42] syncing`;
    const text = LINES.slice(0, 17)
      .map((l) => `${ts} stdout F ${l}\n${klog}\n`)
      .join('');
    const r = await simulate([{ name: 'kube-apiserver.log', stream: Readable.from([Buffer.from(text)]) }], {
      policy: policyA(),
    });
    const plain = await simulate([LOG], { policy: policyA() });
    expect(r.written.bytes).toBe(plain.written.bytes);
    expect(r.sources[0].criStderrBytes).toBe(17 * (Buffer.byteLength(klog) + 1));
    const day = 86400 / r.span.seconds;
    expect(r.retention.output).toBe('Stdout');
    expect(r.retention.containerLog).toEqual({
      maxSizeBytes: 50 * MiB,
      maxFiles: 4,
      framingBytesPerDay: r.written.events * 40 * day,
      otherBytesPerDay: 17 * (Buffer.byteLength(klog) + 1) * day,
    });
    const total = (r.written.bytes + r.written.events * 40 + 17 * (Buffer.byteLength(klog) + 1)) * day;
    expect(r.retention.hours).toBeCloseTo(((200 * MiB) / total) * 24, 6);
  });

  test('flags: --audit-log-output Stdout with the kubelet settings', async () => {
    const run = await runInProcess([
      'simulate',
      '--policy',
      path.join(FIXTURES, 'policy-a.yaml'),
      '--audit-log-output',
      'Stdout',
      '--container-log-max-size',
      '10Mi',
      '--container-log-max-files',
      '5',
      '--json',
      LOG,
    ]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.retention).toMatchObject({ output: 'Stdout', capacityBytes: 50 * MiB });
    expect(json.retention.containerLog).toMatchObject({
      maxSizeBytes: 10 * MiB,
      maxFiles: 5,
      otherBytesPerDay: null,
    });
    const text = await runInProcess(['simulate', '--deckhouse', '--audit-log-output', 'Stdout', LOG]);
    expect(text.stdout).toMatch(
      /^Retention: .* \(limited by the kubelet's container log: 4 files × 50 MiB, shared with kube-apiserver's own log lines, which this input does not hold\)$/m,
    );
    for (const bad of [
      ['--audit-log-output', 'stdout'],
      ['--container-log-max-files', '1'],
      ['--container-log-max-size', '50 apples'],
      ['--audit-log-output', 'File', '--container-log-max-files', '3'],
    ]) {
      expect((await runInProcess(['simulate', '--deckhouse', ...bad, LOG])).code).toBe(2);
    }
  });
});
