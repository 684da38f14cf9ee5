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
  /** The word with its quotes removed, or the operator; an unquoted line break is the operator "\n". */
  text: string;
  operator: boolean;
  /** The first variable, command substitution or arithmetic in the word ($NS, ${NS}, $(cat f), `cat f`), as written. */
  expansion?: string;
  /** The word has an unquoted glob character (* ? [), which the shell matches against file names. */
  glob?: boolean;
  /** The word is, or ends with, the pipe (/dev/fd/63) bash gives for a process substitution <(...) or >(...). */
  processSubstitution?: boolean;
  /**
   * A process substitution follows the word with no blank between (`--from-file=key=<(vault read ...)`): bash
   * puts the pipe's name into this word, it does not make a word of its own.
   */
  runsOn?: boolean;
}

/** The end (exclusive) of the parenthesised text opening at `open` ("(" of "$(" or "$(("), nesting and quotes kept. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

// A parameter expansion, command substitution or arithmetic at `i` ($NAME, ${...}, $(...), $((...)), $1,
// `...`), whole as written: the shell replaces it with a value this function cannot know.
function expansionAt(text: string, i: number): string | undefined {
  if (text[i] === '`') {
    let j = i + 1;
    while (j < text.length && text[j] !== '`') j += text[j] === '\\' ? 2 : 1;
    if (j >= text.length)
      throw new RequestSpecError(`unterminated \` command substitution in ${JSON.stringify(text)}`);
    return text.slice(i, j + 1);
  }
  if (text[i] !== '$') return undefined;
  if (text[i + 1] === '(') {
    const end = closingParen(text, i + 1);
    if (end < 0)
      throw new RequestSpecError(`unterminated $( command substitution in ${JSON.stringify(text)}`);
    return text.slice(i, end);
  }
  const m = /^\$([A-Za-z_][A-Za-z0-9_]*|\{[^}]*\}?|[0-9#?*@$!-])/.exec(text.slice(i));
  return m ? m[0] : undefined;
}

const ANSI_C_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/**
 * bash's ANSI-C quoting $'...' from `start` (after the opening quote): the value with its backslash escapes
 * decoded (\n, \t, \', \\, \xHH, \NNN octal, \uHHHH, ...), and the index of the closing quote.
 */
function ansiCQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "'") return { value, end: i };
    if (c !== '\\' || i + 1 >= text.length) {
      value += c;
      continue;
    }
    const rest = text.slice(i + 1);
    const code =
      /^[0-7]{1,3}/.exec(rest) ??
      /^x[0-9a-fA-F]{1,2}/.exec(rest) ??
      /^u[0-9a-fA-F]{1,4}/.exec(rest) ??
      /^U[0-9a-fA-F]{1,8}/.exec(rest);
    if (code) {
      const digits = /^[0-7]/.test(code[0]) ? code[0] : code[0].slice(1);
      value += String.fromCodePoint(parseInt(digits, /^[0-7]/.test(code[0]) ? 8 : 16));
      i += code[0].length;
    } else if (Object.hasOwn(ANSI_C_ESCAPES, rest[0])) {
      value += ANSI_C_ESCAPES[rest[0]];
      i++;
    } else value += c; // an unknown escape keeps its backslash
  }
  throw new RequestSpecError(`unterminated $' quote in ${JSON.stringify(text)}`);
}

/** The delimiter word of a here-document (`<<EOF`, `<<'EOF'`, `<<-"EOF"`): its quotes removed. */
function hereDelimiter(word: string): string {
  return word.replace(/["'\\]/g, '');
}

/**
 * Splits a command line into words and operators as a POSIX shell would for the common cases: single
 * quotes keep everything; inside double quotes a backslash escapes only $ ` " \ and a line break; outside
 * quotes a backslash escapes one character; a backslash before a line break continues the line (both
 * removed); a word starting with # begins a comment; unquoted | & ; < > ( ) are operators, and so is an
 * unquoted line break ("\n", which ends a command as ; does); the lines of a here-document (`<<EOF` ...
 * `EOF`) are its input, skipped. A variable, command substitution or arithmetic (`$NS`, `$(...)`, `` `...` ``),
 * whose value only the shell knows, is kept whole in the word as written and named in the token's
 * `expansion`. Throws `RequestSpecError` for an unterminated quote or substitution.
 */
export function shellTokens(text: string): ShellToken[] {
  const out: ShellToken[] = [];
  let current = '';
  let quote: string | undefined;
  let inWord = false;
  let expansion: string | undefined;
  let glob = false;
  const hereDocs: string[] = [];
  let hereNext = false;
  const endWord = () => {
    if (inWord) {
      out.push({
        text: current,
        operator: false,
        ...(expansion ? { expansion } : {}),
        ...(glob ? { glob } : {}),
      });
      if (hereNext) hereDocs.push(hereDelimiter(current));
      hereNext = false;
    }
    current = '';
    inWord = false;
    expansion = undefined;
    glob = false;
  };
  // Keeps an expansion at `i` whole in the word; returns the index of its last character.
  const takeExpansion = (i: number): number => {
    const e = expansionAt(text, i);
    if (e === undefined) {
      current += text[i];
      return i;
    }
    expansion ??= e;
    current += e;
    return i + e.length - 1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (quote === '"' && (c === '$' || c === '`')) i = takeExpansion(i);
      else if (c === '\\' && quote === '"' && lineBreak(text, i + 1) > 0) i += lineBreak(text, i + 1);
      else if (c === '\\' && quote === '"' && DOUBLE_QUOTE_ESCAPES.has(text[i + 1])) current += text[++i];
      else current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && lineBreak(text, i + 1) > 0) {
      i += lineBreak(text, i + 1);
    } else if (c === '\\' && /^[ \t]*(\r?\n|$)/.test(text.slice(i + 1))) {
      // A continuation as pasted: blanks after the backslash (invisible in a runbook), or the line's last
      // character with nothing after it. The shell would escape a blank or keep the backslash; what was
      // meant is the line going on.
      while (text[i + 1] === ' ' || text[i + 1] === '\t') i++;
      i += lineBreak(text, i + 1);
    } else if ((c === '`' || (c === '^' && !inWord)) && /^[ \t]*\r?\n/.test(text.slice(i + 1))) {
      // A line ending in ` (PowerShell) or a lone ^ (cmd.exe), as pasted from Windows docs: the line goes on.
      // To the shell ` would open a command substitution never closed, and ^ be a word of its own.
      while (text[i + 1] === ' ' || text[i + 1] === '\t') i++;
      i += lineBreak(text, i + 1);
    } else if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (c === '#' && !inWord) {
      while (i + 1 < text.length && lineBreak(text, i + 1) === 0) i++;
    } else if (lineBreak(text, i) > 0) {
      endWord();
      i += lineBreak(text, i) - 1;
      out.push({ text: '\n', operator: true });
      // A here-document's lines follow the line of its << and end at a line holding only its delimiter.
      for (const delimiter of hereDocs.splice(0)) {
        while (i + 1 < text.length) {
          const end = text.indexOf('\n', i + 1);
          const line = text.slice(i + 1, end < 0 ? text.length : end).replace(/\r$/, '');
          i = end < 0 ? text.length : end;
          if (line.replace(/^\t+/, '') === delimiter) break;
        }
      }
    } else if (OPERATOR_CHARS.has(c)) {
      // Digits right before a redirection are its file descriptor (2>&1, 2>/dev/null): part of it.
      let op = c;
      if ((c === '<' || c === '>') && inWord && /^[0-9]+$/.test(current) && !/["']/.test(text[i - 1])) {
        op = current + c;
        current = '';
        inWord = false;
      }
      const runsOn = inWord && op === c && (c === '<' || c === '>') && text[i + 1] === '(';
      endWord();
      if (runsOn) out[out.length - 1].runsOn = true;
      while (i + 1 < text.length && OPERATOR_CHARS.has(text[i + 1]) && text[i + 1] !== '(') op += text[++i];
      out.push({ text: op, operator: true });
      hereNext = /^[0-9]*<<-?$/.test(op);
    } else if (/\s/.test(c)) {
      endWord();
    } else if (c === '$' && text[i + 1] === '"') {
      // $"..." (a string for translation): the shell reads it as "..." when no catalog translates it.
      quote = '"';
      inWord = true;
      i++;
    } else if (c === '$' && text[i + 1] === "'") {
      const quoted = ansiCQuoted(text, i + 2);
      current += quoted.value;
      inWord = true;
      i = quoted.end;
    } else {
      if (c === '$' || c === '`') i = takeExpansion(i);
      else {
        if (c === '*' || c === '?' || c === '[') glob = true;
        current += c;
      }
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
