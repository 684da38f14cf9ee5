// Regex filter values as log-shipper's agent reads them. Expected behaviour from upstream sources:
// - deckhouse modules/460-log-shipper/hooks/internal/vrl/filter.go (FilterRegexRule, FilterNotRegexRule): each value
//   is written verbatim into `match!(.field, r'<value>')`; transform/testdata/filters.json shows
//   `match!(.parsed_data.namespace, r'^d8-.*$')`.
// - vectordotdev/vrl src/parser/lex.rs: a regex literal r'…' ends at the first `'` not preceded by a backslash
//   (`r'foo bar` is an unterminated literal error).
// - Rust regex crate documentation: no look-around, no backreferences (a pattern using them does not compile).
// JavaScript's RegExp accepts all of them, so none of these would be caught by compiling the value in Node.
// - rust-lang/regex regex-syntax src/ast/parse.rs: parse_group reads inline flags `(?i)`, `(?i-s:…)` (flags i, m, s,
//   R, U, u, x) and `(?P<name>…)`, which JavaScript's RegExp refuses ("Invalid group"); parse_escape knows the letter
//   escapes x u U p P d s w D S W a f t n r v A z b B and refuses any other letter or non-ASCII character
//   ("unrecognized escape sequence"), and every escaped digit without the octal option ("backreferences are not
//   supported"), where JavaScript reads `\Q` as Q and `\0` as NUL; an assertion (\A \z \b \B) is refused inside a
//   class.
import { Testing } from 'cdk8s';
import {
  AuditEventSelection,
  AuditLogShipping,
  checkLogFilters,
  contains,
  exact,
  matches,
  notContains,
  notExact,
  notMatches,
} from '../../src/constructs';
import { provablyDisjoint } from '../../src/constructs/selection-overlap';
import { javaScriptCheckable, vrlRegexProblem } from '../../src/constructs/vrl-regex';
import { ofKind, synthError, synthValid } from './helpers';

const VECTOR = { type: 'Vector' as const, name: 'archive', endpoint: 'vector.example.com:6000' };

// The VRL regex literal log-shipper writes for a value, cut where VRL's lexer ends it.
function vrlLiteralBody(value: string): string {
  const source = `r'${value}'`;
  let i = 2;
  while (i < source.length && source[i] !== "'") i += source[i] === '\\' ? 2 : 1;
  return source.slice(2, i);
}

describe('Regex values inside VRL', () => {
  test.each([
    ['exact', exact('user.username', "o'brien")],
    ['notExact', notExact('user.username', "o'brien")],
    ['contains', contains('message', "it's")],
    ['notContains', notContains('message', "it's")],
  ])('%s() writes a quote as \\x27: the literal survives VRL and still matches the text', (_name, filter) => {
    const value = filter.values![0] as string;
    expect(value).toContain('\\x27');
    expect(value).not.toContain("'");
    expect(vrlLiteralBody(value)).toBe(value);
    const text = filter.field === 'message' ? "say it's done" : "o'brien";
    expect(new RegExp(value).test(text)).toBe(true);
    expect(checkLogFilters([filter], 'filters', filter.field === 'message')).toEqual([]);
  });

  test("a hand-written regex with a quote is refused: VRL's literal would end at it", () => {
    const value = "^o'.*$";
    expect(vrlLiteralBody(value)).toBe('^o');
    const problems = checkLogFilters([matches('user.username', value)], 'filters');
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('filters[0].values[0]');
    expect(problems[0].expected).toContain("VRL regex literal r'…'");
    expect(problems[0].fix).toContain('\\x27');
  });

  test.each([
    ['(?=get)', 'look-around', '(?='],
    ['^(?!get$).*', 'look-around', '(?!'],
    ['(?<=system:)admin', 'look-around', '(?<='],
    ['(?<!system:)admin', 'look-around', '(?<!'],
    ['(a)\\1', 'backreferences', '\\1'],
    ['(?<v>a)\\k<v>', 'backreferences', '\\k<v>'],
  ])('%s is refused: Rust regex has no %s', (regex, feature, text) => {
    expect(() => new RegExp(regex)).not.toThrow();
    const problem = vrlRegexProblem(regex);
    expect(problem?.expected).toContain(`no ${feature} (received ${text})`);
    const [item] = checkLogFilters([notMatches('verb', regex)], 'filters');
    expect(item.field).toBe('filters[0].values[0]');
  });

  test.each(['\\(?=x\\)', '[(?=]', '[]()?!]', '^(?:get|list)$', '(?P<verb>get)', '\\x27', '^a\\+b$'])(
    '%s is not look-around or a backreference and passes',
    (regex) => expect(vrlRegexProblem(regex)).toBeUndefined(),
  );

  test('synth names the construct and the value for shipping filters, selections and rateLimit.excludes', () => {
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', {
      destinations: [
        {
          ...VECTOR,
          rateLimit: { linesPerMinute: 60000, excludes: [matches('message', ".*it's.*")] },
          selections: [AuditEventSelection.custom('quoted', matches('user.username', "o'.*"))],
        },
      ],
      filters: [matches('verb', '(?!get).*')],
    });
    const message = synthError(chart);
    expect(message).toContain('[test/Shipping] filters[0].values[0]: received "(?!get).*"');
    expect(message).toContain('[test/Shipping] destinations[0].rateLimit.excludes[0].values[0]');
    expect(message).toContain('[test/Shipping] destinations[0].selections[0].filters[0].values[0]');
  });

  test('exact() selections with quoted values synthesize and are still seen as disjoint', () => {
    const a = AuditEventSelection.custom('a', exact('user.username', "o'brien"));
    const b = AuditEventSelection.custom('b', exact('user.username', "o'neil"));
    expect(provablyDisjoint(a.filters, b.filters)).toBe(true);
    const chart = Testing.chart();
    new AuditLogShipping(chart, 'Shipping', { destinations: [{ ...VECTOR, selections: [a, b] }] });
    const configs = ofKind(synthValid(chart), 'ClusterLoggingConfig');
    expect(configs.map((c) => c.spec.logFilter[0].values)).toEqual([['^o\\x27brien$'], ['^o\\x27neil$']]);
  });
});

describe("Rust's regex syntax, not JavaScript's", () => {
  test.each([
    '(?i)create',
    '(?i:create|update)',
    '(?is-m:admin.*)',
    '(?P<verb>get)',
    '\\Acreate\\z',
    '[[:alpha:]]+',
    '\\p{Greek}+',
    '\\x{41}',
    'system:serviceaccount:d8-.*',
  ])('%s compiles in Rust regex and is accepted', (regex) => {
    expect(checkLogFilters([matches('user.username', regex)], 'filters')).toEqual([]);
  });

  test('the JavaScript form of a Rust group keeps escapes and classes as written', () => {
    expect(javaScriptCheckable('(?i)a(?P<n>b)(?s:c)')).toBe('a(?<n>b)(?:c)');
    expect(javaScriptCheckable('\\(?i)[(?i)]')).toBe('\\(?i)[(?i)]');
  });

  test.each([
    ['\\Qadmin\\E', '\\Q'],
    ['a\\hb', '\\h'],
    ['end\\Z', '\\Z'],
    ['\\Gx', '\\G'],
    ['\\e', '\\e'],
    ['caf\\é', '\\é'],
    ['[\\b]', '\\b'],
  ])('%s compiles in JavaScript but not in Rust regex: refused', (regex, escape) => {
    expect(() => new RegExp(regex)).not.toThrow();
    const [problem] = checkLogFilters([matches('verb', regex)], 'filters');
    expect(problem.field).toBe('filters[0].values[0]');
    expect(problem.expected).toContain(`no escape ${escape}`);
  });

  test('an escaped digit is a backreference to Rust, \\0 included', () => {
    expect(vrlRegexProblem('a\\0')?.expected).toContain('no backreferences (received \\0)');
    expect(vrlRegexProblem('[\\1]')?.expected).toContain('no backreferences (received \\1)');
  });
});
