import {
  compareKubernetesVersions,
  isKubernetesVersionAtLeast,
  parseKubernetesVersion,
} from '../../src/policy/version';
import { goJson, goQuote } from '../../src/policy/field-error';

describe('Kubernetes versions', () => {
  test.each([
    ['1.32', { major: 1, minor: 32, patch: 0 }],
    ['v1.36.2', { major: 1, minor: 36, patch: 2 }],
    [' 1.36.0-rc.1 ', { major: 1, minor: 36, patch: 0 }],
    ['1.31.4+k3s1', { major: 1, minor: 31, patch: 4 }],
  ])('parses %p', (text, expected) => {
    expect(parseKubernetesVersion(text)).toEqual(expected);
  });

  test.each(['', '1', 'v1', 'latest', '1.x', '1.32.1.5', 'v1.36-'])('refuses %p', (text) => {
    expect(parseKubernetesVersion(text)).toBeUndefined();
  });

  test('compares numerically, not as text', () => {
    const v = (s: string) => parseKubernetesVersion(s)!;
    expect(compareKubernetesVersions(v('1.9'), v('1.10'))).toBeLessThan(0);
    expect(compareKubernetesVersions(v('1.36'), v('v1.36.0'))).toBe(0);
    expect(isKubernetesVersionAtLeast('v1.36.1', '1.36')).toBe(true);
    expect(isKubernetesVersionAtLeast('1.35.9', '1.36')).toBe(false);
    expect(() => isKubernetesVersionAtLeast('next', '1.36')).toThrow('not a Kubernetes version: "next"');
  });
});

describe('Go value rendering in messages', () => {
  test('strconv.Quote', () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('\n\t\x01\x7f')).toBe('"\\n\\t\\x01\\x7f"');
    expect(goQuote('ünï')).toBe('"ünï"');
  });

  test('encoding/json escapes HTML characters', () => {
    expect(goJson(['<a>&'])).toBe('["\\u003ca\\u003e\\u0026"]');
    expect(goJson(undefined)).toBe('null');
  });
});
