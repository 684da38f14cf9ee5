import { LintCode, LintFinding, lintPolicy } from '../../src/policy/lint';
import { Policy, PolicyRule } from '../../src/policy/types';

// The core group's subresources are fixed by kube-apiserver: a misspelt one is as dead as a misspelt resource.

const policy = (rules: PolicyRule[]): Policy => ({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules });
const ofCode = (findings: LintFinding[], code: LintCode) => findings.filter((f) => f.code === code);

test('unreachable-resource-spec for a subresource a core resource does not have ("pods/exce", "pods/logs")', () => {
  const p = policy([
    {
      level: 'Request',
      resources: [
        {
          group: '',
          resources: [
            'pods/exce',
            'pods/logs',
            'pods/shell',
            'pods/exec',
            'pods/*',
            'namespaces/finalize',
            'widgets/x',
          ],
        },
        { group: 'example.com', resources: ['pods/exce'] },
      ],
    },
  ]);
  const f = ofCode(lintPolicy(p), 'unreachable-resource-spec');
  expect(f.map((x) => x.message.match(/"([^"]+)"/)![1])).toEqual(['pods/exce', 'pods/logs', 'pods/shell']);
  expect(f[0].message).toContain('pods in the core group has no subresource "exce"');
  expect(f.map((x) => x.fix)).toEqual([
    'write "pods/exec"',
    'write "pods/log"',
    expect.stringMatching(/^use one of "pods\/attach", .*"pods\/status"$/),
  ]);
});
