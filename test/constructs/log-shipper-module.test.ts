import { Testing } from 'cdk8s';
import { DeckhouseClusterAudit, LogShipperModule } from '../../src/constructs';
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
