import { checkPolicyOrEffectiveArgument, checkRequestArgument } from '../policy/arguments';
import { EffectivePolicy, Policy, RequestAttributes, isEffectivePolicy } from '../policy/types';
import { Explanation, explain } from './explain';

// A request whose object name is not known (the Pod kubectl picks for `logs deploy/web`): kube-apiserver's
// checker compares the name only with the resourceNames a rule lists (k8s.io/apiserver pkg/audit/policy/checker.go
// ruleMatchesResource), so every name no rule lists gets one decision, and each listed name can be tried.

/** Names that some rule lists in resourceNames and that get another decision than any other name. */
export interface ListedNameExplanation {
  /** The names, in the order the policy lists them. */
  names: string[];
  /** The explanation for a request with one of these names. */
  explanation: Explanation;
}

/** The decisions for a request whose object name is not known, e.g. a Pod kubectl picks when it runs. */
export interface UnknownNameExplanation {
  /** The explanation for every name that no rule lists (and for the listed ones that fare the same). */
  anyOtherName: Explanation;
  /** Listed names with another decision, grouped by decision; empty when the name cannot change it. */
  listedNames: ListedNameExplanation[];
}

/**
 * Explains a request whatever the name of its object (the request's own name is ignored): the decision for
 * any name no rule lists, and every resourceNames entry that would be decided differently. Throws a
 * TypeError for a policy or request of the wrong shape (see explain).
 */
export function explainUnknownName(
  policyOrEffective: Policy | EffectivePolicy,
  request: RequestAttributes,
): UnknownNameExplanation {
  const checked = checkPolicyOrEffectiveArgument('explainUnknownName', 'policy', policyOrEffective);
  checkRequestArgument('explainUnknownName', 'request', request);
  const policy = isEffectivePolicy(checked) ? checked.policy : checked;
  const listed = new Set<string>();
  for (const rule of policy.rules ?? []) {
    for (const gr of rule.resources ?? []) for (const name of gr.resourceNames ?? []) listed.add(name);
  }
  // Every object has a name: a rule listing "" matches only requests without one (a list), never this one.
  listed.delete('');
  // A name no rule lists: not the empty one, which a rule may list and a real object never has.
  let other = 'POD';
  while (listed.has(other)) other += '-';
  const anyOtherName = explain(checked, { ...request, name: other });
  // Decisions are plain data: equal text, equal decision (the grouping key and the comparison are one).
  const otherKey = JSON.stringify(anyOtherName.decision);
  const groups = new Map<string, ListedNameExplanation>();
  for (const name of listed) {
    const explanation = explain(checked, { ...request, name });
    const key = JSON.stringify(explanation.decision);
    if (key === otherKey) continue;
    const group = groups.get(key);
    if (group) group.names.push(name);
    else groups.set(key, { names: [name], explanation });
  }
  return { anyOtherName, listedNames: [...groups.values()] };
}
