// The fields log-shipper base64-decodes (the CRD describes them as "Base64-encoded ..."; its destination
// builders, hooks/internal/vector/destination/*.go, pass them through decodeB64, which uses Go's
// base64.StdEncoding and drops the error): a value that is not base64 becomes garbage in the agent's
// configuration without a word, so it is refused at synth; base64 as Go reads it (line breaks included) passes.
import { Testing } from 'cdk8s';
import { AuditLogDestination, AuditLogShipping, base64Pem } from '../../src/constructs';
import { ofKind, synthError, synthValid } from './helpers';

const KEY_PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
const CERT_PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ3\n-----END CERTIFICATE-----\n';
// A plain password, as a user writes it who did not read "Base64-encoded" (not base64: "!" and the length).
const PLAIN = 'hunter2!';

function synth(destination: Record<string, unknown>) {
  const chart = Testing.chart();
  new AuditLogShipping(chart, 'Shipping', {
    destinations: [{ allowInlineCredentials: true, ...destination } as unknown as AuditLogDestination],
  });
  return chart;
}

const LOKI = { type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' };
const ES = { type: 'Elasticsearch', name: 'es', endpoint: 'https://es.example.com:9200' };

describe('a field log-shipper base64-decodes, holding something else, is refused', () => {
  test.each<[string, Record<string, unknown>, string]>([
    ['Loki Basic password', { ...LOKI, auth: { user: 'shipper', password: PLAIN } }, 'loki.auth.password'],
    [
      'Elasticsearch Basic password',
      { ...ES, auth: { strategy: 'Basic', user: 'elastic', password: PLAIN } },
      'elasticsearch.auth.password',
    ],
    [
      'Elasticsearch AWS access key (the key ID as AWS shows it, not encoded)',
      { ...ES, auth: { strategy: 'AWS', awsAccessKey: 'AKIAIOSFODNN7EXAMPLE!', awsSecretKey: 'c2VjcmV0' } },
      'elasticsearch.auth.awsAccessKey',
    ],
    [
      'Elasticsearch AWS secret key',
      {
        ...ES,
        auth: { strategy: 'AWS', awsAccessKey: 'QUtJQQ==', awsSecretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' },
      },
      'elasticsearch.auth.awsSecretKey',
    ],
    [
      'the pass phrase of a client key',
      {
        ...LOKI,
        tls: { clientCrt: { crtFile: base64Pem(CERT_PEM), keyFile: base64Pem(KEY_PEM), keyPass: PLAIN } },
      },
      'loki.tls.clientCrt.keyPass',
    ],
    [
      'a client key as PEM text (not base64)',
      { ...ES, tls: { clientCrt: { crtFile: base64Pem(CERT_PEM), keyFile: KEY_PEM } } },
      'elasticsearch.tls.clientCrt.keyFile',
    ],
    [
      'a client key field holding the base64 of a certificate',
      {
        type: 'Kafka',
        name: 'k',
        topic: 'audit',
        bootstrapServers: ['kafka-0.example.com:9093'],
        tls: { clientCrt: { crtFile: base64Pem(CERT_PEM), keyFile: base64Pem(CERT_PEM) } },
      },
      'kafka.tls.clientCrt.keyFile',
    ],
  ])('%s', (_case, destination, field) => {
    const message = synthError(synth(destination));
    const line = message.split('\n').find((l) => l.includes(`destinations[0].${field}:`));
    expect(line).toBeDefined();
    expect(line).toMatch(/expected .*base64/);
    expect(line).toContain('Fix:');
    expect(message).not.toContain(PLAIN);
  });
});

describe('what log-shipper reads as it is, or decodes successfully, passes', () => {
  test('the Deckhouse docs examples: Grafana Cloud (Loki Basic) and Splunk, with the credentials allowed', () => {
    // modules/460-log-shipper/docs/EXAMPLES.md: the Grafana Cloud password is `echo -n ... | base64 -w0`;
    // the Splunk HEC token and the Loki Bearer token are not decoded (splunk.go, loki.go).
    const objects = synthValid(
      (() => {
        const chart = Testing.chart();
        new AuditLogShipping(chart, 'Shipping', {
          destinations: [
            {
              type: 'Loki',
              name: 'loki-storage',
              endpoint: 'https://logs-prod-eu-west-0.grafana.net',
              auth: { strategy: 'Basic', user: '123456', password: 'PFlPVVItR1JBRkFOQUNMT1VELVRPS0VOPg==' },
              allowInlineCredentials: true,
            },
            {
              type: 'Splunk',
              name: 'splunk',
              endpoint: 'https://prd-p-xxxxxx.splunkcloud.com:8088',
              token: 'xxxx-xxxx-xxxx',
              index: 'logs',
              allowInlineCredentials: true,
            },
            {
              type: 'Loki',
              name: 'loki-bearer',
              endpoint: 'https://loki.example.com',
              auth: { strategy: 'Bearer', token: 'not-base64!' },
              allowInlineCredentials: true,
            },
            {
              type: 'Kafka',
              name: 'kafka',
              topic: 'audit',
              bootstrapServers: ['kafka-0.example.com:9093'],
              sasl: { mechanism: 'SCRAM-SHA-512', username: 'shipper', password: PLAIN },
              allowInlineCredentials: true,
            },
          ],
        });
        return chart;
      })(),
    );
    expect(ofKind(objects, 'ClusterLogDestination')).toHaveLength(4);
  });

  test('a CA written by `base64` without -w0 (lines of 76 characters): Go decodes it, so do we', () => {
    // GNU base64 wraps at 76 columns; Go's base64 decoder ignores "\r" and "\n" (encoding/base64).
    const long = `-----BEGIN CERTIFICATE-----\n${'MIIBszCCAVmgAwIBAgIUQ3'.repeat(8)}\n-----END CERTIFICATE-----\n`;
    const wrapped = base64Pem(long).replace(/(.{76})/g, '$1\n');
    expect(wrapped).toContain('\n');
    const objects = synthValid(synth({ ...LOKI, tls: { caFile: wrapped } }));
    expect(ofKind(objects, 'ClusterLogDestination')[0].spec.loki.tls.caFile).toBe(wrapped);
  });

  test('a client certificate and key, base64 PEM as the CRD says, pass with the credentials allowed', () => {
    const objects = synthValid(
      synth({
        ...LOKI,
        tls: {
          clientCrt: { crtFile: base64Pem(CERT_PEM), keyFile: base64Pem(KEY_PEM), keyPass: 'aHVudGVyMg==' },
        },
      }),
    );
    expect(ofKind(objects, 'ClusterLogDestination')).toHaveLength(1);
  });
});
