import { compilePolicy, evaluatePolicy } from '../../src/policy/evaluate';
import { Decision, Policy, PolicyRule, RequestAttributes, Stage } from '../../src/policy/types';
import {
  decide,
  nonResourceRequest as nonRes,
  policyOf,
  resourceRequest as res,
} from '../support/evaluation';

// ---------------------------------------------------------------------------------------------------
// Upstream checker_test.go, rewritten: five requests, a catalogue of named rules, and for each list of
// rule names the expected level; the same table runs with and without policy-wide omitStages.

const tim = { user: 'tim@k8s.io', groups: ['humans', 'developers'] };
const requests: Record<string, RequestAttributes> = {
  namespaced: {
    ...tim,
    verb: 'get',
    namespace: 'default',
    apiGroup: '',
    apiVersion: 'v1',
    resource: 'pods',
    name: 'busybox',
    resourceRequest: true,
    path: '/api/v1/namespaces/default/pods/busybox',
  },
  cluster: {
    ...tim,
    verb: 'get',
    apiGroup: 'rbac.authorization.k8s.io',
    apiVersion: 'v1beta1',
    resource: 'clusterroles',
    name: 'edit',
    resourceRequest: true,
    path: '/apis/rbac.authorization.k8s.io/v1beta1/clusterroles/edit',
  },
  nonResource: { ...tim, verb: 'get', resourceRequest: false, path: '/logs/kubelet.log' },
  subresource: {
    ...tim,
    verb: 'get',
    namespace: 'default',
    apiGroup: '',
    apiVersion: 'v1',
    resource: 'pods',
    subresource: 'log',
    name: 'busybox',
    resourceRequest: true,
    path: '/api/v1/namespaces/default/pods/busybox',
  },
  unauthenticated: {
    verb: 'get',
    namespace: 'default',
    apiGroup: '',
    apiVersion: 'v1',
    resource: 'pods',
    name: 'busybox',
    resourceRequest: true,
    path: '/api/v1/namespaces/default/pods/busybox',
  },
};

const catalogue: Record<string, PolicyRule> = {
  catchAll: { level: 'Metadata' },
  creates: { level: 'Request', verbs: ['create'] },
  timsRequests: { level: 'Metadata', users: ['tim@k8s.io'] },
  humans: { level: 'Metadata', userGroups: ['humans'] },
  serviceAccounts: { level: 'Request', userGroups: ['system:serviceaccounts'] },
  getPods: { level: 'RequestResponse', verbs: ['get'], resources: [{ resources: ['pods'] }] },
  getPodLogs: { level: 'Request', verbs: ['get'], resources: [{ resources: ['pods/log'] }] },
  getAnything: { level: 'Request', verbs: ['get'], resources: [{ resources: ['*'] }] },
  getAnyLog: { level: 'Request', verbs: ['get'], resources: [{ resources: ['*/log'] }] },
  getPodsAndSubresources: { level: 'Request', verbs: ['get'], resources: [{ resources: ['pods/*'] }] },
  getClusterRoles: {
    level: 'RequestResponse',
    verbs: ['get'],
    resources: [{ group: 'rbac.authorization.k8s.io', resources: ['clusterroles'] }],
    namespaces: [''],
  },
  getLogs: { level: 'RequestResponse', verbs: ['get'], nonResourceURLs: ['/logs*'] },
  getMetrics: { level: 'Request', verbs: ['get'], nonResourceURLs: ['/metrics'] },
  editClusterRole: {
    level: 'Request',
    resources: [{ group: 'rbac.authorization.k8s.io', resources: ['clusterroles'], resourceNames: ['edit'] }],
  },
  omitRequestReceived: { level: 'Request', omitStages: ['RequestReceived'] },
  onlyPanic: { level: 'Request', omitStages: ['RequestReceived', 'ResponseStarted', 'ResponseComplete'] },
};

const levelTable: Array<[string, string[], Decision['level']]> = [
  ['namespaced', ['catchAll'], 'Metadata'],
  ['namespaced', ['creates'], 'None'],
  ['namespaced', ['timsRequests'], 'Metadata'],
  ['namespaced', ['humans'], 'Metadata'],
  ['namespaced', ['serviceAccounts'], 'None'],
  ['namespaced', ['getPods'], 'RequestResponse'],
  ['namespaced', ['getClusterRoles'], 'None'],
  ['namespaced', ['getLogs'], 'None'],
  ['namespaced', ['getMetrics'], 'None'],
  ['namespaced', ['getMetrics', 'serviceAccounts', 'catchAll'], 'Metadata'],
  ['namespaced', ['getMetrics', 'getPods', 'catchAll'], 'RequestResponse'],
  ['namespaced', ['getPodLogs', 'getPods'], 'RequestResponse'],
  ['cluster', ['catchAll'], 'Metadata'],
  ['cluster', ['creates'], 'None'],
  ['cluster', ['timsRequests'], 'Metadata'],
  ['cluster', ['humans'], 'Metadata'],
  ['cluster', ['serviceAccounts'], 'None'],
  ['cluster', ['getPods'], 'None'],
  ['cluster', ['getClusterRoles'], 'RequestResponse'],
  ['cluster', ['editClusterRole', 'getClusterRoles'], 'Request'],
  ['cluster', ['getLogs'], 'None'],
  ['cluster', ['getMetrics'], 'None'],
  ['cluster', ['getMetrics', 'serviceAccounts', 'catchAll'], 'Metadata'],
  ['cluster', ['getMetrics', 'getClusterRoles', 'catchAll'], 'RequestResponse'],
  ['cluster', ['getPodLogs', 'getPods'], 'None'],
  ['nonResource', ['catchAll'], 'Metadata'],
  ['nonResource', ['creates'], 'None'],
  ['nonResource', ['timsRequests'], 'Metadata'],
  ['nonResource', ['humans'], 'Metadata'],
  ['nonResource', ['serviceAccounts'], 'None'],
  ['nonResource', ['getPods'], 'None'],
  ['nonResource', ['getClusterRoles'], 'None'],
  ['nonResource', ['getLogs'], 'RequestResponse'],
  ['nonResource', ['getMetrics'], 'None'],
  ['nonResource', ['getMetrics', 'serviceAccounts', 'catchAll'], 'Metadata'],
  ['nonResource', ['getLogs', 'getClusterRoles', 'catchAll'], 'RequestResponse'],
  ['nonResource', ['getPodLogs', 'getPods'], 'None'],
  ['subresource', ['getPodLogs', 'getPods'], 'Request'],
  ['subresource', ['getAnything'], 'Request'],
  ['subresource', ['getAnyLog'], 'Request'],
  ['subresource', ['getPodsAndSubresources'], 'Request'],
  ['unauthenticated', ['timsRequests'], 'None'],
  ['unauthenticated', ['timsRequests', 'catchAll'], 'Metadata'],
  ['unauthenticated', ['humans'], 'None'],
  ['unauthenticated', ['humans', 'catchAll'], 'Metadata'],
];

function named(names: string[], omitStages?: Stage[]): Policy {
  return policyOf(
    names.map((n) => catalogue[n]),
    omitStages ? { omitStages } : {},
  );
}

describe.each([
  ['without policy omitStages', undefined],
  [
    'with policy omitStages [RequestReceived, ResponseStarted]',
    ['RequestReceived', 'ResponseStarted'] as Stage[],
  ],
])('upstream checker table, %s', (_title, policyStages) => {
  test.each(levelTable)('%s request, rules %j -> %s', (req, names, level) => {
    const d = decide(named(names, policyStages), requests[req]);
    expect(d.level).toBe(level);
    // None of these rules has its own stages, so the result is the policy's list either way.
    expect(d.omitStages).toEqual(policyStages ?? []);
  });
});

describe('upstream checker: per-rule omitStages', () => {
  const cases: Array<[string, string[], Stage[] | undefined, Decision['level'], Stage[]]> = [];
  for (const req of ['namespaced', 'cluster', 'nonResource']) {
    cases.push([
      req,
      ['omitRequestReceived', 'getPods', 'catchAll'],
      undefined,
      'Request',
      ['RequestReceived'],
    ]);
    cases.push([
      req,
      ['onlyPanic', 'getPods', 'catchAll'],
      undefined,
      'Request',
      ['RequestReceived', 'ResponseStarted', 'ResponseComplete'],
    ]);
    cases.push([
      req,
      ['onlyPanic', 'getPods', 'catchAll'],
      ['RequestReceived', 'ResponseStarted'],
      'Request',
      ['RequestReceived', 'ResponseStarted', 'ResponseComplete'],
    ]);
  }
  for (const req of ['namespaced', 'cluster']) {
    cases.push([
      req,
      ['omitRequestReceived', 'getPods', 'catchAll'],
      ['RequestReceived', 'ResponseStarted'],
      'Request',
      ['RequestReceived', 'ResponseStarted'],
    ]);
  }
  cases.push([
    'nonResource',
    ['catchAll', 'omitRequestReceived', 'getPods'],
    ['RequestReceived', 'ResponseStarted'],
    'Metadata',
    ['RequestReceived', 'ResponseStarted'],
  ]);

  test.each(cases)('%s request, rules %j, policy stages %j', (req, names, policyStages, level, stages) => {
    const d = decide(named(names, policyStages), requests[req]);
    expect(d.level).toBe(level);
    expect(d.omitStages).toEqual(stages);
  });
});

describe('upstream unionStages, as seen through decisions (lifecycle order, no duplicates)', () => {
  const cases: Array<[Stage[] | undefined, Stage[], Stage[]]> = [
    [[], [], []],
    [['RequestReceived'], [], ['RequestReceived']],
    [['RequestReceived'], ['RequestReceived'], ['RequestReceived']],
    [['RequestReceived'], ['ResponseStarted'], ['RequestReceived', 'ResponseStarted']],
    [['RequestReceived', 'RequestReceived'], ['RequestReceived', 'RequestReceived'], ['RequestReceived']],
    [
      ['RequestReceived', 'ResponseStarted'],
      ['Panic', 'RequestReceived'],
      ['RequestReceived', 'ResponseStarted', 'Panic'],
    ],
    [undefined, ['RequestReceived'], ['RequestReceived']],
    [['Panic'], ['ResponseComplete', 'RequestReceived'], ['RequestReceived', 'ResponseComplete', 'Panic']],
  ];
  test.each(cases)('policy %j + rule %j = %j', (policyStages, ruleStages, expected) => {
    const p = policyOf(
      [{ level: 'Metadata', omitStages: ruleStages }],
      policyStages ? { omitStages: policyStages } : {},
    );
    expect(decide(p, requests.namespaced).omitStages).toEqual(expected);
  });

  test('no match returns the policy list exactly as written, duplicates and order kept', () => {
    const p = policyOf([{ level: 'Metadata', verbs: ['delete'] }], {
      omitStages: ['Panic', 'RequestReceived', 'Panic'],
    });
    expect(decide(p, requests.namespaced)).toEqual({
      level: 'None',
      omitStages: ['Panic', 'RequestReceived', 'Panic'],
      omitManagedFields: false,
      ruleIndex: -1,
    });
  });
});

describe('upstream omitManagedFields: rule value over policy value', () => {
  const getAnything: RequestAttributes = { verb: 'get', resourceRequest: false, path: '/' };
  test.each([
    ['policy false, rule unset', false, undefined, false],
    ['policy true, rule unset', true, undefined, true],
    ['policy true, rule false', true, false, false],
    ['policy false, rule true', false, true, true],
  ] as const)('%s', (_name, policyValue, ruleValue, expected) => {
    const rule: PolicyRule = { level: 'RequestResponse', verbs: ['get'] };
    if (ruleValue !== undefined) rule.omitManagedFields = ruleValue;
    expect(decide(policyOf([rule], { omitManagedFields: policyValue }), getAnything).omitManagedFields).toBe(
      expected,
    );
  });

  test('no match uses the policy value', () => {
    const p = policyOf([{ level: 'Metadata', verbs: ['list'], omitManagedFields: false }], {
      omitManagedFields: true,
    });
    expect(decide(p, getAnything).omitManagedFields).toBe(true);
  });
});

describe('compiled decisions', () => {
  const p = policyOf([{ level: 'Request', omitStages: ['Panic'], verbs: ['get'] }], {
    omitStages: ['RequestReceived'],
  });

  test('are frozen, so a caller cannot corrupt later answers', () => {
    const compiled = compilePolicy(p);
    const d = compiled.evaluate(nonRes('/'));
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d.omitStages)).toBe(true);
    expect(() => d.omitStages.push('ResponseStarted')).toThrow(TypeError);
    expect(compiled.evaluate(nonRes('/')).omitStages).toEqual(['RequestReceived', 'Panic']);
    const none = compiled.evaluate(nonRes('/', { verb: 'post' }));
    expect(Object.isFrozen(none.omitStages)).toBe(true);
  });

  test('do not change when the source policy is mutated after compiling', () => {
    const source = structuredClone(p);
    const compiled = compilePolicy(source);
    source.rules[0].omitStages!.push('ResponseStarted');
    source.omitStages!.push('ResponseComplete');
    expect(compiled.evaluate(nonRes('/')).omitStages).toEqual(['RequestReceived', 'Panic']);
  });

  test('evaluatePolicy returns fresh objects', () => {
    const a = evaluatePolicy(p, nonRes('/'));
    a.omitStages.push('ResponseStarted');
    expect(evaluatePolicy(p, nonRes('/')).omitStages).toEqual(['RequestReceived', 'Panic']);
  });

  test('policies longer than one 32-rule block keep first-match order and indexes', () => {
    const rules: PolicyRule[] = [];
    for (let i = 0; i < 70; i++) rules.push({ level: 'Metadata', verbs: [`v${i}`] });
    rules.push({ level: 'Request' });
    const long = policyOf(rules);
    expect(decide(long, nonRes('/', { verb: 'v0' })).ruleIndex).toBe(0);
    expect(decide(long, nonRes('/', { verb: 'v31' })).ruleIndex).toBe(31);
    expect(decide(long, nonRes('/', { verb: 'v32' })).ruleIndex).toBe(32);
    expect(decide(long, nonRes('/', { verb: 'v69' })).ruleIndex).toBe(69);
    expect(decide(long, nonRes('/', { verb: 'x' }))).toMatchObject({ level: 'Request', ruleIndex: 70 });
  });

  test('a policy without rules decides None', () => {
    expect(decide(policyOf([]), nonRes('/'))).toEqual({
      level: 'None',
      omitStages: [],
      omitManagedFields: false,
      ruleIndex: -1,
    });
  });

  test('answers stay right once the caches are full', () => {
    const compiled = compilePolicy(
      policyOf([
        { level: 'Request', nonResourceURLs: ['/keep*'] },
        { level: 'Metadata', resources: [{ resources: ['pods'] }] },
      ]),
    );
    for (let i = 0; i < 25_000; i++) compiled.evaluate(nonRes(`/x/${i}`));
    expect(compiled.evaluate(nonRes('/keep/1')).ruleIndex).toBe(0);
    expect(compiled.evaluate(res('pods')).ruleIndex).toBe(1);
    expect(compiled.evaluate(res('pods', { subresource: 'log' })).ruleIndex).toBe(-1);
  });
});
