import { jsonErrorOffset } from '../../src/policy/json-error-offset';
import { decodePolicyText } from '../../src/policy/yaml-decode';

// kube-apiserver reads text whose first non-blank byte is "{" as JSON (apimachinery util/yaml IsJSONBuffer) and
// refuses invalid JSON. Every message must name line:column; V8's JSON.parse names a position for some errors
// only: a trailing comma in a list or an unquoted value ("Unexpected token ']', ... is not valid JSON") had none,
// so the CLI printed "file: invalid JSON: ..." with no line or column.
describe('invalid JSON: the error names line and column', () => {
  test.each([
    [
      'a trailing comma in a list',
      '{"apiVersion": "audit.k8s.io/v1",\n "rules": [{"level": "Metadata"},]}',
      2,
      34,
    ],
    ['an unquoted value', '{"apiVersion": "audit.k8s.io/v1",\n "rules": [{"level": Metadata}]}', 2, 22],
    ['a trailing comma in an object', '{"apiVersion": "audit.k8s.io/v1",\n "rules": [],\n}', 3, 1],
    ['single quotes', "{'apiVersion': 'audit.k8s.io/v1'}", 1, 2],
  ])('%s', (_name, text, line, column) => {
    const result = decodePolicyText(text);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(/^invalid JSON: /);
    expect(result.errors[0]).toMatchObject({ line, column });
  });

  test('jsonErrorOffset agrees with JSON.parse on valid and invalid texts', () => {
    const valid = [
      '{}',
      ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n", {"b": []}]} ',
      '{"a":{"b":{"c":[[[]]]}}}',
    ];
    for (const t of valid) expect(jsonErrorOffset(t)).toBe(-1);
    const invalid: Array<[string, number]> = [
      ['{"a": [1,]}', 9],
      ['{"a": 01}', 7],
      ['{"a": 1} x', 9],
      ['{"a" 1}', 5],
      ['{"a": tru}', 6],
      ['{"a": "x', 6],
      ['{"a": [1', 8],
      ['{,}', 1],
    ];
    for (const [t, offset] of invalid) {
      expect(() => JSON.parse(t)).toThrow();
      expect([t, jsonErrorOffset(t)]).toEqual([t, offset]);
    }
  });

  test('deep nesting is scanned without recursion', () => {
    expect(jsonErrorOffset('{"a":' + '['.repeat(200000) + ',')).toBe(200005);
  });
});
