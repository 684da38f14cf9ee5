import { isClusterScoped } from './api-resources';
import {
  ANONYMOUS_USER,
  UNAUTHENTICATED_GROUP,
  authenticatedGroups,
  serviceAccountNamespace,
} from './identity';
import {
  MatchBox,
  StringSet,
  admitsAnonymous,
  holds,
  boxesIntersect,
  pathContains,
  pathMatches,
} from './match-box';
import {
  CORE_NAMESPACE_SPECIAL_VERBS,
  CORE_NAMESPACE_SUBRESOURCES,
  coreNamespacePairs,
  isCoreNamespaces,
  namesCoreNamespaces,
} from './core-namespace-requests';
import { NAMELESS_VERBS } from './request-verbs';
import { RequestAttributes } from './types';
import { charge, SEARCH_BUDGET, WorkBudget, withBudget } from './search-budget';
import { freshValue, pick, valueClasses } from './search-values';

// The exact search for a request inside one box ("piece") that no candidate box holds. For the boxes of
// match-box.ts, a piece is covered by a union of boxes iff, after fixing each finite dimension of the piece
// to one value (fresh values for unconstrained dimensions), some single remaining box contains it: a
// fresh value escapes every box that lists finitely many values. The search does exactly that, splitting
// values into classes that the candidate boxes cannot tell apart. On core namespaces, where namespace and
// name are not independent (core-namespace-requests.ts), it builds only the pairs kube-apiserver produces,
// and keeps apart the values (verbs, the core group, "namespaces") whose pairs differ. Principals follow
// the identity model (identity.ts): the search builds only principals kube-apiserver's authenticators
// produce, with the fewest groups the piece allows (more groups only let more candidates match).

type PrincipalKind = 'authenticated' | 'anonymous' | 'none';

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

function stringStep(
  get: (b: MatchBox) => StringSet,
  set: (w: Assignment, v: string) => Assignment,
  prefer: (p: MatchBox, w: Assignment) => readonly string[],
  fresh: string,
): Step {
  return (p, cands, w) => {
    const own = get(p);
    if (own === null) {
      const { value, keep } = freshValue(get, cands, prefer(p, w), fresh);
      return [{ cands: keep, w: set(w, value) }];
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
  charge(2 * cands.length);
  const branches: Branch[] = [];
  const authenticatedUser = p.users === null || [...p.users].some((u) => u !== ANONYMOUS_USER);
  if (authenticatedUser && p.groupSets.every((gs) => gs.length > 0)) {
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
        charge(c.users.size);
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

// The groups of an authenticated user: one group of each of the piece's group sets plus the groups the
// authenticators add for that user. A set may offer system:unauthenticated: credentials can carry it
// (x509.go takes a certificate's organizations as they are), and then AuthenticatedGroupAdder adds no
// system:authenticated. Other groups a user may carry are not tried, so such a user is considered only by
// the rules that name system:unauthenticated (the identity they are written for).
const groupStep: Step = (p, cands, w) => {
  if (w.principal !== 'authenticated') return [{ cands, w }];
  const classes = new Map<string, Branch>();
  const all = tuples(p.groupSets);
  charge(all.length * (1 + cands.length));
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

function preferredVerbs(p: MatchBox): readonly string[] {
  return p.kind === 'resource'
    ? ['get', 'list', 'create', 'update', 'patch', 'delete', 'watch', 'deletecollection']
    : ['get', 'post', 'put', 'delete', 'head'];
}

const plainVerbStep = stringStep(
  (b) => b.verbs,
  (w, v) => ({ ...w, verb: v }),
  preferredVerbs,
  'example-verb',
);

// On core namespaces, list, watch, deletecollection, get and delete allow other namespace/name pairs than the
// other verbs (core-namespace-requests.ts), so verbs the candidates cannot tell apart may still differ there.
const verbStep: Step = (p, cands, w) => {
  if (!namesCoreNamespaces(p)) return plainVerbStep(p, cands, w);
  const own = p.verbs;
  if (own !== null) {
    return valueClasses(own, cands, (b) => b.verbs, preferredVerbs(p), coreNamespacePairs).map(
      ({ value, keep }) => ({ cands: keep, w: { ...w, verb: value } }),
    );
  }
  // A verb no candidate lists and none of the special ones, then list and watch (a fresh verb allows every
  // pair get, delete and deletecollection do, and escapes at least the candidates they escape).
  const other = freshValue(
    (b) => b.verbs,
    cands,
    preferredVerbs(p),
    'example-verb',
    CORE_NAMESPACE_SPECIAL_VERBS,
  );
  charge(2 * cands.length);
  return [
    { cands: other.keep, w: { ...w, verb: other.value } },
    ...['list', 'watch'].map((verb) => ({
      cands: cands.filter((c) => holds(c.verbs, verb)),
      w: { ...w, verb },
    })),
  ];
};

const PREFERRED_API_GROUPS = ['', 'apps', 'example.com'];

const plainApiGroupStep = stringStep(
  (b) => b.apiGroups,
  (w, v) => ({ ...w, apiGroup: v }),
  () => PREFERRED_API_GROUPS,
  'example-group.example.com',
);

// A "namespaces" resource constrains namespace and name in the core group only: the core group and the
// others are tried apart.
const apiGroupStep: Step = (p, cands, w) => {
  if (!namesCoreNamespaces(p)) return plainApiGroupStep(p, cands, w);
  const own = p.apiGroups;
  if (own !== null) {
    return valueClasses(
      own,
      cands,
      (b) => b.apiGroups,
      PREFERRED_API_GROUPS,
      (g) => (g === '' ? 'core' : ''),
    ).map(({ value, keep }) => ({ cands: keep, w: { ...w, apiGroup: value } }));
  }
  const branches = plainApiGroupStep(p, cands, w);
  if (branches[0].w.apiGroup !== '') return branches;
  const other = freshValue((b) => b.apiGroups, cands, PREFERRED_API_GROUPS, 'example-group.example.com', [
    '',
  ]);
  return [...branches, { cands: other.keep, w: { ...w, apiGroup: other.value } }];
};

const resourceStep: Step = (p, cands, w) => {
  const get = (b: MatchBox) => b.resources;
  const prefer = [...(TYPICAL_RESOURCES[w.apiGroup ?? ''] ?? []), 'widgets'];
  const own = p.resources;
  if (own === null) {
    // Never "namespaces" (not among the preferred or fresh values): the fresh resource allows every pair.
    const { value, keep } = freshValue(get, cands, prefer, 'examples');
    return [{ cands: keep, w: { ...w, resource: value } }];
  }
  const core = w.apiGroup === '';
  return valueClasses(own, cands, get, prefer, (r) => (core && r === 'namespaces' ? 'core' : '')).map(
    ({ value, keep }) => ({ cands: keep, w: { ...w, resource: value } }),
  );
};

const plainSubresourceStep = stringStep(
  (b) => b.subresources,
  (w, v) => ({ ...w, subresource: v }),
  () => ['', 'status'],
  'example-subresource',
);

const subresourceStep: Step = (p, cands, w) => {
  if (!isCoreNamespaces(w.apiGroup, w.resource)) return plainSubresourceStep(p, cands, w);
  const own = p.subresources;
  const allowed = new Set([...CORE_NAMESPACE_SUBRESOURCES].filter((s) => holds(own, s)));
  if (allowed.size === 0) return [];
  return valueClasses(allowed, cands, (b) => b.subresources, ['', 'status']).map(({ value, keep }) => ({
    cands: keep,
    w: { ...w, subresource: value },
  }));
};

const plainNamespaceStep = stringStep(
  (b) => b.namespaces,
  (w, v) => ({ ...w, namespace: v }),
  (_p, w) => (isClusterScoped(w.resource ?? '', w.apiGroup) ? ['', 'default'] : ['default', 'app', '']),
  'example-namespace',
);

/** The values both sets hold (undefined: none). */
function bothSets(a: StringSet, b: StringSet): StringSet | undefined {
  if (a === null) return b;
  if (b === null) return a;
  charge(Math.min(a.size, b.size));
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set([...small].filter((v) => big.has(v)));
  return out.size === 0 ? undefined : out;
}

// Requests on the Namespace object NAME: namespace and name both NAME, one value for two dimensions.
function sameNamespaceAndName(
  p: MatchBox,
  cands: readonly MatchBox[],
  w: Assignment,
  named: boolean,
): Branch[] {
  let own = bothSets(p.namespaces, p.names);
  // get and delete always carry a name: without one they are list, watch or deletecollection.
  if (own && named && own.has('')) own = new Set([...own].filter((v) => v !== ''));
  if (own === undefined || own?.size === 0) return [];
  const diagonal = new Map<MatchBox, StringSet>();
  charge(cands.length);
  for (const c of cands) {
    const s = bothSets(c.namespaces, c.names);
    if (s !== undefined) diagonal.set(c, s);
  }
  const held = [...diagonal.keys()];
  const get = (b: MatchBox) => diagonal.get(b)!;
  const prefer = NAMELESS_VERBS.has(w.verb ?? '') ? ['', 'default'] : ['default', ''];
  const set = (v: string) => ({ ...w, namespace: v, name: v });
  if (own === null) {
    const { value, keep } = freshValue(get, held, prefer, 'example-namespace', named ? [''] : []);
    return [{ cands: keep, w: set(value) }];
  }
  return valueClasses(own, held, get, prefer).map(({ value, keep }) => ({ cands: keep, w: set(value) }));
}

// The namespace (and, on the Namespace object, the name) of a request on core namespaces, as
// requestinfo.go gives them (core-namespace-requests.ts). A cluster-wide branch leaves the name to nameStep.
function coreNamespaceStep(p: MatchBox, cands: MatchBox[], w: Assignment): Branch[] {
  const pairs = coreNamespacePairs(w.verb ?? '');
  const branches: Branch[] = [];
  if (pairs === 'same' || pairs === 'sameNamed' || pairs === 'clusterWideOrSame') {
    branches.push(...sameNamespaceAndName(p, cands, w, pairs === 'sameNamed'));
  }
  charge(cands.length);
  if ((pairs === 'clusterWide' || pairs === 'clusterWideOrSame') && holds(p.namespaces, '')) {
    branches.push({ cands: cands.filter((c) => holds(c.namespaces, '')), w: { ...w, namespace: '' } });
  }
  if (pairs === 'bothEmpty' && holds(p.namespaces, '') && holds(p.names, '')) {
    branches.push({
      cands: cands.filter((c) => holds(c.namespaces, '') && holds(c.names, '')),
      w: { ...w, namespace: '', name: '' },
    });
  }
  return branches;
}

const namespaceStep: Step = (p, cands, w) =>
  isCoreNamespaces(w.apiGroup, w.resource) ? coreNamespaceStep(p, cands, w) : plainNamespaceStep(p, cands, w);

const plainNameStep = stringStep(
  (b) => b.names,
  (w, v) => ({ ...w, name: v }),
  // A subresource is read only after a name (RequestInfoFactory: RESOURCE/NAME/SUBRESOURCE), so an example
  // of one is named even for create ("create pods/exec" always names its Pod).
  (_p, w) =>
    NAMELESS_VERBS.has(w.verb ?? '') && (w.subresource ?? '') === '' ? ['', 'example'] : ['example', ''],
  'example-name',
);

// The namespace step may have fixed the name already (a Namespace object's name is its namespace).
const nameStep: Step = (p, cands, w) => (w.name !== undefined ? [{ cands, w }] : plainNameStep(p, cands, w));

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
  return withBudget(work, () => search(piece, candidates, work, prefiltered));
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
