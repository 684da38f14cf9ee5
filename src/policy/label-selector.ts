// Whether a label selector parses, as apimachinery's labels.Parse decides (pkg/labels/selector.go). Only
// validity matters here: kube-apiserver's RequestInfoFactory decodes every list option, and a label selector
// that fails to parse voids them all, so a list narrowed by `fieldSelector=metadata.name=<n>` loses its name.

import { dns1123SubdomainErrors } from './validate';

/** Parser behaviour that differs between the Kubernetes versions the package models. */
export interface LabelSelectorDialect {
  /**
   * Kubernetes before 1.35 consumed an extra token after two consecutive commas in a value list, so
   * `x in (a,,)` failed to parse (fixed by apimachinery commit d4f8bebd, first released in 1.35).
   */
  legacyDoubleComma: boolean;
}

type TokenKind = 'end' | 'ident' | '!' | '!=' | '=' | '==' | '>' | '<' | '(' | ')' | ',' | 'in' | 'notin';
interface Token {
  kind: TokenKind;
  text: string;
}

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);
const TWO_CHAR_OPERATORS = new Set(['==', '!=']);
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_NAME_MAX = 63;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go's strconv.ParseInt(text, 10, 64) succeeds: an optional sign, ASCII digits, inside int64. */
export function isGoInt64(text: string): boolean {
  if (!/^[+-]?[0-9]+$/.test(text)) return false;
  const value = BigInt(text);
  return value >= INT64_MIN && value <= INT64_MAX;
}

// The lexer reads bytes and treats a NUL like the end of input (it is consumed all the same); every
// special and whitespace character is ASCII, so scanning UTF-16 code units splits the text identically.
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const read = (): string => (pos < text.length ? text[pos++] : '\0');
  for (;;) {
    let c = read();
    while (WHITESPACE.has(c)) c = read();
    if (c === '\0') {
      tokens.push({ kind: 'end', text: '' });
      return tokens;
    }
    if (SPECIAL.has(c)) {
      // Longest match: only "==" and "!=" are two characters long.
      const pair = c + (pos < text.length ? text[pos] : '');
      const op = TWO_CHAR_OPERATORS.has(pair) ? pair : c;
      pos += op.length - 1;
      // The symbol scanner reads one character past the operator; a NUL it reads that way is consumed.
      if (pos < text.length && text[pos] === '\0') pos++;
      tokens.push({ kind: op as TokenKind, text: op });
      continue;
    }
    let word = c;
    for (;;) {
      const next = read();
      if (next === '\0') break;
      if (SPECIAL.has(next) || WHITESPACE.has(next)) {
        pos--;
        break;
      }
      word += next;
    }
    tokens.push({ kind: word === 'in' || word === 'notin' ? word : 'ident', text: word });
  }
}

/** A label key: an optional DNS-1123 subdomain prefix and "/", then a name of at most 63 characters. */
function isLabelKey(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  if (parts.length === 2 && (parts[0] === '' || dns1123SubdomainErrors(parts[0]).length > 0)) return false;
  const name = parts[parts.length - 1];
  return name.length <= LABEL_NAME_MAX && LABEL_NAME.test(name);
}

function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= LABEL_NAME_MAX && LABEL_NAME.test(value));
}

class SelectorParser {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly dialect: LabelSelectorDialect,
  ) {}

  // In value position the keywords "in" and "notin" are plain identifiers.
  private peek(): TokenKind {
    const kind = this.tokens[this.position].kind;
    return kind === 'in' || kind === 'notin' ? 'ident' : kind;
  }

  private take(valuePosition = true): Token {
    const token = this.tokens[this.position++];
    if (valuePosition && (token.kind === 'in' || token.kind === 'notin'))
      return { kind: 'ident', text: token.text };
    return token;
  }

  parse(): boolean {
    for (;;) {
      const kind = this.peek();
      if (kind === 'end') return true;
      if (kind !== 'ident' && kind !== '!') return false;
      if (!this.requirement()) return false;
      const after = this.take().kind;
      if (after === 'end') return true;
      if (after !== ',') return false;
      const next = this.peek();
      if (next !== 'ident' && next !== '!') return false;
    }
  }

  private requirement(): boolean {
    let token = this.take();
    const negated = token.kind === '!';
    if (negated) token = this.take();
    if (token.kind !== 'ident' || !isLabelKey(token.text)) return false;
    const next = this.peek();
    if (negated || next === 'end' || next === ',') return true;
    const op = this.take(false).kind;
    if (op === 'in' || op === 'notin') return this.valueList();
    if (op !== '=' && op !== '==' && op !== '!=' && op !== '>' && op !== '<') return false;
    let value = '';
    const lookahead = this.peek();
    if (lookahead !== 'end' && lookahead !== ',') {
      const token2 = this.take();
      if (token2.kind !== 'ident') return false;
      value = token2.text;
    }
    if ((op === '>' || op === '<') && !isGoInt64(value)) return false;
    return isLabelValue(value);
  }

  private valueList(): boolean {
    if (this.take().kind !== '(') return false;
    const first = this.peek();
    if (first === ')') {
      this.take();
      return true;
    }
    if (first !== 'ident' && first !== ',') return false;
    for (;;) {
      const token = this.take();
      if (token.kind === 'ident') {
        if (!isLabelValue(token.text)) return false;
        const next = this.peek();
        if (next === ')') break;
        if (next !== ',') return false;
      } else if (token.kind === ',') {
        const next = this.peek();
        if (next === ')') break;
        if (next === ',' && this.dialect.legacyDoubleComma) this.take();
      } else {
        return false;
      }
    }
    return this.take().kind === ')';
  }
}

/** Whether kube-apiserver's labels.Parse accepts the selector (grammar, label keys and values). */
export function isValidLabelSelector(selector: string, dialect: LabelSelectorDialect): boolean {
  return new SelectorParser(tokenize(selector), dialect).parse();
}
