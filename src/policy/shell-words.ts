import { RequestSpecError } from './request-spec-error';

/**
 * Splits a command line into words as a POSIX shell would for the common cases: single quotes keep
 * everything, double quotes allow backslash escapes, a backslash outside quotes escapes one character.
 * No expansion of any kind. Throws `RequestSpecError` for an unterminated quote.
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
      else if (c === '\\' && quote === '"' && i + 1 < text.length) current += text[++i];
      else current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
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
