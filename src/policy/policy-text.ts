/**
 * The bytes or string a policy arrives as, checked before any YAML is read: its size (a policy lives in a
 * Secret), its encoding (UTF-8, as Kubernetes manifests are), and the characters that the cluster's YAML reader
 * refuses or reads differently from this one. Each problem names the line and column where it starts.
 */
import { isUtf8 } from 'node:buffer';
import { Utf16Encoding, utf16ByteOrder } from './byte-order-mark';
import { Problem } from './types';

/**
 * Kubernetes refuses a Secret whose data exceeds 1 MiB (MaxSecretSize, k8s.io/kubernetes
 * pkg/apis/core/types.go), and Deckhouse reads the custom policy from Secret kube-system/audit-policy.
 */
export const SECRET_SIZE_LIMIT_BYTES = 1024 * 1024;

/** Policy text as a string or as the file's bytes (a Buffer is a Uint8Array). */
export type PolicyText = string | Uint8Array;

/** Options for reading policy text. */
export interface PolicyTextOptions {
  /**
   * Largest accepted policy, in bytes of UTF-8. Raise it only for a policy that is not meant for a Secret
   * (kube-apiserver's `--audit-policy-file` has no limit of its own).
   * @default SECRET_SIZE_LIMIT_BYTES (1 MiB)
   */
  maxBytes?: number;
}

/** The checked text, or why there is none. */
export interface CheckedText {
  text?: string;
  errors: Problem[];
  /** Problems that do not stop kube-apiserver from reading the text (a UTF-16 byte order mark). */
  warnings?: Problem[];
  /**
   * Whether kube-apiserver's decoder reads the input as JSON rather than YAML: its recognizer
   * (k8s.io/apimachinery pkg/util/yaml IsJSONBuffer) asks whether the raw bytes, after leading Unicode white
   * space (Go's unicode.IsSpace), start with "{". A byte order mark is not white space to it, so a file that
   * starts with one goes to go-yaml even when "{" follows.
   */
  json?: boolean;
  /** The input started with a byte order mark (UTF-8 or UTF-16), dropped from `text`. */
  byteOrderMark?: boolean;
  /**
   * Offsets in `text` of U+2028/U+2029 read as YAML: go-yaml's line breaks, written as "\n" in `text`; they
   * are exact only where they end a line between tokens (inside a value go-yaml keeps the character itself).
   */
  lineSeparators?: LineSeparator[];
}

/** A U+2028 or U+2029 written as "\n" in the checked text: where, and which. */
export interface LineSeparator {
  offset: number;
  /** `U+2028` or `U+2029`. */
  character: string;
}

const failure = (problem: Problem): CheckedText => ({ errors: [problem] });

// What go-yaml's reader (readerc.go, from libyaml) refuses with "control characters are not allowed":
// everything outside TAB, LF, CR, printable ASCII, NEL, U+00A0-U+D7FF, U+E000-U+FFFD and the supplementary planes.
// A lone surrogate cannot be written in UTF-8 at all.
const REFUSED_CHARACTER =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// A carriage return without a line feed (old Mac OS line ends). go-yaml counts it as a line break and reads it
// as "\n" inside scalars (scannerc.go skip_line/read_line: "CR|LF . LF"), and encoding/json takes it as white
// space between tokens (inside a JSON string a raw CR is as invalid as a raw LF), so reading it as LF gives both
// readers' values and their line numbers.
const LONE_CR = /\r(?!\n)/g;
// Go's unicode.IsSpace: what IsJSONBuffer skips before looking for "{". JavaScript's \s differs: it also takes
// U+FEFF (a byte order mark) and not U+0085.
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

/** Line (1-based) and column (1-based, in characters) of a string offset. */
export function positionIn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function codePoint(ch: string): string {
  return 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}

function sizeProblem(bytes: number, maxBytes: number, atLeast = false): Problem {
  const limit =
    maxBytes === SECRET_SIZE_LIMIT_BYTES ? '1 MiB, the size limit of a Secret' : `${maxBytes} bytes`;
  return {
    message:
      `the policy is ${atLeast ? 'at least ' : ''}${bytes} bytes, more than ${limit}: Deckhouse reads the custom policy from Secret ` +
      'kube-system/audit-policy, and Kubernetes refuses a larger Secret',
    fix:
      'merge rules that differ only in one list (users, namespaces, resources) and drop redundant ones; for a ' +
      'policy file that is not stored in a Secret, raise the limit (maxBytes)',
  };
}

function byteEncodingProblem(bytes: Uint8Array): Problem | undefined {
  const [b0, b1, b2, b3] = bytes;
  const at = { line: 1, column: 1 };
  const convert = (from: string) => `convert the file to UTF-8, e.g. iconv -f ${from} -t UTF-8`;
  if (
    (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) ||
    (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0)
  ) {
    return {
      message: 'the file is UTF-32 (it starts with a UTF-32 byte order mark); a policy must be UTF-8',
      ...at,
      fix: convert('UTF-32'),
    };
  }
  // UTF-16 without a byte order mark: ASCII text with a NUL before or after every character.
  if (bytes.length >= 4 && (b0 === 0 || b1 === 0) && (b2 === 0 || b3 === 0) && b0 !== b1) {
    return {
      message:
        'the file starts with NUL bytes between its characters: it looks like UTF-16 without a byte order mark; a policy must be UTF-8',
      ...at,
      fix: convert(b0 === 0 ? 'UTF-16BE' : 'UTF-16LE'),
    };
  }
  if (b0 === 0) {
    return {
      message: 'the file starts with a NUL byte: it is binary, or not UTF-8 text',
      ...at,
      fix: 'pass the policy YAML or JSON file itself, saved as UTF-8',
    };
  }
  return undefined;
}

// The first byte offset where `bytes` is not UTF-8 (only called when it is not).
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0 || i + need >= bytes.length) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // Overlong, surrogate and beyond-U+10FFFF forms.
    if (b === 0xe0 && bytes[i + 1] < 0xa0) return i;
    if (b === 0xed && bytes[i + 1] > 0x9f) return i;
    if (b === 0xf0 && bytes[i + 1] < 0x90) return i;
    if (b === 0xf4 && bytes[i + 1] > 0x8f) return i;
    i += need + 1;
  }
  return bytes.length;
}

// go-yaml's reader (readerc.go, yaml_parser_determine_encoding) reads a file that starts with a UTF-16 byte
// order mark (FF FE or FE FF) as UTF-16 and decodes it; kube-apiserver's YAML path (sigs.k8s.io/yaml) and
// Deckhouse's hook therefore load such a policy. It is not JSON to kube-apiserver's recognizer (the first
// byte is not "{"), so it always goes through go-yaml. Without a byte order mark go-yaml assumes UTF-8.
function decodeUtf16(bytes: Uint8Array, encoding: Utf16Encoding): CheckedText {
  const littleEndian = encoding === 'utf-16le';
  const order = littleEndian ? 'little-endian (FF FE)' : 'big-endian (FE FF)';
  const fix = 'convert the file to UTF-8, e.g. iconv -f UTF-16 -t UTF-8';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
  } catch {
    return failure({
      message: `the file is UTF-16, ${order} byte order mark, but not valid UTF-16 (an odd byte count or a lone surrogate): go-yaml refuses it`,
      line: 1,
      column: 1,
      fix,
    });
  }
  return {
    text,
    errors: [],
    warnings: [
      {
        message: `the file is UTF-16, ${order} byte order mark: kube-apiserver's YAML reader (go-yaml) decodes it, but Kubernetes manifests, kubectl and Git diffs expect UTF-8`,
        line: 1,
        column: 1,
        fix,
      },
    ],
  };
}

function decodeUtf8(bytes: Uint8Array): CheckedText {
  const utf16 = utf16ByteOrder(bytes);
  if (utf16 !== undefined) return decodeUtf16(bytes, utf16);
  const problem = byteEncodingProblem(bytes);
  if (problem) return failure(problem);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (isUtf8(body))
    return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), errors: [] };
  const offset = firstInvalidUtf8(body);
  const before = Buffer.from(body.buffer, body.byteOffset, offset).toString('utf8');
  const hex = Array.from(body.subarray(offset, offset + 4), (b) =>
    b.toString(16).toUpperCase().padStart(2, '0'),
  ).join(' ');
  return failure({
    message: `invalid UTF-8 (bytes ${hex}): go-yaml (Deckhouse's hook, and kube-apiserver for YAML) refuses the file, and a JSON decoder would read the bytes as U+FFFD`,
    ...positionIn(before, before.length),
    fix: 'save the file as UTF-8 (a Latin-1 or Windows-1252 editor setting writes such bytes)',
  });
}

function characterProblems(text: string): Problem[] {
  const problems: Problem[] = [];
  const refused = REFUSED_CHARACTER.exec(text);
  if (refused) {
    const ch = refused[0];
    const what =
      ch.length === 1 && ch.charCodeAt(0) === 0
        ? 'a NUL character'
        : `the control character ${codePoint(ch)}`;
    problems.push({
      message: `${what}: go-yaml (Deckhouse's hook, and kube-apiserver for YAML) refuses the file ("control characters are not allowed")`,
      ...positionIn(text, refused.index),
      fix: `remove it; inside a double-quoted string write it as an escape ("\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}") if you mean it`,
    });
  }
  return problems;
}

/**
 * Checks policy text or bytes: the type, the size, the encoding (UTF-8; a leading UTF-8 byte order mark is
 * dropped, as go-yaml does; UTF-16 with a byte order mark is decoded, with a warning, as go-yaml does; UTF-16
 * without one, UTF-32 and binary are refused with what they are), and characters the cluster's YAML reader
 * refuses or reads as line breaks. A carriage return without a line feed becomes a line feed, as both of
 * kube-apiserver's readers take it. `json` says whether kube-apiserver reads the input as JSON. Linear in the
 * input; never throws.
 */
export function checkPolicyText(input: unknown, options: PolicyTextOptions = {}): CheckedText {
  const maxBytes = options.maxBytes ?? SECRET_SIZE_LIMIT_BYTES;
  let text: string;
  let warnings: Problem[] = [];
  // A byte order mark (a string's leading U+FEFF is the UTF-8 one) is not white space to the JSON sniffing.
  let marked: boolean;
  if (typeof input === 'string') {
    marked = input.startsWith('\uFEFF');
    // UTF-8 takes at least a byte per UTF-16 unit: a string this long is too big before it is encoded.
    if (input.length > maxBytes) return failure(sizeProblem(input.length, maxBytes, true));
    const bytes = Buffer.byteLength(input, 'utf8');
    if (bytes > maxBytes) return failure(sizeProblem(bytes, maxBytes));
    text = input;
  } else if (input instanceof Uint8Array) {
    if (input.byteLength > maxBytes) return failure(sizeProblem(input.byteLength, maxBytes));
    const [b0, b1, b2] = input;
    marked =
      (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) ||
      (b0 === 0xff && b1 === 0xfe) ||
      (b0 === 0xfe && b1 === 0xff);
    const decoded = decodeUtf8(input);
    if (decoded.text === undefined) return decoded;
    text = decoded.text;
    warnings = decoded.warnings ?? [];
  } else {
    const got = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
    return failure({ message: `expected the policy text as a string or bytes (Uint8Array), got ${got}` });
  }
  const json = !marked && startsWithBrace(text);
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  text = text.replace(LONE_CR, '\n');
  // As JSON they are ordinary characters (inside strings; encoding/json refuses them outside): the reader that
  // takes the text as YAML after all (Deckhouse's hook) breaks its lines in readPolicyDocument.
  const read = json ? { text, lineSeparators: [] } : yamlLineBreaks(text);
  text = read.text;
  const lineSeparators = read.lineSeparators;
  const problems = characterProblems(text);
  return problems.length > 0
    ? { errors: problems, warnings }
    : { text, errors: [], warnings, json, byteOrderMark: marked, lineSeparators };
}

/**
 * Text read as YAML with go-yaml's line breaks written as "\n": U+0085 (NEL) is one to go-yaml (yamlprivateh.go
 * is_break) and read_line writes it as "\n" inside values too ("NEL . LF"), so that reading is exact. U+2028 and
 * U+2029 break lines as well but stay themselves inside values ("LS|PS . LS|PS"): "\n" in their place is exact
 * between tokens only, which readPolicyDocument checks with the returned `lineSeparators`.
 */
export function yamlLineBreaks(text: string): { text: string; lineSeparators: LineSeparator[] } {
  const lineSeparators: LineSeparator[] = [];
  const replaced = text.replace(/\u0085/g, '\n').replace(/[\u2028\u2029]/g, (c: string, offset: number) => {
    lineSeparators.push({ offset, character: codePoint(c) });
    return '\n';
  });
  return { text: replaced, lineSeparators };
}

/** IsJSONBuffer on text: "{" after leading Go white space. */
function startsWithBrace(text: string): boolean {
  return text.charAt(GO_SPACE.exec(text)![0].length) === '{';
}
