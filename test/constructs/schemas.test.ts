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

  test('applies the defaults before the checks, as the apiserver does: a buffer without whenFull gets Block', () => {
    // The CRD's buffer oneOf requires whenFull, but whenFull has `default: Block`, and the apiserver
    // defaults a custom resource (structural schema defaulting) before it validates it.
    const withoutWhenFull = destination({
      type: 'Loki',
      loki: { endpoint: 'https://l' },
      buffer: { type: 'Disk', disk: { maxSize: '1Gi' } },
    });
    expect(validator.validate(withoutWhenFull)).toEqual([]);
    expect(withoutWhenFull.spec).toEqual({
      type: 'Loki',
      loki: { endpoint: 'https://l' },
      buffer: { type: 'Disk', disk: { maxSize: '1Gi' } },
    }); // the caller's object is not defaulted
  });

  test('rejects a buffer without the block of its type (the CRD oneOf needs it), as one error', () => {
    const errors = validator.validate(
      destination({
        type: 'Loki',
        loki: { endpoint: 'https://l' },
        buffer: { type: 'Disk', whenFull: 'Block' },
      }),
    );
    expect(errors).toEqual(["ClusterLogDestination/d: /spec/buffer must have required property 'disk'"]);
  });

  test('judges a cef block by the default codec (JSON), where the CRD forbids it', () => {
    const errors = validator.validate(
      destination({ type: 'Socket', socket: { address: 's:514', mode: 'TCP', encoding: { cef: {} } } }),
    );
    expect(errors).toEqual(['ClusterLogDestination/d: /spec/socket/encoding must NOT have "cef" here']);
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
