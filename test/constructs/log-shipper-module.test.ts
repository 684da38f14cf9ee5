import { JsonPatch, Testing } from 'cdk8s';
import { ControlPlaneAuditConfig, DeckhouseClusterAudit, LogShipperModule } from '../../src/constructs';
import { synthError, synthValid } from './helpers';

describe('LogShipperModule', () => {
  test('default: enabled, no source, so Deckhouse picks the module: embedded up to DKP 1.76, its one ModuleSource from 1.77', () => {
    const chart = Testing.chart();
    new LogShipperModule(chart, 'LogShipper');
    const [mc] = synthValid(chart);
    expect(mc).toEqual({
      apiVersion: 'deckhouse.io/v1alpha1',
      kind: 'ModuleConfig',
      metadata: { name: 'log-shipper', annotations: { 'argocd.argoproj.io/sync-wave': '-2' } },
      spec: { enabled: true },
    });
  });

  test('source names the ModuleSource (DKP 1.77+, when several offer log-shipper) and validates against the ModuleConfig CRD', () => {
    const chart = Testing.chart();
    new LogShipperModule(chart, 'LogShipper', { source: 'deckhouse' });
    const [mc] = synthValid(chart);
    expect(mc.spec).toEqual({ enabled: true, source: 'deckhouse' });
  });

  test('the composite passes source through', () => {
    const chart = Testing.chart();
    new DeckhouseClusterAudit(chart, 'Audit', {
      assertionPacks: [],
      destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }],
      logShipperModule: { source: 'deckhouse' },
    });
    const mc = synthValid(chart).find((o) => o.metadata.name === 'log-shipper');
    expect(mc?.spec.source).toBe('deckhouse');
  });

  test.each(['Deckhouse', 'my source', ''])('source %j is not a ModuleSource name', (source) => {
    const chart = Testing.chart();
    new LogShipperModule(chart, 'LogShipper', { source });
    expect(synthError(chart)).toContain(
      `[test/LogShipper] source: received ${JSON.stringify(source)}, expected the name of a ModuleSource`,
    );
  });
});

// The ModuleConfig CRD: spec.enabled "Enables or disables the module". A patch that disables (or un-sets) it
// leaves a synth that looks done while the module does not run.
describe('a ModuleConfig patched to disable its module fails synth', () => {
  test.each([
    ['replace', false],
    ['remove', undefined],
  ] as const)('log-shipper: %s /spec/enabled', (op, value) => {
    const chart = Testing.chart();
    const module = new LogShipperModule(chart, 'LogShipper');
    module.resource.addJsonPatch(
      op === 'replace' ? JsonPatch.replace('/spec/enabled', value) : JsonPatch.remove('/spec/enabled'),
    );
    const message = synthError(chart);
    expect(message).toContain('ModuleConfig/log-shipper: spec.enabled: received');
    expect(message).toContain('nothing is shipped');
    expect(message).toContain('remove the escape-hatch patch of /spec/enabled');
  });

  test('control-plane-manager: replace /spec/enabled with false', () => {
    const chart = Testing.chart();
    const config = new ControlPlaneAuditConfig(chart, 'ControlPlane', { auditPolicyEnabled: true });
    config.resource.addJsonPatch(JsonPatch.replace('/spec/enabled', false));
    const message = synthError(chart);
    expect(message).toContain('ModuleConfig/control-plane-manager: spec.enabled: received false');
    expect(message).toContain('never reads Secret kube-system/audit-policy');
  });
});
