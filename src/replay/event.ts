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

const STAGE_SET = new Set<string>(['RequestReceived', 'ResponseStarted', 'ResponseComplete', 'Panic']);

/** Level names to their rank (None lowest). */
export const LEVEL_RANK: Readonly<Record<Level, number>> = {
  None: 0,
  Metadata: 1,
  Request: 2,
  RequestResponse: 3,
};

/**
 * Checks that a parsed JSON value is an audit.k8s.io/v1 Event the replay can use; returns the reason when not.
 * Missing `kind`/`apiVersion` are tolerated (log shippers sometimes drop them); wrong ones are not.
 */
export function eventProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const ev = value as Record<string, unknown>;
  if (ev.kind !== undefined && ev.kind !== 'Event')
    return `kind is ${JSON.stringify(ev.kind)}, expected "Event"`;
  if (ev.apiVersion !== undefined && ev.apiVersion !== 'audit.k8s.io/v1') {
    return `apiVersion is ${JSON.stringify(ev.apiVersion)}, expected "audit.k8s.io/v1"`;
  }
  if (typeof ev.verb !== 'string' || ev.verb === '') return 'missing verb';
  if (typeof ev.stage !== 'string' || !STAGE_SET.has(ev.stage)) {
    return ev.stage === undefined ? 'missing stage' : `unknown stage ${JSON.stringify(ev.stage)}`;
  }
  if (ev.objectRef !== undefined && (typeof ev.objectRef !== 'object' || ev.objectRef === null)) {
    return 'objectRef is not an object';
  }
  if (ev.user !== undefined && (typeof ev.user !== 'object' || ev.user === null))
    return 'user is not an object';
  return undefined;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The request attributes kube-apiserver's policy checker saw for this event: the authenticated user (never
 * `impersonatedUser`, because policy evaluation runs before impersonation), and no user at all when
 * `user.username` is empty (failed authentication is evaluated without user info).
 */
export function eventToRequest(ev: AuditEvent): RequestAttributes {
  const uri = str(ev.requestURI);
  const q = uri.indexOf('?');
  const path = q === -1 ? uri : uri.slice(0, q);
  const username = ev.user !== undefined ? str(ev.user.username) : '';
  const req: RequestAttributes = { verb: ev.verb, resourceRequest: false, path };
  if (username !== '') {
    req.user = username;
    req.groups = Array.isArray(ev.user!.groups) ? ev.user!.groups : [];
  }
  const ref = ev.objectRef;
  if (ref !== undefined) {
    req.resourceRequest = true;
    req.apiGroup = str(ref.apiGroup);
    req.apiVersion = str(ref.apiVersion);
    req.resource = str(ref.resource);
    req.subresource = str(ref.subresource);
    req.namespace = str(ref.namespace);
    req.name = str(ref.name);
  }
  return req;
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
  const ref = ev.objectRef;
  if (ev.verb !== 'create' || ref === undefined || ref.resource !== 'pods') return false;
  if (str(ref.subresource) !== '' || str(ref.apiGroup) !== '') return false;
  const body = ev.requestObject;
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
