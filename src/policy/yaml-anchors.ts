/**
 * YAML anchors and aliases, resolved once per document and expanded within a budget. The `yaml` package
 * searches the whole document for every alias it resolves, which makes 20,000 aliases in an 80 KB file take
 * tens of seconds; here every anchor is indexed in one walk and each alias is a binary search.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Node } from 'yaml';

interface Anchored {
  start: number;
  node: Node;
}

/** Every anchor of a document, by name, in document order. */
export class AnchorIndex {
  private readonly byName = new Map<string, Anchored[]>();

  constructor(root: unknown) {
    const stack: unknown[] = [root];
    // Children are pushed in reverse so that nodes are visited in document order.
    while (stack.length > 0) {
      const node = stack.pop();
      if (isPair(node)) {
        stack.push(node.value, node.key);
        continue;
      }
      if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
      if (node.anchor !== undefined && node.range) {
        const list = this.byName.get(node.anchor) ?? [];
        list.push({ start: node.range[0], node });
        this.byName.set(node.anchor, list);
      }
      if (isMap(node) || isSeq(node))
        for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }

  /**
   * The node an alias refers to: the last node anchored with its name before the alias (YAML reuses anchor
   * names); undefined when there is none, which go-yaml reports as "unknown anchor referenced".
   */
  target(alias: unknown): Node | undefined {
    if (!isAlias(alias)) return undefined;
    const list = this.byName.get(alias.source);
    const at = alias.range?.[0];
    if (!list || at === undefined) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    let found: Anchored | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start < at) {
        found = list[mid];
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found?.node;
  }
}

// go-yaml v2.4 decode.go: up to 400,000 decoded nodes 99% may come from alias expansion, from 4,000,000 on
// only 10%, scaling linearly in between.
const RATIO_RANGE_LOW = 400_000;
const RATIO_RANGE_HIGH = 4_000_000;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= RATIO_RANGE_LOW) return 0.99;
  if (decodeCount >= RATIO_RANGE_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - RATIO_RANGE_LOW) / (RATIO_RANGE_HIGH - RATIO_RANGE_LOW));
}

/**
 * The cap on alias expansion: exactly go-yaml v2's own rule (decode.go, "document contains excessive
 * aliasing"), so that nothing the cluster's reader accepts is refused here and nothing it refuses is accepted.
 * It bounds the work to a constant factor of the document: at most 100 times its nodes for a small document,
 * about 1.2 million node visits for a 1 MiB one.
 */
export class AliasBudget {
  /** Nodes decoded so far, aliases expanded included. */
  decodeCount = 0;
  /** Nodes decoded while expanding an alias. */
  aliasCount = 0;
  private aliasDepth = 0;
  private broken = false;

  /** Counts one decoded node; false once the document has broken the rule (and from then on). */
  visit(): boolean {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      !this.broken &&
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    ) {
      this.broken = true;
    }
    return !this.broken;
  }

  /** True once the rule was broken. */
  get exceeded(): boolean {
    return this.broken;
  }

  /** Runs `expand` as the expansion of an alias. */
  expanding<T>(expand: () => T): T {
    this.aliasDepth++;
    try {
      return expand();
    } finally {
      this.aliasDepth--;
    }
  }
}
