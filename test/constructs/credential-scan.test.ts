import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import {
  AuditLogDestination,
  AuditLogShipping,
  base64Pem,
  CREDENTIAL_FIELDS,
  scanCredentials,
} from '../../src/constructs';
import { ofKind, synthError, synthValid } from './helpers';

function ship(destinations: AuditLogDestination[]) {
  const chart = Testing.chart();
  const shipping = new AuditLogShipping(chart, 'Shipping', { destinations });
  return { chart, shipping };
}

function allow(destination: AuditLogDestination): AuditLogDestination {
  return { ...destination, allowInlineCredentials: true } as AuditLogDestination;
}

// A seeded generator (mulberry32): the fuzz cases are the same on every run.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function word(next: () => number, alphabet: string, min: number, max: number): string {
  const length = min + Math.floor(next() * (max - min + 1));
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const SECRETISH = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!$&*+';

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

describe('credentials in addresses (user:password@)', () => {
  const cases: Array<[string, AuditLogDestination, string]> = [
    ['Loki URL', { type: 'Loki', name: 'l', endpoint: 'https://admin:pw@loki.example.com' }, 'loki.endpoint'],
    [
      'Elasticsearch URL with an escaped password',
      { type: 'Elasticsearch', name: 'e', endpoint: 'http://elastic:p%40ss@es.example.com:9200' },
      'elasticsearch.endpoint',
    ],
    [
      'Splunk URL',
      { type: 'Splunk', name: 's', endpoint: 'https://x:hec@splunk:8088', token: 't' },
      'splunk.endpoint',
    ],
    [
      'Kafka bootstrap server',
      { type: 'Kafka', name: 'k', bootstrapServers: ['kafka-0:9093', 'user:pw@kafka-1:9093'], topic: 't' },
      'kafka.bootstrapServers[1]',
    ],
    [
      'Vector endpoint',
      { type: 'Vector', name: 'v', endpoint: 'shipper:s3cr3t@vector.example.com:6000' },
      'vector.endpoint',
    ],
    [
      'Logstash endpoint',
      { type: 'Logstash', name: 'l', endpoint: 'u:p@logstash:5044' },
      'logstash.endpoint',
    ],
    [
      'token as the URL user',
      { type: 'Loki', name: 'l', endpoint: 'https://glpat-abc@loki.example.com' },
      'loki.endpoint',
    ],
  ];

  test.each(cases)('%s is refused unless allowInlineCredentials', (_name, destination, field) => {
    const message = synthError(ship([destination]).chart);
    expect(message).toContain(`destinations[0].${field}: expected no inline credentials in the address`);
    expect(message).not.toMatch(/pw@|s3cr3t|p%40ss|hec@/);
    if (destination.type === 'Splunk') return; // its token is refused too
    expect(synthValid(ship([allow(destination)]).chart).length).toBeGreaterThan(0);
  });

  test('fuzz: a user:password@ in any address is found; plain host:port and URLs are not', () => {
    const next = random(13);
    for (let i = 0; i < 300; i++) {
      const host = `${word(next, LOWER, 1, 12)}.${word(next, LOWER, 2, 6)}`;
      const port = 1 + Math.floor(next() * 65535);
      const user = word(next, LOWER + '0123456789', 1, 10);
      const password = word(next, SECRETISH, 1, 24).replace(/[@/?#\s]/g, 'x');
      const withCredentials = [
        `https://${user}:${password}@${host}:${port}`,
        `${user}:${password}@${host}:${port}`,
        `kafka://${user}:${password}@${host}`,
      ];
      for (const address of withCredentials) {
        const found = scanCredentials({ spec: { vector: { endpoint: address } } });
        expect({ address, kinds: found.map((f) => f.kind) }).toEqual({ address, kinds: ['url-userinfo'] });
      }
      for (const address of [
        `${host}:${port}`,
        `https://${host}:${port}/loki`,
        `http://${host}/x?index=${user}`,
      ]) {
        expect({ address, found: scanCredentials({ spec: { loki: { endpoint: address } } }) }).toEqual({
          address,
          found: [],
        });
      }
    }
  });

  test('a regular expression that mentions user:password@ is not an address', () => {
    const destination: AuditLogDestination = {
      type: 'Loki',
      name: 'l',
      endpoint: 'https://loki.example.com',
      transformations: [
        {
          action: 'ReplaceValue',
          replaceValue: { source: 'https?://[^:]+:[^@]+@', target: 'REDACTED@', labels: ['.message'] },
        },
      ],
    };
    expect(synthValid(ship([destination]).chart)).toHaveLength(2);
  });
});

describe('secret-looking query parameters', () => {
  test.each([
    'access_token',
    'token',
    'password',
    'secret',
    'client_secret',
    'sig',
    'key',
    'api-key',
    'apiKey',
    'private_token',
    'X-Amz-Signature',
    'X-Amz-Credential',
    'auth',
  ])('?%s= is refused', (parameter) => {
    const destination: AuditLogDestination = {
      type: 'Elasticsearch',
      name: 'e',
      endpoint: `https://es.example.com:9200/?pipeline=audit&${parameter}=c2VjcmV0`,
    };
    const message = synthError(ship([destination]).chart);
    expect(message).toContain(
      `elasticsearch.endpoint: expected no inline secret in the URL's query parameter "${parameter}"`,
    );
    expect(message).not.toContain('c2VjcmV0');
    expect(synthValid(ship([allow(destination)]).chart)).toHaveLength(2);
  });

  test('fuzz: secret names in any case and separator style are found; ordinary names are not', () => {
    const next = random(7);
    const secretWords = [
      ['access', 'token'],
      ['client', 'secret'],
      ['api', 'key'],
      ['x', 'amz', 'signature'],
      ['password'],
      ['sig'],
    ];
    const ordinaryWords = [
      ['index'],
      ['pipeline'],
      ['time', 'out'],
      ['page', 'size'],
      ['tenant', 'id'],
      ['format'],
    ];
    const styles = [
      (w: string[]) => w.join('_'),
      (w: string[]) => w.join('-'),
      (w: string[]) => w.join('.'),
      (w: string[]) => w.map((x, i) => (i === 0 ? x : x[0].toUpperCase() + x.slice(1))).join(''),
      (w: string[]) => w.join('_').toUpperCase(),
    ];
    for (let i = 0; i < 200; i++) {
      const style = styles[Math.floor(next() * styles.length)];
      const secret = style(secretWords[Math.floor(next() * secretWords.length)]);
      const ordinary = style(ordinaryWords[Math.floor(next() * ordinaryWords.length)]);
      const value = word(next, SECRETISH, 1, 20).replace(/[&#=\s]/g, 'x');
      const url = `https://es.example.com:9200/_bulk?${ordinary}=1&${secret}=${encodeURIComponent(value)}`;
      expect({
        url,
        kinds: scanCredentials({ spec: { elasticsearch: { endpoint: url } } }).map((f) => f.kind),
      }).toEqual({
        url,
        kinds: ['query-parameter'],
      });
      const plain = `https://es.example.com:9200/_bulk?${ordinary}=${encodeURIComponent(value)}`;
      expect({ plain, found: scanCredentials({ spec: { elasticsearch: { endpoint: plain } } }) }).toEqual({
        plain,
        found: [],
      });
    }
  });

  test.each(['index', 'pipeline', 'timeout', 'monkey'])('?%s= is an ordinary parameter', (parameter) => {
    const destination: AuditLogDestination = {
      type: 'Elasticsearch',
      name: 'e',
      endpoint: `https://es.example.com:9200/?${parameter}=audit`,
    };
    expect(synthValid(ship([destination]).chart)).toHaveLength(2);
  });
});

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

describe('the rendered objects are scanned after escape-hatch patches', () => {
  function patched(destination: AuditLogDestination, ...patches: JsonPatch[]) {
    const { chart, shipping } = ship([destination]);
    const object = shipping.node
      .findAll()
      .find((c) => ApiObject.isApiObject(c) && c.kind === 'ClusterLogDestination');
    (object as ApiObject).addJsonPatch(...patches);
    return chart;
  }

  test.each<[string, JsonPatch, string]>([
    [
      'Loki auth',
      JsonPatch.add('/spec/loki/auth', { strategy: 'Bearer', token: 'c2VjcmV0' }),
      'loki.auth.token',
    ],
    [
      'a Loki password',
      JsonPatch.add('/spec/loki/auth', { user: 'u', password: 'c2VjcmV0' }),
      'loki.auth.password',
    ],
    [
      'a client key',
      JsonPatch.add('/spec/loki/tls', { clientCrt: { crtFile: 'Y3J0', keyFile: 'c2VjcmV0' } }),
      'loki.tls.clientCrt.keyFile',
    ],
    [
      'an endpoint with a password',
      JsonPatch.replace('/spec/loki/endpoint', 'https://a:c2VjcmV0@loki'),
      'loki.endpoint',
    ],
    ['a token label', JsonPatch.add('/spec/extraLabels/token', 'c2VjcmV0'), 'extraLabels.token'],
  ])('a patch that adds %s fails synth', (_name, patch, field) => {
    const destination: AuditLogDestination = {
      type: 'Loki',
      name: 'loki',
      endpoint: 'https://loki.example.com',
    };
    const message = synthError(patched(destination, patch));
    expect(message).toContain(`[test/Shipping] destinations[0].${field}: expected no inline`);
    expect(message).toContain('in the rendered object (an escape-hatch patch?)');
    expect(message).not.toContain('c2VjcmV0');
  });

  test("with allowInlineCredentials the patched credential is the user's choice", () => {
    const chart = patched(
      allow({ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }),
      JsonPatch.add('/spec/loki/auth', { strategy: 'Bearer', token: 'dG9rZW4=' }),
    );
    expect(ofKind(synthValid(chart), 'ClusterLogDestination')[0].spec.loki.auth).toEqual({
      strategy: 'Bearer',
      token: 'dG9rZW4=',
    });
  });

  test.each<[string, string, string[]]>([
    ['a 1 MB run of JWT-like words', 'eyJ-'.repeat(250_000), []],
    ['a 1 MB scheme without an @', `a://${'x'.repeat(1_000_000)}`, []],
    ['a 1 MB user name before an @', `${'a'.repeat(1_000_000)}:p@host`, ['url-userinfo']],
    ['many @ in a row', '@a'.repeat(500_000), []],
    ['a 1 MB BEGIN line', `-----BEGIN ${'A'.repeat(1_000_000)}`, []],
    [
      'a 700 KB base64 CA bundle',
      Buffer.from('-----BEGIN CERTIFICATE-----\n'.repeat(25_000)).toString('base64'),
      [],
    ],
    ['a long query', `https://h/?${'a=b&'.repeat(250_000)}token=x`, ['query-parameter']],
  ])('%s is scanned in one pass (hostile or large values)', (_name, value, kinds) => {
    expect(scanCredentials({ spec: { loki: { endpoint: value } } }).map((f) => f.kind)).toEqual(kinds);
  });

  test('the scanner walks any depth without recursion', () => {
    let deep: unknown = 'https://a:b@host';
    for (let i = 0; i < 100_000; i++) deep = { x: deep };
    expect(scanCredentials({ spec: deep }).map((f) => f.kind)).toEqual(['url-userinfo']);
  });
});

// Deckhouse's ClusterLogDestination CRD documents extraLabels with the example
// `{forwarder: vector, key: value, app_info: '{{ app }}', ...}` (x-doc-examples of spec.extraLabels): a label
// named `key` is a label. A key is a credential where the CRD puts one: the TLS clientCrt.keyFile/keyPass and
// Kafka's sasl.password, and a map key named `key` elsewhere.
describe('a label named key', () => {
  it('is a label in extraLabels: synthesized as written, not refused or hidden', () => {
    const destination: AuditLogDestination = {
      type: 'Vector',
      name: 'v',
      endpoint: 'v:6000',
      extraLabels: { forwarder: 'vector', key: 'value' },
    };
    const [rendered] = ofKind(synthValid(ship([destination]).chart), 'ClusterLogDestination');
    expect(rendered.spec.extraLabels).toEqual({ forwarder: 'vector', key: 'value' });
    expect(scanCredentials({ spec: { extraLabels: { key: 'value', Key: 'v2' } } })).toEqual([]);
  });

  it('a message about it quotes the value, as for any label', () => {
    const destination: AuditLogDestination = {
      type: 'Vector',
      name: 'v',
      endpoint: 'v:6000',
      extraLabels: { key: 'not a label value!' },
    };
    // The construct may refuse the prop at once (a prop wrong on its own) or at synth: either message counts.
    const messageOf = (make: () => string): string => {
      try {
        return make();
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    };
    const message = messageOf(() => synthError(ship([destination]).chart));
    expect(message).toContain('extraLabels.key');
    expect(message).toContain('"not a label value!"');
  });

  it('its value is still judged by its shape, and other secret-looking label names still count', () => {
    const found = scanCredentials({
      spec: { extraLabels: { key: 'ghp_0123456789abcdefghijklmnopqrstuvwxyz', api_key: 'abc123' } },
    });
    expect(found.map((f) => [f.pointer, f.what])).toEqual([
      ['/spec/extraLabels/key', 'GitHub token'],
      ['/spec/extraLabels/api_key', 'value under the secret-looking name "api_key"'],
    ]);
  });

  it('is a credential where it is one: the TLS key fields, and a map key named key outside extraLabels', () => {
    const found = scanCredentials({
      spec: {
        loki: { tls: { clientCrt: { keyFile: 'c2VjcmV0', keyPass: 'pass' } } },
        kafka: { sasl: { password: 'pw' } },
        splunk: { indexedFields: { key: 'abc123' } },
      },
    });
    expect(found.map((f) => f.pointer)).toEqual([
      '/spec/loki/tls/clientCrt/keyFile',
      '/spec/loki/tls/clientCrt/keyPass',
      '/spec/kafka/sasl/password',
      '/spec/splunk/indexedFields/key',
    ]);
  });
});
