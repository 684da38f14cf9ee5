import { RequestAttributes } from '../src/policy/types';
import { mulberry32, pick, Rng } from '../test/support/seeded-random';

// A fixed, seeded request mix shaped like a Deckhouse cluster's API traffic: mostly watch/list/get and
// lease renewals by system components, some writes, a little human traffic, probes and metrics scrapes,
// and a few failed logins. Weights are per-mille of all requests.

interface Who {
  user?: string;
  groups?: string[];
}

const NODES = Array.from({ length: 12 }, (_, i) => `system:node:worker-${i}`);
const D8_SERVICE_ACCOUNTS = [
  'system:serviceaccount:d8-system:deckhouse',
  'system:serviceaccount:d8-cert-manager:cert-manager',
  'system:serviceaccount:d8-cert-manager:cainjector',
  'system:serviceaccount:d8-monitoring:prometheus',
  'system:serviceaccount:d8-monitoring:grafana',
  'system:serviceaccount:d8-ingress-nginx:ingress-nginx',
  'system:serviceaccount:d8-cni-cilium:agent',
  'system:serviceaccount:d8-cni-cilium:operator',
  'system:serviceaccount:d8-log-shipper:log-shipper',
  'system:serviceaccount:d8-upmeter:upmeter',
  'system:serviceaccount:d8-user-authn:dex',
  'system:serviceaccount:d8-admission-policy-engine:gatekeeper',
  'system:serviceaccount:d8-cloud-instance-manager:machine-controller-manager',
  'system:serviceaccount:d8-virtualization:virtualization-controller',
];
const KUBE_SYSTEM_SERVICE_ACCOUNTS = [
  'system:serviceaccount:kube-system:d8-vertical-pod-autoscaler-recommender',
  'system:serviceaccount:kube-system:d8-vertical-pod-autoscaler-updater',
  'system:serviceaccount:kube-system:coredns',
  'system:serviceaccount:kube-system:generic-garbage-collector',
  'system:serviceaccount:kube-system:replicaset-controller',
  'system:serviceaccount:kube-system:endpointslice-controller',
  'system:serviceaccount:kube-system:namespace-controller',
  'system:serviceaccount:kube-system:node-controller',
];
const APP_SERVICE_ACCOUNTS = [
  'system:serviceaccount:argocd:argocd-application-controller',
  'system:serviceaccount:prod:web',
  'system:serviceaccount:ci:runner',
];
const CONTROL_PLANE_USERS = ['system:kube-controller-manager', 'system:kube-scheduler', 'system:apiserver'];
const HUMANS: Who[] = [
  { user: 'admin@example.com', groups: ['admins', 'system:authenticated'] },
  { user: 'alice@example.com', groups: ['developers', 'system:authenticated'] },
  { user: 'bob@example.com', groups: ['developers', 'sre', 'system:authenticated'] },
  { user: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] },
];
const SYSTEM_NAMESPACES = [
  'd8-system',
  'd8-monitoring',
  'd8-cert-manager',
  'd8-ingress-nginx',
  'd8-cni-cilium',
  'd8-log-shipper',
  'd8-upmeter',
  'd8-virtualization',
  'kube-system',
];
const USER_NAMESPACES = ['default', 'prod', 'staging', 'ci', 'argocd', 'team-a', 'team-b'];

function serviceAccount(name: string): Who {
  const namespace = name.split(':')[2];
  return {
    user: name,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
  };
}
const node = (name: string): Who => ({ user: name, groups: ['system:nodes', 'system:authenticated'] });
const plain = (name: string): Who => ({ user: name, groups: ['system:authenticated'] });

/** [apiGroup, resource] pairs that components typically watch. */
const WATCHED: ReadonlyArray<readonly [string, string]> = [
  ['', 'pods'],
  ['', 'services'],
  ['', 'endpoints'],
  ['', 'configmaps'],
  ['', 'secrets'],
  ['', 'nodes'],
  ['', 'namespaces'],
  ['', 'serviceaccounts'],
  ['', 'persistentvolumeclaims'],
  ['apps', 'deployments'],
  ['apps', 'daemonsets'],
  ['apps', 'statefulsets'],
  ['apps', 'replicasets'],
  ['discovery.k8s.io', 'endpointslices'],
  ['networking.k8s.io', 'ingresses'],
  ['rbac.authorization.k8s.io', 'roles'],
  ['rbac.authorization.k8s.io', 'clusterroles'],
  ['rbac.authorization.k8s.io', 'rolebindings'],
  ['deckhouse.io', 'moduleconfigs'],
  ['deckhouse.io', 'modules'],
  ['deckhouse.io', 'nodegroups'],
  ['cilium.io', 'ciliumendpoints'],
  ['autoscaling.k8s.io', 'verticalpodautoscalers'],
  ['virtualization.deckhouse.io', 'virtualmachines'],
  ['monitoring.coreos.com', 'servicemonitors'],
];

function resource(
  who: Who,
  verb: string,
  apiGroup: string,
  res: string,
  namespace = '',
  name = '',
  subresource = '',
): RequestAttributes {
  const req: RequestAttributes = {
    verb,
    resourceRequest: true,
    apiGroup,
    resource: res,
    namespace,
    name,
    subresource,
  };
  if (who.user !== undefined) req.user = who.user;
  if (who.groups !== undefined) req.groups = who.groups;
  return req;
}

function nonResource(who: Who, verb: string, path: string): RequestAttributes {
  const req: RequestAttributes = { verb, resourceRequest: false, path };
  if (who.user !== undefined) req.user = who.user;
  if (who.groups !== undefined) req.groups = who.groups;
  return req;
}

function anyNamespace(rng: Rng): string {
  return rng() < 0.6 ? pick(rng, SYSTEM_NAMESPACES) : pick(rng, USER_NAMESPACES);
}

type Generator = (rng: Rng) => RequestAttributes;

const GENERATORS: ReadonlyArray<readonly [number, Generator]> = [
  // Lease renewals: every node and controller, every few seconds.
  [
    160,
    (rng) => {
      const who = rng() < 0.7 ? node(pick(rng, NODES)) : plain(pick(rng, CONTROL_PLANE_USERS));
      const ns = who.groups?.includes('system:nodes') ? 'kube-node-lease' : 'kube-system';
      return resource(who, pick(rng, ['get', 'update']), 'coordination.k8s.io', 'leases', ns, 'lease-x');
    },
  ],
  // Watches and lists by Deckhouse and kube-system controllers.
  [
    260,
    (rng) => {
      const sa = rng() < 0.6 ? pick(rng, D8_SERVICE_ACCOUNTS) : pick(rng, KUBE_SYSTEM_SERVICE_ACCOUNTS);
      const [group, res] = pick(rng, WATCHED);
      const ns = rng() < 0.5 ? '' : anyNamespace(rng);
      return resource(serviceAccount(sa), rng() < 0.7 ? 'watch' : 'list', group, res, ns);
    },
  ],
  // Kubelets: own pods, node status, secrets/configmaps for mounts.
  [
    130,
    (rng) => {
      const who = node(pick(rng, NODES));
      const r = rng();
      if (r < 0.3) return resource(who, 'get', '', 'nodes', '', 'worker-1');
      if (r < 0.5) return resource(who, 'patch', '', 'nodes', '', 'worker-1', 'status');
      if (r < 0.7) return resource(who, 'patch', '', 'pods', anyNamespace(rng), 'pod-1', 'status');
      if (r < 0.85)
        return resource(
          who,
          pick(rng, ['get', 'watch']),
          '',
          pick(rng, ['secrets', 'configmaps']),
          anyNamespace(rng),
          'cfg',
        );
      return resource(who, 'create', '', 'serviceaccounts', anyNamespace(rng), 'default', 'token');
    },
  ],
  // Named gets by controllers.
  [
    120,
    (rng) => {
      const sa = rng() < 0.5 ? pick(rng, D8_SERVICE_ACCOUNTS) : pick(rng, KUBE_SYSTEM_SERVICE_ACCOUNTS);
      const [group, res] = pick(rng, WATCHED);
      return resource(serviceAccount(sa), 'get', group, res, anyNamespace(rng), 'obj');
    },
  ],
  // Controller writes: status updates, endpoints, events, pods, VPA status, cert-manager leader election.
  [
    110,
    (rng) => {
      const r = rng();
      const sa = serviceAccount(pick(rng, [...D8_SERVICE_ACCOUNTS, ...KUBE_SYSTEM_SERVICE_ACCOUNTS]));
      if (r < 0.25)
        return resource(sa, 'create', pick(rng, ['', 'events.k8s.io']), 'events', anyNamespace(rng));
      if (r < 0.4)
        return resource(
          sa,
          'update',
          pick(rng, ['', 'discovery.k8s.io']),
          pick(rng, ['endpoints', 'endpointslices']),
          anyNamespace(rng),
          'svc',
        );
      if (r < 0.5) {
        const vpa = serviceAccount(
          'system:serviceaccount:kube-system:d8-vertical-pod-autoscaler-recommender',
        );
        return resource(
          vpa,
          'patch',
          'autoscaling.k8s.io',
          pick(rng, ['verticalpodautoscalers', 'verticalpodautoscalercheckpoints']),
          anyNamespace(rng),
          'vpa',
        );
      }
      if (r < 0.6) {
        return resource(
          sa,
          pick(rng, ['get', 'update']),
          '',
          'configmaps',
          'd8-cert-manager',
          pick(rng, ['cert-manager-controller', 'other']),
        );
      }
      if (r < 0.75) {
        const [group, res] = pick(rng, WATCHED);
        return resource(
          sa,
          pick(rng, ['update', 'patch']),
          group,
          res,
          anyNamespace(rng),
          'obj',
          rng() < 0.5 ? 'status' : '',
        );
      }
      if (r < 0.85)
        return resource(
          sa,
          pick(rng, ['create', 'delete']),
          '',
          'pods',
          anyNamespace(rng),
          rng() < 0.5 ? '' : 'pod-1',
        );
      if (r < 0.92) return resource(sa, 'create', 'deckhouse.io', 'upmeterhookprobes', 'd8-upmeter');
      return resource(
        plain('system:kube-scheduler'),
        'create',
        '',
        'pods',
        anyNamespace(rng),
        'pod-1',
        'binding',
      );
    },
  ],
  // Health probes, metrics scrapes, discovery.
  [
    120,
    (rng) => {
      const r = rng();
      const anonymous: Who = { user: 'system:anonymous', groups: ['system:unauthenticated'] };
      if (r < 0.4)
        return nonResource(anonymous, 'get', pick(rng, ['/healthz', '/readyz', '/livez', '/readyz/etcd']));
      if (r < 0.6)
        return nonResource(
          serviceAccount('system:serviceaccount:d8-monitoring:prometheus'),
          'get',
          '/metrics',
        );
      const who = rng() < 0.5 ? serviceAccount(pick(rng, D8_SERVICE_ACCOUNTS)) : pick(rng, HUMANS);
      return nonResource(
        who,
        'get',
        pick(rng, ['/api', '/apis', '/openapi/v2', '/openapi/v3', '/version', '/apis/apps/v1']),
      );
    },
  ],
  // Humans: kubectl get/describe/logs/exec, deploys, RBAC edits.
  [
    60,
    (rng) => {
      const who = pick(rng, HUMANS);
      const ns = rng() < 0.7 ? pick(rng, USER_NAMESPACES) : pick(rng, SYSTEM_NAMESPACES);
      const r = rng();
      if (r < 0.35)
        return resource(who, pick(rng, ['list', 'get']), '', 'pods', ns, rng() < 0.5 ? '' : 'web-0');
      if (r < 0.5) return resource(who, 'get', '', 'pods', ns, 'web-0', 'log');
      if (r < 0.6)
        return resource(
          who,
          pick(rng, ['get', 'create']),
          '',
          'pods',
          ns,
          'web-0',
          pick(rng, ['exec', 'attach', 'portforward']),
        );
      if (r < 0.75)
        return resource(
          who,
          pick(rng, ['get', 'patch', 'update']),
          'apps',
          'deployments',
          ns,
          'web',
          rng() < 0.2 ? 'scale' : '',
        );
      if (r < 0.85)
        return resource(
          who,
          pick(rng, ['create', 'update', 'delete']),
          'rbac.authorization.k8s.io',
          pick(rng, ['roles', 'rolebindings', 'clusterrolebindings']),
          ns,
          'r',
        );
      if (r < 0.92)
        return resource(who, pick(rng, ['get', 'list']), '', 'secrets', ns, rng() < 0.5 ? '' : 's');
      if (r < 0.96) return resource(who, 'patch', 'deckhouse.io', 'moduleconfigs', '', 'user-authn');
      return resource(who, 'create', 'virtualization.deckhouse.io', 'virtualmachineoperations', ns, 'op');
    },
  ],
  // Applications' own ServiceAccounts (Argo CD, CI) and node/namespace lifecycle.
  [
    35,
    (rng) => {
      const who = serviceAccount(pick(rng, APP_SERVICE_ACCOUNTS));
      const [group, res] = pick(rng, WATCHED);
      const verb = pick(rng, ['get', 'list', 'watch', 'patch', 'create', 'delete']);
      return resource(
        who,
        verb,
        group,
        res,
        pick(rng, USER_NAMESPACES),
        verb === 'list' || verb === 'watch' ? '' : 'x',
      );
    },
  ],
  // Failed authentication: no user info at all.
  [
    5,
    (rng) =>
      rng() < 0.5
        ? resource({}, 'list', '', 'secrets', pick(rng, USER_NAMESPACES))
        : nonResource({}, 'get', pick(rng, ['/api', '/healthz', '/apis'])),
  ],
];

/** `count` requests drawn with a fixed seed, so every run measures the same mix. */
export function buildRequestMix(count = 20_000, seed = 0x5eed): RequestAttributes[] {
  const rng = mulberry32(seed);
  const total = GENERATORS.reduce((sum, [weight]) => sum + weight, 0);
  const mix: RequestAttributes[] = [];
  for (let i = 0; i < count; i++) {
    let roll = rng() * total;
    let generate = GENERATORS[GENERATORS.length - 1][1];
    for (const [weight, g] of GENERATORS) {
      if (roll < weight) {
        generate = g;
        break;
      }
      roll -= weight;
    }
    mix.push(generate(rng));
  }
  return mix;
}
