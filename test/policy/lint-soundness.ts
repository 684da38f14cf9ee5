import { evaluatePolicy, ruleMatchesRequest } from '../../src/policy/evaluate';
import { LintFinding } from '../../src/policy/lint';
import { MatchBox, RuleSpace, ruleBoxes } from '../../src/policy/rule-space';
import { authenticatedGroups } from '../../src/policy/identity';
import { Policy, RequestAttributes } from '../../src/policy/types';
import { mulberry32 } from '../support/seeded-random';
import { someUrlProduces } from './core-namespace-urls';

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

/**
 * A random realistic request inside one box (membership re-checked with the evaluator's matcher by the
 * caller), or undefined when the box holds no principal the authenticators produce or the request is one
 * on core namespaces that no URL gives. Principals follow the identity model independently of the search:
 * no user; system:anonymous in system:unauthenticated; or another user with some groups (system:unauthenticated
 * among them when the box offers it), to which AuthenticatedGroupAdder and the ServiceAccount authenticator add
 * theirs.
 */
export function sampleInBox(
  box: MatchBox,
  rng: () => number,
  vocab: readonly string[],
): RequestAttributes | undefined {
  const who = samplePrincipal(box, rng, vocab);
  if (who === undefined) return undefined;
  const verb = fromSet(rng, box.verbs, vocab);
  if (box.kind === 'nonResource') {
    const tail = rng() < 0.5 ? '' : from(rng, vocab);
    const path = box.path.kind === 'exact' ? box.path.value : box.path.value + tail;
    return { ...who, verb, resourceRequest: false, path };
  }
  const noSlash = vocab.filter((v) => !v.includes('/'));
  const req: RequestAttributes = {
    ...who,
    verb,
    resourceRequest: true,
    namespace: fromSet(rng, box.namespaces, vocab),
    apiGroup: fromSet(rng, box.apiGroups, vocab),
    resource: fromSet(rng, box.resources, noSlash),
    subresource: fromSet(rng, box.subresources, noSlash),
    name: fromSet(rng, box.names, vocab),
  };
  // On core namespaces, namespace and name are not independent (requestinfo.go): skip what no URL gives.
  return someUrlProduces(req) ? req : undefined;
}

function samplePrincipal(
  box: MatchBox,
  rng: () => number,
  vocab: readonly string[],
): Pick<RequestAttributes, 'user' | 'groups'> | undefined {
  const anonymousOk =
    (box.users === null || box.users.has('system:anonymous')) &&
    box.groupSets.every((gs) => gs.includes('system:unauthenticated'));
  const names = (box.users === null ? vocab : [...box.users]).filter((u) => u !== 'system:anonymous');
  const groupChoices = box.groupSets;
  const authenticatedOk = names.length > 0 && groupChoices.every((gs) => gs.length > 0);
  const kinds = [
    ...(authenticatedOk ? ['authenticated', 'authenticated', 'authenticated', 'authenticated'] : []),
    ...(box.authenticated ? [] : ['none']),
    ...(anonymousOk ? ['anonymous'] : []),
  ];
  if (kinds.length === 0) return undefined;
  const kind = from(rng, kinds);
  if (kind === 'none') return {};
  if (kind === 'anonymous') return { user: 'system:anonymous', groups: ['system:unauthenticated'] };
  const user = from(rng, names);
  const groups = new Set<string>();
  for (const gs of groupChoices) groups.add(from(rng, gs));
  // system:unauthenticated only when the box offers it (the identity model of match-box.ts): then
  // AuthenticatedGroupAdder adds no system:authenticated.
  const extra = Math.floor(rng() * 3);
  const others = vocab.filter((g) => g !== 'system:unauthenticated');
  for (let k = 0; k < extra; k++) groups.add(from(rng, others));
  return { user, groups: authenticatedGroups(user, [...groups]) };
}

/** Problems found (empty = every claim checked out). */
export function checkShadowClaims(
  policy: Policy,
  findings: readonly LintFinding[],
  samples = 300,
  seed = 7,
): string[] {
  const problems: string[] = [];
  const flagged = new Set(
    findings
      .filter((f) => f.code === 'shadowed-rule' || f.code === 'rule-matches-nothing')
      .map((f) => f.ruleIndex),
  );
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
      if (req === undefined) continue;
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
