import { RequestSpecError } from './request-spec-error';

// Characters a backslash escapes inside double quotes (POSIX Shell Command Language §2.2.3); before any
// other character the backslash stays.
const DOUBLE_QUOTE_ESCAPES = new Set(['$', '`', '"', '\\']);

/** The length of a line break at `i` (LF, or CR LF of a file saved on Windows), 0 if none. */
function lineBreak(text: string, i: number): number {
  if (text[i] === '\n') return 1;
  return text[i] === '\r' && text[i + 1] === '\n' ? 2 : 0;
}

/**
 * Splits a command line into words as a POSIX shell would for the common cases: single quotes keep
 * everything; inside double quotes a backslash escapes only $ ` " \ and a line break; outside quotes a
 * backslash escapes one character; a backslash before a line break continues the line (both removed); a
 * word starting with # begins a comment. No expansion of any kind. Throws `RequestSpecError` for an
 * unterminated quote.
 */
export function shellWords(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | undefined;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && lineBreak(text, i + 1) > 0) i += lineBreak(text, i + 1);
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
    } else if (/\s/.test(c)) {
      if (inWord) out.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (quote) throw new RequestSpecError(`unterminated ${quote} quote in ${JSON.stringify(text)}`);
  if (inWord) out.push(current);
  return out;
}
