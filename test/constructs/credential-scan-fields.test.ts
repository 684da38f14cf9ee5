import { CREDENTIAL_FIELDS, scanCredentials } from '../../src/constructs';

describe('the CRD credential fields drive the scanner', () => {
  test('CREDENTIAL_FIELDS are the secrets of cluster-log-destination.yaml (format: password and the named secrets)', () => {
    // From the upstream CRD: loki.auth password/token, elasticsearch.auth password and AWS keys,
    // kafka.sasl.password, splunk.token, and keyFile/keyPass of the clientCrt of every TLS block.
    const tls = ['loki', 'elasticsearch', 'logstash', 'kafka', 'splunk', 'socket/tcp', 'vector'].flatMap(
      (b) => [`/spec/${b}/tls/clientCrt/keyFile`, `/spec/${b}/tls/clientCrt/keyPass`],
    );
    expect([...CREDENTIAL_FIELDS].sort()).toEqual(
      [
        '/spec/loki/auth/password',
        '/spec/loki/auth/token',
        '/spec/elasticsearch/auth/password',
        '/spec/elasticsearch/auth/awsAccessKey',
        '/spec/elasticsearch/auth/awsSecretKey',
        '/spec/kafka/sasl/password',
        '/spec/splunk/token',
        ...tls,
      ].sort(),
    );
  });

  test('user names, tenant and the CA are not credentials', () => {
    expect(
      scanCredentials({
        spec: {
          loki: { endpoint: 'https://loki.example.com', tenantID: 'audit', auth: { user: 'shipper' } },
          kafka: { sasl: { username: 'shipper' }, bootstrapServers: ['kafka-0.example.com:9093'] },
          extraLabels: { cluster: 'prod-1', verb: '{{ verb }}' },
        },
      }),
    ).toEqual([]);
  });
});
