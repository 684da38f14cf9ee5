import { checkListArgument } from './arguments';
import { echo } from './echo';
import { FieldError } from './types';

// Mirrors k8s.io/apimachinery/pkg/util/validation/field: the type names, the Error() text and the
// aggregate string kube-apiserver prints when a policy fails to load.

const TYPE_TEXT: Record<string, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueTypeInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
};

// Types whose message carries no bad value (upstream prints only the type text).
const VALUELESS = new Set(['FieldValueRequired']);

// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. Everything else (controls,
// format characters such as bidirectional overrides, other spaces, separators, private use) is escaped by Quote.
const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const GO_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** Go's strconv.Quote (what `%q` prints) for the strings a policy can hold. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const short = GO_SHORT_ESCAPES[ch];
    if (short !== undefined) {
      out += short;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    if (GO_PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
    // A lone surrogate is not valid UTF-8: Go would print the bytes; its rune is U+FFFD.
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** Go's encoding/json rendering (HTML-safe escaping included) of a JSON-compatible value. */
export function goJson(value: unknown): string {
  const text = JSON.stringify(value === undefined ? null : value) ?? 'null';
  return text.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/**
 * How field.Error prints a bad value that is not a plain Go string (a list, or a named string type such as
 * audit.Level): `%#v` up to apimachinery 0.33 (`[]string{"a"}`, `"x"`), json.Marshal from 0.34 (`["a"]`).
 */
export type BadValueStyle = 'json' | 'go-syntax';

/** How a bad value is printed: its Go rendering style, and whether a string is a named Go type. */
export interface BadValueFormat {
  style?: BadValueStyle;
  /** The value is a named string type (audit.Level), not `string`: printed like a list, not with %q. */
  namedString?: boolean;
}

function renderBadValue(value: unknown, format: BadValueFormat = {}): string {
  const style = format.style ?? 'json';
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string')
    return format.namedString && style === 'json' ? goJson(value) : goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (style === 'go-syntax' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return `[]string{${value.map((v: string) => goQuote(v)).join(', ')}}`;
  }
  try {
    return goJson(value);
  } catch {
    // An untyped caller's value JSON cannot encode (a cycle, a BigInt, nesting deeper than the stack):
    // the field error is still due, with the value described instead of printed.
    const what = Array.isArray(value) ? 'a list' : `a ${typeof value === 'object' ? 'object' : typeof value}`;
    return `<${what} that JSON cannot encode>`;
  }
}

function errorText(type: string, field: string, badValue: string, detail: string): string {
  let body = TYPE_TEXT[type] ?? type;
  if (!VALUELESS.has(type)) body += `: ${badValue}`;
  if (detail !== '') body += `: ${detail}`;
  return `${field}: ${body}`;
}

/** Builds a FieldError with upstream's Error() text in `message`. */
export function fieldError(
  type: string,
  field: string,
  badValue: unknown,
  detail: string,
  format: BadValueFormat = {},
): FieldError {
  const error: FieldError = {
    type,
    field,
    detail,
    message: errorText(type, field, renderBadValue(badValue, format), detail),
  };
  if (!VALUELESS.has(type)) error.badValue = badValue;
  return error;
}

/** Longest rendering of a bad value inside a problem message, in characters. */
const MAX_PROBLEM_VALUE_LENGTH = 200;

/**
 * Upstream's text of a FieldError for our own messages: the same words, but a bad value longer than 200
 * characters is cut, and characters a terminal would act on (which Go's JSON leaves raw in a list) escaped.
 */
export function fieldErrorProblemMessage(error: FieldError): string {
  const rendered = VALUELESS.has(error.type) ? '' : renderedBadValue(error);
  const value =
    rendered.length > MAX_PROBLEM_VALUE_LENGTH
      ? `${rendered.slice(0, MAX_PROBLEM_VALUE_LENGTH)}…(${rendered.length - MAX_PROBLEM_VALUE_LENGTH} more characters)`
      : rendered;
  return echo(errorText(error.type, error.field, value, error.detail), Infinity);
}

// The bad value as the error's message prints it (in the style of its Kubernetes version).
function renderedBadValue(error: FieldError): string {
  const prefix = `${error.field}: ${TYPE_TEXT[error.type] ?? error.type}: `;
  const suffix = error.detail !== '' ? `: ${error.detail}` : '';
  const { message } = error;
  if (
    message.startsWith(prefix) &&
    message.endsWith(suffix) &&
    message.length >= prefix.length + suffix.length
  ) {
    return message.slice(prefix.length, message.length - suffix.length);
  }
  return renderBadValue(error.badValue);
}

/** field.Required */
export function requiredError(field: string, detail = ''): FieldError {
  return fieldError('FieldValueRequired', field, '', detail);
}

/** field.Invalid */
export function invalidError(
  field: string,
  value: unknown,
  detail: string,
  format: BadValueFormat = {},
): FieldError {
  return fieldError('FieldValueInvalid', field, value, detail, format);
}

/** field.TypeInvalid: a value of the wrong JSON type (the apiserver's decoder would refuse it). */
export function typeInvalidError(field: string, value: unknown, detail: string): FieldError {
  return fieldError('FieldValueTypeInvalid', field, value, detail);
}

/** field.NotSupported: the detail lists the supported values quoted, as upstream does. */
export function notSupportedError(
  field: string,
  value: unknown,
  supported: readonly string[],
  format: BadValueFormat = {},
): FieldError {
  return fieldError(
    'FieldValueNotSupported',
    field,
    value,
    `supported values: ${supported.map((s) => goQuote(s)).join(', ')}`,
    format,
  );
}

/**
 * The string kube-apiserver prints for a list of field errors: identical messages once, a single
 * message as is, several as `[e1, e2]`; "" for none.
 */
export function formatFieldErrors(errors: readonly FieldError[]): string {
  checkListArgument('formatFieldErrors', 'errors', errors, 'the list validatePolicy returned');
  const unique = [...new Set(errors.map((e) => e.message))];
  if (unique.length === 0) return '';
  if (unique.length === 1) return unique[0];
  return `[${unique.join(', ')}]`;
}
