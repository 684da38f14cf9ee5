import { RequestAttributes } from './types';

/**
 * Building `RequestAttributes` the way kube-apiserver does (k8s-audit-semantics.md §5): from an HTTP method
 * and URL (`requestFromUrl`, the apiserver's RequestInfoFactory) and from a kubectl-like command line
 * (`requestFromKubectl`). Both throw `RequestSpecError` with a readable message on input they cannot map.
 */

/** Thrown by `requestFromUrl`/`requestFromKubectl` for input that does not describe one API request. */
export class RequestSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestSpecError';
  }
}

/** The user name requests are made as when no identity is given. */
export const DEFAULT_REQUEST_USER = 'user';

/** Who sends a request. */
export interface RequestIdentity {
  /** Authenticated user name. @default DEFAULT_REQUEST_USER (an ordinary authenticated user) */
  user?: string;
  /** Groups of the user (the implied groups are added, see `impliedGroups`). @default [] */
  groups?: string[];
  /** No user information at all, as for a request whose authentication failed (401). @default false */
  unauthenticated?: boolean;
  /**
   * Add the groups the apiserver's authenticators always add: `system:authenticated` (or
   * `system:unauthenticated` for `system:anonymous`), and `system:serviceaccounts` plus
   * `system:serviceaccounts:<namespace>` for `system:serviceaccount:<namespace>:<name>`.
   * @default true
   */
  impliedGroups?: boolean;
}

/** Options of `requestFromUrl`. */
export interface RequestFromUrlOptions extends RequestIdentity {
  /** The request is a WebSocket upgrade (always an HTTP GET; kubectl ≥ 1.31 uses it for exec/attach/port-forward). */
  websocket?: boolean;
}

function identity(opts: RequestIdentity): Pick<RequestAttributes, 'user' | 'groups'> {
  if (opts.unauthenticated) {
    if (opts.user !== undefined || (opts.groups?.length ?? 0) > 0) {
      throw new RequestSpecError('an unauthenticated request has no user or groups');
    }
    return {};
  }
  const user = opts.user ?? DEFAULT_REQUEST_USER;
  if (user === '') throw new RequestSpecError('the user name is empty');
  const groups = [...(opts.groups ?? [])];
  if (opts.impliedGroups ?? true) {
    const implied: string[] = [];
    const sa = /^system:serviceaccount:([^:]+):[^:]+$/.exec(user);
    if (sa) implied.push('system:serviceaccounts', `system:serviceaccounts:${sa[1]}`);
    implied.push(user === 'system:anonymous' ? 'system:unauthenticated' : 'system:authenticated');
    for (const g of implied) if (!groups.includes(g)) groups.push(g);
  }
  return { user, groups };
}

// ---------------------------------------------------------------------------------------------
// URL -> attributes (RequestInfoFactory with API prefixes "api" and "apis", "api" groupless)

const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const METHOD_VERBS: Record<string, string> = {
  POST: 'create',
  GET: 'get',
  HEAD: 'get',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};
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

interface SelectorTerm {
  field: string;
  op: '=' | '==' | '!=';
  value: string;
}

/** Parses a field selector like apimachinery's fields.ParseSelector; undefined when it is invalid. */
export function parseFieldSelector(selector: string): SelectorTerm[] | undefined {
  const parts: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (escaped) escaped = false;
    else if (c === '\\') escaped = true;
    else if (c === ',') {
      parts.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  if (selector.length > 0) parts.push(selector.slice(start));
  parts.sort();
  const terms: SelectorTerm[] = [];
  for (const part of parts) {
    if (part === '') continue;
    let term: SelectorTerm | undefined;
    for (let i = 0; i < part.length && !term; i++) {
      for (const op of ['!=', '==', '='] as const) {
        if (part.startsWith(op, i)) {
          term = { field: part.slice(0, i), op, value: part.slice(i + op.length) };
          break;
        }
      }
    }
    if (!term) return undefined;
    // Values: "\\", "\," and "\=" are escapes; a bare "," or "=" or another escape is an error.
    let value = '';
    let inEscape = false;
    for (const c of term.value) {
      if (inEscape) {
        if (c !== '\\' && c !== ',' && c !== '=') return undefined;
        value += c;
        inEscape = false;
      } else if (c === '\\') inEscape = true;
      else if (c === ',' || c === '=') return undefined;
      else value += c;
    }
    if (inEscape) return undefined;
    terms.push({ ...term, value });
  }
  return terms;
}

/** The value of the first `field=value`/`field==value` term, like Selector.RequiresExactMatch. */
function exactMatch(terms: SelectorTerm[], field: string): string | undefined {
  return terms.find((t) => t.field === field && t.op !== '!=')?.value;
}

function isValidPathSegmentName(name: string): boolean {
  return name !== '.' && name !== '..' && !name.includes('/') && !name.includes('%');
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
  let method = parts.length === 2 ? parts[0] : 'GET';
  const url = parts[parts.length - 1];
  if (!HTTP_TOKEN.test(method)) throw new RequestSpecError(`"${method}" is not an HTTP method`);
  // Real clients send upper-case methods; accept "get" as GET rather than as an unknown method.
  method = method.toUpperCase();
  if (opts.websocket && method !== 'GET') {
    throw new RequestSpecError(`a WebSocket upgrade is an HTTP GET, not ${method}`);
  }
  return { method, url };
}

/**
 * The attributes kube-apiserver's audit policy sees for `METHOD URL` (e.g.
 * `'GET /api/v1/namespaces/x/pods/y/exec?command=ls'`; the method defaults to GET), exactly per its
 * RequestInfoFactory (§5.2). Throws `RequestSpecError` for text that is not a request.
 */
export function requestFromUrl(methodAndUrl: string, opts: RequestFromUrlOptions = {}): RequestAttributes {
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
  const who = identity(opts);

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
    const selected = options.fieldSelector && exactMatch(options.fieldSelector, 'metadata.name');
    if (selected !== undefined && isValidPathSegmentName(selected)) name = selected;
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

// ---------------------------------------------------------------------------------------------
// kubectl-like description -> attributes

interface KnownResource {
  resource: string;
  group: string;
  version: string;
  namespaced: boolean;
  /** Singular and short names kubectl accepts. */
  aliases: string[];
}

const r = (resource: string, group: string, version: string, namespaced: boolean, ...aliases: string[]) => ({
  resource,
  group,
  version,
  namespaced,
  aliases,
});

/** Resource types `requestFromKubectl` knows by name (others need the `resource.group` form). */
export const KUBECTL_RESOURCES: readonly KnownResource[] = [
  r('pods', '', 'v1', true, 'pod', 'po'),
  r('services', '', 'v1', true, 'service', 'svc'),
  r('configmaps', '', 'v1', true, 'configmap', 'cm'),
  r('secrets', '', 'v1', true, 'secret'),
  r('serviceaccounts', '', 'v1', true, 'serviceaccount', 'sa'),
  r('namespaces', '', 'v1', false, 'namespace', 'ns'),
  r('nodes', '', 'v1', false, 'node', 'no'),
  r('events', '', 'v1', true, 'event', 'ev'),
  r('endpoints', '', 'v1', true, 'ep'),
  r('persistentvolumeclaims', '', 'v1', true, 'persistentvolumeclaim', 'pvc'),
  r('persistentvolumes', '', 'v1', false, 'persistentvolume', 'pv'),
  r('replicationcontrollers', '', 'v1', true, 'replicationcontroller', 'rc'),
  r('resourcequotas', '', 'v1', true, 'resourcequota', 'quota'),
  r('limitranges', '', 'v1', true, 'limitrange', 'limits'),
  r('deployments', 'apps', 'v1', true, 'deployment', 'deploy'),
  r('replicasets', 'apps', 'v1', true, 'replicaset', 'rs'),
  r('statefulsets', 'apps', 'v1', true, 'statefulset', 'sts'),
  r('daemonsets', 'apps', 'v1', true, 'daemonset', 'ds'),
  r('controllerrevisions', 'apps', 'v1', true, 'controllerrevision'),
  r('jobs', 'batch', 'v1', true, 'job'),
  r('cronjobs', 'batch', 'v1', true, 'cronjob', 'cj'),
  r('horizontalpodautoscalers', 'autoscaling', 'v2', true, 'horizontalpodautoscaler', 'hpa'),
  r('poddisruptionbudgets', 'policy', 'v1', true, 'poddisruptionbudget', 'pdb'),
  r('ingresses', 'networking.k8s.io', 'v1', true, 'ingress', 'ing'),
  r('networkpolicies', 'networking.k8s.io', 'v1', true, 'networkpolicy', 'netpol'),
  r('ingressclasses', 'networking.k8s.io', 'v1', false, 'ingressclass'),
  r('endpointslices', 'discovery.k8s.io', 'v1', true, 'endpointslice'),
  r('roles', 'rbac.authorization.k8s.io', 'v1', true, 'role'),
  r('rolebindings', 'rbac.authorization.k8s.io', 'v1', true, 'rolebinding'),
  r('clusterroles', 'rbac.authorization.k8s.io', 'v1', false, 'clusterrole'),
  r('clusterrolebindings', 'rbac.authorization.k8s.io', 'v1', false, 'clusterrolebinding'),
  r('leases', 'coordination.k8s.io', 'v1', true, 'lease'),
  r(
    'customresourcedefinitions',
    'apiextensions.k8s.io',
    'v1',
    false,
    'customresourcedefinition',
    'crd',
    'crds',
  ),
  r('storageclasses', 'storage.k8s.io', 'v1', false, 'storageclass', 'sc'),
  r('priorityclasses', 'scheduling.k8s.io', 'v1', false, 'priorityclass', 'pc'),
  r('certificatesigningrequests', 'certificates.k8s.io', 'v1', false, 'certificatesigningrequest', 'csr'),
  r(
    'validatingwebhookconfigurations',
    'admissionregistration.k8s.io',
    'v1',
    false,
    'validatingwebhookconfiguration',
  ),
  r(
    'mutatingwebhookconfigurations',
    'admissionregistration.k8s.io',
    'v1',
    false,
    'mutatingwebhookconfiguration',
  ),
  r('tokenreviews', 'authentication.k8s.io', 'v1', false, 'tokenreview'),
  r('apiservices', 'apiregistration.k8s.io', 'v1', false, 'apiservice'),
  r('moduleconfigs', 'deckhouse.io', 'v1alpha1', false, 'moduleconfig', 'mc'),
  r('nodegroups', 'deckhouse.io', 'v1', false, 'nodegroup', 'ng'),
  r('virtualmachines', 'virtualization.deckhouse.io', 'v1alpha2', true, 'virtualmachine', 'vm', 'vms'),
  r('virtualdisks', 'virtualization.deckhouse.io', 'v1alpha2', true, 'virtualdisk', 'vd', 'vds'),
  r(
    'virtualmachineoperations',
    'virtualization.deckhouse.io',
    'v1alpha2',
    true,
    'virtualmachineoperation',
    'vmop',
  ),
];

const VERSION_SEGMENT = /^v\d+((alpha|beta)\d+)?$/;

/** Resolves `pods`, `po`, `deploy`, `deployments.apps`, `deployments.v1.apps`, `virtualmachines.virtualization.deckhouse.io`. */
function resolveType(text: string): {
  resource: string;
  group: string;
  version?: string;
  namespaced: boolean;
} {
  const type = text.toLowerCase();
  const byName = (t: string) => KUBECTL_RESOURCES.find((k) => k.resource === t || k.aliases.includes(t));
  const dot = type.indexOf('.');
  if (dot < 0) {
    const known = byName(type);
    if (!known) {
      throw new RequestSpecError(
        `unknown resource type "${text}": use a known name (pods, deploy, cm, secrets, ...) or the ` +
          'plural resource with its API group, e.g. widgets.example.com',
      );
    }
    return known;
  }
  const resource = type.slice(0, dot);
  let group = type.slice(dot + 1);
  let version: string | undefined;
  const [first, ...others] = group.split('.');
  if (VERSION_SEGMENT.test(first) && others.length > 0) {
    version = first;
    group = others.join('.');
  }
  const known = KUBECTL_RESOURCES.find(
    (k) => k.group === group && (k.resource === resource || k.aliases.includes(resource)),
  );
  if (known) return { ...known, version: version ?? known.version };
  // An unknown (custom) resource: kubectl would ask discovery; assume the plural as given and namespaced.
  return { resource, group, version, namespaced: true };
}

// Flags that take a value but do not change the request attributes.
const IGNORED_VALUE_FLAGS = new Set([
  '-o',
  '--output',
  '-l',
  '--selector',
  '-c',
  '--container',
  '--image',
  '--context',
  '--kubeconfig',
  '--cluster',
  '--tail',
  '--since',
  '--replicas',
  '--type',
  '-p',
  '--patch',
  '--from-literal',
  '--from-file',
  '--target',
  '--sort-by',
  '--request-timeout',
  '--field-manager',
  '--timeout',
]);
// Flags without a value that do not change the request attributes.
const IGNORED_BOOL_FLAGS = new Set([
  '-i',
  '-t',
  '-it',
  '-ti',
  '--stdin',
  '--tty',
  '--follow',
  '--previous',
  '--timestamps',
  '--all',
  '--server-side',
  '--force-conflicts',
  '--overwrite',
  '--ignore-not-found',
  '--now',
  '--wait',
  '--quiet',
  '-q',
]);

interface KubectlArgs {
  positionals: string[];
  namespace?: string;
  allNamespaces: boolean;
  watch: boolean;
  spdy: boolean;
  unauthenticated: boolean;
  user?: string;
  groups: string[];
  subresource?: string;
  fieldSelector?: string;
  raw?: string;
}

/** Splits a command line into words, honouring single and double quotes and backslashes. */
function words(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | undefined;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) current += text[++i];
      else current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (quote) throw new RequestSpecError(`unterminated ${quote} quote in ${JSON.stringify(text)}`);
  if (inWord) out.push(current);
  return out;
}

function parseKubectlArgs(tokens: string[], command: string): KubectlArgs {
  const args: KubectlArgs = {
    positionals: [],
    allNamespaces: false,
    watch: false,
    spdy: false,
    unauthenticated: false,
    groups: [],
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === '--') break; // the command of exec, not part of the API request
    if (!token.startsWith('-') || token === '-') {
      args.positionals.push(token);
      continue;
    }
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const flag = eq < 0 ? token : token.slice(0, eq);
    const value = (): string => {
      if (eq >= 0) return token.slice(eq + 1);
      const next = tokens[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new RequestSpecError(`${flag} needs a value`);
      }
      i++;
      return next;
    };
    switch (flag) {
      case '-n':
      case '--namespace':
        args.namespace = value();
        break;
      case '-A':
      case '--all-namespaces':
        args.allNamespaces = true;
        break;
      case '-w':
      case '--watch':
        args.watch = true;
        break;
      case '--as':
        args.user = value();
        break;
      case '--as-group':
        args.groups.push(value());
        break;
      case '--unauthenticated':
        args.unauthenticated = true;
        break;
      case '--spdy':
        args.spdy = true;
        break;
      case '--subresource':
        args.subresource = value();
        break;
      case '--field-selector':
        args.fieldSelector = value();
        break;
      case '--raw':
        args.raw = value();
        break;
      case '-f':
      case '--filename':
        if (command === 'logs' && flag === '-f') break; // logs -f = follow
        throw new RequestSpecError(
          `${flag}: files are not read; name the resource instead, e.g. "${command} deployment web -n prod"`,
        );
      default:
        if (IGNORED_VALUE_FLAGS.has(flag)) value();
        else if (!IGNORED_BOOL_FLAGS.has(flag)) {
          throw new RequestSpecError(
            `unsupported flag ${flag}; supported: -n, -A, -w, --as, --as-group, --unauthenticated, --spdy, ` +
              '--subresource, --field-selector, --raw (and output-only flags such as -o, -l, -c, -i, -t)',
          );
        }
    }
  }
  return args;
}

/** What an object argument (`TYPE NAME`, `TYPE/NAME` or `TYPE`) refers to. */
interface Target {
  resource: string;
  group: string;
  version?: string;
  namespaced: boolean;
  name: string;
}

function target(positionals: string[], command: string, nameRequired: boolean): Target {
  if (positionals.length === 0) {
    throw new RequestSpecError(`"${command}" needs a resource type, e.g. "${command} pods"`);
  }
  const [first, ...rest] = positionals;
  let typeText = first;
  let name: string;
  const slash = first.indexOf('/');
  if (slash >= 0) {
    typeText = first.slice(0, slash);
    name = first.slice(slash + 1);
    if (rest.length > 0) throw new RequestSpecError(`unexpected "${rest.join(' ')}" after ${first}`);
  } else if (rest.length > 1) {
    throw new RequestSpecError(`one object at a time: got names ${rest.join(', ')}`);
  } else {
    name = rest[0] ?? '';
  }
  if (nameRequired && name === '') {
    throw new RequestSpecError(`"${command}" needs an object name, e.g. "${command} ${typeText} NAME"`);
  }
  return { ...resolveType(typeText), name };
}

function podName(positionals: string[], command: string): string {
  const first = positionals[0];
  if (first === undefined)
    throw new RequestSpecError(`"${command}" needs a Pod name, e.g. "${command} web-0"`);
  const slash = first.indexOf('/');
  if (slash < 0) return first;
  const type = resolveType(first.slice(0, slash));
  if (type.resource !== 'pods' || type.group !== '') {
    throw new RequestSpecError(
      `"${command} ${first}": kubectl first looks up a Pod of that ${type.resource}; give the Pod name instead`,
    );
  }
  return first.slice(slash + 1);
}

interface Action {
  verb: string;
  target: Target;
  subresource?: string;
}

const OBJECT_COMMANDS: Record<string, { verb: string; nameRequired: boolean; subresource?: string }> = {
  describe: { verb: 'get', nameRequired: true },
  edit: { verb: 'patch', nameRequired: true },
  patch: { verb: 'patch', nameRequired: true },
  apply: { verb: 'patch', nameRequired: true },
  label: { verb: 'patch', nameRequired: true },
  annotate: { verb: 'patch', nameRequired: true },
  replace: { verb: 'update', nameRequired: true },
  scale: { verb: 'patch', nameRequired: true, subresource: 'scale' },
};

// Words after "create TYPE" that pick a generator rather than name the type.
const CREATE_SUBTYPES: Record<string, string[]> = {
  secrets: ['generic', 'tls', 'docker-registry'],
  services: ['clusterip', 'nodeport', 'loadbalancer', 'externalname'],
};

const CONNECT_SUBRESOURCES: Record<string, string> = {
  exec: 'exec',
  attach: 'attach',
  'port-forward': 'portforward',
};

function action(command: string, args: KubectlArgs): Action {
  const pos = args.positionals;
  const pod = (): Target => ({ ...resolveType('pods'), name: podName(pos, command) });
  if (command in CONNECT_SUBRESOURCES) {
    // kubectl >= 1.31 upgrades to WebSocket (GET); the older SPDY transport POSTs (create).
    return { verb: args.spdy ? 'create' : 'get', target: pod(), subresource: CONNECT_SUBRESOURCES[command] };
  }
  switch (command) {
    case 'get': {
      const t = target(pos, command, false);
      return { verb: args.watch ? 'watch' : t.name === '' ? 'list' : 'get', target: t };
    }
    case 'create': {
      if (pos[0] === 'token') {
        const sa = pos[1];
        if (!sa) throw new RequestSpecError('"create token" needs a ServiceAccount name');
        return {
          verb: 'create',
          target: { ...resolveType('serviceaccounts'), name: sa },
          subresource: 'token',
        };
      }
      const t = target(pos.slice(0, 1), command, false);
      // A POST goes to the collection: the new object's name is not part of the request attributes.
      return { verb: 'create', target: { ...t, name: '' } };
    }
    case 'delete': {
      const t = target(pos, command, false);
      return { verb: t.name === '' ? 'deletecollection' : 'delete', target: t };
    }
    case 'logs':
      return { verb: 'get', target: pod(), subresource: 'log' };
    case 'debug': {
      const first = pos[0] ?? '';
      if (/^(node|nodes|no)\//.test(first)) {
        // Debugging a node creates a Pod on it.
        return { verb: 'create', target: { ...resolveType('pods'), name: '' } };
      }
      return { verb: 'patch', target: pod(), subresource: 'ephemeralcontainers' };
    }
    case 'cordon':
    case 'uncordon': {
      const name = pos[0]?.replace(/^(node|nodes|no)\//, '');
      if (!name) throw new RequestSpecError(`"${command}" needs a Node name`);
      return { verb: 'patch', target: { ...resolveType('nodes'), name } };
    }
    case 'auth':
    case 'top':
    case 'run':
    case 'expose':
    case 'drain':
    case 'rollout':
    case 'cp':
    case 'proxy':
      throw new RequestSpecError(
        `"kubectl ${command}" makes several API requests; describe one of them (e.g. "get", "create", "patch", ` +
          'or a URL with requestFromUrl)',
      );
    default: {
      const spec = OBJECT_COMMANDS[command];
      if (!spec) {
        throw new RequestSpecError(
          `unknown command "${command}"; supported: get, describe, create, apply, edit, patch, label, annotate, ` +
            'replace, scale, delete, exec, attach, port-forward, logs, debug, cordon, uncordon',
        );
      }
      // label/annotate: "key=value" and "key-" words are the change, not object names.
      const objects =
        command === 'label' || command === 'annotate' ? pos.filter((p) => !/=|-$/.test(p)) : pos;
      return {
        verb: spec.verb,
        target: target(objects, command, spec.nameRequired),
        subresource: spec.subresource,
      };
    }
  }
}

/**
 * The attributes of the API request a kubectl-like command makes, e.g. `'get pods -n x --as alice --as-group dev'`
 * (list), `'get pod p'` (get), `'get pods -w'` (watch), `'-A'` (all namespaces), `'exec web-0 -n prod'`
 * (get pods/exec over WebSocket; `--spdy` for the old create), `'logs'`, `'port-forward'`, `'create deployment x'`,
 * `'apply'`/`'edit'`/`'patch'` (patch), `'replace'` (update), `'delete TYPE [NAME]'` (delete/deletecollection),
 * `'get --raw /healthz'`. `--as USER`/`--as-group G` state who SENDS the request (the policy sees the
 * authenticated user, not kubectl's impersonated one); without them it is `DEFAULT_REQUEST_USER`;
 * `--unauthenticated` = no user at all. Namespace defaults to "default". Throws `RequestSpecError`.
 */
export function requestFromKubectl(command: string): RequestAttributes {
  const tokens = words(command.trim());
  if (tokens[0] === 'kubectl' || tokens[0] === 'k') tokens.shift();
  const verbWord = tokens.shift();
  if (verbWord === undefined || verbWord.startsWith('-')) {
    throw new RequestSpecError('give a kubectl command, e.g. "get pods -n prod" or "exec web-0 -n prod"');
  }
  if (verbWord === 'create' && tokens[0] !== undefined && !tokens[0].startsWith('-')) {
    const sub = CREATE_SUBTYPES[tokens[0] === 'secret' || tokens[0] === 'secrets' ? 'secrets' : ''];
    const svc = CREATE_SUBTYPES[['service', 'services', 'svc'].includes(tokens[0]) ? 'services' : ''];
    const subs = sub ?? svc;
    if (subs && tokens[1] !== undefined && subs.includes(tokens[1])) tokens.splice(1, 1);
  }
  const args = parseKubectlArgs(tokens, verbWord);
  if (args.unauthenticated && (args.user !== undefined || args.groups.length > 0)) {
    throw new RequestSpecError('--unauthenticated cannot be combined with --as or --as-group');
  }
  const who = identity({ user: args.user, groups: args.groups, unauthenticated: args.unauthenticated });

  if (args.raw !== undefined) {
    if (verbWord !== 'get') throw new RequestSpecError('--raw is supported with "get" only');
    return requestFromUrl(`GET ${args.raw}`, {
      user: args.user,
      groups: args.groups,
      unauthenticated: args.unauthenticated,
    });
  }

  const act = action(verbWord, args);
  const t = act.target;
  let subresource = act.subresource ?? '';
  if (args.subresource !== undefined) {
    if (subresource !== '') throw new RequestSpecError(`--subresource cannot be used with "${verbWord}"`);
    if (t.name === '') throw new RequestSpecError('--subresource needs an object name');
    subresource = args.subresource;
  }
  let name = t.name;
  const verb = act.verb;
  if (args.watch && verbWord !== 'get') throw new RequestSpecError('-w/--watch is supported with "get" only');
  if (args.fieldSelector !== undefined) {
    if (verb !== 'list' && verb !== 'watch' && verb !== 'deletecollection') {
      throw new RequestSpecError(
        '--field-selector applies to a list, watch or collection delete (no object name)',
      );
    }
    // The apiserver takes the name from an exact metadata.name selector on list and watch.
    const terms = parseFieldSelector(args.fieldSelector);
    if (!terms) throw new RequestSpecError(`invalid --field-selector "${args.fieldSelector}"`);
    const selected = verb === 'deletecollection' ? undefined : exactMatch(terms, 'metadata.name');
    if (selected !== undefined && isValidPathSegmentName(selected)) name = selected;
  }
  let namespace = '';
  if (t.namespaced) {
    if (args.allNamespaces) {
      if (t.name !== '' || (verb !== 'list' && verb !== 'watch' && verb !== 'deletecollection')) {
        throw new RequestSpecError('-A/--all-namespaces applies to lists and watches only');
      }
    } else {
      namespace = args.namespace ?? 'default';
    }
  }
  return {
    ...who,
    verb,
    resourceRequest: true,
    namespace,
    apiGroup: t.group,
    ...(t.version !== undefined ? { apiVersion: t.version } : {}),
    resource: t.resource,
    subresource,
    name,
  };
}
