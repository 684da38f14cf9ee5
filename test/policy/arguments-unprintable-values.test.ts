import { InvalidPolicyError } from '../../src/policy/arguments';
import { compilePolicy } from '../../src/policy/evaluate';
import { lintPolicy } from '../../src/policy/lint';
import { renderPolicy } from '../../src/policy/render';
import { validatePolicy } from '../../src/policy/validate';
import { anyValue } from './arguments-fixtures';

// Library calls check their arguments at the public entry: a TypeError that names the function, the
// argument and the expected shape — never a deep property error, never an answer from a policy
// kube-apiserver would refuse.

describe('bad values JSON cannot print: a field error, never a crash of the message', () => {
  // Untyped callers can hand over anything where a string belongs. The field error quotes the bad value as
  // Go's encoding/json would; a value JSON.stringify cannot encode (a cycle, a BigInt, nesting deeper than the
  // stack) must still give the field error with its path, not a RangeError from inside the message.
  const deep = (): unknown => {
    let value: unknown = 'x';
    for (let i = 0; i < 100_000; i++) value = [value];
    return value;
  };
  const cyclic = (): unknown => {
    const list: unknown[] = [];
    list.push(list);
    return list;
  };
  const BAD: Array<[string, () => unknown]> = [
    ['a list nested 100,000 deep', deep],
    ['a list that contains itself', cyclic],
    ['a BigInt', () => BigInt(5)],
    ['a list holding a BigInt', () => [BigInt(5)]],
  ];
  const PLACES: Array<[string, (bad: unknown) => unknown, string]> = [
    ['users[0]', (bad) => ({ rules: [{ level: 'Metadata', users: [bad] }] }), 'rules[0].users[0]'],
    ['the rule itself', (bad) => ({ rules: [bad] }), 'rules[0]'],
    ['level', (bad) => ({ rules: [{ level: bad }] }), 'rules[0].level'],
    ['resources[0]', (bad) => ({ rules: [{ level: 'None', resources: [bad] }] }), 'rules[0].resources[0]'],
  ];
  const cases = BAD.flatMap(([what, make]) =>
    PLACES.map(([where, place, field]) => [`${what} as ${where}`, field, () => place(make())] as const),
  );

  it.each(cases)('%s: validatePolicy reports %s', (_name, field, make) => {
    const errors = validatePolicy(make());
    expect(errors.map((e) => e.field)).toContain(field);
    for (const e of errors) expect(e.message.startsWith(`${e.field}: `)).toBe(true);
  });

  it.each(cases)('%s: compilePolicy, lintPolicy and renderPolicy refuse it with %s', (_name, field, make) => {
    const policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', ...(make() as object) };
    expect(() => compilePolicy(anyValue(policy))).toThrow(InvalidPolicyError);
    expect(() => compilePolicy(anyValue(policy))).toThrow(field);
    expect(() => lintPolicy(anyValue(policy))).toThrow(InvalidPolicyError);
    expect(() => renderPolicy(anyValue(policy))).toThrow(TypeError);
  });
});
