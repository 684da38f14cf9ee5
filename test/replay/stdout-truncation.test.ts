import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Policy } from '../../src/policy/types';
import { createPartialAccumulator } from '../../src/replay/accumulator';
import { simulate, type ReplayOptions, type SimulationReport } from '../../src/replay';
import type { FileOutputTruncationOptions } from '../../src/replay/output-truncation';

// Deckhouse's kube-apiserver manifest template (modules/040-control-plane-manager, kubeadm config) sets
// --audit-log-truncate-enabled=true inside `if eq .apiserver.auditLog.output "File"`; the Stdout branch sets
// --audit-log-path=- alone, so there an event over --audit-log-truncate-max-event-size (default 102400 bytes)
// is written whole. kube-apiserver's truncate backend (apiserver plugin/pkg/audit/truncate) writes an oversized
// event without requestObject and responseObject, with the annotation audit.k8s.io/truncated: "true".
// The CLI's --deckhouse default is truncateFileOutputOnly: the output is File unless the input shows it is the
// container's output (CRI lines, kube-apiserver's own klog lines among the events).

const requestLevel: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Request' }] };
const DECKHOUSE_DEFAULT: ReplayOptions & FileOutputTruncationOptions = {
  truncate: true,
  truncateFileOutputOnly: true,
};

/** A `kubectl create configmap` of 150,000 characters of data, recorded at Request (as the policy decides). */
function bigCreate(auditID: string, second: number): Record<string, unknown> {
  const at = `2026-12-01T10:00:${String(second).padStart(2, '0')}.000000Z`;
  return {
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Request',
    auditID,
    stage: 'ResponseComplete',
    requestURI: '/api/v1/namespaces/prod/configmaps?fieldManager=kubectl-create',
    verb: 'create',
    user: { username: 'alice@example.com', groups: ['developers', 'system:authenticated'] },
    sourceIPs: ['10.12.0.5'],
    userAgent: 'kubectl/v1.33.1 (linux/amd64) kubernetes/8adc0f0',
    objectRef: { resource: 'configmaps', namespace: 'prod', name: 'bundle', apiVersion: 'v1' },
    responseStatus: { metadata: {}, code: 201 },
    requestObject: {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name: 'bundle', namespace: 'prod', creationTimestamp: null },
      data: { 'bundle.js': 'x'.repeat(150000) },
    },
    requestReceivedTimestamp: at,
    stageTimestamp: at.replace('000000Z', '120000Z'),
  };
}

const EVENTS = [
  bigCreate('6f0d3c52-1d0a-4a8e-9d35-000000000001', 0),
  bigCreate('6f0d3c52-1d0a-4a8e-9d35-000000000002', 30),
];
const LINES = EVENTS.map((e) => JSON.stringify(e));
/** The bytes kube-apiserver writes for the event: the line and its newline. */
const whole = (i: number) => Buffer.byteLength(LINES[i]) + 1;
/** The bytes the truncate backend writes for it. */
const truncated = (i: number) => {
  const ev: Record<string, unknown> = { ...EVENTS[i], annotations: { 'audit.k8s.io/truncated': 'true' } };
  delete ev.requestObject;
  return Buffer.byteLength(JSON.stringify(ev)) + 1;
};
const KLOG =
  'I1201 10:00:10.000000       1 controller.go:615] quota admission added evaluator for: leases.coordination.k8s.io';

let tmp: string;
const file = (name: string, lines: string[]) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, lines.join('\n') + '\n');
  return f;
};
const cri = (line: string, second: number) =>
  `2026-12-01T10:00:${String(second).padStart(2, '0')}.123456789Z stdout F ${line}`;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stdout-truncation-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = (f: string, options: ReplayOptions & FileOutputTruncationOptions): Promise<SimulationReport> =>
  simulate([f], { policy: requestLevel, ...options });

describe('Deckhouse truncates only File output', () => {
  test('the audit log file: both oversized events lose their bodies', async () => {
    expect(whole(0)).toBeGreaterThan(102400);
    expect(truncated(0)).toBeLessThan(102400);
    const r = await run(file('audit.log', LINES), DECKHOUSE_DEFAULT);
    expect(r.retention.output).toBe('File');
    expect(r.truncation).toEqual({ maxEventBytes: 102400, truncated: 2, dropped: 0 });
    expect(r.written.bytes).toBe(truncated(0) + truncated(1));
  });

  test("the container's log (CRI lines): Stdout, every event written whole, no truncation reported", async () => {
    const r = await run(file('0.log', [cri(LINES[0], 0), cri(LINES[1], 30)]), DECKHOUSE_DEFAULT);
    expect(r.retention.output).toBe('Stdout');
    expect(r.truncation).toBeNull();
    expect(r.written.bytes).toBe(whole(0) + whole(1));
    expect(r.sources[0].warnings.join('\n')).not.toMatch(/truncate/);
  });

  test('an output given as Stdout is never truncated, whatever the input looks like', async () => {
    const r = await run(file('audit.log', LINES), { ...DECKHOUSE_DEFAULT, output: 'Stdout' });
    expect(r.truncation).toBeNull();
    expect(r.written.bytes).toBe(whole(0) + whole(1));
  });

  test('an output given as File truncates container-runtime input too', async () => {
    const r = await run(file('0.log', [cri(LINES[0], 0), cri(LINES[1], 30)]), {
      ...DECKHOUSE_DEFAULT,
      output: 'File',
    });
    expect(r.truncation).toEqual({ maxEventBytes: 102400, truncated: 2, dropped: 0 });
    expect(r.written.bytes).toBe(truncated(0) + truncated(1));
  });

  test('truncate alone (the library option, a cluster that sets the flag for Stdout too) truncates everywhere', async () => {
    const r = await run(file('0.log', [cri(LINES[0], 0), cri(LINES[1], 30)]), { truncate: true });
    expect(r.retention.output).toBe('Stdout');
    expect(r.truncation).toEqual({ maxEventBytes: 102400, truncated: 2, dropped: 0 });
  });

  test('`kubectl logs` output: an event before the first klog line was sized truncated, and the report says so', async () => {
    const r = await run(file('kubectl-logs.txt', [LINES[0], KLOG, LINES[1]]), DECKHOUSE_DEFAULT);
    expect(r.retention.output).toBe('Stdout');
    expect(r.truncation).toEqual({ maxEventBytes: 102400, truncated: 1, dropped: 0 });
    expect(r.written.bytes).toBe(truncated(0) + whole(1));
    const notes = r.sources[0].warnings.filter((w) => w.includes('--audit-log-output Stdout'));
    expect(notes).toEqual([
      expect.stringMatching(/^1 event over 102,400 bytes came before this input showed/),
    ]);
  });

  test("a worker thread's early truncations reach the report through its state", async () => {
    const part = createPartialAccumulator([requestLevel], DECKHOUSE_DEFAULT);
    [LINES[0], KLOG, LINES[1]].forEach((l, i) => part.addLine(l, i + 1, 'kubectl-logs.txt'));
    part.endSource('kubectl-logs.txt');
    const main = createPartialAccumulator([requestLevel], DECKHOUSE_DEFAULT);
    main.mergeState(part.exportState(), 0);
    const [r] = main.reports();
    expect(r.sources[0].warnings.some((w) => w.startsWith('1 event over 102,400 bytes came before'))).toBe(
      true,
    );
  });
});
