import { ApiObject, Testing } from 'cdk8s';
import { AuditLogShipping, base64Pem } from '../../src/constructs';
import { synthError } from './helpers';

// The object that produces the Secret of tls.secretRef keeps the key out of Git only where the key comes from
// the secret store. What else of it is committed in clear text:
// - a SealedSecret's spec.template (bitnami-labs/sealed-secrets: only spec.encryptedData is encrypted; the
//   template's data is copied into the Secret as it is);
// - an ExternalSecret's spec.target.template.data values are Go templates rendered by external-secrets.io: a value
//   without a {{ }} expression is written into the Secret as it is.

const SECRET = 'siem-tls';
const WATCHED = { 'log-shipper.deckhouse.io/watch-secret': 'true' };
const PEM_KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvQZq9Secret\n-----END PRIVATE KEY-----\n';
const KEY = base64Pem(PEM_KEY);
const CA = base64Pem('-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n');

function app(producer: Record<string, unknown>, allowInlineCredentials = false) {
  const chart = Testing.chart();
  new AuditLogShipping(chart, 'Shipping', {
    destinations: [
      {
        type: 'Socket',
        name: 'siem',
        address: 'siem.example.com:6514',
        mode: 'TCP',
        tls: { secretRef: { name: SECRET } },
        allowInlineCredentials,
      },
    ],
  });
  new ApiObject(chart, 'Producer', producer as never);
  return chart;
}

const externalSecret = (templateData: Record<string, string>) => ({
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name: SECRET, namespace: 'd8-log-shipper' },
  spec: {
    secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' },
    target: { template: { metadata: { labels: WATCHED }, data: templateData } },
    data: [{ secretKey: 'ca', remoteRef: { key: 'siem/ca' } }],
  },
});

const sealedSecret = (templateData: Record<string, string>) => ({
  apiVersion: 'bitnami.com/v1alpha1',
  kind: 'SealedSecret',
  metadata: { name: SECRET, namespace: 'd8-log-shipper' },
  spec: {
    encryptedData: { 'ca.pem': 'AgBy3i4OJSWK+PiTySYZZA==' },
    template: { metadata: { labels: WATCHED }, data: templateData },
  },
});

describe('a private key committed through the object that produces the Secret', () => {
  test.each<[string, Record<string, unknown>, string]>([
    [
      'an ExternalSecret template with the key as a literal',
      externalSecret({ 'ca.pem': '{{ .ca }}', 'key.pem': KEY }),
      'let ExternalSecret/siem-tls take the key from the secret store',
    ],
    [
      'an ExternalSecret template with a raw PEM key under another name',
      externalSecret({ 'ca.pem': '{{ .ca }}', 'tls.key': PEM_KEY }),
      'let ExternalSecret/siem-tls take the key from the secret store',
    ],
    [
      'an ExternalSecret template with a literal pass phrase',
      externalSecret({ 'ca.pem': '{{ .ca }}', keyPass: 'Zq9Secret' }),
      'let ExternalSecret/siem-tls take the key from the secret store',
    ],
    [
      "a SealedSecret's unencrypted template data",
      sealedSecret({ 'key.pem': KEY }),
      'let SealedSecret/siem-tls take the key from the secret store',
    ],
  ])('%s is refused, without quoting the key', (_name, producer, fix) => {
    const message = synthError(app(producer));
    expect(message).toContain('[test/Shipping] destinations[0].socket.tcp.tls.secretRef.name:');
    expect(message).toContain('expected no private key in the manifests');
    expect(message).toContain(fix);
    expect(message).not.toMatch(/Zq9Secret|MIIEvQ/);
    // The user's choice when the manifests are encrypted.
    expect(Testing.synth(app(producer, true)).length).toBe(3);
  });

  test('templates that render the key from the store, and a SealedSecret with the key encrypted, pass', () => {
    // Testing.synth (not synthValid): the bundled schemas do not cover ExternalSecret and SealedSecret.
    const rendered = app(
      externalSecret({ 'ca.pem': '{{ .ca }}', 'key.pem': '{{ .key | b64enc }}', keyPass: '' }),
    );
    expect(Testing.synth(rendered).map((o) => o.kind)).toContain('ExternalSecret');
    expect(Testing.synth(app(sealedSecret({ 'ca.pem': CA }))).map((o) => o.kind)).toContain('SealedSecret');
  });
});
