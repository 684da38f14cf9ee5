import { ruleLabel } from '../policy/describe';
import { LintFinding, LintOptions, lintPolicy } from '../policy/lint';
import { EffectivePolicy } from '../policy/types';
import { ListDependence, NameFlip, listHistory, usesSnapshotLists } from './release-lists';

// A custom rule about a module's namespace or ServiceAccount is live or dead depending on whether the release's
// system lists hold that name: the system-namespace and ServiceAccount rules run before every custom rule and
// record those mutations at Metadata (deckhouse-audit.md §3, §7). Linted against the bundled snapshot only, a
// rule that a DKP 1.76 cluster never reaches passes as fine.

/** Codes whose presence turns on the lists: a custom rule that never decides a request. */
const LIST_CODES = new Set(['shadowed-rule']);

/**
 * Notes on custom rules whose lint verdict differs when the system lists hold the names the rules select the
 * other way (a `d8-*` namespace or module ServiceAccount the snapshot does not list; a snapshot entry a known
 * release lacks): dead only with the snapshot's lists, or dead on such a release. `findings` are the lint
 * findings of `effective` with `options`; empty unless the policy uses the snapshot's lists.
 */
export function listDependentLintNotes(
  effective: EffectivePolicy,
  findings: readonly LintFinding[],
  options: LintOptions = {},
): string[] {
  if (!usesSnapshotLists(effective)) return [];
  const lists = new ListDependence(effective);
  const byRule = new Map<number, NameFlip[]>();
  const seen = new Set<string>();
  const names: NameFlip[] = [];
  effective.policy.rules.forEach((rule, i) => {
    if (effective.origins[i]?.layer !== 'custom') return;
    const selected = lists.selectedNames(rule);
    if (selected.length === 0) return;
    byRule.set(i, selected);
    for (const n of selected) {
      const key = `${n.list}\u0000${n.name}`;
      if (!seen.has(key)) names.push(n);
      seen.add(key);
    }
  });
  if (names.length === 0) return [];
  const other = lintPolicy(lists.flipped(names), options);
  const key = (f: LintFinding) => `${f.code}\u0000${f.ruleIndex}`;
  const here = new Set(findings.filter((f) => LIST_CODES.has(f.code)).map(key));
  const there = new Set(other.filter((f) => LIST_CODES.has(f.code)).map(key));
  const notes: string[] = [];
  for (const [index, selected] of byRule) {
    const k = `shadowed-rule\u0000${index}`;
    if (here.has(k) === there.has(k)) continue;
    const label = ruleLabel(index, effective.origins[index]);
    const which = selected
      .map((n) => {
        const history = listHistory(n.list, n.name);
        return `${n.list} ${n.name} ${n.listed ? 'not listed' : 'listed'}${history ? `: ${history}` : ''}`;
      })
      .join(', ');
    notes.push(
      there.has(k)
        ? `${label} decides requests with the bundled snapshot's system lists, but on a release whose lists differ ` +
            `for the names it selects (${which}) it can never decide a request: Deckhouse's list rules record them ` +
            "first; lint the cluster's merged policy with --built-in-rules (builtInRules in code)"
        : `${label} can never decide a request with the bundled snapshot's system lists, but on a release whose ` +
            `lists differ for the names it selects (${which}) it does; lint the cluster's merged policy with ` +
            '--built-in-rules (builtInRules in code)',
    );
  }
  return notes;
}
