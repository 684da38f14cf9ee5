import { RuleOrigin } from '../policy/types';

// Rules of the bundled snapshot (DKP 1.77) that clusters of earlier releases do not run, with the release and
// the deckhouse pull requests that added them (modules/040-control-plane-manager/hooks/audit_policy.go). Keyed
// by layer and index in the snapshot; only entries whose release is known are listed.
const SNAPSHOT_RULES_SINCE: Readonly<Record<string, string>> = {
  // "Log kubectl logs requests (pods/log) at Metadata level.", shipped in v1.77.0.
  'basic:10': 'DKP 1.77 (deckhouse PRs #20016 and #20274)',
  // "Capture kubectl get logs requests.", shipped in v1.77.0.
  'basic:19': 'DKP 1.77 (deckhouse PR #20274)',
};

/**
 * The release since which a rule of the bundled snapshot exists (e.g. `DKP 1.77 (deckhouse PR #20274)`), or
 * undefined for a custom rule and for rules that earlier releases have too (or whose history is not known).
 */
export function snapshotRuleSince(origin: RuleOrigin | undefined): string | undefined {
  if (origin === undefined || origin.layer === 'custom') return undefined;
  return SNAPSHOT_RULES_SINCE[`${origin.layer}:${origin.index}`];
}

/** A note for a decision made by a snapshot rule that earlier releases lack; undefined otherwise. */
export function snapshotDecisionNote(
  origin: RuleOrigin | undefined,
  label: string | undefined,
): string | undefined {
  const since = snapshotRuleSince(origin);
  if (since === undefined || label === undefined) return undefined;
  return (
    `${label}, which decides this request, exists only since ${since}: a cluster of an older release decides ` +
    'it by a later rule; pass its merged policy with --built-in-rules to see that decision'
  );
}
