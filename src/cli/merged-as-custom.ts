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
export function refuseMergedAsCustom(custom: Policy | undefined, source: string, builtInFile?: string): void {
  const rules = custom?.rules ?? [];
  if (!rules.some(isSystemServiceAccountRule) || !rules.some(isSystemNamespaceRule)) return;
  // --built-in-rules got a file without built-in rules and --policy one with them: the two were swapped.
  if (builtInFile !== undefined) {
    throw new UsageError(
      `${source} holds Deckhouse's built-in rules and the --built-in-rules file ${builtInFile} none: were they ` +
        'swapped? The merged policy of a master goes to --built-in-rules, your custom policy to --policy',
    );
  }
  throw new UsageError(
    `${source} holds Deckhouse's built-in rules (the system ServiceAccount and system-namespace rules): it is a ` +
      'merged policy as a master runs it, not a custom policy, and merged again every built-in rule would run ' +
      'twice; give it with --built-in-rules MERGED instead (its own custom rules are then used, unless a custom ' +
      'policy is given too)',
  );
}
