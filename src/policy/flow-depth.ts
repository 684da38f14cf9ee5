/**
 * A linear look at raw YAML text for flow collections (`[`, `{`) nested deeper than a limit, before the `yaml`
 * package reads it: its parser and composer take seconds and hundreds of MB on 10^5 nested brackets, all to be
 * refused for depth afterwards. The scan skips quoted scalars and comments; it does not know block scalars or
 * plain scalars holding brackets, so what it finds is only a candidate, which the caller confirms by parsing the
 * text up to it (a few hundred characters of nesting, parsed in microseconds).
 */

export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Calls `bracket` for each `[`, `{`, `]`, `}` outside quoted scalars and comments with its offset and the flow
 * level it opens or closes (1 for the outermost); stops when it returns true.
 */
function scanFlow(text: string, bracket: (at: number, depth: number) => boolean): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (bracket(i, ++depth)) return;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth > 0 && bracket(i, depth--)) return;
    } else {
      const end = skippedText(text, i, c);
      if (end === -1) return;
      i = end;
    }
  }
}

/**
 * Where text that holds no YAML syntax ends when it starts at `at` (whose character code is `c`): a comment, to
 * its newline; a quoted scalar, to its closing quote; -1 when it runs to the end. Else `at` itself.
 */
export function skippedText(text: string, at: number, c: number): number {
  if (c === 35 /* # */ && (at === 0 || isBlank(text.charCodeAt(at - 1)))) return text.indexOf('\n', at);
  if ((c === 34 /* " */ || c === 39) /* ' */ && opensScalar(text, at)) return quotedEnd(text, at, c);
  return at;
}

/**
 * The offset of the first `[` or `{` that opens flow level `limit + 1` when quoted scalars and comments are
 * skipped, or -1 when no bracket goes that deep.
 */
export function deepFlowCandidate(text: string, limit: number): number {
  let found = -1;
  scanFlow(text, (at, depth) => {
    if (depth > limit && (text[at] === '[' || text[at] === '{')) found = at;
    return found !== -1;
  });
  return found;
}

/**
 * The text with the brackets past flow level `limit + 1` made spaces (offsets and line breaks kept): what is
 * nested too deep still parses as too deep, in microseconds; the same string when nothing is that deep.
 */
export function withoutDeepFlow(text: string, limit: number): string {
  if (deepFlowCandidate(text, limit) === -1) return text;
  const chars = text.split('');
  scanFlow(text, (at, depth) => {
    if (depth > limit + 1) chars[at] = ' ';
    return false;
  });
  return chars.join('');
}

/** Whether a quote starts a quoted scalar: at a line's start or after a blank or flow or mapping indicator. */
export function opensScalar(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  return isBlank(before) || before === 91 || before === 123 || before === 44 /* , */ || before === 58; /* : */
}

/** The offset of the quote that closes the scalar opened at `at` (`\` escapes in "…", `''` in '…'), or -1. */
export function quotedEnd(text: string, at: number, quote: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === 34 && c === 92 /* \ */) i++;
    else if (c === quote) {
      if (quote === 39 && text.charCodeAt(i + 1) === 39) i++;
      else return i;
    }
  }
  return -1;
}
