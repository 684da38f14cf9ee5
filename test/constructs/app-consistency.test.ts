// One cluster, one app: what the constructs write must be what Deckhouse reads, however a consumer combines
// them. Facts: the policy is read only from Secret kube-system/audit-policy (deckhouse-audit.md §2), a
// ModuleConfig is named after its module and is cluster-scoped (moduleconfig.yaml: scope Cluster), the
// ClusterLogDestination/ClusterLoggingConfig CRDs are cluster-scoped, and a cluster holds one object per
// kind and name: two objects of the same name in one app overwrite each other when applied.
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import {
  AuditLogShipping,
  AuditPolicySecret,
  ControlPlaneAuditConfig,
  DeckhouseClusterAudit,
  LogShipperModule,
} from '../../src/constructs';
import { onWarnings } from '../../src/constructs/warnings';
import { validateApp } from '../../src/constructs/synth';

const POLICY =
  'apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]\nrules:\n- level: Metadata\n';
const LOKI = { type: 'Loki' as const, name: 'loki', endpoint: 'https://loki.example.com' };

function quietApp(): App {
  const app = new App({ outdir: '/nonexistent' });
  onWarnings(app, () => undefined);
  return app;
}

function warningsOf(app: App): string[] {
  const warnings: string[] = [];
  onWarnings(app, (w) => warnings.push(w));
  validateApp(app);
  return warnings;
}

describe('one object per kind and name in the app', () => {
  test('two DeckhouseClusterAudit in two charts are refused, naming both paths', () => {
    const app = quietApp();
    new DeckhouseClusterAudit(new Chart(app, 'one'), 'audit', { policy: POLICY, assertionPacks: [] });
    new DeckhouseClusterAudit(new Chart(app, 'two'), 'audit', {
      policy: POLICY,
      destinations: [LOKI],
      assertionPacks: [],
    });
    const errors = validateApp(app).join('\n');
    expect(errors).toMatch(
      /\[two\/audit\/ControlPlane\] ModuleConfig control-plane-manager: also written by one\/audit\/ControlPlane/,
    );
    expect(errors).toMatch(
      /\[one\/audit\/ControlPlane\] ModuleConfig control-plane-manager: also written by two\//,
    );
    expect(errors).toMatch(
      /\[two\/audit\/PolicySecret\] Secret kube-system\/audit-policy: also written by one\/audit\/PolicySecret/,
    );
    expect(errors).toMatch(/Fix: /);
    expect(errors).toContain('the manifests of another cluster come from an App of their own');
    expect(() => app.synth()).toThrow(/also written by/);
  });

  test('one App per cluster: the same audit in two Apps (two clusters) synthesizes in each', () => {
    const dirs = ['prod', 'stage'].map((cluster) => {
      const outdir = mkdtempSync(join(tmpdir(), `audit-${cluster}-`));
      const app = new App({ outdir });
      onWarnings(app, () => undefined);
      new DeckhouseClusterAudit(new Chart(app, 'audit'), 'audit', {
        policy: POLICY,
        destinations: [LOKI],
        assertionPacks: [],
      });
      app.synth();
      return outdir;
    });
    for (const dir of dirs) {
      expect(readdirSync(dir)).toEqual(['audit.k8s.yaml']);
      rmSync(dir, { recursive: true });
    }
  });

  test('two ControlPlaneAuditConfig, two LogShipperModule, two AuditLogShipping with one destination name', () => {
    const app = quietApp();
    const chart = new Chart(app, 'c');
    new ControlPlaneAuditConfig(chart, 'cp1');
    new ControlPlaneAuditConfig(chart, 'cp2', { basicAuditPolicyEnabled: false });
    new LogShipperModule(chart, 'm1');
    new LogShipperModule(chart, 'm2', { source: 'deckhouse' });
    new AuditLogShipping(chart, 's1', { destinations: [LOKI] });
    new AuditLogShipping(chart, 's2', { destinations: [{ ...LOKI, endpoint: 'https://other.example.com' }] });
    const errors = validateApp(app).join('\n');
    expect(errors).toMatch(/\[c\/cp2\] ModuleConfig control-plane-manager: also written by c\/cp1/);
    expect(errors).toMatch(/\[c\/m2\] ModuleConfig log-shipper: also written by c\/m1/);
    expect(errors).toMatch(/\[c\/s2\] ClusterLogDestination loki: also written by c\/s1/);
    expect(errors).toMatch(/\[c\/s2\] ClusterLoggingConfig kube-audit: also written by c\/s1/);
  });

  test('an object of the same name the consumer wrote by hand is a clash too', () => {
    const app = quietApp();
    const chart = new Chart(app, 'c');
    new AuditPolicySecret(chart, 'secret', { policy: POLICY });
    new ApiObject(chart, 'mine', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'audit-policy', namespace: 'kube-system' },
    });
    expect(validateApp(app).join('\n')).toMatch(/Secret kube-system\/audit-policy: also written by c\/mine/);
  });

  test('objects of other names, namespaces or kinds are no clash', () => {
    const app = quietApp();
    const chart = new Chart(app, 'c');
    new DeckhouseClusterAudit(chart, 'audit', { policy: POLICY, destinations: [LOKI], assertionPacks: [] });
    new ApiObject(chart, 'cm', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'audit-policy', namespace: 'kube-system' },
    });
    new ApiObject(chart, 'other-ns', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'audit-policy', namespace: 'd8-system' },
    });
    new ApiObject(chart, 'mc', {
      apiVersion: 'deckhouse.io/v1alpha1',
      kind: 'ModuleConfig',
      metadata: { name: 'prometheus' },
    });
    expect(validateApp(app)).toEqual([]);
  });
});

describe('escape-hatch patches cannot move or replace what was validated', () => {
  test('a patched policy Secret data (an invalid policy) is refused', () => {
    const chart = Testing.chart();
    const audit = new DeckhouseClusterAudit(chart, 'audit', { policy: POLICY, assertionPacks: [] });
    const bogus = Buffer.from('rules:\n- level: Bogus\n').toString('base64');
    audit.policySecret!.resource.addJsonPatch(JsonPatch.replace('/data/audit-policy.yaml', bogus));
    expect(() => Testing.synth(chart)).toThrow(
      /\[test\/audit\/PolicySecret\] Secret kube-system\/audit-policy: data: .*not the policy that was validated.*Fix: .*policy/s,
    );
  });

  test('stringData beside data is refused (the API server lets stringData win)', () => {
    const chart = Testing.chart();
    const secret = new AuditPolicySecret(chart, 'secret', { policy: POLICY });
    secret.resource.addJsonPatch(JsonPatch.add('/stringData', { 'audit-policy.yaml': 'rules: []\n' }));
    expect(() => Testing.synth(chart)).toThrow(/Secret kube-system\/audit-policy: stringData: /);
  });

  test('a renamed or moved policy Secret is refused: Deckhouse reads only kube-system/audit-policy', () => {
    const chart = Testing.chart();
    const secret = new AuditPolicySecret(chart, 'secret', { policy: POLICY });
    secret.resource.addJsonPatch(JsonPatch.replace('/metadata/name', 'audit-policy-v2'));
    secret.resource.addJsonPatch(JsonPatch.replace('/metadata/namespace', 'd8-system'));
    const message = (() => {
      try {
        Testing.synth(chart);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(/metadata\.name: received "audit-policy-v2", expected "audit-policy"/);
    expect(message).toMatch(/metadata\.namespace: received "d8-system", expected "kube-system"/);
  });

  test('a renamed ModuleConfig is refused: Deckhouse configures the module of that name', () => {
    const chart = Testing.chart();
    const config = new ControlPlaneAuditConfig(chart, 'cp');
    config.resource.addJsonPatch(JsonPatch.replace('/metadata/name', 'control-plane-managr'));
    expect(() => Testing.synth(chart)).toThrow(
      /\[test\/cp\] ModuleConfig control-plane-managr: metadata\.name: received "control-plane-managr", expected "control-plane-manager"/,
    );
  });

  test('a namespace patched onto a cluster-scoped object is refused', () => {
    const chart = Testing.chart();
    const module = new LogShipperModule(chart, 'm');
    module.resource.addJsonPatch(JsonPatch.add('/metadata/namespace', 'default'));
    expect(() => Testing.synth(chart)).toThrow(
      /metadata\.namespace: received "default", expected none \(ModuleConfig is cluster-scoped\)/,
    );
  });
});

describe('lower-level constructs combined by hand agree with each other', () => {
  test('AuditLogShipping reading another log than ControlPlaneAuditConfig makes kube-apiserver write is refused', () => {
    const app = quietApp();
    const chart = new Chart(app, 'c');
    new ControlPlaneAuditConfig(chart, 'cp', { auditLog: { output: 'File' } });
    new AuditLogShipping(chart, 'ship', { auditLog: { output: 'Stdout' }, destinations: [LOKI] });
    expect(validateApp(app).join('\n')).toMatch(
      /\[c\/ship\] auditLog: received \{"output":"Stdout"\}, .*c\/cp .*File \/var\/log\/kube-audit.*Fix: /,
    );
  });

  test('another File path is refused too', () => {
    const app = quietApp();
    const chart = new Chart(app, 'c');
    new ControlPlaneAuditConfig(chart, 'cp', { auditLog: { output: 'File', path: '/var/log/audit2' } });
    new AuditLogShipping(chart, 'ship', { destinations: [LOKI] });
    expect(validateApp(app).join('\n')).toMatch(/\[c\/ship\] auditLog: .*\/var\/log\/audit2/);
  });

  test('a patch that turns the ModuleConfig to Stdout is seen as well', () => {
    const app = quietApp();
    const chart = new Chart(app, 'c');
    const cp = new ControlPlaneAuditConfig(chart, 'cp');
    cp.resource.addJsonPatch(JsonPatch.replace('/spec/settings/apiserver/auditLog', { output: 'Stdout' }));
    new AuditLogShipping(chart, 'ship', { destinations: [LOKI] });
    expect(validateApp(app).join('\n')).toMatch(/\[c\/ship\] auditLog: .*Stdout/);
  });

  test('the same auditLog on both is accepted; without a ControlPlaneAuditConfig nothing is compared', () => {
    const app = quietApp();
    const chart = new Chart(app, 'c');
    new ControlPlaneAuditConfig(chart, 'cp', { auditLog: { output: 'Stdout' } });
    new AuditLogShipping(chart, 'ship', { auditLog: { output: 'Stdout' }, destinations: [LOKI] });
    expect(validateApp(app)).toEqual([]);
    const alone = quietApp();
    new AuditLogShipping(new Chart(alone, 'c'), 'ship', {
      auditLog: { output: 'Stdout' },
      destinations: [LOKI],
    });
    expect(validateApp(alone)).toEqual([]);
  });

  test('a policy Secret linted with the built-in rules while the ModuleConfig turns them off is refused', () => {
    const app = quietApp();
    const chart = new Chart(app, 'c');
    new ControlPlaneAuditConfig(chart, 'cp', { auditPolicyEnabled: true, basicAuditPolicyEnabled: false });
    new AuditPolicySecret(chart, 'secret', { policy: POLICY });
    expect(validateApp(app).join('\n')).toMatch(
      /\[c\/secret\] basicAuditPolicyEnabled: received true .*c\/cp .*false.*Fix: /,
    );
  });

  test('a policy Secret the ModuleConfig does not read (auditPolicyEnabled false) is a warning', () => {
    const app = new App({ outdir: '/nonexistent' });
    const chart = new Chart(app, 'c');
    new ControlPlaneAuditConfig(chart, 'cp');
    new AuditPolicySecret(chart, 'secret', { policy: POLICY, lint: { enabled: false } });
    const warnings = warningsOf(app);
    expect(warnings.join('\n')).toMatch(
      /\[c\/secret\] .*auditPolicyEnabled is false in c\/cp.*Deckhouse does not read this Secret.*Fix: /,
    );
  });
});
