import {
  formatFloat32,
  GO_YAML_DIFFERENCES,
  GoYamlScalar,
  goStringOf,
  readYaml11Plain,
  resolveGoYamlPlain,
} from '../../src/policy/go-yaml-scalar';
import { random } from './generated-policies';

/**
 * resolve.go (gopkg.in/yaml.v2 as vendored in sigs.k8s.io/yaml/goyaml.v2) transcribed on its own, without the
 * yaml package: the oracle for the property test below. decode.go turns a timestamp into its string when the
 * target is interface{}, so timestamps are strings here too.
 */
function goResolveReference(text: string): GoYamlScalar {
  const map: Record<string, GoYamlScalar> = {};
  for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'])
    map[s] = { type: 'bool', value: true };
  for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])
    map[s] = { type: 'bool', value: false };
  for (const s of ['', '~', 'null', 'Null', 'NULL']) map[s] = { type: 'null', value: null };
  for (const s of ['.nan', '.NaN', '.NAN']) map[s] = { type: 'float', value: NaN };
  for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'])
    map[s] = { type: 'float', value: Infinity };
  for (const s of ['-.inf', '-.Inf', '-.INF']) map[s] = { type: 'float', value: -Infinity };
  const hint =
    text === ''
      ? 'N'
      : /[+-]/.test(text[0])
        ? 'S'
        : /[0-9]/.test(text[0])
          ? 'D'
          : /[yYnNtTfFoO~]/.test(text[0])
            ? 'M'
            : text[0] === '.'
              ? '.'
              : '';
  if (hint === '') return { type: 'string', value: text };
  if (Object.prototype.hasOwnProperty.call(map, text)) return map[text];
  // strconv.ParseFloat as written ("_" only between digits).
  if (hint === '.') {
    if (/^\.[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?$/.test(text)) {
      const v = Number(text.replace(/_/g, ''));
      if (Number.isFinite(v)) return { type: 'float', value: v };
    }
    return { type: 'string', value: text };
  }
  if (hint === 'D' || hint === 'S') {
    const plain = text.replace(/_/g, '');
    const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(plain);
    const floatSyntax = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain);
    if (m) {
      const digits = m[2];
      const literal = /^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits.toLowerCase();
      const big = (m[1] === '-' ? -1n : 1n) * BigInt(literal);
      const fits = big >= -(2n ** 63n) && big < 2n ** 64n; // ParseInt or ParseUint succeeds
      if (fits || !floatSyntax) return { type: 'int', value: Number(big) };
    }
    if (floatSyntax) {
      const v = Number(plain);
      if (Number.isFinite(v)) return { type: 'float', value: v };
    }
  }
  return { type: 'string', value: text };
}

describe('go-yaml v2 scalars: the yaml-1.1 schema plus the documented differences', () => {
  // Each row: the token, what the yaml package's YAML 1.1 schema reads, what go-yaml v2 reads (resolve.go).
  it.each([
    ['2001-12-14', 'date', { type: 'string', value: '2001-12-14' }],
    ['2001-12-14t21:59:43.10-05:00', 'date', { type: 'string', value: '2001-12-14t21:59:43.10-05:00' }],
    ['1:20', 'number', { type: 'string', value: '1:20' }],
    ['-1:20.5', 'number', { type: 'string', value: '-1:20.5' }],
    ['0o17', 'string', { type: 'int', value: 15 }],
    ['0X1F', 'string', { type: 'int', value: 31 }],
    ['0B101', 'string', { type: 'int', value: 5 }],
    ['1e3_', 'string', { type: 'float', value: 1000 }],
    ['+_1', 'string', { type: 'int', value: 1 }],
    ['08', 'number', { type: 'float', value: 8 }],
    ['-019', 'number', { type: 'float', value: -19 }],
    ['.', 'number', { type: 'string', value: '.' }],
    ['-.', 'number', { type: 'string', value: '-.' }],
    ['e3', 'number', { type: 'string', value: 'e3' }],
    ['0x_', 'number', { type: 'string', value: '0x_' }],
    ['0_', 'number', { type: 'int', value: 0 }],
    ['1e400', 'number', { type: 'string', value: '1e400' }],
    ['.5__0', 'number', { type: 'string', value: '.5__0' }],
  ])('%j: YAML 1.1 reads a %s, go-yaml %j', (token, yaml11Kind, go) => {
    const yaml11 = readYaml11Plain(token).value;
    const kind = yaml11 instanceof Date ? 'date' : typeof yaml11;
    expect(kind).toBe(yaml11Kind);
    expect(resolveGoYamlPlain(token)).toEqual(go);
    expect(GO_YAML_DIFFERENCES.some((d) => d.applies(token, readYaml11Plain(token)))).toBe(true);
  });

  it.each([
    '<<',
    'kube-system',
    'yes',
    'NULL',
    '0x1F',
    '0777',
    '1_000',
    '1.5',
    '.inf',
    '1e3',
    '1.2.3',
    'v1',
    '-',
  ])('%j is read alike by both, and no difference applies', (token) => {
    expect(GO_YAML_DIFFERENCES.some((d) => d.applies(token, readYaml11Plain(token)))).toBe(false);
    expect(resolveGoYamlPlain(token)).toEqual(goResolveReference(token));
  });

  it('agrees with a transcription of resolve.go on 20,000 number-like and random tokens', () => {
    const next = random(4242);
    const alphabet = '0123456789+-._eExXoObB:_aftnyNY~<'.split('');
    const special = [
      '.inf',
      '-.Inf',
      '.NaN',
      'true',
      'Off',
      '~',
      '',
      '<<',
      '0x',
      '0b',
      '0o',
      '1e',
      'e',
      '2001-12-14',
    ];
    for (let i = 0; i < 20_000; i++) {
      let token = next() < 0.1 ? special[Math.floor(next() * special.length)] : '';
      const length = Math.floor(next() * 7);
      for (let k = 0; k < length; k++) token += alphabet[Math.floor(next() * alphabet.length)];
      const ours = resolveGoYamlPlain(token);
      const reference = goResolveReference(token);
      if (ours.type === 'float' && Number.isNaN(ours.value)) expect(Number.isNaN(reference.value)).toBe(true);
      else expect({ token, ...ours }).toEqual({ token, ...reference });
    }
  });
});

describe('what sigs.k8s.io/yaml writes into a string field (Deckhouse path)', () => {
  // strconv.FormatFloat(float64(float32(x)), 'g', -1, 32): the values Go prints.
  it.each([
    [1, '1'],
    [1.5, '1.5'],
    [100, '100'],
    [123456, '123456'],
    [1e6, '1e+06'],
    [1234567, '1.234567e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [0.1, '0.1'],
    [3.14159265, '3.1415927'],
    [16777217, '1.6777216e+07'],
    [-2.5, '-2.5'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [NaN, 'NaN'],
  ])('FormatFloat(%p, g, -1, 32) = %s', (value, text) => {
    expect(formatFloat32(value)).toBe(text);
  });

  it.each([
    ['no', 'false'],
    ['on', 'true'],
    ['0x1F', '31'],
    ['0777', '511'],
    ['-0b101', '-5'],
    ['1_000', '1000'],
    ['1.0', '1'],
    ['1e3', '1000'],
    ['08', '8'],
    ['18446744073709551615', '18446744073709551615'],
    ['99999999999999999999', '1e+20'],
  ])('%s becomes the string %j', (token, text) => {
    expect(goStringOf(resolveGoYamlPlain(token), token)).toBe(text);
  });

  it('leaves null and integers past 64 bits alone (decoding then fails)', () => {
    expect(goStringOf(resolveGoYamlPlain('~'), '~')).toBeUndefined();
    expect(goStringOf(resolveGoYamlPlain('0xFFFFFFFFFFFFFFFFFF'), '0xFFFFFFFFFFFFFFFFFF')).toBeUndefined();
  });
});

describe('resolveGoYamlPlain: how kube-apiserver types an unquoted scalar (go-yaml v2)', () => {
  it.each([
    ['', 'null', null],
    ['~', 'null', null],
    ['null', 'null', null],
    ['Null', 'null', null],
    ['NULL', 'null', null],
    ['nULL', 'string', 'nULL'],
    ['y', 'bool', true],
    ['Y', 'bool', true],
    ['yes', 'bool', true],
    ['YES', 'bool', true],
    ['on', 'bool', true],
    ['On', 'bool', true],
    ['True', 'bool', true],
    ['yEs', 'string', 'yEs'],
    ['n', 'bool', false],
    ['NO', 'bool', false],
    ['off', 'bool', false],
    ['OFF', 'bool', false],
    ['FALSE', 'bool', false],
    ['1', 'int', 1],
    ['-1', 'int', -1],
    ['+1', 'int', 1],
    ['0x1F', 'int', 31],
    ['0X1f', 'int', 31],
    ['0o17', 'int', 15],
    ['0b101', 'int', 5],
    ['-0b101', 'int', -5],
    ['0777', 'int', 511],
    ['08', 'float', 8],
    ['1_000', 'int', 1000],
    ['1.5', 'float', 1.5],
    ['1e3', 'float', 1000],
    ['.5', 'float', 0.5],
    ['-.5', 'float', -0.5],
    ['.inf', 'float', Infinity],
    ['-.Inf', 'float', -Infinity],
    // resolve.go's resolveTable has no hint for '<', so resolveMap's "<<" is never consulted: the scalar is a
    // string; decode.go's isMerge finds merge keys by their plain text instead.
    ['<<', 'string', '<<'],
    ['1.2.3', 'string', '1.2.3'],
    ['2001-12-14', 'string', '2001-12-14'],
    ['1:20', 'string', '1:20'],
    ['0o8', 'string', '0o8'],
    ['0x', 'string', '0x'],
    ['-', 'string', '-'],
    ['.', 'string', '.'],
    ['_1', 'string', '_1'],
    ['v1', 'string', 'v1'],
    ['kube-system', 'string', 'kube-system'],
  ])('%j is %s', (text, type, value) => {
    expect(resolveGoYamlPlain(text)).toEqual({ type, value });
  });
  it('reads .nan as a float', () => {
    const r = resolveGoYamlPlain('.NaN');
    expect(r.type).toBe('float');
    expect(Number.isNaN(r.value)).toBe(true);
  });
});
