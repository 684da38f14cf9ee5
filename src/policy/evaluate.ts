import { CompiledPolicy, Decision, Policy, PolicyRule, RequestAttributes, Stage, STAGES } from './types';

// TEMPORARY straightforward evaluator (spec §4.3); the precompiled fast version replaces it.

function unionStages(a: readonly Stage[] | undefined, b: readonly Stage[] | undefined): Stage[] {
  const set = new Set<Stage>([...(a ?? []), ...(b ?? [])]);
  return STAGES.filter((s) => set.has(s));
}

function nonEmpty<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}

function ruleMatchesResource(rule: PolicyRule, req: RequestAttributes): boolean {
  if (!req.resourceRequest) return false;
  if (nonEmpty(rule.namespaces) && !rule.namespaces.includes(req.namespace ?? '')) return false;
  if (!nonEmpty(rule.resources)) return true;
  const resource = req.resource ?? '';
  const sub = req.subresource ?? '';
  const combined = sub ? `${resource}/${sub}` : resource;
  for (const gr of rule.resources) {
    const group = gr.group ?? '';
    if (group !== (req.apiGroup ?? '') && group !== '*') continue;
    if (!nonEmpty(gr.resources)) return true;
    for (const r of gr.resources) {
      if (nonEmpty(gr.resourceNames) && !gr.resourceNames.includes(req.name ?? '')) continue;
      if (r === combined || r === '*') return true;
      if (sub !== '' && r.startsWith('*/') && r.slice(2) === sub) return true;
      if (r.endsWith('/*') && r.slice(0, -2) === resource) return true;
    }
  }
  return false;
}

function ruleMatchesNonResource(rule: PolicyRule, req: RequestAttributes): boolean {
  if (req.resourceRequest) return false;
  const path = req.path ?? '';
  for (const spec of rule.nonResourceURLs ?? []) {
    if (spec === '*' || spec === path) return true;
    if (spec.endsWith('*') && path.startsWith(spec.replace(/\*+$/, ''))) return true;
  }
  return false;
}

export function ruleMatchesRequest(rule: PolicyRule, req: RequestAttributes): boolean {
  if (nonEmpty(rule.users) && (req.user === undefined || !rule.users.includes(req.user))) return false;
  if (nonEmpty(rule.userGroups)) {
    if (req.user === undefined) return false;
    if (!(req.groups ?? []).some((g) => rule.userGroups!.includes(g))) return false;
  }
  if (nonEmpty(rule.verbs) && !rule.verbs.includes(req.verb)) return false;
  if (nonEmpty(rule.namespaces) || nonEmpty(rule.resources)) return ruleMatchesResource(rule, req);
  if (nonEmpty(rule.nonResourceURLs)) return ruleMatchesNonResource(rule, req);
  return true;
}

/** Precompiles a policy for repeated evaluation. */
export function compilePolicy(policy: Policy): CompiledPolicy {
  return { evaluate: (req) => evaluatePolicy(policy, req) };
}

/** Evaluates one request exactly as kube-apiserver's policy checker does. */
export function evaluatePolicy(policy: Policy, req: RequestAttributes): Decision {
  const rules = policy.rules ?? [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (ruleMatchesRequest(rule, req)) {
      return {
        level: rule.level,
        omitStages: unionStages(policy.omitStages, rule.omitStages),
        omitManagedFields: rule.omitManagedFields ?? policy.omitManagedFields ?? false,
        ruleIndex: i,
      };
    }
  }
  return {
    level: 'None',
    omitStages: [...(policy.omitStages ?? [])],
    omitManagedFields: policy.omitManagedFields ?? false,
    ruleIndex: -1,
  };
}
