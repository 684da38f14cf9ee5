/**
 * A small, fast reader for the plain YAML that audit policies are written in (block mappings and
 * lists, one-line flow lists and mappings, plain and quoted one-line scalars, comments). It builds the
 * same nodes, with the same source offsets, as the `yaml` library, which is several times slower.
 * Anything outside that subset (anchors, tags, block scalars, multi-line scalars or flow collections,
 * empty values, tabs, CR line ends, several documents, anything odd) makes it give up, and the caller
 * falls back to the library, which also produces the syntax errors.
 */
import { LineCounter } from 'yaml';
import { MapNode, ScalarNode, ScalarStyle, SeqNode, YNode } from './yaml-nodes';

/** The composed document: its root node (null when there is no content) and its line offsets. */
export interface FastYaml {
  contents: YNode | null;
  lines: LineCounter;
}

interface Line {
  start: number;
  indent: number;
  /** Offset of the first non-space character. */
  content: number;
  /** Offset of the line end (the newline or the end of the text). */
  end: number;
}

class GiveUp extends Error {}

const giveUp = (): never => {
  throw new GiveUp();
};

const KEY_CHAR = /[A-Za-z0-9_./*@+-]/;
const KEY_START = /[A-Za-z_]/;
// Tabs, CR, other controls, YAML 1.1 line breaks and BOMs: the library knows the rules for these.
// eslint-disable-next-line no-control-regex
const UNSIMPLE_CHARS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
// Characters that start something other than a plain scalar (or that we leave to the library).
const INDICATORS = new Set([
  '-',
  '?',
  ':',
  ',',
  '[',
  ']',
  '{',
  '}',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
]);
const FLOW_STOP = new Set([',', '[', ']', '{', '}']);

/** Composes `text` when it stays inside the simple subset; undefined means "use the library". */
export function composeSimpleYaml(text: string): FastYaml | undefined {
  if (UNSIMPLE_CHARS.test(text)) return undefined;
  try {
    return new FastReader(text).read();
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}

class FastReader {
  private readonly lines: Line[] = [];
  private readonly counter = new LineCounter();
  private li = 0;

  constructor(private readonly text: string) {}

  read(): FastYaml {
    this.splitLines();
    if (this.lines.length === 0) return { contents: null, lines: this.counter };
    const first = this.lines[0];
    if (first.indent !== 0 && this.charAt(first.content) === '-') giveUp();
    const root = this.blockNode(0);
    if (this.li !== this.lines.length) giveUp();
    return { contents: root, lines: this.counter };
  }

  private charAt(offset: number): string {
    return this.text[offset] ?? '';
  }

  private splitLines(): void {
    const text = this.text;
    let start = 0;
    let firstContent = true;
    while (start <= text.length) {
      this.counter.addNewLine(start);
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      let content = start;
      while (content < end && text[content] === ' ') content++;
      const ch = text[content];
      if (content < end && ch !== '#') {
        const atColumnZero = content === start;
        if (atColumnZero && (text.startsWith('---', content) || text.startsWith('...', content))) {
          const rest = text.slice(content + 3, end);
          // Only a leading "---" (optionally with a comment) is simple; everything else is for the library.
          if (!firstContent || !text.startsWith('---', content) || !/^(\s+#.*|\s*)$/.test(rest)) giveUp();
        } else if (atColumnZero && ch === '%') {
          giveUp();
        } else {
          this.lines.push({ start, indent: content - start, content, end });
        }
        firstContent = false;
      }
      if (end === text.length) break;
      start = end + 1;
    }
  }

  private isDash(offset: number, end: number): boolean {
    return this.text[offset] === '-' && (offset + 1 === end || this.text[offset + 1] === ' ');
  }

  /** The offset just after a plain key followed by ":" and a space or the line end; -1 if none. */
  private keyEnd(offset: number, end: number): number {
    let i = offset;
    const first = this.text[offset] ?? '';
    if (first === '"' || first === "'") {
      i = this.quotedEnd(offset, end);
      if (i < 0) return -1;
    } else {
      if (!KEY_START.test(first)) return -1;
      // A ":" inside a plain key is part of it unless a space or the line end follows (`system:nodes:`).
      while (
        i < end &&
        (KEY_CHAR.test(this.text[i]) || (this.text[i] === ':' && KEY_CHAR.test(this.text[i + 1] ?? '')))
      )
        i++;
    }
    if (this.text[i] !== ':') return -1;
    if (i + 1 < end && this.text[i + 1] !== ' ') return -1;
    return i;
  }

  /** The offset just after the closing quote of a one-line quoted scalar; -1 if it does not close. */
  private quotedEnd(offset: number, end: number): number {
    const quote = this.text[offset];
    for (let i = offset + 1; i < end; i++) {
      const ch = this.text[i];
      if (quote === '"' && ch === '\\') i++;
      else if (ch === quote) {
        if (quote === "'" && this.text[i + 1] === "'") i++;
        else return i + 1;
      }
    }
    return -1;
  }

  /** The key node of a mapping entry whose key ends at `keyEnd`. */
  private keyNode(offset: number, keyEnd: number, end: number): ScalarNode {
    const first = this.text[offset];
    if (first === '"' || first === "'") return this.quoted(offset, end)[0];
    return this.scalar(offset, this.text.slice(offset, keyEnd), 'PLAIN');
  }

  private blockNode(minIndent: number): YNode {
    const line = this.lines[this.li];
    if (!line || line.indent < minIndent) giveUp();
    if (this.isDash(line.content, line.end)) return this.blockSeq(line.indent);
    return this.blockMap(line.indent, line.content);
  }

  private blockMap(column: number, firstKey: number): MapNode {
    const map: MapNode = { kind: 'map', items: [], start: firstKey };
    let keyOffset = firstKey;
    for (;;) {
      const line = this.lines[this.li];
      const keyEnd = this.keyEnd(keyOffset, line.end);
      if (keyEnd < 0) giveUp();
      const key = this.keyNode(keyOffset, keyEnd, line.end);
      let valueStart = keyEnd + 1;
      while (valueStart < line.end && this.text[valueStart] === ' ') valueStart++;
      let value: YNode;
      if (valueStart === line.end || this.text[valueStart] === '#') {
        if (valueStart < line.end && this.text[valueStart - 1] !== ' ') giveUp();
        this.li++;
        const next = this.lines[this.li];
        if (next && next.indent > column) value = this.blockNode(column + 1);
        else if (next && next.indent === column && this.isDash(next.content, next.end))
          value = this.blockSeq(column);
        else return giveUp();
      } else {
        value = this.inlineValue(valueStart, line.end);
        this.li++;
        const next = this.lines[this.li];
        if (next && next.indent > column) giveUp();
      }
      map.items.push({ key, value });
      const next = this.lines[this.li];
      if (!next || next.indent < column) return map;
      if (next.indent > column || this.isDash(next.content, next.end)) giveUp();
      keyOffset = next.content;
    }
  }

  private blockSeq(column: number): SeqNode {
    const seq: SeqNode = { kind: 'seq', items: [], start: this.lines[this.li].content };
    for (;;) {
      const line = this.lines[this.li];
      let item = line.content + 1;
      while (item < line.end && this.text[item] === ' ') item++;
      if (item === line.end || this.text[item] === '#') {
        if (item < line.end && this.text[item - 1] !== ' ') giveUp();
        this.li++;
        const next = this.lines[this.li];
        if (!next || next.indent <= column) giveUp();
        seq.items.push(this.blockNode(column + 1));
      } else if (this.isDash(item, line.end)) {
        return giveUp();
      } else if (this.keyEnd(item, line.end) >= 0) {
        seq.items.push(this.blockMap(item - line.start, item));
      } else {
        seq.items.push(this.inlineValue(item, line.end));
        this.li++;
        const next = this.lines[this.li];
        if (next && next.indent > column) giveUp();
      }
      const next = this.lines[this.li];
      if (!next || next.indent < column) return seq;
      if (next.indent > column) giveUp();
      if (!this.isDash(next.content, next.end)) return seq;
    }
  }

  /** A value that ends on this line, followed only by spaces and an optional comment. */
  private inlineValue(offset: number, end: number): YNode {
    const ch = this.text[offset];
    let node: YNode;
    let after: number;
    if (ch === '[' || ch === '{') {
      [node, after] = this.flowCollection(offset, end);
    } else if (ch === '"' || ch === "'") {
      [node, after] = this.quoted(offset, end);
    } else {
      if (INDICATORS.has(ch)) giveUp();
      let stop = offset;
      while (stop < end && !(this.text[stop] === '#' && this.text[stop - 1] === ' ')) stop++;
      let valueEnd = stop;
      while (valueEnd > offset && this.text[valueEnd - 1] === ' ') valueEnd--;
      const value = this.text.slice(offset, valueEnd);
      if (value.includes(': ') || value.endsWith(':') || value.includes(' #')) giveUp();
      return this.scalar(offset, value, 'PLAIN');
    }
    let rest = after;
    while (rest < end && this.text[rest] === ' ') rest++;
    if (rest < end && !(this.text[rest] === '#' && rest > after)) giveUp();
    return node;
  }

  private flowCollection(offset: number, end: number): [YNode, number] {
    const isSeq = this.text[offset] === '[';
    const close = isSeq ? ']' : '}';
    const collection: SeqNode | MapNode = isSeq
      ? { kind: 'seq', items: [], start: offset }
      : { kind: 'map', items: [], start: offset };
    let i = this.skipSpaces(offset + 1, end);
    if (this.text[i] === close) {
      return [collection, i + 1];
    }
    for (;;) {
      if (isSeq) {
        const [item, next] = this.flowItem(i, end);
        (collection as SeqNode).items.push(item);
        i = next;
      } else {
        const keyEnd = this.flowKeyEnd(i, end);
        const key = this.keyNode(i, keyEnd, end);
        const [value, next] = this.flowItem(this.skipSpaces(keyEnd + 1, end), end);
        (collection as MapNode).items.push({ key, value });
        i = next;
      }
      i = this.skipSpaces(i, end);
      const ch = this.text[i];
      if (ch === ',') {
        i = this.skipSpaces(i + 1, end);
        if (this.text[i] === close) giveUp();
        continue;
      }
      if (ch === close) {
        return [collection, i + 1];
      }
      return giveUp();
    }
  }

  private flowKeyEnd(offset: number, end: number): number {
    const i = this.keyEnd(offset, end);
    if (i < 0 || this.text[i + 1] !== ' ') giveUp();
    return i;
  }

  private flowItem(offset: number, end: number): [YNode, number] {
    const ch = this.text[offset];
    if (ch === '[' || ch === '{') return this.flowCollection(offset, end);
    if (ch === '"' || ch === "'") return this.quoted(offset, end);
    if (offset >= end || INDICATORS.has(ch)) giveUp();
    let i = offset;
    while (i < end && !FLOW_STOP.has(this.text[i])) {
      const ch = this.text[i];
      // ":" continues a flow scalar only when a safe character follows (`system:nodes`).
      if (ch === '#') giveUp();
      if (ch === ':' && (i + 1 >= end || this.text[i + 1] === ' ' || FLOW_STOP.has(this.text[i + 1])))
        giveUp();
      i++;
    }
    let valueEnd = i;
    while (valueEnd > offset && this.text[valueEnd - 1] === ' ') valueEnd--;
    return [this.scalar(offset, this.text.slice(offset, valueEnd), 'PLAIN'), i];
  }

  private quoted(offset: number, end: number): [ScalarNode, number] {
    const quote = this.text[offset];
    let value = '';
    let i = offset + 1;
    for (;;) {
      if (i >= end) giveUp();
      const ch = this.text[i];
      if (ch === quote) {
        if (quote === "'" && this.text[i + 1] === "'") {
          value += "'";
          i += 2;
          continue;
        }
        break;
      }
      if (quote === '"' && ch === '\\') {
        const [decoded, next] = this.escape(i, end);
        value += decoded;
        i = next;
        continue;
      }
      value += ch;
      i++;
    }
    return [this.scalar(offset, value, quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE'), i + 1];
  }

  private escape(offset: number, end: number): [string, number] {
    const ch = this.text[offset + 1];
    const simple: Record<string, string> = {
      '\\': '\\',
      '"': '"',
      '/': '/',
      n: '\n',
      t: '\t',
      r: '\r',
      '0': '\0',
    };
    if (ch !== undefined && simple[ch] !== undefined && offset + 1 < end) return [simple[ch], offset + 2];
    if (ch === 'u') {
      const hex = this.text.slice(offset + 2, offset + 6);
      if (offset + 6 > end || !/^[0-9a-fA-F]{4}$/.test(hex)) giveUp();
      return [String.fromCharCode(parseInt(hex, 16)), offset + 6];
    }
    return giveUp();
  }

  private skipSpaces(offset: number, end: number): number {
    let i = offset;
    while (i < end && this.text[i] === ' ') i++;
    return i;
  }

  private scalar(start: number, value: string, type: ScalarStyle): ScalarNode {
    return { kind: 'scalar', value, type, start };
  }
}
