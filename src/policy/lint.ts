import { checkOptionsArgument, checkPolicyOrEffectiveArgument } from './arguments';
import { policyParts } from './describe';
import { asConfigured, LintContext } from './lint-context';
import {
  checkCatchAll,
  checkPartialShadowing,
  checkSearchComplete,
  checkShadowed,
} from './lint-reachability';
import {
  checkFailedAuthenticationOmitted,
  checkPolicyOmittedStages,
  checkRuleOmittedStages,
} from './lint-omitted-stages';
import { checkRequestReceived } from './lint-request-received';
import { checkRuleStatically } from './lint-rule-checks';
import { checkSensitiveBodies } from './lint-sensitive';
import { LintFinding, LintOptions } from './lint-types';
import { EffectivePolicy, Policy, PolicyProducer } from './types';

export * from './lint-types';

/** The keys of LintOptions (lint-types.ts). */
const LINT_OPTION_KEYS = [
  'sensitiveBodySeverity',
  'severities',
  'ignore',
  'partialShadowing',
  'maxExamples',
  'searchBudget',
];

/**
 * Checks a policy (or the effective Deckhouse policy) for rules that cannot fire, leak credentials, or do
 * not match what they seem to; every claim about reachability is proven over the request space (see
 * rule-space.ts) and every example request is confirmed by the evaluator. Findings are sorted by rule
 * index (-1, policy-wide, first). The search is budgeted (`options.searchBudget`): questions it gives up
 * on are reported as one `search-incomplete` warning, never left silent. Throws a TypeError for an
 * argument that is not a policy, and for a policy `validatePolicy` rejects.
 */
export function lintPolicy(
  policy: Policy | EffectivePolicy | PolicyProducer,
  options: LintOptions = {},
): LintFinding[] {
  checkOptionsArgument('lintPolicy', 'options', options, LINT_OPTION_KEYS);
  const parts = policyParts(checkPolicyOrEffectiveArgument('lintPolicy', 'policy', policy));
  if (parts.auditOff) {
    const finding = asConfigured(
      {
        code: 'audit-disabled',
        severity: 'warning',
        ruleIndex: -1,
        message: 'the effective policy has no rules, so Deckhouse does not enable API auditing at all',
        fix: 'keep basicAuditPolicyEnabled: true or provide custom rules (auditPolicyEnabled: true and the Secret)',
      },
      options,
    );
    return finding ? [finding] : [];
  }
  const ctx = new LintContext(parts.policy, parts.origins, options, parts.titles);
  const n = ctx.rules.length;
  for (let i = 0; i < n; i++) checkRuleStatically(ctx, i);
  for (let i = 0; i < n; i++) checkShadowed(ctx, i);
  for (let i = 0; i < n; i++) checkPartialShadowing(ctx, i);
  for (let i = 0; i < n; i++) checkSensitiveBodies(ctx, i);
  for (let i = 0; i < n; i++) checkRuleOmittedStages(ctx, i);
  for (let i = 0; i < n; i++) checkRequestReceived(ctx, i);
  const recordsNothing = ctx.rules.length > 0 && ctx.rules.every((r) => r.level === 'None');
  if (recordsNothing) {
    // kube-apiserver emits no event at level None, and a request no rule matches gets None too (checker.go).
    ctx.add({
      code: 'audit-disabled',
      severity: 'warning',
      ruleIndex: -1,
      message:
        'every rule has level None, so this policy records no request at all: kube-apiserver writes no audit ' +
        'events (an unmatched request gets None as well)',
      fix: 'add rules at Metadata or above for what must be audited, e.g. end the policy with "- level: Metadata"',
    });
  } else {
    checkPolicyOmittedStages(ctx);
    checkFailedAuthenticationOmitted(ctx);
    if (parts.origins === undefined) checkCatchAll(ctx);
  }
  checkSearchComplete(ctx);
  return ctx.findings.sort((a, b) => a.ruleIndex - b.ruleIndex);
}
