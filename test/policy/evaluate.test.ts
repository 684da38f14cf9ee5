import { compileRules } from '../../src/policy/compiled-policy';
import { compilePolicy, evaluatePolicy, ruleMatchesRequest } from '../../src/policy/evaluate';
import { Decision, Policy, PolicyRule, RequestAttributes, Stage } from '../../src/policy/types';

function policyOf(rules: PolicyRule[], extra: Partial<Policy> = {}): Policy {
  return { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', ...extra, rules };
}

/** Both evaluators must agree; returns the compiled answer. */
function decide(policy: Policy, req: RequestAttributes): Decision {
  const compiled = compilePolicy(policy).evaluate(req);
  expect(evaluatePolicy(policy, req)).toEqual(compiled);
  return compiled;
}

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

// ---------------------------------------------------------------------------------------------------
// The traps of the semantics doc (§4.4), one assertion each.

function res(
  resource: string,
  extra: Partial<RequestAttributes> = {},
  who: Partial<RequestAttributes> = { user: 'alice', groups: ['system:authenticated'] },
): RequestAttributes {
  return {
    ...who,
    verb: 'get',
    resourceRequest: true,
    apiGroup: '',
    namespace: 'default',
    resource,
    ...extra,
  };
}
function nonRes(path: string, extra: Partial<RequestAttributes> = {}): RequestAttributes {
  return {
    user: 'alice',
    groups: ['system:authenticated'],
    verb: 'get',
    resourceRequest: false,
    path,
    ...extra,
  };
}
// The matcher's answer for one rule, checked against the compiled evaluator. Some rules here are ones
// validation refuses (kinds mixed, resourceNames without resources, "/api**"): the public entry points
// refuse such policies, so the internal compiler is asked, to pin what the matcher itself does.
function matches(rule: Omit<PolicyRule, 'level'>, req: RequestAttributes): boolean {
  const full = { level: 'Metadata', ...rule } as PolicyRule;
  const viaCompiled = compileRules(policyOf([full])).evaluate(req).ruleIndex === 0;
  expect(ruleMatchesRequest(full, req)).toBe(viaCompiled);
  return viaCompiled;
}

describe('traps', () => {
  test('first match wins: a later, more specific rule never overrides', () => {
    const p = policyOf([
      { level: 'Metadata' },
      { level: 'RequestResponse', resources: [{ resources: ['secrets'] }] },
    ]);
    expect(decide(p, res('secrets'))).toMatchObject({ level: 'Metadata', ruleIndex: 0 });
  });

  test('pods matches only the bare resource', () => {
    expect(matches({ resources: [{ resources: ['pods'] }] }, res('pods'))).toBe(true);
    expect(matches({ resources: [{ resources: ['pods'] }] }, res('pods', { subresource: 'log' }))).toBe(
      false,
    );
    expect(matches({ resources: [{ resources: ['pods'] }] }, res('pods', { subresource: 'exec' }))).toBe(
      false,
    );
  });

  test('pods/* matches bare pods and every pods subresource, nothing else', () => {
    const rule = { resources: [{ resources: ['pods/*'] }] };
    expect(matches(rule, res('pods'))).toBe(true);
    expect(matches(rule, res('pods', { subresource: 'exec' }))).toBe(true);
    expect(matches(rule, res('services', { subresource: 'proxy' }))).toBe(false);
  });

  test('*/scale needs that subresource; */* ** and pods/log/* match nothing', () => {
    expect(
      matches(
        { resources: [{ group: 'apps', resources: ['*/scale'] }] },
        res('deployments', { apiGroup: 'apps', subresource: 'scale' }),
      ),
    ).toBe(true);
    expect(
      matches(
        { resources: [{ group: 'apps', resources: ['*/scale'] }] },
        res('deployments', { apiGroup: 'apps' }),
      ),
    ).toBe(false);
    for (const spec of ['*/*', '**', 'pods/log/*']) {
      expect(matches({ resources: [{ resources: [spec] }] }, res('pods'))).toBe(false);
      expect(matches({ resources: [{ resources: [spec] }] }, res('pods', { subresource: 'log' }))).toBe(
        false,
      );
    }
  });

  test('* matches every resource and subresource of the selected group only', () => {
    expect(matches({ resources: [{ resources: ['*'] }] }, res('pods', { subresource: 'exec' }))).toBe(true);
    expect(matches({ resources: [{ resources: ['*'] }] }, res('deployments', { apiGroup: 'apps' }))).toBe(
      false,
    );
  });

  test('group omitted or "" is the core group only; exact match otherwise; "*" is every group', () => {
    expect(
      matches({ resources: [{ resources: ['deployments'] }] }, res('deployments', { apiGroup: 'apps' })),
    ).toBe(false);
    expect(matches({ resources: [{ group: '', resources: ['secrets'] }] }, res('secrets'))).toBe(true);
    expect(
      matches({ resources: [{ group: 'k8s.io' }] }, res('x', { apiGroup: 'rbac.authorization.k8s.io' })),
    ).toBe(false);
    expect(
      matches({ resources: [{ group: '*' }] }, res('x', { apiGroup: 'rbac.authorization.k8s.io' })),
    ).toBe(true);
    expect(matches({ resources: [{ group: '*', resources: ['secrets'] }] }, res('secrets'))).toBe(true);
  });

  test('a group entry without resources matches every resource and subresource, ignoring resourceNames', () => {
    const rule = { resources: [{ group: 'apps', resourceNames: ['only-this'] }] };
    expect(matches(rule, res('deployments', { apiGroup: 'apps', subresource: 'scale', name: 'other' }))).toBe(
      true,
    );
  });

  test('the API version is never matched', () => {
    const rule = { resources: [{ group: 'apps', resources: ['deployments'] }] };
    expect(matches(rule, res('deployments', { apiGroup: 'apps', apiVersion: 'v1beta1' }))).toBe(true);
  });

  test('resourceNames: the name must be listed; unnamed list/create never match', () => {
    const rule = { resources: [{ resources: ['configmaps'], resourceNames: ['cfg'] }] };
    expect(matches(rule, res('configmaps', { name: 'cfg' }))).toBe(true);
    expect(matches(rule, res('configmaps', { name: 'other' }))).toBe(false);
    expect(matches(rule, res('configmaps', { verb: 'list' }))).toBe(false);
    expect(matches(rule, res('configmaps', { verb: 'create', name: '' }))).toBe(false);
  });

  test('resourceNames are per entry: another entry without names still matches', () => {
    const rule = {
      resources: [
        { resources: ['configmaps'], resourceNames: ['cfg'] },
        { resources: ['configmaps', 'secrets'] },
      ],
    };
    expect(matches(rule, res('configmaps', { name: 'other' }))).toBe(true);
  });

  test('users, verbs and namespaces have no wildcard: "*" is a literal', () => {
    expect(matches({ users: ['*'] }, res('pods'))).toBe(false);
    expect(matches({ users: ['*'] }, res('pods', {}, { user: '*' }))).toBe(true);
    expect(matches({ verbs: ['*'] }, res('pods'))).toBe(false);
    expect(matches({ namespaces: ['*'] }, res('pods'))).toBe(false);
    expect(matches({ userGroups: ['*'] }, res('pods'))).toBe(false);
    expect(
      matches(
        { resources: [{ resources: ['configmaps'], resourceNames: ['*'] }] },
        res('configmaps', { name: 'x' }),
      ),
    ).toBe(false);
  });

  test('verbs are case-sensitive (GET is not get)', () => {
    expect(matches({ verbs: ['GET'] }, nonRes('/healthz'))).toBe(false);
  });

  test('namespaces [""] matches cluster-scoped and cross-namespace requests only', () => {
    expect(matches({ namespaces: [''] }, res('nodes', { namespace: '' }))).toBe(true);
    expect(matches({ namespaces: [''] }, res('pods', { verb: 'list', namespace: undefined }))).toBe(true);
    expect(matches({ namespaces: [''] }, res('pods'))).toBe(false);
    expect(matches({ namespaces: [''] }, nonRes('/healthz'))).toBe(false);
  });

  test('the Namespace object itself carries its own name as namespace', () => {
    const req = res('namespaces', { namespace: 'kube-system', name: 'kube-system' });
    expect(matches({ namespaces: ['kube-system'] }, req)).toBe(true);
    expect(matches({ namespaces: [''] }, req)).toBe(false);
  });

  test('non-resource URLs: * any, exact, raw prefix with all trailing * removed', () => {
    expect(matches({ nonResourceURLs: ['*'] }, nonRes('/anything'))).toBe(true);
    expect(matches({ nonResourceURLs: ['/healthz*'] }, nonRes('/healthz'))).toBe(true);
    expect(matches({ nonResourceURLs: ['/healthz*'] }, nonRes('/healthz/etcd'))).toBe(true);
    expect(matches({ nonResourceURLs: ['/healthz*'] }, nonRes('/healthzfoo'))).toBe(true);
    expect(matches({ nonResourceURLs: ['/api/*'] }, nonRes('/api/v1'))).toBe(true);
    expect(matches({ nonResourceURLs: ['/api/*'] }, nonRes('/api'))).toBe(false);
    expect(matches({ nonResourceURLs: ['/metrics'] }, nonRes('/metrics/'))).toBe(false);
    expect(matches({ nonResourceURLs: ['/api**'] }, nonRes('/apis'))).toBe(true);
    expect(matches({ nonResourceURLs: ['/metrics'] }, res('metrics'))).toBe(false);
  });

  test('unauthenticated requests never match users or userGroups rules', () => {
    const anonymous = res('pods', {}, {});
    expect(matches({ users: ['system:anonymous'] }, anonymous)).toBe(false);
    expect(matches({ userGroups: ['system:unauthenticated'] }, anonymous)).toBe(false);
    // Groups without a user are still "no user info".
    expect(matches({ userGroups: ['g'] }, res('pods', {}, { groups: ['g'] }))).toBe(false);
    expect(matches({ verbs: ['get'] }, anonymous)).toBe(true);
  });

  test('users and userGroups must both hold; any one group suffices', () => {
    const rule = { users: ['alice'], userGroups: ['a', 'b'] };
    expect(matches(rule, res('pods', {}, { user: 'alice', groups: ['x', 'b'] }))).toBe(true);
    expect(matches(rule, res('pods', {}, { user: 'alice', groups: ['x'] }))).toBe(false);
    expect(matches(rule, res('pods', {}, { user: 'bob', groups: ['a'] }))).toBe(false);
  });

  test('rule kind by field presence', () => {
    // resources or namespaces: resource requests only, nonResourceURLs then ignored.
    const both = { namespaces: ['default'], nonResourceURLs: ['/healthz'] };
    expect(matches(both, nonRes('/healthz'))).toBe(false);
    expect(matches(both, res('pods'))).toBe(true);
    // only nonResourceURLs: non-resource requests only.
    expect(matches({ nonResourceURLs: ['*'] }, res('pods'))).toBe(false);
    // none of the three: both kinds.
    expect(matches({ verbs: ['get'] }, res('pods'))).toBe(true);
    expect(matches({ verbs: ['get'] }, nonRes('/healthz'))).toBe(true);
    // empty lists are "absent".
    expect(matches({ resources: [], namespaces: [], nonResourceURLs: [] }, nonRes('/x'))).toBe(true);
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
