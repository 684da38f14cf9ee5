import { listDependentLintNotes } from '../deckhouse/release-list-lint';
import { lintPolicy } from '../policy/lint';
import { EffectivePolicy, Finding, PolicyRule, isEffectivePolicy } from '../policy/types';
import { ChosenPolicy } from './policy-choice';

/** A lint finding with where its rule is (file:line:column or the Deckhouse layer). */
export interface LocatedFinding extends Finding {
  location: string;
}

/** Lint errors of policy B that policy A does not have. */
export interface LintSummary {
  /** Error findings of B whose code and rule do not appear among A's errors. */
  newErrors: LocatedFinding[];
  /** All error findings of B. */
  errorsInB: number;
  /** B's custom rules whose dead-or-live verdict the bundled snapshot's system lists decide (absent when none). */
  notes?: string[];
}

// A finding is "the same" in A and B when its code and its rule's content match: rule indexes shift when
// rules are inserted, messages may mention indexes.
function key(finding: Finding, rules: PolicyRule[]): string {
  const rule = finding.ruleIndex >= 0 ? rules[finding.ruleIndex] : undefined;
  return `${finding.code}\u0000${finding.layer ?? ''}\u0000${rule ? JSON.stringify(rule) : `#${finding.message}`}`;
}

/** Lints A and B and returns B's errors that A does not have (what a pull request introduces). */
export function newLintErrors(a: ChosenPolicy, b: ChosenPolicy): LintSummary {
  const errorsA = lintPolicy(a.target).filter((f) => f.severity === 'error');
  const errorsB = lintPolicy(b.target).filter((f) => f.severity === 'error');
  const known = new Map<string, number>();
  for (const f of errorsA) {
    const k = key(f, a.policy.rules);
    known.set(k, (known.get(k) ?? 0) + 1);
  }
  const newErrors: LocatedFinding[] = [];
  for (const f of errorsB) {
    const k = key(f, b.policy.rules);
    const left = known.get(k) ?? 0;
    if (left > 0) known.set(k, left - 1);
    else newErrors.push({ ...f, location: b.locateRule(f.ruleIndex) });
  }
  // Against the bundled snapshot, a rule about a module's namespace or ServiceAccount may be dead on the cluster.
  const snapshot = b.builtIn !== undefined && b.builtIn.source === undefined && isEffectivePolicy(b.target);
  const notes = snapshot ? listDependentLintNotes(b.target as EffectivePolicy, errorsB) : [];
  return { newErrors, errorsInB: errorsB.length, ...(notes.length > 0 ? { notes } : {}) };
}
