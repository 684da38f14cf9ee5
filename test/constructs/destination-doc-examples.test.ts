// Destinations written as Deckhouse documents them (modules/460-log-shipper/docs/EXAMPLES.md and the Go code that
// renders the agent's config, hooks/internal/vector): what log-shipper accepts must synthesize, what it ignores or
// breaks must be refused. Expected values come from those sources, not from this package's output.
import { JsonPatch, Testing } from 'cdk8s';
import { AuditLogDestination, AuditLogShipping } from '../../src/constructs';
import { Manifest, ofKind, synthError, synthValid } from './helpers';

function ship(destinations: AuditLogDestination[]) {
  const chart = Testing.chart();
  new AuditLogShipping(chart, 'Shipping', { destinations });
  return chart;
}

function specOf(objects: Manifest[], name: string): Manifest {
  const found = ofKind(objects, 'ClusterLogDestination').find((o) => o.metadata.name === name);
  if (!found) throw new Error(`no destination ${name}`);
  return found.spec;
}

describe('extraLabels that set the header of the message encoding', () => {
  test('Syslog: syslog.severity and syslog.message_id on a Socket (EXAMPLES.md "Syslog")', () => {
    // The example's {{ request_id }} is a field of its application's log; an audit event's own ID is auditID.
    const extraLabels = { 'syslog.severity': 'alert', 'syslog.message_id': '{{ auditID }}' };
    const objects = synthValid(
      ship([
        {
          type: 'Socket',
          name: 'rsyslog',
          address: '192.168.0.1:3000',
          mode: 'TCP',
          encoding: 'Syslog',
          extraLabels,
        },
      ]),
    );
    expect(specOf(objects, 'rsyslog').extraLabels).toEqual(extraLabels);
    expect(specOf(objects, 'rsyslog').socket.encoding).toEqual({ codec: 'Syslog' });
  });

  test('CEF: cef.name and cef.severity on Kafka (EXAMPLES.md "Logs in CEF Format")', () => {
    const extraLabels = { 'cef.name': 'TestName', 'cef.severity': '1' };
    const objects = synthValid(
      ship([
        {
          type: 'Kafka',
          name: 'siem-kafka',
          bootstrapServers: ['my-cluster-kafka-brokers.kafka:9092'],
          topic: 'logs',
          encoding: 'CEF',
          extraLabels,
        },
      ]),
    );
    expect(specOf(objects, 'siem-kafka').extraLabels).toEqual(extraLabels);
  });

  test('a header key without its encoding is refused, saying which encoding reads it', () => {
    const error = synthError(
      ship([
        {
          type: 'Kafka',
          name: 'k',
          bootstrapServers: ['kafka:9092'],
          topic: 'audit',
          extraLabels: { 'cef.name': 'kube-audit' },
        },
      ]),
    );
    expect(error).toContain(
      'destinations[0].extraLabels["cef.name"]: received "cef.name", expected a key of letters, digits and "_"',
    );
    expect(error).toContain('read only by the CEF encoding of a Kafka or Socket destination');
    expect(error).toContain('Fix: set encoding: "CEF" on a Kafka or Socket destination, or remove the label');
  });

  test('a syslog.severity that is not a syslog keyword is refused (VRL to_syslog_severity)', () => {
    const error = synthError(
      ship([
        {
          type: 'Socket',
          name: 's',
          address: 'siem.example.com:6514',
          mode: 'TCP',
          encoding: 'Syslog',
          extraLabels: { 'syslog.severity': 'high' },
        },
      ]),
    );
    expect(error).toContain(
      'destinations[0].extraLabels["syslog.severity"]: received "high", expected a syslog severity keyword ' +
        '(emerg, alert, crit, err, warning, notice, info, debug)',
    );
  });
});

describe('endpoints that already hold the path the agent appends', () => {
  test.each<[string, AuditLogDestination, string, string]>([
    [
      'Loki with the Promtail push path (EXAMPLES.md "Migration from Promtail to Log-Shipper")',
      { type: 'Loki', name: 'l', endpoint: 'http://loki.loki:3100/loki/api/v1/push' },
      'destinations[0].loki.endpoint: received "http://loki.loki:3100/loki/api/v1/push", expected the base URL, without /loki/api/v1/push',
      'Fix: use "http://loki.loki:3100"',
    ],
    [
      'Splunk with the HEC path (EXAMPLES.md "Splunk integration": port 8088 and no path)',
      {
        type: 'Splunk',
        name: 's',
        endpoint: 'https://prd-p-xxxxxx.splunkcloud.com:8088/services/collector/event',
        token: 'xxxx-xxxx-xxxx',
        allowInlineCredentials: true,
      },
      'destinations[0].splunk.endpoint: received "https://prd-p-xxxxxx.splunkcloud.com:8088/services/collector/event", expected the base URL, without /services/collector',
      'Fix: use "https://prd-p-xxxxxx.splunkcloud.com:8088"',
    ],
    [
      'Elasticsearch with the bulk API path',
      { type: 'Elasticsearch', name: 'e', endpoint: 'https://es.example.com:9200/_bulk', index: 'audit-%F' },
      'destinations[0].elasticsearch.endpoint: received "https://es.example.com:9200/_bulk", expected the base URL, without /_bulk',
      'Fix: use "https://es.example.com:9200"',
    ],
  ])('%s is refused', (_name, destination, message, fix) => {
    const error = synthError(ship([destination]));
    expect(error).toContain(message);
    expect(error).toContain(fix);
  });

  test('the documented base URLs are accepted', () => {
    const objects = synthValid(
      ship([
        { type: 'Loki', name: 'loki-storage', endpoint: 'http://loki.loki:3100' },
        {
          type: 'Splunk',
          name: 'splunk',
          endpoint: 'https://prd-p-xxxxxx.splunkcloud.com:8088',
          token: 'xxxx-xxxx-xxxx',
          index: 'logs',
          allowInlineCredentials: true,
        },
      ]),
    );
    expect(specOf(objects, 'loki-storage').loki.endpoint).toBe('http://loki.loki:3100');
    expect(specOf(objects, 'splunk').splunk).toEqual({
      endpoint: 'https://prd-p-xxxxxx.splunkcloud.com:8088',
      token: 'xxxx-xxxx-xxxx',
      index: 'logs',
    });
  });
});

describe('Elasticsearch data streams', () => {
  // log-shipper's elasticsearch.go: dataStreamEnabled sets `mode: data_stream` and passes index as `bulk.index`; a
  // docType sets `api_version: v6`. The CRD: data streams need Elasticsearch >= 7.16, docType is for <= 6.
  test('an index beside dataStreamEnabled is refused (the data stream does not use it)', () => {
    const error = synthError(
      ship([
        {
          type: 'Elasticsearch',
          name: 'es',
          endpoint: 'https://es.example.com:9200',
          dataStreamEnabled: true,
          index: 'audit-%F',
        },
      ]),
    );
    expect(error).toContain(
      'destinations[0].elasticsearch.index: received "audit-%F", expected no index with dataStreamEnabled',
    );
    expect(error).toContain('Fix: remove index (events go to logs-generic-default)');
  });

  test('a docType beside dataStreamEnabled is refused (Elasticsearch 6 API against a 7.16+ feature)', () => {
    const error = synthError(
      ship([
        {
          type: 'Elasticsearch',
          name: 'es',
          endpoint: 'https://es.example.com:9200',
          dataStreamEnabled: true,
          docType: '_doc',
        },
      ]),
    );
    expect(error).toContain(
      'destinations[0].elasticsearch.docType: received "_doc", expected no docType with dataStreamEnabled',
    );
  });

  test('the documented forms are accepted: docType alone (EXAMPLES.md "Elasticsearch < 6.X"), a data stream alone', () => {
    const objects = synthValid(
      ship([
        { type: 'Elasticsearch', name: 'es6', endpoint: 'http://192.168.1.1:9200', docType: 'myDocType' },
        {
          type: 'Elasticsearch',
          name: 'ds',
          endpoint: 'https://es.example.com:9200',
          dataStreamEnabled: true,
        },
        {
          type: 'Elasticsearch',
          name: 'templated',
          endpoint: 'http://192.168.1.1:9200',
          index: 'k8s-{{ service }}-%F',
          extraLabels: { service: 'kube_audit' },
        },
      ]),
    );
    expect(specOf(objects, 'es6').elasticsearch).toEqual({
      endpoint: 'http://192.168.1.1:9200',
      docType: 'myDocType',
    });
    expect(specOf(objects, 'ds').elasticsearch.dataStreamEnabled).toBe(true);
    expect(specOf(objects, 'templated').elasticsearch.index).toBe('k8s-{{ service }}-%F');
  });
});

describe('Kafka SASL', () => {
  // kafka.go: `sasl.Enabled` only when mechanism, username and password are all non-empty; the CRD requires the
  // three fields but not that they are non-empty.
  test.each(['username', 'password'] as const)('an empty %s is refused (SASL would be off)', (key) => {
    const sasl = { mechanism: 'SCRAM-SHA-512' as const, username: 'audit', password: 's3cret', [key]: '' };
    const error = synthError(
      ship([
        {
          type: 'Kafka',
          name: 'k',
          bootstrapServers: ['kafka-0.example.com:9093'],
          topic: 'kube-audit',
          sasl,
          allowInlineCredentials: true,
        },
      ]),
    );
    expect(error).toContain(`destinations[0].kafka.sasl.${key}: received "", expected a non-empty ${key}`);
    expect(error).toContain('so the agent would connect without authenticating');
  });

  test('SASL with all three fields set is accepted with allowInlineCredentials', () => {
    const sasl = { mechanism: 'SCRAM-SHA-512' as const, username: 'audit', password: 's3cret' };
    const objects = synthValid(
      ship([
        {
          type: 'Kafka',
          name: 'k',
          bootstrapServers: ['kafka-0.example.com:9093'],
          topic: 'kube-audit',
          sasl,
          allowInlineCredentials: true,
        },
      ]),
    );
    expect(specOf(objects, 'k').kafka.sasl).toEqual(sasl);
  });
});

describe('addresses and names the agent cannot use though the CRD accepts them', () => {
  // logstash.go and socket.go hand the address to the agent's socket sink, which takes host:port.
  test.each<[string, AuditLogDestination, string, string]>([
    [
      'a Logstash endpoint with a scheme',
      { type: 'Logstash', name: 'logstash', endpoint: 'tcp://logstash.default:12345' },
      'destinations[0].logstash.endpoint: received "tcp://logstash.default:12345", expected host:port without a scheme',
      'Fix: use "logstash.default:12345"',
    ],
    [
      'a Socket address with a scheme',
      { type: 'Socket', name: 's', address: 'tcp://192.168.0.1:3000', mode: 'TCP' },
      'destinations[0].socket.address: received "tcp://192.168.0.1:3000", expected host:port without a scheme',
      'Fix: use "192.168.0.1:3000"',
    ],
    [
      'a Socket address with a space',
      { type: 'Socket', name: 's', address: 'siem example.com:6514', mode: 'TCP' },
      'destinations[0].socket.address: received "siem example.com:6514", expected host:port without spaces',
      'Fix: remove them, e.g. "siem.example.com:6514"',
    ],
    [
      // Elasticsearch index names are lowercase (its create-index API); the CRD's x-doc example is "logs-%F".
      'an Elasticsearch index with uppercase letters',
      { type: 'Elasticsearch', name: 'e', endpoint: 'https://es.example.com:9200', index: 'Kube-Audit-%F' },
      'destinations[0].elasticsearch.index: received "Kube-Audit-%F", expected an index name Elasticsearch accepts',
      'Fix: e.g. "kube-audit-%F"',
    ],
    [
      // Splunk index names: lowercase letters, digits, "_" and "-" (EXAMPLES.md's index is "logs").
      'a Splunk index with uppercase letters',
      {
        type: 'Splunk',
        name: 's',
        endpoint: 'https://prd-p-xxxxxx.splunkcloud.com:8088',
        token: 'xxxx-xxxx-xxxx',
        index: 'Kube-Audit',
        allowInlineCredentials: true,
      },
      'destinations[0].splunk.index: received "Kube-Audit", expected an index name Splunk accepts',
      'Fix: e.g. "kube-audit"',
    ],
    [
      'an Elasticsearch index starting with "_"',
      { type: 'Elasticsearch', name: 'e', endpoint: 'https://es.example.com:9200', index: '_audit' },
      'it starts with "_", so every bulk request would fail',
      'Fix: e.g. "audit"',
    ],
  ])('%s is refused', (_name, destination, message, fix) => {
    const error = synthError(ship([destination]));
    expect(error).toContain(message);
    expect(error).toContain(fix);
  });

  test('the documented forms are accepted (EXAMPLES.md: Logstash, Graylog, index templates)', () => {
    const objects = synthValid(
      ship([
        { type: 'Logstash', name: 'logstash', endpoint: 'logstash.default:12345' },
        {
          type: 'Socket',
          name: 'test-socket2-dest',
          address: 'graylog.svc.cluster.local:9200',
          mode: 'TCP',
          encoding: 'GELF',
        },
        {
          type: 'Elasticsearch',
          name: 'es',
          endpoint: 'http://192.168.1.1:9200',
          index: 'k8s-{{ namespace }}-%F',
        },
      ]),
    );
    expect(specOf(objects, 'logstash').logstash.endpoint).toBe('logstash.default:12345');
    expect(specOf(objects, 'test-socket2-dest').socket).toMatchObject({
      address: 'graylog.svc.cluster.local:9200',
      mode: 'TCP',
      encoding: { codec: 'GELF' },
    });
    expect(specOf(objects, 'es').elasticsearch.index).toBe('k8s-{{ namespace }}-%F');
  });
});

describe('empty authentication fields', () => {
  // loki.go / elasticsearch.go write user, password and token with omitempty: an empty one is not in the agent's
  // config at all, though the CRD (its oneOf per strategy) counts it as present.
  test.each<[string, AuditLogDestination, string]>([
    [
      'a Loki Bearer token',
      {
        type: 'Loki',
        name: 'l',
        endpoint: 'https://loki.example.com',
        auth: { strategy: 'Bearer', token: '' },
        allowInlineCredentials: true,
      },
      'destinations[0].loki.auth.token: received "", expected a non-empty token',
    ],
    [
      'a Loki Basic user (EXAMPLES.md "Working with Grafana Cloud" with the user left out)',
      {
        type: 'Loki',
        name: 'l',
        endpoint: 'https://logs-prod-us-central1.grafana.net',
        auth: { strategy: 'Basic', user: '', password: 'PFlPVVItR1JBRkFOQUNMT1VELVRPS0VOPg==' },
        allowInlineCredentials: true,
      },
      'destinations[0].loki.auth.user: received "", expected a non-empty user',
    ],
    [
      'an Elasticsearch Basic password',
      {
        type: 'Elasticsearch',
        name: 'e',
        endpoint: 'http://192.168.1.1:9200',
        index: 'logs-%F',
        auth: { strategy: 'Basic', user: 'elastic', password: '' },
        allowInlineCredentials: true,
      },
      'destinations[0].elasticsearch.auth.password: received "", expected a non-empty password',
    ],
  ])('%s that is empty is refused', (_name, destination, message) => {
    expect(synthError(ship([destination]))).toContain(message);
  });
});

describe('Kafka topic names', () => {
  // Kafka's topic rule: letters, digits, ".", "_", "-", at most 249 characters; the CRD's topic is a template.
  test('a topic with a space or a slash outside the template is refused, the template kept in the fix', () => {
    const error = synthError(
      ship([{ type: 'Kafka', name: 'k', bootstrapServers: ['kafka:9092'], topic: 'kube audit/{{ host }}' }]),
    );
    expect(error).toContain(
      'destinations[0].kafka.topic: received "kube audit/{{ host }}", expected a topic name Kafka accepts',
    );
    expect(error).toContain('Fix: e.g. "kube-audit-{{ host }}"');
  });

  test("the CRD's examples are accepted: logs, logs-{{unit}}-%Y-%m-%d", () => {
    for (const topic of ['logs', 'logs-{{unit}}-%Y-%m-%d']) {
      const objects = synthValid(
        ship([{ type: 'Kafka', name: 'k', bootstrapServers: ['kafka:9092'], topic }]),
      );
      expect(specOf(objects, 'k').kafka.topic).toBe(topic);
    }
  });
});

// The agent renders the templates of a sink's own settings on the log record, in which the audit event is the JSON
// text of `message` (log-shipper passes index/topic on as written: hooks/internal/vector/destination/elasticsearch.go
// `Bulk.Index: spec.Index`, kafka.go `Topic: spec.Topic`; Vector's sinks on a failed render: elasticsearch `index`
// and kafka `topic` drop the event, loki `tenant_id` and splunk_hec `index` leave the setting out). Routing on an
// event field goes through a label, as EXAMPLES.md "Index template for Elasticsearch" does
// (`extraLabels: { service: "{{ service_name }}" }`, `index: "k8s-{{ service }}-%F"`).
describe("templates of a sink's settings name fields of the log record", () => {
  test.each<[string, AuditLogDestination, string, string]>([
    [
      'an Elasticsearch index on objectRef.namespace (every event dropped)',
      {
        type: 'Elasticsearch',
        name: 'es',
        endpoint: 'https://es.example.com:9200',
        index: 'audit-{{ objectRef.namespace }}-%F',
      },
      'destinations[0].elasticsearch.index: received "audit-{{ objectRef.namespace }}-%F", expected a template of fields of the log record',
      'Fix: copy the field into a label and name the label: extraLabels: { audit_namespace: "{{ objectRef.namespace }}" } with "audit-{{ audit_namespace }}-%F"',
    ],
    [
      'a Kafka topic on objectRef.resource (every event dropped)',
      { type: 'Kafka', name: 'k', bootstrapServers: ['kafka:9092'], topic: 'audit-{{ objectRef.resource }}' },
      'destinations[0].kafka.topic: received "audit-{{ objectRef.resource }}", expected a template of fields of the log record',
      'with "audit-{{ audit_resource }}"',
    ],
    [
      'a Loki tenant on verb (sent without a tenant)',
      { type: 'Loki', name: 'l', endpoint: 'https://loki.example.com', tenantId: '{{ verb }}' },
      'destinations[0].loki.tenantId: received "{{ verb }}", expected a template of fields of the log record',
      'without a tenant ID (X-Scope-OrgID). Fix: write a fixed value, e.g. "audit"',
    ],
    [
      'a Splunk index on user.username (sent to the default index)',
      {
        type: 'Splunk',
        name: 's',
        endpoint: 'https://splunk.example.com:8088',
        token: 'hec-token',
        allowInlineCredentials: true,
        index: 'audit_{{ user.username }}',
      },
      'destinations[0].splunk.index: received "audit_{{ user.username }}", expected a template of fields of the log record',
      "to the token's default index instead. Fix: write a fixed value",
    ],
  ])('%s is refused', (_case, destination, line, fix) => {
    const error = synthError(ship([destination]));
    expect(error).toContain(line);
    expect(error).toContain(fix);
  });

  test('the documented forms are accepted: a label named in the index, record fields, the CRD topic example', () => {
    const objects = synthValid(
      ship([
        {
          type: 'Elasticsearch',
          name: 'es',
          endpoint: 'https://es.example.com:9200',
          index: 'audit-{{ audit_namespace }}-%F',
          extraLabels: { audit_namespace: '{{ objectRef.namespace }}' },
        },
        {
          type: 'Elasticsearch',
          name: 'es-pods',
          endpoint: 'http://192.168.1.1:9200',
          index: 'k8s-{{ namespace }}-%F',
        },
        { type: 'Kafka', name: 'k', bootstrapServers: ['kafka:9092'], topic: 'logs-{{unit}}-%Y-%m-%d' },
        { type: 'Loki', name: 'l', endpoint: 'https://loki.example.com', tenantId: 'audit' },
      ]),
    );
    expect(specOf(objects, 'es').elasticsearch.index).toBe('audit-{{ audit_namespace }}-%F');
    expect(specOf(objects, 'k').kafka.topic).toBe('logs-{{unit}}-%Y-%m-%d');
  });

  test('an escape-hatch patch that puts an audit event field in the index fails synth too', () => {
    const chart = Testing.chart();
    const shipping = new AuditLogShipping(chart, 'Shipping', {
      destinations: [
        { type: 'Elasticsearch', name: 'es', endpoint: 'https://es.example.com:9200', index: 'audit-%F' },
      ],
    });
    shipping.destinations
      .get('es')
      ?.addJsonPatch(JsonPatch.replace('/spec/elasticsearch/index', 'audit-{{ verb }}'));
    expect(synthError(chart)).toContain('expected a template of fields of the log record');
  });
});
