import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { AuditLogShipping, DeckhouseClusterAudit } from '../../src/constructs';

// Synth-time schema validation: props the constructs pass through without a check of their own
// (other control-plane-manager settings, log-shipper module settings) still cannot produce an object
// that its Deckhouse schema would refuse.
function synthErrors(build: (chart: Chart) => void): string {
  const app = Testing.app();
  build(new Chart(app, 'chart'));
  try {
    app.synth();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('schema validation at synth', () => {
  test('unknown and mistyped control-plane-manager settings fail synth with the construct path', () => {
    const message = synthErrors(
      (chart) =>
        new DeckhouseClusterAudit(chart, 'audit', {
          assertionPacks: [],
          controlPlaneSettings: { apiserver: { auditPolicyEnable: true }, etcd: { maxDbSize: 'huge' } },
        }),
    );
    expect(message).toContain(
      '[chart/audit/ControlPlane] ModuleConfig/control-plane-manager: settings/apiserver must NOT have ' +
        'additional properties: "auditPolicyEnable"',
    );
    expect(message).toContain('settings/etcd/maxDbSize must be number');
    expect(message).toContain('Fix: correct the prop that sets this field');
    // The pass-through prop is named, so the user finds the setting to correct.
    expect(message).toContain('(additionalSettings.apiserver.auditPolicyEnable; see imports/schemas');
    expect(message).toContain('(additionalSettings.etcd.maxDbSize; see imports/schemas');
  });

  test('a valid app with shipping passes', () => {
    expect(
      synthErrors(
        (chart) =>
          new DeckhouseClusterAudit(chart, 'audit', {
            assertionPacks: [],
            destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }],
          }),
      ),
    ).toBe('');
  });

  test('log-shipper objects are checked against the CRD schemas too, escape-hatch patches included', () => {
    const message = synthErrors((chart) => {
      const shipping = new AuditLogShipping(chart, 'shipping', {
        destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }],
      });
      const destination = shipping.node
        .findAll()
        .find((c) => c instanceof ApiObject && c.kind === 'ClusterLogDestination');
      (destination as ApiObject).addJsonPatch(
        JsonPatch.add('/spec/buffer', { type: 'Memory', whenFull: 'Sometimes' }),
      );
    });
    expect(message).toContain(
      '[chart/shipping] ClusterLogDestination/loki: /spec/buffer/whenFull must be equal to one of the allowed ' +
        'values: "DropNewest", "Block"',
    );
  });
});
