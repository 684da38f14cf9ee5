import { ManifestValidator } from '../../src/constructs/schema-validation';

// The validator is only useful if it rejects what the apiserver (or Deckhouse) would: check it does.
describe('ManifestValidator (imports/schemas)', () => {
  const validator = new ManifestValidator();
  const destination = (spec: Record<string, unknown>) => ({
    apiVersion: 'deckhouse.io/v1alpha1',
    kind: 'ClusterLogDestination',
    metadata: { name: 'd' },
    spec,
  });

  test('accepts a minimal Loki destination', () => {
    expect(validator.validate(destination({ type: 'Loki', loki: { endpoint: 'https://loki' } }))).toEqual([]);
  });

  test('rejects a Go-regex pattern mismatch (socket address without port)', () => {
    const errors = validator.validate(
      destination({ type: 'Socket', socket: { address: 'siem', mode: 'TCP' } }),
    );
    expect(errors.join('\n')).toContain('/spec/socket/address must match pattern');
  });

  test('rejects unknown fields the apiserver would prune', () => {
    const errors = validator.validate(
      destination({ type: 'Loki', loki: { endpoint: 'https://l', url: 'x' } }),
    );
    expect(errors.join('\n')).toContain('must NOT have additional properties');
  });

  test('rejects a buffer without whenFull (the CRD oneOf needs it)', () => {
    const errors = validator.validate(
      destination({
        type: 'Loki',
        loki: { endpoint: 'https://l' },
        buffer: { type: 'Disk', disk: { maxSize: '1Gi' } },
      }),
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  test('checks control-plane-manager settings against config-values (pattern on auditLog.path)', () => {
    const errors = validator.validate({
      apiVersion: 'deckhouse.io/v1alpha1',
      kind: 'ModuleConfig',
      metadata: { name: 'control-plane-manager' },
      spec: { version: 3, settings: { apiserver: { auditLog: { output: 'File', path: '/var/log/x/' } } } },
    });
    expect(errors.join('\n')).toContain('settings/apiserver/auditLog/path must match pattern');
  });

  test('checks Secret data is canonical base64', () => {
    const errors = validator.validate({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { 'audit-policy.yaml': 'not base64!' },
    });
    expect(errors).toEqual(['Secret/s: data.audit-policy.yaml is not canonical base64']);
  });
});
