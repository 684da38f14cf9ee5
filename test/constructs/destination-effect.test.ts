// TLS options that log-shipper would not apply. Expected behaviour from Deckhouse's log-shipper hook
// (github.com/deckhouse/deckhouse, modules/460-log-shipper):
// - hooks/internal/vector/destination/{logstash,vector,kafka,socket}.go: `tls.Enabled` is set only when
//   `CAFile != ""` or `CertFile != ""` (after hooks/generate_config.go's overrideTLSSpec copied ca.pem/crt.pem
//   from the Secret of tls.secretRef); otherwise the agent's sink connects without TLS;
// - socket.go reads `spec.TCP.TLS.VerifyHostname`/`VerifyCertificate` (apis/v1alpha1 SocketTCPSpec is
//   `{ TLS CommonTLSSpec }`), while the CRD (crds/cluster-log-destination.yaml) has the two flags beside
//   `tls` under `socket.tcp`, not inside it: the flags the CRD accepts are never read;
// - loki.go, elasticsearch.go, splunk.go: HTTP sinks, whose endpoint URL decides TLS (http:// is plain).
import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import {
  AuditLogDestination,
  AuditLogShipping,
  base64Pem,
  checkDestination,
  collectWarnings,
  contains,
  exact,
} from '../../src/constructs';
import { synthError, synthValid } from './helpers';

const CA = base64Pem('-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n');
const KEY = base64Pem('-----BEGIN PRIVATE KEY-----\nMIIBfake\n-----END PRIVATE KEY-----\n');

function errorsOf(destination: AuditLogDestination): string[] {
  return checkDestination(destination).errors.map((e) => e.field);
}

describe('TLS options log-shipper would not apply', () => {
  const plainTls = { verifyHostname: false, verifyCertificate: false };

  test.each<[string, AuditLogDestination, string]>([
    [
      'Kafka',
      { type: 'Kafka', name: 'k', bootstrapServers: ['k:9093'], topic: 't', tls: plainTls },
      'kafka.tls',
    ],
    ['Logstash', { type: 'Logstash', name: 'l', endpoint: 'l:5044', tls: {} }, 'logstash.tls'],
    [
      'Socket (empty tls)',
      { type: 'Socket', name: 's', address: 's:6514', mode: 'TCP', tls: {} },
      'socket.tcp',
    ],
    [
      'Vector',
      { type: 'Vector', name: 'v', endpoint: 'v:6000', tls: { verifyHostname: true } },
      'vector.tls',
    ],
    [
      'Socket',
      { type: 'Socket', name: 's', address: 's:6514', mode: 'TCP', tls: { verifyHostname: true } },
      'socket.tcp',
    ],
  ])(
    '%s: tls without a CA or client certificate is refused (log-shipper would connect in plain text)',
    (_, d, field) => {
      expect(errorsOf(d)).toEqual([field]);
      const message = synthError(
        (() => {
          const chart = Testing.chart();
          new AuditLogShipping(chart, 'Shipping', { destinations: [d] });
          return chart;
        })(),
      );
      expect(message).toContain(`[test/Shipping] destinations[0].${field}: `);
      expect(message).toContain('plain text');
      expect(message).toContain('Fix: ');
    },
  );

  test.each<[string, AuditLogDestination]>([
    ['caFile', { type: 'Kafka', name: 'k', bootstrapServers: ['k:9093'], topic: 't', tls: { caFile: CA } }],
    [
      'secretRef',
      { type: 'Logstash', name: 'l', endpoint: 'l:5044', tls: { secretRef: { name: 'ls-tls' } } },
    ],
    [
      'clientCrt',
      {
        type: 'Vector',
        name: 'v',
        endpoint: 'v:6000',
        tls: { clientCrt: { crtFile: CA, keyFile: KEY }, verifyHostname: false },
        allowInlineCredentials: true,
      },
    ],
    ['no tls at all', { type: 'Socket', name: 's', address: 's:6514', mode: 'TCP' }],
  ])('TLS turned on by %s is accepted', (_, d) => {
    expect(errorsOf(d)).toEqual([]);
  });

  test.each(['verifyHostname', 'verifyCertificate'] as const)(
    'Socket: %s false is refused (log-shipper reads it where the CRD has no field: the check stays on)',
    (flag) => {
      const d: AuditLogDestination = {
        type: 'Socket',
        name: 's',
        address: 's:6514',
        mode: 'TCP',
        tls: { caFile: CA, [flag]: false },
      };
      const check = checkDestination(d);
      expect(check.errors.map((e) => e.field)).toEqual([`socket.tcp.${flag}`]);
      expect(check.errors[0].expected).toContain('socket.tcp.tls');
      // One message for the flag, not a warning beside the error.
      expect(check.warnings.map((w) => w.field)).not.toContain(`socket.tcp.tls.${flag}`);
    },
  );

  test('Socket: verify flags left on are rendered as the CRD places them and accepted', () => {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', {
      destinations: [
        {
          type: 'Socket',
          name: 's',
          address: 's:6514',
          mode: 'TCP',
          tls: { caFile: CA, verifyHostname: true, verifyCertificate: true },
        },
      ],
    });
    const [destination] = synthValid(chart).filter((o) => o.kind === 'ClusterLogDestination');
    expect(destination.spec.socket.tcp).toEqual({
      tls: { caFile: CA },
      verifyHostname: true,
      verifyCertificate: true,
    });
  });

  test.each<[string, AuditLogDestination, string]>([
    ['Loki', { type: 'Loki', name: 'l', endpoint: 'http://loki:3100', tls: { caFile: CA } }, 'loki.tls'],
    [
      'Elasticsearch',
      { type: 'Elasticsearch', name: 'e', endpoint: 'http://es:9200', tls: { verifyCertificate: false } },
      'elasticsearch.tls',
    ],
    [
      'Splunk',
      {
        type: 'Splunk',
        name: 's',
        endpoint: 'http://splunk:8088',
        token: 't',
        allowInlineCredentials: true,
        tls: { secretRef: { name: 'splunk-tls' } },
      },
      'splunk.tls',
    ],
  ])('%s: tls with an http:// endpoint is refused (sent in plain text)', (_, d, field) => {
    const check = checkDestination(d);
    expect(check.errors.map((e) => e.field)).toEqual([field]);
    expect(check.errors[0].fix).toContain('https://');
  });

  test('HTTP destinations: tls with an https:// endpoint is accepted', () => {
    expect(errorsOf({ type: 'Loki', name: 'l', endpoint: 'HTTPS://loki:3100', tls: { caFile: CA } })).toEqual(
      [],
    );
  });

  test('an escape-hatch patch that turns a Socket flag off or drops the CA fails synth too', () => {
    const chart = Testing.chart();
    const shipping = new AuditLogShipping(chart, 'Shipping', {
      destinations: [
        { type: 'Socket', name: 's', address: 's:6514', mode: 'TCP', tls: { caFile: CA } },
        { type: 'Kafka', name: 'k', bootstrapServers: ['k:9093'], topic: 't', tls: { caFile: CA } },
      ],
    });
    shipping.destinations.get('s')!.addJsonPatch(JsonPatch.add('/spec/socket/tcp/verifyCertificate', false));
    shipping.destinations.get('k')!.addJsonPatch(JsonPatch.remove('/spec/kafka/tls/caFile'));
    const message = synthError(chart);
    expect(message).toContain(
      '[test/Shipping] destinations[0].socket.tcp.verifyCertificate: received false, expected no verifyCertificate: false',
    );
    expect(message).toContain(
      '[test/Shipping] destinations[1].kafka.tls: expected a CA or a client certificate',
    );
    expect(message).toContain('(an escape-hatch patch?)');
  });
});

describe('TLS from a Secret the app defines without a CA or client certificate', () => {
  const WATCHED = { 'log-shipper.deckhouse.io/watch-secret': 'true' };
  // cert-manager's key names, which log-shipper does not read (it reads ca.pem, crt.pem, key.pem, keyPass).
  const certManagerKeys = { 'ca.crt': CA, 'tls.crt': CA };

  function app(destination: AuditLogDestination, data: Record<string, string>) {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', { destinations: [destination] });
    new ApiObject(chart, 'Tls', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'siem-tls', namespace: 'd8-log-shipper', labels: WATCHED },
      data,
    });
    return chart;
  }
  const tls = { secretRef: { name: 'siem-tls' } };
  const socket: AuditLogDestination = { type: 'Socket', name: 's', address: 's:6514', mode: 'TCP', tls };
  const kafka: AuditLogDestination = {
    type: 'Kafka',
    name: 'k',
    bootstrapServers: ['k:9093'],
    topic: 't',
    tls,
  };

  test.each<[string, AuditLogDestination, string]>([
    ['Socket', socket, 'socket.tcp.tls.secretRef.name'],
    ['Kafka', kafka, 'kafka.tls.secretRef.name'],
  ])(
    '%s: a Secret without ca.pem or crt.pem is refused (log-shipper would connect in plain text)',
    (_, d, field) => {
      const message = synthError(app(d, certManagerKeys));
      expect(message).toContain(
        `[test/Shipping] destinations[0].${field}: received "Secret/siem-tls with keys`,
      );
      expect(message).toContain('plain text');
      expect(message).toContain('Fix: ');
    },
  );

  test('with ca.pem in the Secret, or a caFile beside secretRef, it is accepted', () => {
    synthValid(app(socket, { 'ca.pem': CA }));
    synthValid(app({ ...kafka, tls: { ...tls, caFile: CA } }, certManagerKeys));
  });

  test('Loki over https:// keeps TLS with the system CAs: the unknown keys stay a warning', () => {
    const chart = app({ type: 'Loki', name: 'l', endpoint: 'https://loki', tls }, certManagerKeys);
    synthValid(chart);
    expect(collectWarnings(chart).join('\n')).toContain('expected the keys log-shipper reads');
  });
});

// The CRD (crds/cluster-log-destination.yaml) names the AWS secret key `elasticsearch.auth.awsSecretKey`; the Go
// types log-shipper decodes the object into (apis/v1alpha1 and apis/v1alpha2 cluster_log_destination.go,
// ElasticsearchAuthSpec) read it from `awsSecretAccessKey`, a field the CRD does not have (the API server prunes
// it). hooks/internal/vector/destination/elasticsearch.go then passes an empty secret_access_key to the agent.
describe('Elasticsearch AWS authentication log-shipper cannot read', () => {
  test('strategy AWS is refused, with the reason and a way out', () => {
    const check = checkDestination({
      type: 'Elasticsearch',
      name: 'es',
      endpoint: 'https://search.example.eu-west-1.es.amazonaws.com',
      auth: { strategy: 'AWS', awsAccessKey: 'QUtJQQ==', awsSecretKey: 'c2VjcmV0', awsRegion: 'eu-west-1' },
      allowInlineCredentials: true,
    });
    expect(check.errors.map((e) => e.field)).toEqual(['elasticsearch.auth.strategy']);
    expect(check.errors[0].expected).toContain('awsSecretAccessKey');
    expect(check.errors[0].fix).toContain('Basic');
  });

  test('without allowInlineCredentials the AWS keys are refused too, as credentials in Git', () => {
    const check = checkDestination({
      type: 'Elasticsearch',
      name: 'es',
      endpoint: 'https://es:9200',
      auth: { strategy: 'AWS', awsAccessKey: 'YQ==', awsSecretKey: 'Yg==' },
    });
    expect(check.errors.map((e) => e.field)).toEqual([
      'elasticsearch.auth.awsAccessKey',
      'elasticsearch.auth.awsSecretKey',
      'elasticsearch.auth.strategy',
    ]);
  });

  test('Basic authentication is accepted', () => {
    expect(
      errorsOf({
        type: 'Elasticsearch',
        name: 'es',
        endpoint: 'https://es:9200',
        auth: { user: 'shipper', password: 'cGFzcw==' },
        allowInlineCredentials: true,
      }),
    ).toEqual([]);
  });
});

// log-shipper applies rateLimit (a throttle transform) and Kafka's key_field to the log record, not to the audit
// event inside it: deckhouse modules/460-log-shipper/hooks/testdata/throttle-with-filter (manifests.yaml
// `excludes: [{ field: bar, operator: Exists }, { field: foo, ... }]`, `keyField: namespace` → result.json
// `exists(.bar)`, `.foo`, `"key_field": "namespace"`: no parsed_data prefix, unlike logFilter's, which
// transform/filter.go prefixes with parsed_data) and testdata/file-to-kafka (a File source on
// /var/log/kube-audit/audit.log: the record is `message` (the event's JSON text), `host`, `timestamp`, no parsed
// copy; `keyField: host` → `"key_field": "host"`). An audit event field there names nothing.
describe('rate limits and Kafka keys on audit event fields, which log-shipper never sees there', () => {
  const LOKI = { type: 'Loki' as const, name: 'l', endpoint: 'https://loki' };

  test.each<[string, AuditLogDestination, string]>([
    [
      'an exclusion on objectRef.resource',
      { ...LOKI, rateLimit: { linesPerMinute: 600, excludes: [exact('objectRef.resource', 'secrets')] } },
      'rateLimit.excludes[0].field',
    ],
    [
      'a rate-limit key on user.username',
      { ...LOKI, rateLimit: { linesPerMinute: 600, keyField: 'user.username' } },
      'rateLimit.keyField',
    ],
    [
      'a Kafka key on auditID',
      { type: 'Kafka', name: 'k', bootstrapServers: ['k:9093'], topic: 't', keyField: 'auditID' },
      'kafka.keyField',
    ],
  ])('%s is refused, with what to write instead', (_, d, field) => {
    const check = checkDestination(d);
    expect(check.errors.map((e) => e.field)).toEqual([field]);
    expect(check.errors[0].expected).toContain('message');
  });

  test('the exclusion the fix proposes, on the event text, is accepted and rendered as it is', () => {
    const d: AuditLogDestination = {
      ...LOKI,
      rateLimit: { linesPerMinute: 600, excludes: [contains('message', '"resource":"secrets"')] },
    };
    expect(errorsOf(d)).toEqual([]);
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', { destinations: [d] });
    const [destination] = synthValid(chart).filter((o) => o.kind === 'ClusterLogDestination');
    expect(destination.spec.rateLimit.excludes).toEqual([
      { field: 'message', operator: 'Regex', values: ['.*"resource":"secrets".*'] },
    ]);
  });

  test('record fields (host, node) stay accepted as keys', () => {
    expect(
      errorsOf({ type: 'Kafka', name: 'k', bootstrapServers: ['k:9093'], topic: 't', keyField: 'host' }),
    ).toEqual([]);
    expect(errorsOf({ ...LOKI, rateLimit: { linesPerMinute: 600, keyField: '{{ node }}' } })).toEqual([]);
  });
});

// extraLabels reach the event only where log-shipper applies them. Before deckhouse PR #16989 (merged 2025-12-11),
// hooks/internal/vector/transform/destination.go (at 417901f7) adds the extra_fields transform (which parses the
// message into parsed_data first, transform/extra_fields.go at 97e3d9e0) for Elasticsearch, Logstash, Vector and
// Kafka, loki.go renders them as `{{ parsed_data.<path> }}` labels after a parse_json transform (testdata/file-to-loki
// at 94a87d61), and destination/socket.go (at 417901f7) and splunk.go never read them.
describe('extraLabels on a destination older log-shipper releases drop them for', () => {
  test.each<[string, AuditLogDestination]>([
    [
      'Socket',
      { type: 'Socket', name: 's', address: 's:6514', mode: 'TCP', extraLabels: { verb: '{{ verb }}' } },
    ],
    [
      'Splunk',
      {
        type: 'Splunk',
        name: 'sp',
        endpoint: 'https://splunk:8088',
        token: 'dG9rZW4=',
        allowInlineCredentials: true,
        extraLabels: { cluster: 'prod-1' },
      },
    ],
  ])('%s: a warning that names the change that applies them', (_, d) => {
    const check = checkDestination(d);
    expect(check.errors).toEqual([]);
    const warning = check.warnings.find((w) => w.field === 'extraLabels');
    expect(warning?.expected).toContain('PR #16989');
  });

  test('Kafka and Loki (which every release applies them to) get no such warning', () => {
    const kafka: AuditLogDestination = {
      type: 'Kafka',
      name: 'k',
      bootstrapServers: ['k:9093'],
      topic: 't',
      extraLabels: { verb: '{{ verb }}' },
    };
    expect(checkDestination(kafka).warnings.map((w) => w.field)).not.toContain('extraLabels');
    const loki: AuditLogDestination = { type: 'Loki', name: 'l', endpoint: 'https://loki' };
    expect(checkDestination(loki).warnings.map((w) => w.field)).not.toContain('extraLabels');
  });
});
