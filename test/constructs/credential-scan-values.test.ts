import { AuditLogDestination, base64Pem, scanCredentials } from '../../src/constructs';
import { synthError, synthValid } from './helpers';
import { allow, ship } from './credential-scan-helpers';

describe('PEM private keys outside keyFile', () => {
  const keys = [
    'PRIVATE KEY',
    'RSA PRIVATE KEY',
    'EC PRIVATE KEY',
    'ENCRYPTED PRIVATE KEY',
    'OPENSSH PRIVATE KEY',
  ];
  test.each(keys)(
    'a %s passed as a CA or a certificate is refused even with allowInlineCredentials',
    (label) => {
      const key = base64Pem(
        `-----BEGIN ${label}-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END ${label}-----\n`,
      );
      const asCa = allow({ type: 'Logstash', name: 'l', endpoint: 'l:5044', tls: { caFile: key } });
      expect(synthError(ship([asCa]).chart)).toContain(
        'destinations[0].logstash.tls.caFile: expected no inline PEM private key (in a field that is not a key)',
      );
      const asCrt = allow({
        type: 'Socket',
        name: 's',
        address: 's:6514',
        mode: 'TCP',
        tls: { clientCrt: { crtFile: key, keyFile: key } },
      });
      const message = synthError(ship([asCrt]).chart);
      expect(message).toContain(
        'destinations[0].socket.tcp.tls.clientCrt.crtFile: expected no inline PEM private key',
      );
      expect(message).not.toContain('clientCrt.keyFile:'); // allowed: that field is meant for the key
    },
  );

  test('the raw PEM text (not base64) is found too', () => {
    const found = scanCredentials({
      spec: { splunk: { index: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' } },
    });
    expect(found.map((f) => [f.pointer, f.kind, f.always])).toEqual([
      ['/spec/splunk/index', 'private-key', true],
    ]);
  });
});

describe('tokens in extraLabels and other values', () => {
  test.each<[string, Record<string, string>, string]>([
    [
      'a label named token',
      { token: 'abc123' },
      'extraLabels.token: expected no inline value under the secret-looking name "token"',
    ],
    [
      'a label named api_key',
      { api_key: 'abc123' },
      'extraLabels.api_key: expected no inline value under the secret-looking name',
    ],
    ['a label named password', { password: 'hunter2' }, 'extraLabels.password:'],
    [
      'an AWS access key id',
      { aws: 'AKIAIOSFODNN7EXAMPLE' },
      'extraLabels.aws: expected no inline AWS access key ID',
    ],
    [
      'a GitHub token',
      { gh: 'ghp_0123456789abcdefghijklmnopqrstuvwxyz' },
      'extraLabels.gh: expected no inline GitHub token',
    ],
    [
      'a GitLab token',
      { ci: 'glpat-xxxxxxxxxxxxxxxxxxxx' },
      'extraLabels.ci: expected no inline GitLab token',
    ],
    [
      'a Slack token',
      { hook: 'xoxb-1234567890-abcdefghij' },
      'extraLabels.hook: expected no inline Slack token',
    ],
    // Names a query parameter is already judged by (access key, private key, signature), and a pass phrase.
    [
      'a label named access_key',
      { access_key: 'AbCdEf1234567890' },
      'extraLabels.access_key: expected no inline value under the secret-looking name',
    ],
    [
      'a label named private_key',
      { private_key: 'AbCdEf1234567890' },
      'extraLabels.private_key: expected no inline value under the secret-looking name',
    ],
    [
      'a label named passphrase',
      { passphrase: 'AbCdEf1234567890' },
      'extraLabels.passphrase: expected no inline value under the secret-looking name',
    ],
    // Grafana Cloud, the Loki service the CRD's tenantID and Deckhouse's log-shipper examples name: access
    // policy tokens start with glc_, service account tokens with glsa_.
    [
      'a Grafana Cloud access policy token',
      { grafana: 'glc_eyJvIjoiMTIzNDU2NyIsIm4iOiJzdGFjay1sb2dzIiwiayI6ImFiY2RlZjEyMzQ1Njc4OTAifQ' },
      'extraLabels.grafana: expected no inline Grafana Cloud token',
    ],
    [
      'a Grafana service account token',
      { sa: 'glsa_abcdefghijklmnopqrstuvwxyz012345_0a1b2c3d' },
      'extraLabels.sa: expected no inline Grafana Cloud token',
    ],
  ])('%s is refused', (_name, extraLabels, expected) => {
    const destination: AuditLogDestination = { type: 'Vector', name: 'v', endpoint: 'v:6000', extraLabels };
    const message = synthError(ship([destination]).chart);
    expect(message).toContain(`destinations[0].${expected}`);
    for (const value of Object.values(extraLabels)) expect(message).not.toContain(value);
    expect(synthValid(ship([allow(destination)]).chart)).toHaveLength(2);
  });

  test('a template under a secret-looking name and ordinary labels pass', () => {
    const destination: AuditLogDestination = {
      type: 'Vector',
      name: 'v',
      endpoint: 'v:6000',
      extraLabels: { token_kind: '{{ user.extra.kind }}', cluster: 'prod-1', keyspace: 'audit' },
    };
    expect(synthValid(ship([destination]).chart)).toHaveLength(2);
  });

  test('a JSON Web Token in the tenant, and an Authorization value in AddLabels, are refused', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzaGlwcGVyIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
    const message = synthError(
      ship([
        {
          type: 'Loki',
          name: 'l',
          endpoint: 'https://loki.example.com',
          tenantId: jwt,
          transformations: [
            { action: 'AddLabels', addLabels: { setLabels: { '.auth_header': 'Bearer abcdefghijkl' } } },
          ],
        },
      ]).chart,
    );
    expect(message).toContain('destinations[0].loki.tenantId: expected no inline JSON Web Token');
    expect(message).toContain(
      'destinations[0].transformations[0].addLabels.setLabels[".auth_header"]: expected no inline',
    );
    expect(message).not.toContain(jwt);
  });
});

describe('Authorization values of the destination types, in AddLabels', () => {
  // The schemes of the services these destinations talk to: Splunk HEC ("Authorization: Splunk <token>"),
  // Elasticsearch API keys ("Authorization: ApiKey <base64>"), and a plain "Token <token>".
  test.each([
    ['Splunk 8a3f1c2e-1111-2222-3333-444455556666'],
    ['ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWk0bGhQ'],
    ['Token 0123456789abcdef0123456789abcdef'],
  ])('%s is refused', (value) => {
    const destination: AuditLogDestination = {
      type: 'Vector',
      name: 'v',
      endpoint: 'v:6000',
      transformations: [{ action: 'AddLabels', addLabels: { setLabels: { '.forward_header': value } } }],
    };
    const message = synthError(ship([destination]).chart);
    expect(message).toContain(
      'destinations[0].transformations[0].addLabels.setLabels[".forward_header"]: expected no inline Authorization header value',
    );
    expect(message).not.toContain(value.split(' ')[1]);
  });

  test('the same words in ordinary text pass', () => {
    const destination: AuditLogDestination = {
      type: 'Vector',
      name: 'v',
      endpoint: 'v:6000',
      transformations: [{ action: 'AddLabels', addLabels: { setLabels: { '.team': 'Splunk ingest' } } }],
    };
    expect(synthValid(ship([destination]).chart)).toHaveLength(2);
  });
});
