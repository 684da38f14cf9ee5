import { concatenatedValues } from '../../src/replay/concatenated-json';

describe('concatenatedValues', () => {
  test('splits objects and arrays written one after another, with or without whitespace', () => {
    expect(concatenatedValues('{"a":1}{"b":[2,{"c":3}]}')).toEqual(['{"a":1}', '{"b":[2,{"c":3}]}']);
    expect(concatenatedValues(' {"a":1}\t{"b":2}\r[3] ')).toEqual(['{"a":1}', '{"b":2}', '[3]']);
  });

  test('brackets and quotes inside strings do not split a value', () => {
    const a = '{"m":"}{ \\"]}[\\\\"}';
    expect(JSON.parse(a)).toEqual({ m: '}{ "]}[\\' });
    expect(concatenatedValues(`${a}${a}`)).toEqual([a, a]);
  });

  test('one value, text between values, scalars and a value cut short are not concatenated values', () => {
    expect(concatenatedValues('{"a":1}')).toBeUndefined();
    expect(concatenatedValues('{"a":1},{"b":2}')).toBeUndefined();
    expect(concatenatedValues('{"a":1}{"b":2')).toBeUndefined();
    expect(concatenatedValues('1 2')).toBeUndefined();
    expect(concatenatedValues('{"a":1}"x"')).toBeUndefined();
  });
});
