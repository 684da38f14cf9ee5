import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Policy } from '../../src/policy/types';
import { diffReports, simulateMany } from '../../src/replay';

// Two policies can move events between levels in both directions so that every per-level count stays the
// same: here A drops anonymous requests and records the rest, B records anonymous requests and drops the
// aggregated metrics API. The log (events as kube-apiserver 1.30 writes them, recorded at Metadata) holds one
// anonymous list of Secrets, one metrics.k8s.io list by the HPA controller and one get by a user; under both
// policies 2 events are written at Metadata and 1 is None, though 2 of the 3 change level.

const ANONYMOUS = JSON.stringify({
  kind: 'Event',
  apiVersion: 'audit.k8s.io/v1',
  level: 'Metadata',
  auditID: '0a1b2c3d-aaaa-4bbb-8ccc-000000000002',
  stage: 'ResponseComplete',
  requestURI: '/api/v1/namespaces/kube-system/secrets',
  verb: 'list',
  user: { username: 'system:anonymous', groups: ['system:unauthenticated'] },
  sourceIPs: ['203.0.113.9'],
  userAgent: 'curl/8.5.0',
  objectRef: { resource: 'secrets', namespace: 'kube-system', apiVersion: 'v1' },
  responseStatus: { metadata: {}, status: 'Failure', reason: 'Forbidden', code: 403 },
  requestReceivedTimestamp: '2026-03-10T08:15:04.000000Z',
  stageTimestamp: '2026-03-10T08:15:04.000900Z',
  annotations: { 'authorization.k8s.io/decision': 'forbid', 'authorization.k8s.io/reason': '' },
});
const METRICS = JSON.stringify({
  kind: 'Event',
  apiVersion: 'audit.k8s.io/v1',
  level: 'Metadata',
  auditID: '22223333-4444-4555-8666-777788889999',
  stage: 'ResponseComplete',
  requestURI: '/apis/metrics.k8s.io/v1beta1/namespaces/prod/pods',
  verb: 'list',
  user: {
    username: 'system:serviceaccount:kube-system:horizontal-pod-autoscaler',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
  },
  sourceIPs: ['192.168.199.11'],
  userAgent: 'kube-controller-manager/v1.30.4 (linux/amd64) kubernetes/a51b3b7',
  objectRef: { resource: 'pods', namespace: 'prod', apiGroup: 'metrics.k8s.io', apiVersion: 'v1beta1' },
  responseStatus: { metadata: {}, code: 200 },
  requestReceivedTimestamp: '2026-03-10T08:15:06.000000Z',
  stageTimestamp: '2026-03-10T08:15:06.012000Z',
});
const USER_GET = JSON.stringify({
  kind: 'Event',
  apiVersion: 'audit.k8s.io/v1',
  level: 'Metadata',
  auditID: '33334444-5555-4666-8777-888899990000',
  stage: 'ResponseComplete',
  requestURI: '/api/v1/namespaces/prod/pods/web-0',
  verb: 'get',
  user: { username: 'alice', groups: ['devs', 'system:authenticated'] },
  sourceIPs: ['10.0.0.8'],
  userAgent: 'kubectl/v1.33.1 (linux/amd64) kubernetes/8adc0f0',
  objectRef: { resource: 'pods', namespace: 'prod', name: 'web-0', apiVersion: 'v1' },
  responseStatus: { metadata: {}, code: 200 },
  requestReceivedTimestamp: '2026-03-10T08:15:07.000000Z',
  stageTimestamp: '2026-03-10T08:15:07.003000Z',
});

const A: Policy = {
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  rules: [{ level: 'None', users: ['system:anonymous'] }, { level: 'Metadata' }],
};
const B: Policy = {
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  rules: [{ level: 'None', resources: [{ group: 'metrics.k8s.io' }] }, { level: 'Metadata' }],
};
// A Metadata decision of an event recorded at Metadata writes its line and a newline.
const bytes = (line: string) => Buffer.byteLength(line) + 1;

let tmp: string;
let log: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'level-changes-'));
  log = path.join(tmp, 'audit.log');
  fs.writeFileSync(log, [ANONYMOUS, METRICS, USER_GET].join('\n') + '\n');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('events whose level a policy change moves', () => {
  test.each([1, 2])('the per-level counts cancel out; the moves are counted (%i thread)', async (jobs) => {
    const [a, b] = await simulateMany([log], [A, B], { jobs });
    expect(a.levelChanges).toBeUndefined();
    expect(a.decided).toEqual(b.decided);
    expect(b.levelChanges).toEqual({
      'None->Metadata': { events: 1, bytesA: 0, bytesB: bytes(ANONYMOUS) },
      'Metadata->None': { events: 1, bytesA: bytes(METRICS), bytesB: 0 },
    });
    const diff = diffReports(a, b);
    expect(diff.decided.None.delta).toBe(0);
    expect(diff.decided.Metadata.delta).toBe(0);
    expect(diff.levelChanges).toEqual({ known: true, events: 2, byLevels: b.levelChanges });
  });

  test('the same policy twice: no move', async () => {
    const [, b] = await simulateMany([log], [A, A]);
    expect(b.levelChanges).toEqual({});
  });

  test('reports replayed apart: not known', async () => {
    const [a] = await simulateMany([log], [A]);
    const [b] = await simulateMany([log], [B]);
    expect(diffReports(a, b).levelChanges).toEqual({ known: false, events: 0, byLevels: {} });
  });
});
