import { ofKind, synthError, synthValid, yamlOf } from './helpers';
import { ship } from './audit-log-shipping-helpers';

describe('AuditLogShipping: source', () => {
  test('File output reads <path>/audit.log with one ClusterLoggingConfig for all unselected destinations', () => {
    const { chart } = ship([{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }]);
    const objects = synthValid(chart);
    const [config] = ofKind(objects, 'ClusterLoggingConfig');
    expect(config.apiVersion).toBe('deckhouse.io/v1alpha2');
    expect(config.metadata).toEqual({
      name: 'kube-audit',
      annotations: {
        'argocd.argoproj.io/sync-wave': '1',
        'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true',
      },
    });
    expect(config.spec).toEqual({
      type: 'File',
      file: { include: ['/var/log/kube-audit/audit.log'] },
      destinationRefs: ['loki'],
    });
    expect(yamlOf(chart)).toMatchSnapshot();
  });

  test('a custom path under /var/log is followed', () => {
    const { chart } = ship([{ type: 'Loki', name: 'loki', endpoint: 'https://loki' }], {
      auditLog: { path: '/var/log/audit/apiserver' },
    });
    const [config] = ofKind(synthValid(chart), 'ClusterLoggingConfig');
    expect(config.spec.file.include).toEqual(['/var/log/audit/apiserver/audit.log']);
  });

  test('Stdout output reads the kube-apiserver Pods and keeps only audit.k8s.io/v1 lines', () => {
    const { chart } = ship([{ type: 'Loki', name: 'loki', endpoint: 'https://loki' }], {
      auditLog: { output: 'Stdout' },
    });
    const [config] = ofKind(synthValid(chart), 'ClusterLoggingConfig');
    expect(config.spec).toEqual({
      type: 'KubernetesPods',
      kubernetesPods: {
        namespaceSelector: {
          labelSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        },
        labelSelector: { matchLabels: { component: 'kube-apiserver' } },
      },
      labelFilter: [{ field: 'container', operator: 'Regex', values: ['^kube-apiserver$'] }],
      logFilter: [{ field: 'apiVersion', operator: 'Regex', values: ['^audit\\.k8s\\.io/v1$'] }],
      destinationRefs: ['loki'],
    });
    expect(yamlOf(chart)).toMatchSnapshot();
  });

  test('auditLog.path "/var/log/../etc" is refused once, for the ".." the kube-apiserver hostPath cannot have', () => {
    const { chart } = ship([{ type: 'Loki', name: 'loki', endpoint: 'https://loki' }], {
      auditLog: { path: '/var/log/../etc' },
    });
    const lines = synthError(chart)
      .split('\n')
      .filter((line) => line.includes('auditLog.path'));
    expect(lines).toEqual([
      expect.stringContaining(
        '[test/Shipping] auditLog.path: received "/var/log/../etc", expected a host directory without ".."',
      ),
    ]);
  });

  test.each(['/opt/audit', '/var/logs/audit'])('auditLog.path %j outside /var/log is an error', (path) => {
    const { chart } = ship([{ type: 'Loki', name: 'loki', endpoint: 'https://loki' }], {
      auditLog: { path },
    });
    const message = synthError(chart);
    expect(message).toContain(
      `[test/Shipping] auditLog.path: received "${path}", expected a directory under /var/log/`,
    );
    expect(message).toContain('use output: "Stdout"');
  });
});
