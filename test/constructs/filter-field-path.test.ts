import { Testing } from 'cdk8s';
import { AuditLogShipping, checkLogFilters, exact, exists, LogFilter, matches } from '../../src/constructs';
import { filterFieldPathProblem, parseFilterPath } from '../../src/constructs/filter-field-path';
import { synthError, synthValid } from './helpers';

// log-shipper writes a filter's field into VRL as it is: deckhouse modules/460-log-shipper/hooks/internal/vrl/filter.go
// renders `exists(.{{ $.filter.Field }})` with Go text/template (vrl/common.go), after
// hooks/internal/vector/transform/filter.go made a logFilter field "parsed_data." + field (its test,
// vrl/filter_test.go, renders Field "parsed_data.test" as `match!(.parsed_data.test, r'.*')`). VRL path segments
// are [a-zA-Z0-9_@]+ or double-quoted (vector docs reference/remap/expressions/path.cue).
describe('filter fields as the VRL path log-shipper renders', () => {
  test.each([
    'objectRef.resource',
    'sourceIPs[0]',
    'annotations."authorization.k8s.io/decision"',
    'user.extra."authentication.kubernetes.io/pod-name"[0]',
    'requestObject.metadata.labels."app.kubernetes.io/name"',
    'annotations."a\\"b"',
  ])('%s compiles and names one field', (field) => {
    expect(parseFilterPath(field)).toBeDefined();
    expect(filterFieldPathProblem(field, false)).toBeUndefined();
  });

  test('a quoted segment is read as its key, escapes undone', () => {
    expect(parseFilterPath('annotations."a\\"b.c/d"[1]')).toEqual([
      { key: 'annotations', quoted: false, indexes: 0 },
      { key: 'a"b.c/d', quoted: true, indexes: 1 },
    ]);
  });

  test.each<[string, string, string]>([
    // `/` is VRL's division and `-` its minus: `.parsed_data.annotations.authorization.k8s.io/decision` does not compile.
    [
      'annotations.authorization.k8s.io/decision',
      'annotations."authorization.k8s.io/decision"',
      'does not compile',
    ],
    [
      'annotations.pod-security.kubernetes.io/enforce-policy',
      'annotations."pod-security.kubernetes.io/enforce-policy"',
      'does not compile',
    ],
    // The \. escape is extraLabels' (transform/extra_fields.go); in a filter the backslash is pasted into VRL.
    [
      'user.extra.authentication\\.kubernetes\\.io/pod-name[0]',
      'user.extra."authentication.kubernetes.io/pod-name"[0]',
      'the \\. escape is read in extraLabels templates only',
    ],
    [
      'requestObject.metadata.labels.app.kubernetes.io/name',
      'requestObject.metadata.labels."app.kubernetes.io/name"',
      'does not compile',
    ],
    ['requestObject.spec.some-field', 'requestObject.spec."some-field"', 'does not compile'],
    // log-shipper adds the dot itself: `.parsed_data..verb`.
    ['.verb', 'verb', 'without a leading dot'],
    // Compiles, but looks for annotations.authorization.k8s.io as nested objects: annotations are map[string]string.
    ['annotations.authorization.k8s.io', 'annotations."authorization.k8s.io"', 'never matches'],
    [
      'annotations."authorization.k8s.io".decision',
      'annotations."authorization.k8s.io.decision"',
      'never matches',
    ],
  ])('%s is refused with the path that works', (field, meant, expected) => {
    const problems = checkLogFilters([exists(field)], 'filters');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'filters[0].field', received: field });
    expect(problems[0].expected).toContain(expected);
    expect(problems[0].fix).toContain(`write "${meant}"`);
    // The fix itself passes.
    expect(checkLogFilters([exists(meant)], 'filters')).toEqual([]);
  });

  test('the record fields of rateLimit.excludes are pasted without parsed_data, pod label keys quoted too', () => {
    const [problem] = checkLogFilters(
      [exists('pod_labels.app.kubernetes.io/name')],
      'rateLimit.excludes',
      true,
    );
    expect(problem.expected).toContain('(.pod_labels.app.kubernetes.io/name)');
    expect(problem.fix).toContain('write "pod_labels."app.kubernetes.io/name""');
    expect(
      checkLogFilters([exists('pod_labels."app.kubernetes.io/name"')], 'rateLimit.excludes', true),
    ).toEqual([]);
  });

  // authentication/v1 UserInfo.Extra is map[string]ExtraValue, ExtraValue []string: a value comparison on the key
  // compares a list, which `includes`/`match!` never match (vrl/filter.go).
  test('a value comparison on a user.extra key is refused for its first entry', () => {
    const field = 'user.extra."authentication.kubernetes.io/node-name"';
    const [problem] = checkLogFilters([exact(field, 'node-1')], 'filters');
    expect(problem.field).toBe('filters[0].field');
    expect(problem.fix).toBe(`compare its first entry, "${field}[0]"`);
    expect(checkLogFilters([exact(`${field}[0]`, 'node-1'), exists(field)], 'filters')).toEqual([]);
  });

  test('the construct refuses at synth, naming the prop and the fix', () => {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', {
      destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }],
      filters: [exact('annotations.authorization.k8s.io/decision', 'forbid')],
    });
    const message = synthError(chart);
    expect(message).toContain('Shipping');
    expect(message).toContain('filters[0].field');
    expect(message).toContain('annotations."authorization.k8s.io/decision"');
  });

  test('the quoted path synthesizes as written', () => {
    const chart = Testing.chart();
    const filter: LogFilter = exact('annotations."authorization.k8s.io/decision"', 'forbid');
    new AuditLogShipping(chart, 'Shipping', {
      destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }],
      filters: [filter],
    });
    const config = synthValid(chart).find((m) => m.kind === 'ClusterLoggingConfig')!;
    expect(config.spec.logFilter).toEqual([filter]);
  });
});

// transform/filter.go matchFullRegexp adds "^" unless the value starts with "^" and "$" unless it ends with "$".
const asShipped = (regex: string) =>
  `${regex.startsWith('^') ? '' : '^'}${regex}${regex.endsWith('$') ? '' : '$'}`;

describe('Regex values as log-shipper anchors them', () => {
  test('a top-level alternation is refused: the anchors bind to its first and last branch only', () => {
    expect(new RegExp(asShipped('create|update')).test('createcollection')).toBe(true);
    const [problem] = checkLogFilters([matches('verb', 'create|update')], 'filters');
    expect(problem.field).toBe('filters[0].values[0]');
    expect(problem.expected).toContain('"^create|update$"');
    expect(problem.fix).toBe('write "(create|update)", which log-shipper runs as "^(create|update)$"');
    expect(new RegExp(asShipped('(create|update)')).test('createcollection')).toBe(false);
  });

  test('a grouped alternation, one in a class, or one anchored by the user passes', () => {
    expect(
      checkLogFilters(
        [matches('verb', '(create|update)', 'a[|]b', '^get$|^list$', 'x\\|y'), exact('verb', 'a|b')],
        'filters',
      ),
    ).toEqual([]);
  });

  test('a value ending in an escaped \\$ is refused: log-shipper adds no end anchor to it', () => {
    expect(new RegExp(asShipped('cost\\$')).test('cost$ and more')).toBe(true);
    const [problem] = checkLogFilters([matches('requestURI', 'cost\\$')], 'filters');
    expect(problem.fix).toBe('write "^cost\\$$" (the anchors yourself)');
  });
});
