import { AuditLogDestination, contains } from '../../src/constructs';
import { ofKind, synthValid, yamlOf } from './helpers';
import { CA, destinationSpec, ship } from './audit-log-shipping-helpers';

describe('AuditLogShipping: every destination type', () => {
  const tls = { caFile: CA, verifyHostname: true };
  const all: AuditLogDestination[] = [
    { type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com', tenantId: 'audit', tls },
    {
      type: 'Elasticsearch',
      name: 'es',
      endpoint: 'https://es.example.com:9200',
      dataStreamEnabled: true, // no index: a data stream does not use it (destination-doc-examples.test.ts)
      tls,
    },
    { type: 'Logstash', name: 'logstash', endpoint: 'logstash.example.com:5044', tls },
    { type: 'Vector', name: 'vector', endpoint: 'vector.example.com:6000', tls },
    {
      type: 'Kafka',
      name: 'kafka',
      bootstrapServers: ['kafka-0.example.com:9093', 'kafka-1.example.com:9093'],
      topic: 'kube-audit',
      encoding: 'CEF',
      keyField: 'host', // a field of the log record, not of the audit event (destination-effect.test.ts)
      tls,
    },
    {
      type: 'Splunk',
      name: 'splunk',
      endpoint: 'https://splunk.example.com:8088',
      token: 'hec-token',
      index: 'audit',
      allowInlineCredentials: true,
    },
    ...(['Text', 'JSON', 'Syslog', 'CEF', 'GELF'] as const).map((encoding): AuditLogDestination => ({
      type: 'Socket',
      name: `socket-tcp-${encoding.toLowerCase()}`,
      address: 'siem.example.com:6514',
      mode: 'TCP',
      encoding,
      tls: { caFile: CA, verifyCertificate: true },
    })),
    { type: 'Socket', name: 'socket-udp', address: 'siem.example.com:514', mode: 'UDP', encoding: 'Syslog' },
  ];

  test('all types synthesize to schema-valid ClusterLogDestinations', () => {
    const { chart } = ship(all);
    const objects = synthValid(chart);
    expect(ofKind(objects, 'ClusterLogDestination').map((d) => d.spec.type)).toEqual([
      'Loki',
      'Elasticsearch',
      'Logstash',
      'Vector',
      'Kafka',
      'Splunk',
      'Socket',
      'Socket',
      'Socket',
      'Socket',
      'Socket',
      'Socket',
    ]);
    expect(destinationSpec(objects, 'loki').loki).toEqual({
      endpoint: 'https://loki.example.com',
      tenantID: 'audit',
      tls: { caFile: CA, verifyHostname: true },
    });
    expect(destinationSpec(objects, 'kafka').kafka.encoding).toEqual({ codec: 'CEF' });
    // The socket CRD puts verify flags beside tls under tcp.
    expect(destinationSpec(objects, 'socket-tcp-cef').socket).toEqual({
      address: 'siem.example.com:6514',
      mode: 'TCP',
      encoding: { codec: 'CEF' },
      tcp: { tls: { caFile: CA }, verifyCertificate: true },
    });
    expect(destinationSpec(objects, 'socket-udp').socket).toEqual({
      address: 'siem.example.com:514',
      mode: 'UDP',
      encoding: { codec: 'Syslog' },
    });
    expect(yamlOf(chart)).toMatchSnapshot();
  });

  test('SIEM-type destinations default to a 1Gi disk buffer that blocks; Loki keeps the agent default', () => {
    const objects = synthValid(ship(all).chart);
    for (const name of ['es', 'logstash', 'vector', 'kafka', 'splunk', 'socket-tcp-json', 'socket-udp']) {
      expect(destinationSpec(objects, name).buffer).toEqual({
        type: 'Disk',
        disk: { maxSize: '1Gi' },
        whenFull: 'Block',
      });
    }
    expect(destinationSpec(objects, 'loki').buffer).toBeUndefined();
  });

  test('an explicit buffer, rate limit and extra labels are rendered as the CRD wants', () => {
    const { chart } = ship([
      {
        type: 'Loki',
        name: 'loki',
        endpoint: 'https://loki',
        buffer: { type: 'Memory', maxEvents: 10000 },
        rateLimit: {
          linesPerMinute: 60000,
          // Fields of the log record: the audit event is the text of its message; the key is a template
          // (record-fields.test.ts).
          keyField: '{{ node }}',
          excludes: [contains('message', '"resource":"secrets"')],
        },
        extraLabels: { cluster: 'prod-1', verb: '{{ verb }}' },
      },
      {
        type: 'Kafka',
        name: 'k',
        bootstrapServers: ['k:9092'],
        topic: 't',
        buffer: { type: 'Disk', maxSize: 536870912 },
      },
    ]);
    const objects = synthValid(chart);
    const loki = destinationSpec(objects, 'loki');
    expect(loki.buffer).toEqual({ type: 'Memory', memory: { maxEvents: 10000 }, whenFull: 'Block' });
    expect(loki.rateLimit).toEqual({
      linesPerMinute: 60000,
      keyField: '{{ node }}',
      excludes: [{ field: 'message', operator: 'Regex', values: ['.*"resource":"secrets".*'] }],
    });
    expect(loki.extraLabels).toEqual({ cluster: 'prod-1', verb: '{{ verb }}' });
    expect(destinationSpec(objects, 'k').buffer).toEqual({
      type: 'Disk',
      disk: { maxSize: 536870912 },
      whenFull: 'Block',
    });
  });

  test('Loki gets low-cardinality labels by default', () => {
    const objects = synthValid(ship([{ type: 'Loki', name: 'loki', endpoint: 'https://loki' }]).chart);
    expect(destinationSpec(objects, 'loki').extraLabels).toEqual({
      level: '{{ level }}',
      resource: '{{ objectRef.resource }}',
      verb: '{{ verb }}',
    });
  });
});
