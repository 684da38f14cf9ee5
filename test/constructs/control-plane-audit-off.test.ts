// ControlPlaneAuditConfig on its own with both rule sources off. Deckhouse's hook
// (modules/040-control-plane-manager/hooks/audit_policy.go, handleAuditPolicy) adds the built-in rules only when
// basicAuditPolicyEnabled, reads Secret kube-system/audit-policy only when auditPolicyEnabled, and when the merge
// has no rule it removes controlPlaneManager.internal.auditPolicy: kube-apiserver then runs without
// --audit-policy-file, i.e. audits nothing (deckhouse-audit.md §3: "No rules at all means audit is off").
import { ApiObject, Testing } from 'cdk8s';
import { collectWarnings, ControlPlaneAuditConfig, DeckhouseClusterAudit } from '../../src/constructs';
import { synthValid } from './helpers';

function warningsOf(build: (chart: ReturnType<typeof Testing.chart>) => void): string[] {
  const chart = Testing.chart();
  build(chart);
  synthValid(chart);
  return collectWarnings(chart);
}

describe('a control-plane-manager ModuleConfig that leaves Deckhouse no audit rule', () => {
  test('basicAuditPolicyEnabled: false without auditPolicyEnabled says that nothing is audited', () => {
    const warnings = warningsOf((chart) => {
      new ControlPlaneAuditConfig(chart, 'ControlPlane', { basicAuditPolicyEnabled: false });
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      '[test/ControlPlane] basicAuditPolicyEnabled: received false with auditPolicyEnabled false',
    );
    expect(warnings[0]).toContain('no API request is audited');
  });

  test.each([{ basicAuditPolicyEnabled: true }, {}])('%j leaves rules to run: no warning', (props) => {
    expect(warningsOf((chart) => new ControlPlaneAuditConfig(chart, 'ControlPlane', props))).toEqual([]);
  });

  test('auditPolicyEnabled with the policy Secret in the app (applied as any ApiObject): no warning', () => {
    const warnings = warningsOf((chart) => {
      new ControlPlaneAuditConfig(chart, 'ControlPlane', {
        basicAuditPolicyEnabled: false,
        auditPolicyEnabled: true,
      });
      new ApiObject(chart, 'Secret', {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'audit-policy', namespace: 'kube-system' },
        data: {
          'audit-policy.yaml': Buffer.from(
            'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: [{level: Metadata}]\n',
          ).toString('base64'),
        },
      });
    });
    expect(warnings).toEqual([]);
  });

  // The hook reads the custom rules only from Secret kube-system/audit-policy: without it the merge is the
  // built-in rules alone, or empty (audit off) when they are off too.
  test.each([
    [{ auditPolicyEnabled: true }, 'the cluster runs the built-in rules alone'],
    [{ auditPolicyEnabled: true, basicAuditPolicyEnabled: false }, 'nothing is audited'],
  ])('%j without the policy Secret in the app says what the cluster then runs', (props, runs) => {
    const warnings = warningsOf((chart) => new ControlPlaneAuditConfig(chart, 'ControlPlane', props));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      '[test/ControlPlane] auditPolicyEnabled: received true, but this app has no Secret kube-system/audit-policy',
    );
    expect(warnings[0]).toContain(runs);
  });

  test('DeckhouseClusterAudit says it once, as its lint finding audit-disabled', () => {
    const warnings = warningsOf((chart) => {
      new DeckhouseClusterAudit(chart, 'Audit', { basicAuditPolicyEnabled: false, assertionPacks: [] });
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('audit-disabled');
  });
});
