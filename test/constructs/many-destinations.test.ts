import { ApiObject, Testing } from 'cdk8s';
import { Node } from 'constructs';
import { DeckhouseClusterAudit } from '../../src/constructs';

// Every guarded object (each ClusterLogDestination) walked the whole app to find a clash: 10,000 destinations
// took two minutes to synthesize. The walk is now done once per validation sweep.
test('synth walks the app a bounded number of times, whatever the number of destinations', () => {
  const chart = Testing.chart();
  const destinations = Array.from({ length: 300 }, (_, i) => ({
    type: 'Loki' as const,
    name: `loki-${i}`,
    endpoint: 'https://loki.example.com',
  }));
  new DeckhouseClusterAudit(chart, 'Audit', { destinations, assertionPacks: [] });
  const findAll = jest.spyOn(Node.prototype, 'findAll');
  try {
    const objects = Testing.synth(chart);
    expect(objects.filter((o) => o.kind === 'ClusterLogDestination')).toHaveLength(300);
    expect(findAll.mock.calls.length).toBeLessThan(100);
  } finally {
    findAll.mockRestore();
  }
});

test('two destinations of one name in two constructs are still reported after a second synth', () => {
  const chart = Testing.chart();
  const loki = { type: 'Loki' as const, name: 'loki', endpoint: 'https://loki.example.com' };
  new DeckhouseClusterAudit(chart, 'A', {
    destinations: [loki],
    assertionPacks: [],
    logShipperModule: false,
  });
  Testing.synth(chart);
  new DeckhouseClusterAudit(chart, 'B', {
    destinations: [loki],
    assertionPacks: [],
    logShipperModule: false,
  });
  expect(() => Testing.synth(chart)).toThrow(/ClusterLogDestination loki: also written by/);
});

test('an object added after a first synth (in the same tick) is checked by the second', () => {
  const chart = Testing.chart();
  const audit = new DeckhouseClusterAudit(chart, 'A', {
    destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }],
    assertionPacks: [],
    logShipperModule: false,
  });
  Testing.synth(chart);
  new ApiObject(chart, 'Raw', {
    apiVersion: 'deckhouse.io/v1alpha1',
    kind: 'ClusterLogDestination',
    metadata: { name: 'loki' },
  });
  expect(() => Testing.synth(chart)).toThrow(/ClusterLogDestination loki: also written by test\/Raw/);
  expect(audit.shipping).toBeDefined();
});
