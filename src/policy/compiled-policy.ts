import { BLOCK_SIZE, noMatchDecision, RuleBlock } from './rule-block';
import { CompiledPolicy, Decision, Policy, RequestAttributes } from './types';

/**
 * The compiled evaluator of a policy already known to be valid (the engine's internal entry: lint and
 * replay compile policies they checked or loaded). Returned decisions are frozen and shared.
 */
export function compileRules(policy: Policy): CompiledPolicy {
  const rules = policy.rules;
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
