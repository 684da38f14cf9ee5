import { lintPolicy } from '../../src/policy/lint';
import { Policy } from '../../src/policy/types';

// A policy whose every rule has level None audits nothing: kube-apiserver's checker returns the matched
// rule's level (pkg/audit/policy/checker.go, EvaluatePolicyRule), and for a request no rule matches it returns
// level None (DefaultAuditLevel); at level None no event is emitted for any stage (pkg/endpoints/filters/audit.go:
// `if ac == nil || ac.Level.Less(auditinternal.LevelMetadata)` -> no audit context). RKE2 writes exactly such
// a file as its default (`rules: [{level: None}]`). lint used to report nothing for it ("0 errors, 0 warnings
// — OK"), which reads as an assurance that the policy audits.
const policy = (rules: Policy['rules']): Policy => ({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules });

describe('lint: a policy that records nothing', () => {
  test('RKE2 default (one catch-all None rule) is reported', () => {
    const f = lintPolicy(policy([{ level: 'None' }])).filter((x) => x.code === 'audit-disabled');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].ruleIndex).toBe(-1);
    expect(f[0].message).toMatch(/every rule has level None/);
    expect(f[0].fix).toMatch(/level: Metadata/);
  });

  test('several None rules only, no catch-all, are reported once', () => {
    const f = lintPolicy(
      policy([
        { level: 'None', users: ['system:kube-proxy'] },
        { level: 'None', nonResourceURLs: ['/healthz*'] },
      ]),
    ).filter((x) => x.code === 'audit-disabled');
    expect(f).toHaveLength(1);
  });

  test('a policy with one recording rule is not reported', () => {
    const f = lintPolicy(policy([{ level: 'None', users: ['a'] }, { level: 'Metadata' }]));
    expect(f.filter((x) => x.code === 'audit-disabled')).toEqual([]);
  });
});
