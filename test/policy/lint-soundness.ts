import { evaluatePolicy, ruleMatchesRequest } from '../../src/policy/evaluate';
import { LintFinding } from '../../src/policy/lint';
import { MatchBox, RuleSpace, ruleBoxes } from '../../src/policy/rule-space';
import { Policy, RequestAttributes } from '../../src/policy/types';
import { mulberry32 } from '../support/seeded-random';

// Independent checks of the linter's reachability claims, with the evaluator as the judge:
// - a rule NOT flagged as shadowed must have a witness request that the evaluator says it decides;
// - a rule flagged as shadowed must never decide any request sampled from inside its own match set.

function policyStrings(policy: Policy): string[] {
  const out = new Set<string>(['', 'default', 'fresh-value', 'pods', 'log', 'get', 'system:authenticated']);
  const add = (v: unknown) => {
    if (typeof v === 'string') {
      out.add(v);
      for (const part of v.split('/')) out.add(part);
    } else if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  add(policy.rules);
  return [...out];
}

function from<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

function fromSet(rng: () => number, set: ReadonlySet<string> | null, vocab: readonly string[]): string {
  return set === null ? from(rng, vocab) : from(rng, [...set]);
}

/** A random request inside one box (membership re-checked with the evaluator's matcher by the caller). */
export function sampleInBox(box: MatchBox, rng: () => number, vocab: readonly string[]): RequestAttributes {
  const authenticated = box.authenticated || rng() < 0.8;
  const who: Pick<RequestAttributes, 'user' | 'groups'> = {};
  if (authenticated) {
    who.user = fromSet(rng, box.users, vocab);
    const groups = new Set<string>();
    for (const gs of box.groupSets) groups.add(from(rng, gs));
    const extra = Math.floor(rng() * 3);
    for (let k = 0; k < extra; k++) groups.add(from(rng, vocab));
    who.groups = [...groups];
  }
  const verb = fromSet(rng, box.verbs, vocab);
  if (box.kind === 'nonResource') {
    const tail = rng() < 0.5 ? '' : from(rng, vocab);
    const path = box.path.kind === 'exact' ? box.path.value : box.path.value + tail;
    return { ...who, verb, resourceRequest: false, path };
  }
  const noSlash = vocab.filter((v) => !v.includes('/'));
  return {
    ...who,
    verb,
    resourceRequest: true,
    namespace: fromSet(rng, box.namespaces, vocab),
    apiGroup: fromSet(rng, box.apiGroups, vocab),
    resource: fromSet(rng, box.resources, noSlash),
    subresource: fromSet(rng, box.subresources, noSlash),
    name: fromSet(rng, box.names, vocab),
  };
}

/** Problems found (empty = every claim checked out). */
export function checkShadowClaims(
  policy: Policy,
  findings: readonly LintFinding[],
  samples = 300,
  seed = 7,
): string[] {
  const problems: string[] = [];
  const flagged = new Set(findings.filter((f) => f.code === 'shadowed-rule').map((f) => f.ruleIndex));
  const space = new RuleSpace(policy.rules);
  const vocab = policyStrings(policy);
  const rng = mulberry32(seed);
  policy.rules.forEach((rule, j) => {
    const boxes = ruleBoxes(rule, j);
    if (boxes.length === 0) return;
    if (!flagged.has(j)) {
      const w = space.witnessFor(j);
      if (!w) problems.push(`rule ${j}: not flagged, but no witness`);
      else if (evaluatePolicy(policy, w).ruleIndex !== j) {
        problems.push(
          `rule ${j}: witness ${JSON.stringify(w)} is decided by ${evaluatePolicy(policy, w).ruleIndex}`,
        );
      }
      return;
    }
    for (let k = 0; k < samples; k++) {
      const req = sampleInBox(from(rng, boxes), rng, vocab);
      if (!ruleMatchesRequest(rule, req)) {
        problems.push(`rule ${j}: sampled request outside the rule: ${JSON.stringify(req)}`);
        break;
      }
      const decided = evaluatePolicy(policy, req).ruleIndex;
      if (decided === j) {
        problems.push(`rule ${j}: flagged as shadowed but decides ${JSON.stringify(req)}`);
        break;
      }
    }
  });
  return problems;
}
