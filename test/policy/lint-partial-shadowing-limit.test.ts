import { lintPolicy } from '../../src/policy/lint';
import { MAX_PARTIALLY_SHADOWED } from '../../src/policy/lint-reachability';
import { Policy } from '../../src/policy/types';

// partially-shadowed-rule stops at MAX_PARTIALLY_SHADOWED findings, and search-incomplete names the rules left.
test('partial shadowing is checked until the limit, and the rules after it are named as unchecked', () => {
  // Rule 1 decides every get (None); each later rule wants Metadata for one user, so its gets are pre-empted.
  const users = MAX_PARTIALLY_SHADOWED + 3;
  const policy: Policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    omitStages: ['RequestReceived'],
    rules: [
      { level: 'None', verbs: ['get'] },
      ...Array.from({ length: users }, (_, i) => ({ level: 'Metadata' as const, users: [`u${i}`] })),
    ],
  };
  const findings = lintPolicy(policy);
  const partial = findings.filter((f) => f.code === 'partially-shadowed-rule');
  expect(partial).toHaveLength(MAX_PARTIALLY_SHADOWED);
  expect(partial.map((f) => f.ruleIndex)).toEqual(
    Array.from({ length: MAX_PARTIALLY_SHADOWED }, (_, i) => i + 1),
  );
  expect(partial[0].message).toMatch(
    /^rule #2 \(rules\[1\]\): everything by u0 at Metadata wants Metadata, but earlier rules decide/,
  );
  const incomplete = findings.filter((f) => f.code === 'search-incomplete');
  expect(incomplete).toHaveLength(1);
  expect(incomplete[0]).toMatchObject({ severity: 'warning', ruleIndex: -1 });
  expect(incomplete[0].message).toBe(
    'partial shadowing was checked until 1000 rules were found partially shadowed; 3 later rules were not ' +
      'checked for it (rule #1002 (rules[1001]), rule #1003 (rules[1002]), rule #1004 (rules[1003])), so they ' +
      'are not proven free of it',
  );
});
