import { Testing } from 'cdk8s';
import {
  AuditLogShipping,
  AuditPolicySecret,
  ControlPlaneAuditConfig,
  DeckhouseClusterAudit,
  LogShipperModule,
} from '../../src/constructs';
import { Policy } from '../../src/policy/types';
import { synthError } from './helpers';

// Props from untyped JavaScript or a variable: a misspelt key would be ignored and the manifests would
// differ from what was written, so every construct refuses it where it is created.
const untyped = (props: Record<string, unknown> | null) => props as never;
const loki = { type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' };
const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };

describe('a prop no construct has is refused with did-you-mean', () => {
  test.each<[string, (chart: ReturnType<typeof Testing.chart>) => unknown, string]>([
    [
      'DeckhouseClusterAudit basicAuditPolicyEnable',
      (c) => new DeckhouseClusterAudit(c, 'Audit', untyped({ basicAuditPolicyEnable: false })),
      '[test/Audit] props.basicAuditPolicyEnable: not a known prop, and would be ignored; did you mean "basicAuditPolicyEnabled"?',
    ],
    [
      'DeckhouseClusterAudit destination',
      (c) => new DeckhouseClusterAudit(c, 'Audit', untyped({ destination: [loki] })),
      'props.destination: not a known prop, and would be ignored; did you mean "destinations"?',
    ],
    [
      'DeckhouseClusterAudit auditLog.outptu',
      (c) =>
        new DeckhouseClusterAudit(
          c,
          'Audit',
          untyped({ auditLog: { outptu: 'Stdout' }, destinations: [loki] }),
        ),
      '[test/Audit] auditLog.outptu: not a known prop, and would be ignored; did you mean "output"?',
    ],
    [
      'DeckhouseClusterAudit logShipperModule.sourc',
      (c) =>
        new DeckhouseClusterAudit(
          c,
          'Audit',
          untyped({ destinations: [loki], logShipperModule: { sourc: 'x' } }),
        ),
      'logShipperModule.sourc: not a known prop, and would be ignored; did you mean "source"?',
    ],
    [
      'ControlPlaneAuditConfig auditLog.paht',
      (c) =>
        new ControlPlaneAuditConfig(c, 'Cpm', untyped({ auditLog: { output: 'File', paht: '/var/log/x' } })),
      '[test/Cpm] auditLog.paht: not a known prop, and would be ignored; did you mean "path"?',
    ],
    [
      'AuditLogShipping nmae',
      (c) => new AuditLogShipping(c, 'Shipping', untyped({ destinations: [loki], nmae: 'audit' })),
      '[test/Shipping] props.nmae: not a known prop, and would be ignored; did you mean "name"?',
    ],
    [
      'AuditPolicySecret basicAuditPolicyEnable',
      (c) => new AuditPolicySecret(c, 'Secret', untyped({ policy, basicAuditPolicyEnable: false })),
      'did you mean "basicAuditPolicyEnabled"?',
    ],
    [
      'LogShipperModule sourc',
      (c) => new LogShipperModule(c, 'Module', untyped({ sourc: 'x' })),
      '[test/Module] props.sourc: not a known prop, and would be ignored; did you mean "source"?',
    ],
    [
      'props that are null',
      (c) => new DeckhouseClusterAudit(c, 'Audit', untyped(null)),
      '[test/Audit] props: received null, expected an object',
    ],
  ])('%s', (_name, create, message) => {
    expect(() => create(Testing.chart())).toThrow(message);
  });
});

describe('lint options, acknowledgements and flags the gate would misread', () => {
  const audit = (props: Record<string, unknown>) => () =>
    new DeckhouseClusterAudit(Testing.chart(), 'Audit', untyped({ policy, ...props }));

  test('a misspelt acknowledgement key would cover every finding of its code', () => {
    expect(
      audit({
        acknowledged: [
          { code: 'assertion-failed', assertoin: 'dvp.interactive.exec-websocket', reason: 'x' },
        ],
      }),
    ).toThrow(
      'acknowledged[0].assertoin: not a field of an acknowledgement; it would be ignored and the acknowledgement would cover every finding of its code. Fix: did you mean "assertion"?',
    );
    expect(audit({ acknowledged: 'all' })).toThrow('acknowledged: received "all", expected a list');
  });

  test('lint keys, codes and severities', () => {
    expect(audit({ lint: { severites: { 'exec-websocket': 'error' } } })).toThrow(
      '[test/Audit] lint.severites: not a known prop, and would be ignored; did you mean "severities"?',
    );
    expect(audit({ lint: { severities: { 'exec-websocket': 'Error' } } })).toThrow(
      'lint.severities["exec-websocket"]: received "Error", expected "error" or "warning" or "info"',
    );
    expect(audit({ lint: { severities: { 'exec-websockets': 'error' } } })).toThrow(
      'lint.severities: received "exec-websockets", expected a lint code; did you mean "exec-websocket"?',
    );
    expect(audit({ lint: { ignore: 'exec-websocket' } })).toThrow(
      'lint.ignore: received "exec-websocket", expected a list of lint codes',
    );
    expect(audit({ lint: { enabeld: false } })).toThrow('did you mean "enabled"?');
    expect(audit({ lint: { enabled: 'no' } })).toThrow('lint.enabled: received "no", expected true or false');
  });

  test('assertionSeverity and the flags take only their values', () => {
    expect(audit({ assertionSeverity: 'Error' })).toThrow(
      '[test/Audit] assertionSeverity: received "Error", expected "error" or "warning"',
    );
    expect(audit({ failOnWarnings: 'no' })).toThrow('failOnWarnings: received "no", expected true or false');
    expect(audit({ argoCdAnnotations: 'no' })).toThrow(
      'argoCdAnnotations: received "no", expected true or false',
    );
  });

  test('the right spellings synthesize', () => {
    const chart = Testing.chart();
    new DeckhouseClusterAudit(chart, 'Audit', {
      policy,
      auditLog: { output: 'File', path: '/var/log/kube-audit' },
      lint: { enabled: true, severities: { 'exec-websocket': 'warning' }, ignore: ['exec-websocket'] },
      assertionSeverity: 'warning',
      failOnWarnings: false,
      argoCdAnnotations: true,
    });
    expect(Testing.synth(chart).length).toBeGreaterThan(0);
  });
});

describe('field paths and filter items log-shipper would never match', () => {
  const shipping = (destination: Record<string, unknown>) => {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', untyped({ destinations: [{ ...loki, ...destination }] }));
    return synthError(chart);
  };
  const selection = (filter: Record<string, unknown>) =>
    shipping({ selections: [{ name: 'secrets', filters: [filter] }] });

  test('a misspelt or mis-cased audit event field (the destination would receive nothing)', () => {
    expect(selection({ field: 'objectRef.resorce', operator: 'In', values: ['secrets'] })).toMatch(
      /selections\[0\]\.filters\[0\]\.field: received "objectRef\.resorce", expected a field of an audit\.k8s\.io\/v1 Event .*did you mean "objectRef\.resource"\?/,
    );
    expect(selection({ field: 'objectref.resource', operator: 'In', values: ['secrets'] })).toContain(
      'did you mean "objectRef.resource"?',
    );
    expect(selection({ field: 'user.name', operator: 'In', values: ['admin'] })).toContain(
      'did you mean "user.username"?',
    );
    expect(selection({ field: 'objectRef.kind', operator: 'Exists' })).toContain(
      'name one of objectRef.resource, objectRef.namespace, objectRef.name, objectRef.uid, objectRef.apiGroup',
    );
  });

  test('a key a filter item does not have, and values that are not a list', () => {
    expect(selection({ field: 'verb', operator: 'In', value: ['get'] })).toContain('did you mean "values"?');
    expect(selection({ field: 'verb', operator: 'In', values: ['get'], caseInsensitive: true })).toContain(
      'caseInsensitive: received "caseInsensitive", expected a key of a log-shipper filter item',
    );
    expect(selection({ field: 'verb', operator: 'In', values: 'get' })).toContain(
      'values: received "get", expected a list of values',
    );
  });

  test('a label template on a misspelt field, and allowHighCardinalityLabels that is not true', () => {
    expect(shipping({ extraLabels: { resource: '{{ objectRef.resorce }}' } })).toContain(
      'did you mean "{{ objectRef.resource }}"?',
    );
    expect(
      shipping({ extraLabels: { u: '{{ user.username }}' }, allowHighCardinalityLabels: 'no' }),
    ).toContain('creates a Loki stream per value');
  });

  test('paths below requestObject, annotations and user.extra, and fields log-shipper adds, are not judged', () => {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', {
      destinations: [
        {
          type: 'Loki',
          name: 'loki',
          endpoint: 'https://loki.example.com',
          selections: [
            {
              name: 'x',
              filters: [
                { field: 'requestObject.spec.replicas', operator: 'Exists' },
                { field: 'annotations."authorization.k8s.io/decision"', operator: 'In', values: ['forbid'] },
                { field: 'user.extra.scopes', operator: 'Exists' },
                { field: 'host', operator: 'Exists' },
              ],
            },
          ],
        },
      ],
    });
    expect(() => Testing.synth(chart)).not.toThrow();
  });
});

describe('props of the wrong type: a clear error, never a crash inside the package', () => {
  const shipping = (props: Record<string, unknown>) => () =>
    new AuditLogShipping(Testing.chart(), 'Shipping', untyped({ destinations: [loki], ...props }));
  const audit = (props: Record<string, unknown>) => () =>
    new DeckhouseClusterAudit(Testing.chart(), 'Audit', untyped(props));

  test.each<[string, () => unknown, string]>([
    [
      'selections as an object',
      shipping({ destinations: [{ ...loki, selections: { name: 'a', filters: [] } }] }),
      '[test/Shipping] destinations[0].selections: received an object, expected a list of selections ({ name, filters })',
    ],
    [
      'a selection key',
      shipping({ destinations: [{ ...loki, selections: [{ name: 'a', filters: [], destination: 'x' }] }] }),
      'destinations[0].selections[0].destination: not a known prop',
    ],
    [
      'filters as an object',
      shipping({ filters: { field: 'verb' } }),
      '[test/Shipping] filters: received an object, expected a list of log filters',
    ],
    [
      'name as a number',
      shipping({ name: 5 }),
      '[test/Shipping] name: received 5, expected a ClusterLoggingConfig name',
    ],
    [
      'syncWave as a string',
      shipping({ syncWave: 'x' }),
      '[test/Shipping] syncWave: received "x", expected an integer',
    ],
    // String(1e21) is "1e+21": Go's strconv.Atoi refuses it and Argo CD (gitops-engine syncwaves.Wave) falls back to
    // wave 0, so the object would be applied with the ModuleConfig instead of after it.
    [
      'syncWave past the safe integers',
      shipping({ syncWave: 1e21 }),
      '[test/Shipping] syncWave: received 1e+21, expected an integer from -9007199254740991 to 9007199254740991',
    ],
    [
      'assertions as an object',
      audit({ assertions: { request: 'get pods' } }),
      '[test/Audit] assertions: received an object, expected a list of assertions',
    ],
    [
      'shippingFilters as an object',
      audit({ destinations: [loki], shippingFilters: {} }),
      'shippingFilters: received an object, expected a list of log filters',
    ],
    [
      "logShipperModule: 'false'",
      audit({ destinations: [loki], logShipperModule: 'false' }),
      '[test/Audit] logShipperModule: received "false", expected false (leave the module alone) or LogShipperModule props',
    ],
  ])('%s', (_name, create, message) => {
    expect(create).toThrow(message);
  });

  test('dropLabels.labels not a list, a misspelt label path, a second action block', () => {
    const transformation = (t: Record<string, unknown>) => {
      const chart = Testing.chart();
      new AuditLogShipping(chart, 'Shipping', untyped({ destinations: [{ ...loki, transformations: [t] }] }));
      return synthError(chart);
    };
    expect(transformation({ action: 'DropLabels', dropLabels: { labels: '.requestObject' } })).toContain(
      'transformations[0].dropLabels.labels: received ".requestObject", expected a list of label paths',
    );
    expect(transformation({ action: 'DropLabels', dropLabels: { labels: ['.requestObjects'] } })).toContain(
      'Fix: write ".message.requestObject" and put AuditTransformations.parseEvent()',
    );
    expect(
      transformation({
        action: 'DropLabels',
        dropLabels: { labels: ['.requestObject'] },
        addLabels: { setLabels: { '.x': 'y' } },
      }),
    ).toContain(
      'transformations[0].addLabels: received "addLabels", expected only the dropLabels block of action "DropLabels"',
    );
  });
});

describe('values the CRD requires but an empty string satisfies', () => {
  test('a Splunk destination with an empty token', () => {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', {
      destinations: [
        {
          type: 'Splunk',
          name: 'splunk',
          endpoint: 'https://splunk.example.com:8088',
          token: '',
          allowInlineCredentials: true,
        },
      ],
    });
    expect(synthError(chart)).toContain(
      'splunk.token: received "", expected the HEC token (the CRD requires one)',
    );
  });

  test('rate-limit excludes are filter items: a key log-shipper lacks is refused', () => {
    const chart = Testing.chart();
    new AuditLogShipping(
      chart,
      'Shipping',
      untyped({
        destinations: [
          {
            ...loki,
            rateLimit: {
              linesPerMinute: 1000,
              excludes: [{ field: 'verb', operator: 'In', values: ['delete'], negated: true }],
            },
          },
        ],
      }),
    );
    expect(synthError(chart)).toContain(
      'rateLimit.excludes[0].negated: received "negated", expected a key of a log-shipper filter item',
    );
  });
});

describe('a destination that is no object (a JavaScript `cond ? dest : null`)', () => {
  test.each([null, undefined, 'loki', 5])(
    '%p is a synth error naming destinations[1], never a TypeError',
    (bad) => {
      const chart = Testing.chart();
      new DeckhouseClusterAudit(chart, 'Audit', untyped({ destinations: [loki, bad], assertionPacks: [] }));
      const message = synthError(chart);
      expect(message).toMatch(/\[test\/Audit\/Shipping\] destinations\[1\]/);
      expect(message).not.toMatch(/TypeError|Cannot read properties/);
    },
  );
});

// One format for every construct error: a prop refused at once (ConstructPropsError) and one refused at synth
// (a cdk8s validation, "[path] message") both read "[<construct path>] <field>: received ..., expected ...".
test('a prop refused at once and one refused at synth share the "[path] field: received" format', () => {
  const format =
    /^\[test\/Audit\/ControlPlane\] auditLog\.output: received "Fil", expected one of File, Stdout\. Fix: /;
  const atOnce = (): unknown => new DeckhouseClusterAudit(Testing.chart(), 'Audit', untyped({ lint: 'off' }));
  expect(atOnce).toThrow(/^\[test\/Audit\] lint: received "off", expected lint options\. Fix: /);
  const chart = Testing.chart();
  new DeckhouseClusterAudit(chart, 'Audit', untyped({ auditLog: { output: 'Fil' } }));
  const lines = synthError(chart)
    .split('\n')
    .filter((line) => line.includes('auditLog.output'));
  expect(lines.map((line) => line.trim())).toEqual([expect.stringMatching(format)]);
});
