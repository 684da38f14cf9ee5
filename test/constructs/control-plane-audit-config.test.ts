import { Chart, Testing } from 'cdk8s';
import { ControlPlaneAuditConfig, DeckhouseClusterAudit } from '../../src/constructs';
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

// Deckhouse mounts auditLog.path into the kube-apiserver static Pod as a hostPath (candi's kubeadm template,
// extraVolumes "kube-audit-log"); the settings schema's pattern ^[a-zA-Z0-9_/.-]+[a-zA-Z0-9_.-]$ lets ".." through.
describe('auditLog.path outside /var/log', () => {
  test.each(['/var/log/../etc/kube-audit', '/var/log/kube-audit/..', '/../srv/audit'])(
    '%j is refused: Kubernetes refuses a hostPath with a ".." element',
    (path) => {
      for (const build of [
        (c: Chart) => new ControlPlaneAuditConfig(c, 'Audit', { auditLog: { path } }),
        (c: Chart) => new DeckhouseClusterAudit(c, 'Audit', { auditLog: { path }, assertionPacks: [] }),
      ]) {
        const chart = Testing.chart();
        build(chart);
        expect(synthError(chart)).toMatch(
          new RegExp(
            `\\[test/Audit[^\\]]*\\] auditLog\\.path: received ${JSON.stringify(path).replace(/[.]/g, '\\.')}, expected a ` +
              'host directory without "\\.\\." \\(it becomes a hostPath volume of the kube-apiserver static Pod',
          ),
        );
      }
    },
  );

  const warningsOf = (chart: Chart) => collectWarnings(chart).filter((w) => w.includes('auditLog.path'));

  test('with nothing shipping it, a directory outside /var/log is written and warned about', () => {
    const chart = Testing.chart();
    new DeckhouseClusterAudit(chart, 'Audit', { auditLog: { path: '/srv/kube-audit' }, assertionPacks: [] });
    const [config] = synthValid(chart).filter((o) => o.kind === 'ModuleConfig');
    expect(config.spec.settings.apiserver.auditLog).toEqual({ output: 'File', path: '/srv/kube-audit' });
    expect(warningsOf(chart)).toEqual([
      '[test/Audit/ControlPlane] auditLog.path: received "/srv/kube-audit", expected a directory under /var/log/ ' +
        "to ship the log with log-shipper later: its agent mounts only the host's /var/log, so no " +
        'ClusterLoggingConfig can read /srv/kube-audit/audit.log (it stays on the masters, rotated by ' +
        'kube-apiserver). Fix: keep the default "/var/log/kube-audit" or another directory under /var/log/, or ' +
        'ignore this if another collector reads that directory',
    ]);
  });

  test('with destinations, the same path is one error (the pipeline could read nothing), not also a warning', () => {
    const chart = Testing.chart();
    new DeckhouseClusterAudit(chart, 'Audit', {
      auditLog: { path: '/srv/kube-audit' },
      destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }],
      assertionPacks: [],
    });
    expect(synthError(chart)).toContain(
      '[test/Audit/Shipping] auditLog.path: received "/srv/kube-audit", expected a directory under /var/log/ ' +
        "(the log-shipper agent mounts only the host's /var/log)",
    );
    expect(warningsOf(chart)).toEqual([]);
  });

  test.each([undefined, '/var/log/kube-audit', '/var/log/audit/apiserver'])('%j: no warning', (path) => {
    const chart = Testing.chart();
    new ControlPlaneAuditConfig(chart, 'Audit', path === undefined ? {} : { auditLog: { path } });
    synthValid(chart);
    expect(warningsOf(chart)).toEqual([]);
  });

  test('Stdout: no path warning beyond the existing one', () => {
    const chart = Testing.chart();
    new ControlPlaneAuditConfig(chart, 'Audit', { auditLog: { output: 'Stdout' } });
    expect(warningsOf(chart)).toEqual([]);
  });
});
