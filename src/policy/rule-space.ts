import { nonEmpty, nonResourcePrefix } from './match';
import { PolicyRule, RequestAttributes } from './types';

// Symbolic view of the request space a rule matches, used by the linter to prove (not guess) that a rule
// is shadowed and to build concrete requests a rule decides.
//
// Model: a request is (principal, verb, kind, ...). The principal is either "unauthenticated" (no user,
// no groups) or a user name plus an arbitrary set of groups. Resource requests carry namespace, API group,
// resource, subresource and name (resource and subresource never contain "/"); non-resource requests
// carry a path. Every string dimension ranges over infinitely many values and the dimensions are
// independent. This is a superset of what kube-apiserver can produce, so "covered" here implies covered
// for real requests (sound), while witnesses may be unrealistic (the linter re-checks them with the
// evaluator and polishes them).
//
// A rule's match set is a union of boxes: products whose string dimensions are each a finite set or
// "every string", whose group constraint is a conjunction of "shares a group with G", and whose path is
// an exact string or a prefix. For such boxes, a piece is covered by a union of boxes iff, after fixing
// each finite dimension of the piece to one value (fresh values for unconstrained dimensions), some single
// remaining box contains it: a fresh value escapes every box that lists finitely many values. The search
// below does exactly that, splitting values into classes that the candidate boxes cannot tell apart.

/** A finite set of strings, or null for "every string". */
export type StringSet = ReadonlySet<string> | null;

/** A non-resource path constraint: one exact path, or every path starting with a prefix. */
export type PathSpec =
  { readonly kind: 'exact'; readonly value: string } | { readonly kind: 'prefix'; readonly value: string };

/** One product-shaped part of a rule's match set. */
export interface MatchBox {
  readonly ruleIndex: number;
  /** True when the box only holds requests with user info (users or userGroups set). */
  readonly authenticated: boolean;
  readonly users: StringSet;
  /** Each inner list: the request must share at least one group with it; empty = no constraint. */
  readonly groupSets: readonly (readonly string[])[];
  readonly verbs: StringSet;
  readonly kind: 'resource' | 'nonResource';
  readonly namespaces: StringSet;
  readonly apiGroups: StringSet;
  readonly resources: StringSet;
  readonly subresources: StringSet;
  readonly names: StringSet;
  /** Meaningful for non-resource boxes only (resource boxes hold the prefix ""). */
  readonly path: PathSpec;
}

const EVERY_PATH: PathSpec = { kind: 'prefix', value: '' };

function setOf(list: readonly string[] | undefined | null): StringSet {
  return nonEmpty(list) ? new Set(list) : null;
}

function one(value: string): StringSet {
  return new Set([value]);
}

/** The (resource, subresource) boxes one resource string of a rule selects (empty: it matches nothing). */
export function resourceStringBoxes(spec: string): Array<{ resources: StringSet; subresources: StringSet }> {
  if (spec === '*') return [{ resources: null, subresources: null }];
  const out: Array<{ resources: StringSet; subresources: StringSet }> = [];
  const parts = spec.split('/');
  // Exact equality with "resource" or "resource/subresource".
  if (parts.length === 1) out.push({ resources: one(spec), subresources: one('') });
  if (parts.length === 2 && parts[1] !== '')
    out.push({ resources: one(parts[0]), subresources: one(parts[1]) });
  // "*/sub": that subresource of any resource.
  const sub = spec.slice(2);
  if (spec.startsWith('*/') && sub !== '' && !sub.includes('/'))
    out.push({ resources: null, subresources: one(sub) });
  // "res/*": the parent resource alone decides, with or without a subresource.
  const parent = spec.slice(0, -2);
  if (spec.endsWith('/*') && !parent.includes('/')) out.push({ resources: one(parent), subresources: null });
  return out;
}

/** The non-resource path constraint of one nonResourceURLs entry. */
export function pathSpecOf(spec: string): PathSpec {
  if (spec.endsWith('*')) return { kind: 'prefix', value: nonResourcePrefix(spec) };
  return { kind: 'exact', value: spec };
}

/** A rule's match set as boxes (an empty list: the rule matches no request at all). */
export function ruleBoxes(rule: PolicyRule, ruleIndex: number): MatchBox[] {
  const users = setOf(rule.users);
  const groupSets = nonEmpty(rule.userGroups) ? [[...new Set(rule.userGroups)]] : [];
  const base = {
    ruleIndex,
    authenticated: users !== null || groupSets.length > 0,
    users,
    groupSets,
    verbs: setOf(rule.verbs),
    namespaces: null,
    apiGroups: null,
    resources: null,
    subresources: null,
    names: null,
    path: EVERY_PATH,
  };
  if (nonEmpty(rule.namespaces) || nonEmpty(rule.resources)) {
    const namespaces = setOf(rule.namespaces);
    if (!nonEmpty(rule.resources)) return [{ ...base, kind: 'resource', namespaces }];
    const boxes: MatchBox[] = [];
    for (const gr of rule.resources) {
      const group = gr.group ?? '';
      const apiGroups = group === '*' ? null : one(group);
      if (!nonEmpty(gr.resources)) {
        boxes.push({ ...base, kind: 'resource', namespaces, apiGroups });
        continue;
      }
      const names = setOf(gr.resourceNames);
      for (const spec of gr.resources) {
        for (const rs of resourceStringBoxes(spec)) {
          boxes.push({ ...base, kind: 'resource', namespaces, apiGroups, names, ...rs });
        }
      }
    }
    return boxes;
  }
  if (nonEmpty(rule.nonResourceURLs)) {
    return rule.nonResourceURLs.map((spec) => ({
      ...base,
      kind: 'nonResource' as const,
      path: pathSpecOf(spec),
    }));
  }
  return [
    { ...base, kind: 'resource' },
    { ...base, kind: 'nonResource' },
  ];
}

function intersectSets(a: StringSet, b: StringSet): StringSet | undefined {
  if (a === null) return b;
  if (b === null) return a;
  const out = new Set([...a].filter((v) => b.has(v)));
  return out.size === 0 ? undefined : out;
}

/** Whether every path of `inner` is a path of `outer`. */
export function pathContains(outer: PathSpec, inner: PathSpec): boolean {
  if (outer.kind === 'prefix') return inner.value.startsWith(outer.value);
  return inner.kind === 'exact' && inner.value === outer.value;
}

function pathMatches(spec: PathSpec, path: string): boolean {
  return spec.kind === 'prefix' ? path.startsWith(spec.value) : path === spec.value;
}

function setsIntersect(a: StringSet, b: StringSet): boolean {
  if (a === null || b === null) return true;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const v of small) if (big.has(v)) return true;
  return false;
}

/** Whether two boxes share at least one request (no allocation; same answer as intersectBoxes). */
export function boxesIntersect(a: MatchBox, b: MatchBox): boolean {
  return (
    a.kind === b.kind &&
    setsIntersect(a.verbs, b.verbs) &&
    setsIntersect(a.users, b.users) &&
    setsIntersect(a.namespaces, b.namespaces) &&
    setsIntersect(a.apiGroups, b.apiGroups) &&
    setsIntersect(a.resources, b.resources) &&
    setsIntersect(a.subresources, b.subresources) &&
    setsIntersect(a.names, b.names) &&
    (pathContains(a.path, b.path) || pathContains(b.path, a.path))
  );
}

/** The requests in both boxes (undefined when there are none); keeps `a`'s rule index. */
export function intersectBoxes(a: MatchBox, b: MatchBox): MatchBox | undefined {
  if (a.kind !== b.kind) return undefined;
  const users = intersectSets(a.users, b.users);
  const verbs = intersectSets(a.verbs, b.verbs);
  const namespaces = intersectSets(a.namespaces, b.namespaces);
  const apiGroups = intersectSets(a.apiGroups, b.apiGroups);
  const resources = intersectSets(a.resources, b.resources);
  const subresources = intersectSets(a.subresources, b.subresources);
  const names = intersectSets(a.names, b.names);
  if ([users, verbs, namespaces, apiGroups, resources, subresources, names].includes(undefined))
    return undefined;
  let path: PathSpec;
  if (pathContains(a.path, b.path)) path = b.path;
  else if (pathContains(b.path, a.path)) path = a.path;
  else return undefined;
  return {
    ruleIndex: a.ruleIndex,
    authenticated: a.authenticated || b.authenticated,
    users: users as StringSet,
    groupSets: [...a.groupSets, ...b.groupSets],
    verbs: verbs as StringSet,
    kind: a.kind,
    namespaces: namespaces as StringSet,
    apiGroups: apiGroups as StringSet,
    resources: resources as StringSet,
    subresources: subresources as StringSet,
    names: names as StringSet,
    path,
  };
}

/** A box holding exactly the given constraints (everything else unconstrained), for targeted questions. */
export function resourceBox(constraints: {
  verbs?: readonly string[];
  apiGroups?: readonly string[];
  resources?: readonly string[];
  subresources?: readonly string[];
  namespaces?: readonly string[];
  names?: readonly string[];
}): MatchBox {
  return {
    ruleIndex: -1,
    authenticated: false,
    users: null,
    groupSets: [],
    verbs: setOf(constraints.verbs),
    kind: 'resource',
    namespaces: setOf(constraints.namespaces),
    apiGroups: setOf(constraints.apiGroups),
    resources: setOf(constraints.resources),
    subresources: setOf(constraints.subresources),
    names: setOf(constraints.names),
    path: EVERY_PATH,
  };
}

/** The verbs kube-apiserver really produces: Kubernetes verbs for resource requests, lower-case HTTP methods otherwise. */
export const REQUEST_VERBS: Readonly<Record<MatchBox['kind'], ReadonlySet<string>>> = {
  resource: new Set([
    'get',
    'list',
    'watch',
    'create',
    'update',
    'patch',
    'delete',
    'deletecollection',
    'proxy',
  ]),
  nonResource: new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']),
};

/** The part of a box with verbs kube-apiserver really produces for its kind (undefined if none). */
export function realisticPart(box: MatchBox): MatchBox | undefined {
  const allowed = REQUEST_VERBS[box.kind];
  const verbs = box.verbs === null ? allowed : new Set([...box.verbs].filter((v) => allowed.has(v)));
  return verbs.size === 0 ? undefined : { ...box, verbs };
}

/** Every request: one resource and one non-resource box. */
export const UNIVERSE: readonly MatchBox[] = ruleBoxes({ level: 'None' }, -1);

// ---- the search -------------------------------------------------------------------------------------

interface Assignment {
  authenticated?: boolean;
  user?: string;
  groups?: string[];
  verb?: string;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  path?: string;
}

interface Branch {
  cands: MatchBox[];
  w: Assignment;
}

type Step = (p: MatchBox, cands: MatchBox[], w: Assignment) => Branch[];

// Resources that exist only cluster-wide, so a realistic example request has no namespace.
const CLUSTER_SCOPED = new Set([
  'nodes',
  'namespaces',
  'persistentvolumes',
  'clusterroles',
  'clusterrolebindings',
  'customresourcedefinitions',
  'storageclasses',
  'tokenreviews',
  'subjectaccessreviews',
  'selfsubjectaccessreviews',
  'selfsubjectreviews',
  'certificatesigningrequests',
  'priorityclasses',
  'runtimeclasses',
  'validatingwebhookconfigurations',
  'mutatingwebhookconfigurations',
  'apiservices',
  'moduleconfigs',
]);
const NAMELESS_VERBS = new Set(['list', 'watch', 'create', 'deletecollection']);
const TYPICAL_RESOURCES: Record<string, string[]> = {
  '': ['configmaps', 'pods', 'services'],
  apps: ['deployments', 'statefulsets'],
  'rbac.authorization.k8s.io': ['roles', 'rolebindings'],
};

function pick(preferred: readonly string[], forbidden: ReadonlySet<string>, fresh: string): string {
  for (const v of preferred) if (!forbidden.has(v)) return v;
  for (let n = 1; ; n++) {
    const v = n === 1 ? fresh : `${fresh}-${n}`;
    if (!forbidden.has(v)) return v;
  }
}

function signature(cands: readonly MatchBox[], keep: readonly MatchBox[]): string {
  const kept = new Set(keep);
  return cands.map((c) => (kept.has(c) ? '1' : '0')).join('');
}

function stringStep(
  get: (b: MatchBox) => StringSet,
  set: (w: Assignment, v: string) => Assignment,
  prefer: (p: MatchBox, w: Assignment) => readonly string[],
  fresh: string,
): Step {
  return (p, cands, w) => {
    const own = get(p);
    if (own === null) {
      const forbidden = new Set<string>();
      const keep: MatchBox[] = [];
      for (const c of cands) {
        const s = get(c);
        if (s === null) keep.push(c);
        else for (const v of s) forbidden.add(v);
      }
      return [{ cands: keep, w: set(w, pick(prefer(p, w), forbidden, fresh)) }];
    }
    // Values the candidates cannot tell apart lead to the same sub-search: try one of each class,
    // preferred (realistic) values first.
    const preferred = prefer(p, w).filter((v) => own.has(v));
    const ordered = [...new Set([...preferred, ...own])];
    const classes = new Map<string, Branch>();
    for (const v of ordered) {
      const keep = cands.filter((c) => {
        const s = get(c);
        return s === null || s.has(v);
      });
      const key = signature(cands, keep);
      if (!classes.has(key)) classes.set(key, { cands: keep, w: set(w, v) });
    }
    return [...classes.values()];
  };
}

const authStep: Step = (p, cands, w) => {
  const branches: Branch[] = [{ cands, w: { ...w, authenticated: true } }];
  if (!p.authenticated) {
    branches.push({ cands: cands.filter((c) => !c.authenticated), w: { ...w, authenticated: false } });
  }
  return branches;
};

const userStep: Step = (p, cands, w) => {
  if (!w.authenticated) return [{ cands, w }];
  return stringStep(
    (b) => b.users,
    (x, v) => ({ ...x, user: v }),
    () => ['user@example.com', 'admin@example.com'],
    'example-user',
  )(p, cands, w);
};

function tuples(sets: readonly (readonly string[])[]): string[][] {
  let out: string[][] = [[]];
  for (const s of sets) out = out.flatMap((t) => s.map((g) => [...t, g]));
  const seen = new Map<string, string[]>();
  for (const t of out) {
    const uniq = [...new Set(t)].sort();
    seen.set(uniq.join('\n'), uniq);
  }
  return [...seen.values()];
}

const groupStep: Step = (p, cands, w) => {
  if (!w.authenticated) return [{ cands, w }];
  if (p.groupSets.length === 0) {
    return [{ cands: cands.filter((c) => c.groupSets.length === 0), w: { ...w, groups: [] } }];
  }
  const classes = new Map<string, Branch>();
  for (const t of tuples(p.groupSets)) {
    const keep = cands.filter((c) => c.groupSets.every((gs) => gs.some((g) => t.includes(g))));
    const key = signature(cands, keep);
    if (!classes.has(key)) classes.set(key, { cands: keep, w: { ...w, groups: t } });
  }
  return [...classes.values()];
};

const verbStep = stringStep(
  (b) => b.verbs,
  (w, v) => ({ ...w, verb: v }),
  (p) =>
    p.kind === 'resource'
      ? ['get', 'list', 'create', 'update', 'patch', 'delete', 'watch', 'deletecollection']
      : ['get', 'post', 'put', 'delete', 'head'],
  'example-verb',
);

const apiGroupStep = stringStep(
  (b) => b.apiGroups,
  (w, v) => ({ ...w, apiGroup: v }),
  () => ['', 'apps', 'example.com'],
  'example-group.example.com',
);

const resourceStep = stringStep(
  (b) => b.resources,
  (w, v) => ({ ...w, resource: v }),
  (_p, w) => [...(TYPICAL_RESOURCES[w.apiGroup ?? ''] ?? []), 'widgets'],
  'examples',
);

const subresourceStep = stringStep(
  (b) => b.subresources,
  (w, v) => ({ ...w, subresource: v }),
  () => ['', 'status'],
  'example-subresource',
);

const namespaceStep = stringStep(
  (b) => b.namespaces,
  (w, v) => ({ ...w, namespace: v }),
  (_p, w) => (CLUSTER_SCOPED.has(w.resource ?? '') ? ['', 'default'] : ['default', 'app', '']),
  'example-namespace',
);

const nameStep = stringStep(
  (b) => b.names,
  (w, v) => ({ ...w, name: v }),
  (_p, w) => (NAMELESS_VERBS.has(w.verb ?? '') ? ['', 'example'] : ['example', '']),
  'example-name',
);

const pathStep: Step = (p, cands, w) => {
  const keep: MatchBox[] = [];
  const dropped: MatchBox[] = [];
  for (const c of cands) (pathContains(c.path, p.path) ? keep : dropped).push(c);
  let path = p.path.value;
  if (p.path.kind === 'prefix') {
    const q = p.path.value;
    const preferred =
      q === '' ? ['/healthz', '/version', '/metrics', '/readyz'] : [q, `${q}example`, `${q}/example`];
    const ok = (v: string) => !dropped.some((c) => pathMatches(c.path, v));
    path = preferred.find(ok) ?? '';
    for (let n = 1; path === '' || !ok(path); n++) path = `${q}example-path-${n}`;
  }
  return [{ cands: keep, w: { ...w, path } }];
};

const RESOURCE_STEPS: Step[] = [
  authStep,
  userStep,
  groupStep,
  verbStep,
  apiGroupStep,
  resourceStep,
  subresourceStep,
  namespaceStep,
  nameStep,
];
const NON_RESOURCE_STEPS: Step[] = [authStep, userStep, groupStep, verbStep, pathStep];

function toRequest(p: MatchBox, w: Assignment): RequestAttributes {
  const who = w.authenticated ? { user: w.user ?? '', groups: w.groups ?? [] } : {};
  if (p.kind === 'nonResource')
    return { ...who, verb: w.verb ?? '', resourceRequest: false, path: w.path ?? '' };
  return {
    ...who,
    verb: w.verb ?? '',
    resourceRequest: true,
    namespace: w.namespace ?? '',
    apiGroup: w.apiGroup ?? '',
    resource: w.resource ?? '',
    subresource: w.subresource ?? '',
    name: w.name ?? '',
  };
}

/** Search steps after which a question is left unanswered (never answered wrongly). */
export const SEARCH_BUDGET = 200_000;

/** Thrown by `findUncovered` when a question needs more than its search budget. */
export class SearchBudgetExceeded extends Error {
  constructor() {
    super('request-space search budget exceeded');
    this.name = 'SearchBudgetExceeded';
  }
}

/** What `search` answers, or `unproven` when it exceeds its budget (a question left open claims nothing). */
function withinBudget<T>(search: () => T, unproven: T): T {
  try {
    return search();
  } catch (e) {
    if (e instanceof SearchBudgetExceeded) return unproven;
    throw e;
  }
}

/**
 * A request inside `piece` that no candidate box holds, or undefined when the candidates cover the piece
 * completely (exact for this model; see the comment at the top of the file).
 */
export function findUncovered(
  piece: MatchBox,
  candidates: readonly MatchBox[],
  budget = SEARCH_BUDGET,
): RequestAttributes | undefined {
  const steps = piece.kind === 'resource' ? RESOURCE_STEPS : NON_RESOURCE_STEPS;
  // Boxes disjoint from the piece can never cover any of it: dropping them first keeps the search small.
  const start = candidates.filter((c) => boxesIntersect(c, piece));
  let nodes = 0;
  const search = (depth: number, cands: MatchBox[], w: Assignment): RequestAttributes | undefined => {
    if (++nodes > budget) throw new SearchBudgetExceeded();
    if (cands.length === 0) {
      // Nothing left can match: finish with realistic (or fresh) values, no candidate to avoid.
      for (let d = depth; d < steps.length; d++) w = steps[d](piece, [], w)[0].w;
      return toRequest(piece, w);
    }
    if (depth === steps.length) return undefined;
    for (const branch of steps[depth](piece, cands, w)) {
      const found = search(depth + 1, branch.cands, branch.w);
      if (found) return found;
    }
    return undefined;
  };
  return search(0, start, {});
}

/** Whether the candidate boxes together hold every request of `piece` (false when the search gives up). */
export function isCovered(piece: MatchBox, candidates: readonly MatchBox[]): boolean {
  return withinBudget(() => findUncovered(piece, candidates) === undefined, false);
}

/** The match sets of a policy's rules, with the questions the linter asks about them. */
export class RuleSpace {
  /** boxes[i]: the match set of rule i. */
  readonly boxes: MatchBox[][];
  private readonly prefix: MatchBox[][] = [];

  constructor(rules: readonly PolicyRule[]) {
    this.boxes = rules.map((rule, i) => ruleBoxes(rule, i));
    let acc: MatchBox[] = [];
    this.prefix.push(acc);
    for (const b of this.boxes) {
      acc = [...acc, ...b];
      this.prefix.push(acc);
    }
  }

  /** Boxes of rules 0..end-1. */
  before(end: number): readonly MatchBox[] {
    return this.prefix[Math.max(0, Math.min(end, this.boxes.length))];
  }

  /**
   * A request rule j decides (no earlier rule matches it), optionally restricted to a box and to verbs
   * kube-apiserver really produces; undefined if none.
   */
  witnessFor(j: number, within?: MatchBox, realistic = false): RequestAttributes | undefined {
    return withinBudget(() => this.searchWitness(j, within, realistic), undefined);
  }

  private searchWitness(
    j: number,
    within: MatchBox | undefined,
    realistic: boolean,
  ): RequestAttributes | undefined {
    const earlier = this.before(j);
    for (const b of this.boxes[j]) {
      let piece: MatchBox | undefined = within ? intersectBoxes(b, within) : b;
      if (piece && realistic) piece = realisticPart(piece);
      if (!piece) continue;
      const found = findUncovered(piece, earlier);
      if (found) return found;
    }
    return undefined;
  }

  /** True when rule j matches some request but earlier rules match every request it matches. */
  isShadowed(j: number): boolean {
    if (this.boxes[j].length === 0) return false;
    return withinBudget(() => this.searchWitness(j, undefined, false) === undefined, false);
  }

  /** True when every request rule `inner` matches is also matched by rule `outer`. */
  contains(outer: number, inner: number): boolean {
    return this.boxes[inner].every((b) => isCovered(b, this.boxes[outer]));
  }

  /** True when rules i and j match at least one common request. */
  overlaps(i: number, j: number): boolean {
    return this.boxes[i].some((a) => this.boxes[j].some((b) => boxesIntersect(a, b)));
  }

  /** A request both rules match that rule i decides (no rule before i matches it); undefined if none. */
  preemptionExample(i: number, j: number, realistic = true): RequestAttributes | undefined {
    return withinBudget(() => this.searchPreemption(i, j, realistic), undefined);
  }

  private searchPreemption(i: number, j: number, realistic: boolean): RequestAttributes | undefined {
    for (const bj of this.boxes[j]) {
      for (const bi of this.boxes[i]) {
        let both = intersectBoxes(bi, bj);
        if (both && realistic) both = realisticPart(both);
        if (!both) continue;
        const found = findUncovered(both, this.before(i));
        if (found) return found;
      }
    }
    return undefined;
  }
}
