import { LintContext } from './lint-context';
import { omittedStages } from './rule-block';
import { Stage } from './types';

// The stages every request reaches (written-stages.ts): omitting both at the policy level leaves only
// long-running requests (watch, exec, attach, port-forward, proxy, logs) with an event, at ResponseStarted.
const EVERY_REQUEST: readonly Stage[] = ['RequestReceived', 'ResponseComplete'];

/** Whether `omitted` holds both stages every request reaches. */
function omitsEveryRequest(omitted: readonly Stage[]): boolean {
  return EVERY_REQUEST.every((stage) => omitted.includes(stage));
}

/** What still writes an event under `omitted` (which omits every request's stages). */
function longRunningText(omitted: readonly Stage[]): string {
  return omitted.includes('ResponseStarted')
    ? 'not even long-running ones (ResponseStarted is omitted too)'
    : 'only long-running ones (watch, exec, attach, port-forward, proxy, logs) still write ResponseStarted';
}

/**
 * audit-disabled: policy-wide omitStages that hold both stages every request reaches. They are merged into every
 * rule's (checker.go), so no ordinary request writes an event whatever the rules say; on Deckhouse the custom
 * policy's omitStages are kept and apply to the built-in rules as well (deckhouse-audit.md §3).
 */
export function checkPolicyOmittedStages(ctx: LintContext): void {
  const omitted = ctx.policy.omitStages ?? [];
  if (!omitsEveryRequest(omitted)) return;
  ctx.add({
    code: 'audit-disabled',
    severity: 'warning',
    ruleIndex: -1,
    message:
      "the policy's omitStages hold both stages every request reaches, RequestReceived and ResponseComplete, " +
      `and apply to every rule${ctx.origins ? ", Deckhouse's built-in ones included" : ''}: ` +
      `kube-apiserver writes no event for an ordinary request, ${longRunningText(omitted)}`,
    fix: 'omit only RequestReceived (each request is then logged once, when it completes)',
  });
}

/**
 * audit-disabled for one rule: a rule above None whose omitStages (with the policy's, merged by checker.go) hold
 * both stages every request reaches. First match wins, so the rule still decides its requests, and writes no
 * event for an ordinary one: for them it acts as level None, and no later rule records them either. Not
 * reported where the policy's own omitStages already hold both (checkPolicyOmittedStages says it once).
 */
export function checkRuleOmittedStages(ctx: LintContext, j: number): void {
  const rule = ctx.rules[j];
  if (rule.level === 'None' || ctx.decidesNoRealRequest(j)) return;
  const policyWide = ctx.policy.omitStages ?? [];
  if (omitsEveryRequest(policyWide)) return;
  const omitted = omittedStages(ctx.policy, rule);
  if (!omitsEveryRequest(omitted)) return;
  const fromPolicy = policyWide.length > 0 ? " (with the policy's omitStages)" : '';
  ctx.add({
    code: 'audit-disabled',
    severity: 'warning',
    ruleIndex: j,
    message:
      `${ctx.label(j)} omits${fromPolicy} both stages every request reaches, RequestReceived and ResponseComplete: ` +
      `it decides its requests (first match wins) but kube-apiserver writes no event for an ordinary one at ${rule.level}, ` +
      `${longRunningText(omitted)}; no later rule records them either`,
    fix: 'omit only RequestReceived, or write level: None if these requests should not be recorded',
  });
}

/**
 * failed-authentication-omitted: policy-wide omitStages that hold ResponseStarted. A request whose authentication
 * failed (a wrong or expired token, a revoked certificate) never reaches the audit filter: kube-apiserver's
 * WithFailedAuthenticationAudit (staging/src/k8s.io/apiserver/pkg/endpoints/filters/authn_audit.go) decides it
 * with the policy and writes it at ResponseStarted alone, so with that stage omitted for every rule no failed
 * login is ever written, whatever the rules say; on Deckhouse the custom policy's omitStages apply to the
 * built-in rules too (deckhouse-audit.md §3).
 */
export function checkFailedAuthenticationOmitted(ctx: LintContext): void {
  const omitted = ctx.policy.omitStages ?? [];
  if (!omitted.includes('ResponseStarted')) return;
  ctx.add({
    code: 'failed-authentication-omitted',
    severity: 'warning',
    ruleIndex: -1,
    message:
      "the policy's omitStages hold ResponseStarted, the only stage kube-apiserver writes a request whose " +
      'authentication failed at (a wrong, expired or revoked credential: the event has no user and code 401), ' +
      `and apply to every rule${ctx.origins ? ", Deckhouse's built-in ones included" : ''}: no failed login is ever written`,
    fix:
      'take ResponseStarted out of the policy-wide omitStages; to keep watches and exec from writing it, omit it ' +
      'in those rules only',
  });
}
