import { RequestSpecError } from './request-spec-error';

// Characters a backslash escapes inside double quotes (POSIX Shell Command Language §2.2.3); before any
// other character the backslash stays.
const DOUBLE_QUOTE_ESCAPES = new Set(['$', '`', '"', '\\']);

// Unquoted characters that end a word and start an operator (§2.3, §2.9): pipelines, lists, redirections.
const OPERATOR_CHARS = new Set(['|', '&', ';', '<', '>', '(', ')']);

/** The length of a line break at `i` (LF, or CR LF of a file saved on Windows), 0 if none. */
function lineBreak(text: string, i: number): number {
  if (text[i] === '\n') return 1;
  return text[i] === '\r' && text[i + 1] === '\n' ? 2 : 0;
}

/** A word or an unquoted shell operator (`|`, `&&`, `;`, `>`, `2>&1` is `2` `>&` `1`, ...). */
export interface ShellToken {
  text: string;
  operator: boolean;
  /** The first variable or command substitution in the word ($NS, $(...)), left as written. */
  expansion?: string;
}

// A parameter expansion or command substitution at `i` ($NAME, ${...}, $(...), $1, `...`): the shell would
// replace it with a value this function cannot know.
function expansionAt(text: string, i: number): string | undefined {
  if (text[i] === '`') return '`...`';
  if (text[i] !== '$') return undefined;
  const m = /^\$([A-Za-z_][A-Za-z0-9_]*|\{[^}]*\}?|\(|[0-9#?*@$!-])/.exec(text.slice(i));
  return m ? m[0] : undefined;
}

/**
 * Splits a command line into words and operators as a POSIX shell would for the common cases: single
 * quotes keep everything; inside double quotes a backslash escapes only $ ` " \ and a line break; outside
 * quotes a backslash escapes one character; a backslash before a line break continues the line (both
 * removed); a word starting with # begins a comment; unquoted | & ; < > ( ) are operators. A variable or
 * command substitution (`$NS`, `$(...)`), whose value only the shell knows, is left as written and named in
 * the token's `expansion`. Throws `RequestSpecError` for an unterminated quote.
 */
export function shellTokens(text: string): ShellToken[] {
  const out: ShellToken[] = [];
  let current = '';
  let quote: string | undefined;
  let inWord = false;
  let expansion: string | undefined;
  const endWord = () => {
    if (inWord) out.push({ text: current, operator: false, ...(expansion ? { expansion } : {}) });
    current = '';
    inWord = false;
    expansion = undefined;
  };
  const noteExpansion = (i: number) => {
    expansion ??= expansionAt(text, i);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (quote === '"' && (c === '$' || c === '`')) {
        noteExpansion(i);
        current += c;
      } else if (c === '\\' && quote === '"' && lineBreak(text, i + 1) > 0) i += lineBreak(text, i + 1);
      else if (c === '\\' && quote === '"' && DOUBLE_QUOTE_ESCAPES.has(text[i + 1])) current += text[++i];
      else current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && lineBreak(text, i + 1) > 0) {
      i += lineBreak(text, i + 1);
    } else if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (c === '#' && !inWord) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (OPERATOR_CHARS.has(c)) {
      // Digits right before a redirection are its file descriptor (2>&1, 2>/dev/null): part of it.
      let op = c;
      if ((c === '<' || c === '>') && inWord && /^[0-9]+$/.test(current) && !/["']/.test(text[i - 1])) {
        op = current + c;
        current = '';
        inWord = false;
      }
      endWord();
      while (i + 1 < text.length && OPERATOR_CHARS.has(text[i + 1]) && text[i + 1] !== '(') op += text[++i];
      out.push({ text: op, operator: true });
    } else if (/\s/.test(c)) {
      endWord();
    } else {
      if (c === '$' || c === '`') noteExpansion(i);
      current += c;
      inWord = true;
    }
  }
  if (quote) throw new RequestSpecError(`unterminated ${quote} quote in ${JSON.stringify(text)}`);
  endWord();
  return out;
}

/** The words of a command line (see `shellTokens`); operators are kept as words. */
export function shellWords(text: string): string[] {
  return shellTokens(text).map((t) => t.text);
}
