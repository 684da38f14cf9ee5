import { checkObjectArgument } from '../policy/arguments';
import { PolicyRule } from '../policy/types';
import { DeckhouseBasicRules } from './basic-rules';
import { ruleKey } from './built-in-rule-shapes';
import { describeRule } from '../policy/describe';

/** Entries one list has that the other has not, each in its list's order. */
export interface ListDifference {
  /** In the compared list only. */
  added: string[];
  /** In the reference list only. */
  removed: string[];
}

/** A built-in rule that one set of rules has and the other has not, or has in another form. */
export interface BuiltInRuleChange {
  /** The layer both rules are in. */
  layer: 'basic' | 'virtualization' | 'tail';
  /** Only in the compared rules, only in the reference, or in their place with other content. */
  change: 'added' | 'removed' | 'changed';
  /** Index inside the layer of the reference rules (removed, changed). */
  fromIndex?: number;
  /** Index inside the layer of the compared rules (added, changed). */
  toIndex?: number;
  /** The reference rule's title (removed, changed). */
  fromTitle?: string;
  /** The compared rule's title (added, changed). */
  toTitle?: string;
}

/** How two sets of built-in rules differ (`builtInRulesDifference(reference, compared)`). */
export interface BuiltInRulesDifference {
  /** True when the rules and both lists are the same. */
  same: boolean;
  /** The system-namespace rule's namespaces. */
  namespaces: ListDifference;
  /** The system ServiceAccount rule's users (build-time and extra ones). */
  serviceAccounts: ListDifference;
  /** Rules by layer and position; the two list rules compare by shape, their lists above. */
  rules: BuiltInRuleChange[];
}

const LAYERS = ['basic', 'virtualization', 'tail'] as const;

function listDifference(from: readonly string[], to: readonly string[]): ListDifference {
  const before = new Set(from);
  const after = new Set(to);
  return { added: to.filter((x) => !before.has(x)), removed: from.filter((x) => !after.has(x)) };
}

// Above this many cells the O(n·m) table of commonRun would cost too much memory (a hand-made file can hold
// thousands of rules); rules are then kept in order greedily, which can report a moved rule as removed + added.
const MAX_ALIGNMENT_CELLS = 1_000_000;

/** Pairs of [fromIndex, toIndex] of a longest common subsequence of two key lists (greedy when too large). */
function commonRun(from: readonly string[], to: readonly string[]): Array<[number, number]> {
  const n = from.length;
  const m = to.length;
  if ((n + 1) * (m + 1) > MAX_ALIGNMENT_CELLS) return greedyRun(from, to);
  const table = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = from[i] === to[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (from[i] === to[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** In-order matches found by taking, for each key of `from`, its next occurrence in `to` (linear time). */
function greedyRun(from: readonly string[], to: readonly string[]): Array<[number, number]> {
  const positions = new Map<string, number[]>();
  to.forEach((key, j) => {
    const list = positions.get(key);
    if (list) list.push(j);
    else positions.set(key, [j]);
  });
  // Each key's positions are consumed front to back, and j only grows: linear in all.
  const cursors = new Map<string, number>();
  const pairs: Array<[number, number]> = [];
  let j = 0;
  from.forEach((key, i) => {
    const list = positions.get(key);
    if (!list) return;
    let c = cursors.get(key) ?? 0;
    while (c < list.length && list[c] < j) c++;
    cursors.set(key, c);
    if (c < list.length) {
      pairs.push([i, list[c]]);
      j = list[c] + 1;
      cursors.set(key, c + 1);
    }
  });
  return pairs;
}

function title(rules: DeckhouseBasicRules, layer: (typeof LAYERS)[number], index: number): string {
  return rules.titles?.[layer]?.[index] ?? describeRule(rules[layer][index]);
}

function layerChanges(
  layer: (typeof LAYERS)[number],
  from: DeckhouseBasicRules,
  to: DeckhouseBasicRules,
): BuiltInRuleChange[] {
  const keys = (rules: readonly PolicyRule[]) => rules.map((r) => ruleKey(r, 'placeholder'));
  const pairs = commonRun(keys(from[layer]), keys(to[layer]));
  pairs.push([from[layer].length, to[layer].length]);
  const changes: BuiltInRuleChange[] = [];
  let i = 0;
  let j = 0;
  for (const [nextI, nextJ] of pairs) {
    // Between two kept rules, rules gone and rules new pair up as changed ones, in order.
    const gone = nextI - i;
    const fresh = nextJ - j;
    for (let k = 0; k < Math.max(gone, fresh); k++) {
      const fromIndex = k < gone ? i + k : undefined;
      const toIndex = k < fresh ? j + k : undefined;
      changes.push({
        layer,
        change: fromIndex === undefined ? 'added' : toIndex === undefined ? 'removed' : 'changed',
        ...(fromIndex !== undefined ? { fromIndex, fromTitle: title(from, layer, fromIndex) } : {}),
        ...(toIndex !== undefined ? { toIndex, toTitle: title(to, layer, toIndex) } : {}),
      });
    }
    i = nextI + 1;
    j = nextJ + 1;
  }
  return changes;
}

/**
 * How the built-in rules `compared` (e.g. a cluster's, from readMergedAuditPolicy) differ from `reference`
 * (e.g. the bundled snapshot): namespaces and ServiceAccounts added and removed, and rules added, removed
 * or changed per layer (aligned by content, so a removed rule does not make every later rule "changed").
 */
export function builtInRulesDifference(
  reference: DeckhouseBasicRules,
  compared: DeckhouseBasicRules,
): BuiltInRulesDifference {
  checkObjectArgument('builtInRulesDifference', 'reference', reference, 'DeckhouseBasicRules');
  checkObjectArgument('builtInRulesDifference', 'compared', compared, 'DeckhouseBasicRules');
  const accounts = (r: DeckhouseBasicRules) => [
    ...r.systemServiceAccounts,
    ...(r.extraServiceAccounts ?? []),
  ];
  const namespaces = listDifference(reference.systemNamespaces, compared.systemNamespaces);
  const serviceAccounts = listDifference(accounts(reference), accounts(compared));
  const rules = LAYERS.flatMap((layer) => layerChanges(layer, reference, compared));
  const same =
    rules.length === 0 &&
    [namespaces, serviceAccounts].every((d) => d.added.length === 0 && d.removed.length === 0);
  return { same, namespaces, serviceAccounts, rules };
}

function shortList(items: readonly string[], max = 10): string {
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/**
 * The difference as lines for humans, e.g. `system namespaces added (2): d8-ingress-nginx, d8-operator-prometheus`,
 * `basic rule #20 \`pods/log get at Request\` of the snapshot is gone`; `#n` counts from 1 in the layer.
 * `reference` names the reference rules in those lines. Empty when the rules are the same.
 */
export function formatBuiltInRulesDifference(
  difference: BuiltInRulesDifference,
  reference = 'the reference',
): string[] {
  checkObjectArgument(
    'formatBuiltInRulesDifference',
    'difference',
    difference,
    'the result of builtInRulesDifference()',
  );
  const lines: string[] = [];
  const list = (noun: string, d: ListDifference) => {
    if (d.added.length > 0) lines.push(`${noun} added (${d.added.length}): ${shortList(d.added)}`);
    if (d.removed.length > 0) lines.push(`${noun} removed (${d.removed.length}): ${shortList(d.removed)}`);
  };
  list('system namespaces', difference.namespaces);
  list('system ServiceAccounts', difference.serviceAccounts);
  for (const c of difference.rules) {
    const from = `#${(c.fromIndex ?? 0) + 1} \`${c.fromTitle}\``;
    const to = `${c.layer} rule #${(c.toIndex ?? 0) + 1} \`${c.toTitle}\``;
    if (c.change === 'removed') lines.push(`${c.layer} rule ${from} of ${reference} is gone`);
    else if (c.change === 'added') lines.push(`${to} is new (not in ${reference})`);
    else lines.push(`${to} replaces ${from} of ${reference}`);
  }
  return lines;
}
