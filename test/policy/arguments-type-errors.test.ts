import { App, Chart } from 'cdk8s';
import { DeckhouseClusterAudit } from '../../src/constructs/deckhouse-cluster-audit';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { explain } from '../../src/deckhouse/explain';
import { InvalidPolicyError } from '../../src/policy/arguments';
import { AuditAssertion, checkAssertions, expectAudit } from '../../src/policy/assertions';
import { compilePolicy, evaluatePolicy } from '../../src/policy/evaluate';
import { lintPolicy } from '../../src/policy/lint';
import { kubectlRequest, requestFromKubectl, requestFromUrl } from '../../src/policy/request-info';
import { Policy } from '../../src/policy/types';
import { P, REQ, anyValue } from './arguments-fixtures';

// Library calls check their arguments at the public entry: a TypeError that names the function, the
// argument and the expected shape — never a deep property error, never an answer from a policy
// kube-apiserver would refuse.

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
