import { GroupResources, PolicyRule, RequestAttributes } from './types';

// The straightforward matcher, one small function per question as in kube-apiserver's checker.go. It is
// the reference the compiled evaluator is tested against, and the one-shot evaluatePolicy uses it.

/** True when the value is a list with at least one element (absent, null and [] mean "no constraint"). */
export function nonEmpty<T>(list: readonly T[] | undefined | null): list is readonly T[] {
  return Array.isArray(list) && list.length > 0;
}

/** Which kinds of request a rule can match. */
export interface RuleKinds {
  resource: boolean;
  nonResource: boolean;
}

/** Rule kind is decided by which fields are present: nonResourceURLs are ignored next to resources or namespaces. */
export function ruleKinds(rule: PolicyRule): RuleKinds {
  if (nonEmpty(rule.namespaces) || nonEmpty(rule.resources)) return { resource: true, nonResource: false };
  if (nonEmpty(rule.nonResourceURLs)) return { resource: false, nonResource: true };
  return { resource: true, nonResource: true };
}

/** The prefix a non-resource URL rule ending in `*` stands for (every trailing `*` removed, as upstream). */
export function nonResourcePrefix(spec: string): string {
  let end = spec.length;
  while (end > 0 && spec.charCodeAt(end - 1) === 42 /* '*' */) end--;
  return spec.slice(0, end);
}

/** Whether one resource string of a rule selects the request's resource/subresource. */
export function resourceStringMatches(spec: string, resource: string, subresource: string): boolean {
  if (spec === '*') return true;
  if (spec === (subresource === '' ? resource : `${resource}/${subresource}`)) return true;
  // `*/sub`: that subresource of any resource, never a request without a subresource.
  if (subresource !== '' && spec.startsWith('*/') && spec.slice(2) === subresource) return true;
  // `res/*`: the parent resource name alone decides, so it also matches `res` itself.
  return spec.endsWith('/*') && spec.slice(0, -2) === resource;
}

/** Whether a GroupResources entry selects the request (resourceNames included). */
export function groupResourcesMatch(gr: GroupResources, req: RequestAttributes): boolean {
  const group = gr.group ?? '';
  if (group !== (req.apiGroup ?? '') && group !== '*') return false;
  if (!nonEmpty(gr.resources)) return true;
  if (nonEmpty(gr.resourceNames) && !gr.resourceNames.includes(req.name ?? '')) return false;
  const resource = req.resource ?? '';
  const subresource = req.subresource ?? '';
  return gr.resources.some((spec) => resourceStringMatches(spec, resource, subresource));
}

/** Whether a non-resource URL rule string matches a path. */
export function nonResourceURLMatches(spec: string, path: string): boolean {
  if (spec === '*' || spec === path) return true;
  return spec.endsWith('*') && path.startsWith(nonResourcePrefix(spec));
}

function ruleMatchesResource(rule: PolicyRule, req: RequestAttributes): boolean {
  if (!req.resourceRequest) return false;
  if (nonEmpty(rule.namespaces) && !rule.namespaces.includes(req.namespace ?? '')) return false;
  if (!nonEmpty(rule.resources)) return true;
  return rule.resources.some((gr) => groupResourcesMatch(gr, req));
}

function ruleMatchesNonResource(rule: PolicyRule, req: RequestAttributes): boolean {
  if (req.resourceRequest) return false;
  const path = req.path ?? '';
  return (rule.nonResourceURLs ?? []).some((spec) => nonResourceURLMatches(spec, path));
}

/** Whether one rule matches a request, exactly as kube-apiserver's `ruleMatchesRequest`. */
export function ruleMatchesRequest(rule: PolicyRule, req: RequestAttributes): boolean {
  // Unauthenticated requests carry no user info at all, so user and group constraints both fail.
  if (nonEmpty(rule.users) && (req.user === undefined || !rule.users.includes(req.user))) return false;
  if (nonEmpty(rule.userGroups)) {
    const groups = rule.userGroups;
    if (req.user === undefined || !(req.groups ?? []).some((g) => groups.includes(g))) return false;
  }
  if (nonEmpty(rule.verbs) && !rule.verbs.includes(req.verb)) return false;
  // Rule kind is decided by which fields are present: nonResourceURLs are ignored next to resources.
  if (nonEmpty(rule.namespaces) || nonEmpty(rule.resources)) return ruleMatchesResource(rule, req);
  if (nonEmpty(rule.nonResourceURLs)) return ruleMatchesNonResource(rule, req);
  return true;
}
