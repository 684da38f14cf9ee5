import { DECKHOUSE_BASIC_RULES, withExtraServiceAccounts } from '../../src/deckhouse/basic-rules';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { evaluatePolicy } from '../../src/policy/evaluate';
import { Policy, PolicyRule } from '../../src/policy/types';

const custom = (rules: PolicyRule[], extra: Partial<Policy> = {}): Policy => ({
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  rules,
  ...extra,
});
const secretsAtRequest: PolicyRule = { level: 'Request', resources: [{ resources: ['secrets'] }] };
const everythingAtMetadata: PolicyRule = { level: 'Metadata' };

describe('deckhouseEffectivePolicy', () => {
  it('defaults to the built-in rules only: basic, virtualization, tail', () => {
    const effective = deckhouseEffectivePolicy();
    expect(effective.enabled).toBe(true);
    expect(effective.warnings).toEqual([]);
    expect(effective.policy.rules).toHaveLength(29);
    expect(effective.policy.rules).toEqual([
      ...DECKHOUSE_BASIC_RULES.basic,
      ...DECKHOUSE_BASIC_RULES.virtualization,
      ...DECKHOUSE_BASIC_RULES.tail,
    ]);
    expect(effective.policy.omitStages).toBeUndefined();
    expect(effective.origins.slice(18, 22)).toEqual([
      { layer: 'basic', index: 18 },
      { layer: 'basic', index: 19 },
      { layer: 'virtualization', index: 0 },
      { layer: 'virtualization', index: 1 },
    ]);
    expect(effective.origins.slice(-2)).toEqual([
      { layer: 'tail', index: 0 },
      { layer: 'tail', index: 1 },
    ]);
  });

  it('puts custom rules between the virtualization and the tail rules, in order', () => {
    const effective = deckhouseEffectivePolicy({
      customPolicy: custom([secretsAtRequest, everythingAtMetadata]),
    });
    expect(effective.policy.rules).toHaveLength(31);
    expect(effective.policy.rules[27]).toEqual(secretsAtRequest);
    expect(effective.policy.rules[28]).toEqual(everythingAtMetadata);
    expect(effective.origins[27]).toEqual({ layer: 'custom', index: 0 });
    expect(effective.origins[28]).toEqual({ layer: 'custom', index: 1 });
    expect(effective.origins[29]).toEqual({ layer: 'tail', index: 0 });
    expect(effective.origins.map((o) => o.layer).filter((l) => l === 'custom')).toHaveLength(2);
  });

  it('with the basic rules off runs only the custom rules', () => {
    const effective = deckhouseEffectivePolicy({
      basicAuditPolicyEnabled: false,
      customPolicy: custom([secretsAtRequest]),
    });
    expect(effective.enabled).toBe(true);
    expect(effective.policy.rules).toEqual([secretsAtRequest]);
    expect(effective.origins).toEqual([{ layer: 'custom', index: 0 }]);
  });

  it('with the basic rules off and no custom rules turns audit off', () => {
    const none = deckhouseEffectivePolicy({ basicAuditPolicyEnabled: false });
    expect(none.enabled).toBe(false);
    expect(none.policy.rules).toEqual([]);
    expect(none.origins).toEqual([]);
    expect(none.warnings).toEqual([]);

    const empty = deckhouseEffectivePolicy({
      basicAuditPolicyEnabled: false,
      customPolicy: custom([], { omitStages: ['RequestReceived'] }),
    });
    expect(empty.enabled).toBe(false);
    expect(empty.policy.rules).toEqual([]);
    expect(empty.policy.omitStages).toBeUndefined();
    expect(empty.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/audit is off/)]);
  });

  it('keeps the custom policy-level omitStages; they then apply to the basic rules too', () => {
    const effective = deckhouseEffectivePolicy({
      customPolicy: custom([secretsAtRequest], { omitStages: ['RequestReceived'] }),
    });
    expect(effective.policy.omitStages).toEqual(['RequestReceived']);
    expect(effective.warnings).toEqual([]);
    // basic "list at Metadata" has no omitStages of its own; the custom policy-level one now applies.
    const decision = evaluatePolicy(effective.policy, {
      user: 'alice',
      groups: ['system:authenticated'],
      verb: 'list',
      resourceRequest: true,
      namespace: 'app',
      apiGroup: 'apps',
      apiVersion: 'v1',
      resource: 'deployments',
    });
    expect(decision.ruleIndex).toBe(14);
    expect(decision.omitStages).toEqual(['RequestReceived']);
  });

  it('drops omitManagedFields and metadata of the custom policy, one warning each', () => {
    const effective = deckhouseEffectivePolicy({
      customPolicy: custom([{ ...secretsAtRequest, omitManagedFields: true }], {
        omitManagedFields: true,
        metadata: { name: 'mine' },
      }),
    });
    expect(effective.policy.omitManagedFields).toBeUndefined();
    expect(effective.policy.metadata).toBeUndefined();
    expect(effective.warnings.map((w) => w.field)).toEqual(['metadata', 'omitManagedFields']);
    expect(effective.warnings[1].message).toMatch(/dropped by Deckhouse/);
    expect(effective.warnings[1].fix).toMatch(/each custom rule/);
    // The rule-level field survives.
    expect(effective.policy.rules[27].omitManagedFields).toBe(true);
  });

  it('models auditPolicyEnabled: false ignores the Secret; true without a Secret warns', () => {
    const ignored = deckhouseEffectivePolicy({
      customPolicy: custom([secretsAtRequest]),
      auditPolicyEnabled: false,
    });
    expect(ignored.policy.rules).toHaveLength(29);
    expect(ignored.origins.some((o) => o.layer === 'custom')).toBe(false);
    expect(ignored.warnings[0].field).toBe('auditPolicyEnabled');

    const missing = deckhouseEffectivePolicy({ auditPolicyEnabled: true });
    expect(missing.policy.rules).toHaveLength(29);
    expect(missing.warnings[0].message).toMatch(/no custom policy/);
  });

  // audit_policy.go adds no built-in rule when basicAuditPolicyEnabled is false, and with no Secret the merge is
  // empty: the hook removes the policy and kube-apiserver runs without audit flags (deckhouse-audit.md §3).
  it('true without a Secret and with the built-in rules off says that nothing is audited, not "built-in rules apply"', () => {
    const none = deckhouseEffectivePolicy({ auditPolicyEnabled: true, basicAuditPolicyEnabled: false });
    expect(none.policy.rules).toEqual([]);
    expect(none.enabled).toBe(false);
    expect(none.warnings[0].message).toContain('Deckhouse has no rule to run, so nothing is audited');
    expect(none.warnings[0].message).not.toContain('only the built-in rules apply');
    expect(none.warnings[0].fix).toContain('set basicAuditPolicyEnabled: true');
  });

  it('uses the given basic rules (extra ServiceAccounts)', () => {
    const rules = withExtraServiceAccounts(DECKHOUSE_BASIC_RULES, [
      'system:serviceaccount:d8-istio:istiod-v1x21x6',
    ]);
    const effective = deckhouseEffectivePolicy({ basicRules: rules });
    expect(effective.policy.rules[11].users).toContain('system:serviceaccount:d8-istio:istiod-v1x21x6');
  });

  it('returns a policy the caller may change without touching the shared snapshot', () => {
    const effective = deckhouseEffectivePolicy();
    effective.policy.rules[0].level = 'Metadata';
    expect(DECKHOUSE_BASIC_RULES.basic[0].level).toBe('None');
  });
});
