import { App, Chart } from 'cdk8s';
import { DeckhouseClusterAudit } from '../../src/constructs/deckhouse-cluster-audit';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { explain } from '../../src/deckhouse/explain';
import { InvalidPolicyError } from '../../src/policy/arguments';
import { AuditAssertion, checkAssertions, expectAudit } from '../../src/policy/assertions';
import { policy as builder, resources } from '../../src/policy/builder';
import { compilePolicy, evaluatePolicy } from '../../src/policy/evaluate';
import { lintPolicy } from '../../src/policy/lint';
import { renderPolicy } from '../../src/policy/render';
import { validatePolicy } from '../../src/policy/validate';
import {
  RequestSpecError,
  kubectlRequest,
  requestFromKubectl,
  requestFromUrl,
} from '../../src/policy/request-info';
import { Policy, RequestAttributes } from '../../src/policy/types';
import { mulberry32 } from '../support/seeded-random';
import { simulate } from '../../src/replay/simulate';

// Library calls check their arguments at the public entry: a TypeError that names the function, the
// argument and the expected shape — never a deep property error, never an answer from a policy
// kube-apiserver would refuse.

const P: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
const REQ: RequestAttributes = {
  verb: 'get',
  resourceRequest: true,
  resource: 'pods',
  user: 'u',
  groups: [],
};
const anyValue = (v: unknown) => v as never;

describe('keys no audit.k8s.io/v1 field has: refused, never evaluated or written as a wider rule', () => {
  // kube-apiserver's lenient decode drops an unknown key (k8s-audit-semantics.md §2.3): `verb` instead of
  // `verbs` would leave `{ level: None }`, a rule that drops every event.
  const misspelt = anyValue({
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    omitStage: ['RequestReceived'],
    rules: [
      { level: 'None', verb: ['get'] },
      { level: 'Metadata', resources: [{ group: '', resource: ['secrets'] }] },
      { level: 'Metadata' },
    ],
  });
  const keys =
    'omitStage (did you mean "omitStages"?); rules[0].verb (did you mean "verbs"?); ' +
    'rules[1].resources[0].resource (did you mean "resources"?)';

  test.each<[string, () => unknown]>([
    ['compilePolicy', () => compilePolicy(misspelt)],
    ['evaluatePolicy', () => evaluatePolicy(misspelt, REQ)],
    ['lintPolicy', () => lintPolicy(misspelt)],
    ['checkAssertions', () => checkAssertions(misspelt, [])],
  ])('%s', (fn, call) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(`${fn}: policy has keys no audit.k8s.io/v1 field has`);
    expect(call).toThrow(keys);
  });

  test('renderPolicy', () => {
    expect(() => renderPolicy(misspelt)).toThrow(
      `renderPolicy: refusing to write a policy with keys no audit.k8s.io/v1 field has (they would be dropped, and a rule would match more than written): ${keys}`,
    );
  });

  test('every field of the three objects is accepted', () => {
    const full: Policy = {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      metadata: { name: 'p' },
      omitStages: ['RequestReceived'],
      omitManagedFields: true,
      rules: [
        {
          level: 'Metadata',
          users: ['u'],
          userGroups: ['g'],
          verbs: ['get'],
          resources: [{ group: '', resources: ['pods'], resourceNames: ['x'] }],
          namespaces: ['n'],
          omitStages: ['ResponseStarted'],
          omitManagedFields: false,
        },
        { level: 'None', nonResourceURLs: ['/healthz'] },
      ],
    };
    expect(() => compilePolicy(full)).not.toThrow();
    expect(renderPolicy(full)).toContain('resourceNames:');
  });
});

describe('inputs a function would read differently from kube-apiserver or ignore: refused', () => {
  // The first rule records Secret reads in namespace prod with their bodies; everything else at Metadata.
  const prodSecrets: Policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    rules: [
      { level: 'RequestResponse', namespaces: ['prod'], resources: [{ group: '', resources: ['secrets'] }] },
      { level: 'Metadata' },
    ],
  };
  const secretRead = { verb: 'get', resourceRequest: true, resource: 'secrets' };

  test('a misspelt request attribute (the answer would be for another request)', () => {
    for (const call of [
      () => evaluatePolicy(prodSecrets, anyValue({ ...secretRead, namespaces: 'prod' })),
      () => explain(prodSecrets, anyValue({ ...secretRead, namespaces: 'prod' })),
    ]) {
      expect(call).toThrow(
        /request\.namespaces is not a request attribute, and would be ignored; did you mean "namespace"\?$/,
      );
    }
    expect(() => evaluatePolicy(prodSecrets, anyValue({ ...secretRead, username: 'u' }))).toThrow(
      'did you mean "user"?',
    );
  });

  test('an assertion request with a misspelt field, or a field beside kubectl/url, fails instead of passing', () => {
    const results = checkAssertions(prodSecrets, [
      { request: anyValue({ resource: 'secrets', namespaces: 'prod' }), atMost: 'Metadata' },
      { request: { kubectl: 'get secrets', namespace: 'prod' }, atMost: 'Metadata' },
      { request: { url: 'GET /api/v1/namespaces/prod/secrets', verb: 'delete' }, atMost: 'Metadata' },
      { request: { resource: 'secrets', websocket: true }, atMost: 'Metadata' },
    ]);
    expect(results.map((r) => r.ok)).toEqual([false, false, false, false]);
    expect(results[0].message).toContain(
      'namespaces: not a field of a request, and would be ignored; did you mean "namespace"?',
    );
    expect(results[1].message).toContain(
      'namespace: not used beside kubectl, which says the whole request; write it into the command',
    );
    expect(results[2].message).toContain('verb: not used beside url, which says the whole request');
    expect(results[3].message).toContain('websocket: only with url');
    // The same requests written completely are checked (and the first rule records them).
    expect(
      checkAssertions(prodSecrets, [
        { request: { resource: 'secrets', namespace: 'prod' }, atLeast: 'RequestResponse' },
        { request: { kubectl: 'get secrets -n prod' }, atLeast: 'RequestResponse' },
      ]).map((r) => r.ok),
    ).toEqual([true, true]);
  });

  test('a kind other than Policy, another apiVersion or a metadata that is no object', () => {
    const foo = anyValue({ ...prodSecrets, kind: 'Foo' });
    expect(() => compilePolicy(foo)).toThrow('got kind "Foo" (kube-apiserver loads only kind Policy)');
    expect(() => lintPolicy(foo)).toThrow('got kind "Foo"');
    expect(() => renderPolicy(foo)).toThrow('renderPolicy: refusing to write a policy with kind "Foo"');
    expect(() => renderPolicy(anyValue({ ...prodSecrets, apiVersion: 'audit.k8s.io/v1beta1' }))).toThrow(
      'renderPolicy: refusing to write a policy with apiVersion "audit.k8s.io/v1beta1"',
    );
    expect(() => renderPolicy(anyValue({ ...prodSecrets, metadata: 'x' }))).toThrow(
      'renderPolicy: refusing to write a policy with metadata that is not an object',
    );
  });

  test('a hole in a list is read as JSON writes it (null), never skipped', () => {
    const rules: unknown[] = [];
    rules[1] = { level: 'Metadata' };
    const sparse = anyValue({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules });
    expect(validatePolicy(sparse).map((e) => e.field)).toEqual(['rules[0]']);
    expect(() => compilePolicy(sparse)).toThrow(InvalidPolicyError);
    expect(() => lintPolicy(sparse)).toThrow(InvalidPolicyError);
    expect(() => renderPolicy(sparse)).toThrow('rules[0]');
    const entries: unknown[] = [];
    entries[1] = { group: '', resources: ['secrets'] };
    const holeEntry = anyValue({ ...prodSecrets, rules: [{ level: 'None', resources: entries }] });
    expect(validatePolicy(holeEntry).map((e) => e.field)).toEqual(['rules[0].resources[0]']);
  });

  test('fields inherited from a prototype or a class (read here, dropped in YAML) are refused', () => {
    class Rule {
      level = 'None';
      get verbs() {
        return ['get'];
      }
    }
    const inherited = JSON.parse('{"level":"None","__proto__":{"verbs":["get"]}}') as unknown;
    const withProto = Object.assign(Object.create({ verbs: ['get'] }) as object, { level: 'None' });
    for (const rule of [new Rule(), withProto]) {
      const p = anyValue({ ...prodSecrets, rules: [rule, { level: 'Metadata' }] });
      expect(() => compilePolicy(p)).toThrow('compilePolicy: policy.rules[0] must be a plain object');
      expect(() => renderPolicy(p)).toThrow('renderPolicy: policy.rules[0] must be a plain object');
    }
    // JSON.parse makes "__proto__" an own key: an unknown field, refused as such.
    expect(() => compilePolicy(anyValue({ ...prodSecrets, rules: [inherited] }))).toThrow(
      'rules[0].__proto__',
    );
  });

  test('misspelt options of deckhouseEffectivePolicy, lintPolicy and compilePolicy', () => {
    expect(() => deckhouseEffectivePolicy(anyValue({ custompolicy: prodSecrets }))).toThrow(
      'deckhouseEffectivePolicy: options.custompolicy is not an option, and would be ignored; did you mean "customPolicy"?',
    );
    expect(() => deckhouseEffectivePolicy(anyValue({ basicAuditPolicyEnable: false }))).toThrow(
      'did you mean "basicAuditPolicyEnabled"?',
    );
    expect(() => lintPolicy(prodSecrets, anyValue({ kubernetesversion: '1.30' }))).toThrow(
      'lintPolicy: options.kubernetesversion is not an option',
    );
    expect(() => compilePolicy(prodSecrets, anyValue({ kubernetesversion: '1.30' }))).toThrow(
      'did you mean "kubernetesVersion"?',
    );
  });

  test('simulate checks an EffectivePolicy before reading any input', async () => {
    const effective = deckhouseEffectivePolicy();
    const short = anyValue({ ...effective, origins: effective.origins.slice(1) });
    await expect(simulate(['/nonexistent.log'], { policy: short })).rejects.toThrow(
      /^simulate: options\.policy\.origins must describe each rule of options\.policy\.policy/,
    );
    await expect(simulate(['/nonexistent.log'], anyValue(undefined))).rejects.toThrow(
      'simulate: options must be simulate options',
    );
  });
});

describe('policy arguments', () => {
  it.each<[string, () => unknown, RegExp]>([
    [
      'compilePolicy(null)',
      () => compilePolicy(anyValue(null)),
      /^compilePolicy: policy must be an audit.k8s.io\/v1 Policy object .*, got null$/,
    ],
    [
      'compilePolicy({})',
      () => compilePolicy(anyValue({})),
      /^compilePolicy: policy must be .*; its rules are undefined, not a list$/,
    ],
    ['compilePolicy([])', () => compilePolicy(anyValue([])), /got an array/],
    [
      'lintPolicy({})',
      () => lintPolicy(anyValue({})),
      /^lintPolicy: policy must be .*its rules are undefined/,
    ],
    [
      'lintPolicy(undefined)',
      () => lintPolicy(anyValue(undefined)),
      /^lintPolicy: policy must be .*got undefined$/,
    ],
    [
      'lintPolicy(p, "x")',
      () => lintPolicy(P, anyValue('x')),
      /^lintPolicy: options must be an options object/,
    ],
    [
      'explain(undefined, …)',
      () => explain(anyValue(undefined), REQ),
      /^explain: policy must be .*got undefined$/,
    ],
    ['expectAudit(undefined)', () => expectAudit(anyValue(undefined)), /^expectAudit: policy must be/],
    [
      'checkAssertions(null, [])',
      () => checkAssertions(anyValue(null), []),
      /^checkAssertions: policy must be/,
    ],
    [
      'an EffectivePolicy without origins',
      () => lintPolicy(anyValue({ policy: P })),
      /^lintPolicy: policy looks like an EffectivePolicy but needs both policy .* and origins/,
    ],
    [
      'apiVersion v1beta1',
      () => compilePolicy(anyValue({ ...P, apiVersion: 'audit.k8s.io/v1beta1' })),
      /apiVersion "audit.k8s.io\/v1beta1".*since 1\.24/,
    ],
  ])('%s throws a TypeError naming the argument', (_name, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });

  it('refuses what validatePolicy refuses instead of evaluating it (users: "alice" matched every user, level: 5 was returned)', () => {
    const users = { ...P, rules: [{ level: 'Metadata', users: 'alice' }] };
    expect(() => compilePolicy(anyValue(users))).toThrow(InvalidPolicyError);
    expect(() => compilePolicy(anyValue(users))).toThrow(/rules\[0\]\.users: .*must be a list, not a string/);
    expect(() => evaluatePolicy(anyValue(users), REQ)).toThrow(
      /^evaluatePolicy: policy is not a policy kube-apiserver accepts/,
    );
    const level = { ...P, rules: [{ level: 5 }] };
    expect(() => evaluatePolicy(anyValue(level), REQ)).toThrow(/rules\[0\]\.level/);
    expect(() => lintPolicy(anyValue(level))).toThrow(InvalidPolicyError);
    try {
      compilePolicy(anyValue({ ...P, rules: [{ level: 'Everything', omitStages: ['Done'] }] }));
    } catch (e) {
      expect((e as InvalidPolicyError).fieldErrors.map((f) => f.field)).toEqual([
        'rules[0].level',
        'rules[0].omitStages[0]',
      ]);
    }
  });

  it('evaluates group "*" (valid from 1.36, the version the evaluator models); older versions on request', () => {
    const star: Policy = { ...P, rules: [{ level: 'Request', resources: [{ group: '*' }] }] };
    expect(compilePolicy(star).evaluate({ ...REQ, apiGroup: 'apps' }).level).toBe('Request');
    expect(() => compilePolicy(star, { kubernetesVersion: '1.35' })).toThrow(InvalidPolicyError);
  });
});

describe('request arguments', () => {
  it.each<[string, () => unknown, RegExp]>([
    [
      'evaluatePolicy without a verb',
      () => evaluatePolicy(P, anyValue({ resourceRequest: true, resource: 'pods' })),
      /^evaluatePolicy: request\.verb must be a string such as "get", got undefined/,
    ],
    [
      'evaluatePolicy(p, undefined)',
      () => evaluatePolicy(P, anyValue(undefined)),
      /^evaluatePolicy: request must be request attributes/,
    ],
    [
      'resourceRequest missing',
      () => evaluatePolicy(P, anyValue({ verb: 'get' })),
      /^evaluatePolicy: request\.resourceRequest must be true .* or false/,
    ],
    [
      'groups not a list',
      () => evaluatePolicy(P, anyValue({ ...REQ, groups: 'devs' })),
      /request\.groups must be a list of strings/,
    ],
    [
      'namespace a number',
      () => evaluatePolicy(P, anyValue({ ...REQ, namespace: 5 })),
      /request\.namespace must be a string/,
    ],
    [
      'explain(p, undefined)',
      () => explain(P, anyValue(undefined)),
      /^explain: request must be request attributes/,
    ],
    [
      'requestFromUrl(5)',
      () => requestFromUrl(anyValue(5)),
      /^requestFromUrl: methodAndUrl must be a string/,
    ],
    [
      'requestFromKubectl(null)',
      () => requestFromKubectl(anyValue(null)),
      /^kubectlRequest: command must be a string/,
    ],
    ['kubectlRequest({})', () => kubectlRequest(anyValue({})), /^kubectlRequest: command must be a string/],
  ])('%s throws a TypeError naming the argument', (_name, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });
});

describe('assertion arguments: errors at once, naming the field and the allowed values', () => {
  const eff = deckhouseEffectivePolicy({});
  const check = (assertion: unknown) => () => checkAssertions(eff, [anyValue(assertion)]);

  it.each<[string, unknown, RegExp]>([
    [
      'atLeast: Requets',
      { request: 'get pods', atLeast: 'Requets' },
      /^assertions\[0\]\.atLeast: "Requets" is not a level; use one of None, Metadata, Request, RequestResponse/,
    ],
    [
      'nothing to check',
      { request: 'get pods' },
      /^assertions\[0\]: asserts nothing about the request, so it can never fail; give at least one of level, atLeast/,
    ],
    [
      'an expect block (the outcome sits on the assertion)',
      { request: 'get pods', expect: { atLeast: 'Request' } },
      /^assertions\[0\]\.expect: the outcome fields sit on the assertion itself/,
    ],
    [
      'unknown field',
      { request: 'get pods', atleast: 'Request' },
      /^assertions\[0\]\.atleast: unknown field/,
    ],
    ['level lower case', { request: 'get pods', level: 'metadata' }, /"metadata" is not a level/],
    [
      'bad stage',
      { request: 'get pods', omitsStages: ['Received'] },
      /omitsStages\[0\]: "Received" is not a stage; use one of RequestReceived/,
    ],
    [
      'bad layer',
      { request: 'get pods', decidedBy: { layer: 'builtin' } },
      /decidedBy\.layer: "builtin" is not a layer; use one of basic, virtualization, custom, tail/,
    ],
    [
      'bad index',
      { request: 'get pods', decidedBy: { index: -1 } },
      /decidedBy\.index: must be a whole number/,
    ],
    ['no request', { level: 'None' }, /^assertions\[0\]\.request: must be a URL/],
  ])('%s', (_name, assertion, message) => {
    expect(check(assertion)).toThrow(TypeError);
    expect(check(assertion)).toThrow(message);
  });

  it('checkAssertions needs a list', () => {
    expect(() => checkAssertions(eff, anyValue({ request: 'get pods', level: 'None' }))).toThrow(
      /^checkAssertions: assertions must be a list/,
    );
  });

  it('the fluent API refuses unknown levels, stages and layers at the call', () => {
    const exec = expectAudit(eff).request('exec web-0 -n prod -- sh');
    expect(() => exec.recordedAtLeast(anyValue('Bogus'))).toThrow(
      /^recordedAtLeast\(level\): "Bogus" is not a level/,
    );
    expect(() => exec.recordedAt(anyValue('request'))).toThrow(TypeError);
    expect(() => exec.recordedAtMost(anyValue(undefined))).toThrow(/undefined is not a level/);
    expect(() => exec.withStage(anyValue('Done'))).toThrow(/^withStage\(stage\): "Done" is not a stage/);
    expect(() => exec.decidedBy(anyValue({}))).toThrow(/^decidedBy\(rule\): must be \{ layer\?, index\? \}/);
    expect(() => expectAudit(eff).request(anyValue(undefined))).toThrow(/^request: must be a URL/);
  });

  it('DeckhouseClusterAudit refuses a mistyped assertion when it is constructed', () => {
    const chart = new Chart(new App(), 'c');
    expect(
      () =>
        new DeckhouseClusterAudit(chart, 'audit', {
          assertions: [
            anyValue({ request: 'exec web-0 -n prod -- sh', atLeast: 'Requets' }) as AuditAssertion,
          ],
        }),
    ).toThrow(/^\[c\/audit\] assertions\[0\]\.atLeast: "Requets" is not a level/);
  });
});

describe('fuzz: every public entry point answers wrong arguments with its own TypeError (2,000 calls)', () => {
  const JUNK: unknown[] = [
    undefined,
    null,
    0,
    1,
    '',
    'x',
    true,
    [],
    {},
    [null],
    { rules: null },
    { rules: [null] },
    { rules: [{}] },
    { rules: [{ level: 'None', verbs: 'get' }] },
    { rules: 'x' },
    { policy: {}, origins: {} },
    { verb: 5, resourceRequest: 'yes' },
    { verb: 'get' },
    () => 1,
  ];
  const CALLS: Array<[string, (junk: unknown) => unknown]> = [
    ['compilePolicy', (j) => compilePolicy(anyValue(j))],
    ['compilePolicy', (j) => compilePolicy(P, anyValue(j))],
    ['evaluatePolicy', (j) => evaluatePolicy(anyValue(j), REQ)],
    ['evaluatePolicy', (j) => evaluatePolicy(P, anyValue(j))],
    ['lintPolicy', (j) => lintPolicy(anyValue(j))],
    ['lintPolicy', (j) => lintPolicy(P, anyValue(j))],
    ['explain', (j) => explain(anyValue(j), REQ)],
    ['explain', (j) => explain(P, anyValue(j))],
    ['expectAudit', (j) => expectAudit(anyValue(j))],
    ['checkAssertions|assertions', (j) => checkAssertions(P, anyValue(j))],
    ['assertions', (j) => checkAssertions(P, [anyValue(j)])],
    ['assertions', (j) => checkAssertions(P, [anyValue({ request: 'get pods', atLeast: j })])],
    ['request', (j) => expectAudit(P).request(anyValue(j))],
    ['recordedAtLeast', (j) => expectAudit(P).request('get pods').recordedAtLeast(anyValue(j))],
    ['requestFromUrl', (j) => requestFromUrl(anyValue(j))],
    ['kubectlRequest', (j) => requestFromKubectl(anyValue(j))],
    ['deckhouseEffectivePolicy', (j) => deckhouseEffectivePolicy(anyValue({ customPolicy: j }))],
    ['deckhouseEffectivePolicy', (j) => deckhouseEffectivePolicy(anyValue(j))],
  ];

  it('never a deep property error, never a message without the function or field name', () => {
    const rng = mulberry32(13);
    for (let n = 0; n < 2000; n++) {
      const [fn, call] = CALLS[Math.floor(rng() * CALLS.length)];
      const junk = JUNK[Math.floor(rng() * JUNK.length)];
      try {
        call(junk);
      } catch (e) {
        const message = (e as Error).message;
        expect(message).not.toMatch(/Cannot read|is not a function|is not iterable/);
        // A string that is not a request is the other clean error of the request parsers.
        if (e instanceof RequestSpecError) continue;
        expect(e).toBeInstanceOf(TypeError);
        expect(message).toMatch(new RegExp(`^(${fn})`));
      }
    }
  });
});

describe('bad values JSON cannot print: a field error, never a crash of the message', () => {
  // Untyped callers can hand over anything where a string belongs. The field error quotes the bad value as
  // Go's encoding/json would; a value JSON.stringify cannot encode (a cycle, a BigInt, nesting deeper than the
  // stack) must still give the field error with its path, not a RangeError from inside the message.
  const deep = (): unknown => {
    let value: unknown = 'x';
    for (let i = 0; i < 100_000; i++) value = [value];
    return value;
  };
  const cyclic = (): unknown => {
    const list: unknown[] = [];
    list.push(list);
    return list;
  };
  const BAD: Array<[string, () => unknown]> = [
    ['a list nested 100,000 deep', deep],
    ['a list that contains itself', cyclic],
    ['a BigInt', () => BigInt(5)],
    ['a list holding a BigInt', () => [BigInt(5)]],
  ];
  const PLACES: Array<[string, (bad: unknown) => unknown, string]> = [
    ['users[0]', (bad) => ({ rules: [{ level: 'Metadata', users: [bad] }] }), 'rules[0].users[0]'],
    ['the rule itself', (bad) => ({ rules: [bad] }), 'rules[0]'],
    ['level', (bad) => ({ rules: [{ level: bad }] }), 'rules[0].level'],
    ['resources[0]', (bad) => ({ rules: [{ level: 'None', resources: [bad] }] }), 'rules[0].resources[0]'],
  ];
  const cases = BAD.flatMap(([what, make]) =>
    PLACES.map(([where, place, field]) => [`${what} as ${where}`, field, () => place(make())] as const),
  );

  it.each(cases)('%s: validatePolicy reports %s', (_name, field, make) => {
    const errors = validatePolicy(make());
    expect(errors.map((e) => e.field)).toContain(field);
    for (const e of errors) expect(e.message.startsWith(`${e.field}: `)).toBe(true);
  });

  it.each(cases)('%s: compilePolicy, lintPolicy and renderPolicy refuse it with %s', (_name, field, make) => {
    const policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', ...(make() as object) };
    expect(() => compilePolicy(anyValue(policy))).toThrow(InvalidPolicyError);
    expect(() => compilePolicy(anyValue(policy))).toThrow(field);
    expect(() => lintPolicy(anyValue(policy))).toThrow(InvalidPolicyError);
    expect(() => renderPolicy(anyValue(policy))).toThrow(TypeError);
  });
});

describe('functions that take a policy take the builder too', () => {
  const exec = () =>
    builder()
      .request({ verbs: ['get', 'create'], resources: [resources.core('pods/exec')] })
      .metadata();
  const request: RequestAttributes = {
    user: 'alice',
    groups: ['system:authenticated'],
    verb: 'get',
    resourceRequest: true,
    namespace: 'prod',
    apiGroup: '',
    resource: 'pods',
    subresource: 'exec',
    name: 'web-0',
  };

  it('gives the same answers for the builder and for what it builds', () => {
    const policy = exec().build();
    expect(compilePolicy(exec()).evaluate(request)).toEqual(compilePolicy(policy).evaluate(request));
    expect(evaluatePolicy(exec(), request)).toEqual(evaluatePolicy(policy, request));
    expect(lintPolicy(exec())).toEqual(lintPolicy(policy));
    expect(explain(exec(), request)).toEqual(explain(policy, request));
    expect(checkAssertions(exec(), [{ request, atLeast: 'Request' }])).toEqual(
      checkAssertions(policy, [{ request, atLeast: 'Request' }]),
    );
    expect(() => expectAudit(exec()).request(request).recordedAt('Request')).not.toThrow();
    expect(deckhouseEffectivePolicy({ customPolicy: exec() })).toEqual(
      deckhouseEffectivePolicy({ customPolicy: policy }),
    );
    expect(evaluatePolicy(exec(), request).level).toBe('Request');
  });
});

describe('the other public helpers check their arguments too', () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const api = require('../../src/index') as Record<string, (...args: unknown[]) => unknown>;
  /* eslint-enable @typescript-eslint/no-require-imports */
  it.each<[string, unknown[], RegExp]>([
    ['formatExplanation', [null], /^formatExplanation: explanation must be an Explanation/],
    ['runAssertionPack', [null, {}], /^runAssertionPack: pack must be an AssertionPack/],
    ['runAssertionPack', [{ name: 'x' }, {}], /^runAssertionPack: pack\.items must be a list/],
    ['failedStatements', [null, []], /^failedStatements: pack must be an AssertionPack/],
    ['failedStatements', [{ name: 'x', items: [] }, null], /^failedStatements: results must be the list/],
    ['builtInRulesSummary', [undefined], /^builtInRulesSummary: rules must be DeckhouseBasicRules/],
    ['parseExtraAuditPolicyConfig', [5], /^parseExtraAuditPolicyConfig: text must be/],
    [
      'renderExtraAuditPolicyConfig',
      ['system:serviceaccount:a:b'],
      /^renderExtraAuditPolicyConfig: serviceAccounts must be a list/,
    ],
    ['formatFieldErrors', [null], /^formatFieldErrors: errors must be the list/],
    ['describeRule', [null], /^describeRule: rule must be a PolicyRule/],
    ['describeRequest', [undefined], /^describeRequest: request must be request attributes/],
    ['ruleLabel', [-5], /^ruleLabel: index must be a rule's index from 0, got -5/],
    ['base64Pem', [undefined], /^base64Pem: pem must be the PEM text/],
    ['diffReports', [null, null], /^diffReports: a must be a SimulationReport/],
    [
      'builtInRulesDifference',
      [null, null],
      /^builtInRulesDifference: reference must be DeckhouseBasicRules/,
    ],
    ['formatBuiltInRulesDifference', [null], /^formatBuiltInRulesDifference: difference must be/],
  ])('%s(%j) throws a TypeError naming the argument', (name, args, message) => {
    expect(typeof api[name]).toBe('function');
    let thrown: unknown;
    try {
      api[name](...args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toMatch(message);
  });
});
