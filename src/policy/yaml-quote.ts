/** When and how the renderer quotes a string so that every YAML reader reads it back unchanged. */

// Unquoted only when it starts with a letter or "/" and uses a small set of characters that no YAML
// reader gives a meaning to in the middle of a plain scalar.
const SAFE_PLAIN = /^[A-Za-z/][A-Za-z0-9._/:*@+-]*$/;
// Words that YAML 1.1 (y, on, off, ...) or 1.2 (true, null) readers type; any case, to be safe.
const RESERVED_WORDS = /^(?:y|n|yes|no|on|off|true|false|null)$/i;

/** True when `value` can be written without quotes and every YAML reader gets the same string back. */
export function isSafePlainString(value: string): boolean {
  return SAFE_PLAIN.test(value) && !value.endsWith(':') && !RESERVED_WORDS.test(value);
}

/** A YAML double-quoted string; escapes everything that is not printable on one line. */
export function doubleQuoted(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    const code = value.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (
      code >= 0xd800 &&
      code <= 0xdbff &&
      i + 1 < value.length &&
      isLowSurrogate(value.charCodeAt(i + 1))
    ) {
      out += ch + value[i + 1];
      i++;
    } else if (needsEscape(code)) {
      out += '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
    } else {
      out += ch;
    }
  }
  return out + '"';
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

// Control characters, DEL, C1 controls, YAML 1.1 line breaks (NEL, LS, PS), the BOM, lone surrogates.
function needsEscape(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0xfffe ||
    code === 0xffff
  );
}
