import { checkOptionsArgument, checkPolicyArgument, checkRequestArgument } from './arguments';
import { ruleMatchesRequest } from './match';
import { compileRules } from './compiled-policy';
import { noMatchDecision, ruleDecision } from './rule-block';
import { CompiledPolicy, Decision, Policy, RequestAttributes, VersionOptions, PolicyProducer } from './types';

export { ruleMatchesRequest } from './match';

/**
 * Precompiles a policy into bitmask indexes (by verb, user, group, namespace, API group/resource and
 * URL path) so that each evaluation is a handful of map lookups. Returned decisions are frozen and
 * shared between calls; copy one before changing it. `evaluate` trusts its argument to be
 * RequestAttributes (it is the hot path of replay); `evaluatePolicy` checks it.
 *
 * Throws a TypeError for a `policy` that is not a Policy or has a key no audit.k8s.io/v1 field has (kube-apiserver
 * would drop it, and the rule would match more than written: `verb` for `verbs`), and an `InvalidPolicyError`
 * (a TypeError) for one `validatePolicy` rejects — by default for the newest Kubernetes version the package models, whose
 * semantics the evaluator implements (`options.kubernetesVersion` to check an older one).
 */
export function compilePolicy(policy: Policy | PolicyProducer, options: VersionOptions = {}): CompiledPolicy {
  checkOptionsArgument('compilePolicy', 'options', options, ['kubernetesVersion']);
  return compileRules(checkPolicyArgument('compilePolicy', 'policy', policy, options));
}

/**
 * Evaluates one request exactly as kube-apiserver's policy checker does, scanning the rules in order.
 * Throws a TypeError for a policy or request of the wrong shape (a request needs `verb` and
 * `resourceRequest`) and for a policy `validatePolicy` rejects (see compilePolicy).
 */
export function evaluatePolicy(policy: Policy | PolicyProducer, req: RequestAttributes): Decision {
  const checked = checkPolicyArgument('evaluatePolicy', 'policy', policy);
  checkRequestArgument('evaluatePolicy', 'request', req);
  const rules = checked.rules;
  for (let i = 0; i < rules.length; i++) {
    if (ruleMatchesRequest(rules[i], req)) return copyDecision(ruleDecision(checked, rules[i], i));
  }
  return copyDecision(noMatchDecision(checked));
}

function copyDecision(d: Decision): Decision {
  return {
    level: d.level,
    omitStages: [...d.omitStages],
    omitManagedFields: d.omitManagedFields,
    ruleIndex: d.ruleIndex,
  };
}
