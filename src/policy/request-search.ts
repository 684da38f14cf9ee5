import { isClusterScoped } from './api-resources';
import {
  ANONYMOUS_USER,
  UNAUTHENTICATED_GROUP,
  authenticatedGroups,
  serviceAccountNamespace,
} from './identity';
import { MatchBox, StringSet, admitsAnonymous, boxesIntersect, pathContains, pathMatches } from './match-box';
import { NAMELESS_VERBS } from './request-verbs';
import { RequestAttributes } from './types';

// The exact search for a request inside one box ("piece") that no candidate box holds. For the boxes of
// match-box.ts, a piece is covered by a union of boxes iff, after fixing each finite dimension of the piece
// to one value (fresh values for unconstrained dimensions), some single remaining box contains it: a
// fresh value escapes every box that lists finitely many values. The search does exactly that, splitting
// values into classes that the candidate boxes cannot tell apart. Principals follow the identity model
// (identity.ts): the search builds only principals kube-apiserver's authenticators produce, with the
// fewest groups the piece allows (more groups only let more candidates match).

/** Thrown when a question needs more than its search budget (a question left open claims nothing). */
export class SearchBudgetExceeded extends Error {
  constructor() {
    super('request-space search budget exceeded');
    this.name = 'SearchBudgetExceeded';
  }
}

/** Work units one question may use (candidate checks and search steps). */
export const SEARCH_BUDGET = 200_000;

/** A shared work counter: every search charges it, and it throws once its limit is passed. */
export class WorkBudget {
  used = 0;
  constructor(readonly limit: number) {}

  charge(units: number): void {
    this.used += units;
    if (this.used > this.limit) throw new SearchBudgetExceeded();
  }
}

type PrincipalKind = 'authenticated' | 'anonymous' | 'none';

// The budget of the search running now (searches are synchronous): steps charge what they really do.
let active = new WorkBudget(Infinity);

interface Assignment {
  principal?: PrincipalKind;
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

/**
 * The values of a finite dimension, one per class the candidates cannot tell apart, preferred (realistic)
 * values first; `extraKey` separates values that differ in a way the candidates do not show (e.g. the
 * ServiceAccount groups a user name implies).
 */
function valueClasses(
  own: ReadonlySet<string>,
  cands: readonly MatchBox[],
  get: (b: MatchBox) => StringSet,
  preferred: readonly string[],
  extraKey: (v: string) => string = () => '',
): Array<{ value: string; keep: MatchBox[] }> {
  // For each value, which candidates that list finitely many values contain it.
  const holders = new Map<string, number[]>();
  const free: MatchBox[] = [];
  active.charge(own.size + cands.length);
  cands.forEach((c, i) => {
    const s = get(c);
    if (s === null) {
      free.push(c);
      return;
    }
    active.charge(Math.min(s.size, own.size));
    const [small, big] = s.size <= own.size ? [s, own] : [own, s];
    for (const v of small) {
      if (!big.has(v)) continue;
      let list = holders.get(v);
      if (list === undefined) holders.set(v, (list = []));
      list.push(i);
    }
  });
  const ordered = [...new Set([...preferred.filter((v) => own.has(v)), ...own])];
  const classes = new Map<string, { value: string; keep: MatchBox[] }>();
  for (const v of ordered) {
    const ids = holders.get(v) ?? [];
    const key = `${extraKey(v)}|${ids.join(',')}`;
    if (!classes.has(key)) classes.set(key, { value: v, keep: [...free, ...ids.map((i) => cands[i])] });
  }
  return [...classes.values()];
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
        else {
          active.charge(s.size);
          for (const v of s) forbidden.add(v);
        }
      }
      return [{ cands: keep, w: set(w, pick(prefer(p, w), forbidden, fresh)) }];
    }
    return valueClasses(own, cands, get, prefer(p, w)).map(({ value, keep }) => ({
      cands: keep,
      w: set(w, value),
    }));
  };
}

// Who sends the request: an authenticated user first (the common, realistic case), then no user info at
// all (failed authentication), then an anonymous request.
const principalStep: Step = (p, cands, w) => {
  active.charge(2 * cands.length);
  const branches: Branch[] = [];
  const authenticatedUser = p.users === null || [...p.users].some((u) => u !== ANONYMOUS_USER);
  if (authenticatedUser && p.groupSets.every((gs) => gs.some((g) => g !== UNAUTHENTICATED_GROUP))) {
    branches.push({ cands, w: { ...w, principal: 'authenticated' } });
  }
  if (!p.authenticated) {
    branches.push({ cands: cands.filter((c) => !c.authenticated), w: { ...w, principal: 'none' } });
  }
  if (admitsAnonymous(p)) {
    branches.push({
      cands: cands.filter(admitsAnonymous),
      w: { ...w, principal: 'anonymous', user: ANONYMOUS_USER, groups: [UNAUTHENTICATED_GROUP] },
    });
  }
  return branches;
};

const PREFERRED_USERS = ['user@example.com', 'admin@example.com'];

const userStep: Step = (p, cands, w) => {
  if (w.principal !== 'authenticated') return [{ cands, w }];
  const own = p.users;
  if (own === null) {
    const forbidden = new Set<string>([ANONYMOUS_USER]);
    const keep: MatchBox[] = [];
    for (const c of cands) {
      if (c.users === null) keep.push(c);
      else {
        active.charge(c.users.size);
        for (const v of c.users) forbidden.add(v);
      }
    }
    return [{ cands: keep, w: { ...w, user: pick(PREFERRED_USERS, forbidden, 'example-user') } }];
  }
  const names = new Set([...own].filter((u) => u !== ANONYMOUS_USER));
  return valueClasses(
    names,
    cands,
    (b) => b.users,
    PREFERRED_USERS,
    (u) => serviceAccountNamespace(u) ?? '',
  ).map(({ value, keep }) => ({ cands: keep, w: { ...w, user: value } }));
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

// The groups of an authenticated user: one group of each of the piece's group sets (never
// system:unauthenticated) plus the groups the authenticators add for that user.
const groupStep: Step = (p, cands, w) => {
  if (w.principal !== 'authenticated') return [{ cands, w }];
  const usable = p.groupSets.map((gs) => gs.filter((g) => g !== UNAUTHENTICATED_GROUP));
  if (usable.some((gs) => gs.length === 0)) return [];
  const classes = new Map<string, Branch>();
  const all = tuples(usable);
  active.charge(all.length * (1 + cands.length));
  for (const t of all) {
    const groups = authenticatedGroups(w.user!, t);
    const keep: MatchBox[] = [];
    const ids: number[] = [];
    cands.forEach((c, i) => {
      if (c.groupSets.every((gs) => gs.some((g) => groups.includes(g)))) {
        keep.push(c);
        ids.push(i);
      }
    });
    const key = ids.join(',');
    if (!classes.has(key)) classes.set(key, { cands: keep, w: { ...w, groups } });
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
  (_p, w) => (isClusterScoped(w.resource ?? '', w.apiGroup) ? ['', 'default'] : ['default', 'app', '']),
  'example-namespace',
);

const nameStep = stringStep(
  (b) => b.names,
  (w, v) => ({ ...w, name: v }),
  // A subresource is read only after a name (RequestInfoFactory: RESOURCE/NAME/SUBRESOURCE), so an example
  // of one is named even for create ("create pods/exec" always names its Pod).
  (_p, w) =>
    NAMELESS_VERBS.has(w.verb ?? '') && (w.subresource ?? '') === '' ? ['', 'example'] : ['example', ''],
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
  principalStep,
  userStep,
  groupStep,
  verbStep,
  apiGroupStep,
  resourceStep,
  subresourceStep,
  namespaceStep,
  nameStep,
];
const NON_RESOURCE_STEPS: Step[] = [principalStep, userStep, groupStep, verbStep, pathStep];

function toRequest(p: MatchBox, w: Assignment): RequestAttributes {
  const who = w.principal === 'none' ? {} : { user: w.user ?? '', groups: w.groups ?? [] };
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

/**
 * A request inside `piece` that no candidate box holds, or undefined when the candidates cover the piece
 * completely (exact for the model of match-box.ts). Charges `budget` (one unit per search node and per
 * candidate looked at) and throws `SearchBudgetExceeded` when it runs out. `prefiltered`: every candidate
 * is already known to intersect the piece.
 */
export function findUncovered(
  piece: MatchBox,
  candidates: readonly MatchBox[],
  budget: WorkBudget | number = SEARCH_BUDGET,
  prefiltered = false,
): RequestAttributes | undefined {
  const work = typeof budget === 'number' ? new WorkBudget(budget) : budget;
  const outer = active;
  active = work;
  try {
    return search(piece, candidates, work, prefiltered);
  } finally {
    active = outer;
  }
}

function search(
  piece: MatchBox,
  candidates: readonly MatchBox[],
  work: WorkBudget,
  prefiltered: boolean,
): RequestAttributes | undefined {
  const steps = piece.kind === 'resource' ? RESOURCE_STEPS : NON_RESOURCE_STEPS;
  // Boxes disjoint from the piece can never cover any of it: dropping them first keeps the search small.
  work.charge(candidates.length);
  const start = prefiltered ? [...candidates] : candidates.filter((c) => boxesIntersect(c, piece));
  const walk = (depth: number, cands: MatchBox[], w: Assignment): RequestAttributes | undefined => {
    work.charge(1 + cands.length);
    // Every dimension fixed: the request escapes the candidates exactly when none is left. (With no
    // candidate left early, each step offers one realistic value, so the rest of the walk is short.)
    if (depth === steps.length) return cands.length === 0 ? toRequest(piece, w) : undefined;
    for (const branch of steps[depth](piece, cands, w)) {
      const found = walk(depth + 1, branch.cands, branch.w);
      if (found) return found;
    }
    return undefined;
  };
  return walk(0, start, {});
}
