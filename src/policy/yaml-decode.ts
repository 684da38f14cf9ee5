/**
 * The strict decoder behind parsePolicy: YAML or JSON text to a Policy object, with line:column for
 * every problem and a map from field paths to source positions (used to place validation errors).
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import { describeGoYamlScalar, GoYamlScalar, resolveGoYamlPlain } from './go-yaml-scalar';
import { FIELDS_OF, OBJECT_META_FIELDS, PolicyObjectKind } from './policy-fields';
import { unknownFieldFix } from './unknown-field-fix';
import { Policy, Problem } from './types';
import { composeSimpleYaml } from './yaml-fast-path';
import {
  fromLibraryNode,
  isAliasNode,
  isMapNode,
  isScalarNode,
  isSeqNode,
  ScalarNode,
  YNode,
} from './yaml-nodes';

/** A 1-based source position. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** What the decoder found: the policy (when there were no errors), problems, and field positions. */
export interface DecodeResult {
  policy?: Policy;
  errors: Problem[];
  warnings: Problem[];
  /** Indexed field path (`rules[0].resources[1].group`, `rules[2]`) to the source offset of its value. */
  offsets: Map<string, number>;
  /** Line and column of a source offset. */
  locate(offset: number): SourcePosition;
}

/** The only apiVersion kube-apiserver loads since Kubernetes 1.24. */
export const AUDIT_API_VERSION = 'audit.k8s.io/v1';

const REMOVED_API_VERSIONS = new Set(['audit.k8s.io/v1beta1', 'audit.k8s.io/v1alpha1']);

// Alias expansion can make a small file huge ("billion laughs"); no real policy comes close.
const MAX_NODES = 1_000_000;
const MAX_ALIAS_DEPTH = 64;

type Loc = { line?: number; column?: number };

class Decoder {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  readonly offsets = new Map<string, number>();
  private nodes = 0;
  private aliasDepth = 0;
  private tooLarge = false;

  constructor(private readonly lines: LineCounter) {}

  loc(node: unknown): Loc {
    const start = (node as YNode | null | undefined)?.start;
    if (start === undefined) return {};
    const pos = this.lines.linePos(start);
    return { line: pos.line, column: pos.col };
  }

  error(node: unknown, field: string | undefined, message: string, fix?: string): void {
    this.errors.push(problem(message, field, this.loc(node), fix));
  }

  warn(node: unknown, field: string | undefined, message: string, fix?: string): void {
    this.warnings.push(problem(message, field, this.loc(node), fix));
  }

  remember(path: string, node: unknown): void {
    const start = (node as YNode | null | undefined)?.start;
    if (start !== undefined && !this.offsets.has(path)) this.offsets.set(path, start);
  }

  /** Follows aliases; undefined when the node cannot be used (an error was recorded). */
  deref(node: unknown, field: string): unknown {
    if (++this.nodes > MAX_NODES) {
      if (!this.tooLarge) {
        this.tooLarge = true;
        this.error(
          node,
          field,
          'the document expands to too many YAML nodes (alias expansion?)',
          'write the policy without YAML aliases',
        );
      }
      return undefined;
    }
    if (isAliasNode(node)) {
      if (this.aliasDepth >= MAX_ALIAS_DEPTH) {
        this.error(
          node,
          field,
          `${field}: YAML aliases nest too deeply`,
          'write the value out instead of using aliases',
        );
        return undefined;
      }
      const target = node.resolve();
      if (target === undefined) {
        this.error(
          node,
          field,
          `${field}: unknown YAML alias *${node.source}`,
          `define the anchor &${node.source} before using it`,
        );
        return undefined;
      }
      return target;
    }
    return node;
  }

  withAlias<T>(node: unknown, fn: () => T): T {
    const isAlias = isAliasNode(node);
    if (isAlias) this.aliasDepth++;
    try {
      return fn();
    } finally {
      if (isAlias) this.aliasDepth--;
    }
  }

  /** How kube-apiserver types a scalar node. */
  scalar(node: ScalarNode, field: string): GoYamlScalar | undefined {
    const tag = node.tag;
    if (tag === '!!str' || tag === 'tag:yaml.org,2002:str')
      return { type: 'string', value: String(node.value) };
    if (tag !== undefined && tag !== '!') {
      this.error(
        node,
        field,
        `${field}: explicit YAML tag ${tag} is not supported in an audit policy`,
        'remove the tag',
      );
      return undefined;
    }
    const text = String(node.value);
    if (node.type === 'PLAIN' && tag === undefined) return resolveGoYamlPlain(text);
    return { type: 'string', value: text };
  }

  /** A string field; `undefined` = absent (null counts as absent, like upstream). */
  string(
    raw: unknown,
    field: string,
    opts: { nullIsError?: boolean } = {},
  ): string | undefined | typeof INVALID {
    const node = this.deref(raw, field);
    if (node === undefined) return INVALID;
    if (node === null) {
      if (opts.nullIsError) {
        this.error(
          raw,
          field,
          `${field}: expected a string, found an empty value (null)`,
          'write "" if you mean the empty string',
        );
        return INVALID;
      }
      return undefined;
    }
    if (!isScalarNode(node)) {
      this.error(
        raw,
        field,
        `${field}: expected a string, found a ${isSeqNode(node) ? 'list' : 'mapping'}`,
        'write a single value (quote it if it contains special characters)',
      );
      return INVALID;
    }
    const s = this.scalar(node, field);
    if (s === undefined) return INVALID;
    if (s.type === 'string') return s.value;
    if (s.type === 'null' && !opts.nullIsError) return undefined;
    const source = String(node.value);
    const quoted = JSON.stringify(source);
    this.error(
      raw,
      field,
      `${field}: expected a string, found ${describeGoYamlScalar(s, source)}; kube-apiserver fails to decode this`,
      s.type === 'null'
        ? 'write "" if you mean the empty string, or remove the entry'
        : `quote it: ${quoted}`,
    );
    return INVALID;
  }

  /** A list of strings; absent/null = undefined, `[]` is kept. */
  stringList(raw: unknown, field: string): string[] | undefined | typeof INVALID {
    const node = this.deref(raw, field);
    if (node === undefined) return INVALID;
    if (this.isAbsent(node)) return undefined;
    if (!isSeqNode(node)) {
      const example = isScalarNode(node)
        ? `${field.replace(/^.*\./, '')}: [${JSON.stringify(String(node.value))}]`
        : undefined;
      this.error(
        raw,
        field,
        `${field}: expected a list of strings, found ${isScalarNode(node) ? 'a single value' : 'a mapping'}`,
        example ? `write it as a list: ${example}` : 'write it as a list of strings',
      );
      return INVALID;
    }
    const out: string[] = [];
    let ok = true;
    node.items.forEach((item, i) => {
      const path = `${field}[${i}]`;
      this.remember(path, item);
      const value = this.withAlias(item, () => this.string(item, path, { nullIsError: true }));
      if (typeof value === 'string') out.push(value);
      else ok = false;
    });
    return ok ? out : INVALID;
  }

  bool(raw: unknown, field: string): boolean | undefined | typeof INVALID {
    const node = this.deref(raw, field);
    if (node === undefined) return INVALID;
    if (node === null) return undefined;
    if (isScalarNode(node)) {
      const s = this.scalar(node, field);
      if (s === undefined) return INVALID;
      if (s.type === 'null') return undefined;
      if (s.type === 'bool') {
        const source = String(node.value);
        // YAML 1.2 core reads true/True/TRUE (and false alike) as booleans too; the rest only YAML 1.1 does.
        if (!/^(?:true|True|TRUE|false|False|FALSE)$/.test(source)) {
          this.warn(
            raw,
            field,
            `${field}: ${source} is a boolean only in YAML 1.1 (kube-apiserver reads ${s.value}); YAML 1.2 tools read a string`,
            `write ${s.value}`,
          );
        }
        return s.value;
      }
      this.error(
        raw,
        field,
        `${field}: expected true or false, found ${describeGoYamlScalar(s, String(node.value))}; kube-apiserver fails to decode this`,
        s.type === 'string' && /^(true|false|yes|no|y|n|on|off)$/i.test(s.value)
          ? `remove the quotes and write ${/^(true|yes|y|on)$/i.test(s.value)}`
          : 'write true or false',
      );
      return INVALID;
    }
    this.error(
      raw,
      field,
      `${field}: expected true or false, found a ${isSeqNode(node) ? 'list' : 'mapping'}`,
      'write true or false',
    );
    return INVALID;
  }

  /** No value at all: an empty node or an untagged plain null scalar (`~`, `null`, nothing). */
  isAbsent(node: unknown): boolean {
    return node === null || (isScalarNode(node) && this.isNull(node));
  }

  isNull(node: ScalarNode): boolean {
    return (
      node.type === 'PLAIN' &&
      node.tag === undefined &&
      resolveGoYamlPlain(String(node.value)).type === 'null'
    );
  }

  /**
   * Checks the keys of a mapping: duplicates, unknown and mis-cased keys. Returns the accepted
   * key/value pairs, or INVALID when the node is not a mapping.
   */
  fields(
    raw: unknown,
    path: string,
    kind: PolicyObjectKind | 'metadata',
  ): Array<{ key: string; keyNode: unknown; value: unknown; path: string }> | typeof INVALID {
    const node = this.deref(raw, path || 'document');
    if (node === undefined) return INVALID;
    if (!isMapNode(node)) {
      const found = node === null ? 'an empty value' : isSeqNode(node) ? 'a list' : 'a single value';
      this.error(
        raw,
        path || undefined,
        `${path || 'the document'}: expected a mapping (key: value), found ${found}`,
        mappingFix(kind),
      );
      return INVALID;
    }
    const known = kind === 'metadata' ? OBJECT_META_FIELDS : FIELDS_OF[kind];
    const seen = new Set<string>();
    const out: Array<{ key: string; keyNode: unknown; value: unknown; path: string }> = [];
    for (const pair of node.items) {
      const keyNode = this.deref(pair.key, path || 'document');
      if (keyNode === undefined) continue;
      if (!isScalarNode(keyNode)) {
        this.error(
          pair.key ?? raw,
          path || undefined,
          `${path || 'the document'}: a mapping key must be a plain name`,
          'use field names such as level, verbs, resources',
        );
        continue;
      }
      const key = String(keyNode.value);
      const fieldPath = path ? `${path}.${key}` : key;
      if (key === '<<' && keyNode.type === 'PLAIN') {
        this.error(
          pair.key,
          fieldPath,
          `${fieldPath}: YAML merge keys (<<) are not supported in an audit policy`,
          'write the fields out',
        );
        continue;
      }
      if (seen.has(key)) {
        this.error(
          pair.key,
          fieldPath,
          `${fieldPath}: duplicate key "${key}"`,
          `remove one of the two "${key}" keys (kube-apiserver would silently keep the last one)`,
        );
        continue;
      }
      seen.add(key);
      if (!known.includes(key)) {
        this.errors.push(
          problem(unknownFieldMessage(fieldPath), fieldPath, this.loc(pair.key), unknownFieldFix(key, kind)),
        );
        continue;
      }
      this.remember(fieldPath, pair.value ?? pair.key);
      out.push({ key, keyNode: pair.key, value: pair.value, path: fieldPath });
    }
    return out;
  }

  policy(root: unknown): Policy | undefined {
    const errorsBefore = this.errors.length;
    if (root === undefined || this.isAbsent(root)) {
      this.errors.push(
        problem(
          'the policy document is empty',
          undefined,
          { line: 1, column: 1 },
          `start with "apiVersion: ${AUDIT_API_VERSION}", "kind: Policy" and a "rules:" list`,
        ),
      );
      return undefined;
    }
    const entries = this.fields(root, '', 'policy');
    if (entries === INVALID) return undefined;
    const policy: Record<string, unknown> = {};
    let apiVersionSeen = false;
    for (const { key, keyNode, value, path } of entries) {
      switch (key) {
        case 'apiVersion': {
          const v = this.string(value, path);
          // A wrongly-typed apiVersion has its own error; only a missing or null one is "missing".
          apiVersionSeen = v !== undefined;
          if (v === INVALID) break;
          if (v !== undefined) this.apiVersion(v, value ?? keyNode);
          break;
        }
        case 'kind': {
          const v = this.string(value, path);
          if (v !== INVALID && v !== undefined && v !== 'Policy') {
            const fix =
              v.toLowerCase() === 'policy'
                ? 'write kind: Policy (the kind is case-sensitive)'
                : 'write kind: Policy, or leave kind out';
            this.error(
              value,
              path,
              `kind: ${JSON.stringify(v)} is not an audit policy; kube-apiserver only loads kind Policy`,
              fix,
            );
          }
          break;
        }
        case 'metadata': {
          const v = this.metadata(value, path);
          if (v !== INVALID && v !== undefined) policy.metadata = v;
          break;
        }
        case 'rules': {
          const v = this.rules(value, path);
          if (v !== INVALID && v !== undefined) policy.rules = v;
          break;
        }
        case 'omitStages':
          this.assign(policy, key, this.stringList(value, path));
          break;
        case 'omitManagedFields':
          this.assign(policy, key, this.bool(value, path));
          break;
      }
    }
    if (!apiVersionSeen) {
      this.errors.push(
        problem(
          'missing apiVersion: kube-apiserver refuses a policy without apiVersion ("unknown group version field audit.k8s.io/__internal")',
          'apiVersion',
          { line: 1, column: 1 },
          `add "apiVersion: ${AUDIT_API_VERSION}" and "kind: Policy" at the top`,
        ),
      );
    }
    if (this.errors.length > errorsBefore) return undefined;
    return {
      apiVersion: AUDIT_API_VERSION,
      kind: 'Policy',
      ...(policy.metadata !== undefined ? { metadata: policy.metadata as Record<string, unknown> } : {}),
      ...(policy.omitStages !== undefined ? { omitStages: policy.omitStages as Policy['omitStages'] } : {}),
      ...(policy.omitManagedFields !== undefined
        ? { omitManagedFields: policy.omitManagedFields as boolean }
        : {}),
      rules: (policy.rules as Policy['rules'] | undefined) ?? [],
    };
  }

  apiVersion(value: string, node: unknown): void {
    if (value === AUDIT_API_VERSION) return;
    if (REMOVED_API_VERSIONS.has(value)) {
      this.error(
        node,
        'apiVersion',
        `apiVersion ${value} was removed in Kubernetes 1.24; kube-apiserver refuses to load it (no kind "Policy" is registered for version "${value}")`,
        `change apiVersion to ${AUDIT_API_VERSION}: the rule content is compatible`,
      );
      return;
    }
    this.error(
      node,
      'apiVersion',
      `apiVersion ${JSON.stringify(value)} is not an audit policy version; kube-apiserver only loads ${AUDIT_API_VERSION}`,
      `write apiVersion: ${AUDIT_API_VERSION}`,
    );
  }

  assign(target: Record<string, unknown>, key: string, value: unknown): void {
    if (value !== INVALID && value !== undefined) target[key] = value;
  }

  rules(raw: unknown, path: string): Policy['rules'] | undefined | typeof INVALID {
    const node = this.deref(raw, path);
    if (node === undefined) return INVALID;
    if (this.isAbsent(node)) return undefined;
    if (!isSeqNode(node)) {
      this.error(
        raw,
        path,
        `${path}: expected a list of rules, found ${isMapNode(node) ? 'a mapping' : 'a single value'}`,
        'write each rule as a list item: "rules:" then "- level: Metadata"',
      );
      return INVALID;
    }
    const out: Policy['rules'] = [];
    let ok = true;
    node.items.forEach((item, i) => {
      const rulePath = `${path}[${i}]`;
      this.remember(rulePath, item);
      const rule = this.withAlias(item, () => this.rule(item, rulePath));
      if (rule === INVALID) ok = false;
      else out.push(rule as unknown as Policy['rules'][number]);
    });
    return ok ? out : INVALID;
  }

  rule(raw: unknown, path: string): Record<string, unknown> | typeof INVALID {
    const entries = this.fields(raw, path, 'rule');
    if (entries === INVALID) return INVALID;
    const rule: Record<string, unknown> = {};
    let ok = true;
    for (const { key, value, path: fieldPath } of entries) {
      let v: unknown;
      if (key === 'level') v = this.string(value, fieldPath);
      else if (key === 'omitManagedFields') v = this.bool(value, fieldPath);
      else if (key === 'resources') v = this.groupResourcesList(value, fieldPath);
      else v = this.stringList(value, fieldPath);
      if (v === INVALID) ok = false;
      else this.assign(rule, key, v);
    }
    return ok ? rule : INVALID;
  }

  groupResourcesList(raw: unknown, path: string): unknown[] | undefined | typeof INVALID {
    const node = this.deref(raw, path);
    if (node === undefined) return INVALID;
    if (this.isAbsent(node)) return undefined;
    if (!isSeqNode(node)) {
      this.error(
        raw,
        path,
        `${path}: expected a list of {group, resources, resourceNames} entries, found ${isMapNode(node) ? 'a mapping' : 'a single value'}`,
        'write "resources:" then "- group: apps" and "  resources: [deployments]" as a list item',
      );
      return INVALID;
    }
    const out: unknown[] = [];
    let ok = true;
    node.items.forEach((item, i) => {
      const entryPath = `${path}[${i}]`;
      this.remember(entryPath, item);
      const entry = this.withAlias(item, () => this.groupResources(item, entryPath));
      if (entry === INVALID) ok = false;
      else out.push(entry);
    });
    return ok ? out : INVALID;
  }

  groupResources(raw: unknown, path: string): Record<string, unknown> | typeof INVALID {
    const entries = this.fields(raw, path, 'resources entry');
    if (entries === INVALID) return INVALID;
    const entry: Record<string, unknown> = {};
    let ok = true;
    for (const { key, value, path: fieldPath } of entries) {
      const v = key === 'group' ? this.string(value, fieldPath) : this.stringList(value, fieldPath);
      if (v === INVALID) ok = false;
      else this.assign(entry, key, v);
    }
    return ok ? entry : INVALID;
  }

  metadata(raw: unknown, path: string): Record<string, unknown> | undefined | typeof INVALID {
    const node = this.deref(raw, path);
    if (node === undefined) return INVALID;
    if (this.isAbsent(node)) return undefined;
    const entries = this.fields(node, path, 'metadata');
    if (entries === INVALID) return INVALID;
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const { key, value, path: fieldPath } of entries) {
      let v: unknown;
      if (key === 'labels' || key === 'annotations') v = this.stringMap(value, fieldPath);
      else if (key === 'name' || key === 'namespace' || key === 'generateName')
        v = this.string(value, fieldPath);
      else v = this.any(value, fieldPath);
      if (v === INVALID) ok = false;
      else this.assign(out, key, v);
    }
    return ok ? out : INVALID;
  }

  stringMap(raw: unknown, path: string): Record<string, string> | undefined | typeof INVALID {
    const node = this.deref(raw, path);
    if (node === undefined) return INVALID;
    if (this.isAbsent(node)) return undefined;
    if (!isMapNode(node)) {
      this.error(raw, path, `${path}: expected a mapping of strings`, 'write key: "value" pairs');
      return INVALID;
    }
    const out: Record<string, string> = {};
    let ok = true;
    for (const pair of node.items) {
      const keyNode = this.deref(pair.key, path);
      if (!isScalarNode(keyNode)) {
        this.error(pair.key ?? raw, path, `${path}: a key must be a string`, undefined);
        ok = false;
        continue;
      }
      const key = String(keyNode.value);
      const fieldPath = `${path}.${key}`;
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        this.error(
          pair.key,
          fieldPath,
          `${fieldPath}: duplicate key "${key}"`,
          `remove one of the two "${key}" keys`,
        );
        ok = false;
        continue;
      }
      const v = this.string(pair.value, fieldPath, { nullIsError: true });
      if (typeof v === 'string')
        Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else ok = false;
    }
    return ok ? out : INVALID;
  }

  /** Any JSON-like value, typed like go-yaml v2 would. */
  any(raw: unknown, path: string): unknown {
    const node = this.deref(raw, path);
    if (node === undefined) return INVALID;
    if (node === null) return null;
    return this.withAlias(raw, () => {
      if (isScalarNode(node)) {
        const s = this.scalar(node, path);
        if (s === undefined) return INVALID;
        if (s.type === 'merge') {
          this.error(raw, path, `${path}: YAML merge keys (<<) are not supported`, 'write the value out');
          return INVALID;
        }
        return s.value;
      }
      if (isSeqNode(node)) {
        const out: unknown[] = [];
        let ok = true;
        node.items.forEach((item, i) => {
          const v = this.any(item, `${path}[${i}]`);
          if (v === INVALID) ok = false;
          else out.push(v);
        });
        return ok ? out : INVALID;
      }
      if (isMapNode(node)) {
        const out: Record<string, unknown> = {};
        let ok = true;
        for (const pair of node.items) {
          const keyNode = this.deref(pair.key, path);
          if (!isScalarNode(keyNode)) {
            this.error(pair.key ?? raw, path, `${path}: a key must be a string`, undefined);
            ok = false;
            continue;
          }
          const key = String(keyNode.value);
          if (Object.prototype.hasOwnProperty.call(out, key)) {
            this.error(
              pair.key,
              `${path}.${key}`,
              `${path}.${key}: duplicate key "${key}"`,
              `remove one of the two "${key}" keys`,
            );
            ok = false;
            continue;
          }
          const v = this.any(pair.value, `${path}.${key}`);
          if (v === INVALID) ok = false;
          else
            Object.defineProperty(out, key, {
              value: v,
              enumerable: true,
              writable: true,
              configurable: true,
            });
        }
        return ok ? out : INVALID;
      }
      this.error(raw, path, `${path}: unsupported YAML node`, undefined);
      return INVALID;
    });
  }
}

const INVALID: unique symbol = Symbol('invalid');

function problem(message: string, field: string | undefined, loc: Loc, fix?: string): Problem {
  const p: Problem = { message };
  if (field !== undefined && field !== '') p.field = field;
  if (loc.line !== undefined) {
    p.line = loc.line;
    p.column = loc.column;
  }
  if (fix !== undefined) p.fix = fix;
  return p;
}

function mappingFix(kind: PolicyObjectKind | 'metadata'): string {
  switch (kind) {
    case 'policy':
      return `a policy is a mapping: "apiVersion: ${AUDIT_API_VERSION}", "kind: Policy", "rules: [...]"`;
    case 'rule':
      return 'each rule is a mapping such as "- level: Metadata" with optional verbs, resources, ...';
    case 'resources entry':
      return 'each resources entry is a mapping such as "- group: apps" with "resources: [deployments]"';
    default:
      return 'metadata is a mapping such as "name: my-policy"';
  }
}

function unknownFieldMessage(fieldPath: string): string {
  return `unknown field "${fieldPath}"`;
}

function decodeJsonSyntax(text: string): Problem | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return problem(
        'the JSON document is not an object',
        undefined,
        { line: 1, column: 1 },
        `a policy is a JSON object: {"apiVersion": "${AUDIT_API_VERSION}", "kind": "Policy", "rules": [...]}`,
      );
    }
    return undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(message);
    const offset = m ? Number(m[1]) : undefined;
    let loc: Loc = {};
    if (offset !== undefined) {
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      loc = { line, column: offset - before.lastIndexOf('\n') };
    }
    return problem(
      `invalid JSON: ${message.replace(/^JSON\.parse: /, '')}`,
      undefined,
      loc,
      'fix the JSON syntax (no trailing commas or comments; keys in double quotes)',
    );
  }
}

/** Options of decodePolicyText. */
export interface DecodeOptions {
  /** Try the fast reader for simple YAML before the `yaml` library (default true; tests compare both). */
  fastPath?: boolean;
}

const EMPTY_DOCUMENT_FIX = `start with "apiVersion: ${AUDIT_API_VERSION}", "kind: Policy" and a "rules:" list`;

function failed(errors: Problem[], lines?: LineCounter): DecodeResult {
  return { errors, warnings: [], offsets: new Map(), locate: locator(lines) };
}

function locator(lines: LineCounter | undefined): (offset: number) => SourcePosition {
  return (offset) => {
    const pos = lines?.linePos(offset) ?? { line: 1, col: offset + 1 };
    return { line: pos.line, column: pos.col };
  };
}

function finish(decoder: Decoder, policy: Policy | undefined, lines: LineCounter): DecodeResult {
  const ok = decoder.errors.length === 0 && policy !== undefined;
  return {
    ...(ok ? { policy } : {}),
    errors: decoder.errors,
    warnings: decoder.warnings,
    offsets: decoder.offsets,
    locate: locator(lines),
  };
}

/** Strictly decodes YAML or JSON policy text; never throws. */
export function decodePolicyText(text: unknown, options: DecodeOptions = {}): DecodeResult {
  if (typeof text !== 'string') {
    return failed([
      problem(
        `expected the policy text as a string, got ${text === null ? 'null' : typeof text}`,
        undefined,
        {},
      ),
    ]);
  }
  try {
    let source = text.startsWith('\uFEFF') ? text.slice(1) : text;
    // Like apimachinery, a document whose first non-blank character is "{" is JSON. JSON may indent
    // with tabs; outside strings (where JSON forbids raw tabs) a tab is plain whitespace.
    if (/^\s*\{/.test(source)) {
      const jsonProblem = decodeJsonSyntax(source);
      if (jsonProblem) return failed([jsonProblem]);
      source = source.replace(/\t/g, ' ');
    } else if (options.fastPath !== false) {
      const fast = composeSimpleYaml(source);
      if (fast) {
        const decoder = new Decoder(fast.lines);
        return finish(decoder, decoder.policy(fast.contents), fast.lines);
      }
    }
    const lines = new LineCounter();
    const docs = parseAllDocuments(source, {
      schema: 'failsafe',
      uniqueKeys: false,
      prettyErrors: false,
      lineCounter: lines,
      strict: false,
    });
    const list = Array.isArray(docs) ? docs : [];
    if (list.length === 0) {
      return failed(
        [problem('the policy document is empty', undefined, { line: 1, column: 1 }, EMPTY_DOCUMENT_FIX)],
        lines,
      );
    }
    const syntax: Problem[] = [];
    for (const doc of list) {
      for (const err of doc.errors) {
        const pos = lines.linePos(err.pos[0]);
        syntax.push(
          problem(
            `YAML syntax error: ${err.message.split('\n')[0]}`,
            undefined,
            { line: pos.line, column: pos.col },
            syntaxFix(err.code),
          ),
        );
      }
    }
    if (syntax.length > 0) return failed(syntax, lines);
    const decoder = new Decoder(lines);
    const policy = decoder.policy(fromLibraryNode(list[0].contents, list[0]));
    for (const extra of list.slice(1)) {
      const pos = lines.linePos(extra.range[0]);
      const loc = { line: pos.line, column: pos.col };
      const contents = fromLibraryNode(extra.contents, extra);
      if (
        contents === null ||
        (isScalarNode(contents) && contents.type === 'PLAIN' && contents.value === '')
      ) {
        decoder.warnings.push(
          problem('an empty YAML document follows the policy', undefined, loc, 'remove the trailing "---"'),
        );
      } else {
        decoder.errors.push(
          problem(
            'a second YAML document: kube-apiserver reads only the first document of the file and silently ignores the rest',
            undefined,
            loc,
            'put all rules into the one Policy document and remove the "---" separator',
          ),
        );
      }
    }
    return finish(decoder, policy, lines);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return failed([
      problem(
        `could not read the policy: ${message}`,
        undefined,
        {},
        'check that the file is a YAML or JSON audit policy',
      ),
    ]);
  }
}

function syntaxFix(code: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'DUPLICATE_KEY':
      return 'remove one of the duplicate keys';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'check the indentation and the ":" / "-" markers on this line';
    default:
      return 'fix the YAML syntax at this position';
  }
}
