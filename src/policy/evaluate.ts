import { ruleMatchesRequest } from './match';
import { BLOCK_SIZE, noMatchDecision, RuleBlock, ruleDecision } from './rule-block';
import { CompiledPolicy, Decision, Policy, RequestAttributes } from './types';

export { ruleMatchesRequest } from './match';

function rulesOf(policy: Policy): Policy['rules'] {
  return Array.isArray(policy.rules) ? policy.rules : [];
}

/**
 * Precompiles a policy into bitmask indexes (by verb, user, group, namespace, API group/resource and
 * URL path) so that each evaluation is a handful of map lookups. Returned decisions are frozen and
 * shared between calls; copy one before changing it.
 */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const rules = rulesOf(policy);
  const blocks: RuleBlock[] = [];
  for (let start = 0; start < rules.length; start += BLOCK_SIZE) {
    blocks.push(new RuleBlock(policy, rules.slice(start, start + BLOCK_SIZE), start));
  }
  const fallback = noMatchDecision(policy);
  if (blocks.length === 1) {
    const only = blocks[0];
    return { evaluate: (req: RequestAttributes): Decision => only.evaluate(req) ?? fallback };
  }
  return {
    evaluate(req: RequestAttributes): Decision {
      for (let i = 0; i < blocks.length; i++) {
        const decision = blocks[i].evaluate(req);
        if (decision !== undefined) return decision;
      }
      return fallback;
    },
  };
}

/** Evaluates one request exactly as kube-apiserver's policy checker does, scanning the rules in order. */
export function evaluatePolicy(policy: Policy, req: RequestAttributes): Decision {
  const rules = rulesOf(policy);
  for (let i = 0; i < rules.length; i++) {
    if (ruleMatchesRequest(rules[i], req)) return copyDecision(ruleDecision(policy, rules[i], i));
  }
  return copyDecision(noMatchDecision(policy));
}

function copyDecision(d: Decision): Decision {
  return {
    level: d.level,
    omitStages: [...d.omitStages],
    omitManagedFields: d.omitManagedFields,
    ruleIndex: d.ruleIndex,
  };
}
