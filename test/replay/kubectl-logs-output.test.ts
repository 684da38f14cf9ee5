import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Policy } from '../../src/policy/types';
import { simulate, SimulationReport } from '../../src/replay';
import { STDOUT_FROM_OWN_LINES } from '../../src/replay/accumulator';
import { auditID, createConfigMapLines } from '../support/apiserver-lines';

// With auditLog.output Stdout kube-apiserver writes its events to stdout and its own klog lines to stderr; the
// runtime keeps both in one container log (/var/log/pods/…/kube-apiserver/0.log), each line framed as
// `<RFC 3339 nano time> <stdout|stderr> <P|F> ` (CRI logging format), and `kubectl logs` prints them with the
// framing taken off. Only that output holds klog lines among the events (the audit log file never does), so a
// `kubectl logs` capture is Stdout output: its history is the kubelet's rotation, shared with those lines, exactly
// as for the container log it was printed from.

const rr: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'RequestResponse' }] };
// klog's header (k8s.io/klog): `Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg`.
const KLOG = [
  'I1201 10:00:00.000000       1 controller.go:615] quota admission added evaluator for: leases.coordination.k8s.io',
  'W1201 10:00:05.000000       1 lease.go:265] Resetting endpoints for master service "kubernetes" to [10.0.0.1]',
];

/** The container log: events on stdout, a klog line on stderr after each pair, 30-character timestamps. */
const CRI: string[] = [];
const PLAIN: string[] = [];
for (let i = 0; i < 20; i++) {
  const stamp = `2026-12-01T10:00:${String(i).padStart(2, '0')}.123456789Z`;
  for (const line of createConfigMapLines(auditID(i), i)) {
    CRI.push(`${stamp} stdout F ${line}`);
    PLAIN.push(line);
  }
  const klog = KLOG[i % 2];
  CRI.push(`${stamp} stderr F ${klog}`);
  PLAIN.push(klog);
}

let tmp: string;
const file = (name: string, lines: string[]) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, lines.join('\n') + '\n');
  return f;
};
let fromCri: SimulationReport;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-logs-'));
  fromCri = await simulate([file('0.log', CRI)], { policy: rr });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('`kubectl logs` of kube-apiserver (auditLog.output Stdout)', () => {
  test('the container log it came from is Stdout, its klog lines measured from the stderr lines', () => {
    expect(fromCri.retention.output).toBe('Stdout');
    const stderrBytes = CRI.filter((l) => l.includes(' stderr F ')).reduce((n, l) => n + l.length + 1, 0);
    expect(fromCri.retention.containerLog?.otherBytesPerDay).toBeCloseTo(
      (stderrBytes / fromCri.span.seconds) * 86400,
      6,
    );
  });

  test.each([1, 2])(
    'the kubectl logs output: the same Stdout retention, its klog lines framed as the runtime frames them (%i thread)',
    async (jobs) => {
      const r = await simulate([file(`kubectl-logs-${jobs}.log`, PLAIN)], { policy: rr, jobs });
      expect(r.events).toBe(fromCri.events);
      expect(r.sources[0].otherLines).toBe(20);
      expect(r.retention).toEqual(fromCri.retention);
      // The container log says Stdout by its framing; here the klog lines say it, and the report tells so.
      expect(r.sources[0].warnings).toContain(STDOUT_FROM_OWN_LINES);
      expect(fromCri.sources[0].warnings).not.toContain(STDOUT_FROM_OWN_LINES);
    },
  );

  test('kubectl logs --timestamps: the same', async () => {
    const stamped = CRI.map((l) => l.replace(/ (stdout|stderr) F /, ' '));
    const r = await simulate([file('timestamps.log', stamped)], { policy: rr });
    expect(r.retention).toEqual(fromCri.retention);
  });

  test("an audit log file stays File output, also beside a capture of kube-apiserver's klog lines alone", async () => {
    const audit = file(
      'audit.log',
      PLAIN.filter((l) => l.startsWith('{')),
    );
    const klogOnly = file('apiserver.log', KLOG);
    const r = await simulate([audit, klogOnly], { policy: rr });
    expect(r.retention.output).toBe('File');
  });

  test('--audit-log-output File (options.output) still decides', async () => {
    const r = await simulate([file('stated.log', PLAIN)], { policy: rr, output: 'File' });
    expect(r.retention.output).toBe('File');
    expect(r.sources[0].warnings).not.toContain(STDOUT_FROM_OWN_LINES);
  });
});
