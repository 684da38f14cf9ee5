import { AuditLogDestination, scanCredentials } from '../../src/constructs';
import { synthError, synthValid } from './helpers';
import { LOWER, SECRETISH, allow, random, ship, word } from './credential-scan-helpers';

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
