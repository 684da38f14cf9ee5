import { holds, MatchBox } from './match-box';
import { NAMESPACE_SUBRESOURCES } from './url-request';

// Requests on the core `namespaces` resource are the one place where a request's namespace and name are
// not independent. kube-apiserver's RequestInfoFactory (k8s.io/apiserver pkg/endpoints/request/
// requestinfo.go; k8s-audit-semantics.md §5.2 steps 5-7) reads the segment after /namespaces/ as the
// namespace, and for /api/v1/namespaces/NAME (and its status and finalize) that same segment is the name:
//   GET|PUT|PATCH|DELETE|POST /api/v1/namespaces/NAME[/status|/finalize], GET /api/v1/watch/namespaces/NAME
//     -> namespace NAME, name NAME (any verb but list and deletecollection, which only a nameless URL gets);
//   GET|POST|PUT|PATCH|DELETE /api/v1/namespaces -> namespace "", name "";
//   GET /api/v1/namespaces?fieldSelector=metadata.name=NAME (list or watch) -> namespace "", name NAME.
// Any other segment after /namespaces/NAME/ is a namespaced resource of its own (NAMESPACE_SUBRESOURCES), so
// core namespaces have no other subresource. Left out on purpose: /api/v1/namespaces/X/namespaces/Y, which
// RequestInfoFactory reads as namespace X, name Y, but which no core API serves (namespaces are cluster-scoped;
// always 404). In other API groups a namespaced resource may be called "namespaces", so only the core group
// is constrained.

/** The subresources a request on core namespaces can have ("" for the Namespace object itself). */
export const CORE_NAMESPACE_SUBRESOURCES: ReadonlySet<string> = new Set(['', ...NAMESPACE_SUBRESOURCES]);

/** Whether a request's API group and resource are the core `namespaces` resource. */
export function isCoreNamespaces(apiGroup: string | undefined, resource: string | undefined): boolean {
  return apiGroup === '' && resource === 'namespaces';
}

/**
 * Which (namespace, name) pairs a request on core namespaces with this verb can have (requestinfo.go):
 * `list` only namespace "" (any name, by fieldSelector), `watch` that or namespace = name (the deprecated
 * /watch/ path), `deletecollection` only "" and "", `get` and `delete` namespace = name with a name (without
 * one they become list, watch or deletecollection), every other verb namespace = name ("" for both included).
 */
export type CoreNamespacePairs = 'clusterWide' | 'clusterWideOrSame' | 'bothEmpty' | 'sameNamed' | 'same';

/** The pairs kind of a verb on core namespaces (see CoreNamespacePairs). */
export function coreNamespacePairs(verb: string): CoreNamespacePairs {
  switch (verb) {
    case 'list':
      return 'clusterWide';
    case 'watch':
      return 'clusterWideOrSame';
    case 'deletecollection':
      return 'bothEmpty';
    case 'get':
    case 'delete':
      return 'sameNamed';
    default:
      return 'same';
  }
}

/** Verbs whose pairs differ from those of a verb no rule lists (coreNamespacePairs: not 'same'). */
export const CORE_NAMESPACE_SPECIAL_VERBS: readonly string[] = [
  'list',
  'watch',
  'deletecollection',
  'get',
  'delete',
];

/**
 * Whether a box may hold requests on core namespaces whose resource it names (its resources list
 * "namespaces"); a box taking every resource is left out, as the search never picks "namespaces" for it.
 */
export function namesCoreNamespaces(box: MatchBox): boolean {
  return (
    box.kind === 'resource' &&
    box.resources !== null &&
    box.resources.has('namespaces') &&
    (box.apiGroups === null || box.apiGroups.has(''))
  );
}

/**
 * Whether a box holds some request kube-apiserver produces, principals aside: any request not on core
 * namespaces does, one on core namespaces only with a subresource and a namespace/name pair its verb has.
 */
export function holdsProducibleRequest(box: MatchBox): boolean {
  if (box.kind !== 'resource' || box.resources === null || box.apiGroups === null) return true;
  if ([...box.resources].some((r) => r !== 'namespaces') || [...box.apiGroups].some((g) => g !== '')) {
    return true;
  }
  if (![...CORE_NAMESPACE_SUBRESOURCES].some((s) => holds(box.subresources, s))) return false;
  const { namespaces, names } = box;
  const same =
    namespaces === null || names === null
      ? (namespaces ?? names ?? null)
      : new Set([...namespaces].filter((v) => names.has(v)));
  const clusterWide = holds(namespaces, '');
  const fits: Record<CoreNamespacePairs, boolean> = {
    same: same === null || same.size > 0,
    sameNamed: same === null || [...same].some((v) => v !== ''),
    clusterWide,
    clusterWideOrSame: clusterWide || same === null || same.size > 0,
    bothEmpty: clusterWide && holds(names, ''),
  };
  // A verb no rule lists has the pairs of "same".
  if (box.verbs === null) return fits.same || fits.clusterWide;
  return [...box.verbs].some((v) => fits[coreNamespacePairs(v)]);
}
