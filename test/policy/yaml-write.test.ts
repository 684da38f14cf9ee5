import { parse as parseYaml } from 'yaml';
import { resolveGoYamlPlain } from '../../src/policy/go-yaml-scalar';
import { doubleQuoted, isSafePlainString } from '../../src/policy/yaml-quote';
import { OrderedMapping, writeYaml } from '../../src/policy/yaml-write';
import { NASTY_STRINGS, random, randomString } from './generated-policies';

describe('the one YAML writer', () => {
  it('sorts the keys of plain objects, keeps an OrderedMapping in its order, and leaves undefined out', () => {
    expect(writeYaml({ b: 1, a: { d: [3], c: undefined } })).toBe('a:\n  d:\n    - 3\nb: 1\n');
    expect(
      writeYaml(
        new OrderedMapping([
          ['z', 1],
          ['a', undefined],
          ['m', true],
        ]),
      ),
    ).toBe('z: 1\nm: true\n');
  });

  it('writes empty collections inline, nested lists and mappings on the dash line', () => {
    expect(writeYaml({ a: [], b: {}, c: [[1, 2], [], [{ x: 1, z: [] }]] })).toBe(
      'a: []\nb: {}\nc:\n  - - 1\n    - 2\n  - []\n  - - x: 1\n      z: []\n',
    );
    expect(writeYaml([])).toBe('[]\n');
    expect(writeYaml({})).toBe('{}\n');
  });

  // Strings every reader reads alike stay plain (units, regexes, base64, annotations), and what a reader could
  // take for something else is quoted, go-yaml v2's readings included.
  it.each([
    ['1Gi', '1Gi'],
    ['^rbac\\.authorization\\.k8s\\.io$', '^rbac\\.authorization\\.k8s\\.io$'],
    ['SkipDryRunOnMissingResource=true', 'SkipDryRunOnMissingResource=true'],
    ['YXBpVmVyc2lvbjo+/w==', 'YXBpVmVyc2lvbjo+/w=='],
    ['kube-audit-%F', 'kube-audit-%F'],
    ['siem.example.com:6514', 'siem.example.com:6514'],
    ['{{ level }}', '"{{ level }}"'],
    ['-1', '"-1"'],
    ['0X1F', '"0X1F"'],
    ['0B101', '"0B101"'],
    ['0o17', '"0o17"'],
    ['e3', '"e3"'],
    ['1:20', '"1:20"'],
    ['=', '"="'],
    ['<<', '"<<"'],
  ])('writes %j as %s', (value, written) => {
    expect(writeYaml({ value })).toBe(`value: ${written}\n`);
  });

  // isSafePlainString: moved here from render.test with the quoting rules, now checked in key position too.
  it('only lets through strings that go-yaml v2, YAML 1.1 and YAML 1.2 all read as the same string', () => {
    const next = random(7);
    let plain = 0;
    for (let i = 0; i < 5000; i++) {
      const s = randomString(next);
      if (!isSafePlainString(s)) continue;
      plain++;
      expect(resolveGoYamlPlain(s)).toEqual({ type: 'string', value: s });
      expect(parseYaml(`k: ${s}\n`)).toEqual({ k: s });
      expect(parseYaml(`k: ${s}\n`, { version: '1.1' })).toEqual({ k: s });
      expect(parseYaml(`- ${s}\n`)).toEqual([s]);
      expect(parseYaml(`- ${s}\n`, { version: '1.1' })).toEqual([s]);
      expect(parseYaml(`${s}: 1\n`)).toEqual({ [s]: 1 });
      expect(parseYaml(`${s}: 1\n`, { version: '1.1' })).toEqual({ [s]: 1 });
    }
    expect(plain).toBeGreaterThan(50);
  });

  it('double-quoted strings decode back to the original', () => {
    for (const s of NASTY_STRINGS) expect(parseYaml(`k: ${doubleQuoted(s)}\n`)).toEqual({ k: s });
  });

  it('property: random objects read back unchanged with YAML 1.1 and 1.2', () => {
    const next = random(8);
    const value = (depth: number): unknown => {
      const r = next();
      if (depth > 3 || r < 0.4)
        return r < 0.1 ? Math.floor(next() * 1000) - 500 : r < 0.15 ? next() < 0.5 : randomString(next);
      if (r < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      const out: Record<string, unknown> = {};
      for (let k = Math.floor(next() * 4); k > 0; k--) out[randomString(next) || 'k'] = value(depth + 1);
      return out;
    };
    for (let i = 0; i < 500; i++) {
      const object = { apiVersion: 'v1', kind: 'X', spec: value(0), data: value(0) };
      const text = writeYaml(object);
      expect(parseYaml(text, { version: '1.1' })).toEqual(object);
      expect(parseYaml(text, { version: '1.2' })).toEqual(object);
    }
  });
});
