import { Chart, Testing } from 'cdk8s';
import {
  AUDIT_LOG_OUTPUTS,
  AUDIT_LOG_PATH_PATTERN,
  AuditLogDestination,
  AuditLogShipping,
  ControlPlaneAuditConfig,
  ControlPlaneAuditConfigProps,
  DeckhouseClusterAudit,
  DEFAULT_AUDIT_LOG_PATH,
  LOG_DESTINATION_TYPES,
  RESERVED_EXTRA_LABELS,
} from '../../src/constructs';
import { synthError } from './helpers';

// One mistake, one message: a fact both a hand check and the schema check used to hold was reported two or
// three times. Each row is one mistake; the synth error must hold exactly one line, about that field.
function errorLines(chart: Chart): string[] {
  return synthError(chart)
    .split('\n')
    .filter((line) => line.startsWith('  ['));
}

describe('facts read from imports/schemas, not restated', () => {
  test('auditLog: the settings schema enum, default and pattern (control-plane-manager config-values.yaml)', () => {
    expect(AUDIT_LOG_OUTPUTS).toEqual(['File', 'Stdout']);
    expect(DEFAULT_AUDIT_LOG_PATH).toBe('/var/log/kube-audit');
    expect(AUDIT_LOG_PATH_PATTERN.source).toBe('^[a-zA-Z0-9_/.-]+[a-zA-Z0-9_.-]$');
  });

  test('ClusterLogDestination: spec.type enum and the reserved extraLabels keys of its CEL rule', () => {
    expect(LOG_DESTINATION_TYPES).toEqual([
      'Loki',
      'Elasticsearch',
      'Logstash',
      'Vector',
      'Kafka',
      'Splunk',
      'Socket',
    ]);
    expect(RESERVED_EXTRA_LABELS).toEqual([
      'pod',
      'pod_ip',
      'pod_owner',
      'parsed_data',
      'namespace',
      'image',
      'container',
      'node',
    ]);
  });
});

describe('one mistake in the audit settings, one message', () => {
  test.each<[string, ControlPlaneAuditConfigProps['auditLog'], string]>([
    [
      'a trailing slash',
      { path: '/var/log/kube-audit/' },
      'auditLog.path: received "/var/log/kube-audit/", expected an absolute directory without a trailing slash matching ^[a-zA-Z0-9_/.-]+[a-zA-Z0-9_.-]$',
    ],
    [
      'a relative path',
      { path: 'var/log/audit' },
      'auditLog.path: received "var/log/audit", expected an absolute host directory',
    ],
    [
      'a relative path with a trailing slash',
      { path: 'var/log/' },
      'auditLog.path: received "var/log/", expected an absolute directory without a trailing slash',
    ],
    ['a space', { path: '/var/log/kube audit' }, 'auditLog.path: received "/var/log/kube audit"'],
    [
      'an unknown output',
      { output: 'Syslog' as 'File' },
      'auditLog.output: received "Syslog", expected one of File, Stdout',
    ],
    [
      'a path that is not a string',
      { path: 5 as unknown as string },
      'auditLog.path: received 5, expected a string',
    ],
    ['auditLog that is not an object', 'File' as never, 'auditLog: received "File", expected an object'],
  ])('%s: DeckhouseClusterAudit with shipping reports it once', (_name, auditLog, expected) => {
    const chart = Testing.chart();
    new DeckhouseClusterAudit(chart, 'Audit', {
      assertionPacks: [],
      auditLog,
      destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }],
    });
    const lines = errorLines(chart);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`[test/Audit/ControlPlane] ${expected}`);
  });

  test('AuditLogShipping on its own reports its auditLog itself', () => {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', {
      auditLog: { path: '/var/log/kube-audit/' },
      destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }],
    });
    const lines = errorLines(chart);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('[test/Shipping] auditLog.path: received "/var/log/kube-audit/"');
  });

  test("a ControlPlaneAuditConfig with another auditLog does not silence the shipping's own mistake", () => {
    const chart = Testing.chart();
    new ControlPlaneAuditConfig(chart, 'Cpm');
    new AuditLogShipping(chart, 'Shipping', {
      auditLog: { output: 'Syslog' as 'File' },
      destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }],
    });
    expect(errorLines(chart)).toEqual([
      expect.stringContaining(
        '[test/Shipping] auditLog.output: received "Syslog", expected one of File, Stdout',
      ),
    ]);
  });

  test.each<[string, ControlPlaneAuditConfigProps, string]>([
    [
      'auditPolicyEnabled',
      { auditPolicyEnabled: 'yes' as never },
      'auditPolicyEnabled: received "yes", expected a boolean. Fix: pass true or false',
    ],
    [
      'basicAuditPolicyEnabled',
      { basicAuditPolicyEnabled: 1 as never },
      'basicAuditPolicyEnabled: received 1, expected a boolean',
    ],
  ])('%s of the wrong type: one message, as the prop', (_name, props, expected) => {
    const chart = Testing.chart();
    new ControlPlaneAuditConfig(chart, 'Cpm', props);
    expect(errorLines(chart)).toEqual([expect.stringContaining(`[test/Cpm] ${expected}`)]);
  });
});

describe('one mistake in a destination, one message', () => {
  const rows: Array<[string, AuditLogDestination, string]> = [
    [
      'a Vector endpoint without a port',
      { type: 'Vector', name: 'v', endpoint: 'vector' },
      'vector.endpoint: received "vector", expected host:port matching ^(.+):([0-9]{1,5})$',
    ],
    [
      'a socket address without a port',
      { type: 'Socket', name: 's', address: 'siem', mode: 'TCP' },
      'socket.address: received "siem", expected host:port matching ^.*:[1-9][0-9]+$',
    ],
    [
      'a Kafka broker without a port',
      { type: 'Kafka', name: 'k', bootstrapServers: ['kafka'], topic: 't' },
      'kafka.bootstrapServers[0]: received "kafka", expected host:port',
    ],
    [
      'a socket mode in lower case',
      { type: 'Socket', name: 's', address: 's:514', mode: 'tcp' as 'TCP' },
      'socket.mode: received "tcp", expected one of TCP, UDP',
    ],
    [
      'an unknown codec',
      { type: 'Socket', name: 's', address: 's:514', mode: 'TCP', encoding: 'Json' as 'JSON' },
      'socket.encoding.codec: received "Json", expected one of Text, JSON, Syslog, CEF, GELF',
    ],
    [
      'a Kafka codec Syslog',
      { type: 'Kafka', name: 'k', bootstrapServers: ['k:9092'], topic: 't', encoding: 'Syslog' as 'JSON' },
      'kafka.encoding.codec: received "Syslog", expected one of JSON, CEF',
    ],
    [
      'cef without the CEF codec',
      {
        type: 'Socket',
        name: 's',
        address: 's:514',
        mode: 'TCP',
        encoding: 'Syslog',
        cef: { deviceVendor: 'Acme' },
      },
      'socket.encoding.cef: received {"deviceVendor":"Acme"}, expected no cef unless encoding is "CEF"',
    ],
    [
      'cef without a codec (the default is JSON)',
      { type: 'Kafka', name: 'k', bootstrapServers: ['k:9092'], topic: 't', cef: {} },
      'kafka.encoding.cef: received {}, expected no cef unless encoding is "CEF"',
    ],
    [
      'an unknown buffer type',
      { type: 'Loki', name: 'l', endpoint: 'https://l', buffer: { type: 'Ram' as 'Disk' } },
      'buffer.type: received "Ram", expected one of Disk, Memory',
    ],
    [
      'a buffer size that is no quantity',
      { type: 'Loki', name: 'l', endpoint: 'https://l', buffer: { type: 'Disk', maxSize: 'lots' } },
      'buffer.maxSize: received "lots", expected bytes or a quantity matching',
    ],
    [
      'an unknown whenFull',
      {
        type: 'Loki',
        name: 'l',
        endpoint: 'https://l',
        buffer: { type: 'Memory', whenFull: 'Sometimes' as 'Block' },
      },
      'buffer.whenFull: received "Sometimes", expected one of DropNewest, Block',
    ],
    [
      'an unknown SASL mechanism',
      {
        type: 'Kafka',
        name: 'k',
        bootstrapServers: ['k:9092'],
        topic: 't',
        sasl: { mechanism: 'SCRAM' as 'PLAIN', username: 'u', password: 'p' },
        allowInlineCredentials: true,
      },
      'kafka.sasl.mechanism: received "SCRAM", expected one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512',
    ],
    [
      'an unknown Loki auth strategy',
      {
        type: 'Loki',
        name: 'l',
        endpoint: 'https://l',
        auth: { strategy: 'Token' as 'Bearer', token: 't' },
        allowInlineCredentials: true,
      },
      'loki.auth.strategy: received "Token", expected one of Basic, Bearer',
    ],
    [
      'a Basic Loki auth with a token',
      {
        type: 'Loki',
        name: 'l',
        endpoint: 'https://l',
        // The password base64-encoded, as log-shipper decodes it: the token is the one mistake.
        auth: { user: 'u', password: 'cA==', token: 't' } as never,
        allowInlineCredentials: true,
      },
      'loki.auth.token: expected no token here',
    ],
    [
      'an extraLabels value with a space',
      { type: 'Loki', name: 'l', endpoint: 'https://l', extraLabels: { bad: 'a b' } },
      'extraLabels.bad: received "a b", expected a plain token or a template "{{ field.path }}"',
    ],
    [
      'a reserved extraLabels key',
      { type: 'Loki', name: 'l', endpoint: 'https://l', extraLabels: { pod: 'x' } },
      'extraLabels.pod: received "pod", expected a key other than the reserved',
    ],
    [
      'a rate limit of the wrong type',
      { type: 'Loki', name: 'l', endpoint: 'https://l', rateLimit: { linesPerMinute: '100' as never } },
      'rateLimit.linesPerMinute: received "100", expected a number',
    ],
    [
      'a negative rate limit',
      { type: 'Loki', name: 'l', endpoint: 'https://l', rateLimit: { linesPerMinute: -5 } },
      'rateLimit.linesPerMinute: received -5, expected a whole number from 1 to 2147483647',
    ],
    [
      'an unknown filter operator',
      {
        type: 'Loki',
        name: 'l',
        endpoint: 'https://l',
        rateLimit: {
          linesPerMinute: 100,
          excludes: [{ field: 'host', operator: 'Equals' as 'In', values: ['get'] }],
        },
      },
      'rateLimit.excludes[0].operator: received "Equals"',
    ],
    [
      'values on Exists',
      {
        type: 'Loki',
        name: 'l',
        endpoint: 'https://l',
        rateLimit: {
          linesPerMinute: 100,
          excludes: [{ field: 'host', operator: 'Exists', values: ['get'] }],
        },
      },
      'rateLimit.excludes[0].values: received ["get"], expected no values for Exists',
    ],
    [
      'a boolean as a string',
      { type: 'Elasticsearch', name: 'e', endpoint: 'https://e', dataStreamEnabled: 'yes' as never },
      'elasticsearch.dataStreamEnabled: received "yes", expected a boolean',
    ],
    [
      'a misspelt prop',
      { type: 'Loki', name: 'l', endpoint: 'https://l', tls: { cafile: 'x' } as never },
      'tls.cafile: expected a known prop (secretRef, caFile, clientCrt, verifyHostname, verifyCertificate)',
    ],
  ];

  test.each(rows)('%s', (_name, destination, expected) => {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', { destinations: [destination] });
    const lines = errorLines(chart);
    expect(lines).toEqual([expect.stringContaining(`[test/Shipping] destinations[0].${expected}`)]);
  });
});

// The CRD's bounds (cluster-log-destination.yaml): encoding.cef.deviceVendor/deviceProduct/deviceVersion have
// minLength 1 (and defaults), transformations[].parseMessage.json.depth is an integer from 1 to 128. The fix says
// what to give, in the schema's words with the right number, instead of pointing at a directory.
describe('a bound of the schema is told as a fix', () => {
  test.each([
    [
      'an empty CEF deviceVendor (minLength 1)',
      {
        type: 'Socket',
        name: 's',
        address: 'siem.example.com:6514',
        mode: 'TCP',
        encoding: 'CEF',
        cef: { deviceVendor: '' },
      },
      'destinations[0].socket.encoding.cef.deviceVendor: received "", expected at least 1 character. ' +
        'Fix: give at least 1 character, or leave it unset if it is optional',
    ],
    [
      'a JSON parse depth over 128 (maximum)',
      {
        type: 'Loki',
        name: 'l',
        endpoint: 'https://loki.example.com',
        transformations: [
          { action: 'ParseMessage', parseMessage: { sourceFormat: 'JSON', json: { depth: 129 } } },
        ],
      },
      'expected a value <= 128. Fix: give a value <= 128',
    ],
  ])('%s', (_case, destination, line) => {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', { destinations: [destination as AuditLogDestination] });
    const message = synthError(chart);
    expect(message).toContain(line);
    expect(message).not.toContain('imports/schemas');
  });
});
