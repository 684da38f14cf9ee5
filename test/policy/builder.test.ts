import { policy, PolicyBuilderError, resources } from '../../src/policy/builder';
import { compilePolicy } from '../../src/policy/evaluate';
import { validatePolicy } from '../../src/policy/validate';
import { PolicyRule } from '../../src/policy/types';

function thrown(fn: () => unknown): PolicyBuilderError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PolicyBuilderError) return e;
    throw e;
  }
  throw new Error('expected a PolicyBuilderError');
}

describe('policy builder', () => {
  test('reads like the policy and compiles to plain audit.k8s.io/v1 data', () => {
    const p = policy({ omitStages: ['RequestReceived'] })
      .none({ userGroups: ['system:nodes'], verbs: ['get', 'watch'] })
      .request({ verbs: ['get', 'create'], resources: [resources.core('pods/exec', 'pods/attach')] })
      .requestResponse({ resources: [resources.group('rbac.authorization.k8s.io', 'roles', 'rolebindings')] })
      .rule('None', { resources: [resources.core('configmaps', { names: ['cert-manager-controller'] })] })
      .metadata({ nonResourceURLs: ['/healthz*'], omitStages: ['ResponseStarted'] })
      .metadata()
      .build();
    expect(p).toEqual({
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      omitStages: ['RequestReceived'],
      rules: [
        { level: 'None', userGroups: ['system:nodes'], verbs: ['get', 'watch'] },
        {
          level: 'Request',
          verbs: ['get', 'create'],
          resources: [{ group: '', resources: ['pods/exec', 'pods/attach'] }],
        },
        {
          level: 'RequestResponse',
          resources: [{ group: 'rbac.authorization.k8s.io', resources: ['roles', 'rolebindings'] }],
        },
        {
          level: 'None',
          resources: [{ group: '', resources: ['configmaps'], resourceNames: ['cert-manager-controller'] }],
        },
        { level: 'Metadata', nonResourceURLs: ['/healthz*'], omitStages: ['ResponseStarted'] },
        { level: 'Metadata' },
      ],
    });
    expect(validatePolicy(p)).toEqual([]);
    const decide = compilePolicy(p).evaluate;
    const exec = {
      user: 'a',
      groups: ['g'],
      verb: 'get',
      resourceRequest: true,
      namespace: 'x',
      resource: 'pods',
      subresource: 'exec',
      name: 'p',
    };
    expect(decide(exec)).toMatchObject({ level: 'Request', ruleIndex: 1 });
  });

  test('rule keys come out in upstream field order whatever order they were written in', () => {
    const p = policy()
      .rule('Metadata', {
        omitManagedFields: true,
        namespaces: ['a'],
        verbs: ['get'],
        users: ['u'],
        userGroups: ['g'],
      })
      .build();
    expect(Object.keys(p.rules[0])).toEqual([
      'level',
      'users',
      'userGroups',
      'verbs',
      'namespaces',
      'omitManagedFields',
    ]);
  });

  test('whole groups, any group, and policy-wide omitManagedFields', () => {
    const p = policy({ omitManagedFields: true, kubernetesVersion: '1.36' })
      .metadata({ resources: [resources.group('apps'), resources.anyGroup('secrets'), resources.core()] })
      .build();
    expect(p.omitManagedFields).toBe(true);
    expect(p.rules[0].resources).toEqual([
      { group: 'apps' },
      { group: '*', resources: ['secrets'] },
      { group: '' },
    ]);
  });

  test('build() returns a deep copy; inputs are copied when written', () => {
    const verbs = ['get'];
    const b = policy().metadata({ verbs });
    verbs.push('delete');
    const first = b.build();
    expect(first.rules[0].verbs).toEqual(['get']);
    first.rules[0].verbs!.push('list');
    expect(b.build().rules[0].verbs).toEqual(['get']);
    expect(b.build()).not.toBe(b.build());
  });

  test('append() takes ready-made rules and validates them', () => {
    const existing: PolicyRule[] = [{ level: 'None', users: ['system:kube-proxy'] }, { level: 'Metadata' }];
    expect(policy().append(...existing).length).toBe(2);
    expect(
      thrown(() =>
        policy()
          .metadata()
          .append({ level: 'Metadata', omitStages: ['Never' as never] }),
      ).ruleIndex,
    ).toBe(1);
  });

  test('refuses zero rules at build(), and says that a Deckhouse custom policy takes the builder itself', () => {
    const e = thrown(() => policy().build());
    expect(e.message).toContain('at least one rule');
    expect(e.message).toContain('.metadata()');
    expect(e.message).toContain('pass the builder itself, not its build()');
  });
});

describe('refuses what kube-apiserver would refuse, when the rule is written', () => {
  test('a group with a version: names the rule, field, value and the fix', () => {
    const b = policy().none({ userGroups: ['system:nodes'] });
    const e = thrown(() =>
      b.request({ resources: [resources.group('rbac.authorization.k8s.io/v1', 'roles')] }),
    );
    expect(e).toBeInstanceOf(Error);
    expect(e.ruleIndex).toBe(1);
    expect(e.fieldErrors.map((f) => f.field)).toEqual(['rules[1].resources.group']);
    expect(e.message).toContain('rules[1] (the 2nd rule, level "Request") for Kubernetes 1.32');
    expect(e.message).toContain('rules[1].resources.group: Invalid value: "rbac.authorization.k8s.io/v1"');
    expect(e.message).toContain('fix: write the group without its version: "rbac.authorization.k8s.io"');
    // The refused rule is not kept.
    expect(b.length).toBe(1);
  });

  test('group "*" before the target supports it', () => {
    const e = thrown(() => policy().metadata({ resources: [resources.anyGroup()] }));
    expect(e.message).toContain('rules[0].resources.group: Invalid value: "*"');
    expect(e.message).toMatch(/for Kubernetes 1\.32:[\s\S]*accepted from Kubernetes 1\.36/);
    // The fix names the option that declares a 1.36 cluster, the one the accepted builder below uses.
    expect(e.message).toContain("say so: policy({ kubernetesVersion: '1.36' })");
    expect(() =>
      policy({ kubernetesVersion: '1.36' }).metadata({ resources: [resources.anyGroup()] }),
    ).not.toThrow();
  });

  test.each([
    [{ nonResourceURLs: ['healthz'] }, 'rules[0].nonResourceURLs[0]', 'write a URL path such as "/healthz"'],
    [
      { nonResourceURLs: ['/logs/*.log'] },
      'rules[0].nonResourceURLs[0]',
      'allowed only as the last character',
    ],
    [
      { namespaces: ['default'], nonResourceURLs: ['/metrics'] },
      'rules[0].nonResourceURLs',
      'split it into two rules',
    ],
    [
      { resources: [resources.group('Apps', 'deployments')] },
      'rules[0].resources.group',
      'API groups are lowercase: "apps"',
    ],
    [
      { resources: [{ group: 'apps', resourceNames: ['x'] }] },
      'rules[0].resources.resourceNames',
      'list the resources the names belong to',
    ],
    [
      { omitStages: ['requestReceived' as never] },
      'rules[0].omitStages[0]',
      'did you mean "RequestReceived"?',
    ],
    [{ verbs: 'get' as never }, 'rules[0].verbs', 'give the field a value of the documented type'],
  ])('%j', (match, field, fix) => {
    const e = thrown(() => policy().metadata(match));
    expect(e.fieldErrors.map((f) => f.field)).toContain(field);
    expect(e.message).toContain(fix);
  });

  test('a level outside the four (from untyped JavaScript)', () => {
    const e = thrown(() => policy().rule('metadata' as never));
    expect(e.message).toContain('rules[0].level: Unsupported value: "metadata"');
    expect(e.message).toContain('did you mean "Metadata"?');
  });

  test('bad policy-wide options and target version throw at policy()', () => {
    expect(thrown(() => policy({ omitStages: ['Sometimes' as never] })).message).toContain('omitStages[0]');
    expect(thrown(() => policy({ kubernetesVersion: 'latest' })).message).toContain(
      'must be a Kubernetes version such as',
    );
  });

  test('every error of the rule is listed at once', () => {
    const e = thrown(() => policy().metadata({ nonResourceURLs: ['x*y'], omitStages: ['Nope' as never] }));
    expect(e.fieldErrors).toHaveLength(3);
    expect(e.message.split('\n').filter((l) => l.includes('fix:'))).toHaveLength(3);
  });
});

describe('refuses keys it would drop: a dropped key widens the rule', () => {
  // kube-apiserver's lenient decode drops unknown fields, so a misspelt `verb:` silently widens a rule
  // (k8s-audit-semantics.md §2.3); this package refuses them in text, and the builder must too: it used to
  // copy only the known fields, so none({ verb: ['get'] }) became a None catch-all that drops every event.
  test.each<[string, () => unknown, string, string]>([
    [
      'a misspelt rule field',
      () => policy().none({ verb: ['get'] } as never),
      'rules[0].verb',
      'did you mean "verbs"?',
    ],
    [
      'a singular users key through a variable (no excess-property check)',
      () => {
        const match = { user: ['system:kube-proxy'], verbs: ['watch'] };
        return policy().none(match as never);
      },
      'rules[0].user',
      'did you mean "users"?',
    ],
    [
      'a misspelt resources-entry field (would select the whole core group)',
      () => policy().none({ resources: [{ group: '', resource: ['events'] } as never] }),
      'rules[0].resources[0].resource',
      'did you mean "resources"?',
    ],
    [
      'level inside the match',
      () => policy().metadata({ level: 'None' } as never),
      'rules[0].level',
      'metadata()',
    ],
    [
      'an appended rule with a misspelt field',
      () => policy().append({ level: 'None', verb: ['get'] } as never),
      'rules[0].verb',
      'did you mean "verbs"?',
    ],
    [
      'a misspelt policy option',
      () => policy({ omitStage: ['RequestReceived'] } as never),
      'omitStage',
      'did you mean "omitStages"?',
    ],
  ])('%s', (_name, write, field, fix) => {
    const e = thrown(write);
    expect(e.message).toContain(field);
    expect(e.message).toContain(fix);
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['a string', 'pods'],
    ['a list', [{ verbs: ['get'] }]],
  ])('a match that is %s (it used to become a catch-all or a deep TypeError)', (_name, match) => {
    const e = thrown(() => policy().request(match as never));
    expect(e.message).toMatch(/rules\[0\]: .*must be an object/);
  });

  test('the rule that would have been written is not added', () => {
    const builder = policy().metadata({ verbs: ['get'] });
    expect(() => builder.none({ verb: ['list'] } as never)).toThrow(PolicyBuilderError);
    expect(builder.length).toBe(1);
  });
});
