import { LintContext } from './lint-context';
import { Stage } from './types';

// The stages every request reaches (written-stages.ts): omitting both at the policy level leaves only
// long-running requests (watch, exec, attach, port-forward, proxy, logs) with an event, at ResponseStarted.
const EVERY_REQUEST: readonly Stage[] = ['RequestReceived', 'ResponseComplete'];

/**
 * audit-disabled: policy-wide omitStages that hold both stages every request reaches. They are merged into every
 * rule's (checker.go), so no ordinary request writes an event whatever the rules say; on Deckhouse the custom
 * policy's omitStages are kept and apply to the built-in rules as well (deckhouse-audit.md §3).
 */
export function checkPolicyOmittedStages(ctx: LintContext): void {
  const omitted = ctx.policy.omitStages ?? [];
  if (!EVERY_REQUEST.every((stage) => omitted.includes(stage))) return;
  const longRunning = omitted.includes('ResponseStarted')
    ? 'not even long-running ones (ResponseStarted is omitted too)'
    : 'only long-running ones (watch, exec, attach, port-forward, proxy, logs) still write ResponseStarted';
  ctx.add({
    code: 'audit-disabled',
    severity: 'warning',
    ruleIndex: -1,
    message:
      "the policy's omitStages hold both stages every request reaches, RequestReceived and ResponseComplete, " +
      `and apply to every rule${ctx.origins ? ", Deckhouse's built-in ones included" : ''}: ` +
      `kube-apiserver writes no event for an ordinary request, ${longRunning}`,
    fix: 'omit only RequestReceived (each request is then logged once, when it completes)',
  });
}
