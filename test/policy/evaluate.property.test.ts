import { EVALUATOR_KUBERNETES_VERSION, InvalidPolicyError } from '../../src/policy/arguments';
import { compileRules } from '../../src/policy/compiled-policy';
import { compilePolicy, evaluatePolicy } from '../../src/policy/evaluate';
import { validatePolicy } from '../../src/policy/validate';
import {
  Decision,
  GroupResources,
  Level,
  Policy,
  PolicyRule,
  RequestAttributes,
  Stage,
} from '../../src/policy/types';
import { mulberry32 } from '../support/seeded-random';

// Differential test: the compiled evaluator against a tiny reference written here straight from the
// semantics doc (§4.3), over seeded random policies and requests drawn from small vocabularies so that
// wildcards, collisions and edge values (``, `*`, `**`) meet often.

const LEVELS: Level[] = ['None', 'Metadata', 'Request', 'RequestResponse'];
const STAGES: Stage[] = ['RequestReceived', 'ResponseStarted', 'ResponseComplete', 'Panic'];
const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'post', '*', 'GET'];
const USERS = ['alice', 'bob', 'system:serviceaccount:kube-system:x', '*', '', 'system:anonymous'];
const GROUPS = ['system:authenticated', 'system:nodes', 'devs', '*', ''];
const NAMESPACES = ['', 'default', 'kube-system', 'd8-system', '*'];
const API_GROUPS = ['', 'apps', 'rbac.authorization.k8s.io', '*'];
const RESOURCES = ['pods', 'deployments', 'secrets', 'nodes', '*', ''];
const SUBRESOURCES = ['', '', 'log', 'exec', 'scale', 'status', '*'];
const RESOURCE_SPECS = [
  'pods',
  'pods/log',
  'pods/*',
  'pods/exec',
  '*',
  '*/log',
  '*/scale',
  '*/*',
  '**',
  'deployments',
  'deployments/scale',
  'deployments/*',
  'secrets',
  'nodes',
  '',
  'pods/log/*',
  '*/',
];
const NAMES = ['a', 'b', '', '*'];
const URL_SPECS = [
  '*',
  '/healthz',
  '/healthz*',
  '/api*',
  '/api/*',
  '/api**',
  '/metrics',
  '/',
  '/*',
  '',
  '/apis',
];
const PATHS = [
  '/healthz',
  '/healthz/etcd',
  '/healthzfoo',
  '/api',
  '/api/v1',
  '/apis',
  '/metrics',
  '/metrics/',
  '/',
  '',
  '/x',
];

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
function some<T>(rng: Rng, list: readonly T[], max = 3): T[] {
  const out: T[] = [];
  const n = Math.floor(rng() * (max + 1));
  for (let i = 0; i < n; i++) out.push(pick(rng, list));
  return out;
}
const maybe = (rng: Rng, p: number): boolean => rng() < p;

function randomRule(rng: Rng): PolicyRule {
  const rule: PolicyRule = { level: pick(rng, LEVELS) };
  if (maybe(rng, 0.3)) rule.users = some(rng, USERS);
  if (maybe(rng, 0.3)) rule.userGroups = some(rng, GROUPS);
  if (maybe(rng, 0.5)) rule.verbs = some(rng, VERBS);
  if (maybe(rng, 0.5)) {
    rule.resources = [];
    const n = Math.floor(rng() * 3);
    for (let i = 0; i < n; i++) {
      const gr: GroupResources = {};
      if (maybe(rng, 0.7)) gr.group = pick(rng, API_GROUPS);
      if (maybe(rng, 0.8)) gr.resources = some(rng, RESOURCE_SPECS);
      if (maybe(rng, 0.25)) gr.resourceNames = some(rng, NAMES);
      rule.resources.push(gr);
    }
  }
  if (maybe(rng, 0.25)) rule.namespaces = some(rng, NAMESPACES);
  if (maybe(rng, 0.3)) rule.nonResourceURLs = some(rng, URL_SPECS);
  if (maybe(rng, 0.3)) rule.omitStages = some(rng, STAGES);
  if (maybe(rng, 0.2)) rule.omitManagedFields = maybe(rng, 0.5);
  return rule;
}

function randomPolicy(rng: Rng): Policy {
  const rules: PolicyRule[] = [];
  const n = maybe(rng, 0.1) ? 30 + Math.floor(rng() * 50) : 1 + Math.floor(rng() * 8);
  for (let i = 0; i < n; i++) rules.push(randomRule(rng));
  const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules };
  if (maybe(rng, 0.4)) policy.omitStages = some(rng, STAGES);
  if (maybe(rng, 0.3)) policy.omitManagedFields = maybe(rng, 0.5);
  return policy;
}

function randomRequest(rng: Rng): RequestAttributes {
  const req: RequestAttributes = { verb: pick(rng, VERBS), resourceRequest: maybe(rng, 0.7) };
  if (maybe(rng, 0.9)) {
    req.user = pick(rng, USERS);
    if (maybe(rng, 0.9)) req.groups = some(rng, GROUPS);
  } else if (maybe(rng, 0.3)) {
    req.groups = some(rng, GROUPS); // groups without a user: still unauthenticated
  }
  if (req.resourceRequest) {
    if (maybe(rng, 0.9)) req.namespace = pick(rng, NAMESPACES);
    if (maybe(rng, 0.9)) req.apiGroup = pick(rng, API_GROUPS);
    req.resource = pick(rng, RESOURCES);
    if (maybe(rng, 0.8)) req.subresource = pick(rng, SUBRESOURCES);
    if (maybe(rng, 0.7)) req.name = pick(rng, NAMES);
  } else {
    req.path = pick(rng, PATHS);
  }
  return req;
}

// ---- the reference, written from the prose of §4.3 ------------------------------------------------
// Deliberately not shaped like match.ts: each rule becomes a list of conditions that must all hold, and a
// resource string matches when it is one of the names the request answers to.

const given = (list: readonly string[] | undefined): boolean => Array.isArray(list) && list.length > 0;

// The resource strings that select this request: its full name, "*", "*/sub" and "resource/*".
function namesOfRequest(req: RequestAttributes): Set<string> {
  const resource = req.resource ?? '';
  const sub = req.subresource ?? '';
  const names = new Set(['*', `${resource}/*`, sub === '' ? resource : `${resource}/${sub}`]);
  if (sub !== '') names.add(`*/${sub}`);
  return names;
}

function urlSelects(spec: string, path: string): boolean {
  if (spec === '*' || spec === path) return true;
  if (!spec.endsWith('*')) return false;
  let prefix = spec;
  while (prefix.endsWith('*')) prefix = prefix.substring(0, prefix.length - 1);
  return path.substring(0, prefix.length) === prefix;
}

function refMatches(rule: PolicyRule, req: RequestAttributes): boolean {
  const groups = new Set(req.groups ?? []);
  const requestNames = namesOfRequest(req);
  const entrySelects = (gr: GroupResources): boolean =>
    (gr.group === '*' || (gr.group ?? '') === (req.apiGroup ?? '')) &&
    (!given(gr.resources) ||
      ((!given(gr.resourceNames) || gr.resourceNames!.includes(req.name ?? '')) &&
        gr.resources!.some((r) => requestNames.has(r))));
  const resourceScoped = given(rule.namespaces) || given(rule.resources as string[] | undefined);
  const conditions: Array<() => boolean> = [
    () => !given(rule.users) || (req.user !== undefined && rule.users!.includes(req.user)),
    () => !given(rule.userGroups) || (req.user !== undefined && rule.userGroups!.some((g) => groups.has(g))),
    () => !given(rule.verbs) || rule.verbs!.includes(req.verb),
    () =>
      resourceScoped
        ? req.resourceRequest &&
          (!given(rule.namespaces) || rule.namespaces!.includes(req.namespace ?? '')) &&
          (!given(rule.resources as string[] | undefined) || rule.resources!.some(entrySelects))
        : !given(rule.nonResourceURLs) ||
          (!req.resourceRequest && rule.nonResourceURLs!.some((u) => urlSelects(u, req.path ?? ''))),
  ];
  return conditions.every((holds) => holds());
}

function refEvaluate(policy: Policy, req: RequestAttributes): Decision {
  const i = policy.rules.findIndex((rule) => refMatches(rule, req));
  if (i < 0) {
    return {
      level: 'None',
      omitStages: [...(policy.omitStages ?? [])],
      omitManagedFields: policy.omitManagedFields ?? false,
      ruleIndex: -1,
    };
  }
  const rule = policy.rules[i];
  const omitted = [...(policy.omitStages ?? []), ...(rule.omitStages ?? [])];
  return {
    level: rule.level,
    omitStages: STAGES.filter((s) => omitted.includes(s)),
    omitManagedFields: rule.omitManagedFields ?? policy.omitManagedFields ?? false,
    ruleIndex: i,
  };
}

const key = (d: Decision): string =>
  `${d.level}|${d.omitStages.join(',')}|${d.omitManagedFields}|${d.ruleIndex}`;

test('compiled and one-shot evaluators agree with the reference on 150,000 random cases', () => {
  const rng = mulberry32(20260611);
  const mismatches: unknown[] = [];
  let cases = 0;
  let matched = 0;
  let invalid = 0;
  for (let p = 0; p < 2500; p++) {
    const policy = randomPolicy(rng);
    // The public entry points refuse what kube-apiserver refuses; the internal compiler still answers.
    const valid = validatePolicy(policy, { kubernetesVersion: EVALUATOR_KUBERNETES_VERSION }).length === 0;
    if (!valid) {
      invalid++;
      expect(() => compilePolicy(policy)).toThrow(InvalidPolicyError);
    }
    const compiled = valid ? compilePolicy(policy) : compileRules(policy);
    for (let r = 0; r < 60; r++) {
      const req = randomRequest(rng);
      const expected = key(refEvaluate(policy, req));
      const fast = key(compiled.evaluate(req));
      const oneShot = valid ? key(evaluatePolicy(policy, req)) : fast;
      if (!valid && r === 0) expect(() => evaluatePolicy(policy, req)).toThrow(InvalidPolicyError);
      cases++;
      if (!expected.endsWith('|-1')) matched++;
      if (fast !== expected || oneShot !== expected) {
        if (mismatches.length < 5) mismatches.push({ policy, req, expected, fast, oneShot });
      }
    }
  }
  expect(mismatches).toEqual([]);
  expect(cases).toBe(150_000);
  // The generator must exercise both outcomes, or the agreement would prove little.
  expect(matched).toBeGreaterThan(cases * 0.3);
  expect(matched).toBeLessThan(cases * 0.9);
  // ...and valid policies as well as ones the public entry points refuse.
  expect(invalid).toBeGreaterThan(250);
  expect(invalid).toBeLessThan(2250);
});
