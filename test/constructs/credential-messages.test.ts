// A value that holds a credential is never quoted in a message: when it fails another check too (a URL
// without a scheme, an address that is not host:port, a label that breaks the CRD's pattern, TLS under UDP),
// the message names the field and the fix, and says that the value is not shown.
import { Testing } from 'cdk8s';
import { AuditLogDestination, AuditLogShipping, base64Pem } from '../../src/constructs';
import { synthError } from './helpers';

const PASSWORD = 'S3cr3t-pw';
// The body of a PKCS#8 key (RFC 5208 PrivateKeyInfo, version 0, rsaEncryption), shortened.
const KEY_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDHv3q2aZ';
const KEY_PEM = `-----BEGIN PRIVATE KEY-----\n${KEY_BODY}\n-----END PRIVATE KEY-----\n`;
const CERT = base64Pem('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ3\n-----END CERTIFICATE-----\n');
// A JSON Web Token (three base64url parts), the shape of a Bearer token of Loki behind an OIDC proxy.
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsb2ctc2hpcHBlciJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';

function messageOf(destination: unknown): string {
  const chart = Testing.chart();
  new AuditLogShipping(chart, 'Shipping', { destinations: [destination as AuditLogDestination] });
  return synthError(chart);
}

// [case, destination, the field whose message must hide the value, what must not appear]
const CASES: Array<[string, Record<string, unknown>, string, string]> = [
  [
    'a Loki endpoint without a scheme, with user:password@',
    { type: 'Loki', name: 'l', endpoint: `admin:${PASSWORD}@loki.example.com:3100` },
    'loki.endpoint',
    PASSWORD,
  ],
  [
    'a Logstash endpoint written as a URL with user:password@ (not host:port)',
    { type: 'Logstash', name: 'l', endpoint: `https://admin:${PASSWORD}@logstash.example.com` },
    'logstash.endpoint',
    PASSWORD,
  ],
  [
    'a Vector endpoint written as a URL with user:password@ (the CRD pattern wants host:port)',
    { type: 'Vector', name: 'v', endpoint: `https://admin:${PASSWORD}@vector.example.com` },
    'vector.endpoint',
    PASSWORD,
  ],
  [
    'a Socket address with user:password@ and no port',
    { type: 'Socket', name: 's', mode: 'TCP', address: `admin:${PASSWORD}@siem.example.com` },
    'socket.address',
    PASSWORD,
  ],
  [
    'a Kafka bootstrap server with user:password@ and no port',
    { type: 'Kafka', name: 'k', topic: 'audit', bootstrapServers: [`admin:${PASSWORD}@kafka-0.example.com`] },
    'kafka.bootstrapServers[0]',
    PASSWORD,
  ],
  [
    'an Elasticsearch endpoint without a scheme, with a password query parameter',
    { type: 'Elasticsearch', name: 'e', endpoint: `es.example.com?password=${PASSWORD}` },
    'elasticsearch.endpoint',
    PASSWORD,
  ],
  [
    'a CA field holding the PEM text of a private key (not base64)',
    { type: 'Loki', name: 'l', endpoint: 'https://loki.example.com', tls: { caFile: KEY_PEM } },
    'loki.tls.caFile',
    KEY_BODY.slice(0, 20),
  ],
  [
    'a client certificate field holding the PEM text of a private key',
    {
      type: 'Loki',
      name: 'l',
      endpoint: 'https://loki.example.com',
      tls: { clientCrt: { crtFile: KEY_PEM, keyFile: base64Pem(KEY_PEM) } },
      allowInlineCredentials: true,
    },
    'loki.tls.clientCrt.crtFile',
    KEY_BODY.slice(0, 20),
  ],
  [
    'a client key and pass phrase under a UDP socket (no TLS with UDP)',
    {
      type: 'Socket',
      name: 's',
      mode: 'UDP',
      address: 'siem.example.com:514',
      tls: { clientCrt: { keyFile: base64Pem(KEY_PEM), keyPass: PASSWORD, crtFile: CERT } },
    },
    'tls',
    // Base64 characters 40-47 encode bytes 30-35 of the PEM text: inside the key's body.
    base64Pem(KEY_PEM).slice(40, 48),
  ],
  [
    'a Loki auth written as an Authorization value instead of an object',
    { type: 'Loki', name: 'l', endpoint: 'https://loki.example.com', auth: `Bearer ${JWT}` },
    'auth',
    JWT.slice(0, 20),
  ],
  [
    'a Kafka sasl written as the password instead of an object',
    {
      type: 'Kafka',
      name: 'k',
      topic: 'audit',
      bootstrapServers: ['kafka-0.example.com:9093'],
      sasl: PASSWORD,
    },
    'sasl',
    PASSWORD,
  ],
  [
    'a label under a secret-looking name that breaks the CRD pattern',
    {
      type: 'Loki',
      name: 'l',
      endpoint: 'https://loki.example.com',
      extraLabels: { api_key: `${PASSWORD} x` },
    },
    'extraLabels.api_key',
    PASSWORD,
  ],
];

describe('messages never quote a credential', () => {
  test.each(CASES)('%s', (_case, destination, field, secret) => {
    const message = messageOf(destination);
    const lines = message.split('\n').filter((l) => l.includes(`destinations[0].${field}:`));
    // The field is named, with a fix.
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toContain('Fix:');
    expect(message).not.toContain(secret);
  });

  test('a value without a credential is still quoted (the message says what was received)', () => {
    const message = messageOf({ type: 'Logstash', name: 'l', endpoint: 'https://logstash.example.com' });
    expect(message).toContain('destinations[0].logstash.endpoint: received "https://logstash.example.com"');
  });

  test('a hidden value says why it is not shown', () => {
    const message = messageOf({
      type: 'Loki',
      name: 'l',
      endpoint: `admin:${PASSWORD}@loki.example.com:3100`,
    });
    expect(message).toMatch(
      /destinations\[0\]\.loki\.endpoint: received a value that is not shown \(it holds credentials in the address/,
    );
  });
});

// A fix may quote a suggestion derived from the value (the address without its scheme, a topic or an index
// with its invalid characters replaced). The value is hidden for its credential; the suggestion must not carry it,
// changed or not, and keeps what is useful: the host and port of an address.
describe('a fix derived from a hidden value does not carry its credential', () => {
  const FIX_CASES: Array<[string, Record<string, unknown>, string, string | RegExp]> = [
    [
      'a Socket address with a scheme and user:password@ (the fix strips the scheme)',
      { type: 'Socket', name: 's', mode: 'TCP', address: `tcp://admin:${PASSWORD}@siem.example.com:6514` },
      'socket.address',
      'Fix: use "siem.example.com:6514"',
    ],
    [
      'a Logstash endpoint with a scheme and user:password@',
      { type: 'Logstash', name: 'l', endpoint: `http://admin:${PASSWORD}@logstash.example.com:5044` },
      'logstash.endpoint',
      'Fix: use "logstash.example.com:5044"',
    ],
    [
      'a Kafka topic with user:password@ (the fix replaces ":" and "@", leaving the password)',
      {
        type: 'Kafka',
        name: 'k',
        topic: `admin:${PASSWORD}@audit`,
        bootstrapServers: ['kafka-0.example.com:9093'],
      },
      'kafka.topic',
      /Fix: e\.g\. "\(not shown\)"/,
    ],
    [
      // AWS access key IDs: uppercase AKIA + 16 (AWS IAM docs, "Understanding unique ID prefixes"); the suggested
      // index is lowercased, a form the token's shape no longer matches.
      'an Elasticsearch index holding an AWS access key ID (the fix lowercases it)',
      {
        type: 'Elasticsearch',
        name: 'e',
        endpoint: 'https://es.example.com:9200',
        index: 'Audit AKIAIOSFODNN7EXAMPLE',
      },
      'elasticsearch.index',
      /Fix: e\.g\. "\(not shown\)"/,
    ],
  ];

  test.each(FIX_CASES)('%s', (_case, destination, field, fix) => {
    const message = messageOf(destination);
    expect(message).not.toContain(PASSWORD);
    expect(message.toLowerCase()).not.toContain('akiaiosfodnn7example');
    const line = message
      .split('\n')
      .find((l) => l.includes(`destinations[0].${field}: received a value that is not shown`));
    expect(line).toBeDefined();
    if (typeof fix === 'string') expect(line).toContain(fix);
    else expect(line).toMatch(fix);
  });
});
