import { ANONYMOUS_USER, AUTHENTICATED_GROUP, UNAUTHENTICATED_GROUP } from './identity';
import { nonEmpty, nonResourcePrefix } from './match';
import { REQUEST_VERBS } from './request-verbs';
import { PolicyRule } from './types';

// The set of requests a rule matches, as a union of boxes. A request is (principal, verb, kind, ...).
// Principals are the ones kube-apiserver's authenticators produce (identity.ts): no user info at all,
// `system:anonymous` in exactly `system:unauthenticated`, or any other user in `system:authenticated`, a
// ServiceAccount also in its two ServiceAccount groups; a rule that names `system:unauthenticated` also
// matches users whose credentials carry it (a client certificate's organization), who then are not in
// `system:authenticated` (AuthenticatedGroupAdder), and the search tries them (request-search.ts). Resource
// requests carry namespace, API group, resource, subresource and name (resource and subresource never
// contain "/"); non-resource requests carry a path. Every string dimension ranges over infinitely many
// values and the dimensions are independent, but for requests on core namespaces, whose namespace and name
// requestinfo.go ties together: boxes hold the product, and the search (request-search.ts) builds and
// counts only the requests of core-namespace-requests.ts.
//
// A box is a product whose string dimensions are each a finite set or "every string", whose group
// constraint is a conjunction of "shares a group with G", and whose path is an exact string or a prefix.

/** A finite set of strings, or null for "every string". */
export type StringSet = ReadonlySet<string> | null;

/** Whether a dimension's set holds `value` (null: every value). */
export function holds(set: StringSet, value: string): boolean {
  return set === null || set.has(value);
}

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

/** The string dimensions of a box, each a StringSet. */
export const STRING_DIMENSIONS = [
  'verbs',
  'users',
  'namespaces',
  'apiGroups',
  'resources',
  'subresources',
  'names',
] as const;

/** One of the string dimensions. */
export type StringDimension = (typeof STRING_DIMENSIONS)[number];

const EVERY_PATH: PathSpec = { kind: 'prefix', value: '' };

/** A box with every field in one fixed order (one object shape keeps the hot comparisons fast). */
function makeBox(b: MatchBox): MatchBox {
  return {
    ruleIndex: b.ruleIndex,
    authenticated: b.authenticated,
    users: b.users,
    groupSets: b.groupSets,
    verbs: b.verbs,
    kind: b.kind,
    namespaces: b.namespaces,
    apiGroups: b.apiGroups,
    resources: b.resources,
    subresources: b.subresources,
    names: b.names,
    path: b.path,
  };
}

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
    if (!nonEmpty(rule.resources)) return [makeBox({ ...base, kind: 'resource', namespaces })];
    const boxes: MatchBox[] = [];
    for (const gr of rule.resources) {
      const group = gr.group ?? '';
      const apiGroups = group === '*' ? null : one(group);
      if (!nonEmpty(gr.resources)) {
        boxes.push(makeBox({ ...base, kind: 'resource', namespaces, apiGroups }));
        continue;
      }
      const names = setOf(gr.resourceNames);
      for (const spec of gr.resources) {
        for (const rs of resourceStringBoxes(spec)) {
          boxes.push(makeBox({ ...base, kind: 'resource', namespaces, apiGroups, names, ...rs }));
        }
      }
    }
    return boxes;
  }
  if (nonEmpty(rule.nonResourceURLs)) {
    return rule.nonResourceURLs.map((spec) =>
      makeBox({ ...base, kind: 'nonResource', path: pathSpecOf(spec) }),
    );
  }
  return [makeBox({ ...base, kind: 'resource' }), makeBox({ ...base, kind: 'nonResource' })];
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

/** Whether a path spec holds a given path. */
export function pathMatches(spec: PathSpec, path: string): boolean {
  return spec.kind === 'prefix' ? path.startsWith(spec.value) : path === spec.value;
}

function setsIntersect(a: StringSet, b: StringSet): boolean {
  if (a === null || b === null) return true;
  if (a.size > b.size) return setsIntersect(b, a);
  for (const v of a) if (b.has(v)) return true;
  return false;
}

/**
 * Whether two boxes may share a request: exact for every dimension but the principal's groups, which it
 * does not look at (a superset answer, used to narrow candidates before an exact search).
 */
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

/** The requests in both boxes (undefined when a dimension is empty); keeps `a`'s rule index. */
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

function subset(inner: StringSet, outer: StringSet): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  for (const v of inner) if (!outer.has(v)) return false;
  return true;
}

/** Whether the box admits anonymous requests (`system:anonymous` in `system:unauthenticated`). */
export function admitsAnonymous(box: MatchBox): boolean {
  return (
    (box.users === null || box.users.has(ANONYMOUS_USER)) &&
    box.groupSets.every((gs) => gs.includes(UNAUTHENTICATED_GROUP))
  );
}

/** Whether some principal the authenticators produce meets the box's users and userGroups. */
export function admitsSomePrincipal(box: MatchBox): boolean {
  if (!box.authenticated || admitsAnonymous(box)) return true;
  const someUser = box.users === null || [...box.users].some((u) => u !== ANONYMOUS_USER);
  return someUser && box.groupSets.every((gs) => gs.length > 0);
}

/**
 * A cheap sufficient test that every request of `inner` is in `outer` (false may still be contained:
 * callers fall back to the exact search). Groups: an outer group set is met when an inner one is inside
 * it, or when it holds `system:authenticated` and inner admits only users in it.
 */
export function boxContains(outer: MatchBox, inner: MatchBox): boolean {
  if (outer.kind !== inner.kind) return false;
  if (outer.authenticated && !inner.authenticated) return false;
  if (
    !subset(inner.verbs, outer.verbs) ||
    !subset(inner.users, outer.users) ||
    !subset(inner.namespaces, outer.namespaces) ||
    !subset(inner.apiGroups, outer.apiGroups) ||
    !subset(inner.resources, outer.resources) ||
    !subset(inner.subresources, outer.subresources) ||
    !subset(inner.names, outer.names)
  ) {
    return false;
  }
  if (!pathContains(outer.path, inner.path)) return false;
  // Every user inner admits is in system:authenticated unless it is anonymous or, through a group set
  // offering it, carries system:unauthenticated (then AuthenticatedGroupAdder adds no system:authenticated).
  const onlyAuthenticated =
    inner.authenticated &&
    !admitsAnonymous(inner) &&
    !inner.groupSets.some((h) => h.includes(UNAUTHENTICATED_GROUP));
  return outer.groupSets.every(
    (g) =>
      (onlyAuthenticated && g.includes(AUTHENTICATED_GROUP)) ||
      inner.groupSets.some((h) => h.every((x) => g.includes(x))),
  );
}

/** A text that is equal for two boxes exactly when they hold the same requests in the same way. */
export function boxSignature(box: MatchBox): string {
  // JSON strings cannot contain the raw separators, so the parts cannot run into each other.
  const set = (s: StringSet) =>
    s === null
      ? '*'
      : [...s]
          .map((v) => JSON.stringify(v))
          .sort()
          .join(',');
  const groups = box.groupSets
    .map((g) =>
      g
        .map((v) => JSON.stringify(v))
        .sort()
        .join(','),
    )
    .sort();
  return [
    box.kind,
    box.authenticated ? 'a' : '-',
    groups.join(';'),
    set(box.verbs),
    set(box.users),
    set(box.namespaces),
    set(box.apiGroups),
    set(box.resources),
    set(box.subresources),
    set(box.names),
    box.path.kind,
    JSON.stringify(box.path.value),
  ].join('\u0000');
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

/** The part of a box with verbs kube-apiserver really produces for its kind (undefined if none). */
export function realisticPart(box: MatchBox): MatchBox | undefined {
  const allowed = REQUEST_VERBS[box.kind];
  const verbs = box.verbs === null ? allowed : new Set([...box.verbs].filter((v) => allowed.has(v)));
  return verbs.size === 0 ? undefined : makeBox({ ...box, verbs });
}

/** Every request: one resource and one non-resource box. */
export const UNIVERSE: readonly MatchBox[] = ruleBoxes({ level: 'None' }, -1);
