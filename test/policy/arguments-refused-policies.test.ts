import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { explain } from '../../src/deckhouse/explain';
import { InvalidPolicyError } from '../../src/policy/arguments';
import { checkAssertions } from '../../src/policy/assertions';
import { compilePolicy, evaluatePolicy } from '../../src/policy/evaluate';
import { lintPolicy } from '../../src/policy/lint';
import { renderPolicy } from '../../src/policy/render';
import { validatePolicy } from '../../src/policy/validate';
import { Policy } from '../../src/policy/types';
import { simulate } from '../../src/replay/simulate';
import { REQ, anyValue } from './arguments-fixtures';

// Library calls check their arguments at the public entry: a TypeError that names the function, the
// argument and the expected shape — never a deep property error, never an answer from a policy
// kube-apiserver would refuse.

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
