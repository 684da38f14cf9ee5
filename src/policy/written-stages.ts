// Which stages kube-apiserver writes an event at for a request (k8s-audit-semantics.md §6; kubernetes
// staging/src/k8s.io/apiserver/pkg/endpoints/filters/audit.go): RequestReceived for every request, ResponseStarted
// only for a long-running one, ResponseComplete when it ends, Panic only when the handler panics; a stage in the
// decision's omitStages writes nothing. A level above None whose every written stage is omitted records nothing.
// A request whose authentication failed (no user) never reaches the audit filter: kube-apiserver's
// WithFailedAuthenticationAudit (filters/authn_audit.go) decides it and writes it at ResponseStarted alone.
import { Decision, RequestAttributes, Stage } from './types';

/** Subresources kube-apiserver streams (its long-running check's subresource list). */
export const STREAMING_SUBRESOURCES: ReadonlySet<string> = new Set([
  'exec',
  'attach',
  'portforward',
  'proxy',
  'log',
]);

// kube-apiserver's long-running check (BasicLongRunningRequestCheck with the verbs and subresources
// kube-apiserver passes): such a request writes ResponseStarted before ResponseComplete.
const LONG_RUNNING_VERBS: ReadonlySet<string> = new Set(['watch', 'proxy']);

/** Whether kube-apiserver treats the request as long-running (it then writes a ResponseStarted event). */
export function isLongRunning(req: RequestAttributes): boolean {
  if (LONG_RUNNING_VERBS.has(req.verb)) return true;
  if (req.resourceRequest) return STREAMING_SUBRESOURCES.has(req.subresource ?? '');
  return (req.path ?? '').startsWith('/debug/pprof/');
}

/** The stages a request that completes normally reaches, in lifecycle order (Panic only on a panic). */
export function requestStages(req: RequestAttributes): Stage[] {
  if (req.user === undefined) return ['ResponseStarted'];
  return isLongRunning(req)
    ? ['RequestReceived', 'ResponseStarted', 'ResponseComplete']
    : ['RequestReceived', 'ResponseComplete'];
}

/** The stages at which an event is written for the request under this decision (none at level None). */
export function writtenStages(req: RequestAttributes, decision: Decision): Stage[] {
  if (decision.level === 'None') return [];
  return requestStages(req).filter((stage) => !decision.omitStages.includes(stage));
}

/** The stages a request reaches, as a list for messages, with the reason when they are not the usual ones. */
export function reachedStagesText(req: RequestAttributes): string {
  const stages = requestStages(req).join(', ');
  return req.user === undefined
    ? `${stages}: kube-apiserver writes a request whose authentication failed at that stage only`
    : stages;
}

/** How to get an event written again for a request whose every stage is omitted under its decision. */
export function omittedStagesFix(req: RequestAttributes): string {
  const where = "the policy's own omitStages apply to every rule; on Deckhouse to the built-in rules too";
  return req.user === undefined
    ? `take ResponseStarted out of omitStages: a request whose authentication failed is written at that stage only (${where})`
    : `take ResponseComplete out of omitStages (${where}); omit only RequestReceived to log each request once`;
}
