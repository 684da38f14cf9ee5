import * as fs from 'fs';
import { mulberry32, pick, Rng } from '../test/support/seeded-random';
import { AUDIT_EVENT_FIELDS } from '../src/policy/audit-event-fields';

// A seeded generator of realistic kube-apiserver audit logs (audit.k8s.io/v1 Events, one compact JSON object
// a line), as a cluster recording everything at RequestResponse would write them: node lease renewals,
// controller gets/lists/watches, Pod creates with bodies (images with and without digests), status patches,
// impersonated kubectl patches, WebSocket exec, non-resource probes and failed logins.

interface User {
  username?: string;
  uid?: string;
  groups?: string[];
}

const NAMESPACES = [
  'default',
  'prod',
  'staging',
  'web',
  'payments',
  'd8-system',
  'kube-system',
  'd8-monitoring',
];
const NODES = Array.from({ length: 12 }, (_, i) => `node-${i}`);
const SA = (ns: string, name: string): User => ({
  username: `system:serviceaccount:${ns}:${name}`,
  uid: `0b6f${ns.length}c2e-${name.length}a1d-4f7e-9d3c-5e8a${name.length}b7c9d01`,
  groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
});
const CONTROLLERS: User[] = [
  SA('kube-system', 'replicaset-controller'),
  SA('kube-system', 'deployment-controller'),
  SA('kube-system', 'endpointslice-controller'),
  SA('d8-system', 'deckhouse'),
  SA('d8-monitoring', 'prometheus'),
  SA('d8-ingress-nginx', 'ingress-nginx'),
  SA('prod', 'app-operator'),
  { username: 'system:kube-controller-manager', groups: ['system:authenticated'] },
  { username: 'system:kube-scheduler', groups: ['system:authenticated'] },
];
const HUMANS: User[] = [
  { username: 'alice@example.com', groups: ['admins', 'system:authenticated'] },
  { username: 'bob@example.com', groups: ['developers', 'system:authenticated'] },
];
const IMAGES = [
  'registry.example.com/web/frontend:1.4.2',
  'registry.example.com/web/frontend@sha256:4bf5ae3b1ab0d6f4b1f8b3c0f2d1e6a9c7b5d3e1f0a2b4c6d8e0f1a3b5c7d9e1',
  'nginx:1.27',
  'registry.deckhouse.io/deckhouse/ce@sha256:9d8c7b6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa998877665544',
  'busybox',
];

function hex(rnd: Rng, n: number): string {
  let s = '';
  while (s.length < n)
    s += Math.floor(rnd() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return s.slice(0, n);
}

function uuid(rnd: Rng): string {
  const h = hex(rnd, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function microTime(ms: number, micros: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.(\d{3})Z$/, (_, m: string) => `.${m}${String(micros).padStart(3, '0')}Z`);
}

function managedFields(manager: string, time: string): unknown[] {
  return [
    {
      manager,
      operation: 'Update',
      apiVersion: 'v1',
      time,
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': { 'f:containers': {} } },
    },
  ];
}

function podBody(rnd: Rng, ns: string, name: string, time: string, withStatus: boolean): unknown {
  const container = (n: string) => ({
    name: n,
    image: pick(rnd, IMAGES),
    ports: [{ containerPort: 8080, protocol: 'TCP' }],
    resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
    env: [
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
    ],
    terminationMessagePath: '/dev/termination-log',
    imagePullPolicy: 'IfNotPresent',
  });
  const spec: Record<string, unknown> = {
    containers: [container('app'), ...(rnd() < 0.3 ? [container('sidecar')] : [])],
    restartPolicy: 'Always',
    serviceAccountName: 'default',
    nodeName: withStatus ? pick(rnd, NODES) : undefined,
  };
  if (rnd() < 0.3) spec.initContainers = [container('init')];
  const body: Record<string, unknown> = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name,
      generateName: name.slice(0, -5),
      namespace: ns,
      labels: { app: name.slice(0, -11), 'pod-template-hash': hex(rnd, 10) },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: name.slice(0, -6),
          uid: uuid(rnd),
          controller: true,
        },
      ],
      ...(withStatus ? { uid: uuid(rnd), resourceVersion: String(Math.floor(rnd() * 1e8)) } : {}),
      ...(withStatus ? { managedFields: managedFields('kube-controller-manager', time) } : {}),
    },
    spec,
  };
  if (withStatus) body.status = { phase: 'Pending', qosClass: 'Burstable' };
  return body;
}

function leaseBody(rnd: Rng, node: string, time: string): unknown {
  return {
    kind: 'Lease',
    apiVersion: 'coordination.k8s.io/v1',
    metadata: {
      name: node,
      namespace: 'kube-node-lease',
      uid: uuid(rnd),
      resourceVersion: String(Math.floor(rnd() * 1e8)),
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node, uid: uuid(rnd) }],
      managedFields: managedFields('kubelet', time),
    },
    spec: { holderIdentity: node, leaseDurationSeconds: 40, renewTime: time },
  };
}

// audit.k8s.io/v1 Event fields in the order of the Go struct: AUDIT_EVENT_FIELDS.
const EVENT_FIELDS = AUDIT_EVENT_FIELDS;

function inGoFieldOrder(ev: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of EVENT_FIELDS) if (ev[k] !== undefined) out[k] = ev[k];
  for (const k of Object.keys(ev)) if (!(k in out) && ev[k] !== undefined) out[k] = ev[k];
  return out;
}

/** JSON as kube-apiserver's Go encoder writes it: <, >, & and U+2028/9 escaped (encoding/json, HTML-safe). */
function goJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Writes synthetic events until the file reaches `sizeBytes`; returns the number of events written. */
export function generateSyntheticLog(file: string, sizeBytes: number, seed: number): number {
  const rnd = mulberry32(seed);
  const fd = fs.openSync(file, 'w');
  let clock = Date.parse('2026-01-05T08:00:00Z');
  let written = 0;
  let events = 0;
  let buffer: string[] = [];
  let bufferLength = 0;
  const flush = () => {
    const chunk = Buffer.from(buffer.join(''));
    fs.writeSync(fd, chunk);
    written += chunk.length;
    buffer = [];
    bufferLength = 0;
  };
  const emit = (ev: Record<string, unknown>) => {
    const line = goJson(inGoFieldOrder(ev)) + '\n';
    buffer.push(line);
    bufferLength += line.length;
    events++;
    if (bufferLength > 4 * 1024 * 1024) flush();
  };

  while (written + bufferLength < sizeBytes) {
    clock += Math.floor(-Math.log(1 - rnd()) * 25); // ~40 requests per second on average
    const received = microTime(clock, Math.floor(rnd() * 1000));
    const done = microTime(clock + 2 + Math.floor(rnd() * 40), Math.floor(rnd() * 1000));
    const auditID = uuid(rnd);
    const sourceIPs = [`10.0.${Math.floor(rnd() * 4)}.${Math.floor(rnd() * 250)}`];
    const r = rnd();
    const base = (
      level: string,
      stage: string,
      uri: string,
      verb: string,
      user: User,
      objectRef?: Record<string, string>,
    ): Record<string, unknown> => ({
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level,
      auditID,
      stage,
      requestURI: uri,
      verb,
      user,
      sourceIPs,
      userAgent: 'kube-controller-manager/v1.32.4 (linux/amd64) kubernetes/59526cd/system:serviceaccount',
      ...(objectRef ? { objectRef } : {}),
      ...(stage === 'RequestReceived'
        ? {}
        : { responseStatus: { metadata: {}, code: stage === 'ResponseStarted' ? 101 : 200 } }),
      requestReceivedTimestamp: received,
      stageTimestamp: stage === 'RequestReceived' ? received : done,
      ...(stage === 'RequestReceived'
        ? {}
        : { annotations: { 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': '' } }),
    });
    // Every request gets RequestReceived + ResponseComplete (+ ResponseStarted when long-running).
    const request = (
      level: string,
      uri: string,
      verb: string,
      user: User,
      objectRef?: Record<string, string>,
      bodies: { requestObject?: unknown; responseObject?: unknown } = {},
      longRunning = false,
      extra: Record<string, unknown> = {},
    ) => {
      emit({ ...base(level, 'RequestReceived', uri, verb, user, objectRef), ...extra });
      if (longRunning) emit({ ...base(level, 'ResponseStarted', uri, verb, user, objectRef), ...extra });
      const complete = base(level, 'ResponseComplete', uri, verb, user, objectRef);
      if (bodies.requestObject !== undefined && level !== 'Metadata')
        complete.requestObject = bodies.requestObject;
      if (bodies.responseObject !== undefined && level === 'RequestResponse') {
        complete.responseObject = bodies.responseObject;
      }
      emit({ ...complete, ...extra });
    };

    if (r < 0.22) {
      const node = pick(rnd, NODES);
      const lease = leaseBody(rnd, node, received);
      request(
        'RequestResponse',
        `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${node}?timeout=10s`,
        'update',
        { username: `system:node:${node}`, groups: ['system:nodes', 'system:authenticated'] },
        {
          resource: 'leases',
          namespace: 'kube-node-lease',
          name: node,
          apiGroup: 'coordination.k8s.io',
          apiVersion: 'v1',
        },
        { requestObject: lease, responseObject: lease },
      );
    } else if (r < 0.42) {
      const ns = pick(rnd, NAMESPACES);
      const resource = pick(rnd, ['configmaps', 'secrets', 'services', 'serviceaccounts']);
      const name = `${resource.slice(0, 4)}-${Math.floor(rnd() * 50)}`;
      request('Metadata', `/api/v1/namespaces/${ns}/${resource}/${name}`, 'get', pick(rnd, CONTROLLERS), {
        resource,
        namespace: ns,
        name,
        apiVersion: 'v1',
      });
    } else if (r < 0.55) {
      const ns = pick(rnd, NAMESPACES);
      const items = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, i) =>
        podBody(rnd, ns, `web-${hex(rnd, 5)}-${hex(rnd, 5)}`, received, i >= 0),
      );
      request(
        rnd() < 0.5 ? 'Metadata' : 'RequestResponse',
        `/api/v1/namespaces/${ns}/pods?labelSelector=app%3Dweb&limit=500`,
        'list',
        pick(rnd, CONTROLLERS),
        { resource: 'pods', namespace: ns, apiVersion: 'v1' },
        {
          responseObject: { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '123' }, items },
        },
      );
    } else if (r < 0.63) {
      const resource = pick(rnd, ['pods', 'nodes', 'configmaps', 'endpointslices']);
      const group = resource === 'endpointslices' ? 'discovery.k8s.io' : '';
      request(
        'Metadata',
        `/${group ? `apis/${group}` : 'api'}/v1/${resource}?allowWatchBookmarks=true&resourceVersion=12345&watch=true`,
        'watch',
        pick(rnd, CONTROLLERS),
        { resource, apiGroup: group, apiVersion: 'v1' },
        {},
        true,
      );
    } else if (r < 0.7) {
      const ns = pick(rnd, NAMESPACES);
      const name = `web-${hex(rnd, 10)}-${hex(rnd, 5)}`;
      request(
        'RequestResponse',
        `/api/v1/namespaces/${ns}/pods`,
        'create',
        SA('kube-system', 'replicaset-controller'),
        { resource: 'pods', namespace: ns, apiVersion: 'v1' },
        {
          requestObject: podBody(rnd, ns, name, received, false),
          responseObject: podBody(rnd, ns, name, received, true),
        },
      );
    } else if (r < 0.78) {
      const ns = pick(rnd, NAMESPACES);
      const name = `web-${hex(rnd, 10)}-${hex(rnd, 5)}`;
      const node = pick(rnd, NODES);
      const patch = {
        metadata: { uid: uuid(rnd) },
        status: {
          conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: received }],
          phase: 'Running',
        },
      };
      request(
        'RequestResponse',
        `/api/v1/namespaces/${ns}/pods/${name}/status`,
        'patch',
        { username: `system:node:${node}`, groups: ['system:nodes', 'system:authenticated'] },
        { resource: 'pods', namespace: ns, name, apiVersion: 'v1', subresource: 'status' },
        { requestObject: patch, responseObject: podBody(rnd, ns, name, received, true) },
      );
    } else if (r < 0.82) {
      const ns = pick(rnd, ['prod', 'staging', 'web']);
      const name = pick(rnd, ['frontend', 'api', 'worker']);
      const human = pick(rnd, HUMANS);
      const impersonate = rnd() < 0.5;
      request(
        'RequestResponse',
        `/apis/apps/v1/namespaces/${ns}/deployments/${name}?fieldManager=kubectl-patch`,
        'patch',
        human,
        { resource: 'deployments', namespace: ns, name, apiGroup: 'apps', apiVersion: 'v1' },
        {
          requestObject: { spec: { replicas: 1 + Math.floor(rnd() * 5) } },
          responseObject: { kind: 'Deployment' },
        },
        false,
        impersonate
          ? {
              impersonatedUser: {
                username: 'system:serviceaccount:prod:deployer',
                groups: ['system:serviceaccounts'],
              },
            }
          : {},
      );
    } else if (r < 0.84) {
      const ns = pick(rnd, ['prod', 'staging']);
      const name = `web-${hex(rnd, 10)}-${hex(rnd, 5)}`;
      request(
        'Metadata',
        `/api/v1/namespaces/${ns}/pods/${name}/exec?command=sh&container=app&stdin=true&stdout=true&tty=true`,
        'get',
        pick(rnd, HUMANS),
        { resource: 'pods', namespace: ns, name, apiVersion: 'v1', subresource: 'exec' },
        {},
        true,
      );
    } else if (r < 0.92) {
      const path = pick(rnd, [
        '/healthz',
        '/readyz',
        '/livez',
        '/version',
        '/openapi/v2',
        '/apis',
        '/api/v1',
      ]);
      const anonymous = rnd() < 0.3;
      request(
        'Metadata',
        path,
        'get',
        anonymous
          ? { username: 'system:anonymous', groups: ['system:unauthenticated'] }
          : pick(rnd, CONTROLLERS),
      );
    } else if (r < 0.94) {
      // A failed login: no user info, only a ResponseStarted event.
      emit({
        kind: 'Event',
        apiVersion: 'audit.k8s.io/v1',
        level: 'Metadata',
        auditID,
        stage: 'ResponseStarted',
        requestURI: '/api/v1/namespaces/kube-system/secrets',
        verb: 'list',
        user: {},
        sourceIPs,
        userAgent: 'curl/8.5.0',
        objectRef: { resource: 'secrets', namespace: 'kube-system', apiVersion: 'v1' },
        responseStatus: {
          metadata: {},
          status: 'Failure',
          message: 'Authentication failed',
          reason: 'Unauthorized',
          code: 401,
        },
        requestReceivedTimestamp: received,
        stageTimestamp: received,
      });
    } else {
      const ns = pick(rnd, NAMESPACES);
      const eventBody = {
        kind: 'Event',
        apiVersion: 'v1',
        metadata: { name: `web.${hex(rnd, 16)}`, namespace: ns },
        involvedObject: { kind: 'Pod', namespace: ns, name: `web-${hex(rnd, 5)}`, apiVersion: 'v1' },
        reason: 'Scheduled',
        message: `Successfully assigned ${ns}/web to ${pick(rnd, NODES)}`,
        source: { component: 'default-scheduler' },
        type: 'Normal',
      };
      request(
        'RequestResponse',
        `/api/v1/namespaces/${ns}/events`,
        'create',
        { username: 'system:kube-scheduler', groups: ['system:authenticated'] },
        { resource: 'events', namespace: ns, apiVersion: 'v1' },
        { requestObject: eventBody, responseObject: eventBody },
      );
    }
  }
  flush();
  fs.closeSync(fd);
  return events;
}
