/**
 * How the YAML reader behind kube-apiserver and Deckhouse's hook (go-yaml v2, through sigs.k8s.io/yaml) types an
 * unquoted scalar. The `yaml` package's own `yaml-1.1` schema does the typing; by hand are only the places where
 * go-yaml v2 (gopkg.in/yaml.v2 resolve.go and decode.go, as vendored in sigs.k8s.io/yaml/goyaml.v2) reads a
 * plain scalar differently, each listed in GO_YAML_DIFFERENCES with its upstream reason.
 */
import { isScalar, Schema, ScalarTag } from 'yaml';
import { quote } from './echo';

/** The type go-yaml v2 gives a plain scalar, with its value. */
export type GoYamlScalar =
  | { type: 'string'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'int' | 'float'; value: number }
  | { type: 'null'; value: null };

/** What a schema's implicit tags make of a plain scalar. */
export interface SchemaReading {
  /** The resolved tag, e.g. `tag:yaml.org,2002:int`; `tag:yaml.org,2002:str` when no implicit tag matched. */
  tag: string;
  /** The tag's format, e.g. `TIME` for YAML 1.1 sexagesimal numbers. */
  format?: string;
  value: unknown;
}

const STR = 'tag:yaml.org,2002:str';
const INT = 'tag:yaml.org,2002:int';
const FLOAT = 'tag:yaml.org,2002:float';
const BOOL = 'tag:yaml.org,2002:bool';
const NULL = 'tag:yaml.org,2002:null';

function implicitTags(schema: 'yaml-1.1' | 'core'): ScalarTag[] {
  return new Schema({ schema, merge: false }).tags.filter(
    (tag): tag is ScalarTag => !tag.collection && tag.default === true && tag.test instanceof RegExp,
  );
}

const YAML_11_TAGS = implicitTags('yaml-1.1');
const CORE_TAGS = implicitTags('core');

function readWith(tags: readonly ScalarTag[], text: string): SchemaReading {
  const tag = tags.find((t) => t.test!.test(text));
  if (!tag) return { tag: STR, value: text };
  const resolved = tag.resolve(text, () => undefined, { intAsBigInt: false });
  return { tag: tag.tag, format: tag.format, value: isScalar(resolved) ? resolved.value : resolved };
}

/** How the `yaml` package's YAML 1.1 schema reads a plain scalar. */
export function readYaml11Plain(text: string): SchemaReading {
  return readWith(YAML_11_TAGS, text);
}

/** How the `yaml` package's YAML 1.2 core schema reads a plain scalar. */
export function readCorePlain(text: string): SchemaReading {
  return readWith(CORE_TAGS, text);
}

// resolve.go's special floats (its resolveMap): the only spellings of infinity and NaN go-yaml accepts.
const GO_SPECIAL_FLOAT = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
// strconv.ParseInt(s, 0, 64) syntax after go-yaml removed every "_": sign, then 0x / 0o / 0b (either case),
// a leading-0 octal, or decimal.
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
// resolve.go's yamlStyleFloat, tried after the integer forms.
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
// strconv.ParseFloat's syntax for a decimal that starts with a dot ("_" only between digits).
const GO_DOT_FLOAT = /^\.[0-9](?:_?[0-9])*(?:[eE][-+]?[0-9](?:_?[0-9])*)?$/;

const INT64_MIN = -(2n ** 63n);
const UINT64_LIMIT = 2n ** 64n;

function goBigInt(plain: string): bigint {
  const negative = plain.startsWith('-');
  const unsigned = plain.replace(/^[-+]/, '');
  // BigInt reads 0x / 0o / 0b in lower case only, and no leading-0 octal.
  const literal = /^0[0-7]+$/.test(unsigned) ? `0o${unsigned.slice(1)}` : unsigned.toLowerCase();
  const value = BigInt(literal);
  return negative ? -value : value;
}

function finiteFloat(text: string): GoYamlScalar | undefined {
  const value = Number(text);
  return Number.isFinite(value) ? { type: 'float', value } : undefined;
}

/**
 * resolve.go's reading of a scalar that starts with a dot (strconv.ParseFloat as written) or with a digit or a
 * sign (every "_" removed, then ParseInt base 0, ParseUint, yamlStyleFloat, big.Int); undefined = a string.
 * ParseFloat must succeed: an out-of-range float such as 1e400 stays a string.
 */
function goNumber(text: string): GoYamlScalar | undefined {
  const first = text[0];
  if (first === '.') return GO_DOT_FLOAT.test(text) ? finiteFloat(text.replace(/_/g, '')) : undefined;
  if (!(first === '+' || first === '-' || (first >= '0' && first <= '9'))) return undefined;
  const plain = text.replace(/_/g, '');
  if (GO_INT.test(plain)) {
    const value = goBigInt(plain);
    if (value >= INT64_MIN && value < UINT64_LIMIT) return { type: 'int', value: Number(value) };
    // Past 64 bits a decimal becomes a float64; hex, octal and binary a big.Int.
    if (!GO_FLOAT.test(plain)) return { type: 'int', value: Number(value) };
  }
  return GO_FLOAT.test(plain) ? finiteFloat(plain) : undefined;
}

/** One documented place where go-yaml v2 reads a plain scalar differently from the YAML 1.1 schema. */
export interface GoYamlDifference {
  /** What differs, and where upstream decides it. */
  readonly name: string;
  /** Whether the difference applies to this scalar and the schema's reading of it. */
  applies(text: string, yaml11: SchemaReading): boolean;
  /** go-yaml v2's reading. */
  read(text: string): GoYamlScalar;
}

const asString = (text: string): GoYamlScalar => ({ type: 'string', value: text });

function sameScalar(a: GoYamlScalar, b: GoYamlScalar): boolean {
  return a.type === b.type && (a.value === b.value || (Number.isNaN(a.value) && Number.isNaN(b.value)));
}

/** Every place where go-yaml v2 (what the cluster runs) and the YAML 1.1 schema disagree, in the order tried. */
export const GO_YAML_DIFFERENCES: readonly GoYamlDifference[] = [
  {
    name: 'a timestamp decodes to a string (decode.go: "for backward compatibility reasons we set it as a string")',
    applies: (_text, yaml11) => yaml11.value instanceof Date,
    read: asString,
  },
  {
    name: 'no sexagesimal numbers such as 1:20 (resolve.go: "Base 60 floats ... are purposefully unsupported")',
    applies: (_text, yaml11) => yaml11.format === 'TIME',
    read: asString,
  },
  {
    name:
      'numbers are read by strconv (resolve.go): 0o17, 0X1F and 0B101 are integers (ParseInt base 0), every "_" ' +
      'is dropped (1e3_), a leading-0 number with an 8 or 9 is a float (08), NaN and infinity only as .nan and ' +
      '.inf (".", "e3", "0x_", 1e400 are strings), after a dot "_" only between digits (.5__0 is a string)',
    applies: (text, yaml11) =>
      !GO_SPECIAL_FLOAT.test(text) &&
      (yaml11.tag === INT || yaml11.tag === FLOAT || /^[-+.0-9]/.test(text)) &&
      !sameScalar(fromSchema(text, yaml11), goNumber(text) ?? asString(text)),
    read: (text) => goNumber(text) ?? asString(text),
  },
];

function fromSchema(text: string, reading: SchemaReading): GoYamlScalar {
  switch (reading.tag) {
    case NULL:
      return { type: 'null', value: null };
    case BOOL:
      return { type: 'bool', value: reading.value as boolean };
    case INT:
      // Go integers have no negative zero.
      return { type: 'int', value: Number(reading.value) + 0 };
    case FLOAT:
      return { type: 'float', value: Number(reading.value) };
    default:
      return asString(text);
  }
}

/** Types an unquoted (plain) scalar the way go-yaml v2 does when decoding into interface{}. */
export function resolveGoYamlPlain(text: string): GoYamlScalar {
  const yaml11 = readYaml11Plain(text);
  const difference = GO_YAML_DIFFERENCES.find((d) => d.applies(text, yaml11));
  return difference ? difference.read(text) : fromSchema(text, yaml11);
}

/** A short human description of a scalar for error messages (`source` as it may be echoed). */
export function describeGoYamlScalar(scalar: GoYamlScalar, source: string): string {
  switch (scalar.type) {
    case 'bool':
      return `the boolean ${scalar.value} (unquoted ${source} is a YAML 1.1 boolean)`;
    case 'int':
    case 'float':
      return `the number ${source}`;
    case 'null':
      return source === '' ? 'an empty value (null)' : `null (unquoted ${source})`;
    default:
      return `the string ${quote(scalar.value)}`;
  }
}

/**
 * The string sigs.k8s.io/yaml's Unmarshal writes into a string field for a boolean or number (its
 * convertToJSONableObject: strconv.FormatInt for integers, FormatFloat(f, 'g', -1, 32) for floats);
 * undefined where it leaves the value alone (null, or an integer beyond 64 bits) and decoding then fails.
 * This is what Deckhouse's hook, which unmarshals into the audit v1 Go type, makes of `namespaces: [no]`.
 */
export function goStringOf(scalar: GoYamlScalar, source: string): string | undefined {
  if (scalar.type === 'bool') return scalar.value ? 'true' : 'false';
  if (scalar.type === 'float') return formatFloat32(scalar.value);
  if (scalar.type !== 'int') return undefined;
  const value = goBigInt(source.replace(/_/g, ''));
  // Integers past 64 bits are a big.Int, which the conversion leaves alone.
  return value >= INT64_MIN && value < UINT64_LIMIT ? value.toString() : undefined;
}

/** Go's strconv.FormatFloat(f, 'g', -1, 32): the shortest text that reads back as the same float32. */
export function formatFloat32(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  const single = Math.fround(f);
  if (single === Infinity) return '+Inf';
  if (single === -Infinity) return '-Inf';
  if (single === 0) return Object.is(single, -0) ? '-0' : '0';
  let precision = 1;
  while (precision < 9 && Math.fround(Number(single.toPrecision(precision))) !== single) precision++;
  const [mantissa, exponentText] = single.toExponential(precision - 1).split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '').replace(/0+$/, '') || '0';
  const sign = negative ? '-' : '';
  // %g with the shortest precision switches to %e when the exponent is < -4 or >= 6 (ftoa.go).
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = Math.abs(exponent).toString().padStart(2, '0');
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? '-' : '+'}${e}`;
  }
  const point = exponent + 1;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
