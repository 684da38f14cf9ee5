import { Testing } from 'cdk8s';
import {
  AuditEventSelection,
  AuditLogShipping,
  checkLogFilters,
  LOG_FILTER_OPERATORS,
  contains,
  doesNotExist,
  escapeRegex,
  exact,
  exists,
  LogFilter,
  LogShipperModule,
  matches,
  notContains,
  notExact,
  notMatches,
} from '../../src/constructs';
import { synthValid } from './helpers';

describe('log filters', () => {
  test('exact() renders one anchored, escaped Regex per value', () => {
    expect(exact('objectRef.apiGroup', 'rbac.authorization.k8s.io', 'a+b(c)')).toEqual({
      field: 'objectRef.apiGroup',
      operator: 'Regex',
      values: ['^rbac\\.authorization\\.k8s\\.io$', '^a\\+b\\(c\\)$'],
    });
    expect(notExact('verb', 'get')).toEqual({ field: 'verb', operator: 'NotRegex', values: ['^get$'] });
  });

  test('an anchored value matches the whole field only (In would match substrings)', () => {
    const [regex] = exact('verb', 'get').values as string[];
    expect(new RegExp(regex).test('get')).toBe(true);
    expect(new RegExp(regex).test('target')).toBe(false);
    expect(new RegExp(exact('g', 'a.b').values?.[0] as string).test('axb')).toBe(false);
  });

  test('escapeRegex escapes every metacharacter', () => {
    const text = '\\^$.*+?()[]{}|/-';
    expect(new RegExp(`^${escapeRegex(text)}$`).test(text)).toBe(true);
  });

  test('the other helpers map to the CRD operators', () => {
    expect(
      [
        matches('a', 'x'),
        notMatches('a', 'x'),
        contains('a', 'x'),
        notContains('a', 'x'),
        exists('a'),
        doesNotExist('a'),
      ].map((f) => f.operator),
    ).toEqual(['Regex', 'NotRegex', 'Regex', 'NotRegex', 'Exists', 'DoesNotExist']);
  });

  // log-shipper anchors every Regex value (transform/filter.go: "d8-.*" -> "^d8-.*$") and compares In/NotIn
  // values with VRL includes(values, field), i.e. the whole value (vector/vrl/log_filter.go). What the agent
  // then evaluates, reproduced: a value is wrapped in ^…$ unless it already starts with ^ / ends with $.
  const asShipped = (regex: string) =>
    new RegExp(`${regex.startsWith('^') ? '' : '^'}${regex}${regex.endsWith('$') ? '' : '$'}`);
  test.each<[string, LogFilter, string, boolean]>([
    [
      'contains finds the text anywhere',
      contains('requestURI', '/exec'),
      '/api/v1/namespaces/p/pods/w/exec?x=1',
      true,
    ],
    ['contains escapes the text', contains('requestURI', 'a.b'), '/axb', false],
    ['contains is not an exact match', contains('verb', 'get'), 'get', true],
    ['matches is anchored by log-shipper', matches('objectRef.namespace', 'd8-.*'), 'xd8-system', false],
    ['matches matches the whole value', matches('objectRef.namespace', 'd8-.*'), 'd8-system', true],
    ['exact stays exact', exact('verb', 'get'), 'target', false],
  ])('%s', (_name, filter, value, shipped) => {
    expect((filter.values ?? []).some((v) => asShipped(String(v)).test(value))).toBe(shipped);
  });

  test('checkLogFilters reports bad operators, invalid regexes and non-scalar values', () => {
    const problems = checkLogFilters(
      [
        { field: 'verb', operator: 'Equals' as 'In', values: ['get'] },
        matches('verb', '(unclosed'),
        { field: '', operator: 'In', values: [1.5] },
      ],
      'filters',
    );
    expect(problems.map((p) => p.field)).toEqual([
      'filters[0].operator',
      'filters[1].values[0]',
      'filters[2].field',
      'filters[2].values[0]',
    ]);
  });

  test('ready-made selections are well-formed', () => {
    for (const selection of [
      AuditEventSelection.rbacChanges(),
      AuditEventSelection.podAccess(),
      AuditEventSelection.secrets(),
      AuditEventSelection.denied(),
    ]) {
      expect(checkLogFilters(selection.filters, selection.name)).toEqual([]);
    }
  });
});

describe('AuditEventSelection.denied', () => {
  // responseStatus.code is a JSON number in the audit event (metav1.Status.Code, int32), and log-shipper
  // parses the line into numbers. Its filters (modules/460-log-shipper/hooks/internal/vrl/filter.go):
  // Regex renders `match!(.parsed_data.<field>, r'...')`, which needs a string and fails on a number, so
  // the vector filter drops every event; In renders `includes(<values>, .parsed_data.<field>)`, converting
  // only floats and booleans to strings (the CRD says so too), so integer values match an integer field.
  test('selects 401 and 403 with In and integer values, which match the integer field', () => {
    expect(AuditEventSelection.denied().filters).toEqual([
      { field: 'responseStatus.code', operator: 'In', values: [401, 403] },
    ]);
  });

  test('the rendered ClusterLoggingConfig carries the codes as YAML integers and validates', () => {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', {
      destinations: [
        {
          type: 'Loki',
          name: 'loki',
          endpoint: 'https://loki.example.com',
          selections: [AuditEventSelection.denied()],
        },
      ],
    });
    const config = synthValid(chart).find((m) => m.kind === 'ClusterLoggingConfig')!;
    expect(config.spec.logFilter).toContainEqual({
      field: 'responseStatus.code',
      operator: 'In',
      values: [401, 403],
    });
  });
});

describe('filters log-shipper cannot apply to the field they name', () => {
  // log-shipper's filters (modules/460-log-shipper/hooks/internal/vrl/filter.go) compare one value: Regex is
  // VRL `match!`, which fails on a number or a list (the vector filter then drops the event), NotRegex lets
  // every non-string pass, In/NotIn compare the whole value with `includes`. In an audit event
  // responseStatus.code is a number and user.groups a list: such a filter silently ships nothing, or all.
  test.each<[string, LogFilter, string]>([
    ['exact() on the numeric code', exact('responseStatus.code', '500'), 'with In and integer values'],
    [
      'notMatches() on the numeric code',
      notMatches('responseStatus.code', '^5'),
      'with In and integer values',
    ],
    ['exact() on the list of groups', exact('user.groups', 'system:masters'), 'user.groups is a list'],
    ['contains() on the list of groups', contains('user.groups', 'system:masters'), 'user.groups is a list'],
    ['notExact() on the list of groups', notExact('user.groups', 'system:nodes'), 'user.groups is a list'],
  ])('%s is refused with the way that works', (_name, filter, expected) => {
    const problems = checkLogFilters([filter], 'filters');
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('filters[0].field');
    expect(`${problems[0].expected} ${problems[0].fix}`).toContain(expected);
  });

  test('what log-shipper can apply passes: In with integers on the code, Exists on the groups', () => {
    expect(
      checkLogFilters(
        [
          { field: 'responseStatus.code', operator: 'In', values: [500, 503] },
          exists('user.groups'),
          exact('user.username', 'admin'),
        ],
        'filters',
      ),
    ).toEqual([]);
  });
});

describe('LogShipperModule', () => {
  test('enables log-shipper in wave -2 without settings', () => {
    const chart = Testing.chart();
    new LogShipperModule(chart, 'LogShipper');
    expect(synthValid(chart)).toEqual([
      {
        apiVersion: 'deckhouse.io/v1alpha1',
        kind: 'ModuleConfig',
        metadata: { name: 'log-shipper', annotations: { 'argocd.argoproj.io/sync-wave': '-2' } },
        spec: { enabled: true },
      },
    ]);
  });
});

describe('LOG_FILTER_OPERATORS', () => {
  test('are the CRD enum (read from imports/schemas), the six operators of deckhouse-audit.md §5', () => {
    expect(LOG_FILTER_OPERATORS).toEqual(['In', 'NotIn', 'Regex', 'NotRegex', 'Exists', 'DoesNotExist']);
  });
});

describe('the text helpers with a value that is no string (untyped code)', () => {
  const untyped = (value: unknown) => value as string;
  test.each([
    [
      'exact',
      () => exact('responseStatus.code', untyped(403)),
      "exact: values[0] must be a string, got the number 403. Fix: compare a number with { field, operator: 'In', values: [403] }",
    ],
    [
      'notExact',
      () => notExact('verb', 'get', untyped(['list'])),
      'notExact: values[1] must be a string (the text to match), got',
    ],
    [
      'contains',
      () => contains('message', untyped(undefined)),
      'contains: values[0] must be a string (the text to match), got',
    ],
    [
      'notContains',
      () => notContains('message', untyped(null)),
      'notContains: values[0] must be a string (the text to match), got',
    ],
  ])(
    '%s names itself and the argument instead of "text.replace is not a function"',
    (_name, call, message) => {
      expect(call).toThrow(message);
    },
  );
});
