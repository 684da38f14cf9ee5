import { isSystemNamespaceRule, isSystemServiceAccountRule } from '../deckhouse/built-in-rule-shapes';
import { Policy } from '../policy/types';
import { UsageError } from './errors';

/**
 * Refuses, as the custom policy of a merge with the built-in rules, a file that already holds them: the merged
 * policy a master runs (/etc/kubernetes/deckhouse/extra-files/audit-policy.yaml) given to --policy would be
 * merged again, every built-in rule twice, and every lint finding and decision would be about that. Its two
 * list rules (the system ServiceAccount and system-namespace rules) are what the merged-policy reader anchors
 * the built-in layers on too.
 */
export function refuseMergedAsCustom(custom: Policy | undefined, source: string): void {
  const rules = custom?.rules ?? [];
  if (!rules.some(isSystemServiceAccountRule) || !rules.some(isSystemNamespaceRule)) return;
  throw new UsageError(
    `${source} holds Deckhouse's built-in rules (the system ServiceAccount and system-namespace rules): it is a ` +
      'merged policy as a master runs it, not a custom policy, and merged again every built-in rule would run ' +
      'twice; give it with --built-in-rules MERGED instead (its own custom rules are then used, unless a custom ' +
      'policy is given too)',
  );
}
