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

/** Go's strconv.Quote (what `%q` prints) for the strings a policy can hold. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp >= 0x80 && cp < 0xa0) out += '\\u' + cp.toString(16).padStart(4, '0');
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

/** Go's encoding/json rendering (HTML-safe escaping included) of a JSON-compatible value. */
export function goJson(value: unknown): string {
  const text = JSON.stringify(value === undefined ? null : value) ?? 'null';
  return text.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function renderBadValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return goJson(value);
}

/** Builds a FieldError with upstream's Error() text in `message`. */
export function fieldError(type: string, field: string, badValue: unknown, detail: string): FieldError {
  let body = TYPE_TEXT[type] ?? type;
  if (!VALUELESS.has(type)) body += `: ${renderBadValue(badValue)}`;
  if (detail !== '') body += `: ${detail}`;
  const error: FieldError = { type, field, detail, message: `${field}: ${body}` };
  if (!VALUELESS.has(type)) error.badValue = badValue;
  return error;
}

/** field.Required */
export function requiredError(field: string, detail = ''): FieldError {
  return fieldError('FieldValueRequired', field, '', detail);
}

/** field.Invalid */
export function invalidError(field: string, value: unknown, detail: string): FieldError {
  return fieldError('FieldValueInvalid', field, value, detail);
}

/** field.TypeInvalid: a value of the wrong JSON type (the apiserver's decoder would refuse it). */
export function typeInvalidError(field: string, value: unknown, detail: string): FieldError {
  return fieldError('FieldValueTypeInvalid', field, value, detail);
}

/** field.NotSupported: the detail lists the supported values quoted, as upstream does. */
export function notSupportedError(field: string, value: unknown, supported: readonly string[]): FieldError {
  return fieldError(
    'FieldValueNotSupported',
    field,
    value,
    `supported values: ${supported.map((s) => goQuote(s)).join(', ')}`,
  );
}

/**
 * The string kube-apiserver prints for a list of field errors: identical messages once, a single
 * message as is, several as `[e1, e2]`; "" for none.
 */
export function formatFieldErrors(errors: readonly FieldError[]): string {
  const unique = [...new Set(errors.map((e) => e.message))];
  if (unique.length === 0) return '';
  if (unique.length === 1) return unique[0];
  return `[${unique.join(', ')}]`;
}
