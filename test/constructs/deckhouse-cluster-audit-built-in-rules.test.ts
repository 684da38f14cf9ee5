import { Testing } from 'cdk8s';
import * as fs from 'fs';
import * as path from 'path';
import { collectWarnings, DeckhouseClusterAudit, DeckhouseClusterAuditProps } from '../../src/constructs';
import { DECKHOUSE_BASIC_RULES, DeckhouseBasicRules } from '../../src/deckhouse/basic-rules';
import { builtInRulesFromMergedPolicy } from '../../src/deckhouse/merged-policy';
import { Policy } from '../../src/policy/types';
import { synthError, synthValid } from './helpers';

// The `builtInRules` prop: a cluster's own built-in rules (from its merged policy) instead of the snapshot.

const MERGED_176 = path.resolve(__dirname, '../fixtures/deckhouse/merged-policy-1.76.yaml');
const rules176 = builtInRulesFromMergedPolicy(fs.readFileSync(MERGED_176, 'utf8'), {
  source: 'audit-policy.yaml',
});

function audit(props: DeckhouseClusterAuditProps) {
  const chart = Testing.chart();
  const construct = new DeckhouseClusterAudit(chart, 'Audit', props);
  return { chart, construct };
}

describe('DeckhouseClusterAudit builtInRules', () => {
  test('checks the policy the cluster runs: 1.76 rules, and nothing more is synthesized', () => {
    const { chart, construct } = audit({
      builtInRules: rules176,
      // kubectl logs is recorded by the snapshot's pods/log rule, not by 1.76's rules.
      assertions: [{ request: 'logs web-0 -n prod', atLeast: 'Metadata' }],
    });
    expect(construct.effectivePolicy!.policy.rules).toHaveLength(27);
    expect(construct.effectivePolicy!.titles![10]).toBe('Deckhouse ServiceAccounts mutations at Metadata');
    expect(synthError(chart)).toMatch(
      /assertion-failed: \(assertions\[0\]\) audit assertion\n\s+request: +get pods\/log .*\n(.*\n){2}\s+decided by tail rule #1 \(rules\[25\]\)/,
    );

    const snapshot = audit({
      assertions: [{ request: 'logs web-0 -n prod', atLeast: 'Metadata' }],
    });
    expect(synthValid(snapshot.chart).map((o) => o.kind)).toEqual(['ModuleConfig']);
    const same = audit({ builtInRules: DECKHOUSE_BASIC_RULES });
    expect(synthValid(same.chart)).toEqual(synthValid(audit({}).chart));
  });

  // A pass against the bundled snapshot (DKP 1.77) that a 1.76 cluster would fail: synth says whose rules it holds
  // for. The 1.76 lists lack the snapshot's d8-control-plane-manager-control-plane-proxy ServiceAccount (deckhouse
  // audit_policy_basic_targets_generated.go @00f9d115) and its basic rules lack the pods/log rules (PR #20274).
  const proxyPatchesNode = {
    request: {
      url: 'PATCH /api/v1/nodes/worker-1',
      user: 'system:serviceaccount:kube-system:d8-control-plane-manager-control-plane-proxy',
    },
    atLeast: 'Metadata' as const,
  };

  test("a pass that turns on the snapshot's lists or a 1.77-only rule is a warning, and fails on 1.76", () => {
    const snapshot = audit({
      assertions: [proxyPatchesNode, { request: 'logs web-0 -n prod', atLeast: 'Metadata' }],
    });
    synthValid(snapshot.chart);
    const warnings = collectWarnings(snapshot.construct).join('\n');
    expect(warnings).toContain(
      "assertions[0] (audit assertion) holds for the bundled snapshot's built-in rules: ServiceAccount " +
        "system:serviceaccount:kube-system:d8-control-plane-manager-control-plane-proxy is among the bundled snapshot's " +
        'system ServiceAccounts, which Deckhouse generates per release from the modules it ships and modules extend ' +
        'with extra-audit-policy-config ConfigMaps (DKP 1.76 does not list it): on a cluster whose lists do not hold ' +
        'it, this request is decided by tail rule #1 (rules[27]) at None, not Metadata;',
    );
    expect(warnings).toContain(
      "assertions[1] (audit assertion) holds for the bundled snapshot's built-in rules: basic rule #11 (rules[10]), " +
        'which decides this request, exists only since DKP 1.77',
    );
    expect(warnings).toContain(
      "Fix: set builtInRules: builtInRulesFromMergedPolicy(readFileSync('audit-policy.yaml'",
    );

    const on176 = audit({ builtInRules: rules176, assertions: [proxyPatchesNode] });
    expect(synthError(on176.chart)).toMatch(/assertion-failed: \(assertions\[0\]\)/);
    expect(collectWarnings(on176.construct).join('\n')).not.toContain('bundled snapshot');
  });

  test('a custom rule live with the snapshot lists but dead on 1.76 (d8-ingress-nginx listed there) is a warning', () => {
    const policy: Policy = {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      omitStages: ['RequestReceived'],
      rules: [
        {
          level: 'Metadata',
          namespaces: ['d8-ingress-nginx'],
          verbs: ['create', 'update', 'patch', 'delete'],
        },
      ],
    };
    const snapshot = audit({ policy });
    synthValid(snapshot.chart);
    expect(collectWarnings(snapshot.construct).join('\n')).toContain(
      "lint: your rule #1 (rules[27]) decides requests with the bundled snapshot's system lists, but on a release " +
        'whose lists differ for the names it selects (namespace d8-ingress-nginx listed: DKP 1.76 lists it;',
    );
    expect(synthError(audit({ policy, builtInRules: rules176 }).chart)).toMatch(
      /shadowed-rule: .*your rule #1 \(rules\[25\]\)/,
    );
  });

  test('a pass every release agrees on carries no such warning', () => {
    const { chart, construct } = audit({
      assertions: [{ request: 'POST /api/v1/namespaces/prod/pods', atLeast: 'Request' }],
    });
    synthValid(chart);
    expect(collectWarnings(construct).join('\n')).not.toContain('bundled snapshot');
  });

  test('warns that the rules are not used with basicAuditPolicyEnabled: false', () => {
    const { construct } = audit({ builtInRules: rules176, basicAuditPolicyEnabled: false });
    expect(collectWarnings(construct).join('\n')).toMatch(
      /builtInRules: not used, because basicAuditPolicyEnabled is false/,
    );
  });

  test.each([
    ['null', null],
    ['the merged file text', 'apiVersion: audit.k8s.io/v1'],
    ['an object without layers', { basic: [] }],
  ])('refuses %s at once, naming the construct and the fix', (_name, value) => {
    expect(() => audit({ builtInRules: value as unknown as DeckhouseBasicRules })).toThrow(
      /^\[test\/Audit\] builtInRules: received .*, expected DeckhouseBasicRules .*Fix: build it with builtInRulesFromMergedPolicy\(\)$/,
    );
  });

  test('builtInRulesFromMergedPolicy throws with every problem of a file that is not a merged policy', () => {
    expect(() =>
      builtInRulesFromMergedPolicy('apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n', {
        source: 'custom.yaml',
      }),
    ).toThrow(
      /^custom\.yaml: no built-in rules can be taken from it:\n {2}custom\.yaml is not a merged Deckhouse policy/,
    );
    expect(() => builtInRulesFromMergedPolicy('rules: [', { source: 'bad.yaml' })).toThrow(
      /^bad\.yaml: .*\n {2}bad\.yaml:1:\d+: /,
    );
  });
});
