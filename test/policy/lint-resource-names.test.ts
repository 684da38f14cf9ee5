import { LintFinding, lintPolicy } from '../../src/policy/lint';
import { evaluatePolicy } from '../../src/policy/evaluate';
import { GroupResources, Policy } from '../../src/policy/types';

// kube-apiserver compares a rule's resource strings with the request's plural resource name from the URL
// (k8s-audit-semantics.md §4.3-4.4: exact, case-sensitive). kubectl's singular and short names ("pod", "secret",
// "cm", "deploy") never appear in a request, so a rule written with them audits nothing it names.
const policy = (resources: GroupResources[]): Policy => ({
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  omitStages: ['RequestReceived'],
  rules: [{ level: 'Metadata', resources }, { level: 'None' }],
});
const unreachable = (f: LintFinding[]) => f.filter((x) => x.code === 'unreachable-resource-spec');

describe('lint: kubectl singular and short names in resource strings', () => {
  test('the evaluator confirms: "secret" does not match a request for secrets', () => {
    const p = policy([{ group: '', resources: ['secret'] }]);
    const request = {
      user: 'u',
      groups: ['system:authenticated'],
      verb: 'get',
      resourceRequest: true,
      apiGroup: '',
      resource: 'secrets',
      namespace: 'x',
      name: 's',
    };
    expect(evaluatePolicy(p, request).ruleIndex).toBe(1);
  });

  test.each([
    ['', 'pod', 'write "pods"'],
    ['', 'secret', 'write "secrets"'],
    ['', 'cm', 'write "configmaps"'],
    ['', 'pod/log', 'write "pods/log"'],
    ['', 'Pod', 'write "pods"'],
    ['apps', 'deploy', 'write "deployments"'],
    ['apps', 'deployment/scale', 'write "deployments/scale"'],
    ['', 'deployment', 'write "deployments" in group "apps"'],
  ])('group "%s", resource "%s": warned, %s', (group, spec, fix) => {
    const found = unreachable(lintPolicy(policy([{ group, resources: [spec] }])));
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'warning',
        ruleIndex: 0,
        message: expect.stringContaining(`resource string "${spec}" matches no real request`),
        fix,
      }),
    ]);
  });

  test('plural names, wildcards and unknown resources draw no such warning', () => {
    const found = unreachable(
      lintPolicy(
        policy([
          { group: '', resources: ['pods', 'pods/log', 'secrets', 'endpoints', '*/scale', 'pods/*'] },
          { group: 'example.com', resources: ['widgets', 'widget'] },
        ]),
      ),
    );
    expect(found).toEqual([]);
  });
});
