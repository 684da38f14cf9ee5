// Assertion pack `cis`: the CIS Kubernetes Benchmark audit items, checked by evaluation.
import { AssertionPack } from '../assertion-pack';
import { PolicyRule } from '../../policy/types';
import { make, RECORDED, req } from './pack-items';

const CIS_SENSITIVE_FIX: PolicyRule[] = [
  {
    level: 'Metadata',
    resources: [
      { group: '', resources: ['secrets', 'configmaps'] },
      { group: 'authentication.k8s.io', resources: ['tokenreviews'] },
    ],
    omitStages: ['RequestReceived'],
  },
];
const CIS_WORKLOAD_FIX: PolicyRule[] = [
  {
    level: 'Metadata',
    verbs: ['create', 'update', 'patch', 'delete'],
    resources: [
      { group: '', resources: ['pods'] },
      { group: 'apps', resources: ['deployments'] },
    ],
    omitStages: ['RequestReceived'],
  },
];
const CIS_ACCESS_FIX: PolicyRule[] = [
  {
    level: 'Metadata',
    resources: [{ group: '', resources: ['pods/exec', 'pods/portforward', 'pods/proxy', 'services/proxy'] }],
    omitStages: ['RequestReceived'],
  },
];
const SENSITIVE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/**
 * CIS Kubernetes Benchmark audit items: API server audit logging on (1.2.x audit-log flags, 3.2.1 a
 * policy exists) and 3.2.2 (the policy covers key security concerns: Secrets, ConfigMaps and TokenReviews
 * recorded at Metadata only; Pod/Deployment changes; exec, port-forward and proxy), checked by evaluation.
 */
export const cis: AssertionPack = {
  name: 'cis',
  description:
    'CIS Kubernetes Benchmark audit items (1.2.x, 3.2.1, 3.2.2); on Deckhouse the audit-log flags of 1.2.x ' +
    '(path, maxage 30, maxbackup 10, maxsize 100) are set by control-plane-manager whenever a policy exists',
  source: 'CIS Kubernetes Benchmark, sections 1.2 (API Server) and 3.2 (Logging)',
  items: [
    {
      id: 'cis.1.2.audit-log',
      name: 'kube-apiserver writes an audit log (audit policy file and log path set)',
      statement: 'CIS 1.2.x: audit logging is enabled on the API server',
      check: 'audit-enabled',
      fix: 'enable auditing: basicAuditPolicyEnabled: true and/or auditPolicyEnabled: true with a policy Secret',
    },
    {
      id: 'cis.3.2.1.policy',
      name: 'a minimal audit policy is in place',
      statement: 'CIS 3.2.1: a minimal audit policy is created',
      check: 'audit-enabled',
      fix: 'provide an audit policy with at least one rule',
    },
    ...(['secrets', 'configmaps'] as const).flatMap((resource) =>
      make(
        `CIS 3.2.2: ${resource} are recorded at Metadata only`,
        `cis.3.2.2.${resource}`,
        { level: 'Metadata' },
        CIS_SENSITIVE_FIX,
        SENSITIVE_VERBS.map((verb) => [
          verb,
          `${verb} ${resource} is recorded, without bodies`,
          req(verb, resource, {
            namespace: 'prod',
            ...(['get', 'update', 'patch', 'delete'].includes(verb) ? { name: 'app' } : {}),
          }),
        ]),
      ),
    ),
    ...make(
      'CIS 3.2.2: TokenReviews are recorded at Metadata only',
      'cis.3.2.2.tokenreviews',
      { level: 'Metadata' },
      CIS_SENSITIVE_FIX,
      [
        [
          'create',
          'a webhook authenticator reviews a token',
          req('create', 'tokenreviews', { apiGroup: 'authentication.k8s.io' }),
        ],
      ],
    ),
    ...make(
      'CIS 3.2.2: modifications of Pods and Deployments are recorded',
      'cis.3.2.2.workloads',
      RECORDED,
      CIS_WORKLOAD_FIX,
      [
        ['pod-create', 'a Pod is created', req('create', 'pods', { namespace: 'prod' })],
        ['pod-delete', 'a Pod is deleted', req('delete', 'pods', { namespace: 'prod', name: 'web-0' })],
        [
          'deployment-create',
          'a Deployment is created',
          req('create', 'deployments', { apiGroup: 'apps', namespace: 'prod' }),
        ],
        [
          'deployment-patch',
          'a Deployment is patched',
          req('patch', 'deployments', { apiGroup: 'apps', namespace: 'prod', name: 'web' }),
        ],
        [
          'deployment-update',
          'a Deployment is replaced',
          req('update', 'deployments', { apiGroup: 'apps', namespace: 'prod', name: 'web' }),
        ],
        [
          'deployment-delete',
          'a Deployment is deleted',
          req('delete', 'deployments', { apiGroup: 'apps', namespace: 'prod', name: 'web' }),
        ],
      ],
    ),
    ...make(
      'CIS 3.2.2: use of pods/exec, pods/portforward, pods/proxy and services/proxy is recorded',
      'cis.3.2.2.access',
      RECORDED,
      CIS_ACCESS_FIX,
      [
        ['exec', 'kubectl exec (WebSocket)', 'GET /api/v1/namespaces/prod/pods/web-0/exec?command=sh'],
        ['exec-spdy', 'exec over SPDY', 'POST /api/v1/namespaces/prod/pods/web-0/exec?command=sh'],
        ['portforward', 'kubectl port-forward', 'GET /api/v1/namespaces/prod/pods/web-0/portforward'],
        ['pod-proxy', 'proxy to a Pod', 'GET /api/v1/namespaces/prod/pods/web-0:8080/proxy/metrics'],
        ['service-proxy', 'proxy to a Service', 'GET /api/v1/namespaces/prod/services/web:80/proxy/'],
      ],
    ),
  ],
};
