import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadPolicy } from '../../src/policy';
import type { Policy, RequestAttributes } from '../../src/policy/types';
import { createReplayAccumulator, eventToRequest, simulate } from '../../src/replay';
import { AuditEvent, methodOfVerb } from '../../src/replay/event';
import { runInProcess } from '../cli/helpers';
import { Readable } from 'stream';

// kube-apiserver evaluates the policy once per request, before the handler, on attributes its
// RequestInfoFactory derives from the request line (k8s.io/apiserver pkg/endpoints/request/requestinfo.go);
// objectRef is written later and enriched from the object (pkg/audit/request.go LogRequestObject fills an
// empty name/namespace from the body, uid and resourceVersion). The replay must decide on the former.

const POLICY_FILE = path.resolve(__dirname, '../fixtures/replay/request-line-policy.yaml');
const policy = (): Policy => loadPolicy(fs.readFileSync(POLICY_FILE, 'utf8')).policy!;

const SA = {
  username: 'system:serviceaccount:kube-system:ctl',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

function event(fields: Record<string, unknown>): AuditEvent {
  return {
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: 'a1',
    stage: 'ResponseComplete',
    user: SA,
    requestReceivedTimestamp: '2026-01-01T00:00:00.000000Z',
    stageTimestamp: '2026-01-01T00:00:00.004000Z',
    ...fields,
  } as AuditEvent;
}

describe('issue 9 §1: the sample (create configmap, resourceNames rule)', () => {
  const sample = [
    '{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"a1","stage":"RequestReceived","requestURI":"/api/v1/namespaces/kube-system/configmaps","verb":"create","user":{"username":"system:serviceaccount:kube-system:ctl","groups":["system:serviceaccounts","system:serviceaccounts:kube-system","system:authenticated"]},"objectRef":{"resource":"configmaps","namespace":"kube-system","apiVersion":"v1"},"requestReceivedTimestamp":"2026-01-01T00:00:00.000000Z","stageTimestamp":"2026-01-01T00:00:00.000000Z"}',
    '{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"a1","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/kube-system/configmaps","verb":"create","user":{"username":"system:serviceaccount:kube-system:ctl","groups":["system:serviceaccounts","system:serviceaccounts:kube-system","system:authenticated"]},"objectRef":{"resource":"configmaps","namespace":"kube-system","name":"controller-leader","uid":"u1","apiVersion":"v1","resourceVersion":"7"},"responseStatus":{"metadata":{},"code":201},"requestReceivedTimestamp":"2026-01-01T00:00:00.000000Z","stageTimestamp":"2026-01-01T00:00:00.004000Z"}',
  ];
  const samplePolicy: Policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    rules: [
      {
        level: 'None',
        resources: [{ group: '', resources: ['configmaps'], resourceNames: ['controller-leader'] }],
      },
      { level: 'Metadata' },
    ],
  };

  test('both events of the request are decided Metadata (the URL has no name) and written', async () => {
    const r = await simulate([Readable.from([sample.join('\n') + '\n'])], { policy: samplePolicy });
    expect(r.decided).toEqual({ None: 0, Metadata: 2, Request: 0, RequestResponse: 0 });
    expect(r.written.events).toBe(2);
    expect(r.rules.map((x) => x.hits)).toEqual([0, 2]);
    expect(r.attributesFromObjectRef).toBe(0);
  });

  test('explain on the same request agrees', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rl-')), 'p.yaml');
    fs.writeFileSync(file, JSON.stringify(samplePolicy));
    const run = await runInProcess([
      'explain',
      '--policy',
      file,
      '--url',
      'POST /api/v1/namespaces/kube-system/configmaps',
      '--user',
      SA.username,
      '--json',
    ]);
    expect(JSON.parse(run.stdout).decision).toMatchObject({ level: 'Metadata', ruleIndex: 1 });
  });
});

interface Case {
  title: string;
  verb: string;
  uri: string;
  /** objectRef as the log holds it (enriched), which must not decide. */
  objectRef?: Record<string, string>;
  user?: Record<string, unknown>;
  impersonatedUser?: Record<string, unknown>;
  /** Attributes per requestinfo.go. */
  want: Partial<RequestAttributes>;
}

const CASES: Case[] = [
  {
    title: 'create: the name is only in the body',
    verb: 'create',
    uri: '/api/v1/namespaces/kube-system/configmaps',
    objectRef: {
      resource: 'configmaps',
      namespace: 'kube-system',
      name: 'controller-leader',
      apiVersion: 'v1',
    },
    want: { resourceRequest: true, resource: 'configmaps', namespace: 'kube-system', name: '' },
  },
  {
    title: 'create of a Namespace: name and namespace come from the body, not the URL',
    verb: 'create',
    uri: '/api/v1/namespaces',
    objectRef: { resource: 'namespaces', name: 'kube-system', apiVersion: 'v1' },
    want: { resource: 'namespaces', namespace: '', name: '' },
  },
  {
    title: 'watch via ?watch=1',
    verb: 'watch',
    uri: '/api/v1/namespaces/ns/pods?watch=1&resourceVersion=5',
    objectRef: { resource: 'pods', namespace: 'ns', apiVersion: 'v1' },
    want: { verb: 'watch', resource: 'pods', namespace: 'ns', name: '' },
  },
  {
    title: 'watch via the deprecated /watch/ path, named',
    verb: 'watch',
    uri: '/api/v1/watch/namespaces/ns/configmaps/controller-leader',
    want: { verb: 'watch', resource: 'configmaps', namespace: 'ns', name: 'controller-leader' },
  },
  {
    title: 'list narrowed by fieldSelector metadata.name carries the name',
    verb: 'list',
    uri: '/api/v1/namespaces/kube-system/configmaps?fieldSelector=metadata.name%3Dcontroller-leader&limit=1',
    objectRef: { resource: 'configmaps', namespace: 'kube-system', apiVersion: 'v1' },
    want: { verb: 'list', resource: 'configmaps', name: 'controller-leader' },
  },
  {
    title: 'fieldSelector metadata.name!= is no name',
    verb: 'list',
    uri: '/api/v1/namespaces/kube-system/configmaps?fieldSelector=metadata.name!%3Dcontroller-leader',
    want: { verb: 'list', resource: 'configmaps', name: '' },
  },
  {
    title: 'subresource: WebSocket exec is a get of pods/exec',
    verb: 'get',
    uri: '/api/v1/namespaces/prod/pods/web-0/exec?command=sh&stdin=true&tty=true',
    objectRef: { resource: 'pods', namespace: 'prod', name: 'web-0', subresource: 'exec', apiVersion: 'v1' },
    want: { verb: 'get', resource: 'pods', subresource: 'exec', namespace: 'prod', name: 'web-0' },
  },
  {
    title: 'subresource in a named group',
    verb: 'update',
    uri: '/apis/apps/v1/namespaces/ns/deployments/d/scale',
    want: { apiGroup: 'apps', apiVersion: 'v1', resource: 'deployments', subresource: 'scale', name: 'd' },
  },
  {
    title: 'the Namespace object: namespace is its own name',
    verb: 'get',
    uri: '/api/v1/namespaces/kube-system',
    want: { resource: 'namespaces', namespace: 'kube-system', name: 'kube-system', subresource: '' },
  },
  {
    title: 'the Namespace finalize subresource',
    verb: 'update',
    uri: '/api/v1/namespaces/kube-system/finalize',
    want: { resource: 'namespaces', subresource: 'finalize', namespace: 'kube-system', name: 'kube-system' },
  },
  {
    title: 'deprecated proxy verb: never a subresource',
    verb: 'proxy',
    uri: '/api/v1/proxy/namespaces/ns/services/web:80/metrics',
    want: { verb: 'proxy', resource: 'services', subresource: '', namespace: 'ns', name: 'web:80' },
  },
  {
    title: 'services/proxy subresource',
    verb: 'get',
    uri: '/api/v1/namespaces/ns/services/web:80/proxy/metrics',
    want: { verb: 'get', resource: 'services', subresource: 'proxy', name: 'web:80' },
  },
  {
    title: 'deletecollection',
    verb: 'deletecollection',
    uri: '/api/v1/namespaces/ns/pods?labelSelector=app%3Dweb',
    want: { verb: 'deletecollection', resource: 'pods', namespace: 'ns', name: '' },
  },
  {
    title: 'non-resource URL: path without query',
    verb: 'get',
    uri: '/healthz/etcd?verbose',
    want: { resourceRequest: false, path: '/healthz/etcd' },
  },
  {
    title: 'discovery paths are non-resource',
    verb: 'get',
    uri: '/apis/apps/v1',
    want: { resourceRequest: false, path: '/apis/apps/v1' },
  },
  {
    title: 'URL-encoded name segment is decoded (URL.Path)',
    verb: 'get',
    uri: '/api/v1/namespaces/ns/configmaps/a%3Ab',
    want: { resource: 'configmaps', name: 'a:b' },
  },
  {
    title: 'URL-encoded non-resource path is decoded',
    verb: 'get',
    uri: '/metrics%2Fx',
    want: { resourceRequest: false, path: '/metrics/x' },
  },
  {
    title: 'impersonation: the policy sees the caller, never impersonatedUser',
    verb: 'get',
    uri: '/api/v1/namespaces/ns/secrets/s',
    user: { username: 'alice', groups: ['system:authenticated'] },
    impersonatedUser: { username: 'bob', groups: ['system:authenticated'] },
    want: { user: 'alice', resource: 'secrets', name: 's' },
  },
];

function caseEvent(c: Case, stage = 'ResponseComplete'): AuditEvent {
  return event({
    stage,
    verb: c.verb,
    requestURI: c.uri,
    ...(c.objectRef ? { objectRef: c.objectRef } : {}),
    ...(c.user ? { user: c.user } : {}),
    ...(c.impersonatedUser ? { impersonatedUser: c.impersonatedUser } : {}),
  });
}

describe('attributes come from the request line (requestinfo.go), whatever objectRef holds', () => {
  test.each(CASES.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    expect(eventToRequest(caseEvent(c))).toMatchObject(c.want);
  });

  test('every stage of one request gets the same decision, and explain agrees', async () => {
    for (const c of CASES) {
      const acc = createReplayAccumulator(policy());
      // RequestReceived carries objectRef as the URL gave it; later stages carry the enriched one.
      acc.addLine(JSON.stringify(caseEvent({ ...c, objectRef: undefined }, 'RequestReceived')), 1, 'log');
      acc.addLine(JSON.stringify(caseEvent(c, 'ResponseComplete')), 2, 'log');
      const r = acc.report();
      const hit = r.rules.filter((x) => x.hits > 0);
      expect({ title: c.title, rules: hit.map((x) => [x.index, x.hits]) }).toEqual({
        title: c.title,
        rules: [[hit[0].index, 2]],
      });
      const user = (c.user ?? SA) as { username: string; groups: string[] };
      const run = await runInProcess([
        'explain',
        '--policy',
        POLICY_FILE,
        '--url',
        `${methodOfVerb(c.verb)} ${c.uri}`,
        '--user',
        user.username,
        ...user.groups.flatMap((g) => ['--group', g]),
        '--json',
      ]);
      expect({ title: c.title, rule: JSON.parse(run.stdout).decision.ruleIndex }).toEqual({
        title: c.title,
        rule: hit[0].index,
      });
    }
  });

  test('an event without a usable requestURI falls back to objectRef and is counted', async () => {
    const acc = createReplayAccumulator(policy());
    acc.addLine(
      JSON.stringify(
        event({
          verb: 'get',
          objectRef: { resource: 'configmaps', namespace: 'x', name: 'controller-leader' },
        }),
      ),
      1,
      'log',
    );
    acc.addLine(JSON.stringify(event({ verb: 'get', requestURI: 'not a uri' })), 2, 'log');
    const r = acc.report();
    expect(r.attributesFromObjectRef).toBe(2);
    expect(r.rules[0].hits).toBe(1);
  });
});
