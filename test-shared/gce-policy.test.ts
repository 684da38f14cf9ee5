import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { compilePolicy, evaluatePolicy } from '../src/policy/evaluate';
import { loadPolicy } from '../src/policy/parse';
import { Level, Policy, RequestAttributes } from '../src/policy/types';

// Upstream cluster/gce/gci/audit_policy_test.go, rewritten: the GCE control-plane policy decides these
// levels for these users, verbs and resources, and every non-None decision omits RequestReceived.

const FILE = path.resolve(__dirname, '../../shared/upstream/kubernetes/policies/gce-policy.yaml');
const text = fs.readFileSync(FILE, 'utf8');

interface User {
  user: string;
  groups: string[];
}
const who = (user: string, ...groups: string[]): User => ({ user, groups });
const serviceAccount = (namespace: string, name: string): User =>
  who(
    `system:serviceaccount:${namespace}:${name}`,
    'system:serviceaccounts',
    `system:serviceaccounts:${namespace}`,
  );

const anonymous = who('system:anonymous', 'system:unauthenticated');
const kubeProxy = who('system:kube-proxy', 'system:authenticated');
const ingress = who('system:unsecured', 'system:authenticated', 'system:masters');
const kubelet = who('kubelet', 'system:authenticated', 'system:nodes');
const node = who('system:node:node-123', 'system:authenticated', 'system:nodes');
const controllerManager = who('system:kube-controller-manager', 'system:authenticated');
const scheduler = who('system:kube-scheduler', 'system:authenticated');
const apiserver = who('system:apiserver', 'system:masters');
const autoscaler = who('cluster-autoscaler', 'system:authenticated');
const problemDetector = who('system:node-problem-detector', 'system:authenticated');
const problemDetectorSA = serviceAccount('kube-system', 'node-problem-detector');
const namespaceController = serviceAccount('kube-system', 'namespace-controller');
const endpointController = serviceAccount('kube-system', 'endpoint-controller');
const defaultSA = serviceAccount('default', 'default');
const everyone = [
  anonymous,
  kubeProxy,
  ingress,
  kubelet,
  node,
  controllerManager,
  scheduler,
  apiserver,
  autoscaler,
  problemDetector,
  problemDetectorSA,
  namespaceController,
  endpointController,
  defaultSA,
];

interface Target {
  resource: string;
  namespace: string;
  apiGroup: string;
  subresource: string;
}
const target = (resource: string, namespace = '', apiGroup = '', subresource = ''): Target => ({
  resource,
  namespace,
  apiGroup,
  subresource,
});

const nodes = target('nodes');
const nodeStatus = target('nodes', '', '', 'status');
const endpoints = target('endpoints', 'default');
const systemEndpoints = target('endpoints', 'kube-system');
const services = target('services', 'default');
const serviceStatus = target('services', 'default', '', 'status');
const configmaps = target('configmaps', 'default');
const systemConfigmaps = target('configmaps', 'kube-system');
const namespaces = target('namespaces');
const namespaceStatus = target('namespaces', '', '', 'status');
const namespaceFinalize = target('namespaces', '', '', 'finalize');
const podMetrics = target('podmetrics', 'default', 'metrics.k8s.io');
const nodeMetrics = target('nodemetrics', '', 'metrics.k8s.io');
const pods = target('pods', 'default');
const podStatus = target('pods', 'default', '', 'status');
const secrets = target('secrets', 'default');
const tokenReviews = target('tokenreviews', '', 'authentication.k8s.io');
const deployments = target('deployments', 'default', 'apps');
const clusterRoles = target('clusterroles', '', 'rbac.authorization.k8s.io');
const events = target('events', 'default');
const foos = target('foos', 'default', 'example.com');
const fooBaz = target('foos', 'default', 'example.com', 'baz');

type Case = [Level, User[], string[], Target[]];
const resourceCases: Case[] = [
  ['None', [kubeProxy], ['watch'], [endpoints, systemEndpoints, services, serviceStatus]],
  ['Request', [kubeProxy], ['watch'], [nodes, pods]],
  ['None', [ingress], ['get'], [systemConfigmaps]],
  ['Metadata', [ingress], ['get'], [configmaps]],
  ['None', [kubelet, node], ['get'], [nodes, nodeStatus]],
  ['Metadata', [kubelet, node], ['get'], [systemConfigmaps, secrets]],
  ['RequestResponse', [kubelet, node], ['create'], [deployments, pods]],
  ['None', [controllerManager, scheduler, endpointController], ['get', 'update'], [systemEndpoints]],
  ['Request', [controllerManager, scheduler, endpointController], ['get'], [endpoints]],
  ['RequestResponse', [controllerManager, scheduler, endpointController], ['update'], [endpoints]],
  ['None', [apiserver], ['get'], [namespaces, namespaceStatus, namespaceFinalize]],
  ['Metadata', [apiserver], ['get', 'create', 'update'], [systemConfigmaps, secrets]],
  ['None', [autoscaler], ['get', 'update'], [systemConfigmaps, systemEndpoints]],
  ['Metadata', [autoscaler], ['get', 'update'], [configmaps]],
  ['RequestResponse', [autoscaler], ['update'], [endpoints]],
  ['None', [controllerManager], ['get', 'list'], [podMetrics, nodeMetrics]],
  [
    'None',
    [node, apiserver, defaultSA, anonymous],
    ['get', 'list', 'create', 'patch', 'update', 'delete'],
    [events],
  ],
  [
    'Request',
    [kubelet, node, problemDetector, problemDetectorSA],
    ['update', 'patch'],
    [nodeStatus, podStatus],
  ],
  ['Request', [namespaceController], ['deletecollection'], [pods, namespaces]],
  [
    'Metadata',
    [defaultSA, anonymous, problemDetector, namespaceController],
    ['get', 'create', 'update'],
    [secrets, configmaps, systemConfigmaps, tokenReviews],
  ],
  [
    'Request',
    [defaultSA, anonymous, problemDetector, namespaceController],
    ['get', 'list', 'watch'],
    [systemEndpoints, podMetrics, pods, clusterRoles, deployments],
  ],
  [
    'RequestResponse',
    [defaultSA, anonymous, problemDetector, namespaceController],
    ['create', 'update', 'patch', 'delete'],
    [systemEndpoints, podMetrics, pods, clusterRoles, deployments],
  ],
  [
    'Metadata',
    [defaultSA, anonymous, problemDetector, namespaceController],
    ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
    [foos, fooBaz],
  ],
];
const nonResourceCases: Array<[Level, string[]]> = [
  ['None', ['/healthz', '/healthz/etcd', '/swagger-2.0.0.json', '/swagger-2.0.0.pb-v1.gz', '/version']],
  ['Metadata', ['/logs', '/openapi/v2', '/apis/policy', '/metrics', '/api']],
];

function expand(): Array<[string, Level, RequestAttributes]> {
  const out: Array<[string, Level, RequestAttributes]> = [];
  for (const [level, users, verbs, targets] of resourceCases) {
    for (const u of users) {
      for (const verb of verbs) {
        for (const t of targets) {
          const obj = t.namespace ? `${t.resource}:${t.namespace}` : t.resource;
          const req: RequestAttributes = { ...u, verb, apiVersion: 'v1', resourceRequest: true, ...t };
          out.push([`${u.user}.${verb}.${obj}${t.subresource ? `/${t.subresource}` : ''}`, level, req]);
        }
      }
    }
  }
  for (const [level, paths] of nonResourceCases) {
    for (const u of everyone) {
      for (const verb of ['get', 'post']) {
        for (const p of paths)
          out.push([`${u.user}.${verb}.${p}`, level, { ...u, verb, resourceRequest: false, path: p }]);
      }
    }
  }
  return out;
}

const loaded = loadPolicy(text);
const policy = loaded.policy as Policy;
const compiled = compilePolicy(policy);
const cases = expand();

test('the GCE policy loads without errors and equals the plain YAML reading', () => {
  expect(loaded.errors).toEqual([]);
  expect(policy.rules).toHaveLength(17);
  expect(policy).toEqual(parse(text));
});

test('the upstream table expands to hundreds of requests', () => {
  expect(cases.length).toBeGreaterThan(400);
});

test.each(cases)('%s -> %s', (_name, level, req) => {
  const decision = compiled.evaluate(req);
  expect(decision.level).toBe(level);
  if (level !== 'None') expect(decision.omitStages).toEqual(['RequestReceived']);
  expect(evaluatePolicy(policy, req)).toEqual(decision);
});
