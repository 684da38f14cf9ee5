import { BufferOptions, AuditLogDestination, base64Pem, checkDestination } from '../../src/constructs';
import { synthError, synthValid } from './helpers';
import { CA, destinationSpec, ship } from './audit-log-shipping-helpers';

describe('AuditLogShipping: credentials, labels and warnings', () => {
  const credentialCases: Array<[string, AuditLogDestination, string[]]> = [
    [
      'Loki basic',
      { type: 'Loki', name: 'l', endpoint: 'https://l', auth: { user: 'u', password: 'cGFzcw==' } },
      ['loki.auth.password'],
    ],
    [
      'Loki bearer',
      { type: 'Loki', name: 'l', endpoint: 'https://l', auth: { strategy: 'Bearer', token: 't' } },
      ['loki.auth.token'],
    ],
    [
      'Elasticsearch basic',
      { type: 'Elasticsearch', name: 'e', endpoint: 'https://e', auth: { user: 'u', password: 'cA==' } },
      ['elasticsearch.auth.password'],
    ],
    // Elasticsearch AWS keys: refused with the strategy, which log-shipper cannot apply (destination-effect.test.ts).
    [
      'Kafka SASL',
      {
        type: 'Kafka',
        name: 'k',
        bootstrapServers: ['k:9092'],
        topic: 't',
        sasl: { mechanism: 'PLAIN', username: 'u', password: 'p' },
      },
      ['kafka.sasl.password'],
    ],
    ['Splunk token', { type: 'Splunk', name: 's', endpoint: 'https://s:8088', token: 't' }, ['splunk.token']],
    [
      'client key',
      {
        type: 'Socket',
        name: 's',
        address: 's:6514',
        mode: 'TCP',
        // keyFile as log-shipper decodes it: the base64 of a PEM private key.
        tls: {
          clientCrt: {
            crtFile: CA,
            keyFile: base64Pem('-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n'),
            keyPass: 'cGFzcw==',
          },
        },
      },
      ['socket.tcp.tls.clientCrt.keyFile', 'socket.tcp.tls.clientCrt.keyPass'],
    ],
  ];

  test.each(credentialCases)(
    '%s is refused unless allowInlineCredentials, with the Git explanation',
    (_name, destination, fields) => {
      const refused = checkDestination(destination);
      expect(refused.errors.map((e) => e.field)).toEqual(fields);
      const message = synthError(ship([destination]).chart);
      for (const field of fields) expect(message).toContain(`destinations[0].${field}: expected no inline`);
      expect(message).toContain('committed to Git in clear text');
      expect(message).not.toContain('cGFzcw=='); // the secret itself is not echoed
      const allowed = { ...destination, allowInlineCredentials: true } as AuditLogDestination;
      expect(checkDestination(allowed).errors).toEqual([]);
      expect(synthValid(ship([allowed]).chart).length).toBeGreaterThan(0);
    },
  );

  // The CRD checks only the values; log-shipper writes each key into VRL (`.<key>="value"`,
  // hooks/internal/vector/transform/extra_fields.go), quoted only when it holds "-", and Loki takes it as a label
  // name ([a-zA-Z_][a-zA-Z0-9_]*).
  test.each<[string, string, string]>([
    ['a space', 'audit source', 'audit_source'],
    ['a dot (a nested field in VRL)', 'audit.source', 'audit_source'],
    ['a leading digit', '1st', '_1st'],
    ['a slash, as in a Kubernetes label key', 'app.kubernetes.io/name', 'app_kubernetes_io_name'],
  ])('an extraLabels key with %s is refused for every type, with the renamed key', (_name, key, renamed) => {
    for (const destination of [
      { type: 'Loki', name: 'l', endpoint: 'https://loki.example.com' },
      { type: 'Elasticsearch', name: 'l', endpoint: 'https://es.example.com:9200', index: 'audit-%F' },
      { type: 'Kafka', name: 'l', bootstrapServers: ['kafka:9092'], topic: 'audit' },
    ] as const) {
      const { chart } = ship([
        { ...destination, extraLabels: { [key]: 'kube_audit' } } as AuditLogDestination,
      ]);
      expect(synthError(chart)).toContain(
        `destinations[0].extraLabels[${JSON.stringify(key)}]: received ${JSON.stringify(key)}, expected a key of ` +
          `letters, digits and "_" not starting with a digit ([a-zA-Z_][a-zA-Z0-9_]*)`,
      );
      expect(synthError(chart)).toContain(`Fix: rename the label, e.g. "${renamed}"`);
    }
  });

  test('an extraLabels key with "-" is quoted by log-shipper for event-field destinations, refused for Loki', () => {
    // escapeVectorString (extra_fields.go) writes `."cluster-name"="prod-1"`: the field arrives as written.
    const extraLabels = { 'cluster-name': 'prod-1', 'k8s-cluster': '{{ verb }}' };
    for (const destination of [
      { type: 'Elasticsearch', name: 'es', endpoint: 'https://es.example.com:9200', index: 'audit-%F' },
      { type: 'Kafka', name: 'kafka', bootstrapServers: ['kafka:9092'], topic: 'audit' },
      { type: 'Logstash', name: 'ls', endpoint: 'logstash.example.com:5044' },
    ] as const) {
      const { chart } = ship([{ ...destination, extraLabels } as AuditLogDestination]);
      expect(destinationSpec(synthValid(chart), destination.name).extraLabels).toEqual(extraLabels);
    }
    const loki = ship([
      {
        type: 'Loki',
        name: 'l',
        endpoint: 'https://loki.example.com',
        extraLabels: { 'cluster-name': 'prod-1' },
      } as AuditLogDestination,
    ]);
    const error = synthError(loki.chart);
    expect(error).toContain('destinations[0].extraLabels["cluster-name"]: received "cluster-name"');
    expect(error).toContain('for a Loki destination: log-shipper quotes a key with "-" for Elasticsearch');
    expect(error).toContain('Fix: rename the label, e.g. "cluster_name"');
  });

  test('extraLabels keys of letters, digits and _ are accepted', () => {
    // Keys like the CRD's x-doc-examples (forwarder, app_info), with values this package accepts for an audit event.
    const extraLabels = {
      forwarder: 'vector',
      app_info: '{{ verb }}',
      _private: 'x',
      Level2: 'y',
    };
    const { chart } = ship([
      { type: 'Elasticsearch', name: 'es', endpoint: 'https://es:9200', index: 'a', extraLabels },
    ]);
    expect(destinationSpec(synthValid(chart), 'es').extraLabels).toEqual(extraLabels);
  });

  test('high-cardinality Loki labels and reserved keys are refused', () => {
    const { chart } = ship([
      {
        type: 'Loki',
        name: 'l',
        endpoint: 'https://l',
        extraLabels: { user: '{{ user.username }}', obj: '{{ objectRef.name }}', pod: 'x', bad: 'a b' },
      },
    ]);
    const message = synthError(chart);
    expect(message).toContain(
      'extraLabels.user: received "{{ user.username }}", expected a low-cardinality field',
    );
    expect(message).toContain('extraLabels.obj: received "{{ objectRef.name }}"');
    expect(message).toContain('extraLabels.pod: received "pod", expected a key other than the reserved');
    expect(message).toContain('extraLabels.bad: received "a b", expected a plain token');
    const opted = ship([
      {
        type: 'Loki',
        name: 'l',
        endpoint: 'https://l',
        extraLabels: { user: '{{ user.username }}' },
        allowHighCardinalityLabels: true,
      },
    ]);
    expect(synthValid(opted.chart)).toHaveLength(2);
  });

  test.each<[string, AuditLogDestination, string]>([
    [
      'endpoint without scheme',
      { type: 'Loki', name: 'l', endpoint: 'loki:3100' },
      'loki.endpoint: received "loki:3100", expected an http:// or https:// URL',
    ],
    [
      'vector without port',
      { type: 'Vector', name: 'v', endpoint: 'vector' },
      'vector.endpoint: received "vector", expected host:port',
    ],
    [
      'kafka without brokers',
      { type: 'Kafka', name: 'k', bootstrapServers: [], topic: 't' },
      'kafka.bootstrapServers: received [], expected at least one host:port',
    ],
    [
      'socket without port',
      { type: 'Socket', name: 's', address: 'siem', mode: 'TCP' },
      'socket.address: received "siem"',
    ],
    [
      'TLS over UDP',
      { type: 'Socket', name: 's', address: 's:514', mode: 'UDP', tls: { caFile: CA } },
      'tls: received {"caFile"',
    ],
    [
      'CA not base64 PEM',
      { type: 'Logstash', name: 'l', endpoint: 'l:5044', tls: { caFile: '-----BEGIN CERTIFICATE-----' } },
      'logstash.tls.caFile: received "-----BEGIN CERTIFICATE-----", expected a base64-encoded PEM certificate',
    ],
    [
      'upper-case name',
      { type: 'Loki', name: 'Loki', endpoint: 'https://l' },
      'name: received "Loki", expected a DNS subdomain',
    ],
    [
      // From JavaScript, or through a cast: TypeScript refuses it at compile time (below).
      'memory buffer with maxSize',
      {
        type: 'Loki',
        name: 'l',
        endpoint: 'https://l',
        buffer: { type: 'Memory', maxSize: '1Gi' } as unknown as BufferOptions,
      },
      'buffer.maxSize: received "1Gi", expected no maxSize for Memory',
    ],
  ])('%s is refused', (_name, destination, expected) => {
    const message = synthError(ship([destination]).chart);
    expect(message).toContain(`destinations[0].${expected}`);
  });

  test("a buffer with the other type's size does not compile (the CRD's buffer is disk.maxSize or memory.maxEvents)", () => {
    // Each line is a compile error (`npm run typecheck` fails on an unused @ts-expect-error); at synth, the
    // same shapes from JavaScript are refused.
    // @ts-expect-error: a memory buffer is sized in events
    const memoryWithSize: BufferOptions = { type: 'Memory', maxSize: '1Gi' };
    // @ts-expect-error: a disk buffer is sized in bytes
    const diskWithEvents: BufferOptions = { type: 'Disk', maxEvents: 1000 };
    for (const buffer of [memoryWithSize, diskWithEvents]) {
      const message = synthError(ship([{ type: 'Loki', name: 'l', endpoint: 'https://l', buffer }]).chart);
      expect(message).toMatch(/destinations\[0\]\.buffer\.(maxSize|maxEvents): received .*, expected no/);
    }
    const valid: BufferOptions[] = [
      { type: 'Disk', maxSize: '2Gi', whenFull: 'Block' },
      { type: 'Memory', maxEvents: 10000, whenFull: 'DropNewest' },
    ];
    expect(valid).toHaveLength(2);
  });

  test('lossy settings are warnings, not errors', () => {
    const check = checkDestination({
      type: 'Socket',
      name: 's',
      address: 's:514',
      mode: 'UDP',
      buffer: { type: 'Memory', whenFull: 'DropNewest' },
      rateLimit: { linesPerMinute: 100 },
    });
    expect(check.errors).toEqual([]);
    expect(check.warnings.map((w) => w.field)).toEqual(['socket.mode', 'buffer.whenFull', 'rateLimit']);
    const tls = checkDestination({
      type: 'Loki',
      name: 'l',
      endpoint: 'https://l',
      tls: { verifyCertificate: false },
    });
    expect(tls.warnings.map((w) => w.field)).toEqual(['loki.tls.verifyCertificate']);
  });
});
