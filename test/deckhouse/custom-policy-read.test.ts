/**
 * The Deckhouse path end to end: a custom policy is read as control-plane-manager's hook reads the Secret
 * (loadPolicy target 'deckhouse', the constructs' preparePolicy, the CLI's --deckhouse and Secret reads) and
 * merged by deckhouseEffectivePolicy. A custom policy with only omitStages is valid there (deckhouse-audit.md §2)
 * and applies to every built-in rule; only the merge must have rules, else Deckhouse turns audit off.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import { DeckhouseClusterAudit } from '../../src/constructs';
import { DECKHOUSE_BASIC_RULES } from '../../src/deckhouse/basic-rules';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { policy } from '../../src/policy/builder';
import { evaluatePolicy } from '../../src/policy/evaluate';
import { loadPolicy, ZERO_RULES_MESSAGE } from '../../src/policy/parse';
import { runInProcess } from '../cli/helpers';

const OMIT_ONLY = 'apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]\n';
const BUILT_IN = DECKHOUSE_BASIC_RULES.basic.length + DECKHOUSE_BASIC_RULES.virtualization.length;

describe('a custom policy with only omitStages', () => {
  const custom = loadPolicy(OMIT_ONLY, { target: 'deckhouse' }).policy!;

  it('loads on the Deckhouse path and applies its omitStages to the built-in rules', () => {
    const effective = deckhouseEffectivePolicy({ customPolicy: custom });
    expect(effective.enabled).toBe(true);
    expect(effective.policy.rules).toHaveLength(BUILT_IN + DECKHOUSE_BASIC_RULES.tail.length);
    expect(effective.policy.omitStages).toEqual(['RequestReceived']);
    const decision = evaluatePolicy(effective.policy, {
      verb: 'delete',
      resourceRequest: true,
      apiGroup: 'rbac.authorization.k8s.io',
      resource: 'clusterroles',
      name: 'x',
    });
    expect(decision.ruleIndex).toBeGreaterThanOrEqual(0);
    expect(decision.ruleIndex).toBeLessThan(BUILT_IN);
    expect(decision.omitStages).toContain('RequestReceived');
  });

  it('with the built-in rules off, the merge has no rules: audit off, a warning, not an error', () => {
    const effective = deckhouseEffectivePolicy({ basicAuditPolicyEnabled: false, customPolicy: custom });
    expect(effective.enabled).toBe(false);
    expect(effective.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^audit is off/)]);
  });

  it('synthesizes in the composite construct, which lints the merge', () => {
    const chart = Testing.chart();
    const audit = new DeckhouseClusterAudit(chart, 'audit', { policy: OMIT_ONLY, assertionPacks: [] });
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(audit.effectivePolicy?.policy.omitStages).toEqual(['RequestReceived']);
  });

  it('a builder with only omitStages (policy({ omitStages }), no rule) is that same custom policy', () => {
    const builder = policy({ omitStages: ['RequestReceived'] });
    expect(deckhouseEffectivePolicy({ customPolicy: builder })).toEqual(
      deckhouseEffectivePolicy({ customPolicy: custom }),
    );
    const fromText = Testing.chart();
    const text = new DeckhouseClusterAudit(fromText, 'audit', { policy: OMIT_ONLY, assertionPacks: [] });
    const fromBuilder = Testing.chart();
    const built = new DeckhouseClusterAudit(fromBuilder, 'audit', { policy: builder, assertionPacks: [] });
    expect(Testing.synth(fromBuilder)).toEqual(Testing.synth(fromText));
    expect(built.policySecret?.renderedPolicy).toBe(text.policySecret?.renderedPolicy);
  });

  it('is read by the CLI under --deckhouse, and refused without it (kube-apiserver: 0 rules)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custom-policy-'));
    const file = path.join(dir, 'policy.yaml');
    fs.writeFileSync(file, OMIT_ONLY);
    const deckhouse = await runInProcess(['lint', '--deckhouse', file, '--json']);
    expect(deckhouse.stderr).not.toContain(ZERO_RULES_MESSAGE);
    expect([0, 1]).toContain(deckhouse.code);
    const bare = await runInProcess(['validate', file]);
    expect(bare.code).toBe(1);
    expect(bare.stdout + bare.stderr).toContain(ZERO_RULES_MESSAGE);
  });
});
