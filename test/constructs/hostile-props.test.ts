import { JsonPatch, Testing } from 'cdk8s';
import {
  AuditLogShipping,
  AuditPolicySecret,
  ControlPlaneAuditConfig,
  DeckhouseClusterAudit,
} from '../../src/constructs';
import { synthError } from './helpers';
import { checkPlainData, describeReceived } from '../../src/constructs/plain-data';

// Props from JSON/YAML or untyped JavaScript: what no manifest can hold is refused where the construct is
// created, naming the construct path and the field (not a DOMException, a cdk8s serialization error, a
// silently dropped or nulled value, or a hang).
const untyped = (props: unknown) => props as never;
const loki = { type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' };
type Chart = ReturnType<typeof Testing.chart>;
const audit = (props: unknown) => (c: Chart) => new DeckhouseClusterAudit(c, 'Audit', untyped(props));
const cyclic = () => {
  const o: Record<string, unknown> = { a: 'b' };
  o.self = o;
  return o;
};

test.each<[string, (c: Chart) => unknown, string]>([
  [
    'a destination that contains itself (walked for ever)',
    audit({ destinations: [{ ...loki, extraLabels: cyclic() }] }),
    '[test/Audit] destinations[0].extraLabels.self: received an object that contains itself',
  ],
  [
    'controlPlaneSettings that contain themselves (cdk8s stack overflow)',
    audit({ controlPlaneSettings: { x: cyclic() } }),
    '[test/Audit] controlPlaneSettings.x.self: received an object that contains itself',
  ],
  [
    'Infinity in controlPlaneSettings (written as null)',
    audit({ controlPlaneSettings: { nodeMonitorGracePeriodSeconds: Number.parseFloat('1e309') } }),
    '[test/Audit] controlPlaneSettings.nodeMonitorGracePeriodSeconds: received Infinity, expected a finite number',
  ],
  [
    'NaN rate limit',
    audit({ destinations: [{ ...loki, rateLimit: { linesPerMinute: NaN } }] }),
    'destinations[0].rateLimit.linesPerMinute: received NaN, expected a finite number',
  ],
  [
    'a JSON.parse __proto__ key in controlPlaneSettings (silently dropped)',
    audit({ controlPlaneSettings: JSON.parse('{"__proto__":{"apiserver":{"auditPolicyEnabled":false}}}') }),
    '[test/Audit] controlPlaneSettings.__proto__: received a key named "__proto__"',
  ],
  [
    'a constructor label (cdk8s cannot render it)',
    audit({ destinations: [{ ...loki, extraLabels: { constructor: 'x' } }] }),
    'destinations[0].extraLabels.constructor: received a key named "constructor"',
  ],
  [
    'a Date (cdk8s cannot render it)',
    audit({ controlPlaneSettings: { etcd: new Date(0) } }),
    '[test/Audit] controlPlaneSettings.etcd: received a Date, expected a plain object',
  ],
  [
    'a symbol name (DOMException from structuredClone)',
    audit({ destinations: [{ ...loki, name: Symbol('x') }] }),
    '[test/Audit] destinations[0].name: received a symbol, expected JSON data',
  ],
  [
    'a bigint',
    audit({ destinations: [{ ...loki, rateLimit: { linesPerMinute: 10n } }] }),
    'destinations[0].rateLimit.linesPerMinute: received the bigint 10n',
  ],
  [
    'a getter that throws',
    audit({
      get destinations() {
        throw new Error('boom\nline');
      },
    }),
    '[test/Audit] destinations: received a getter that throws ("boom\\nline")',
  ],
  [
    'a getter that throws inside a destination',
    audit({
      destinations: [
        {
          ...loki,
          get endpoint() {
            throw new Error('boom');
          },
        },
      ],
    }),
    '[test/Audit] destinations[0].endpoint: received a getter that throws ("boom")',
  ],
  [
    'a Proxy whose keys throw',
    audit(
      new Proxy(
        {},
        {
          ownKeys() {
            throw new Error('no keys');
          },
        },
      ),
    ),
    '[test/Audit] props: received an object whose keys cannot be read ("no keys")',
  ],
  [
    'AuditLogShipping with a cyclic destination',
    (c) =>
      new AuditLogShipping(c, 'Shipping', untyped({ destinations: [{ ...loki, extraLabels: cyclic() }] })),
    '[test/Shipping] destinations[0].extraLabels.self: received an object that contains itself',
  ],
  [
    'ControlPlaneAuditConfig with NaN settings',
    (c) => new ControlPlaneAuditConfig(c, 'CP', untyped({ additionalSettings: { a: NaN } })),
    '[test/CP] additionalSettings.a: received NaN',
  ],
  [
    'lint given as a string (silently ignored)',
    audit({ lint: 'off' }),
    '[test/Audit] lint: received "off", expected lint options',
  ],
  [
    'basicAuditPolicyEnabled as a string (raw TypeError from the evaluator)',
    audit({ basicAuditPolicyEnabled: 'false' }),
    '[test/Audit] basicAuditPolicyEnabled: received "false", expected true or false',
  ],
])('%s', (_name, build, message) => {
  const chart = Testing.chart();
  let thrown: unknown;
  try {
    build(chart);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Error);
  expect((thrown as Error).name).toBe('ConstructPropsError');
  expect((thrown as Error).message).toContain(message);
});

test('a frozen destination list is read, not refused', () => {
  const chart = Testing.chart();
  new DeckhouseClusterAudit(chart, 'Audit', {
    destinations: Object.freeze([Object.freeze({ ...loki })]) as never,
    assertionPacks: [],
  });
  expect(Testing.synth(chart).some((o) => o.kind === 'ClusterLogDestination')).toBe(true);
});

describe('text the URL parser or an HTTP header would change', () => {
  test.each([
    [
      'an endpoint with a newline (the URL parser drops it)',
      { endpoint: 'https://loki\n.example.com' },
      'destinations[0].loki.endpoint: received "https://loki\\n.example.com", expected a URL without spaces or control characters',
    ],
    [
      'an endpoint with a trailing space',
      { endpoint: 'https://loki.example.com ' },
      'expected a URL without spaces or control characters',
    ],
    [
      'a tenantId with a newline (X-Scope-OrgID header)',
      { tenantId: 'a\nb' },
      'destinations[0].loki.tenantId: received "a\\nb", expected a tenant ID without control characters',
    ],
  ])('%s', (_name, patch, message) => {
    const chart = Testing.chart();
    new DeckhouseClusterAudit(chart, 'Audit', untyped({ destinations: [{ ...loki, ...patch }] }));
    expect(synthError(chart)).toContain(message);
  });
});

describe('an escape-hatch patch of the audit settings the checks relied on', () => {
  const policyText =
    'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n  omitStages: [RequestReceived]\n';
  test.each([
    [
      'auditPolicyEnabled',
      false,
      'spec.settings.apiserver.auditPolicyEnabled: received false, expected true',
    ],
    [
      'basicAuditPolicyEnabled',
      false,
      'spec.settings.apiserver.basicAuditPolicyEnabled: received false, expected true',
    ],
    ['auditLog', { output: 'Stdout' }, 'spec.settings.apiserver.auditLog: received {"output":"Stdout"}'],
  ])('%s', (key, value, message) => {
    const chart = Testing.chart();
    const audit = new DeckhouseClusterAudit(chart, 'Audit', { policy: policyText, assertionPacks: [] });
    audit.controlPlane.resource.addJsonPatch(JsonPatch.replace(`/spec/settings/apiserver/${key}`, value));
    expect(synthError(chart)).toContain(
      `[test/Audit/ControlPlane] ModuleConfig/control-plane-manager: ${message}`,
    );
  });

  test('a patch of another setting is kept', () => {
    const chart = Testing.chart();
    const audit = new DeckhouseClusterAudit(chart, 'Audit', { assertionPacks: [] });
    audit.controlPlane.resource.addJsonPatch(JsonPatch.add('/spec/settings/etcd', { maxDbSize: 8589934592 }));
    const config = Testing.synth(chart).find((o) => o.kind === 'ModuleConfig');
    expect(config.spec.settings.etcd).toEqual({ maxDbSize: 8589934592 });
  });
});

test.each([
  [
    'a Socket address',
    { type: 'Socket', name: 's', address: 'siem.example.com:99999', mode: 'TCP', encoding: 'Syslog' },
    'destinations[0].socket.address: received "siem.example.com:99999", expected a port from 1 to 65535',
  ],
  [
    'a Logstash endpoint',
    { type: 'Logstash', name: 'l', endpoint: 'logstash.example.com:70000' },
    'destinations[0].logstash.endpoint: received "logstash.example.com:70000", expected a port from 1 to 65535',
  ],
  // Vector's and Kafka's CRD patterns are host:port with 1 to 5 digits, so port 0 and 65536-99999 pass them.
  [
    'a Vector endpoint',
    { type: 'Vector', name: 'v', endpoint: 'vector.example.com:99999' },
    'destinations[0].vector.endpoint: received "vector.example.com:99999", expected a port from 1 to 65535',
  ],
  [
    'a Vector endpoint on port 0',
    { type: 'Vector', name: 'v', endpoint: 'vector.example.com:0' },
    'destinations[0].vector.endpoint: received "vector.example.com:0", expected a port from 1 to 65535',
  ],
  [
    'the second Kafka bootstrap server',
    {
      type: 'Kafka',
      name: 'k',
      topic: 'audit',
      bootstrapServers: ['kafka-0.example.com:9093', 'kafka-1:70000'],
    },
    'destinations[0].kafka.bootstrapServers[1]: received "kafka-1:70000", expected a port from 1 to 65535',
  ],
  // The URL parser refuses a port over 65535; the message said to add the scheme the URL already had.
  [
    'a Loki URL',
    { type: 'Loki', name: 'l', endpoint: 'https://loki.example.com:99999' },
    'destinations[0].loki.endpoint: received "https://loki.example.com:99999", expected a port from 1 to 65535 (received port 99999). Fix: e.g. "https://loki.example.com"',
  ],
  [
    'an Elasticsearch URL on port 0',
    { type: 'Elasticsearch', name: 'e', endpoint: 'https://es.example.com:0/' },
    'destinations[0].elasticsearch.endpoint: received "https://es.example.com:0/", expected a port from 1 to 65535',
  ],
  [
    'a Splunk URL',
    {
      type: 'Splunk',
      name: 's',
      endpoint: 'https://splunk.example.com:808800',
      token: 'x',
      allowInlineCredentials: true,
    },
    'destinations[0].splunk.endpoint: received "https://splunk.example.com:808800", expected a port from 1 to 65535',
  ],
])('%s with a port outside 1-65535 (the CRD pattern accepts it)', (_name, destination, message) => {
  const chart = Testing.chart();
  new DeckhouseClusterAudit(chart, 'Audit', untyped({ destinations: [destination], assertionPacks: [] }));
  expect(synthError(chart)).toContain(message);
});

test('a URL the parser refuses for another reason than a port keeps its scheme in the fix', () => {
  const chart = Testing.chart();
  new DeckhouseClusterAudit(
    chart,
    'Audit',
    untyped({
      destinations: [{ type: 'Loki', name: 'l', endpoint: 'https://[fd00::1/' }],
      assertionPacks: [],
    }),
  );
  const message = synthError(chart);
  expect(message).toContain(
    'destinations[0].loki.endpoint: received "https://[fd00::1/", expected an absolute',
  );
  expect(message).not.toContain('add the scheme');
});

test('ports 1 and 65535 are accepted on every host:port and URL', () => {
  const chart = Testing.chart();
  new DeckhouseClusterAudit(
    chart,
    'Audit',
    untyped({
      assertionPacks: [],
      destinations: [
        { type: 'Vector', name: 'v', endpoint: 'vector.example.com:65535' },
        { type: 'Kafka', name: 'k', topic: 'audit', bootstrapServers: ['kafka-0.example.com:1'] },
        { type: 'Loki', name: 'l', endpoint: 'https://loki.example.com:65535' },
        { type: 'Logstash', name: 'ls', endpoint: 'logstash.example.com:1' },
      ],
    }),
  );
  const objects = Testing.synth(chart);
  expect(objects.filter((o) => o.kind === 'ClusterLogDestination')).toHaveLength(4);
});

test.each([null, 'cis', { name: 'x' }])(
  'assertionPacks [%p] names the construct path (was a raw TypeError from runAssertionPack)',
  (pack) => {
    const chart = Testing.chart();
    expect(() => new DeckhouseClusterAudit(chart, 'Audit', untyped({ assertionPacks: [pack] }))).toThrow(
      /^\[test\/Audit\] assertionPacks\[0\]: received .*, expected an AssertionPack \(\{ name, items \}\)/,
    );
  },
);

test('a hostile key or value in a refused prop is echoed escaped (no terminal control sequence reaches the message)', () => {
  // ESC [2J clears a terminal; U+202E reverses what follows.
  const key = 'a\u001b[2J\u202eb';
  expect(() => checkPlainData('test/Audit', 'controlPlaneSettings', { [key]: Number.NaN })).toThrow(
    '[test/Audit] controlPlaneSettings["a\\u001b[2J\\u202eb"]: received NaN',
  );
  expect(describeReceived('x\u202ey')).toBe('"x\\u202ey"');
});

// The policy prop may be a builder (a class instance with build()), so it is not walked as plain data; reading it
// must still never surface a trap's raw error (the builder check read `build` on a Proxy whose get trap threw).
describe('a hostile policy prop names the construct path', () => {
  const throwing = (trap: keyof ProxyHandler<object>) =>
    new Proxy(
      { apiVersion: 'audit.k8s.io/v1' },
      {
        [trap]: () => {
          throw new Error(`boom ${trap}`);
        },
      },
    );
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const valid = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
  test.each<[string, () => unknown, string]>([
    [
      'a Proxy whose get trap throws',
      () => throwing('get'),
      'policy: received an object whose keys cannot be read ("boom get")',
    ],
    [
      'a Proxy whose ownKeys trap throws',
      () => throwing('ownKeys'),
      'policy: received an object whose keys cannot be read ("boom ownKeys")',
    ],
    ['a Proxy whose getPrototypeOf trap throws', () => throwing('getPrototypeOf'), '("boom getPrototypeOf")'],
    [
      'a Proxy whose getOwnPropertyDescriptor trap throws',
      () => throwing('getOwnPropertyDescriptor'),
      '("boom getOwnPropertyDescriptor")',
    ],
    ['a revoked Proxy', revoked, '("Cannot perform \'get\' on a proxy that has been revoked")'],
    [
      'a Proxy deep inside a rule',
      () => ({ ...valid, rules: [{ level: 'Metadata', users: throwing('get') }] }),
      'policy.rules[0].users: received an object whose keys cannot be read ("boom get")',
    ],
    [
      'a rule getter that throws',
      () => ({
        ...valid,
        get rules() {
          throw new Error('no rules');
        },
      }),
      'policy.rules: received a getter that throws ("no rules")',
    ],
  ])('%s', (_name, make, message) => {
    for (const build of [
      (c: Chart) => new DeckhouseClusterAudit(c, 'Audit', untyped({ policy: make() })),
      (c: Chart) => new AuditPolicySecret(c, 'Audit', untyped({ policy: make() })),
    ]) {
      let thrown: unknown;
      try {
        build(Testing.chart());
      } catch (error) {
        thrown = error;
      }
      expect((thrown as Error).name).toBe('ConstructPropsError');
      expect((thrown as Error).message).toMatch(/^\[test\/Audit\] policy/);
      expect((thrown as Error).message).toContain(message);
    }
  });

  test('a builder whose build() returns a hostile object fails synth with the field, not a raw error', () => {
    const chart = Testing.chart();
    new AuditPolicySecret(
      chart,
      'Audit',
      untyped({ policy: { build: () => ({ ...valid, rules: throwing('ownKeys') }) } }),
    );
    expect(synthError(chart)).toContain(
      '[test/Audit] policy.rules: received an object whose keys cannot be read ("boom ownKeys")',
    );
  });
});

test.each<[string, (p: object) => unknown, string]>([
  [
    'builtInRules',
    (p) => ({ builtInRules: p }),
    '[test/Audit] builtInRules: received an object whose keys cannot be read ("boom")',
  ],
  [
    'an assertion pack',
    (p) => ({ assertionPacks: [p] }),
    '[test/Audit] assertionPacks[0]: received an object whose keys cannot be read ("boom")',
  ],
  [
    'an assertion',
    (p) => ({ assertions: [p] }),
    '[test/Audit] assertions[0]: received an object whose keys cannot be read ("boom")',
  ],
])('a Proxy whose get trap throws as %s names the construct path and the field', (_name, props, message) => {
  const proxy = new Proxy(
    { name: 'x' },
    {
      get: () => {
        throw new Error('boom');
      },
    },
  );
  expect(() => new DeckhouseClusterAudit(Testing.chart(), 'Audit', untyped(props(proxy)))).toThrow(message);
});
