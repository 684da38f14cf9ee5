/**
 * How text from the user's file appears inside our messages: shortened and with every character escaped that
 * could drive or fool a terminal (ANSI escapes start with ESC, bidirectional controls reorder what is shown) or
 * break the one-line form of a message. Hostile input must not flood the output or repaint the screen.
 */

/** Longest echo of a key or value in a message, in characters. */
export const MAX_ECHO_LENGTH = 80;

// C0 and C1 controls, DEL, line and paragraph separators, bidirectional controls, zero-width and BOM
// characters, lone surrogates, and the two noncharacters U+FFFE/U+FFFF.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeUnsafe(text: string): string {
  return text.replace(
    UNSAFE,
    (ch) => SHORT_ESCAPES[ch] ?? '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  // Cut on a code point boundary so the cut does not leave half a surrogate pair.
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…(${text.length - cut} more characters)`;
}

/** `text` as it may appear in a message: at most `max` characters, unsafe characters as `\uXXXX`. */
export function echo(text: string, max: number = MAX_ECHO_LENGTH): string {
  return escapeUnsafe(shorten(text, max));
}

/** `text` in double quotes, JSON-style (`"a\"b"`), shortened and escaped like {@link echo}. */
export function quote(text: string, max: number = MAX_ECHO_LENGTH): string {
  return escapeUnsafe(JSON.stringify(shorten(text, max)));
}

const PLAIN_KEY = /^[A-Za-z0-9_./@:+*-]{1,80}$/;

/** A mapping key inside a field path: as written when it is a plain name, else quoted and escaped. */
export function pathKey(key: string): string {
  return PLAIN_KEY.test(key) ? key : quote(key);
}
