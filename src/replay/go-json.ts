/**
 * Validating JSON text and measuring it in kube-apiserver's encoding, without building values.
 *
 * The audit log backend writes each Event with Go's `encoding/json` (`Marshal`, HTML escaping on): struct
 * string fields are encoded by `appendString` and `requestObject`/`responseObject` (raw JSON) are copied by
 * `appendCompact`; both write `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026` and U+2028/U+2029 as
 * `\u2028`/`\u2029`, and neither writes insignificant whitespace. Escapes already present in a body are
 * kept as written (`appendCompact` copies them); a string field is written from its decoded value, so the
 * exact scanner re-encodes the escapes there (`scanMode`). So the bytes kube-apiserver writes for a JSON text are its
 * UTF-8 length, minus whitespace outside strings, plus 5 bytes per raw `<`, `>`, `&` and 3 per raw U+2028/
 * U+2029 (sources: Go `src/encoding/json/encode.go` appendString, `indent.go` appendCompact). A line that
 * kube-apiserver wrote measures exactly its length on disk.
 *
 * Nesting is limited like Go's decoder (`scanner.go`: maxNestingDepth = 10000) and scanned without
 * recursion, so no input can exhaust the stack.
 */

/** Go's `encoding/json` decoder refuses JSON nested deeper than this (scanner.go maxNestingDepth). */
export const GO_MAX_NESTING_DEPTH = 10000;

/** Result registers of the last scan (module-level so that scanning allocates nothing). */
export const scanned = {
  /** Go-encoded bytes of the last scanned value or string. */
  bytes: 0,
  /** The last scanned string had a backslash escape (its text is not the raw slice). */
  escaped: false,
  /** Why the last scan failed (when it returned -1). */
  error: '',
  /** Where the last scan failed: the text's length when the text ended before the value did. */
  errorAt: 0,
};

/**
 * How strings are measured. Off (the default): escapes count as written, as for requestObject/responseObject,
 * which Go copies with appendCompact. On: as appendString writes a decoded string, which is how the Event's
 * own fields (user, requestURI, userAgent, annotations …) are written, so a line another tool re-encoded
 * (`\u00fc` for `ü`, `\/` for `/`) measures what kube-apiserver wrote.
 */
export const scanMode = { reencode: false };

/** Bytes Go's appendString writes for the character `\uXXXX` stands for (HTML escaping on, Go ≥ 1.22). */
function reencodedBytes(cp: number): number {
  if (cp === 34 || cp === 92 || cp === 8 || cp === 9 || cp === 10 || cp === 12 || cp === 13) return 2;
  if (cp < 0x20 || cp === 60 || cp === 62 || cp === 38 || cp === 0x2028 || cp === 0x2029) return 6;
  // Go writes invalid UTF-8 as the escape \ufffd itself: a line it wrote keeps its length on disk.
  if (cp === 0xfffd) return 6;
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  return 3; // a lone surrogate decodes to U+FFFD, 3 bytes too
}

/** Where the four hex digits of a `\\u` escape starting at `j` stop being hex (the text's end when they run out). */
function badHexAt(s: string, j: number): number {
  let k = j;
  while (k < j + 4 && k < s.length && isHex(s.charCodeAt(k))) k++;
  return k;
}

function hexAt(s: string, j: number): number {
  return parseInt(s.slice(j, j + 4), 16);
}

const DEPTH_ERROR = `nested deeper than ${GO_MAX_NESTING_DEPTH} levels (the limit of Go's encoding/json)`;

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Index of the first non-whitespace character at or after `i`. */
export function skipWhitespace(s: string, i: number): number {
  while (i < s.length && isWhitespace(s.charCodeAt(i))) i++;
  return i;
}

function fail(reason: string, at: number): number {
  scanned.error = reason;
  scanned.errorAt = at;
  return -1;
}

/**
 * Scans the JSON string starting at `s[i] === '"'`; returns the index after its closing quote (or -1) and
 * sets `scanned.bytes` (quotes included) and `scanned.escaped`.
 */
export function scanString(s: string, i: number): number {
  let bytes = 2;
  let escaped = false;
  let j = i + 1;
  const n = s.length;
  for (;;) {
    if (j >= n) return fail('unterminated string', n);
    const c = s.charCodeAt(j);
    if (c === 34) break;
    if (c < 0x80) {
      if (c === 92) {
        escaped = true;
        const e = s.charCodeAt(j + 1);
        if (e === 117 /* u */) {
          if (!(
            isHex(s.charCodeAt(j + 2)) &&
            isHex(s.charCodeAt(j + 3)) &&
            isHex(s.charCodeAt(j + 4)) &&
            isHex(s.charCodeAt(j + 5))
          ))
            return fail('invalid \\u escape', badHexAt(s, j + 2));
          if (!scanMode.reencode) {
            bytes += 6;
            j += 6;
            continue;
          }
          const cp = hexAt(s, j + 2);
          // A surrogate pair written as two escapes is one 4-byte character.
          if (
            cp >= 0xd800 &&
            cp <= 0xdbff &&
            s.startsWith('\\u', j + 6) &&
            /^[dD][c-fC-F][0-9a-fA-F]{2}$/.test(s.slice(j + 8, j + 12))
          ) {
            bytes += 4;
            j += 12;
            continue;
          }
          bytes += reencodedBytes(cp);
          j += 6;
          continue;
        }
        if (
          e === 34 ||
          e === 92 ||
          e === 47 ||
          e === 98 ||
          e === 102 ||
          e === 110 ||
          e === 114 ||
          e === 116
        ) {
          bytes += e === 47 && scanMode.reencode ? 1 : 2; // Go writes "/" unescaped
          j += 2;
          continue;
        }
        return fail('invalid escape in string', j + 1);
      }
      if (c < 0x20) return fail('control character in string', j);
      bytes += c === 60 || c === 62 || c === 38 ? 6 : 1;
    } else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(j + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        j++;
      } else bytes += 3; // cannot come from UTF-8 text; counted as the U+FFFD it would become
    } else bytes += c === 0x2028 || c === 0x2029 ? 6 : 3;
    j++;
  }
  scanned.bytes = bytes;
  scanned.escaped = escaped;
  return j + 1;
}

function scanNumber(s: string, i: number): number {
  let j = i;
  if (s.charCodeAt(j) === 45) j++;
  let c = s.charCodeAt(j);
  if (c === 48) j++;
  else if (c >= 49 && c <= 57) {
    do j++;
    while ((c = s.charCodeAt(j)) >= 48 && c <= 57);
  } else return fail('invalid number', j);
  if (s.charCodeAt(j) === 46) {
    j++;
    if (!((c = s.charCodeAt(j)) >= 48 && c <= 57)) return fail('invalid number', j);
    do j++;
    while ((c = s.charCodeAt(j)) >= 48 && c <= 57);
  }
  c = s.charCodeAt(j);
  if (c === 101 || c === 69) {
    j++;
    c = s.charCodeAt(j);
    if (c === 43 || c === 45) j++;
    if (!((c = s.charCodeAt(j)) >= 48 && c <= 57)) return fail('invalid number', j);
    do j++;
    while ((c = s.charCodeAt(j)) >= 48 && c <= 57);
  }
  scanned.bytes = j - i;
  return j;
}

function scanLiteral(s: string, i: number, word: string): number {
  if (!s.startsWith(word, i)) {
    // `tru` at the end of the text: the text ended inside the literal.
    return fail('invalid literal', word.startsWith(s.slice(i)) ? s.length : i);
  }
  scanned.bytes = word.length;
  return i + word.length;
}

// Container kinds on the explicit stack: 1 = object, 2 = array. Grown on demand up to the depth limit.
let stack = new Uint8Array(64);

/**
 * Scans one JSON value starting at or after `i` (leading whitespace skipped); returns the index after it,
 * or -1 with `scanned.error` set. `scanned.bytes` is the value's Go-encoded length. `depth` is the nesting
 * depth of the value's container (0 at top level), for Go's depth limit.
 */
export function scanValue(s: string, i: number, depth = 0): number {
  let bytes = 0;
  let top = 0; // containers open in this call
  i = skipWhitespace(s, i);
  for (;;) {
    // A value is expected at i.
    const c = s.charCodeAt(i);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      if (depth + top + 1 > GO_MAX_NESTING_DEPTH) return fail(DEPTH_ERROR, i);
      if (top >= stack.length) {
        const grown = new Uint8Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      stack[top++] = c === 123 ? 1 : 2;
      bytes++;
      i = skipWhitespace(s, i + 1);
      const close = s.charCodeAt(i);
      if (c === 123) {
        if (close === 125) {
          top--;
          bytes++;
          i++;
        } else {
          i = objectKey(s, i);
          if (i < 0) return -1;
          bytes += scanned.bytes + 1;
          continue;
        }
      } else if (close === 93) {
        top--;
        bytes++;
        i++;
      } else continue;
    } else {
      if (c === 34) i = scanString(s, i);
      else if (c === 45 || (c >= 48 && c <= 57)) i = scanNumber(s, i);
      else if (c === 116) i = scanLiteral(s, i, 'true');
      else if (c === 102) i = scanLiteral(s, i, 'false');
      else if (c === 110) i = scanLiteral(s, i, 'null');
      else return fail(i >= s.length ? 'unexpected end of JSON' : 'unexpected character', i);
      if (i < 0) return -1;
      bytes += scanned.bytes;
    }
    // After a value: close containers or move to the next element.
    for (;;) {
      if (top === 0) {
        scanned.bytes = bytes;
        return i;
      }
      i = skipWhitespace(s, i);
      const d = s.charCodeAt(i);
      if (d === 44 /* , */) {
        bytes++;
        i = skipWhitespace(s, i + 1);
        if (stack[top - 1] === 1) {
          i = objectKey(s, i);
          if (i < 0) return -1;
          bytes += scanned.bytes + 1;
        }
        break;
      }
      if ((d === 125 && stack[top - 1] === 1) || (d === 93 && stack[top - 1] === 2)) {
        top--;
        bytes++;
        i++;
        continue;
      }
      return fail(i >= s.length ? 'unexpected end of JSON' : 'expected , or a closing bracket', i);
    }
    i = skipWhitespace(s, i);
  }
}

/** Scans `"key" :` at i; returns the index after the colon with scanned.bytes = the key's bytes. */
function objectKey(s: string, i: number): number {
  if (s.charCodeAt(i) !== 34) return fail('expected a string key', i);
  i = scanString(s, i);
  if (i < 0) return -1;
  i = skipWhitespace(s, i);
  if (s.charCodeAt(i) !== 58) return fail('expected : after a key', i);
  return skipWhitespace(s, i + 1);
}

/**
 * Whether `text` is the start of a JSON value whose end is missing (`{"kind":"Event","le`): the scan runs out of
 * text, inside a string, a literal, a number or an open container, before anything that is wrong JSON. A line
 * cut mid-write (a copy taken while kube-apiserver wrote it, `head -c`) looks like this; a damaged line does not.
 */
export function endsInsideValue(text: string): boolean {
  const start = skipWhitespace(text, 0);
  if (start >= text.length) return false;
  return scanValue(text, start) < 0 && scanned.errorAt >= text.length;
}

/**
 * Bytes Go's `encoding/json` writes for a JSON value already decoded into JavaScript (strings with HTML and
 * line-separator escapes, objects and arrays compact). Numbers are measured as JavaScript writes them.
 */
export function goJsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : goTextBytes(text);
}

/** Bytes Go's encoding/json writes for compact JSON text: its UTF-8 length plus Go's extra escapes. */
export function goTextBytes(text: string): number {
  let n = Buffer.byteLength(text);
  // indexOf is several times faster than a regular expression with a character class here.
  if (
    text.indexOf('&') === -1 &&
    text.indexOf('<') === -1 &&
    text.indexOf('>') === -1 &&
    text.indexOf('\u2028') === -1 &&
    text.indexOf('\u2029') === -1
  ) {
    return n;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 60 || c === 62 || c === 38) n += 5;
    else if (c === 0x2028 || c === 0x2029) n += 3;
  }
  return n;
}
