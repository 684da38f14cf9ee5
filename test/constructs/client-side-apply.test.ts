// A policy Secret too large for client-side apply. Expected behaviour from upstream sources:
// - kubectl apply (client-side, Argo CD's default sync) copies the object, as JSON, into annotation
//   kubectl.kubernetes.io/last-applied-configuration (k8s.io/api core/v1 LastAppliedConfigAnnotation);
// - kube-apiserver refuses annotations whose keys and values total more than 256 * 1024 bytes
//   (apimachinery pkg/api/validation/objectmeta.go, TotalAnnotationSizeLimitB; "metadata.annotations: Too long:
//   must have at most 262144 bytes");
// - Argo CD's per-resource sync option `argocd.argoproj.io/sync-options: ServerSideApply=true` (several options are
//   comma-separated) applies the object server-side, which keeps no such annotation.
import { Testing } from 'cdk8s';
import {
  AuditLogShipping,
  AuditPolicySecret,
  base64Pem,
  collectWarnings,
  DeckhouseClusterAudit,
} from '../../src/constructs';
import { Policy } from '../../src/policy/types';
import { argoCdAnnotations } from '../../src/constructs/argocd';
import { Manifest, ofKind, synthValid } from './helpers';

const LIMIT = 262144;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

// A Metadata rule for `users` distinct users: about 30 bytes of policy each.
function policyOf(users: number): Policy {
  return {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    omitStages: ['RequestReceived'],
    rules: [{ level: 'Metadata', users: Array.from({ length: users }, (_, i) => `user-${i}@example.com`) }],
  };
}

// What the API server counts after `kubectl apply` of this object: its annotations plus the JSON copy kubectl adds.
function annotationBytesAfterKubectlApply(secret: Manifest): number {
  const annotations: Record<string, string> = secret.metadata.annotations ?? {};
  const own = Object.entries(annotations).reduce((n, [k, v]) => n + k.length + v.length, 0);
  return own + LAST_APPLIED.length + JSON.stringify(secret).length + 1;
}

function secretOf(users: number, argoCdAnnotations?: boolean) {
  const chart = Testing.chart();
  new AuditPolicySecret(chart, 'Policy', {
    policy: policyOf(users),
    lint: { enabled: false },
    ...(argoCdAnnotations === undefined ? {} : { argoCdAnnotations }),
  });
  const [secret] = ofKind(synthValid(chart), 'Secret');
  return { secret, warnings: collectWarnings(chart) };
}

describe('a policy Secret too large for client-side apply', () => {
  test('a 600 KB policy (within the 1 MiB Secret limit) is synced server-side by Argo CD, without a warning', () => {
    const { secret, warnings } = secretOf(20000);
    const { 'argocd.argoproj.io/sync-options': syncOptions, ...rest } = secret.metadata.annotations;
    expect(syncOptions).toBe('ServerSideApply=true');
    // Without the option, kubectl apply would have sent more than the API server accepts.
    expect(
      annotationBytesAfterKubectlApply({ ...secret, metadata: { ...secret.metadata, annotations: rest } }),
    ).toBeGreaterThan(LIMIT);
    // The manifest says how to apply it; a warning would block failOnWarnings with nothing left to fix.
    expect(warnings).toEqual([]);
  });

  test('without Argo CD annotations nothing is added, and the warning says how to apply it', () => {
    const { secret, warnings } = secretOf(20000, false);
    expect(secret.metadata.annotations['argocd.argoproj.io/sync-options']).toBeUndefined();
    expect(annotationBytesAfterKubectlApply(secret)).toBeGreaterThan(LIMIT);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('[test/Policy] Secret kube-system/audit-policy');
    expect(warnings[0]).toContain(`annotations over ${LIMIT} bytes`);
    expect(warnings[0]).toContain('Fix: apply it server-side (`kubectl apply --server-side`');
  });

  test('a 150 KB policy stays a plain client-side apply: no sync option, no warning', () => {
    const { secret, warnings } = secretOf(5000);
    expect(annotationBytesAfterKubectlApply(secret)).toBeLessThan(LIMIT - 1024);
    expect(secret.metadata.annotations['argocd.argoproj.io/sync-options']).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  test('DeckhouseClusterAudit passes it through to its Secret', () => {
    const chart = Testing.chart();
    new DeckhouseClusterAudit(chart, 'Audit', { policy: policyOf(20000), assertionPacks: [] });
    const [secret] = ofKind(synthValid(chart), 'Secret');
    expect(secret.metadata.annotations['argocd.argoproj.io/sync-options']).toBe('ServerSideApply=true');
  });

  test('two sync options are comma-separated, as Argo CD reads them', () => {
    expect(argoCdAnnotations(true, 1, { skipDryRunOnMissingResource: true, serverSideApply: true })).toEqual({
      'argocd.argoproj.io/sync-wave': '1',
      'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true,ServerSideApply=true',
    });
  });
});

// A CA bundle inline in caFile: a corporate bundle of a few hundred certificates (each ~1.5 KB of PEM, more in
// base64) passes the limit the same way.
describe('a ClusterLogDestination too large for client-side apply', () => {
  const certificate = `-----BEGIN CERTIFICATE-----\n${`${'MIIF'.repeat(16)}\n`.repeat(25)}-----END CERTIFICATE-----\n`;
  const destinationOf = (certificates: number) => ({
    type: 'Socket' as const,
    name: 'siem',
    address: 'siem.example.com:6514',
    mode: 'TCP' as const,
    tls: { caFile: base64Pem(certificate.repeat(certificates)) },
  });
  function shipped(certificates: number, argoCdAnnotations?: boolean) {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', {
      destinations: [destinationOf(certificates)],
      ...(argoCdAnnotations === undefined ? {} : { argoCdAnnotations }),
    });
    const [destination] = ofKind(synthValid(chart), 'ClusterLogDestination');
    const [config] = ofKind(synthValid(chart), 'ClusterLoggingConfig');
    return { destination, config, warnings: collectWarnings(chart) };
  }

  test('a 200-certificate bundle is synced server-side by Argo CD, beside its other sync option', () => {
    const { destination, config, warnings } = shipped(200);
    const { 'argocd.argoproj.io/sync-options': syncOptions, ...rest } = destination.metadata.annotations;
    expect(syncOptions).toBe('SkipDryRunOnMissingResource=true,ServerSideApply=true');
    expect(
      annotationBytesAfterKubectlApply({
        ...destination,
        metadata: { ...destination.metadata, annotations: rest },
      }),
    ).toBeGreaterThan(LIMIT);
    // The small ClusterLoggingConfig beside it stays client-side.
    expect(config.metadata.annotations['argocd.argoproj.io/sync-options']).toBe(
      'SkipDryRunOnMissingResource=true',
    );
    expect(warnings).toEqual([]);
  });

  test('without Argo CD annotations, the warning names the destination and the Secret to move the bundle to', () => {
    const { destination, warnings } = shipped(200, false);
    expect(destination.metadata.annotations).toBeUndefined();
    expect(annotationBytesAfterKubectlApply(destination)).toBeGreaterThan(LIMIT);
    expect(warnings).toEqual([
      expect.stringContaining(
        '[test/Shipping] ClusterLogDestination siem is too large for client-side apply',
      ),
    ]);
    expect(warnings[0]).toContain('keep the certificates in the Secret of tls.secretRef');
  });

  test('a few certificates stay a plain client-side apply', () => {
    const { destination, warnings } = shipped(3);
    expect(annotationBytesAfterKubectlApply(destination)).toBeLessThan(LIMIT - 1024);
    expect(destination.metadata.annotations['argocd.argoproj.io/sync-options']).toBe(
      'SkipDryRunOnMissingResource=true',
    );
    expect(warnings).toEqual([]);
  });
});
