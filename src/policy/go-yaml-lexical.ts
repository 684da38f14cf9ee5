/**
 * What go-yaml v2's scanner (gopkg.in/yaml.v2 scannerc.go, the copy inside sigs.k8s.io/yaml that kube-apiserver
 * and Deckhouse's hook read YAML with) refuses in text the `yaml` package reads without complaint: a tab where
 * the scanner looks for the start of a token in block context, and double-quoted escapes YAML 1.1 does not have.
 */
import { CST, Lexer } from 'yaml';
import type { LineSeparator } from './policy-text';

/** One refused spot: the offset in the text, what go-yaml says and why, and the fix. */
export interface LexicalProblem {
  offset: number;
  message: string;
  fix: string;
}

// Lexer tokens that stand for no source text.
const CONTROL = new Set(['doc-mode', 'flow-error-end', 'scalar']);
// Tokens after which go-yaml no longer allows a simple key: scalars, aliases, anchors, tags, a flow collection's
// end, document markers and directives (fetch_* in scannerc.go set simple_key_allowed = false).
const ENDS_KEY_CHANCE = new Set([
  null,
  'single-quoted-scalar',
  'double-quoted-scalar',
  'alias',
  'anchor',
  'tag',
  'flow-map-end',
  'flow-seq-end',
  'doc-start',
  'doc-end',
  'directive-line',
]);
// Tokens that can be the simple key a ":" on the same line follows.
const KEY_LIKE = new Set([
  null,
  'single-quoted-scalar',
  'double-quoted-scalar',
  'alias',
  'flow-map-end',
  'flow-seq-end',
]);

const TAB_MESSAGE =
  'a tab where go-yaml (YAML 1.1) looks for indentation or the start of a value: it refuses the file ' +
  '("found character that cannot start any token"); YAML tools that allow tabs there do not show it';
const TAB_INDENT_MESSAGE =
  'a tab in the indentation after a plain value: go-yaml (YAML 1.1) refuses the file ("found a tab ' +
  'character that violate indentation"); YAML tools that allow tabs there do not show it';
const TAB_FIX = 'replace the tab with spaces';

/**
 * The tab rule of scannerc.go's yaml_parser_scan_to_next_token: outside flow collections, a tab is skipped as
 * white space only where a simple key may not start. A simple key may start at the beginning of the stream and
 * of every line, after "-" and "?", after a ":" that follows an explicit ("?") key, and after a plain scalar that
 * ran over a line end; a ":" after a simple key, any scalar, anchor, tag, alias or "---" ends that chance.
 *
 * A plain scalar in block context is different (yaml_parser_scan_plain_scalar): its scan goes on over the blanks
 * and line ends after it, looking for a continuation line, and skips a tab there unless the tab stands, after a
 * line end, left of the scalar's indentation (the enclosing block collection's column + 1: "found a tab character
 * that violates indentation"). So a blank line of spaces and a tab, or an indented comment after a tab, that
 * follows "level: None" is read, while the same line after "level: 'None'" or "[...]" is refused.
 */
function tabProblem(tokens: readonly string[]): LexicalProblem | undefined {
  let offset = 0;
  let flow = 0;
  let keyAllowed = true;
  let keyOnLine = false;
  // Column bookkeeping for the plain scalar rule: where the current line starts, where the last key-like token
  // started, and the column of the block collection the next value belongs to (-1: none, go-yaml's indent -1).
  let lineStart = 0;
  let keyColumn = 0;
  let collectionColumn = -1;
  // After a plain scalar in block context: the scalar's scan goes on (`plainIndent`, and whether it passed a
  // line end) until the next token that is not a blank or a line end.
  let plainIndent: number | undefined;
  let plainBroken = false;
  // A block scalar's header, until its body: the lexer marks the body with a "scalar" control token, and the
  // body's source (which may start with spaces or a line end, so tokenType misnames it) comes next.
  let blockHeader: string | undefined;
  let bodyNext = false;
  for (const token of tokens) {
    const type = CST.tokenType(token);
    const start = offset;
    if (bodyNext) {
      offset += token.length;
      bodyNext = false;
      const problem = blockScalarTab(token, start, blockHeader ?? '', collectionColumn);
      if (problem) return problem;
      blockHeader = undefined;
      plainIndent = undefined;
      keyAllowed = flow === 0;
      keyOnLine = false;
      lineStart = offset;
      continue;
    }
    if (type === 'scalar' && blockHeader !== undefined) bodyNext = true;
    if (!CONTROL.has(type as string)) offset += token.length;
    if (type === 'space') {
      if (plainIndent !== undefined) {
        if (!plainBroken) continue;
        for (let i = token.indexOf('\t'); i >= 0; i = token.indexOf('\t', i + 1)) {
          if (start + i - lineStart < plainIndent)
            return { offset: start + i, message: TAB_INDENT_MESSAGE, fix: TAB_FIX };
        }
        continue;
      }
      const tab = token.indexOf('\t');
      if (tab >= 0 && flow === 0 && keyAllowed)
        return { offset: start + tab, message: TAB_MESSAGE, fix: TAB_FIX };
      continue;
    }
    if (CONTROL.has(type as string) || type === 'byte-order-mark') continue;
    if (type !== 'newline') plainIndent = undefined;
    if (type === 'comment') continue;
    if (type === 'newline') {
      if (flow === 0) keyAllowed = true;
      keyOnLine = false;
      lineStart = offset;
      if (plainIndent !== undefined) plainBroken = true;
    } else if (type === 'flow-map-start' || type === 'flow-seq-start') {
      if (flow === 0) keyColumn = start - lineStart;
      flow++;
    } else if ((type === 'flow-map-end' || type === 'flow-seq-end') && flow > 0) {
      flow--;
      keyAllowed = false;
      keyOnLine = flow === 0;
    } else if (type === 'seq-item-ind' || type === 'explicit-key-ind') {
      keyAllowed = flow === 0;
      keyOnLine = false;
      if (flow === 0) collectionColumn = start - lineStart;
    } else if (type === 'map-value-ind') {
      keyAllowed = flow === 0 && !keyOnLine;
      if (flow === 0 && keyOnLine) collectionColumn = keyColumn;
      keyOnLine = false;
    } else if (type === 'block-scalar-header') {
      keyAllowed = false;
    } else if (type === null && token.includes('\n')) {
      // A plain scalar over several lines (or a block scalar's body) ends after a line end.
      keyAllowed = flow === 0;
      keyOnLine = false;
    } else if (ENDS_KEY_CHANCE.has(type)) {
      keyAllowed = false;
      if (KEY_LIKE.has(type) && !keyOnLine) keyColumn = start - lineStart;
      if (KEY_LIKE.has(type)) keyOnLine = true;
    }
    if (type === 'block-scalar-header') blockHeader = token;
    else if (type === null && flow === 0) {
      plainIndent = collectionColumn + 1;
      plainBroken = false;
      // A plain scalar over several lines: the same rule for the blanks that start its continuation lines.
      for (let nl = token.indexOf('\n'); nl >= 0; nl = token.indexOf('\n', nl + 1)) {
        for (let k = nl + 1; k < token.length && (token[k] === ' ' || token[k] === '\t'); k++) {
          if (token[k] === '\t' && k - nl - 1 < plainIndent)
            return { offset: start + k, message: TAB_INDENT_MESSAGE, fix: TAB_FIX };
        }
      }
    }
  }
  return undefined;
}

const BLOCK_TAB_MESSAGE =
  'a tab in the indentation of a block scalar ("|" or ">"): go-yaml (YAML 1.1) refuses the file ("found a tab ' +
  'character where an indentation space is expected"); YAML tools that allow tabs there do not show it';
const BLOCK_TAB_FIX =
  "indent the block scalar's lines with spaces; a tab may follow the indentation as content";

/**
 * yaml_parser_scan_block_scalar_breaks (scannerc.go) on a block scalar's body: each line's spaces are eaten up to
 * the scalar's indentation, and a tab before that column is refused; past it a tab is content, also on an
 * otherwise blank line. The indentation is the header's digit plus the enclosing collection's column, or, while
 * still unknown, that of the first non-blank line (at least the collection's column + 1): until then every tab
 * among a blank line's leading blanks is refused.
 */
function blockScalarTab(
  body: string,
  start: number,
  header: string,
  parentIndent: number,
): LexicalProblem | undefined {
  const digit = /[1-9]/.exec(header)?.[0];
  let indent = digit === undefined ? 0 : Math.max(parentIndent, 0) + Number(digit);
  let maxIndent = 0;
  let lineOffset = 0;
  for (const line of body.split('\n')) {
    let column = 0;
    while (line[column] === ' ' && (indent === 0 || column < indent)) column++;
    maxIndent = Math.max(maxIndent, column);
    if (line[column] === '\t' && (indent === 0 || column < indent))
      return { offset: start + lineOffset + column, message: BLOCK_TAB_MESSAGE, fix: BLOCK_TAB_FIX };
    const blank = column >= line.length || line[column] === '\r';
    if (!blank && indent === 0) indent = Math.max(maxIndent, parentIndent + 1, 1);
    // A less indented line ends the scalar; what follows is not part of this body.
    else if (!blank && column < indent) return undefined;
    lineOffset += line.length + 1;
  }
  return undefined;
}

// An escape in a double-quoted scalar: the character after the backslash, and the hex digits of \u and \U.
const ESCAPE = /\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([\s\S]))/g;

/**
 * The double-quoted escapes scannerc.go's yaml_parser_scan_flow_scalar refuses and the `yaml` package reads:
 * "\/" (JSON and YAML 1.2 have it, YAML 1.1 does not: "found unknown escape character"), and \u or \U of a
 * UTF-16 surrogate or beyond U+10FFFF ("found invalid Unicode character escape code"), which is how JSON
 * writes a character outside the Basic Multilingual Plane.
 */
function escapeProblem(scalar: string, start: number): LexicalProblem | undefined {
  for (const m of scalar.matchAll(ESCAPE)) {
    const offset = start + m.index;
    if (m[3] === '/') {
      return {
        offset,
        message:
          'the escape "\\/" in a double-quoted string: JSON and YAML 1.2 have it, but go-yaml (YAML 1.1) does ' +
          'not and refuses the file ("found unknown escape character")',
        fix: 'write "/" without the backslash',
      };
    }
    const hex = m[1] ?? m[2];
    if (hex === undefined) continue;
    const code = parseInt(hex, 16);
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) {
      return {
        offset,
        message:
          `the escape "${m[0]}" in a double-quoted string is ${code > 0x10ffff ? 'beyond U+10FFFF' : 'half of a UTF-16 surrogate pair, as JSON writes characters beyond U+FFFF'}: ` +
          'go-yaml refuses the file ("found invalid Unicode character escape code")',
        fix:
          code > 0x10ffff
            ? 'write a Unicode code point up to \\U0010FFFF'
            : 'write the character itself, or one \\U escape of its code point (e.g. "\\U0001F600")',
      };
    }
  }
  return undefined;
}

/**
 * The first thing in `source` go-yaml's scanner refuses and the `yaml` package accepts (a misplaced tab, an
 * escape YAML 1.1 lacks), or undefined. Offsets are in UTF-16 units of `source`. Linear; never throws.
 */
export function goYamlLexicalProblem(source: string): LexicalProblem | undefined {
  const tokens = Array.from(new Lexer().lex(source));
  let found = tabProblem(tokens);
  let offset = 0;
  for (const token of tokens) {
    const type = CST.tokenType(token);
    if (type === 'double-quoted-scalar') {
      const problem = escapeProblem(token, offset);
      if (problem && (found === undefined || problem.offset < found.offset)) found = problem;
      if (problem) break;
    }
    if (!CONTROL.has(type as string)) offset += token.length;
  }
  return found;
}

/**
 * The first U+2028/U+2029 (written as "\n" in `source`) that does not stand as a line end between tokens: inside
 * a quoted, plain or block value go-yaml's read_line keeps the character itself in the value (and does not fold
 * it into a space), so the "\n" reading would differ there. Linear; never throws.
 */
export function lineSeparatorInValue(
  source: string,
  separators: readonly LineSeparator[],
): LineSeparator | undefined {
  if (separators.length === 0) return undefined;
  const lineEnds = new Set<number>();
  let offset = 0;
  // The token after a "scalar" control token is a value's source, whatever tokenType makes of its first
  // character (a block scalar's body may start with a line end).
  let value = false;
  for (const token of new Lexer().lex(source)) {
    const type = CST.tokenType(token);
    if (type === 'newline' && !value) lineEnds.add(offset);
    value = type === 'scalar';
    if (!CONTROL.has(type as string)) offset += token.length;
  }
  return separators.find((s) => !lineEnds.has(s.offset));
}
