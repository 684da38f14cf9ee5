import { LintContext } from './lint-context';
import { omittedStages } from './rule-block';

/**
 * request-received-not-omitted: a rule that records requests without omitting RequestReceived writes
 * every request it decides twice (k8s-audit-semantics.md §6).
 */
export function checkRequestReceived(ctx: LintContext, j: number): void {
  const rule = ctx.rules[j];
  if (rule.level === 'None' || ctx.decidesNoRealRequest(j)) return;
  const omitted = omittedStages(ctx.policy, rule);
  // Without ResponseComplete a request is logged once, at RequestReceived: nothing is doubled.
  if (omitted.includes('RequestReceived') || omitted.includes('ResponseComplete')) return;
  const builtIn = ctx.origins !== undefined && !ctx.isUsers(j);
  ctx.add({
    code: 'request-received-not-omitted',
    severity: builtIn ? 'info' : 'warning',
    ruleIndex: j,
    message:
      `${ctx.label(j)} does not omit stage RequestReceived: every request it decides is logged twice ` +
      '(RequestReceived and ResponseComplete), doubling its events and bytes',
    fix: builtIn
      ? 'set omitStages: [RequestReceived] at the top level of the custom policy: Deckhouse keeps it and ' +
        'applies it to every rule, the built-in ones included'
      : 'add omitStages: [RequestReceived] to the rule or to the policy',
  });
}
