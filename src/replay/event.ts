import { requestFromUrl } from '../policy/request-info';
import type { Level, RequestAttributes, Stage } from '../policy/types';

/** The parts of an `audit.k8s.io/v1` Event the replay reads (everything else is carried along untouched). */
export interface AuditEvent {
  kind?: string;
  apiVersion?: string;
  level?: unknown;
  auditID?: string;
  stage: Stage;
  requestURI?: string;
  verb: string;
  user?: { username?: string; groups?: string[] };
  impersonatedUser?: { username?: string; groups?: string[] };
  objectRef?: {
    resource?: string;
    namespace?: string;
    name?: string;
    apiGroup?: string;
    apiVersion?: string;
    subresource?: string;
  };
  requestObject?: unknown;
  responseObject?: unknown;
  requestReceivedTimestamp?: string;
  stageTimestamp?: string;
  [key: string]: unknown;
}

/** The Event version kube-apiserver writes (the only one since Kubernetes 1.24). */
export const AUDIT_V1 = 'audit.k8s.io/v1';
/** The Event version of Kubernetes 1.8–1.23 logs, which the replay also reads. */
export const AUDIT_V1BETA1 = 'audit.k8s.io/v1beta1';

const STAGE_SET = new Set<string>(['RequestReceived', 'ResponseStarted', 'ResponseComplete', 'Panic']);

/** Level names to their rank (None lowest). */
export const LEVEL_RANK: Readonly<Record<Level, number>> = {
  None: 0,
  Metadata: 1,
  Request: 2,
  RequestResponse: 3,
};

/** Longest member value shown in a reason (a hostile line may hold a huge one). */
const SHOWN_VALUE = 40;

/** A member value for messages: as JSON, cut to SHOWN_VALUE characters. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_VALUE ? `${text.slice(0, SHOWN_VALUE)}…` : text;
}

/**
 * Checks that a parsed JSON value is an audit.k8s.io/v1 Event the replay can use; returns the reason when
 * not. Missing `kind`/`apiVersion` are tolerated (log shippers sometimes
 * drop them); wrong ones are not; `audit.k8s.io/v1beta1` events (Kubernetes before 1.24) are read like v1 ones. An optional member that is `null` (`"user":null`, `"objectRef":null`, as
 * log pipelines write absent fields) counts as absent, as Go's encoding/json decodes null into a struct,
 * pointer, slice or string by leaving it unset; `verb` and `stage` must be strings (an Event always has both).
 */
export function eventProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const ev = value as Record<string, unknown>;
  if (ev.kind != null && ev.kind !== 'Event') return `kind is ${shown(ev.kind)}, expected "Event"`;
  // audit.k8s.io/v1beta1 is what kube-apiserver wrote before Kubernetes 1.24 (kubernetes PR #108092 removed
  // it); its Event has the fields of v1 (objectRef.apiGroup included) plus metadata and timestamp. v1alpha1
  // (1.7–1.8) has no objectRef.apiGroup and is not read.
  if (ev.apiVersion != null && ev.apiVersion !== AUDIT_V1 && ev.apiVersion !== AUDIT_V1BETA1) {
    // The other `kind: Event` of Kubernetes: core/v1 and events.k8s.io Events, what `kubectl get events` lists.
    if (
      ev.apiVersion === 'v1' ||
      (typeof ev.apiVersion === 'string' && ev.apiVersion.startsWith('events.k8s.io/'))
    )
      return (
        `a Kubernetes Event object (apiVersion ${shown(ev.apiVersion)}: what kubectl get events lists, a reason ` +
        "about an object), not an audit event: replay kube-apiserver's audit log (audit.k8s.io/v1 Events)"
      );
    return `apiVersion is ${shown(ev.apiVersion)}, expected "${AUDIT_V1}" (or "${AUDIT_V1BETA1}" from Kubernetes before 1.24)`;
  }
  // "verb":"" is an event: RequestInfo gives a resource request made with a method it has no verb for
  // (OPTIONS, CONNECT, TRACE) the verb "", and Event.verb has no omitempty (pkg/apis/audit/v1/types.go).
  if (ev.verb === undefined) return 'missing verb';
  if (typeof ev.verb !== 'string') return `verb is ${shown(ev.verb)}, expected a string`;
  if (typeof ev.stage !== 'string' || !STAGE_SET.has(ev.stage)) {
    return ev.stage === undefined ? 'missing stage' : `unknown stage ${shown(ev.stage)}`;
  }
  if (ev.objectRef != null && !isPlainObject(ev.objectRef)) {
    return `objectRef is not an object (got ${shown(ev.objectRef)})`;
  }
  if (ev.responseStatus != null && !isPlainObject(ev.responseStatus)) {
    return `responseStatus is not an object (got ${shown(ev.responseStatus)})`;
  }
  if (ev.sourceIPs != null && !Array.isArray(ev.sourceIPs)) {
    return `sourceIPs is not a list (got ${shown(ev.sourceIPs)})`;
  }
  if (ev.userAgent != null && typeof ev.userAgent !== 'string') {
    return `userAgent is not a string (got ${shown(ev.userAgent)})`;
  }
  if (ev.user != null && !isPlainObject(ev.user)) return `user is not an object (got ${shown(ev.user)})`;
  return undefined;
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

// The HTTP method that gives each Kubernetes verb (requestinfo.go maps methods to verbs; get without a name
// becomes list or watch, delete without one deletecollection, and a /watch/ or /proxy/ path segment wins).
const VERB_METHODS: Readonly<Record<string, string>> = {
  get: 'GET',
  list: 'GET',
  watch: 'GET',
  proxy: 'GET',
  create: 'POST',
  update: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  deletecollection: 'DELETE',
};

/**
 * The HTTP method that gives `verb` (a non-resource verb is the lower-case method itself; a resource
 * request's verb "" comes from a method RequestInfo has no verb for, such as OPTIONS).
 */
export function methodOfVerb(verb: string): string {
  return VERB_METHODS[verb] ?? (verb === '' ? 'OPTIONS' : verb.toUpperCase());
}

/** The URL-derived attributes of a request, without its user. */
export type UrlAttributes = Omit<RequestAttributes, 'user' | 'groups'>;

/**
 * The attributes kube-apiserver's RequestInfoFactory derived from the request line, rebuilt from the
 * event's `requestURI` and `verb` (`pkg/endpoints/request/requestinfo.go`, via the engine's
 * `requestFromUrl`): the method is the one that gives `verb`, and the verb stays the logged one (it is
 * `attribs.GetVerb()`). Undefined when the URI is not one kube-apiserver could have logged.
 */
export function urlAttributes(verb: string, requestURI: string): UrlAttributes | undefined {
  const method = methodOfVerb(verb);
  let parsed: RequestAttributes;
  try {
    parsed = requestFromUrl(`${method} ${requestURI}`, { unauthenticated: true });
  } catch {
    return undefined;
  }
  const q = requestURI.indexOf('?');
  const rawPath = q === -1 ? requestURI : requestURI.slice(0, q);
  if (!parsed.resourceRequest) return { verb, resourceRequest: false, path: parsed.path ?? rawPath };
  return {
    verb,
    resourceRequest: true,
    path: rawPath,
    apiGroup: parsed.apiGroup ?? '',
    apiVersion: parsed.apiVersion ?? '',
    resource: parsed.resource ?? '',
    subresource: parsed.subresource ?? '',
    namespace: parsed.namespace ?? '',
    name: parsed.name ?? '',
  };
}

/** Attributes from `objectRef`, for an event without a usable `requestURI` (enriched fields and all). */
export function objectRefAttributes(
  verb: string,
  path: string,
  ref: AuditEvent['objectRef'] | undefined,
): UrlAttributes {
  if (ref === undefined || typeof ref !== 'object' || ref === null)
    return { verb, resourceRequest: false, path };
  return {
    verb,
    resourceRequest: true,
    path,
    apiGroup: str(ref.apiGroup),
    apiVersion: str(ref.apiVersion),
    resource: str(ref.resource),
    subresource: str(ref.subresource),
    namespace: str(ref.namespace),
    name: str(ref.name),
  };
}

/** The user the policy saw: the authenticated `user` (never `impersonatedUser`); none when its name is empty. */
export function eventUser(user: unknown): Pick<RequestAttributes, 'user' | 'groups'> {
  if (typeof user !== 'object' || user === null) return {};
  const u = user as { username?: unknown; groups?: unknown };
  const username = str(u.username);
  if (username === '') return {};
  const groups = u.groups;
  if (!Array.isArray(groups)) return { user: username, groups: [] };
  for (let i = 0; i < groups.length; i++) {
    if (typeof groups[i] !== 'string')
      return { user: username, groups: groups.filter((g) => typeof g === 'string') };
  }
  return { user: username, groups: groups as string[] };
}

/**
 * The request attributes kube-apiserver's policy checker saw for this event. The policy runs once per
 * request, before the handler, on attributes from the request line; `objectRef` is enriched afterwards (a
 * create's name and namespace come from the body), so the attributes come from `requestURI` and `verb`
 * (objectRef only when the event has no usable requestURI). The user is the authenticated one (never
 * `impersonatedUser`: impersonation runs after the policy), and no user at all when `user.username` is
 * empty (failed authentication is evaluated without user info).
 */
export function eventToRequest(ev: AuditEvent): RequestAttributes {
  const uri = str(ev.requestURI);
  const attrs =
    (uri !== '' ? urlAttributes(ev.verb, uri) : undefined) ??
    objectRefAttributes(ev.verb, uri.split('?')[0], ev.objectRef);
  return { ...eventUser(ev.user), ...attrs };
}

/** The level the event was recorded at, or undefined when the field is missing or not a level name. */
export function sourceLevel(ev: AuditEvent): Level | undefined {
  const l = ev.level;
  return l === 'None' || l === 'Metadata' || l === 'Request' || l === 'RequestResponse' ? l : undefined;
}

function hasImageWithoutDigest(containers: unknown): boolean {
  if (!Array.isArray(containers)) return false;
  for (const c of containers) {
    if (typeof c !== 'object' || c === null) continue;
    const image = (c as { image?: unknown }).image;
    if (typeof image === 'string' && !image.includes('@sha256:')) return true;
  }
  return false;
}

/**
 * True when the event carries a Pod create request body (core `pods`, no subresource, verb create) with at
 * least one container, init container or ephemeral container image that has no `@sha256:` digest.
 */
export function podCreateWithoutDigest(ev: AuditEvent): boolean {
  const req = eventToRequest(ev);
  return isPodCreate(req) && bodyHasImageWithoutDigest(ev.requestObject);
}

/** A create of a core Pod (not a subresource): the requests whose body `bodyHasImageWithoutDigest` reads. */
export function isPodCreate(req: RequestAttributes): boolean {
  return (
    req.verb === 'create' &&
    req.resourceRequest &&
    req.resource === 'pods' &&
    !req.subresource &&
    !req.apiGroup
  );
}

/** A Pod body with a container, init container or ephemeral container image lacking `@sha256:`. */
export function bodyHasImageWithoutDigest(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const spec = (body as { spec?: unknown }).spec;
  if (typeof spec !== 'object' || spec === null) return false;
  const s = spec as { containers?: unknown; initContainers?: unknown; ephemeralContainers?: unknown };
  return (
    hasImageWithoutDigest(s.containers) ||
    hasImageWithoutDigest(s.initContainers) ||
    hasImageWithoutDigest(s.ephemeralContainers)
  );
}

/** The level an event was recorded at, when it is one of the four. */
export function sourceLevelOf(level: unknown): Level | undefined {
  return level === 'None' || level === 'Metadata' || level === 'Request' || level === 'RequestResponse'
    ? level
    : undefined;
}
