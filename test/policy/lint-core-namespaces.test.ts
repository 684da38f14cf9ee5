import { compilePolicy, evaluatePolicy } from '../../src/policy/evaluate';
import { LintCode, LintFinding, lintPolicy } from '../../src/policy/lint';
import { requestFromUrl } from '../../src/policy/request-info';
import { holdsProducibleRequest } from '../../src/policy/core-namespace-requests';
import { RuleSpace, findUncovered } from '../../src/policy/rule-space';
import { GroupResources, Level, Policy, PolicyRule } from '../../src/policy/types';
import { mulberry32 } from '../support/seeded-random';
import { coreNamespaceRequests, someUrlProduces } from './core-namespace-urls';
import { checkShadowClaims } from './lint-soundness';

// kube-apiserver's RequestInfoFactory (requestinfo.go) reads /api/v1/namespaces/NAME as namespace NAME and
// name NAME, and only a list or watch (fieldSelector=metadata.name=NAME) names a Namespace from namespace "".
// The lint's claims about rules on core namespaces must hold for those requests, and its examples must be
// requests some URL produces (core-namespace-urls.ts builds them with requestFromUrl, not with the lint).

const policy = (rules: PolicyRule[]): Policy => ({
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  omitStages: ['RequestReceived'],
  rules,
});
const ofCode = (findings: LintFinding[], code: LintCode) => findings.filter((f) => f.code === code);
const namespaces = (extra: Partial<GroupResources> = {}): GroupResources[] => [
  { group: '', resources: ['namespaces'], ...extra },
];
const who = { user: 'alice', groups: ['system:authenticated'] };
const decider = (p: Policy, url: string) => evaluatePolicy(p, { ...requestFromUrl(url), ...who }).ruleIndex;

describe('lint: requests on core namespaces have namespace = name, or namespace "" for list and watch', () => {
  test('a namespaces: [""] rule pre-empts lists of namespaces, and the example is one (not a named get)', () => {
    const p = policy([
      { level: 'None', namespaces: [''] },
      { level: 'RequestResponse', resources: namespaces() },
      { level: 'Metadata' },
    ]);
    // The upstream facts: the named get is in the namespace of its name, the list cluster-wide.
    expect(decider(p, 'GET /api/v1/namespaces/example')).toBe(1);
    expect(decider(p, 'GET /api/v1/namespaces')).toBe(0);
    const [partial] = ofCode(lintPolicy(p), 'partially-shadowed-rule');
    expect(partial).toMatchObject({ ruleIndex: 1, relatedRuleIndex: 0 });
    expect(someUrlProduces(partial.example!)).toBe(true);
    expect(partial.example).toMatchObject({ namespace: '', name: '' });
    expect(evaluatePolicy(p, partial.example!).ruleIndex).toBe(0);
  });

  test('resourceNames with non-list verbs after a namespaces: [NAME] rule: shadowed', () => {
    const p = policy([
      { level: 'None', namespaces: ['kube-system'] },
      {
        level: 'RequestResponse',
        verbs: ['get', 'update', 'patch', 'delete'],
        resources: namespaces({ resourceNames: ['kube-system'] }),
      },
      { level: 'Metadata' },
    ]);
    // Every request rule 1 matches is one on /api/v1/namespaces/kube-system, in namespace kube-system.
    const matched = coreNamespaceRequests(['kube-system', 'other']).filter(
      (r) => ['get', 'update', 'patch', 'delete'].includes(r.verb) && r.name === 'kube-system',
    );
    expect(matched.length).toBeGreaterThan(0);
    for (const r of matched) expect(evaluatePolicy(p, { ...r, ...who }).ruleIndex).toBe(0);
    const findings = lintPolicy(p);
    expect(ofCode(findings, 'shadowed-rule')).toMatchObject([{ ruleIndex: 1, relatedRuleIndex: 0 }]);
    expect(ofCode(findings, 'partially-shadowed-rule')).toEqual([]);
    expect(checkShadowClaims(p, findings)).toEqual([]);
  });

  test('a get of one namespace after a rule for that namespace: shadowed, not partly', () => {
    const p = policy([
      { level: 'None', namespaces: [''] },
      { level: 'None', namespaces: ['a'], resources: namespaces() },
      { level: 'RequestResponse', verbs: ['get'], resources: namespaces({ resourceNames: ['a'] }) },
      { level: 'Metadata' },
    ]);
    expect(decider(p, 'GET /api/v1/namespaces/a')).toBe(1);
    const findings = lintPolicy(p);
    expect(ofCode(findings, 'shadowed-rule')).toMatchObject([{ ruleIndex: 2, relatedRuleIndex: 1 }]);
    expect(ofCode(findings, 'partially-shadowed-rule').filter((f) => f.ruleIndex === 2)).toEqual([]);
  });

  test('two rules together: the cluster-wide one takes the fieldSelector lists, the other the object', () => {
    const p = policy([
      { level: 'None', namespaces: [''] },
      { level: 'None', namespaces: ['kube-system'] },
      { level: 'RequestResponse', resources: namespaces({ resourceNames: ['kube-system'] }) },
    ]);
    expect(decider(p, 'GET /api/v1/namespaces?watch=1&fieldSelector=metadata.name=kube-system')).toBe(0);
    expect(decider(p, 'GET /api/v1/watch/namespaces/kube-system')).toBe(1);
    const [shadowed] = ofCode(lintPolicy(p), 'shadowed-rule');
    expect(shadowed).toMatchObject({ ruleIndex: 2 });
    expect(shadowed.message).toContain('earlier rules rule #1 (rules[0]), rule #2 (rules[1]) together');
  });

  test('a rule sharing only impossible requests with a shadowed rule is not named among its covers', () => {
    const p = policy([
      { level: 'None', namespaces: ['b'], resources: namespaces() },
      { level: 'None', namespaces: [''], resources: namespaces() },
      { level: 'None', namespaces: ['a'] },
      { level: 'RequestResponse', resources: namespaces({ resourceNames: ['a'] }) },
    ]);
    // Rule 0 would need namespace b with name a: no URL gives that (b's own requests are named b).
    for (const r of coreNamespaceRequests(['a', 'b'])) {
      if (r.name === 'a') expect(evaluatePolicy(p, { ...r, ...who }).ruleIndex).not.toBe(0);
    }
    const [shadowed] = ofCode(lintPolicy(p), 'shadowed-rule');
    expect(shadowed).toMatchObject({ ruleIndex: 3 });
    expect(shadowed.message).toContain('earlier rules rule #2 (rules[1]), rule #3 (rules[2]) together');
  });

  test('a list or watch by fieldSelector keeps a resourceNames rule alive: its witness is such a request', () => {
    const rules: PolicyRule[] = [
      { level: 'None', namespaces: ['kube-system'], resources: namespaces() },
      { level: 'RequestResponse', resources: namespaces({ resourceNames: ['kube-system'] }) },
    ];
    const p = policy(rules);
    expect(decider(p, 'GET /api/v1/namespaces?fieldSelector=metadata.name=kube-system')).toBe(1);
    expect(ofCode(lintPolicy(p), 'shadowed-rule')).toEqual([]);
    const space = new RuleSpace(rules);
    for (const realistic of [false, true]) {
      const witness = space.witnessFor(1, undefined, realistic)!;
      expect(witness).toMatchObject({ namespace: '', name: 'kube-system' });
      expect(['list', 'watch']).toContain(witness.verb);
      expect(someUrlProduces(witness)).toBe(true);
    }
  });

  test.each<[string, PolicyRule]>([
    [
      'resourceNames of one namespace in another namespace',
      { level: 'Request', namespaces: ['b'], resources: namespaces({ resourceNames: ['a'] }) },
    ],
    [
      'a named get cluster-wide',
      { level: 'Request', namespaces: [''], verbs: ['get'], resources: namespaces({ resourceNames: ['a'] }) },
    ],
    [
      'a subresource namespaces do not have',
      { level: 'Request', resources: [{ resources: ['namespaces/foo'] }] },
    ],
  ])('rule-matches-nothing: %s', (_name, rule) => {
    const p = policy([rule, { level: 'Metadata' }]);
    const real = coreNamespaceRequests(['a', 'b', 'foo']);
    for (const r of real) expect(evaluatePolicy(p, { ...r, ...who }).ruleIndex).toBe(1);
    expect(ofCode(lintPolicy(p), 'rule-matches-nothing')).toMatchObject([
      {
        ruleIndex: 0,
        severity: 'error',
        message: expect.stringContaining(
          'no request on core namespaces has the namespace, name and subresource',
        ),
        fix: expect.stringContaining('namespaces: [NAME]'),
      },
    ]);
  });
});

describe('lint over random policies on core namespaces, judged by the requests URLs produce', () => {
  const LEVELS: Level[] = ['None', 'Metadata', 'Request', 'RequestResponse'];
  const NAMES = ['', 'a', 'b'];
  const VERBS = ['get', 'list', 'watch', 'create', 'update', 'delete', 'deletecollection'];
  const RESOURCES = ['namespaces', 'namespaces/status', 'namespaces/*', '*', 'pods'];
  const some = (rng: () => number, list: readonly string[]) => {
    const out = list.filter(() => rng() < 0.4);
    return out.length ? out : [list[Math.floor(rng() * list.length)]];
  };
  function randomRule(rng: () => number): PolicyRule {
    const rule: PolicyRule = { level: LEVELS[Math.floor(rng() * 4)] };
    if (rng() < 0.4) rule.verbs = some(rng, VERBS);
    if (rng() < 0.5) rule.namespaces = some(rng, NAMES);
    if (rng() < 0.8) {
      const gr: GroupResources = { group: rng() < 0.8 ? '' : '*', resources: some(rng, RESOURCES) };
      if (rng() < 0.4) gr.resourceNames = some(rng, NAMES.slice(1));
      rule.resources = [gr];
    }
    return rule;
  }
  const real = coreNamespaceRequests(NAMES).map((r) => ({ ...r, ...who }));

  test('claims hold for every real request, and every example is one (300 policies)', () => {
    const rng = mulberry32(4242);
    let flagged = 0;
    for (let n = 0; n < 300; n++) {
      const p = policy(Array.from({ length: 2 + Math.floor(rng() * 5) }, () => randomRule(rng)));
      const findings = lintPolicy(p);
      const context = `policy ${JSON.stringify(p.rules)}`;
      const dead = new Set(
        [...ofCode(findings, 'shadowed-rule'), ...ofCode(findings, 'rule-matches-nothing')].map(
          (f) => f.ruleIndex,
        ),
      );
      flagged += dead.size;
      const compiled = compilePolicy(p);
      for (const r of real) {
        const i = compiled.evaluate(r).ruleIndex;
        if (dead.has(i)) throw new Error(`${context}: rule ${i} is flagged but decides ${JSON.stringify(r)}`);
      }
      for (const f of findings.filter((x) => x.example)) {
        if (!someUrlProduces(f.example!))
          throw new Error(`${context}: ${f.code} example ${JSON.stringify(f.example)}`);
      }
      const space = new RuleSpace(p.rules);
      // The quick test the lint uses for rule-matches-nothing and covers agrees with the search.
      for (const b of space.boxes.flat())
        expect(holdsProducibleRequest(b)).toBe(findUncovered(b, []) !== undefined);
      p.rules.forEach((_rule, j) => {
        if (dead.has(j)) return;
        const w = space.witnessFor(j);
        if (w === undefined) throw new Error(`${context}: rule ${j} is not flagged but has no witness`);
        if (!someUrlProduces(w)) throw new Error(`${context}: rule ${j} witness ${JSON.stringify(w)}`);
        expect(evaluatePolicy(p, w).ruleIndex).toBe(j);
      });
    }
    expect(flagged).toBeGreaterThan(100);
  });
});
