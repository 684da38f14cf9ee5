/**
 * How kube-apiserver's YAML reader (go-yaml v2 behind sigs.k8s.io/yaml, a YAML 1.1 flavour) types an
 * unquoted scalar. A YAML 1.2 library would read `no` or `0x1F` as strings; the apiserver does not,
 * and then fails to put a boolean or a number into a string field.
 */

/** The type go-yaml v2 gives a plain scalar, with its value. */
export type GoYamlScalar =
  | { type: 'string'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'int' | 'float'; value: number }
  | { type: 'null'; value: null }
  | { type: 'merge'; value: '<<' };

const BOOLEANS: Readonly<Record<string, boolean>> = {
  y: true,
  Y: true,
  yes: true,
  Yes: true,
  YES: true,
  true: true,
  True: true,
  TRUE: true,
  on: true,
  On: true,
  ON: true,
  n: false,
  N: false,
  no: false,
  No: false,
  NO: false,
  false: false,
  False: false,
  FALSE: false,
  off: false,
  Off: false,
  OFF: false,
};

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);

const SPECIAL_FLOATS: Readonly<Record<string, number>> = {
  '.nan': NaN,
  '.NaN': NaN,
  '.NAN': NaN,
  '.inf': Infinity,
  '.Inf': Infinity,
  '.INF': Infinity,
  '+.inf': Infinity,
  '+.Inf': Infinity,
  '+.INF': Infinity,
  '-.inf': -Infinity,
  '-.Inf': -Infinity,
  '-.INF': -Infinity,
};

// Go's strconv.ParseInt(s, 0, 64) syntax: sign, then 0x / 0o / 0b / leading-0 octal / decimal.
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
// go-yaml v2's yamlStyleFloat, tried after the integer forms.
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;

function parseGoInt(text: string): number {
  const negative = text.startsWith('-');
  const unsigned = text.replace(/^[-+]/, '');
  let value: number;
  if (/^0[xX]/.test(unsigned)) value = parseInt(unsigned.slice(2), 16);
  else if (/^0[oO]/.test(unsigned)) value = parseInt(unsigned.slice(2), 8);
  else if (/^0[bB]/.test(unsigned)) value = parseInt(unsigned.slice(2), 2);
  else if (unsigned.length > 1 && unsigned.startsWith('0')) value = parseInt(unsigned.slice(1), 8);
  else value = Number(unsigned);
  return negative ? -value : value;
}

/** Types an unquoted (plain) scalar the way go-yaml v2 does when decoding into interface{}. */
export function resolveGoYamlPlain(text: string): GoYamlScalar {
  if (NULLS.has(text)) return { type: 'null', value: null };
  if (text === '<<') return { type: 'merge', value: '<<' };
  const first = text[0];
  const bool = BOOLEANS[text];
  if (bool !== undefined) return { type: 'bool', value: bool };
  if (first === '.' || first === '+' || first === '-') {
    const special = SPECIAL_FLOATS[text];
    if (special !== undefined) return { type: 'float', value: special };
  }
  if (first === '.') {
    return DOT_FLOAT.test(text) ? { type: 'float', value: Number(text) } : { type: 'string', value: text };
  }
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    // Timestamps look like numbers at first but go-yaml v2 hands them to interface{} as strings.
    const plain = text.replace(/_/g, '');
    if (GO_INT.test(plain)) return { type: 'int', value: parseGoInt(plain) };
    if (GO_FLOAT.test(plain)) return { type: 'float', value: Number(plain) };
  }
  return { type: 'string', value: text };
}

/** A short human description of a non-string scalar, for error messages. */
export function describeGoYamlScalar(scalar: GoYamlScalar, source: string): string {
  switch (scalar.type) {
    case 'bool':
      return `the boolean ${scalar.value} (unquoted ${source} is a YAML 1.1 boolean)`;
    case 'int':
    case 'float':
      return `the number ${source}`;
    case 'null':
      return source === '' ? 'an empty value (null)' : `null (unquoted ${source})`;
    case 'merge':
      return 'a YAML merge key (<<)';
    default:
      return `the string ${JSON.stringify(scalar.value)}`;
  }
}
