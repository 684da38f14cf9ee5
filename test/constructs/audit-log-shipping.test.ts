import { Testing } from 'cdk8s';
import {
  BufferOptions,
  AuditEventSelection,
  AuditLogDestination,
  AuditLogShipping,
  base64Pem,
  checkDestination,
  contains,
  exact,
  notExact,
} from '../../src/constructs';
import { Manifest, ofKind, synthError, synthValid, yamlOf } from './helpers';

const CA = base64Pem('-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n');

function ship(
  destinations: AuditLogDestination[],
  extra: Partial<ConstructorParameters<typeof AuditLogShipping>[2]> = {},
) {
  const chart = Testing.chart();
  const shipping = new AuditLogShipping(chart, 'Shipping', { destinations, ...extra });
  return { chart, shipping };
}

function destinationSpec(objects: Manifest[], name: string): Manifest {
  const found = ofKind(objects, 'ClusterLogDestination').find((o) => o.metadata.name === name);
  if (!found) throw new Error(`no destination ${name}`);
  return found.spec;
}

describe('AuditLogShipping: source', () => {
  test('File output reads <path>/audit.log with one ClusterLoggingConfig for all unselected destinations', () => {
    const { chart } = ship([{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }]);
    const objects = synthValid(chart);
    const [config] = ofKind(objects, 'ClusterLoggingConfig');
    expect(config.apiVersion).toBe('deckhouse.io/v1alpha2');
    expect(config.metadata).toEqual({
      name: 'kube-audit',
      annotations: {
        'argocd.argoproj.io/sync-wave': '1',
        'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true',
      },
    });
    expect(config.spec).toEqual({
      type: 'File',
      file: { include: ['/var/log/kube-audit/audit.log'] },
      destinationRefs: ['loki'],
    });
    expect(yamlOf(chart)).toMatchSnapshot();
  });

  test('a custom path under /var/log is followed', () => {
    const { chart } = ship([{ type: 'Loki', name: 'loki', endpoint: 'https://loki' }], {
      auditLog: { path: '/var/log/audit/apiserver' },
    });
    const [config] = ofKind(synthValid(chart), 'ClusterLoggingConfig');
    expect(config.spec.file.include).toEqual(['/var/log/audit/apiserver/audit.log']);
  });

  test('Stdout output reads the kube-apiserver Pods and keeps only audit.k8s.io/v1 lines', () => {
    const { chart } = ship([{ type: 'Loki', name: 'loki', endpoint: 'https://loki' }], {
      auditLog: { output: 'Stdout' },
    });
    const [config] = ofKind(synthValid(chart), 'ClusterLoggingConfig');
    expect(config.spec).toEqual({
      type: 'KubernetesPods',
      kubernetesPods: {
        namespaceSelector: {
          labelSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        },
        labelSelector: { matchLabels: { component: 'kube-apiserver' } },
      },
      labelFilter: [{ field: 'container', operator: 'Regex', values: ['^kube-apiserver$'] }],
      logFilter: [{ field: 'apiVersion', operator: 'Regex', values: ['^audit\\.k8s\\.io/v1$'] }],
      destinationRefs: ['loki'],
    });
    expect(yamlOf(chart)).toMatchSnapshot();
  });

  test('auditLog.path "/var/log/../etc" is refused once, for the ".." the kube-apiserver hostPath cannot have', () => {
    const { chart } = ship([{ type: 'Loki', name: 'loki', endpoint: 'https://loki' }], {
      auditLog: { path: '/var/log/../etc' },
    });
    const lines = synthError(chart)
      .split('\n')
      .filter((line) => line.includes('auditLog.path'));
    expect(lines).toEqual([
      expect.stringContaining(
        '[test/Shipping] auditLog.path: received "/var/log/../etc", expected a host directory without ".."',
      ),
    ]);
  });

  test.each(['/opt/audit', '/var/logs/audit'])('auditLog.path %j outside /var/log is an error', (path) => {
    const { chart } = ship([{ type: 'Loki', name: 'loki', endpoint: 'https://loki' }], {
      auditLog: { path },
    });
    const message = synthError(chart);
    expect(message).toContain(
      `[test/Shipping] auditLog.path: received "${path}", expected a directory under /var/log/`,
    );
    expect(message).toContain('use output: "Stdout"');
  });
});

describe('AuditLogShipping: routing and filters', () => {
  test('selections get their own ClusterLoggingConfig pointing at one destination', () => {
    const { chart, shipping } = ship(
      [
        { type: 'Loki', name: 'loki', endpoint: 'https://loki' },
        {
          type: 'Socket',
          name: 'siem',
          address: 'siem.example.com:6514',
          mode: 'TCP',
          encoding: 'CEF',
          selections: [AuditEventSelection.rbacChanges(), AuditEventSelection.podAccess()],
        },
      ],
      { filters: [notExact('user.username', 'system:apiserver')] },
    );
    const configs = ofKind(synthValid(chart), 'ClusterLoggingConfig');
    expect(configs.map((c) => [c.metadata.name, c.spec.destinationRefs])).toEqual([
      ['kube-audit', ['loki']],
      ['kube-audit-siem-rbac', ['siem']],
      ['kube-audit-siem-pod-access', ['siem']],
    ]);
    expect(configs[1].spec.logFilter).toEqual([
      { field: 'user.username', operator: 'NotRegex', values: ['^system:apiserver$'] },
      { field: 'objectRef.apiGroup', operator: 'Regex', values: ['^rbac\\.authorization\\.k8s\\.io$'] },
      { field: 'verb', operator: 'NotRegex', values: ['^get$', '^list$', '^watch$'] },
    ]);
    expect(configs[2].spec.logFilter.slice(1)).toEqual([
      { field: 'objectRef.resource', operator: 'Regex', values: ['^pods$'] },
      {
        field: 'objectRef.subresource',
        operator: 'Regex',
        values: ['^exec$', '^attach$', '^portforward$', '^ephemeralcontainers$'],
      },
      // Core-group Pods only, which also keeps it apart from rbacChanges() (selection-overlap.test.ts).
      { field: 'objectRef.apiGroup', operator: 'DoesNotExist' },
    ]);
    expect(shipping.loggingConfigs.size).toBe(3);
  });

  test('only selected destinations: no shared ClusterLoggingConfig', () => {
    const { chart } = ship([
      {
        type: 'Vector',
        name: 'agg',
        endpoint: 'vector.example.com:6000',
        selections: [AuditEventSelection.secrets()],
      },
    ]);
    const configs = ofKind(synthValid(chart), 'ClusterLoggingConfig');
    expect(configs.map((c) => c.metadata.name)).toEqual(['kube-audit-agg-secrets']);
  });

  test('duplicate selection names on one destination, empty selections and bad filters are errors', () => {
    const { chart } = ship([
      {
        type: 'Loki',
        name: 'loki',
        endpoint: 'https://loki',
        selections: [
          AuditEventSelection.custom('x', exact('verb', 'get')),
          AuditEventSelection.custom('x', exact('verb', 'list')),
          AuditEventSelection.custom('empty'),
          AuditEventSelection.custom(
            'bad',
            { field: 'verb', operator: 'Exists', values: ['a'] },
            { field: 'verb', operator: 'Regex' },
          ),
        ],
      },
    ]);
    const message = synthError(chart);
    expect(message).toContain(
      'destinations[0].selections[1].name: received "kube-audit-loki-x", expected a ClusterLoggingConfig name no other of this pipeline has (destinations[0].selections[0].name gives "kube-audit-loki-x" too',
    );
    expect(message).toContain('Fix: give each selection of a destination its own name');
    expect(message).toContain(
      'destinations[0].selections[2].filters: received [], expected at least one filter',
    );
    expect(message).toContain(
      'destinations[0].selections[3].filters[0].values: received ["a"], expected no values for Exists',
    );
    expect(message).toContain(
      'destinations[0].selections[3].filters[1].values: received nothing, expected at least one value for Regex',
    );
  });

  // k8s.io/apimachinery IsDNS1123Subdomain, which apiextensions-apiserver applies to a custom resource's name.
  const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
  const legalLongName = (length: number) => `siem.${'a'.repeat(length - 'siem.'.length)}`;

  test('a derived ClusterLoggingConfig name of 253 characters is written; 254 is refused at the selection', () => {
    // "kube-audit-" + destination + "-rbac": 11 + n + 5 characters, with a destination name that is itself legal.
    const at = (total: number) => ({
      type: 'Loki' as const,
      name: legalLongName(total - 16),
      endpoint: 'https://loki.example.com',
      selections: [
        AuditEventSelection.custom('rbac', exact('objectRef.apiGroup', 'rbac.authorization.k8s.io')),
      ],
    });
    const fits = synthValid(ship([at(253)]).chart);
    const names = ofKind(fits, 'ClusterLoggingConfig').map((o) => o.metadata.name as string);
    expect(names.map((n) => n.length)).toEqual([253]);
    expect(names.every((n) => DNS1123_SUBDOMAIN.test(n))).toBe(true);
    const message = synthError(ship([at(254)]).chart);
    expect(message).toContain(
      '[test/Shipping] destinations[0].selections[0].name: received "kube-audit-siem.aaa',
    );
    expect(message).toContain(
      'expected a ClusterLoggingConfig name of at most 253 characters (a DNS-1123 subdomain); ' +
        '<name>-<destination name>-<selection name> is 254. Fix: shorten name, the destination name or the ' +
        'selection name by 1 character',
    );
  });

  test('a long name refuses only the configs it makes too long, each at its own field', () => {
    const destination = (name: string, ...selections: string[]) => ({
      type: 'Loki' as const,
      name,
      endpoint: 'https://loki.example.com',
      selections: selections.map((s) => AuditEventSelection.custom(s, exact('verb', s))),
    });
    const { chart } = ship([destination(legalLongName(200), 'get', 'watch'), destination('loki', 'list')], {
      name: 'audit-' + 'x'.repeat(41),
    });
    const errors = synthError(chart)
      .split('\n')
      .filter((line) => line.includes('at most 253 characters'));
    // 47 + 1 + 200 + 1 + 3 = 252 fits; "watch" makes 254; the other destination's config is short.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('destinations[0].selections[1].name:');
    expect(errors[0]).toContain('is 254. Fix: shorten name, the destination name or the selection name by 1');
  });

  test('two selections of different destinations that join to one name are refused, naming both', () => {
    // "kube-audit" + "a-b" + "c" and "kube-audit" + "a" + "b-c" are both kube-audit-a-b-c.
    const { chart } = ship([
      {
        type: 'Loki',
        name: 'a-b',
        endpoint: 'https://l1',
        selections: [AuditEventSelection.custom('c', exact('verb', 'get'))],
      },
      {
        type: 'Loki',
        name: 'a',
        endpoint: 'https://l2',
        selections: [AuditEventSelection.custom('b-c', exact('verb', 'list'))],
      },
    ]);
    const message = synthError(chart);
    expect(message).toContain(
      '[test/Shipping] destinations[1].selections[0].name: received "kube-audit-a-b-c", expected a ' +
        'ClusterLoggingConfig name no other of this pipeline has (destinations[0].selections[0].name gives ' +
        '"kube-audit-a-b-c" too: names are built as <name>-<destination name>-<selection name>). Fix: rename ' +
        'one of the selections (or destinations) so that the joined names differ',
    );
  });

  test('no destinations and duplicate destination names are errors', () => {
    expect(synthError(ship([]).chart)).toContain(
      'destinations: received [], expected at least one destination',
    );
    const dup = ship([
      { type: 'Loki', name: 'a', endpoint: 'https://l' },
      { type: 'Loki', name: 'a', endpoint: 'https://m' },
    ]);
    expect(synthError(dup.chart)).toContain(
      'destinations[1].name: received "a", expected a name not used by another destination',
    );
  });
});

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

describe('AuditLogShipping: CEF encoding', () => {
  test.each<[string, AuditLogDestination, string]>([
    [
      'Socket',
      {
        type: 'Socket',
        name: 'siem',
        address: 'siem.example.com:6514',
        mode: 'TCP',
        encoding: 'CEF',
        cef: { deviceVendor: 'Flant', deviceProduct: 'kube-audit', deviceVersion: '1.77' },
      },
      'socket',
    ],
    [
      'Kafka',
      {
        type: 'Kafka',
        name: 'kafka',
        bootstrapServers: ['kafka-0.example.com:9093'],
        topic: 'kube-audit',
        encoding: 'CEF',
        cef: { deviceVendor: 'Flant', deviceProduct: 'kube-audit', deviceVersion: '1.77' },
      },
      'kafka',
    ],
  ])(
    '%s: encoding CEF with cef renders encoding { codec: CEF, cef } and validates',
    (_type, destination, block) => {
      const objects = synthValid(ship([destination]).chart);
      expect(destinationSpec(objects, destination.name)[block].encoding).toEqual({
        codec: 'CEF',
        cef: { deviceVendor: 'Flant', deviceProduct: 'kube-audit', deviceVersion: '1.77' },
      });
    },
  );

  test('CEF without cef leaves the header to the CRD defaults; a partial cef keeps only the given fields', () => {
    const objects = synthValid(
      ship([
        { type: 'Socket', name: 'a', address: 's:6514', mode: 'TCP', encoding: 'CEF' },
        {
          type: 'Socket',
          name: 'b',
          address: 's:6514',
          mode: 'TCP',
          encoding: 'CEF',
          cef: { deviceProduct: 'audit' },
        },
      ]).chart,
    );
    expect(destinationSpec(objects, 'a').socket.encoding).toEqual({ codec: 'CEF' });
    expect(destinationSpec(objects, 'b').socket.encoding).toEqual({
      codec: 'CEF',
      cef: { deviceProduct: 'audit' },
    });
  });
});
