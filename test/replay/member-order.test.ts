import { Readable } from 'stream';
import { Policy } from '../../src/policy';
import { simulate } from '../../src/replay';

// kube-apiserver writes an Event's members in types.go order; tools that re-encode a line may not (a shipper
// that moves members, a hand-made fixture). A written event's bytes are its members' bytes whatever their
// order: the members kube-apiserver writes at the decided level, compact, plus the newline.

const EVENT: Record<string, unknown> = {
  kind: 'Event',
  apiVersion: 'audit.k8s.io/v1',
  level: 'RequestResponse',
  auditID: '7b3c2a10-4f5e-4d6c-9a8b-0c1d2e3f4a5b',
  stage: 'ResponseComplete',
  requestURI: '/api/v1/namespaces/default/configmaps',
  verb: 'create',
  user: { username: 'alice', groups: ['system:authenticated'] },
  impersonatedUser: { username: 'bob' },
  sourceIPs: ['2001:db8::1'],
  userAgent: 'kubectl/v1.34.1 (linux/amd64) kubernetes/abc',
  objectRef: { resource: 'configmaps', namespace: 'default', name: 'c', apiVersion: 'v1' },
  responseStatus: { metadata: {}, code: 201 },
  requestObject: {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name: 'c' },
    data: { k: 'v'.repeat(50) },
  },
  responseObject: {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name: 'c', uid: 'u' },
    data: { k: 'w'.repeat(70) },
  },
  requestReceivedTimestamp: '2026-12-01T10:00:00.123456Z',
  stageTimestamp: '2026-12-01T10:00:00.223456Z',
  annotations: { 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': 'RBAC: allowed' },
};

type Level = 'Metadata' | 'Request' | 'RequestResponse';

/** The bytes kube-apiserver writes for EVENT at `level` (no character here needs a Go escape). */
function expectedBytes(level: Level): number {
  const e: Record<string, unknown> = { ...EVENT, level };
  if (level !== 'RequestResponse') delete e.responseObject;
  if (level === 'Metadata') delete e.requestObject;
  return Buffer.byteLength(JSON.stringify(e)) + 1;
}

function inOrder(keys: string[]): string {
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, EVENT[k]])));
}

async function written(line: string, level: Level) {
  const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level }] };
  const r = await simulate([{ name: 'log', stream: Readable.from([line + '\n']) }], { policy });
  return { events: r.events, malformed: r.malformed.lines.map((m) => m.reason), bytes: r.written.bytes };
}

const GO_ORDER = Object.keys(EVENT);
const ORDERS: Record<string, string[]> = {
  "kube-apiserver's": GO_ORDER,
  'sorted (jq -S, Vector, a Go map)': [...GO_ORDER].sort(),
  'annotations before the timestamps': [...GO_ORDER.slice(0, -3), 'annotations', ...GO_ORDER.slice(-3, -1)],
  'verb after sourceIPs': GO_ORDER.filter((k) => k !== 'verb').flatMap((k) =>
    k === 'sourceIPs' ? [k, 'verb'] : [k],
  ),
  'userAgent between the bodies': GO_ORDER.filter((k) => k !== 'userAgent').flatMap((k) =>
    k === 'requestObject' ? [k, 'userAgent'] : [k],
  ),
  'responseObject after the timestamps': [
    ...GO_ORDER.filter((k) => k !== 'responseObject'),
    'responseObject',
  ],
  'bodies first': ['requestObject', 'responseObject', ...GO_ORDER.filter((k) => !k.endsWith('Object'))],
};

describe.each(Object.entries(ORDERS))('members in %s order', (_name, keys) => {
  test.each<Level>(['Metadata', 'Request', 'RequestResponse'])(
    'sized at %s as kube-apiserver writes it',
    async (level) => {
      expect(await written(inOrder(keys), level)).toEqual({
        events: 1,
        malformed: [],
        bytes: expectedBytes(level),
      });
    },
  );
});
