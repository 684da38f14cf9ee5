// An assertion's request (AuditRequest: a URL, a kubectl command or attributes) as the RequestAttributes the
// evaluator decides: split from assertions.ts, which checks what must hold for the request.
import { REQUEST_FIELDS, requestFieldGuess } from './arguments';
import type { AuditRequest } from './assertions';
import { firstUnknownKey } from './did-you-mean';
import { RequestIdentity, requestIdentity } from './identity';
import { kubectlRequest } from './kubectl-request';
import { setNamespaceObjectNamespace } from './namespace-object';
import { RequestSpecError } from './request-spec-error';
import { impossibleResourceRequestReason, unknownVerbReason } from './request-verbs';
import type { RequestAttributes } from './types';
import { requestFromUrl } from './url-request';

/** The caller a spec names (see `AuditRequest`). */
function specIdentity(spec: AuditRequest): RequestIdentity {
  return {
    ...(spec.user !== undefined ? { user: spec.user } : {}),
    ...(spec.groups !== undefined ? { groups: spec.groups } : {}),
    ...(spec.unauthenticated ? { unauthenticated: true } : {}),
    ...(spec.impliedGroups !== undefined ? { impliedGroups: spec.impliedGroups } : {}),
  };
}

const IDENTITY_KEYS = ['user', 'groups', 'unauthenticated', 'impliedGroups'];
const SPEC_KEYS = [...REQUEST_FIELDS, 'url', 'kubectl', 'websocket', 'unauthenticated', 'impliedGroups'];

/**
 * Refuses a key a spec would ignore: one no field has (`namespaces`), or an attribute beside `kubectl`/`url`,
 * whose command or URL already says what the request is (`{ kubectl: 'get secrets', namespace: 'prod' }` is
 * a request in namespace default). Ignored, each would make the assertion check another request.
 */
function checkSpecKeys(spec: AuditRequest): void {
  const keys = Object.keys(spec).filter((k) => (spec as Record<string, unknown>)[k] !== undefined);
  const unknown = firstUnknownKey(keys, SPEC_KEYS, 'fields', (k) => requestFieldGuess(k, SPEC_KEYS));
  if (unknown !== undefined) {
    throw new RequestSpecError(
      `${unknown.key}: not a field of a request, and would be ignored; ${unknown.fix}`,
    );
  }
  const form = spec.kubectl !== undefined ? 'kubectl' : spec.url !== undefined ? 'url' : undefined;
  if (form === undefined) {
    if (spec.websocket !== undefined) throw new RequestSpecError('websocket: only with url');
    return;
  }
  const allowed = [form, ...IDENTITY_KEYS, ...(form === 'url' ? ['websocket'] : [])];
  const extra = keys.find((k) => !allowed.includes(k));
  if (extra !== undefined) {
    throw new RequestSpecError(
      `${extra}: not used beside ${form}, which says the whole request; ` +
        (form === 'kubectl'
          ? `write it into the command (e.g. -n prod, --subresource status)`
          : `write it into the URL (e.g. GET /api/v1/namespaces/prod/secrets)`),
    );
  }
}

// An assertion checks one decision; for a Pod kubectl picks at run time (`exec deploy/web`) the decision can
// depend on that Pod's name (resourceNames), so the assertion asks for the Pod (explain lists each case).
function fromKubectl(command: string, identity: RequestIdentity = {}): RequestAttributes {
  const sent = kubectlRequest(command, identity);
  if (sent.podLookup !== undefined) {
    throw new RequestSpecError(
      `"${command}": kubectl picks the Pod (of ${sent.podLookup.from}) when it runs, so the request's name is ` +
        'not known and the decision may depend on it; an assertion checks one request: name the Pod instead ' +
        '(or run "deckhouse-audit explain --kubectl" to see the decision for each Pod name)',
    );
  }
  return sent.request;
}

/** The request attributes a spec stands for (see `AuditRequest`); throws on a URL/command it cannot map. */
export function toRequestAttributes(spec: AuditRequest | string): RequestAttributes {
  if (typeof spec === 'string') {
    // "METHOD /path" or "/path" is a URL; anything else (also "/usr/local/bin/kubectl get pods") a command.
    return /^([A-Za-z]+\s+)?\/\S*$/.test(spec.trim()) ? requestFromUrl(spec.trim()) : fromKubectl(spec);
  }
  checkSpecKeys(spec);
  if (spec.kubectl !== undefined) return fromKubectl(spec.kubectl, specIdentity(spec));
  if (spec.url !== undefined) {
    return requestFromUrl(spec.url, {
      ...specIdentity(spec),
      ...(spec.websocket ? { websocket: true } : {}),
    });
  }
  const conveniences = ['unauthenticated', 'impliedGroups', 'websocket'].some((k) => k in spec);
  if (typeof spec.resourceRequest === 'boolean' && !conveniences) {
    const attributes: RequestAttributes = {
      ...spec,
      verb: spec.verb ?? '',
      resourceRequest: spec.resourceRequest,
    };
    delete (attributes as AuditRequest).url;
    delete (attributes as AuditRequest).kubectl;
    return attributes;
  }
  const resourceRequest = spec.resourceRequest ?? !(spec.path !== undefined && spec.resource === undefined);
  const verb = spec.verb ?? 'get';
  const badVerb = unknownVerbReason(verb, resourceRequest);
  if (badVerb !== undefined) throw new RequestSpecError(`verb: ${badVerb}`);
  const req: RequestAttributes = { ...requestIdentity(specIdentity(spec)), verb, resourceRequest };
  if (resourceRequest) {
    req.namespace = spec.namespace ?? '';
    req.apiGroup = spec.apiGroup ?? '';
    if (spec.apiVersion !== undefined) req.apiVersion = spec.apiVersion;
    req.resource = spec.resource ?? '';
    req.subresource = spec.subresource ?? '';
    req.name = spec.name ?? '';
    const impossible = impossibleResourceRequestReason(req);
    if (impossible !== undefined) throw new RequestSpecError(impossible);
    setNamespaceObjectNamespace(req);
  } else {
    req.path = spec.path ?? '/';
  }
  return req;
}
