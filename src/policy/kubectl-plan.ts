import { resolveResourceType, ResourceType } from './api-resources';
import { parseFieldSelector } from './field-selector';
import { KubectlFlags } from './kubectl-flags';
import { RequestSpecError } from './request-spec-error';

// What one kubectl command sends, before it becomes attributes: the method and URL (built as
// k8s.io/client-go's rest.Request builds them) from the object arguments (TYPE, TYPE NAME, TYPE/NAME,
// POD, NODE) kubectl reads.

export interface Plan {
  method: string;
  url: string;
  /** The URL is a WebSocket upgrade. */
  websocket?: boolean;
  /** The resource version is not known (a custom resource): the attribute is left out. */
  versionUnknown?: boolean;
  /** The Pod is one kubectl picks when it runs: the URL carries UNKNOWN_POD and the request gets no name. */
  podLookup?: PodLookup;
  /**
   * The URL of the object kubectl reads (GET) before it sends the change: the builder's read, which a client
   * dry run (--dry-run=client) still sends, as the only request, before printing the changed object.
   */
  read?: string;
  /** The other reads a client dry run still sends after `read`, as sentences (drain's Pod list). */
  readNotes?: string[];
  notes?: string[];
}

/** A Pod kubectl picks when it runs (from a workload's Pods or a label selector's): its name is not known. */
export interface PodLookup {
  /** What kubectl takes the Pod from: the object (`deployments/web`) or the label selector (`-l app=web`). */
  from: string;
  /** One Pod (the first in kubectl's order), or each of them (logs --all-pods, logs -l). */
  pods: 'one' | 'each';
}

export const DEFAULT_NAMESPACE = 'default';

export const LIST_CHUNK = 500; // kubectl's --chunk-size default

/** The `limit` of a chunked list: --chunk-size, 500 by default; 0 turns chunking off (no limit). */
export function chunk(flags: KubectlFlags): Array<[string, string]> {
  const size = flags.chunkSize ?? String(LIST_CHUNK);
  return size === '0' ? [] : [['limit', size]];
}

function pathSegment(text: string): string {
  return encodeURIComponent(text).replace(/%(3A|40|24|26|2B|3D|2C|3B)/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** Go's url.Values.Encode: keys sorted, QueryEscape (space as "+", only unreserved characters kept). */
function encodeQuery(params: ReadonlyArray<readonly [string, string]>): string {
  const escape = (s: string) =>
    encodeURIComponent(s)
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, '+');
  const sorted = [...params].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sorted.length === 0 ? '' : `?${sorted.map(([k, v]) => `${escape(k)}=${escape(v)}`).join('&')}`;
}

/** The URL with one more query parameter, keeping Go's key order (url.Values.Encode sorts by key). */
export function withQueryParam(url: string, key: string, value: string): string {
  const q = url.indexOf('?');
  const pairs = q < 0 ? [] : url.slice(q + 1).split('&');
  pairs.push(encodeQuery([[key, value]]).slice(1));
  const keyOf = (pair: string) => pair.slice(0, pair.indexOf('='));
  pairs.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return `${q < 0 ? url : url.slice(0, q)}?${pairs.join('&')}`;
}

/**
 * What kubectl 1.35 and later send instead of an informer's list and watch (kubectl wait, rollout status:
 * watchtools.UntilWithSync on a plain cache.ListWatch). client-go turned its WatchListClient feature on by
 * default in 1.35 (features/known_features.go), and a ListWatch that does not declare
 * IsWatchListSemanticsUnSupported gets it: the reflector's first request is one watch that streams the current
 * state (sendInitialEvents=true, resourceVersionMatch=NotOlderThan, allowWatchBookmarks=true; timeoutSeconds
 * is random), and no list. The watch's attributes are those of the plain watch.
 */
export function watchListNote(t: Target, params: ReadonlyArray<readonly [string, string]>): string {
  const url = resourceUrl({ ...t, name: '' }, '', [
    ...params,
    ['allowWatchBookmarks', 'true'],
    ['resourceVersionMatch', 'NotOlderThan'],
    ['sendInitialEvents', 'true'],
    ['timeoutSeconds', '...'],
    ['watch', 'true'],
  ]);
  return (
    `kubectl 1.35 and later (client-go's WatchListClient, on by default from 1.35) send no list: the watch is ` +
    `GET ${url} (verb watch, the same attributes), which streams the current state first; ` +
    'kubectl 1.34 and older, or with KUBE_FEATURE_WatchListClient=false, list then watch'
  );
}

/** The same for a wait that a note only mentions (delete's wait, run -i, debug -i): see `watchListNote`. */
export const WATCH_LIST_IN_BRIEF =
  '(kubectl 1.35 and later: that watch with sendInitialEvents=true, resourceVersionMatch=NotOlderThan and ' +
  'allowWatchBookmarks=true, and no list)';

export interface Target {
  type: ResourceType;
  /** Namespace of the request ("" for cluster-scoped types and all-namespace lists). */
  namespace: string;
  name: string;
}

export function resourceUrl(
  t: Target,
  subresource = '',
  params: ReadonlyArray<readonly [string, string]> = [],
): string {
  const version = t.type.version ?? 'VERSION';
  const prefix = t.type.group === '' ? `/api/${version}` : `/apis/${t.type.group}/${version}`;
  const ns = t.type.namespaced && t.namespace !== '' ? `/namespaces/${pathSegment(t.namespace)}` : '';
  const name = t.name === '' ? '' : `/${pathSegment(t.name)}`;
  const sub = subresource === '' ? '' : `/${pathSegment(subresource)}`;
  return `${prefix}${ns}/${t.type.resource}${name}${sub}${encodeQuery(params)}`;
}

export function namespaceOf(type: ResourceType, flags: KubectlFlags, allowAll: boolean): string {
  if (!type.namespaced) return '';
  if (flags.allNamespaces) {
    if (!allowAll) throw new RequestSpecError('-A/--all-namespaces applies to lists and watches only');
    return '';
  }
  return flags.namespace ?? DEFAULT_NAMESPACE;
}

/** `TYPE`, `TYPE NAME` or `TYPE/NAME` (one object at a time). */
export function objectArgs(args: readonly string[], command: string): { typeText: string; name: string } {
  if (args.length === 0) {
    throw new RequestSpecError(`"${command}" needs a resource type, e.g. "${command} pods"`);
  }
  const [first, ...rest] = args;
  const slash = first.indexOf('/');
  if (slash >= 0) {
    if (rest.length > 0) {
      throw new RequestSpecError(
        `one object at a time: got ${[first, ...rest].join(' ')} (kubectl sends one request per object); ` +
          `describe one of them, e.g. "${command} ${first}"`,
      );
    }
    const name = first.slice(slash + 1);
    if (name === '' || name.includes('/')) throw new RequestSpecError(`"${first}" is not TYPE/NAME`);
    return { typeText: first.slice(0, slash), name };
  }
  if (first.includes(',')) {
    throw new RequestSpecError(
      `one resource type at a time: got ${first} (kubectl sends one request per type); describe one of ` +
        `them, e.g. "${command} ${[first.split(',')[0], ...rest].join(' ')}"`,
    );
  }
  if (rest.length > 1) {
    throw new RequestSpecError(
      `one object at a time: got names ${rest.join(', ')} (kubectl sends one request per name); describe ` +
        `one of them, e.g. "${command} ${first} ${rest[0]}"`,
    );
  }
  return { typeText: first, name: rest[0] ?? '' };
}

export function object(
  args: readonly string[],
  command: string,
  flags: KubectlFlags,
  opts: { nameRequired: boolean; allowAll?: boolean },
): Target {
  const { typeText, name } = objectArgs(args, command);
  if (opts.nameRequired && name === '') {
    throw new RequestSpecError(`"${command}" needs an object name, e.g. "${command} ${typeText} NAME"`);
  }
  const type = resolveResourceType(typeText);
  if (name !== '' && flags.allNamespaces && type.namespaced && BUILDER_ALL_NAMESPACES.has(command)) {
    // resource.Builder visitByName / visitByResource, when AllNamespaces(true) left no namespace.
    throw new RequestSpecError(
      `kubectl refuses "${command}" of the named ${type.resource} ${name} with -A/--all-namespaces ("a resource ` +
        'cannot be retrieved by name across all namespaces") and sends nothing: give its namespace with -n, or ' +
        'leave out the name to act on every namespace',
    );
  }
  return { type, namespace: namespaceOf(type, flags, (opts.allowAll ?? false) && name === ''), name };
}

// The commands whose resource builder takes -A (AllNamespaces): a name with it is the builder's refusal.
const BUILDER_ALL_NAMESPACES = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'wait']);

/** The Pod of `kubectl debug POD` (or `pod/POD`); debug.go refuses every other kind but a Node. */
export function pod(args: readonly string[], command: string, flags: KubectlFlags): Target {
  const first = args[0];
  if (first === undefined)
    throw new RequestSpecError(`"${command}" needs a Pod name, e.g. "${command} web-0"`);
  const slash = first.indexOf('/');
  let name = first;
  if (slash >= 0) {
    const type = resolveResourceType(first.slice(0, slash));
    if (type.resource !== 'pods' || type.group !== '') {
      throw new RequestSpecError(
        `"${command} ${first}": kubectl ${command} works on a Pod or a Node only (kubectl pkg/cmd/debug/debug.go ` +
          `refuses ${type.resource} after reading it); give the Pod name, e.g. "${command} POD"`,
      );
    }
    name = first.slice(slash + 1);
  }
  const type = resolveResourceType('pods');
  return { type, namespace: namespaceOf(type, flags, false), name };
}

/**
 * The Node of cordon, uncordon and drain: NODE or TYPE/NODE of type Node. kubectl takes several
 * (drain.go: ResourceNames("nodes", args...)) and sends one PATCH each: refused, one Node at a time.
 */
export function node(args: readonly string[], command: string): Target {
  const first = args[0];
  if (!first) throw new RequestSpecError(`"${command}" needs a Node name, e.g. "${command} worker-1"`);
  if (args.length > 1) {
    throw new RequestSpecError(
      `one Node at a time: got ${args.join(', ')} (kubectl sends one request per Node); describe one of ` +
        `them, e.g. "${command} ${first}"`,
    );
  }
  const slash = first.indexOf('/');
  let name = first;
  if (slash >= 0) {
    const type = resolveResourceType(first.slice(0, slash));
    name = first.slice(slash + 1);
    if (type.resource !== 'nodes' || type.group !== '' || name === '' || name.includes('/')) {
      // drain.go Complete: "error: expected resource of type node, got ..."
      throw new RequestSpecError(
        `"${command} ${first}": kubectl ${command} works on Nodes only; give the Node name, e.g. "${command} worker-1"`,
      );
    }
  }
  return { type: resolveResourceType('nodes'), namespace: '', name };
}

export function listParams(flags: KubectlFlags): Array<[string, string]> {
  const params: Array<[string, string]> = [];
  if (flags.fieldSelector !== undefined) {
    if (!parseFieldSelector(flags.fieldSelector)) {
      throw new RequestSpecError(`invalid --field-selector "${flags.fieldSelector}"`);
    }
    params.push(['fieldSelector', flags.fieldSelector]);
  }
  if (flags.labelSelector !== undefined) params.push(['labelSelector', flags.labelSelector]);
  return params;
}

export function noSelectors(flags: KubectlFlags, command: string): void {
  if (flags.fieldSelector !== undefined || flags.labelSelector !== undefined) {
    throw new RequestSpecError(
      `--field-selector and -l apply to a list or watch (no object name); "${command}" with a name does not use them`,
    );
  }
}

export function unknownTypeNotes(type: ResourceType): string[] {
  if (type.formerly) {
    const { word, kind, resource } = type.formerly;
    return [
      `"${word}" is a short name of ${type.resource} in the current CRD; an earlier ${kind} CRD declared it, ` +
        `so on a cluster with that release kubectl sends the request for ${resource} instead`,
    ];
  }
  if (type.known) return [];
  return [
    `${type.resource}.${type.group} is not a resource this package knows: taken as a namespaced plural ` +
      `(kubectl would resolve a singular or kind name to the plural by discovery: give the plural, and -A ` +
      `or no -n for a cluster-scoped one is still sent with a namespace here)` +
      (type.version === undefined
        ? ' whose version kubectl would find by discovery (VERSION in the URL)'
        : ''),
  ];
}

/** Commands that act on each object a selector or --all lists: no single request to describe. */
export function perObject(
  command: string,
  args: readonly string[],
  flags: KubectlFlags,
  method: string,
): RequestSpecError {
  const typeText = args[0]?.split('/')[0] ?? 'TYPE';
  let list = '';
  try {
    const type = resolveResourceType(typeText);
    list = ` (GET ${resourceUrl({ type, namespace: namespaceOf(type, flags, true), name: '' }, '', listParams(flags))})`;
  } catch {
    // the type is reported when the user names one object
  }
  return new RequestSpecError(
    `"${command} --all/-l" lists the objects${list} and then sends one ${method} per object by name (kubectl ` +
      `never sends a collection request for it): describe one of them, e.g. "${command} ${typeText} NAME"`,
  );
}

/** A kubectl command: its arguments and flags to the request it sends. */
export type Command = (args: readonly string[], flags: KubectlFlags) => Plan;

/**
 * Without -c, exec, attach and logs still send container=NAME: kubectl picks the Pod's default container (its
 * kubectl.kubernetes.io/default-container annotation, else the first one: podcmd.FindOrDefaultContainerByName in
 * exec.go and attach.go, polymorphichelpers/logsforobject.go). The policy never sees the query.
 */
export const DEFAULT_CONTAINER_NOTE =
  "without -c kubectl also sends container=NAME, the Pod's default container (its " +
  'kubectl.kubernetes.io/default-container annotation, else the first container), known only when it runs; ' +
  'the policy does not see the query';
