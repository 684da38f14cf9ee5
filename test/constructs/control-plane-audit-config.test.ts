import { Chart, Testing } from 'cdk8s';
import { ControlPlaneAuditConfig } from '../../src/constructs';
import { collectWarnings } from '../../src/constructs/warnings';
import { synthError, synthValid, yamlOf } from './helpers';

describe('ControlPlaneAuditConfig', () => {
  test('defaults: Deckhouse basic rules on, no custom policy, File output at /var/log/kube-audit', () => {
    const chart = Testing.chart();
    new ControlPlaneAuditConfig(chart, 'Cpm');
    const [mc] = synthValid(chart);
    expect(mc).toMatchObject({
      apiVersion: 'deckhouse.io/v1alpha1',
      kind: 'ModuleConfig',
      metadata: { name: 'control-plane-manager', annotations: { 'argocd.argoproj.io/sync-wave': '0' } },
      spec: {
        enabled: true,
        version: 3,
        settings: {
          apiserver: {
            auditPolicyEnabled: false,
            basicAuditPolicyEnabled: true,
            auditLog: { output: 'File', path: '/var/log/kube-audit' },
          },
        },
      },
    });
    expect(yamlOf(chart)).toMatchSnapshot();
  });

  test('Stdout output writes no path; custom policy and basic rules flags are passed through', () => {
    const chart = Testing.chart();
    new ControlPlaneAuditConfig(chart, 'Cpm', {
      auditPolicyEnabled: true,
      basicAuditPolicyEnabled: false,
      auditLog: { output: 'Stdout', path: '/var/log/ignored' },
    });
    const [mc] = synthValid(chart);
    expect(mc.spec.settings.apiserver).toEqual({
      auditPolicyEnabled: true,
      basicAuditPolicyEnabled: false,
      auditLog: { output: 'Stdout' },
    });
  });

  test('additionalSettings are kept beside the audit settings and validate against the settings schema', () => {
    const chart = Testing.chart();
    new ControlPlaneAuditConfig(chart, 'Cpm', {
      additionalSettings: { apiserver: { bindToWildcard: true }, etcd: { backup: { enabled: true } } },
    });
    const [mc] = synthValid(chart);
    expect(mc.spec.settings.apiserver.bindToWildcard).toBe(true);
    expect(mc.spec.settings.etcd).toEqual({ backup: { enabled: true } });
  });

  test.each([
    ['/var/log/kube-audit/', 'auditLog.path: received "/var/log/kube-audit/"'],
    ['var/log/audit', 'auditLog.path: received "var/log/audit", expected an absolute host directory'],
    ['/var/log/kube audit', 'auditLog.path: received "/var/log/kube audit"'],
  ])('auditLog.path %j is refused with the field, the value and a fix', (path, expected) => {
    const chart = Testing.chart();
    new ControlPlaneAuditConfig(chart, 'Cpm', { auditLog: { path } });
    const message = synthError(chart);
    expect(message).toContain('[test/Cpm]');
    expect(message).toContain(expected);
    expect(message).toContain('Fix:');
  });

  test('a bad output and audit keys in additionalSettings are refused', () => {
    const chart = Testing.chart();
    new ControlPlaneAuditConfig(chart, 'Cpm', {
      auditLog: { output: 'Syslog' as 'File' },
      additionalSettings: { apiserver: { auditPolicyEnabled: true } },
    });
    const message = synthError(chart);
    expect(message).toContain('auditLog.output: received "Syslog", expected one of File, Stdout');
    expect(message).toContain('additionalSettings.apiserver.auditPolicyEnabled');
    expect(message).toContain('set auditPolicyEnabled with the construct prop');
  });

  test('a Chart namespace is refused: ModuleConfig is cluster-scoped', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'ns', { namespace: 'audit' });
    new ControlPlaneAuditConfig(chart, 'Cpm');
    expect(synthError(chart)).toContain('Chart.namespace: received "audit", expected no namespace');
  });

  test('argoCdAnnotations: false leaves the object without annotations', () => {
    const chart = Testing.chart();
    new ControlPlaneAuditConfig(chart, 'Cpm', { argoCdAnnotations: false });
    const [mc] = synthValid(chart);
    expect(mc.metadata.annotations).toBeUndefined();
  });
});

test('a path given with output Stdout is not written, and says so', () => {
  const chart = Testing.chart();
  new ControlPlaneAuditConfig(chart, 'cpm', { auditLog: { output: 'Stdout', path: '/var/log/kube-audit' } });
  const [mc] = synthValid(chart);
  expect(mc.spec.settings.apiserver.auditLog).toEqual({ output: 'Stdout' });
  expect(collectWarnings(chart).join('\n')).toContain(
    'auditLog.path: received "/var/log/kube-audit" with output Stdout',
  );
});
