import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  AuditLogShipping,
  AuditPolicySecret,
  ControlPlaneAuditConfig,
  DeckhouseClusterAudit,
  LogShipperModule,
} from '../../src/constructs';
import { ConstructPropsError } from '../../src/constructs/prop-keys';
import { policy } from '../../src/policy/builder';

// Untyped props (JSON, YAML, plain JavaScript) with a block of the wrong kind at any depth: each is refused with
// the construct path and the field, at once or at synth, never with a TypeError from inside the package or the
// generated classes ("Cannot read properties of null (reading 'name')").

type Make = (chart: ReturnType<typeof Testing.chart>) => unknown;

/** The message the props end in; fails the test on an error that is not a construct's refusal. */
function refusal(make: Make): string {
  const chart = Testing.chart();
  try {
    make(chart);
    Testing.synth(chart);
  } catch (error) {
    // A refusal at construction time is a ConstructPropsError (a TypeError subclass); any other TypeError is a crash.
    if (error instanceof TypeError && !(error instanceof ConstructPropsError)) throw error;
    return (error as Error).message;
  }
  return '(accepted)';
}

const untyped = (props: unknown) => props as never;
const BAD_BLOCKS: ReadonlyArray<readonly [string, unknown]> = [
  ['null', null],
  ['a string', 'x'],
  ['a number', 7],
  ['a list', []],
  ['true', true],
];

const CA = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64');
const DESTINATIONS: Readonly<Record<string, Record<string, unknown>>> = {
  Loki: { type: 'Loki', name: 'l', endpoint: 'https://loki.example.com' },
  Elasticsearch: { type: 'Elasticsearch', name: 'e', endpoint: 'https://es.example.com:9200' },
  Logstash: { type: 'Logstash', name: 'ls', endpoint: 'ls.example.com:5044' },
  Vector: { type: 'Vector', name: 'v', endpoint: 'vector.example.com:6000' },
  Kafka: { type: 'Kafka', name: 'k', bootstrapServers: ['kafka.example.com:9093'], topic: 'audit' },
  Splunk: {
    type: 'Splunk',
    name: 's',
    endpoint: 'https://splunk.example.com:8088',
    token: 't',
    allowInlineCredentials: true,
  },
  Socket: { type: 'Socket', name: 'so', address: 'siem.example.com:6514', mode: 'TCP' },
};

// Each block of a destination, with the props around it that make the block itself the only problem. The
// blocks that are lists take an object in place of the (valid, empty) list.
const LISTS = new Set(['rateLimit.excludes', 'selections', 'transformations']);
const BLOCKS: ReadonlyArray<readonly [string, (bad: unknown) => Record<string, unknown>]> = [
  ['tls', (bad) => ({ tls: bad })],
  ['tls.secretRef', (bad) => ({ tls: { secretRef: bad } })],
  ['tls.clientCrt', (bad) => ({ tls: { caFile: CA, clientCrt: bad } })],
  ['buffer', (bad) => ({ buffer: bad })],
  ['rateLimit', (bad) => ({ rateLimit: bad })],
  ['rateLimit.excludes', (bad) => ({ rateLimit: { linesPerMinute: 10, excludes: bad } })],
  ['extraLabels', (bad) => ({ extraLabels: bad })],
  ['selections', (bad) => ({ selections: bad })],
  ['transformations', (bad) => ({ transformations: bad })],
  ['auth', (bad) => ({ auth: bad })],
  ['sasl', (bad) => ({ sasl: bad })],
  ['cef', (bad) => ({ encoding: 'CEF', cef: bad })],
];

describe.each(Object.keys(DESTINATIONS))('%s destination', (type) => {
  test.each(
    BLOCKS.flatMap(([block, props]) =>
      BAD_BLOCKS.map(([what, bad]) =>
        LISTS.has(block) && Array.isArray(bad)
          ? ([block, 'an object', props({})] as const)
          : ([block, what, props(bad)] as const),
      ),
    ),
  )('%s as %s is refused with the construct path', (_block, _what, props) => {
    const destination = { ...DESTINATIONS[type], ...props };
    const message = refusal(
      (c) => new AuditLogShipping(c, 'Shipping', untyped({ destinations: [destination] })),
    );
    // Some blocks do not exist for some types (sasl on Loki): those are refused as unknown props, also a refusal.
    expect(message).toMatch(/\[test(\/Shipping)?\] (destinations\[0\]|props)/);
  });
});

describe.each(BAD_BLOCKS)('a top-level block as %s', (_what, bad) => {
  test.each<[string, Make]>([
    [
      'DeckhouseClusterAudit auditLog',
      (c) => new DeckhouseClusterAudit(c, 'Audit', untyped({ auditLog: bad })),
    ],
    ['DeckhouseClusterAudit lint', (c) => new DeckhouseClusterAudit(c, 'Audit', untyped({ lint: bad }))],
    [
      'DeckhouseClusterAudit logShipperModule',
      (c) =>
        new DeckhouseClusterAudit(
          c,
          'Audit',
          untyped({ destinations: [DESTINATIONS.Loki], logShipperModule: bad === true ? 'x' : bad }),
        ),
    ],
    [
      'DeckhouseClusterAudit controlPlaneSettings',
      (c) =>
        new DeckhouseClusterAudit(c, 'Audit', untyped({ controlPlaneSettings: bad === null ? 'x' : bad })),
    ],
    [
      'ControlPlaneAuditConfig auditLog',
      (c) => new ControlPlaneAuditConfig(c, 'Audit', untyped({ auditLog: bad })),
    ],
    [
      'ControlPlaneAuditConfig additionalSettings.apiserver',
      (c) => new ControlPlaneAuditConfig(c, 'Audit', untyped({ additionalSettings: { apiserver: bad } })),
    ],
    [
      'AuditLogShipping auditLog',
      (c) => new AuditLogShipping(c, 'Audit', untyped({ destinations: [DESTINATIONS.Loki], auditLog: bad })),
    ],
    ['LogShipperModule settings', (c) => new LogShipperModule(c, 'Audit', untyped({ settings: bad }))],
  ])('%s is refused with the construct path', (_name, make) => {
    expect(refusal(make)).toMatch(/\[test\/Audit(\/[A-Za-z]+)?\] /);
  });
});

describe('a construct created outside any Chart', () => {
  test.each<[string, (app: App) => unknown]>([
    ['DeckhouseClusterAudit', (app) => new DeckhouseClusterAudit(app, 'Audit', {})],
    ['ControlPlaneAuditConfig', (app) => new ControlPlaneAuditConfig(app, 'Audit', {})],
    ['LogShipperModule', (app) => new LogShipperModule(app, 'Audit', {})],
    ['AuditPolicySecret', (app) => new AuditPolicySecret(app, 'Audit', { policy: policy().metadata() })],
    [
      'AuditLogShipping',
      (app) => new AuditLogShipping(app, 'Audit', { destinations: [DESTINATIONS.Loki as never] }),
    ],
  ])('%s names itself and the fix, not "cannot find a parent chart"', (_name, make) => {
    const app = new App({ outdir: '/nonexistent' });
    expect(() => make(app)).toThrow(
      "[Audit] scope: received a construct outside any Chart (the App itself?), expected a Chart or a construct inside one: cdk8s writes the objects of Charts. Fix: create it in a Chart, e.g. new Chart(app, 'audit')",
    );
  });

  test("inside the consumer's own constructs under a Chart it is in a Chart", () => {
    const app = new App({ outdir: '/nonexistent' });
    const platform = new Construct(new Chart(app, 'platform'), 'security');
    expect(() => new ControlPlaneAuditConfig(platform, 'ControlPlane', {})).not.toThrow();
  });
});
