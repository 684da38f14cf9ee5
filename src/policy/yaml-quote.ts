/**
 * The one set of quoting rules of the YAML writer: when a string may stay plain so that every reader gets the
 * same string back (go-yaml v2 behind kubectl, kube-apiserver, Argo CD and Deckhouse; YAML 1.1 and 1.2 readers
 * such as the `yaml` package and PyYAML), and how anything else is written double-quoted.
 */
import { readCorePlain, readYaml11Plain, resolveGoYamlPlain } from './go-yaml-scalar';

// Characters that start something other than a plain scalar (YAML c-indicator), and leading space.
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
// Flow indicators and quotes (legal inside a block plain scalar, but easily misread and invalid in flow
// style), a tab, ": " (a mapping), " #" (a comment), a trailing ":" or space.
const UNSAFE_INSIDE = /[,[\]{}"'\t]|: |\s#|:$|\s$/;
// Printable ASCII only: YAML 1.1 reads NEL, LS and PS as line breaks, and non-ASCII text is easier to review quoted.
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
// Words some YAML 1.1 or 1.2 reader types, in any case; `=` is YAML 1.1's value key (PyYAML resolves it),
// `<<` its merge key.
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|=|<<)$/i;

/**
 * True when `value` can be written without quotes: plain-scalar syntax in block context, and go-yaml v2, the
 * YAML 1.1 schema and the YAML 1.2 core schema all read it back as this same string (so `0X1F`, which go-yaml
 * reads as 31, `1:20`, a YAML 1.1 number, and `2001-12-14`, a YAML 1.1 timestamp, are quoted).
 */
export function isSafePlainString(value: string): boolean {
  if (!PRINTABLE_ASCII.test(value) || INDICATOR_START.test(value) || UNSAFE_INSIDE.test(value)) return false;
  if (RESERVED.test(value)) return false;
  return (
    resolveGoYamlPlain(value).type === 'string' &&
    typeof readYaml11Plain(value).value === 'string' &&
    typeof readCorePlain(value).value === 'string'
  );
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
