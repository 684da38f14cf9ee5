import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Policy } from '../../src/policy/types';
import { simulate } from '../../src/replay';
import { STDOUT_FROM_OWN_LINES } from '../../src/replay/accumulator';
import { auditID, createConfigMapLines } from '../support/apiserver-lines';

// Records that name the container stream a line was written to hold kube-apiserver's standard output
// (auditLog.output Stdout), whatever else is among them: Docker's json-file driver writes each line as
// `{"log":"<line>\n","stream":"stdout|stderr","time":"<RFC 3339 nano>"}` (moby daemon/logger/jsonfilelog,
// jsonlog.JSONLog), and Vector's `kubernetes_logs` source, which Deckhouse log-shipper uses for a Pod's logs,
// gives each line as `message` with the container's `stream`. An audit log file is never read through them, so
// the history is the kubelet's container-log rotation (Deckhouse's NodeGroup defaults: 50Mi × 4 files), not
// kube-apiserver's file rotation (100 MB × 11 files), also when no stderr line happens to be among the records.

const MiB = 1024 * 1024;
const rr: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'RequestResponse' }] };
const KLOG =
  'I1201 10:00:00.000000       1 controller.go:615] quota admission added evaluator for: leases.coordination.k8s.io';

const STAMPS: string[] = [];
const EVENTS: string[][] = [];
for (let i = 0; i < 20; i++) {
  STAMPS.push(`2026-12-01T10:00:${String(i).padStart(2, '0')}.123456789Z`);
  EVENTS.push(createConfigMapLines(auditID(i), i));
}

/** kube-apiserver's container log as the kubelet keeps it (CRI), with a klog line on stderr when `klog`. */
function cri(klog: boolean): string[] {
  return EVENTS.flatMap((lines, i) => [
    ...lines.map((l) => `${STAMPS[i]} stdout F ${l}`),
    ...(klog ? [`${STAMPS[i]} stderr F ${KLOG}`] : []),
  ]);
}

/** The same output through Docker's json-file driver. */
function docker(klog: boolean): string[] {
  return EVENTS.flatMap((lines, i) => [
    ...lines.map((l) => JSON.stringify({ log: `${l}\n`, stream: 'stdout', time: STAMPS[i] })),
    ...(klog ? [JSON.stringify({ log: `${KLOG}\n`, stream: 'stderr', time: STAMPS[i] })] : []),
  ]);
}

/** The same output as Deckhouse log-shipper's KubernetesPods source hands it over (Vector `kubernetes_logs`). */
function podRecords(): string[] {
  return EVENTS.flatMap((lines, i) =>
    lines.map((l) =>
      JSON.stringify({
        file: '/var/log/pods/kube-system_kube-apiserver-master-0_0c1d/kube-apiserver/0.log',
        kubernetes: { container_name: 'kube-apiserver', pod_name: 'kube-apiserver-master-0' },
        message: l,
        source_type: 'kubernetes_logs',
        stream: 'stdout',
        timestamp: STAMPS[i],
      }),
    ),
  );
}

let tmp: string;
const file = (name: string, lines: string[]) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, lines.join('\n') + '\n');
  return f;
};
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'container-records-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("records of kube-apiserver's container output are Stdout output", () => {
  test.each([1, 2])(
    "Docker's json-file with stdout records only: the kubelet's rotation, as for the CRI log (%i thread)",
    async (jobs) => {
      const fromCri = await simulate([file('0.log', cri(false))], { policy: rr });
      const r = await simulate([file(`docker-${jobs}.log`, docker(false))], { policy: rr, jobs });
      expect(r.events).toBe(40);
      expect(r.written).toEqual(fromCri.written);
      expect(r.retention.output).toBe('Stdout');
      expect(r.retention.capacityBytes).toBe(4 * 50 * MiB);
      expect(r.retention).toEqual(fromCri.retention);
      expect(r.sources[0].warnings).not.toContain(STDOUT_FROM_OWN_LINES);
    },
  );

  test("Docker's json-file with stderr records: their lines share the container log, as CRI stderr lines do", async () => {
    const fromCri = await simulate([file('0-klog.log', cri(true))], { policy: rr });
    const r = await simulate([file('docker-klog.log', docker(true))], { policy: rr });
    expect(r.retention.output).toBe('Stdout');
    // The kubelet would keep each klog line as `<30-character time> stderr F <line>\n`, as in the CRI log.
    const stderrBytes = 20 * (`${STAMPS[0]} stderr F ${KLOG}`.length + 1);
    expect(r.retention.containerLog?.otherBytesPerDay).toBeCloseTo((stderrBytes / r.span.seconds) * 86400, 6);
    expect(r.retention).toEqual(fromCri.retention);
  });

  test("log-shipper's records of the kube-apiserver Pod (`stream` beside `message`)", async () => {
    const r = await simulate([file('pod-records.json', podRecords())], { policy: rr });
    expect(r.events).toBe(40);
    expect(r.retention.output).toBe('Stdout');
    expect(r.retention.capacityBytes).toBe(4 * 50 * MiB);
  });

  test('the audit log file through a shipper (no stream: Vector file source, Fluent Bit tail) stays File', async () => {
    const lines = EVENTS.flat();
    const vector = lines.map((l) =>
      JSON.stringify({
        file: '/var/log/kube-audit/audit.log',
        host: 'master-0',
        message: l,
        source_type: 'file',
      }),
    );
    const fluentBit = lines.map((l) => JSON.stringify({ date: 1764583200.5, log: l }));
    for (const [name, records] of [
      ['vector.json', vector],
      ['fluent-bit.json', fluentBit],
    ] as const) {
      const r = await simulate([file(name, records)], { policy: rr });
      expect(r.events).toBe(40);
      expect(r.retention.output).toBe('File');
    }
  });

  test('--audit-log-output File (options.output) still decides', async () => {
    const r = await simulate([file('stated.log', docker(false))], { policy: rr, output: 'File' });
    expect(r.retention.output).toBe('File');
  });
});
