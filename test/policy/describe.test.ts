import * as path from 'path';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { explain } from '../../src/deckhouse/explain';
import { checkAssertions } from '../../src/policy/assertions';
import { describeRule, labelledRule, ruleLabel } from '../../src/policy/describe';
import { lintPolicy } from '../../src/policy/lint';
import { requestFromKubectl } from '../../src/policy/request-info';
import { PolicyRule } from '../../src/policy/types';
import { simulate } from '../../src/replay';

// One label for a rule everywhere (README: "#n counts from 1 inside a layer, rules[i] from 0 in the merged
// policy"): explain, lint, assertions and replay reports all name a rule with ruleLabel.

describe('ruleLabel', () => {
  it.each<[number, Parameters<typeof ruleLabel>[1], string]>([
    [14, { layer: 'basic', index: 14 }, 'basic rule #15 (rules[14])'],
    [24, { layer: 'virtualization', index: 4 }, 'virtualization rule #5 (rules[24])'],
    [28, { layer: 'custom', index: 1 }, 'your rule #2 (rules[28])'],
    [29, { layer: 'tail', index: 0 }, 'tail rule #1 (rules[29])'],
    [2, undefined, 'rule #3 (rules[2])'],
  ])('rules[%i] %j → %s', (index, origin, label) => expect(ruleLabel(index, origin)).toBe(label));
});

describe('describeRule', () => {
  it.each<[PolicyRule, string]>([
    [{ level: 'Metadata' }, 'everything at Metadata'],
    [{ level: 'Metadata', verbs: ['list'] }, 'list at Metadata'],
    [
      { level: 'Request', resources: [{ resources: ['secrets'] }], verbs: ['get', 'list'] },
      'secrets get/list at Request',
    ],
    [
      { level: 'None', userGroups: ['system:authenticated'] },
      'everything by group system:authenticated at None',
    ],
    [
      { level: 'Request', resources: [{ group: 'apps', resources: ['deployments', 'statefulsets'] }] },
      'deployments, statefulsets (apps) at Request',
    ],
    [
      { level: 'Request', resources: [{ group: '*', resources: ['pods/exec'] }] },
      'pods/exec (any group) at Request',
    ],
    [{ level: 'None', resources: [{ group: 'coordination.k8s.io' }] }, 'all of coordination.k8s.io at None'],
    [{ level: 'Metadata', nonResourceURLs: ['/healthz*', '/readyz'] }, 'URLs /healthz*, /readyz at Metadata'],
    [
      { level: 'None', users: Array.from({ length: 40 }, (_, i) => `u${i}`), namespaces: ['a', 'b'] },
      'everything in a, b by 40 users at None',
    ],
    [
      { level: 'None', resources: [{ resources: ['configmaps'], resourceNames: ['lock'] }] },
      'configmaps named lock at None',
    ],
    // Long lists are counted once, never "URLs 5 URLs" (OpenShift's policy profiles: 5 URLs, 2 groups).
    [
      { level: 'None', nonResourceURLs: ['/api*', '/version', '/healthz', '/readyz', '/livez'] },
      '5 URLs at None',
    ],
    [
      {
        level: 'None',
        userGroups: ['system:authenticated', 'system:unauthenticated', 'oidc:ops', 'oidc:dev'],
      },
      'everything by 4 groups at None',
    ],
    // The GCE policy's rules list 18 whole groups ($known_apis): counted, so the label stays one short line.
    [
      {
        level: 'Request',
        verbs: ['get', 'list', 'watch'],
        resources: ['', 'admissionregistration.k8s.io', 'apps', 'batch', 'policy'].map((group) => ({
          group,
        })),
      },
      'all of the core group + all of admissionregistration.k8s.io + 3 more groups get/list/watch at Request',
    ],
  ])('%j → %s', (rule, text) => expect(describeRule(rule)).toBe(text));
});

describe('the same rule has the same label in explain, lint, assertions and simulate', () => {
  const eff = deckhouseEffectivePolicy({
    customPolicy: {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [{ level: 'Request', resources: [{ group: '', resources: ['secrets'] }] }],
    },
  });
  const basic15 = ruleLabel(14, eff.origins[14]);
  const yours1 = ruleLabel(27, eff.origins[27]);

  it('uses basic rule #15 (rules[14]) and your rule #1 (rules[27]) everywhere', async () => {
    expect([basic15, yours1]).toEqual(['basic rule #15 (rules[14])', 'your rule #1 (rules[27])']);
    const e = explain(eff, requestFromKubectl('get secrets -n prod'));
    expect([e.label, e.preempted[0].label]).toEqual([basic15, yours1]);

    const partial = lintPolicy(eff, { ignore: ['sensitive-body'] }).find(
      (f) => f.code === 'partially-shadowed-rule',
    )!;
    expect(partial.message.startsWith(labelledRule(27, eff.policy.rules[27], eff.origins[27]))).toBe(true);
    expect(partial.message).toContain(`${basic15}: list at Metadata`);

    const [result] = checkAssertions(eff, [{ request: 'get secrets -n prod', level: 'Request' }]);
    expect(result.message).toContain(`decided by ${basic15}: list at Metadata`);
    const [expected] = checkAssertions(eff, [
      { request: 'get secrets -n prod', decidedBy: { layer: 'basic', index: 14 } },
    ]);
    expect(expected.message).toContain(`expected: decided by ${basic15}`);

    const report = await simulate([path.resolve(__dirname, '../fixtures/replay/deckhouse.log')], {
      policy: eff,
    });
    expect(report.rules[14].label).toBe(basic15);
    expect(report.rules[27].label).toBe(yours1);
    expect(report.rules[14].summary).toBe(describeRule(eff.policy.rules[14]));
  });
});
