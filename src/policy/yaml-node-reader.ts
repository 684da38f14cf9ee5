/**
 * Reading typed values out of `yaml` package nodes the way the cluster's reader does (go-yaml v2 through
 * sigs.k8s.io/yaml): scalars typed as YAML 1.1, aliases followed within go-yaml's expansion budget, merge keys
 * (`<<`) as go-yaml's strict mode takes them, duplicate keys refused. Every problem carries line, column and
 * field path; messages echo the user's text escaped and shortened.
 */
import { Alias, isAlias, isMap, isScalar, isSeq, LineCounter, Node, Scalar, YAMLMap } from 'yaml';
import { echo, pathKey, quote } from './echo';
import { describeGoYamlScalar, GoYamlScalar, goStringOf, resolveGoYamlPlain } from './go-yaml-scalar';
import { ReaderFacts } from './policy-target';
import { ProblemList } from './problem-list';
import { Problem } from './types';
import { AliasBudget, AnchorIndex } from './yaml-anchors';
import { MAX_NESTING_DEPTH } from './yaml-document';

/** Marks a value that could not be read (the problem is already recorded). */
export const INVALID: unique symbol = Symbol('invalid');

/** A value read from a node: the value, undefined when absent (null counts as absent, as in Go), or INVALID. */
export type Read<T> = T | undefined | typeof INVALID;

/** One key of a mapping, with merge keys (`<<`) already expanded. */
export interface MappingEntry {
  key: string;
  keyNode: Node;
  value: unknown;
  /** The field path of the value (`rules[0].verbs`), keys that are not plain names quoted. */
  path: string;
  /** The same path with the key as written, for messages that quote it once. */
  rawPath: string;
}

type Position = Pick<Problem, 'line' | 'column'>;

const STR_TAGS = new Set(['!!str', 'tag:yaml.org,2002:str', '!']);
const MERGE_TAGS = new Set(['!!merge', 'tag:yaml.org,2002:merge']);

/**
 * The deepest the decoder follows nodes, aliases included. The text's own nesting is at most MAX_NESTING_DEPTH
 * (checked before decoding); aliases can stack one anchor inside another, so their expansion is capped too,
 * at twice that, before the recursion nears the end of the call stack.
 */
const MAX_EXPANDED_DEPTH = 2 * MAX_NESTING_DEPTH;

/** A field path with a key appended. */
function childPath(path: string, key: string): string {
  return path ? `${path}.${pathKey(key)}` : pathKey(key);
}

/** Reads typed values from the nodes of one document, collecting problems. */
export class NodeReader {
  readonly errors = new ProblemList('error');
  readonly warnings = new ProblemList('warning');
  /** Indexed field path (`rules[0].resources[1].group`, `rules[2]`) to the source offset of its value. */
  readonly offsets = new Map<string, number>();
  readonly budget = new AliasBudget();
  private readonly expanding = new Set<Node>();
  private reportedBudget = false;
  private depth = 0;
  private reportedDepth = false;

  constructor(
    private readonly lines: LineCounter,
    private readonly anchors: AnchorIndex,
    protected readonly facts: ReaderFacts,
  ) {}

  position(node: unknown): Position {
    const start = (node as Node | null | undefined)?.range?.[0];
    if (start === undefined) return {};
    const pos = this.lines.linePos(start);
    return { line: pos.line, column: pos.col };
  }

  /** Records an error at `node`; `message` and `fix` are built only while errors are still listed. */
  error(
    node: unknown,
    field: string | undefined,
    message: () => string,
    fix?: () => string | undefined,
  ): void {
    if (!this.errors.listing) return this.errors.skip();
    this.errors.add(problem(message(), field, this.position(node), fix?.()));
  }

  warn(node: unknown, field: string | undefined, message: string, fix?: string): void {
    this.warnings.add(problem(message, field, this.position(node), fix));
  }

  remember(path: string, node: unknown): void {
    const start = (node as Node | null | undefined)?.range?.[0];
    if (start !== undefined && !this.offsets.has(path)) this.offsets.set(path, start);
  }

  /**
   * Visits a node: counts it against the alias budget, follows an alias (unknown anchors and anchors that
   * contain themselves are errors, as in go-yaml) and calls `read` with the node itself, or null for none.
   */
  visit<T>(raw: unknown, field: string, read: (node: Node | null) => T): T | typeof INVALID {
    if (!this.budget.visit()) {
      if (!this.reportedBudget) {
        this.reportedBudget = true;
        this.error(
          raw,
          field,
          () =>
            'the document expands to too many YAML nodes through aliases; go-yaml, the reader behind ' +
            'kube-apiserver and Deckhouse\'s hook, refuses it too ("document contains excessive aliasing")',
          () => 'write the policy without YAML aliases',
        );
      }
      return INVALID;
    }
    if (this.depth >= MAX_EXPANDED_DEPTH) {
      if (!this.reportedDepth) {
        this.reportedDepth = true;
        this.error(
          raw,
          field,
          () =>
            `the document nests more than ${MAX_EXPANDED_DEPTH} levels deep once its aliases are expanded`,
          () => 'write the value out instead of nesting anchors inside anchors',
        );
      }
      return INVALID;
    }
    this.depth++;
    try {
      return isAlias(raw) ? this.expand(raw, field, read) : read((raw as Node | null | undefined) ?? null);
    } finally {
      this.depth--;
    }
  }

  private expand<T>(raw: Alias, field: string, read: (node: Node | null) => T): T | typeof INVALID {
    const target = this.anchors.target(raw);
    if (target === undefined) {
      this.error(
        raw,
        field,
        () => `${field}: unknown YAML alias *${echo(raw.source)}`,
        () => `define the anchor &${echo(raw.source)} before using it`,
      );
      return INVALID;
    }
    if (this.expanding.has(target)) {
      this.error(
        raw,
        field,
        () =>
          `${field}: the anchor &${echo(raw.source)} contains itself (go-yaml: "anchor value contains itself")`,
        () => 'write the value out instead of referring to the anchor inside it',
      );
      return INVALID;
    }
    this.expanding.add(target);
    try {
      return this.budget.expanding(() => this.visit(target, field, read));
    } finally {
      this.expanding.delete(target);
    }
  }

  /** How go-yaml types a scalar node; undefined when it has an unsupported tag (an error was recorded). */
  scalar(node: Scalar, field: string): GoYamlScalar | undefined {
    const tag = node.tag;
    const text = String(node.source ?? node.value ?? '');
    if (tag !== undefined && STR_TAGS.has(tag)) return { type: 'string', value: text };
    if (tag !== undefined) {
      this.error(
        node,
        field,
        () =>
          `${field}: explicit YAML tag ${echo(tag.replace('tag:yaml.org,2002:', '!!'))} is not supported in an audit policy`,
        () => 'remove the tag',
      );
      return undefined;
    }
    return node.type === 'PLAIN' ? resolveGoYamlPlain(text) : { type: 'string', value: text };
  }

  /** No value at all: no node, or an untagged plain null scalar (`~`, `null`, nothing). */
  isAbsent(node: Node | null): boolean {
    return (
      node === null ||
      (isScalar(node) && node.type === 'PLAIN' && node.tag === undefined && this.isPlainNull(node))
    );
  }

  private isPlainNull(node: Scalar): boolean {
    return resolveGoYamlPlain(String(node.source ?? '')).type === 'null';
  }

  /** A string field; null is absent, except for `nullIsError` (an item of a string list, which the cluster reads as ""). */
  string(
    raw: unknown,
    field: string,
    opts: { nullIsError?: boolean; scalarFix?: (quoted: string) => string } = {},
  ): Read<string> {
    return this.visit(raw, field, (node): Read<string> => {
      if (node === null || this.isAbsent(node)) {
        if (!opts.nullIsError) return undefined;
        const source = isScalar(node) ? String(node.source ?? '') : '';
        this.error(
          node ?? raw,
          field,
          () =>
            `${field}: expected a string, found ${describeGoYamlScalar({ type: 'null', value: null }, echo(source))}; ${this.facts.nullListItem}`,
          () => 'write "" if you mean the empty string, or remove the entry',
        );
        return INVALID;
      }
      if (!isScalar(node)) {
        this.error(
          raw,
          field,
          () =>
            `${field}: expected a string, found a ${isSeq(node) ? 'list' : 'mapping'}; ${this.facts.decodeFails}`,
          () => 'write a single value (quote it if it contains special characters)',
        );
        return INVALID;
      }
      const s = this.scalar(node, field);
      if (s === undefined) return INVALID;
      if (s.type === 'string') return s.value;
      const source = String(node.source ?? '');
      this.error(
        raw,
        field,
        () =>
          `${field}: expected a string, found ${describeGoYamlScalar(s, echo(source))}; ${this.facts.scalarInStringField(goStringOf(s, source))}`,
        () => (opts.scalarFix ?? ((quoted: string) => `quote it: ${quoted}`))(quote(source)),
      );
      return INVALID;
    });
  }

  /** A list of strings; absent/null = undefined, `[]` is kept. */
  stringList(raw: unknown, field: string): Read<string[]> {
    return this.visit(raw, field, (node): Read<string[]> => {
      if (node === null || this.isAbsent(node)) return undefined;
      if (!isSeq(node)) {
        const example = isScalar(node)
          ? `${field.replace(/^.*\./, '')}: [${quote(String(node.source ?? ''))}]`
          : undefined;
        this.error(
          raw,
          field,
          () =>
            `${field}: expected a list of strings, found ${isScalar(node) ? 'a single value' : 'a mapping'}; ${this.facts.decodeFails}`,
          () => (example ? `write it as a list: ${example}` : 'write it as a list of strings'),
        );
        return INVALID;
      }
      const out: string[] = [];
      let ok = true;
      node.items.forEach((item, i) => {
        const path = `${field}[${i}]`;
        this.remember(path, item);
        const value = this.string(item, path, { nullIsError: true });
        if (typeof value === 'string') out.push(value);
        else ok = false;
      });
      return ok ? out : INVALID;
    });
  }

  /** A boolean field; YAML 1.1 spellings (`yes`, `on`) are read as go-yaml does, with a warning. */
  bool(raw: unknown, field: string): Read<boolean> {
    return this.visit(raw, field, (node): Read<boolean> => {
      if (node === null || this.isAbsent(node)) return undefined;
      if (!isScalar(node)) {
        this.error(
          raw,
          field,
          () =>
            `${field}: expected true or false, found a ${isSeq(node) ? 'list' : 'mapping'}; ${this.facts.decodeFails}`,
          () => 'write true or false',
        );
        return INVALID;
      }
      const s = this.scalar(node, field);
      if (s === undefined) return INVALID;
      const source = String(node.source ?? '');
      if (s.type === 'bool') {
        // YAML 1.2 core reads true/True/TRUE (and false alike) as booleans too; the rest only YAML 1.1 does.
        if (!/^(?:true|True|TRUE|false|False|FALSE)$/.test(source)) {
          this.warn(
            raw,
            field,
            `${field}: ${source} is a boolean only in YAML 1.1 (the cluster reads ${s.value}); YAML 1.2 tools read a string`,
            `write ${s.value}`,
          );
        }
        return s.value;
      }
      this.error(
        raw,
        field,
        () =>
          `${field}: expected true or false, found ${describeGoYamlScalar(s, echo(source))}; ${this.facts.decodeFails}`,
        () =>
          s.type === 'string' && /^(true|false|yes|no|y|n|on|off)$/i.test(s.value)
            ? `remove the quotes and write ${/^(true|yes|y|on)$/i.test(s.value)}`
            : 'write true or false',
      );
      return INVALID;
    });
  }

  /**
   * The entries of a mapping in source order, merge keys expanded as go-yaml's strict mode does (a key set twice,
   * by the mapping and a merge or by two merges, is an error), duplicate keys refused.
   */
  entries(map: YAMLMap, path: string): MappingEntry[] {
    const out: MappingEntry[] = [];
    const seen = new Map<string, 'written' | 'merged'>();
    const add = (entry: MappingEntry, origin: 'written' | 'merged', sourceNode: unknown): void => {
      const before = seen.get(entry.key);
      if (before === undefined) {
        seen.set(entry.key, origin);
        out.push(entry);
        return;
      }
      const written = before === 'written' && origin === 'written';
      this.error(
        sourceNode,
        entry.path,
        () =>
          written
            ? `${entry.path}: duplicate key ${quote(entry.key)}`
            : `${entry.path}: key ${quote(entry.key)} is set both by a YAML merge (<<) and ${before === 'merged' && origin === 'merged' ? 'another merge' : 'the mapping'}; ${this.facts.mergeOverlap}`,
        () =>
          written
            ? `remove one of the two ${quote(entry.key)} keys (${this.facts.duplicateKey})`
            : `set ${quote(entry.key)} in one place only`,
      );
    };
    for (const pair of map.items) {
      const key = this.visit(pair.key, path || 'document', (node) => node);
      if (key === INVALID) continue;
      if (!isScalar(key)) {
        this.error(
          pair.key ?? map,
          path || undefined,
          () => `${path || 'the document'}: a mapping key must be a plain name`,
          () => 'use field names such as level, verbs, resources',
        );
        continue;
      }
      const name = String(key.source ?? key.value ?? '');
      if (name === '<<' && key.type === 'PLAIN' && (key.tag === undefined || MERGE_TAGS.has(key.tag))) {
        for (const merged of this.merged(pair.value, path)) add(merged, 'merged', pair.key);
        continue;
      }
      const entry = { key: name, keyNode: key, value: pair.value, path: childPath(path, name) };
      add({ ...entry, rawPath: path ? `${path}.${name}` : name }, 'written', pair.key);
    }
    return out;
  }

  /** The entries a merge key's value brings: a mapping, or a list of mappings (earlier ones win in go-yaml). */
  private merged(raw: unknown, path: string): MappingEntry[] {
    const field = childPath(path, '<<');
    const result = this.visit(raw, field, (node): MappingEntry[] | typeof INVALID => {
      if (isMap(node)) return this.entries(node, path);
      if (isSeq(node)) {
        const all: MappingEntry[] = [];
        for (const item of node.items) {
          const part = this.visit(item, field, (inner) =>
            isMap(inner) ? this.entries(inner, path) : INVALID,
          );
          if (part === INVALID) return this.mergeValueError(item, field);
          all.push(...part);
        }
        return all;
      }
      return this.mergeValueError(raw, field);
    });
    return result === INVALID ? [] : result;
  }

  private mergeValueError(node: unknown, field: string): typeof INVALID {
    this.error(
      node,
      field,
      () =>
        `${field}: a merge key needs a mapping or a list of mappings (go-yaml: "map merge requires map or sequence of maps as the value")`,
      () => 'merge an anchored mapping: "<<: *defaults"',
    );
    return INVALID;
  }
}

/** A Problem with its optional parts only when present. */
export function problem(message: string, field: string | undefined, at: Position, fix?: string): Problem {
  const p: Problem = { message };
  // A path through deeply nested aliases can be long; a field is an address, not something to read in full.
  if (field !== undefined && field !== '') p.field = echo(field, 200);
  if (at.line !== undefined) {
    p.line = at.line;
    p.column = at.column;
  }
  if (fix !== undefined) p.fix = fix;
  return p;
}
