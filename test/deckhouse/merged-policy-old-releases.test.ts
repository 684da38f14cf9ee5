import { DECKHOUSE_BASIC_RULES } from '../../src/deckhouse/basic-rules';
import { isSystemNamespaceRule, isSystemServiceAccountRule } from '../../src/deckhouse/built-in-rule-shapes';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { explain } from '../../src/deckhouse/explain';
import { readMergedAuditPolicy } from '../../src/deckhouse/merged-policy';
import { evaluatePolicy } from '../../src/policy/evaluate';
import { lintPolicy } from '../../src/policy/lint';
import { PolicyRule, RequestAttributes } from '../../src/policy/types';
import { renderAsDeckhouseWrites } from '../support/deckhouse-merged-file';

// Merged files written by Deckhouse releases older than the bundled snapshot.
//
// deckhouse issue #6183 (2023-10, against audit_policy.go @1f85e4190c04b1e88e85a49ba7f00f7f8732f850): the
// generated ServiceAccount list held bare names, so the system ServiceAccount rule was written as
//   - level: Metadata, omitStages: [RequestReceived], userGroups: [system:serviceaccounts],
//     users: [agent, alertmanager-internal, alerts-receiver, alliance-ingressgateway, alliance-metadata-exporter, cainjector, ...]
// until PR #7342 (merged 2024-02) prefixed them with system:serviceaccount:<namespace>:. The basic rules of that
// era are those of audit_policy.go @012337290e2ba1d5 (stored version): nine None rules, the ServiceAccount rule,
// the system-namespace rule and the list rule; no virtualization rules, no tail (deckhouse PR #16714, 2025-11).

const SNAP = DECKHOUSE_BASIC_RULES;
const BARE_NAMES = [
  'agent',
  'alertmanager-internal',
  'alerts-receiver',
  'alliance-ingressgateway',
  'alliance-metadata-exporter',
  'cainjector',
];
const OLD_SA_RULE: PolicyRule = {
  level: 'Metadata',
  verbs: ['create', 'update', 'patch', 'delete'],
  users: BARE_NAMES,
  userGroups: ['system:serviceaccounts'],
  omitStages: ['RequestReceived'],
};
const NS_RULE = SNAP.basic.find(isSystemNamespaceRule)!;
const LIST_RULE: PolicyRule = { level: 'Metadata', verbs: ['list'] };
const OLD_BASIC: PolicyRule[] = [...SNAP.basic.slice(0, 9), OLD_SA_RULE, NS_RULE, LIST_RULE];
// policyB of deckhouse audit_policy_test.go (@09e8697c5c5d6dd5b808df26a93d123d7f7634a2).
const POLICY_B_RULE: PolicyRule = { level: 'Metadata', omitStages: ['RequestReceived'] };

const fileOf = (rules: PolicyRule[]) =>
  renderAsDeckhouseWrites({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules });

describe('a merged file of a release before deckhouse PR #7342 (bare ServiceAccount names)', () => {
  const text = fileOf([...OLD_BASIC, POLICY_B_RULE]);
  const merged = readMergedAuditPolicy(text, { source: 'old.yaml' });

  it('is read: its ServiceAccount rule is recognised by shape, not refused as "not a merged Deckhouse policy"', () => {
    expect(merged.errors).toEqual([]);
    expect(merged.origins).toEqual([
      ...OLD_BASIC.map((_, index) => ({ layer: 'basic', index })),
      { layer: 'custom', index: 0 },
    ]);
    expect(merged.builtInRules?.systemServiceAccounts).toEqual(BARE_NAMES);
    expect(merged.builtInRules?.basic[9]).toEqual(OLD_SA_RULE);
    const again = deckhouseEffectivePolicy({
      basicRules: merged.builtInRules,
      customPolicy: merged.customPolicy,
    });
    expect(again.policy.rules).toEqual(merged.policy!.rules);
  });

  it('warns that the rule records no ServiceAccount, naming the rule, the names and the fix', () => {
    expect(merged.warnings).toEqual([
      {
        message:
          'old.yaml: rules[9], the system ServiceAccount rule, lists 6 users that are not ServiceAccount user ' +
          'names (system:serviceaccount:<namespace>:<name>): agent, alertmanager-internal, alerts-receiver, ' +
          'alliance-ingressgateway, alliance-metadata-exporter, cainjector; kube-apiserver compares users ' +
          'exactly, so the rule records no mutation by them (Deckhouse releases before PR #7342 wrote bare ' +
          'names: deckhouse issue #6183)',
        field: 'rules[9].users',
        fix:
          'upgrade Deckhouse, or add a custom rule with userGroups ["system:serviceaccounts:<namespace>"] for ' +
          'the ServiceAccounts to record; an entry added by an extra-audit-policy-config ConfigMap is fixed there',
      },
    ]);
  });

  it("a mutation by cert-manager's cainjector is decided by the custom rule, not by the ServiceAccount rule", () => {
    const decision = evaluatePolicy(merged.policy!, {
      user: 'system:serviceaccount:d8-cert-manager:cainjector',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:d8-cert-manager', 'system:authenticated'],
      verb: 'create',
      resourceRequest: true,
      namespace: 'default',
      resource: 'configmaps',
    });
    expect(decision.ruleIndex).toBe(12);
    expect(merged.origins[decision.ruleIndex]).toEqual({ layer: 'custom', index: 0 });
  });

  it('the snapshot file has no such warning (its users are all ServiceAccount user names)', () => {
    const current = readMergedAuditPolicy(fileOf([...SNAP.basic, ...SNAP.virtualization, ...SNAP.tail]));
    expect(current.warnings).toEqual([]);
    expect(SNAP.basic.findIndex(isSystemServiceAccountRule)).toBe(11);
  });
});

// audit_policy.go (@f5f0cde6985c67d84f137bc0ff3765e91916900f, handleAuditPolicy): the basic, virtualization and
// tail rules are written only when basicAuditPolicyEnabled is true, so such a cluster's merged file is its
// custom policy alone, which is evaluated as a plain policy.
describe('a merged file of a cluster with basicAuditPolicyEnabled: false', () => {
  const merged = readMergedAuditPolicy(fileOf([POLICY_B_RULE]), { source: 'master.yaml' });

  it('gives no built-in rules, but the whole file as its custom policy (what kube-apiserver runs)', () => {
    expect(merged.noBuiltInRules).toBe(true);
    expect(merged.builtInRules).toBeUndefined();
    expect(merged.customPolicy).toEqual({
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [POLICY_B_RULE],
    });
    expect(merged.origins).toEqual([{ layer: 'custom', index: 0 }]);
  });

  it('an empty Policy (basic rules off, no custom rules: audit off) gives neither', () => {
    const empty = readMergedAuditPolicy('apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: null\n', {
      source: 'm.yaml',
    });
    expect(empty.noBuiltInRules).toBe(true);
    expect(empty.customPolicy).toBeUndefined();
    expect(empty.errors.map((e) => e.message)).toEqual([
      'm.yaml holds no rules: Deckhouse gives kube-apiserver no audit policy then (audit off), so it has no built-in rules to take',
    ]);
  });

  it('is refused as built-in rules, with a fix that says how to use it (as the policy, with no built-in rules)', () => {
    expect(merged.errors).toHaveLength(1);
    expect(merged.errors[0].fix).toBe(
      `pass the merged file /etc/kubernetes/deckhouse/extra-files/audit-policy.yaml from a master, or the dump of ` +
        'Secret kube-system/d8-control-plane-manager-config; if the cluster runs with basicAuditPolicyEnabled: ' +
        'false, this file is its custom policy alone: use it as the policy, without built-in rules ' +
        '(CLI: --deckhouse --no-basic --policy master.yaml)',
    );
  });
});

// deckhouse PR #15603 ("apply custom audit policies after embedded policies", 2025-09): before it the hook
// wrote Basic + custom rules from Secret/audit-policy + virtualization rules (added by PR #13086, 2025-04), so a
// catch-all custom rule (the PR's own example, below) decided VirtualMachineOperation creates at Metadata. The
// basic rules of that era end with the exec/attach/ephemeral rule of audit_policy.go
// @f5f0cde6985c67d84f137bc0ff3765e91916900f (pods/exec, pods/attach, pods/ephemeralcontainers; get, patch);
// the tail (PR #16714, 2025-11) came later.
describe('a merged file of a release before deckhouse PR #15603 (virtualization rules after the custom rules)', () => {
  const EXEC_2025: PolicyRule = {
    level: 'Request',
    verbs: ['get', 'patch'],
    resources: [{ resources: ['pods/exec', 'pods/attach', 'pods/ephemeralcontainers'] }],
    omitStages: ['RequestReceived'],
  };
  const BASIC_2025 = [...SNAP.basic.slice(0, 10), ...SNAP.basic.slice(11, 18), EXEC_2025];
  const CATCH_ALL: PolicyRule = { level: 'Metadata', omitStages: ['RequestReceived'] };
  const text = renderAsDeckhouseWrites({
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    omitStages: ['RequestReceived'],
    rules: [...BASIC_2025, CATCH_ALL, ...SNAP.virtualization],
  });
  const merged = readMergedAuditPolicy(text, { source: 'master.yaml' });

  it('reads the rules between the basic and the virtualization rules as custom, not as basic', () => {
    expect(merged.errors).toEqual([]);
    expect(merged.origins).toEqual([
      ...BASIC_2025.map((_, index) => ({ layer: 'basic', index })),
      { layer: 'custom', index: 0 },
      ...SNAP.virtualization.map((_, index) => ({ layer: 'virtualization', index })),
    ]);
    expect(merged.customPolicy).toEqual({
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [CATCH_ALL],
      omitStages: ['RequestReceived'],
    });
    expect(merged.builtInRules?.virtualizationAfterCustom).toBe(true);
    expect(merged.warnings).toEqual([
      {
        message:
          'master.yaml: the virtualization rules (rules[19] to rules[25]) come after 1 rule that is not built-in ' +
          'and end the file: it is read as written by a Deckhouse release before PR #15603, which put the ' +
          'custom rules before the virtualization rules, so rules[18] is your custom rule and runs first',
        field: 'rules[18]',
      },
    ]);
  });

  it("a custom rule that copies a virtualization rule does not move Deckhouse's run (the longest run is)", () => {
    // A DVP user's policy that records VirtualMachineOperation creates itself, with the rule Deckhouse uses.
    const custom = [
      SNAP.virtualization[0],
      { level: 'Metadata', resources: [{ resources: ['secrets'] }] } as PolicyRule,
    ];
    const file = renderAsDeckhouseWrites({
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [...BASIC_2025, ...custom, ...SNAP.virtualization],
    });
    const read = readMergedAuditPolicy(file, { source: 'master.yaml' });
    expect(read.errors).toEqual([]);
    expect(read.origins).toEqual([
      ...BASIC_2025.map((_, index) => ({ layer: 'basic', index })),
      ...custom.map((_, index) => ({ layer: 'custom', index })),
      ...SNAP.virtualization.map((_, index) => ({ layer: 'virtualization', index })),
    ]);
    expect(read.customPolicy?.rules).toEqual(custom);
    expect(read.builtInRules?.basic).toEqual(BASIC_2025);
  });

  it('a VirtualMachineOperation create is decided by the custom catch-all, as on that cluster', () => {
    const effective = deckhouseEffectivePolicy({
      basicRules: merged.builtInRules,
      customPolicy: merged.customPolicy,
    });
    expect(effective.policy.rules).toEqual(merged.policy!.rules);
    expect(effective.policy.omitStages).toEqual(['RequestReceived']);
    const request: RequestAttributes = {
      user: 'alice',
      groups: ['system:authenticated'],
      verb: 'create',
      resourceRequest: true,
      namespace: 'vms',
      apiGroup: 'virtualization.deckhouse.io',
      resource: 'virtualmachineoperations',
    };
    const decision = evaluatePolicy(effective.policy, request);
    expect(decision.level).toBe('Metadata');
    expect(effective.origins[decision.ruleIndex]).toEqual({ layer: 'custom', index: 0 });
    // explain names the built-in rule the custom one pre-empts (the VMOP audit PR #15603 restored).
    const explained = explain(effective, request);
    expect(explained.preempted.map((p) => [p.ruleIndex, p.origin, p.wantedLevel])).toEqual([
      [19, { layer: 'virtualization', index: 0 }, 'RequestResponse'],
      [20, { layer: 'virtualization', index: 1 }, 'Metadata'],
    ]);
  });

  it('another custom policy is merged where that release puts it: before the virtualization rules', () => {
    const secrets: PolicyRule = { level: 'Metadata', resources: [{ resources: ['secrets'] }] };
    const effective = deckhouseEffectivePolicy({
      basicRules: merged.builtInRules,
      customPolicy: { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [secrets] },
    });
    expect(effective.origins.map((o) => o.layer)).toEqual([
      ...BASIC_2025.map(() => 'basic'),
      'custom',
      ...SNAP.virtualization.map(() => 'virtualization'),
    ]);
  });

  it("lint: the VirtualMachineOperation rule shadowed by the custom catch-all is the custom rule's doing", () => {
    const effective = deckhouseEffectivePolicy({
      basicRules: merged.builtInRules,
      customPolicy: merged.customPolicy,
    });
    const finding = lintPolicy(effective).find((f) => f.code === 'shadowed-rule' && f.ruleIndex === 19);
    expect(finding).toMatchObject({
      severity: 'warning',
      relatedRuleIndex: 18,
      fix:
        'your rule #1 (rules[18]) decides these requests before this built-in rule (Deckhouse releases before ' +
        'PR #15603 put the custom rules before the virtualization rules): narrow it so that it leaves them to ' +
        'the built-in rule, or upgrade Deckhouse',
    });
  });

  it('a file of the current order (virtualization, custom, tail) is read as before', () => {
    const current = readMergedAuditPolicy(
      fileOf([...BASIC_2025, ...SNAP.virtualization, CATCH_ALL, ...SNAP.tail]),
    );
    expect(current.builtInRules?.virtualizationAfterCustom).toBeUndefined();
    expect(current.origins[BASIC_2025.length - 1]).toEqual({ layer: 'basic', index: BASIC_2025.length - 1 });
    expect(current.origins[BASIC_2025.length + SNAP.virtualization.length]).toEqual({
      layer: 'custom',
      index: 0,
    });
    expect(current.warnings).toEqual([]);
  });
});

// The tail (deckhouse PR #16714, 2025-11) came after the virtualization rules (PR #13086, 2025-04), which every
// later release writes whenever the basic rules are on: a file without them is older than the tail, so its last
// two rules, when they are `None` for system:authenticated and a Metadata catch-all, may be the user's own.
describe('a tail-shaped pair at the end of a file without virtualization rules', () => {
  const AUTHENTICATED_NONE: PolicyRule = { level: 'None', userGroups: ['system:authenticated'] };
  const CATCH_ALL: PolicyRule = { level: 'Metadata' };
  const merged = readMergedAuditPolicy(
    fileOf([...OLD_BASIC.slice(0, 9), SNAP.basic[11], NS_RULE, LIST_RULE, AUTHENTICATED_NONE, CATCH_ALL]),
    {
      source: 'old.yaml',
    },
  );

  it('is read as the tail, with a warning that a release without virtualization rules has no tail', () => {
    expect(merged.errors).toEqual([]);
    expect(merged.origins.slice(-2)).toEqual([
      { layer: 'tail', index: 0 },
      { layer: 'tail', index: 1 },
    ]);
    expect(merged.warnings).toEqual([
      {
        message:
          'old.yaml: rules[12] and rules[13] are read as the tail Deckhouse appends after the custom rules ' +
          '(PR #16714, 2025-11), but the file has no virtualization rules, which every release since PR #13086 ' +
          '(2025-04) writes: if it comes from an older release, these two rules are your custom rules, and a ' +
          'custom policy evaluated with these built-in rules gets a tail the cluster does not have',
        field: 'rules[12]',
        fix: 'check the Deckhouse release of the cluster; before PR #16714, drop the tail from builtInRules (tail: [])',
      },
    ]);
  });
});
