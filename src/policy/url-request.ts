import { parseFieldSelector, SelectorTerm, selectedName } from './field-selector';
import { RequestIdentity, requestIdentity } from './identity';
import { RequestSpecError } from './request-spec-error';
import { RequestAttributes } from './types';

// URL + method -> attributes, exactly as kube-apiserver's RequestInfoFactory with the API prefixes "api"
// (groupless) and "apis" (k8s.io/apiserver pkg/endpoints/request/requestinfo.go; k8s-audit-semantics.md §5.2).

/** Options of `requestFromUrl`: who sends it, and how. */
export interface RequestFromUrlOptions extends RequestIdentity {
  /** The request is a WebSocket upgrade (always an HTTP GET; kubectl ≥ 1.31 uses it for exec/attach/port-forward). */
  websocket?: boolean;
}

/** The verbs RequestInfoFactory gives resource requests per HTTP method; any other method gets verb "". */
export const METHOD_VERBS: Readonly<Record<string, string>> = {
  POST: 'create',
  GET: 'get',
  HEAD: 'get',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

// Methods of the HTTP standards (RFC 9110 §9, RFC 5789). Go's server accepts any token as a method, but
// nothing but a typo sends another one: we refuse it instead of silently giving the request verb "".
const HTTP_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'CONNECT',
  'TRACE',
]);
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Deprecated verbs given as a path segment; "proxy" never has a subresource.
const PATH_VERBS = new Set(['watch', 'proxy']);
// namespaces/<ns>/<this> is a subresource of the Namespace, not a namespaced resource.
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** Percent-decodes like Go's url.PathUnescape (bytes, then UTF-8); undefined for a malformed escape. */
function unescape(text: string, plusIsSpace: boolean): string | undefined {
  if (!text.includes('%') && !(plusIsSpace && text.includes('+'))) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (c === '+' && plusIsSpace) {
      bytes.push(0x20);
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Go's url.ParseQuery as used by Request.URL.Query(): bad pairs (with ";" or bad escapes) are skipped. */
function parseQuery(query: string): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const pair of query.split('&')) {
    if (pair === '' || pair.includes(';')) continue;
    const eq = pair.indexOf('=');
    const key = unescape(eq < 0 ? pair : pair.slice(0, eq), true);
    const value = unescape(eq < 0 ? '' : pair.slice(eq + 1), true);
    if (key === undefined || value === undefined) continue;
    const list = values.get(key) ?? [];
    list.push(value);
    values.set(key, list);
  }
  return values;
}

/** Go's ParseBool-like query conversion: only "0" and "false" (any case) are false. */
function queryBool(value: string): boolean {
  return !(value === '0' || value.toLowerCase() === 'false');
}

/**
 * Decodes the list options the way the apiserver does before it picks list/watch and a name: a bad
 * fieldSelector or a non-integer limit/timeoutSeconds makes the whole decode fail (then only `watch`
 * is read). Label selectors are not checked here (a bad one also fails the decode upstream).
 */
function listOptions(query: Map<string, string[]>): { watch: boolean; fieldSelector?: SelectorTerm[] } {
  const watchValue = query.get('watch')?.[0];
  const watch = watchValue !== undefined && queryBool(watchValue);
  for (const intParam of ['limit', 'timeoutSeconds']) {
    const v = query.get(intParam)?.[0];
    if (v !== undefined && !/^[+-]?\d+$/.test(v)) return { watch };
  }
  const selector = query.get('fieldSelector')?.[0];
  if (selector === undefined) return { watch };
  const terms = parseFieldSelector(selector);
  return terms ? { watch, fieldSelector: terms } : { watch };
}

function splitMethodAndUrl(spec: string, opts: RequestFromUrlOptions): { method: string; url: string } {
  const parts = spec.trim().split(/\s+/);
  if (parts.length === 0 || parts[0] === '')
    throw new RequestSpecError('empty request: give e.g. "GET /api/v1/pods"');
  if (parts.length > 2) {
    throw new RequestSpecError(
      `expected "METHOD URL" (e.g. "GET /api/v1/pods"), got ${JSON.stringify(spec.trim())}`,
    );
  }
  const given = parts.length === 2 ? parts[0] : 'GET';
  const url = parts[parts.length - 1];
  if (!HTTP_TOKEN.test(given)) throw new RequestSpecError(`"${given}" is not an HTTP method`);
  // Real clients send upper-case methods; accept "get" as GET rather than as an unknown method.
  const method = given.toUpperCase();
  if (!HTTP_METHODS.has(method)) {
    throw new RequestSpecError(
      `unknown HTTP method "${given}": kube-apiserver's RequestInfo would give it the empty verb "" (and no ` +
        `client sends it); use one of ${[...HTTP_METHODS].join(', ')}`,
    );
  }
  if (opts.websocket && method !== 'GET') {
    throw new RequestSpecError(`a WebSocket upgrade is an HTTP GET, not ${method}`);
  }
  return { method, url };
}

/**
 * The attributes kube-apiserver's audit policy sees for `METHOD URL` (e.g.
 * `'GET /api/v1/namespaces/x/pods/y/exec?command=ls'`; the method defaults to GET), exactly per its
 * RequestInfoFactory (k8s-audit-semantics.md §5.2). A standard method without a Kubernetes verb (OPTIONS,
 * CONNECT, TRACE) gives a resource request the verb "", as upstream. Throws `RequestSpecError` for text
 * that is not a request, for a method outside the HTTP standards, and for an identity no authenticator
 * produces (see `requestIdentity`).
 */
export function requestFromUrl(methodAndUrl: string, opts: RequestFromUrlOptions = {}): RequestAttributes {
  if (typeof methodAndUrl !== 'string') {
    throw new TypeError(
      `requestFromUrl: methodAndUrl must be a string such as "GET /api/v1/pods", got ${methodAndUrl === null ? 'null' : typeof methodAndUrl}`,
    );
  }
  const { method, url } = splitMethodAndUrl(methodAndUrl, opts);
  let rest = url.replace(/#.*$/, '');
  const absolute = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?]*/.exec(rest);
  if (absolute) rest = rest.slice(absolute[0].length) || '/';
  if (!rest.startsWith('/')) {
    throw new RequestSpecError(
      `the URL must be a path starting with "/" (or a full https:// URL), got "${url}"`,
    );
  }
  const q = rest.indexOf('?');
  const rawPath = q < 0 ? rest : rest.slice(0, q);
  const path = unescape(rawPath, false);
  if (path === undefined) throw new RequestSpecError(`invalid percent-escape in the path "${rawPath}"`);
  const query = parseQuery(q < 0 ? '' : rest.slice(q + 1));
  const who = requestIdentity(opts);

  const nonResource: RequestAttributes = { ...who, verb: method.toLowerCase(), resourceRequest: false, path };
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  let parts = trimmed === '' ? [] : trimmed.split('/');
  if (parts.length < 3 || (parts[0] !== 'api' && parts[0] !== 'apis')) return nonResource;
  let apiGroup = '';
  if (parts[0] === 'apis') {
    if (parts.length < 4) return nonResource;
    apiGroup = parts[1];
    parts = parts.slice(2);
  } else {
    parts = parts.slice(1);
  }
  const apiVersion = parts[0];
  parts = parts.slice(1);

  let verb: string;
  if (PATH_VERBS.has(parts[0])) {
    if (parts.length < 2) {
      throw new RequestSpecError(
        `"${path}": the path verb "${parts[0]}" needs a resource after it (kube-apiserver answers 500 and audits nothing)`,
      );
    }
    verb = parts[0];
    parts = parts.slice(1);
  } else {
    verb = METHOD_VERBS[method] ?? '';
  }

  let namespace = '';
  if (parts[0] === 'namespaces') {
    if (parts.length > 1) {
      namespace = parts[1];
      if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2])) parts = parts.slice(2);
    }
  }
  const resource = parts[0] ?? '';
  let name = parts[1] ?? '';
  const subresource = parts.length >= 3 && verb !== 'proxy' ? parts[2] : '';

  if (name === '' && verb === 'get') {
    const options = listOptions(query);
    verb = options.watch ? 'watch' : 'list';
    name = selectedName(options.fieldSelector) ?? name;
  }
  if (name === '' && verb === 'delete') verb = 'deletecollection';

  return {
    ...who,
    verb,
    resourceRequest: true,
    namespace,
    apiGroup,
    apiVersion,
    resource,
    subresource,
    name,
  };
}
