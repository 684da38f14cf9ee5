import { parseFieldSelector, SelectorTerm, selectedName } from './field-selector';
import { RequestIdentity, requestIdentity } from './identity';
import { directRequest } from './kubectl-other-client';
import { RequestSpecError } from './request-spec-error';
import { RequestAttributes } from './types';
import { isGoInt64, isValidLabelSelector, LabelSelectorDialect } from './label-selector';
import { kubernetesVersionProblem, SUPPORTED_KUBERNETES_VERSIONS } from './kubernetes-version';
import { isKubernetesVersionAtLeast } from './version';

// URL + method -> attributes, exactly as kube-apiserver's RequestInfoFactory with the API prefixes "api"
// (groupless) and "apis" (k8s.io/apiserver pkg/endpoints/request/requestinfo.go; k8s-audit-semantics.md §5.2).

/** Options of `requestFromUrl`: who sends it, and how. */
export interface RequestFromUrlOptions extends RequestIdentity {
  /** The request is a WebSocket upgrade (always an HTTP GET; kubectl ≥ 1.31 uses it for exec/attach/port-forward). */
  websocket?: boolean;
  /**
   * The Kubernetes version whose request parsing to follow (label selectors with consecutive commas in a
   * value list parse only from 1.35).
   * @default - the newest version the package models, whose semantics the evaluator implements
   */
  kubernetesVersion?: string;
}

// apimachinery d4f8bebd: `x in (a,,)` parses from this release on.
const DOUBLE_COMMA_FIX_SINCE = '1.35';

const NEWEST_DIALECT: LabelSelectorDialect = {
  legacyDoubleComma: !isKubernetesVersionAtLeast(
    SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1],
    DOUBLE_COMMA_FIX_SINCE,
  ),
};

function labelSelectorDialect(version: unknown): LabelSelectorDialect {
  // Replay derives attributes for every logged request: the default needs no version parsing.
  if (version === undefined) return NEWEST_DIALECT;
  const text = version;
  if (typeof text !== 'string') {
    throw new RequestSpecError(`kubernetesVersion must be a string such as "1.36", got ${typeof text}`);
  }
  const problem = kubernetesVersionProblem(text);
  if (problem !== undefined) throw new RequestSpecError(`kubernetesVersion "${text}": ${problem}`);
  return { legacyDoubleComma: !isKubernetesVersionAtLeast(text, DOUBLE_COMMA_FIX_SINCE) };
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
export const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

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
 * fieldSelector or labelSelector, or a limit/timeoutSeconds that is not a 64-bit integer, makes the whole
 * decode fail (then only `watch` is read).
 */
function listOptions(
  query: Map<string, string[]>,
  dialect: LabelSelectorDialect,
): { watch: boolean; fieldSelector?: SelectorTerm[] } {
  const watchValue = query.get('watch')?.[0];
  const watch = watchValue !== undefined && queryBool(watchValue);
  for (const intParam of ['limit', 'timeoutSeconds']) {
    const v = query.get(intParam)?.[0];
    if (v !== undefined && !isGoInt64(v)) return { watch };
  }
  const labels = query.get('labelSelector')?.[0];
  if (labels !== undefined && !isValidLabelSelector(labels, dialect)) return { watch };
  const selector = query.get('fieldSelector')?.[0];
  if (selector === undefined) return { watch };
  const terms = parseFieldSelector(selector);
  return terms ? { watch, fieldSelector: terms } : { watch };
}

// What kubectl -v=6 and above prints for each request (client-go rest/with_retry and transport
// round_trippers.go): "... round_trippers.go:553] GET https://host/api/v1/pods?limit=500 200 OK in 5
// milliseconds", or structured: ... "Response" verb="GET" url="https://host/api/v1/pods" status="200 OK".
const KLOG_REQUEST =
  /round_trippers\.go:\d+\]\s+(?:"[A-Za-z ]+"\s+verb="([A-Z]+)"\s+url="([^"]+)"|([A-Z]+)\s+(\S+))/;
// An HTTP request line as curl -v ("> GET /api/v1/pods HTTP/2") or an access log shows it.
const REQUEST_LINE = /^(?:>\s*)?([A-Za-z]+)\s+(\S+)\s+HTTP\/[\d.]+$/;
// Kubernetes verbs a user may write for the method, and the request that carries each (requestinfo.go).
const VERB_METHODS: Readonly<Record<string, string>> = {
  get: 'GET /.../NAME',
  list: 'GET /... (no name)',
  watch: 'GET /...?watch=true',
  create: 'POST',
  update: 'PUT',
  delete: 'DELETE /.../NAME',
  deletecollection: 'DELETE /... (no name)',
};

function pastedRequest(spec: string): string {
  // curl or wget to kube-apiserver: the method (-X, or POST with a body) and the URL of the line.
  const words = spec
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/^['"]|['"]$/g, ''));
  const direct = /^(curl|wget)$/.test(words[0]) ? directRequest(words) : undefined;
  if (direct !== undefined) return direct;
  const klog = KLOG_REQUEST.exec(spec);
  if (klog) return `${klog[1] ?? klog[3]} ${klog[2] ?? klog[4]}`;
  const line = REQUEST_LINE.exec(spec.trim());
  return line ? `${line[1]} ${line[2]}` : spec;
}

function splitMethodAndUrl(spec: string, opts: RequestFromUrlOptions): { method: string; url: string } {
  const parts = pastedRequest(spec).trim().split(/\s+/);
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
  const verb = VERB_METHODS[given.toLowerCase()];
  if (!HTTP_METHODS.has(method) && verb !== undefined) {
    throw new RequestSpecError(
      `"${given}" is a Kubernetes verb, not an HTTP method: kube-apiserver derives the verb from the method and ` +
        `the URL; ${/^[aeiou]/.test(given.toLowerCase()) ? 'an' : 'a'} ${given.toLowerCase()} is ${verb}`,
    );
  }
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

/** Schemes a request to kube-apiserver is sent with: HTTPS, WebSockets over TLS (exec, attach), and plain
 * HTTP/WebSocket through `kubectl proxy`. */
const URL_SCHEMES: ReadonlySet<string> = new Set(['https:', 'http:', 'wss:', 'ws:']);

// A full URL pasted from curl or a browser reaches the apiserver only when its scheme and host:port are real:
// curl refuses "http://[::1" and "https://host:notaport" before sending anything, so no request is audited.
function checkOrigin(origin: string): void {
  let parsed: URL;
  try {
    parsed = new URL(`${origin}/`);
  } catch {
    throw new RequestSpecError(
      `"${origin}" is not a valid scheme://host[:port] (an IPv6 address in [...], a port of digits): no ` +
        'client can send this request; write the URL as your client sends it, or only its path ("/api/...")',
    );
  }
  if (!URL_SCHEMES.has(parsed.protocol)) {
    throw new RequestSpecError(
      `"${origin}": kube-apiserver is reached over https:// (or wss:// for exec and attach; http:// through ` +
        `kubectl proxy), not ${parsed.protocol}//; give the URL as the client sends it, or only its path`,
    );
  }
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
  const dialect = labelSelectorDialect(opts.kubernetesVersion);
  let rest = url.replace(/#.*$/, '');
  const absolute = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?]*/.exec(rest);
  if (absolute) {
    checkOrigin(absolute[0]);
    rest = rest.slice(absolute[0].length) || '/';
  }
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
    const options = listOptions(query, dialect);
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
