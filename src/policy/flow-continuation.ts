/**
 * Lines go-yaml reads at any indentation and the `yaml` package refuses when they stand left of their block:
 * the continuation lines of a flow collection (`verbs: [get,` then `list]` at column 0) and of a quoted value.
 * go-yaml v2 (scannerc.go) checks no indentation inside them: yaml_parser_unroll_indent does nothing while
 * flow_level > 0, a plain scalar stops at a smaller column only in block context, yaml_parser_scan_flow_scalar
 * stops only at its closing quote or a document marker, and the blanks that start such a line are skipped
 * (between tokens) or trimmed (folding a multi-line value). Spaces put before such a line therefore change
 * nothing go-yaml reads, and let the `yaml` package read what kube-apiserver reads.
 */
import { CST, Lexer } from 'yaml';

/** The text with spaces put before the lines that needed them, and how many went before each (by line, 1-based). */
export interface Reindented {
  text: string;
  /** Line number → spaces put at its start. */
  shifts: Map<number, number>;
}

// How many lines are indented at most.
const MAX_PASSES = 64;

// Tokens the lexer adds that stand for no source text.
const CONTROL = new Set(['doc-mode', 'flow-error-end', 'scalar']);
// go-yaml reads these at column 0 as a document marker or a directive even inside a flow collection or a
// quoted value, and refuses the file there: such a line is left as it is, for the `yaml` package to refuse too.
const MARKER_LINE = /^(?:(?:---|\.\.\.)(?:[ \t\r\n]|$)|%)/;

function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The first line start where the `yaml` lexer ended a flow collection or a quoted value for want of
 * indentation, with the spaces it needs (the column after the collection's "[" / "{" or the value's quote),
 * or undefined.
 */
function firstUnderIndented(text: string): { offset: number; spaces: number } | undefined {
  let offset = 0;
  let lineStart = 0;
  let flowColumn = -1;
  let depth = 0;
  let quoteColumn = -1;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    const start = offset;
    if (!CONTROL.has(type as string)) offset += token.length;
    if (type === 'flow-error-end' && flowColumn >= 0) return { offset: start, spaces: flowColumn + 1 };
    if (type === 'newline') {
      lineStart = offset;
      // A quoted value the lexer ended at this line end (no closing quote): its next line is a continuation.
      if (quoteColumn >= 0) return { offset, spaces: quoteColumn + 1 };
      continue;
    }
    quoteColumn = -1;
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      if (depth === 0) flowColumn = start - lineStart;
      depth++;
    } else if ((type === 'flow-seq-end' || type === 'flow-map-end') && depth > 0) {
      depth--;
      if (depth === 0) flowColumn = -1;
    } else if (type === 'double-quoted-scalar' || type === 'single-quoted-scalar') {
      const quote = token[0];
      const closed = token.length > 1 && token.endsWith(quote);
      if (!closed && depth === 0) quoteColumn = start - lineStart;
      // A quoted value that runs over several lines keeps lineStart at its last line.
      const nl = token.lastIndexOf('\n');
      if (nl >= 0) lineStart = start + nl + 1;
    } else if (typeof token === 'string' && token.includes('\n')) {
      lineStart = start + token.lastIndexOf('\n') + 1;
    }
  }
  return undefined;
}

/**
 * `text` with the under-indented continuation lines of flow collections and quoted values indented as the
 * `yaml` package needs, or undefined when there is none (or one go-yaml reads as a document marker).
 * At most MAX_PASSES lines; the caller keeps the text's own errors when the result still has some.
 */
export function reindentContinuations(text: string): Reindented | undefined {
  let current = text;
  const shifts = new Map<number, number>();
  // Each pass lexes the whole text again: a bounded number keeps a hostile file linear (a policy has a few
  // such lines; more are left to the `yaml` package's error).
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const found = firstUnderIndented(current);
    if (found === undefined) break;
    const rest = current.slice(found.offset);
    const blanks = /^[ \t]*/.exec(rest)![0].length;
    if (MARKER_LINE.test(rest) || blanks >= found.spaces) break;
    const line = lineNumberAt(current, found.offset);
    const spaces = found.spaces - blanks;
    current = current.slice(0, found.offset) + ' '.repeat(spaces) + rest;
    shifts.set(line, (shifts.get(line) ?? 0) + spaces);
  }
  return shifts.size === 0 ? undefined : { text: current, shifts };
}
