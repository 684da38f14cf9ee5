import { DECKHOUSE_BASIC_RULES } from '../../src/deckhouse/basic-rules';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { compilePolicy, evaluatePolicy, ruleMatchesRequest } from '../../src/policy/evaluate';
import { requestFromUrl } from '../../src/policy/request-info';
import { LintCode, LintFinding, lintPolicy } from '../../src/policy/lint';
import { Level, PolicyRule } from '../../src/policy/types';
import { mulberry32 } from '../support/seeded-random';
import { checkShadowClaims } from './lint-soundness';
import { policyOf } from '../support/evaluation';

const policy = policyOf;
const ofCode = (findings: LintFinding[], code: LintCode) => findings.filter((f) => f.code === code);
const builtIn = () => deckhouseEffectivePolicy({});

describe('shadowed-rule on the real built-in Deckhouse rules', () => {
  const eff = builtIn();
  const findings = lintPolicy(eff);
  const shadowed = ofCode(findings, 'shadowed-rule');

  it('finds exactly the second pods/log rule and the virtualization pods rule', () => {
    expect(shadowed.map((f) => [f.ruleIndex, f.layer, f.relatedRuleIndex])).toEqual([
      [19, 'basic', 10],
      [24, 'virtualization', 12],
    ]);
    expect(eff.policy.rules[19]).toMatchObject({ level: 'Request', verbs: ['get'] });
    expect(shadowed[0].message).toContain('basic rule #20 (rules[19])');
    expect(shadowed[0].message).toContain('basic rule #11 (rules[10])');
    expect(shadowed[1].message).toContain('virtualization rule #5 (rules[24])');
    expect(shadowed.every((f) => f.severity === 'warning' && f.fix)).toBe(true);
  });

  it('every other rule has a witness request it decides; the flagged ones never decide a sampled request', () => {
    expect(checkShadowClaims(eff.policy, findings, 500)).toEqual([]);
  });

  it('reports no sensitive-body finding for the built-in rules', () => {
    expect(ofCode(findings, 'sensitive-body')).toEqual([]);
  });

  it('a custom rule that repeats a built-in one is an error naming the built-in rule', () => {
    const custom = deckhouseEffectivePolicy({
      customPolicy: policy([
        { level: 'RequestResponse', resources: [{ group: '', resources: ['pods/log'] }] },
        { level: 'Request', verbs: ['get', 'create'], resources: [{ group: '', resources: ['pods/exec'] }] },
      ]),
    });
    const f = ofCode(lintPolicy(custom), 'shadowed-rule').filter((x) => x.layer === 'custom');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', ruleIndex: 27, relatedRuleIndex: 10 });
    expect(f[0].message).toContain('your rule #1 (rules[27])');
    expect(f[0].fix).toContain('basicAuditPolicyEnabled: false');
  });
});

describe('partially-shadowed-rule', () => {
  it('names the object of an example request with a subresource: kube-apiserver reads one only after a name', () => {
    // RequestInfoFactory: RESOURCE/NAME/SUBRESOURCE (k8s-audit-semantics.md §5.2); "create pods/exec" without a
    // name is a request no client can send.
    const eff = deckhouseEffectivePolicy({
      customPolicy: policy([
        {
          level: 'Request',
          verbs: ['create'],
          resources: [{ group: '', resources: ['pods/exec'] }],
          omitStages: ['RequestReceived'],
        },
      ]),
    });
    const findings = ofCode(lintPolicy(eff), 'partially-shadowed-rule');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.example).toMatchObject({ subresource: 'exec', name: expect.stringMatching(/.+/) });
      expect(f.message).not.toMatch(/create pods\/exec in namespace/);
    }
  });

  it('explains which built-in rule pre-empts a custom rule, with an example the evaluator confirms', () => {
    const eff = deckhouseEffectivePolicy({
      customPolicy: policy([
        {
          level: 'RequestResponse',
          resources: [{ group: '', resources: ['pods'] }],
          omitStages: ['RequestReceived'],
        },
      ]),
    });
    const [f] = ofCode(lintPolicy(eff), 'partially-shadowed-rule');
    expect(f).toMatchObject({ ruleIndex: 27, layer: 'custom', severity: 'warning' });
    expect(f.message).toContain('basic rule #13 (rules[12])');
    expect(f.example).toBeDefined();
    const decision = evaluatePolicy(eff.policy, f.example!);
    expect(decision.ruleIndex).toBe(f.relatedRuleIndex);
    expect(decision.ruleIndex).toBeLessThan(27);
    expect(ruleMatchesRequest(eff.policy.rules[27], f.example!)).toBe(true);
    expect(decision.level).not.toBe('RequestResponse');
  });

  it('does not report built-in rules of an effective policy unless asked', () => {
    const findings = lintPolicy(builtIn());
    expect(ofCode(findings, 'partially-shadowed-rule')).toEqual([]);
    const all = lintPolicy(builtIn(), { partialShadowing: 'all' });
    expect(ofCode(all, 'partially-shadowed-rule').length).toBeGreaterThan(0);
  });

  it('skips earlier rules that are exceptions carved out of the later rule', () => {
    const p = policy([
      { level: 'None', users: ['system:kube-proxy'], resources: [{ group: '', resources: ['endpoints'] }] },
      { level: 'Metadata', resources: [{ group: '' }] },
      { level: 'Request' },
    ]);
    expect(ofCode(lintPolicy(p), 'partially-shadowed-rule')).toEqual([]);
  });

  it('reports a broader earlier rule in a plain policy', () => {
    const p = policy([
      { level: 'Metadata', verbs: ['list', 'get'] },
      { level: 'RequestResponse', resources: [{ group: '', resources: ['configmaps'] }] },
    ]);
    const [f] = ofCode(lintPolicy(p), 'partially-shadowed-rule');
    expect(f).toMatchObject({ ruleIndex: 1, relatedRuleIndex: 0, severity: 'info' });
    expect(evaluatePolicy(p, f.example!).ruleIndex).toBe(0);
    expect(f.example).toMatchObject({ resource: 'configmaps', apiGroup: '' });
  });
});

describe('sensitive-body', () => {
  it('flags a Request rule that decides Secret writes, with the witness', () => {
    const p = policy([{ level: 'Request', namespaces: ['prod'] }, { level: 'Metadata' }]);
    const f = ofCode(lintPolicy(p), 'sensitive-body');
    expect(f.map((x) => [x.severity, x.message.split(' records ')[1].split(' ')[0]])).toEqual([
      ['error', 'secrets'],
      ['error', 'configmaps'],
      ['warning', 'serviceaccounts/token'],
    ]);
    const secret = f[0].example!;
    expect(secret).toMatchObject({ resource: 'secrets', namespace: 'prod' });
    expect(['create', 'update', 'patch']).toContain(secret.verb);
    expect(evaluatePolicy(p, secret).ruleIndex).toBe(0);
  });

  it('a Request catch-all after a Metadata rule for the sensitive resources leaks nothing', () => {
    const p = policy([
      {
        level: 'Metadata',
        resources: [
          { group: '', resources: ['secrets', 'configmaps', 'serviceaccounts/token'] },
          { group: 'authentication.k8s.io', resources: ['tokenreviews'] },
        ],
      },
      { level: 'RequestResponse' },
    ]);
    expect(ofCode(lintPolicy(p), 'sensitive-body')).toEqual([]);
  });

  it('wildcards cover the sensitive resources: group "*", "*" resources, rules without resources', () => {
    for (const rule of [
      { level: 'RequestResponse', resources: [{ group: '*' }] },
      { level: 'RequestResponse', resources: [{ group: 'authentication.k8s.io', resources: ['*'] }] },
      { level: 'RequestResponse', verbs: ['create'] },
    ] as PolicyRule[]) {
      const f = ofCode(lintPolicy(policy([rule])), 'sensitive-body');
      expect(f.length).toBeGreaterThan(0);
      expect(f.every((x) => evaluatePolicy(policy([rule]), x.example!).ruleIndex === 0)).toBe(true);
    }
  });

  it('tokenreviews at Request leak the reviewed token; the severity can be lowered', () => {
    const p = policy([
      { level: 'Request', resources: [{ group: 'authentication.k8s.io', resources: ['tokenreviews'] }] },
    ]);
    expect(ofCode(lintPolicy(p), 'sensitive-body')).toMatchObject([{ severity: 'error' }]);
    expect(ofCode(lintPolicy(p, { sensitiveBodySeverity: 'warning' }), 'sensitive-body')).toMatchObject([
      { severity: 'warning' },
    ]);
    expect(ofCode(lintPolicy(p, { ignore: ['sensitive-body'] }), 'sensitive-body')).toEqual([]);
  });

  // At RequestResponse the response body is recorded too: a get returns the Secret, a list and a
  // deletecollection the whole SecretList (k8s.io/apiserver registry/generic/registry/store.go,
  // DeleteCollection: "In case of success, the list of deleted objects will be returned"). Shape seen in
  // real policies: a RequestResponse rule for reads or deletes of everything, without a Metadata rule first.
  it.each<[string, string[], string]>([
    ['secrets', ['get'], 'get'],
    ['secrets', ['list', 'watch'], 'list'],
    ['configmaps', ['delete', 'deletecollection'], 'deletecollection'],
  ])('a RequestResponse rule for %s %j records their data in the response (%s)', (resource, verbs, verb) => {
    const p = policy([
      { level: 'RequestResponse', verbs, resources: [{ group: '', resources: [resource] }] },
      { level: 'Metadata' },
    ]);
    const f = ofCode(lintPolicy(p), 'sensitive-body');
    expect(f).toMatchObject([{ severity: 'error', ruleIndex: 0 }]);
    expect(f[0].example).toMatchObject({ resource, verb });
    expect(evaluatePolicy(p, f[0].example!).ruleIndex).toBe(0);
  });

  it('a Request rule for Secret reads only records no Secret data', () => {
    const p = policy([
      { level: 'Request', verbs: ['get', 'list'], resources: [{ group: '', resources: ['secrets'] }] },
    ]);
    expect(ofCode(lintPolicy(p), 'sensitive-body')).toEqual([]);
  });
});

describe('static checks', () => {
  it('literal-wildcard: d8-* namespaces and ServiceAccount globs', () => {
    const p = policy([
      { level: 'Metadata', namespaces: ['d8-*'], verbs: ['*'] },
      { level: 'Metadata', users: ['system:serviceaccount:prod:*'] },
      { level: 'None', resources: [{ group: '', resources: ['configmaps'], resourceNames: ['lock-*'] }] },
    ]);
    const f = ofCode(lintPolicy(p), 'literal-wildcard');
    expect(f.map((x) => x.ruleIndex)).toEqual([0, 0, 1, 2]);
    expect(f[0].fix).toBe('omit verbs to match every verb');
    expect(f[1].fix).toContain('DECKHOUSE_SYSTEM_NAMESPACES');
    expect(f[2].fix).toContain('system:serviceaccounts:prod');
    expect(f[2].message).toContain('never matches any request');
  });

  it('a rule that only matches literal globs gets no request-space findings (no fake examples)', () => {
    const p = policy([
      { level: 'Request', namespaces: ['d8-*'] },
      { level: 'Metadata', verbs: ['get'] },
    ]);
    expect(lintPolicy(p).map((f) => [f.code, f.ruleIndex])).toEqual([
      ['no-catch-all', -1],
      ['literal-wildcard', 0],
      ['request-received-not-omitted', 1],
    ]);
  });

  it('partial pre-emption examples favour broad earlier rules over narrow exceptions', () => {
    const eff = deckhouseEffectivePolicy({
      customPolicy: policy([{ level: 'Request', resources: [{ group: '', resources: ['secrets'] }] }]),
    });
    const [f] = ofCode(lintPolicy(eff, { ignore: ['sensitive-body'] }), 'partially-shadowed-rule');
    expect(f.relatedRuleIndex).toBe(14);
    expect(f.example).toMatchObject({ verb: 'list', resource: 'secrets' });
    expect(f.message).toMatch(/\d+ more earlier rules do the same$/);
  });

  it('unknown-verb: case, RBAC-only verbs, HTTP methods on resource rules', () => {
    const p = policy([
      { level: 'Metadata', verbs: ['GET'], resources: [{ group: '', resources: ['pods'] }] },
      { level: 'Metadata', verbs: ['impersonate', 'escalate'] },
      { level: 'Metadata', verbs: ['post'], resources: [{ group: '', resources: ['pods'] }] },
      { level: 'Metadata', verbs: ['create'], nonResourceURLs: ['/logs*'] },
      { level: 'Metadata', verbs: ['post', 'get', 'list'] },
    ]);
    const f = ofCode(lintPolicy(p), 'unknown-verb');
    expect(f.map((x) => x.ruleIndex)).toEqual([0, 1, 2, 3]);
    expect(f[0].message).toContain('use "get"');
    expect(f[1].message).toContain('never appears in audit events');
    expect(f[2].message).toContain('audited as create');
    expect(f[3].message).toContain('use post');
  });

  it('exec-websocket: create without get on pods/exec', () => {
    const p = policy([
      {
        level: 'Request',
        verbs: ['create'],
        resources: [{ group: '', resources: ['pods/exec', 'pods/attach'] }],
      },
      {
        level: 'Request',
        verbs: ['create', 'get'],
        resources: [{ group: '', resources: ['pods/portforward'] }],
      },
    ]);
    const f = ofCode(lintPolicy(p), 'exec-websocket');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleIndex: 0, fix: 'add "get" to verbs' });
  });

  it('exec-websocket: "pods/*" with create only also misses WebSocket sessions (verb get on pods/exec)', () => {
    const p = policy([
      { level: 'Request', verbs: ['create'], resources: [{ group: '', resources: ['pods/*'] }] },
    ]);
    const f = ofCode(lintPolicy(p), 'exec-websocket');
    expect(f).toEqual([
      expect.objectContaining({ ruleIndex: 0, message: expect.stringContaining('pods/*') }),
    ]);
    // And the evaluator agrees: a WebSocket exec (GET .../pods/web-0/exec) is not matched by that rule.
    const compiled = compilePolicy(p);
    expect(
      compiled.evaluate(requestFromUrl('GET /api/v1/namespaces/prod/pods/web-0/exec?command=sh')).ruleIndex,
    ).toBe(-1);
    expect(
      compiled.evaluate(requestFromUrl('POST /api/v1/namespaces/prod/pods/web-0/exec?command=sh')).ruleIndex,
    ).toBe(0);
  });

  it('request-received-not-omitted: info for built-in layers, warning for rules the user writes', () => {
    const eff = lintPolicy(builtIn());
    const rr = ofCode(eff, 'request-received-not-omitted');
    expect(rr.map((f) => f.ruleIndex)).toEqual([9, 10, 14, 20, 21, 22, 23, 25, 26, 28]);
    expect(rr.every((f) => f.severity === 'info')).toBe(true);
    expect(rr[0].fix).toContain('top level of the custom policy');
    const withOmit = deckhouseEffectivePolicy({
      customPolicy: policy([{ level: 'None' }], { omitStages: ['RequestReceived'] }),
    });
    expect(ofCode(lintPolicy(withOmit), 'request-received-not-omitted')).toEqual([]);
    expect(ofCode(lintPolicy(policy([{ level: 'Metadata' }])), 'request-received-not-omitted')).toMatchObject(
      [{ severity: 'warning', ruleIndex: 0 }],
    );
  });

  it('unreachable-resource-spec and resource-group-mismatch', () => {
    const p = policy([
      {
        level: 'Metadata',
        resources: [
          { group: '', resources: ['*/*', 'pods/log/*', 'PODS', 'deployments'] },
          { group: 'v1', resources: ['services'] },
        ],
      },
    ]);
    const f = lintPolicy(p);
    expect(ofCode(f, 'unreachable-resource-spec').map((x) => x.message.match(/"([^"]+)"/)![1])).toEqual([
      '*/*',
      'pods/log/*',
      'PODS',
    ]);
    expect(ofCode(f, 'unreachable-resource-spec')[2].fix).toBe('write "pods"');
    const mismatch = ofCode(f, 'resource-group-mismatch');
    expect(mismatch.map((x) => x.fix)).toEqual([
      'add an entry { group: "apps", resources: ["deployments"] }',
      'use group: "" for the core group',
      'add an entry { group: "", resources: ["services"] }',
    ]);
  });

  // k8s-audit-semantics.md §4.4: "*" is a wildcard only as the whole string, as "*/<sub>" or as "<res>/*";
  // anything else with a "*" ("**", shell-style "config*", "*.apps") is compared literally and matches nothing.
  it('unreachable-resource-spec for a "*" inside a resource name ("**", "config*", "*s", "*/log*")', () => {
    const globs = ['**', 'config*', '*s', 'pods/log*', '*/log*', '*.apps'];
    const p = policy([
      { level: 'Request', resources: [{ group: '', resources: [...globs, '*', '*/log', 'pods/*', 'pods'] }] },
    ]);
    const f = ofCode(lintPolicy(p), 'unreachable-resource-spec');
    expect(f.map((x) => x.message.match(/"([^"]+)"/)![1])).toEqual(globs);
    expect(f[0].fix).toBe(
      'use "*", "<resource>", "<resource>/<subresource>", "*/<subresource>" or "<resource>/*"',
    );
  });

  it('resource-group-mismatch on the built-in noise rule: EndpointSlices are not in the core group', () => {
    const f = ofCode(lintPolicy(builtIn()), 'resource-group-mismatch');
    expect(f).toMatchObject([
      {
        ruleIndex: 0,
        layer: 'basic',
        fix: 'add an entry { group: "discovery.k8s.io", resources: ["endpointslices"] }',
      },
    ]);
  });

  it('resource-names-without-name on the built-in cert-manager rule', () => {
    const f = ofCode(lintPolicy(builtIn()), 'resource-names-without-name');
    expect(f.map((x) => x.ruleIndex)).toEqual([2]);
  });

  it('rule-matches-nothing when no resource string can match', () => {
    const f = ofCode(
      lintPolicy(policy([{ level: 'Request', resources: [{ group: '', resources: ['pods/'] }] }])),
      'rule-matches-nothing',
    );
    expect(f).toMatchObject([{ ruleIndex: 0, severity: 'error' }]);
  });
});

describe('policy-wide checks', () => {
  it('no-catch-all on the built-in rules before Deckhouse added its tail (plain policy)', () => {
    const p = policy([...DECKHOUSE_BASIC_RULES.basic, ...DECKHOUSE_BASIC_RULES.virtualization]);
    const [f] = ofCode(lintPolicy(p), 'no-catch-all');
    expect(f).toMatchObject({ ruleIndex: -1, severity: 'info' });
    expect(evaluatePolicy(p, f.example!).ruleIndex).toBe(-1);
    expect(ofCode(lintPolicy(policy([...p.rules, ...DECKHOUSE_BASIC_RULES.tail])), 'no-catch-all')).toEqual(
      [],
    );
    expect(ofCode(lintPolicy(builtIn()), 'no-catch-all')).toEqual([]);
  });

  it('a catch-all can be a union of rules', () => {
    const p = policy([
      { level: 'None', userGroups: ['system:authenticated'] },
      { level: 'Metadata', resources: [{ group: '*' }] },
      { level: 'Metadata', nonResourceURLs: ['*'] },
    ]);
    // The first rule covers every authenticated user; anonymous and unauthenticated requests need the others.
    expect(ofCode(lintPolicy(p), 'no-catch-all')).toEqual([]);
  });

  it('audit-disabled when Deckhouse would run no policy', () => {
    expect(lintPolicy(deckhouseEffectivePolicy({ basicAuditPolicyEnabled: false }))).toMatchObject([
      { code: 'audit-disabled', severity: 'warning' },
    ]);
  });
});

describe('one identity model: the groups every real request carries', () => {
  const sample = policy([
    { level: 'Metadata', userGroups: ['system:authenticated'] },
    { level: 'None', userGroups: ['system:serviceaccounts'] },
  ]);

  it('sees that a ServiceAccount rule after a system:authenticated rule never decides anything (issue 9 §6)', () => {
    const [f] = ofCode(lintPolicy(sample), 'shadowed-rule');
    expect(f).toMatchObject({ ruleIndex: 1, relatedRuleIndex: 0, severity: 'error' });
    expect(ofCode(lintPolicy(sample), 'partially-shadowed-rule')).toEqual([]);
  });

  it('gives the same finding the same severity in plain and Deckhouse mode', () => {
    const plain = ofCode(lintPolicy(sample), 'shadowed-rule');
    const eff = deckhouseEffectivePolicy({ customPolicy: sample });
    const custom = ofCode(lintPolicy(eff), 'shadowed-rule').filter((f) => f.layer === 'custom');
    expect(custom.map((f) => [f.ruleIndex - 27, f.relatedRuleIndex! - 27, f.severity])).toEqual(
      plain.map((f) => [f.ruleIndex, f.relatedRuleIndex, f.severity]),
    );
  });

  it('a custom rule that shadows tail rule #1 changes what authenticated requests get, and the fix says so', () => {
    const eff = deckhouseEffectivePolicy({ customPolicy: sample });
    const tail = ofCode(lintPolicy(eff), 'shadowed-rule').find((f) => f.layer === 'tail')!;
    expect(tail).toMatchObject({ ruleIndex: 29, relatedRuleIndex: 27, severity: 'info' });
    expect(tail.fix).toContain('tail rule #1 (rules[29]) would (authenticated users at None)');
    expect(tail.fix).toContain('get Metadata instead of None');
    expect(tail.fix).not.toContain('unauthenticated');
  });

  it('a custom catch-all at Metadata that takes over tail rule #2 (also Metadata) does not say "Metadata instead of Metadata"', () => {
    const eff = deckhouseEffectivePolicy({ customPolicy: policy([{ level: 'Metadata' }]) });
    const tail2 = ofCode(lintPolicy(eff), 'shadowed-rule').find((f) => f.ruleIndex === 29)!;
    expect(tail2).toMatchObject({ layer: 'tail', relatedRuleIndex: 27, severity: 'info' });
    expect(tail2.fix).not.toContain('Metadata instead of Metadata');
    expect(tail2.fix).toContain('at the same level (Metadata)');
  });

  it('no rule is reported against an identity kube-apiserver never produces', () => {
    // The anonymous authenticator gives system:anonymous exactly system:unauthenticated (anonymous.go), and
    // AuthenticatedGroupAdder never adds system:authenticated to it.
    const p = policy([
      { level: 'Request', users: ['system:anonymous'], userGroups: ['system:authenticated'] },
      { level: 'Metadata' },
    ]);
    const [nothing] = ofCode(lintPolicy(p), 'rule-matches-nothing');
    expect(nothing).toMatchObject({ ruleIndex: 0, severity: 'error' });
    expect(nothing.fix).toContain('system:anonymous is in system:unauthenticated only');
    expect(ofCode(lintPolicy(p), 'sensitive-body')).toEqual([]);
  });

  it('a rule for users whose credentials carry system:unauthenticated matches them, outside system:authenticated', () => {
    // x509.go CommonNameUserConversion takes the groups from the certificate's organizations as they are, and
    // AuthenticatedGroupAdder adds system:authenticated unless system:unauthenticated is among them: a client
    // certificate CN=alice, O=system:unauthenticated is alice in system:unauthenticated only.
    const p = policy([
      { level: 'None', userGroups: ['system:authenticated'] },
      { level: 'Request', users: ['alice'], userGroups: ['system:unauthenticated'] },
      { level: 'Metadata' },
    ]);
    const findings = lintPolicy(p);
    expect(ofCode(findings, 'rule-matches-nothing')).toEqual([]);
    expect(ofCode(findings, 'shadowed-rule').filter((f) => f.ruleIndex === 1)).toEqual([]);
    const bodies = ofCode(findings, 'sensitive-body').filter((f) => f.ruleIndex === 1);
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies[0].message).toContain('by user "alice" (groups system:unauthenticated)');
  });

  it('property: shadow claims with identity groups hold for realistic requests (300 policies)', () => {
    const rng = mulberry32(99);
    const users = [
      'alice',
      'system:anonymous',
      'system:serviceaccount:ci:bot',
      'system:serviceaccount:kube-system:x',
    ];
    const groups = [
      'system:authenticated',
      'system:unauthenticated',
      'system:serviceaccounts',
      'system:serviceaccounts:ci',
      'devs',
    ];
    const some = (list: string[]) => {
      const out = list.filter(() => rng() < 0.35);
      return out.length ? out : [list[Math.floor(rng() * list.length)]];
    };
    let shadowedCount = 0;
    for (let n = 0; n < 300; n++) {
      const rules: PolicyRule[] = Array.from({ length: 2 + Math.floor(rng() * 4) }, () => {
        const rule: PolicyRule = {
          level: (['None', 'Metadata', 'Request'] as Level[])[Math.floor(rng() * 3)],
        };
        if (rng() < 0.4) rule.users = some(users);
        if (rng() < 0.6) rule.userGroups = some(groups);
        if (rng() < 0.3) rule.verbs = ['get'];
        return rule;
      });
      const p = policy(rules);
      const findings = lintPolicy(p);
      shadowedCount += ofCode(findings, 'shadowed-rule').length;
      const problems = checkShadowClaims(p, findings, 120, n);
      if (problems.length) throw new Error(`policy ${JSON.stringify(rules)}:\n${problems.join('\n')}`);
    }
    expect(shadowedCount).toBeGreaterThan(60);
  });
});
