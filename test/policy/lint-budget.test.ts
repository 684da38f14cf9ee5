import { lintPolicy } from '../../src/policy/lint';
import { RuleSpace } from '../../src/policy/rule-space';
import { largePolicy } from '../support/large-policies';
import { checkShadowClaims } from './lint-soundness';

// Lint is bounded by counted work, not by the clock (its time on 1 MiB policies is measured by
// `npm run bench:lint`): candidate rules come from an index, so a policy of many unrelated rules needs
// work linear in its size; a question over budget is reported as search-incomplete, never left silent.

function work(policy: ReturnType<typeof largePolicy>): number {
  const space = new RuleSpace(policy.rules);
  for (let j = 0; j < policy.rules.length; j++) space.isShadowed(j);
  expect(space.unanswered).toEqual([]);
  return space.work;
}

describe('lint work grows linearly on unrelated rules', () => {
  it.each(['distinct users', 'repeated', 'namespaced, alternating levels', 'resource names'])(
    '%s: twice the rules, about twice the work',
    (shape) => {
      const small = work(largePolicy(shape, 1500));
      const large = work(largePolicy(shape, 3000));
      // Quadratic work would be 4x; allow for the catch-all at the end and rounding.
      expect(large / small).toBeLessThan(2.5);
    },
  );

  it('lints 3,000 distinct-user rules within a budget a quadratic search would exceed', () => {
    const policy = largePolicy('distinct users', 3000);
    const findings = lintPolicy(policy, { searchBudget: { total: 1_000_000 } });
    expect(findings.filter((f) => f.code === 'search-incomplete')).toEqual([]);
    expect(findings.filter((f) => f.code === 'request-received-not-omitted')).toHaveLength(3001);
  });
});

describe('a search over budget says so', () => {
  const policy = largePolicy('overlapping groups', 400);

  it('reports search-incomplete with the questions and rules it left open', () => {
    const findings = lintPolicy(policy, { searchBudget: { total: 200_000 } });
    const [cut] = findings.filter((f) => f.code === 'search-incomplete');
    expect(cut).toMatchObject({ severity: 'warning', ruleIndex: -1 });
    expect(cut.message).toMatch(/^the request-space search ran out of its budget \([\d,]+ work units used\)/);
    expect(cut.message).toMatch(/left [\d]+ questions unanswered: /);
    expect(cut.message).toMatch(/rule #\d+ \(rules\[\d+\]\)/);
    expect(cut.fix).toContain('searchBudget');
    // What was answered is still true.
    expect(checkShadowClaims(policy, findings, 40)).toEqual([]);
  });

  it('answers everything, and says nothing about a budget, when the budget suffices', () => {
    const small = largePolicy('overlapping groups', 60);
    expect(lintPolicy(small).filter((f) => f.code === 'search-incomplete')).toEqual([]);
  });

  it('a question over its own budget is unanswered, not answered wrongly', () => {
    const space = new RuleSpace(policy.rules, { questionBudget: 10 });
    expect(space.isShadowed(300)).toBeUndefined();
    expect(space.unanswered).toEqual([{ question: 'shadowed', ruleIndex: 300 }]);
  });
});
