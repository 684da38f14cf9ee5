/**
 * The small YAML node model the strict decoder walks. Both readers produce it: the fast reader for
 * simple documents directly, the `yaml` library through fromLibraryNode. Plain objects keep the fast
 * path cheap (the library's node classes cost more to build than the parse itself).
 */
import { Document, isAlias, isMap, isScalar, isSeq } from 'yaml';

/** How a scalar was written; only PLAIN scalars are typed (booleans, numbers, null). */
export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/** A scalar with its (unescaped, folded) text. */
export interface ScalarNode {
  kind: 'scalar';
  value: string;
  type: ScalarStyle;
  tag?: string;
  /** Source offset of the first character. */
  start?: number;
}

/** A mapping in source order; duplicate keys are kept so the decoder can report them. */
export interface MapNode {
  kind: 'map';
  items: Array<{ key: YNode | null; value: YNode | null }>;
  start?: number;
}

/** A sequence. */
export interface SeqNode {
  kind: 'seq';
  items: Array<YNode | null>;
  start?: number;
}

/** A `*alias`; resolve() finds its anchored node. */
export interface AliasNode {
  kind: 'alias';
  source: string;
  start?: number;
  resolve(): YNode | null | undefined;
}

/** Any node. */
export type YNode = ScalarNode | MapNode | SeqNode | AliasNode;

/** True for a scalar node. */
export const isScalarNode = (n: unknown): n is ScalarNode => (n as YNode | null)?.kind === 'scalar';
/** True for a mapping node. */
export const isMapNode = (n: unknown): n is MapNode => (n as YNode | null)?.kind === 'map';
/** True for a sequence node. */
export const isSeqNode = (n: unknown): n is SeqNode => (n as YNode | null)?.kind === 'seq';
/** True for an alias node. */
export const isAliasNode = (n: unknown): n is AliasNode => (n as YNode | null)?.kind === 'alias';

/** Converts a `yaml` library node (failsafe schema) of `doc`; aliases are resolved lazily. */
export function fromLibraryNode(
  node: unknown,
  doc: Document,
  cache = new Map<unknown, YNode | null>(),
): YNode | null {
  if (node === null || node === undefined) return null;
  const cached = cache.get(node);
  if (cached !== undefined) return cached;
  const range = (node as { range?: [number, number, number] | null }).range;
  const start = range ? range[0] : undefined;
  let out: YNode | null = null;
  if (isScalar(node)) {
    out = {
      kind: 'scalar',
      value: node.value === null || node.value === undefined ? '' : String(node.value),
      type: (node.type as ScalarStyle | undefined) ?? 'PLAIN',
      start,
    };
    if (node.tag !== undefined) out.tag = node.tag;
  } else if (isMap(node)) {
    const map: MapNode = { kind: 'map', items: [], start };
    cache.set(node, map);
    for (const pair of node.items) {
      map.items.push({
        key: fromLibraryNode(pair.key, doc, cache),
        value: fromLibraryNode(pair.value, doc, cache),
      });
    }
    return map;
  } else if (isSeq(node)) {
    const seq: SeqNode = { kind: 'seq', items: [], start };
    cache.set(node, seq);
    for (const item of node.items) seq.items.push(fromLibraryNode(item, doc, cache));
    return seq;
  } else if (isAlias(node)) {
    let resolved = false;
    let result: YNode | null | undefined;
    out = {
      kind: 'alias',
      source: node.source,
      start,
      // The library searches the whole document for the anchor; do that once per alias.
      resolve: () => {
        if (!resolved) {
          const target = node.resolve(doc);
          result = target === undefined ? undefined : fromLibraryNode(target, doc, cache);
          resolved = true;
        }
        return result;
      },
    };
  }
  cache.set(node, out);
  return out;
}
