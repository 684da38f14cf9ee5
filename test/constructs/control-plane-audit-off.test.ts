// ControlPlaneAuditConfig on its own with both rule sources off. Deckhouse's hook
// (modules/040-control-plane-manager/hooks/audit_policy.go, handleAuditPolicy) adds the built-in rules only when
// basicAuditPolicyEnabled, reads Secret kube-system/audit-policy only when auditPolicyEnabled, and when the merge
// has no rule it removes controlPlaneManager.internal.auditPolicy: kube-apiserver then runs without
// --audit-policy-file, i.e. audits nothing (deckhouse-audit.md §3: "No rules at all means audit is off").
import { Testing } from 'cdk8s';
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

  test.each([
    { basicAuditPolicyEnabled: true },
    { basicAuditPolicyEnabled: false, auditPolicyEnabled: true },
    {},
  ])('%j leaves rules to run: no warning', (props) => {
    expect(warningsOf((chart) => new ControlPlaneAuditConfig(chart, 'ControlPlane', props))).toEqual([]);
  });

  test('DeckhouseClusterAudit says it once, as its lint finding audit-disabled', () => {
    const warnings = warningsOf((chart) => {
      new DeckhouseClusterAudit(chart, 'Audit', { basicAuditPolicyEnabled: false, assertionPacks: [] });
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('audit-disabled');
  });
});
