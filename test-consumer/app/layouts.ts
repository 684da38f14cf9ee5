// The constructs as one part of a larger consumer app: nested under the consumer's own constructs, beside its own
// ApiObjects, in a second chart, written one file per resource in a folder per chart, and read by Testing.synth.
import { ApiObject, App, Chart, Testing, YamlOutputType } from 'cdk8s';
import { Construct } from 'constructs';
import { AuditLogShipping, ControlPlaneAuditConfig, LogShipperModule } from 'cdk8s-deckhouse-audit';

class Platform extends Construct {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new ApiObject(this, 'Settings', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'platform-settings', namespace: 'platform' },
      data: { audit: 'on' },
    });
    const security = new Construct(this, 'security');
    new ControlPlaneAuditConfig(security, 'ControlPlane', {});
    new LogShipperModule(security, 'LogShipper', {});
  }
}

const app = new App({ yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
new Platform(new Chart(app, 'platform'), 'platform');
new AuditLogShipping(new Chart(app, 'shipping'), 'Shipping', {
  destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }],
});
app.synth();

const chart = Testing.chart();
new AuditLogShipping(chart, 'Shipping', {
  destinations: [{ type: 'Vector', name: 'archive', endpoint: 'vector.example.com:6000' }],
});
const kinds = Testing.synth(chart).map((o: { kind: string }) => o.kind);
process.stdout.write(`${kinds.join(',')}\n`);
