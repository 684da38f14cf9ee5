import { LintFinding, lintPolicy } from '../../src/policy/lint';
import { Policy, PolicyRule } from '../../src/policy/types';

// The names kube-apiserver's authenticators give (k8s.io/apiserver pkg/authentication/serviceaccount/util.go,
// pkg/authentication/user/user.go; deckhouse-audit.md §8): a ServiceAccount is the user
// system:serviceaccount:<namespace>:<name> in the groups system:serviceaccounts and
// system:serviceaccounts:<namespace>; nodes are in system:nodes, every authenticated user in
// system:authenticated. Rules are compared exactly, so a near miss of one of these names matches no request
// the authenticators produce.
const policy = (rule: Omit<PolicyRule, 'level'>): Policy => ({
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  omitStages: ['RequestReceived'],
  rules: [{ level: 'Metadata', ...rule }, { level: 'None' }],
});
const typos = (f: LintFinding[]) => f.filter((x) => x.code === 'identity-typo');

describe('lint: identity-typo', () => {
  test.each([
    [{ userGroups: ['system:serviceaccount:kube-system'] }, 'system:serviceaccounts:kube-system'],
    [{ userGroups: ['system:serviceaccount'] }, 'system:serviceaccounts'],
    [{ userGroups: ['system:node'] }, 'system:nodes'],
    [{ userGroups: ['system:authenticate'] }, 'system:authenticated'],
    [{ users: ['system:serviceaccounts:kube-system:foo'] }, 'system:serviceaccount:kube-system:foo'],
    [{ users: ['system:serviceaccount:kube-system'] }, 'system:serviceaccount:kube-system:NAME'],
    [{ users: ['system:serviceaccount:d8-system:deckhouse:x'] }, undefined],
  ])('%j: warned', (rule, suggestion) => {
    const [finding, ...rest] = typos(lintPolicy(policy(rule)));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'warning', ruleIndex: 0 });
    expect(finding.message).toContain('no request carries');
    if (suggestion) expect(finding.fix).toContain(`"${suggestion}"`);
  });

  test('the names authenticators really give draw no warning', () => {
    const findings = typos(
      lintPolicy(
        policy({
          users: [
            'system:serviceaccount:kube-system:foo',
            'system:kube-scheduler',
            'alice',
            'system:node:n1',
          ],
          userGroups: [
            'system:serviceaccounts',
            'system:serviceaccounts:kube-system',
            'system:nodes',
            'system:authenticated',
            'system:masters',
            'oidc:admins',
          ],
        }),
      ),
    );
    expect(findings).toEqual([]);
  });
});
