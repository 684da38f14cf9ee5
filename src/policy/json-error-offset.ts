/**
 * Where JSON text stops being JSON (RFC 8259), for the error messages whose text from JSON.parse carries no
 * position (V8 says `Unexpected token ']', ..."x"},]}" is not valid JSON` for a trailing comma or an unquoted
 * value, the commonest mistakes). Iterative, linear, never throws.
 */

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
// A string body: any character but '"', '\\' and controls, or an escape.
// eslint-disable-next-line no-control-regex -- a JSON string may not hold raw control characters
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** The offset of the first character that makes `text` invalid JSON (text.length: it ends too early); -1 if valid. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const skip = () => {
    while (i < text.length && WS.has(text[i])) i++;
  };
  // What the parser expects next, per open container: 'value' | 'key' | 'colon' | 'comma'.
  const stack: Array<'[' | '{'> = [];
  let expect: 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'after' = 'value';
  for (;;) {
    skip();
    if (expect === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return i === text.length ? -1 : i;
      if (i >= text.length) return i;
      const c = text[i];
      if (c === ',') {
        i++;
        expect = top === '[' ? 'value' : 'key';
      } else if ((c === ']' && top === '[') || (c === '}' && top === '{')) {
        i++;
        stack.pop();
      } else return i;
      continue;
    }
    if (i >= text.length) return i;
    const c = text[i];
    if (expect === 'colon') {
      if (c !== ':') return i;
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'key' || expect === 'first-key') {
      if (c === '}' && expect === 'first-key') {
        i++;
        stack.pop();
        expect = 'after';
        continue;
      }
      STRING.lastIndex = i;
      if (!STRING.test(text)) return i;
      i = STRING.lastIndex;
      expect = 'colon';
      continue;
    }
    // A value.
    if (c === ']' && expect === 'first-value') {
      i++;
      stack.pop();
      expect = 'after';
      continue;
    }
    if (c === '[' || c === '{') {
      stack.push(c);
      i++;
      expect = c === '[' ? 'first-value' : 'first-key';
      continue;
    }
    const re = c === '"' ? STRING : NUMBER;
    re.lastIndex = i;
    if ((c === '"' || c === '-' || (c >= '0' && c <= '9')) && re.test(text)) {
      i = re.lastIndex;
    } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
      i += 4;
    } else if (text.startsWith('false', i)) {
      i += 5;
    } else return i;
    expect = 'after';
  }
}
