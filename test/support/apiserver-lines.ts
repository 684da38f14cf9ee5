/**
 * Audit lines as kube-apiserver writes them with --audit-log-format=json: an Event's members in the order of
 * staging/src/k8s.io/apiserver/pkg/apis/audit/v1/types.go (kind, apiVersion, level, auditID, stage, requestURI,
 * verb, user, impersonatedUser, sourceIPs, userAgent, objectRef, responseStatus, requestObject, responseObject,
 * requestReceivedTimestamp, stageTimestamp, annotations), compact, one a line. The values (no `<`, `>` or `&`,
 * which Go would escape) are what a kubectl create of a ConfigMap and a controller's list look like.
 */

export interface LineOptions {
  auditID: string;
  stage?: 'RequestReceived' | 'ResponseStarted' | 'ResponseComplete';
  level?: 'Metadata' | 'Request' | 'RequestResponse';
  /** Seconds after 2026-12-01T10:00:00Z. */
  second?: number;
}

const stamp = (second: number) =>
  new Date(Date.UTC(2026, 11, 1, 10, 0, second)).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

/** A `kubectl create configmap` event at the given stage (bodies as the level keeps them). */
export function createConfigMapLine(o: LineOptions): string {
  const level = o.level ?? 'RequestResponse';
  const stage = o.stage ?? 'ResponseComplete';
  const body = {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name: 'app-config', namespace: 'prod', creationTimestamp: null },
    data: { 'app.yaml': 'replicas: 3\nlogLevel: info\n' },
  };
  const ev: Record<string, unknown> = {
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level,
    auditID: o.auditID,
    stage,
    requestURI: '/api/v1/namespaces/prod/configmaps?fieldManager=kubectl-create',
    verb: 'create',
    user: {
      username: 'alice@example.com',
      groups: ['developers', 'system:authenticated'],
      extra: { 'authentication.kubernetes.io/credential-id': ['X509SHA256=4f1c'] },
    },
    sourceIPs: ['10.12.0.5'],
    userAgent: 'kubectl/v1.30.4 (linux/amd64) kubernetes/2b1e9c3',
    objectRef: { resource: 'configmaps', namespace: 'prod', name: 'app-config', apiVersion: 'v1' },
  };
  if (stage === 'ResponseComplete') {
    ev.responseStatus = { metadata: {}, code: 201 };
  }
  // The body is attached after the RequestReceived event is written.
  if (level !== 'Metadata' && stage !== 'RequestReceived') ev.requestObject = body;
  if (level === 'RequestResponse' && stage === 'ResponseComplete') {
    ev.responseObject = {
      ...body,
      metadata: {
        ...body.metadata,
        uid: '0c6a4d6e-2f55-4a41-9a7e-5b8e4c1d2f10',
        resourceVersion: '48213',
        creationTimestamp: '2026-12-01T10:00:00Z',
      },
    };
  }
  const second = o.second ?? 0;
  ev.requestReceivedTimestamp = stamp(second);
  ev.stageTimestamp = stage === 'RequestReceived' ? stamp(second) : stamp(second).replace('000Z', '912Z');
  if (stage === 'ResponseComplete') {
    ev.annotations = {
      'authorization.k8s.io/decision': 'allow',
      'authorization.k8s.io/reason':
        'RBAC: allowed by RoleBinding "developers/prod" of ClusterRole "edit" to Group "developers"',
    };
  }
  return JSON.stringify(ev);
}

/** The RequestReceived and ResponseComplete lines of one create, as kube-apiserver writes both stages. */
export function createConfigMapLines(auditID: string, second = 0): string[] {
  return [
    createConfigMapLine({ auditID, stage: 'RequestReceived', second }),
    createConfigMapLine({ auditID, stage: 'ResponseComplete', second }),
  ];
}

/** A random-looking UUID (kube-apiserver's auditID) that does not end in `last`. */
export function auditID(n: number, last = 'f'): string {
  const hex = (n * 2654435761).toString(16).padStart(8, '0').slice(-8);
  return `${hex}-5e1b-4c7a-9d2e-0a3b4c5d6e${(n % 256).toString(16).padStart(2, '0').slice(0, 1)}${last}`;
}
