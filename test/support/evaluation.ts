import { compilePolicy, evaluatePolicy } from '../../src/policy/evaluate';
import { Decision, Policy, PolicyRule, RequestAttributes } from '../../src/policy/types';

// Builders and checks shared by the evaluator's tests (test/policy/evaluate*.test.ts).

export function policyOf(rules: PolicyRule[], extra: Partial<Policy> = {}): Policy {
  return { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', ...extra, rules };
}

/** Both evaluators must agree; returns the compiled answer. */
export function decide(policy: Policy, req: RequestAttributes): Decision {
  const compiled = compilePolicy(policy).evaluate(req);
  expect(evaluatePolicy(policy, req)).toEqual(compiled);
  return compiled;
}

/** A resource request (default: get in namespace "default", core group) by an ordinary user. */
export function resourceRequest(
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

/** A non-resource request (default: get) for `path` by an ordinary user. */
export function nonResourceRequest(path: string, extra: Partial<RequestAttributes> = {}): RequestAttributes {
  return {
    user: 'alice',
    groups: ['system:authenticated'],
    verb: 'get',
    resourceRequest: false,
    path,
    ...extra,
  };
}
