import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { lintPolicy } from '../../src/policy/lint';
import { Policy } from '../../src/policy/types';

// A request whose authentication failed (a wrong, expired or revoked credential) never reaches the audit filter:
// kube-apiserver's WithFailedAuthenticationAudit (staging/src/k8s.io/apiserver/pkg/endpoints/filters/
// authn_audit.go) evaluates the policy for it and writes the event at ResponseStarted alone (the response, 401,
// is already decided). Policy-wide omitStages are merged into every rule's (pkg/audit/policy/checker.go), so
// `omitStages: [RequestReceived, ResponseStarted]` at the top, a common way to quiet watches, drops every failed
// login whatever the rules say. lint said nothing about it.
const policy = (
  omitStages: Policy['omitStages'],
  rules: Policy['rules'] = [{ level: 'Metadata' }],
): Policy => ({
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  ...(omitStages === undefined ? {} : { omitStages }),
  rules,
});
const found = (p: Policy | ReturnType<typeof deckhouseEffectivePolicy>) =>
  lintPolicy(p).filter((f) => f.code === 'failed-authentication-omitted');

describe('lint: failed logins omitted with ResponseStarted', () => {
  test('policy-wide omitStages holding ResponseStarted: one policy-wide warning with the fix', () => {
    const f = found(policy(['RequestReceived', 'ResponseStarted']));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', ruleIndex: -1 });
    expect(f[0].message).toMatch(/authentication failed/);
    expect(f[0].message).toMatch(/no failed login is ever written/);
    expect(f[0].fix).toMatch(/take ResponseStarted out of the policy-wide omitStages/);
  });

  test('not for RequestReceived alone, nor for no omitStages, nor for ResponseStarted omitted by one rule', () => {
    expect(found(policy(['RequestReceived']))).toEqual([]);
    expect(found(policy(undefined))).toEqual([]);
    const watchesQuiet = policy(
      ['RequestReceived'],
      [{ level: 'Metadata', verbs: ['watch'], omitStages: ['ResponseStarted'] }, { level: 'Metadata' }],
    );
    expect(found(watchesQuiet)).toEqual([]);
  });

  test('on Deckhouse the custom policy’s omitStages reach the built-in rules: said so', () => {
    const secretPolicy = policy(
      ['RequestReceived', 'ResponseStarted'],
      [{ level: 'Metadata', verbs: ['delete'] }],
    );
    const f = found(deckhouseEffectivePolicy({ customPolicy: secretPolicy }));
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/Deckhouse's built-in ones included/);
  });

  test('a policy that records nothing is audit-disabled, not also this', () => {
    expect(found(policy(['ResponseStarted'], [{ level: 'None' }]))).toEqual([]);
  });
});
