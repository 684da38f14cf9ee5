import { isClusterScoped, resolveResourceType, ResourceType } from './api-resources';
import { parseFieldSelector } from './field-selector';
import { RequestIdentity } from './identity';
import { KubectlFlags, parseKubectlFlags, takesValue } from './kubectl-flags';
import { RequestSpecError } from './request-spec-error';
import { shellWords } from './shell-words';
import { RequestAttributes } from './types';
import { requestFromUrl } from './url-request';

// A kubectl command line -> the HTTP request kubectl sends for it -> the attributes the audit policy sees.
// Each command is mapped to kubectl's real method and URL (read from kubernetes/kubectl pkg/cmd/* and
// k8s.io/cli-runtime's resource.Helper); the attributes are then derived from that URL by
// `requestFromUrl`, so they are exactly what RequestInfoFactory makes of what kubectl sends.

/** The API request a kubectl command sends, and what the audit policy sees of it. */
export interface KubectlRequest {
  /** The HTTP method kubectl uses (GET for a WebSocket upgrade). */
  method: string;
  /** The path and the query parameters that decide the attributes, e.g. `/api/v1/namespaces/prod/pods?limit=500`. */
  url: string;
  /** The attributes kube-apiserver's policy evaluates: those of `method url`, sent by the caller. */
  request: RequestAttributes;
  /** Who kubectl asks to act as (`--as`, `--as-group`); impersonation happens after the policy ran. */
  impersonate?: { user?: string; groups: string[] };
  /** The other requests of the command and other facts worth knowing, as sentences. */
  notes: string[];
}

interface Plan {
  method: string;
  url: string;
  /** The URL is a WebSocket upgrade. */
  websocket?: boolean;
  /** The resource version is not known (a custom resource): the attribute is left out. */
  versionUnknown?: boolean;
  notes?: string[];
}

const DEFAULT_NAMESPACE = 'default';
const LIST_CHUNK = 500; // kubectl's --chunk-size default

// ---- URL building (what k8s.io/client-go's rest.Request does) -------------------------------------------

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

interface Target {
  type: ResourceType;
  /** Namespace of the request ("" for cluster-scoped types and all-namespace lists). */
  namespace: string;
  name: string;
}

function resourceUrl(
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

// ---- arguments -------------------------------------------------------------------------------------

function namespaceOf(type: ResourceType, flags: KubectlFlags, allowAll: boolean): string {
  if (!type.namespaced) return '';
  if (flags.allNamespaces) {
    if (!allowAll) throw new RequestSpecError('-A/--all-namespaces applies to lists and watches only');
    return '';
  }
  return flags.namespace ?? DEFAULT_NAMESPACE;
}

/** `TYPE`, `TYPE NAME` or `TYPE/NAME` (one object at a time). */
function objectArgs(args: readonly string[], command: string): { typeText: string; name: string } {
  if (args.length === 0) {
    throw new RequestSpecError(`"${command}" needs a resource type, e.g. "${command} pods"`);
  }
  const [first, ...rest] = args;
  const slash = first.indexOf('/');
  if (slash >= 0) {
    if (rest.length > 0) throw new RequestSpecError(`unexpected "${rest.join(' ')}" after ${first}`);
    const name = first.slice(slash + 1);
    if (name === '' || name.includes('/')) throw new RequestSpecError(`"${first}" is not TYPE/NAME`);
    return { typeText: first.slice(0, slash), name };
  }
  if (first.includes(',')) {
    throw new RequestSpecError(
      `one resource type at a time: got ${first} (kubectl sends one request per type)`,
    );
  }
  if (rest.length > 1) throw new RequestSpecError(`one object at a time: got names ${rest.join(', ')}`);
  return { typeText: first, name: rest[0] ?? '' };
}

function object(
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
  return { type, namespace: namespaceOf(type, flags, (opts.allowAll ?? false) && name === ''), name };
}

/** The Pod a pod-level command (exec, logs, ...) talks to: `POD` or `pod/POD`. */
function pod(args: readonly string[], command: string, flags: KubectlFlags): Target {
  const first = args[0];
  if (first === undefined)
    throw new RequestSpecError(`"${command}" needs a Pod name, e.g. "${command} web-0"`);
  const slash = first.indexOf('/');
  let name = first;
  if (slash >= 0) {
    const type = resolveResourceType(first.slice(0, slash));
    if (type.resource !== 'pods' || type.group !== '') {
      throw new RequestSpecError(
        `"${command} ${first}": kubectl first looks up a Pod of that ${type.resource}; give the Pod name instead`,
      );
    }
    name = first.slice(slash + 1);
  }
  const type = resolveResourceType('pods');
  return { type, namespace: namespaceOf(type, flags, false), name };
}

function node(args: readonly string[], command: string): Target {
  const name = args[0]?.replace(/^(node|nodes|no)\//, '');
  if (!name) throw new RequestSpecError(`"${command}" needs a Node name, e.g. "${command} worker-1"`);
  return { type: resolveResourceType('nodes'), namespace: '', name };
}

function listParams(flags: KubectlFlags): Array<[string, string]> {
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

function noSelectors(flags: KubectlFlags, command: string): void {
  if (flags.fieldSelector !== undefined || flags.labelSelector !== undefined) {
    throw new RequestSpecError(
      `--field-selector and -l apply to a list or watch (no object name); "${command}" with a name does not use them`,
    );
  }
}

// ---- the commands ------------------------------------------------------------------------------------

function get(args: readonly string[], flags: KubectlFlags): Plan {
  if (flags.raw !== undefined) {
    if (args.length > 0) throw new RequestSpecError('--raw takes no resource type or name');
    return { method: 'GET', url: flags.raw };
  }
  const t = object(args, 'get', flags, { nameRequired: false, allowAll: true });
  if (flags.subresource !== undefined) {
    if (t.name === '') throw new RequestSpecError('--subresource needs an object name');
    if (flags.watch) throw new RequestSpecError('--subresource cannot be watched');
  }
  const notes = unknownTypeNotes(t.type);
  if (t.name !== '') {
    if (flags.fieldSelector !== undefined || flags.labelSelector !== undefined) {
      throw new RequestSpecError('--field-selector and -l apply to a list or watch (no object name)');
    }
    if (!flags.watch) return { method: 'GET', url: resourceUrl(t, flags.subresource), notes };
    // cli-runtime Helper.WatchSingle: a watch of the collection narrowed to the name, from resourceVersion 0.
    const watchUrl = resourceUrl({ ...t, name: '' }, '', [
      ['fieldSelector', `metadata.name=${t.name}`],
      ['resourceVersion', '0'],
      ['watch', 'true'],
    ]);
    return {
      method: 'GET',
      url: watchUrl,
      notes: [
        ...(flags.watchOnly ? [] : [`kubectl first reads the object: GET ${resourceUrl(t)} (verb get)`]),
        ...notes,
      ],
    };
  }
  const params = listParams(flags);
  if (!flags.watch)
    return { method: 'GET', url: resourceUrl(t, '', [...params, ['limit', String(LIST_CHUNK)]]), notes };
  return {
    method: 'GET',
    url: resourceUrl(t, '', [...params, ['watch', 'true']]),
    notes: [
      ...(flags.watchOnly
        ? []
        : [
            `kubectl first lists them: GET ${resourceUrl(t, '', [...params, ['limit', String(LIST_CHUNK)]])} (verb list), ` +
              "then watches from the list's resourceVersion",
          ]),
      ...notes,
    ],
  };
}

function unknownTypeNotes(type: ResourceType): string[] {
  if (type.known) return [];
  return [
    `${type.resource}.${type.group} is not a resource this package knows: taken as a namespaced plural` +
      (type.version === undefined
        ? ' whose version kubectl would find by discovery (VERSION in the URL)'
        : ''),
  ];
}

function describe(args: readonly string[], flags: KubectlFlags): Plan {
  const t = object(args, 'describe', flags, { nameRequired: false, allowAll: true });
  if (t.name !== '') return { method: 'GET', url: resourceUrl(t), notes: unknownTypeNotes(t.type) };
  return {
    method: 'GET',
    url: resourceUrl(t, '', [...listParams(flags), ['limit', String(LIST_CHUNK)]]),
    notes: unknownTypeNotes(t.type),
  };
}

// kubectl create subcommands whose first word after the type picks a generator, not a name.
const CREATE_GENERATORS: Record<string, readonly string[]> = {
  secrets: ['generic', 'tls', 'docker-registry'],
  services: ['clusterip', 'nodeport', 'loadbalancer', 'externalname'],
};

function create(args: readonly string[], flags: KubectlFlags): Plan {
  if (args[0] === 'token') {
    const sa = args[1];
    if (!sa)
      throw new RequestSpecError(
        '"create token" needs a ServiceAccount name, e.g. "create token builder -n ci"',
      );
    const t: Target = {
      type: resolveResourceType('serviceaccounts'),
      namespace: flags.namespace ?? DEFAULT_NAMESPACE,
      name: sa,
    };
    return { method: 'POST', url: resourceUrl(t, 'token') };
  }
  if (args.length === 0)
    throw new RequestSpecError('"create" needs a resource type, e.g. "create deployment web --image=nginx"');
  const type = resolveResourceType(args[0]);
  const generators = CREATE_GENERATORS[type.resource];
  const rest = generators && generators.includes(args[1]) ? args.slice(2) : args.slice(1);
  if (rest.length > 1) throw new RequestSpecError(`one object at a time: got names ${rest.join(', ')}`);
  // A POST goes to the collection: the new object's name is only in the body, not in the attributes.
  const t: Target = { type, namespace: namespaceOf(type, flags, false), name: '' };
  return { method: 'POST', url: resourceUrl(t), notes: unknownTypeNotes(type) };
}

function apply(args: readonly string[], flags: KubectlFlags): Plan {
  const t = object(args, 'apply', flags, { nameRequired: true });
  const url = resourceUrl(t, flags.serverSide ? (flags.subresource ?? '') : '');
  if (flags.serverSide) {
    return {
      method: 'PATCH',
      url,
      notes: [
        'server-side apply is one PATCH (application/apply-patch+yaml), which also creates a new object',
      ],
    };
  }
  if (flags.subresource !== undefined)
    throw new RequestSpecError('--subresource needs --server-side with apply');
  return {
    method: 'PATCH',
    url,
    notes: [
      `kubectl first reads the object: GET ${url} (verb get); a new object is created instead of patched: ` +
        `POST ${resourceUrl({ ...t, name: '' })} (verb create)`,
    ],
  };
}

function patchLike(command: string, method: 'PATCH' | 'PUT', readFirst: boolean) {
  return (args: readonly string[], flags: KubectlFlags): Plan => {
    // label/annotate: "key=value" and "key-" words are the change, not object names.
    const objects =
      command === 'label' || command === 'annotate' ? args.filter((a) => !/=|-$/.test(a)) : args;
    if ((command === 'label' || command === 'annotate') && (flags.all || flags.labelSelector !== undefined)) {
      throw perObject(command, objects, flags, method);
    }
    noSelectors(flags, command);
    const t = object(objects, command, flags, { nameRequired: true });
    const url = resourceUrl(t, flags.subresource ?? '');
    return {
      method,
      url,
      notes: [
        ...(readFirst ? [`kubectl first reads the object: GET ${url} (verb get)`] : []),
        ...unknownTypeNotes(t.type),
      ],
    };
  };
}

/** Commands that act on each object a selector or --all lists: no single request to describe. */
function perObject(
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

function del(args: readonly string[], flags: KubectlFlags): Plan {
  if (flags.raw !== undefined) {
    if (args.length > 0) throw new RequestSpecError('--raw takes no resource type or name');
    return { method: 'DELETE', url: flags.raw };
  }
  const { name } = objectArgs(args, 'delete');
  if (name === '' && (flags.all || flags.labelSelector !== undefined || flags.fieldSelector !== undefined)) {
    throw perObject('delete', args, flags, 'DELETE');
  }
  if (name === '') {
    throw new RequestSpecError(
      '"delete TYPE" needs an object name (kubectl refuses "resource(s) were provided, but no name was specified")',
    );
  }
  noSelectors(flags, 'delete');
  const t = object(args, 'delete', flags, { nameRequired: true });
  return { method: 'DELETE', url: resourceUrl(t), notes: unknownTypeNotes(t.type) };
}

function scale(args: readonly string[], flags: KubectlFlags): Plan {
  const t = object(args, 'scale', flags, { nameRequired: true });
  const url = resourceUrl(t, 'scale');
  // kubectl's scaler: a merge patch of the scale subresource, or GET + PUT with a precondition.
  if (flags.scalePrecondition) {
    return { method: 'PUT', url, notes: [`kubectl first reads the scale: GET ${url} (verb get)`] };
  }
  return { method: 'PATCH', url };
}

/** exec, attach, port-forward: a WebSocket GET (kubectl ≥ 1.31), or the SPDY POST of older clients. */
function stream(
  subresource: string,
  params: Array<[string, string]>,
  target: Target,
  flags: KubectlFlags,
): Plan {
  const url = resourceUrl(target, subresource, params);
  const podUrl = resourceUrl(target);
  return {
    method: flags.spdy ? 'POST' : 'GET',
    url,
    websocket: !flags.spdy,
    notes: [
      `kubectl first reads the Pod: GET ${podUrl} (verb get)`,
      flags.spdy
        ? 'SPDY (kubectl before 1.31, or a WebSocket upgrade that failed) is a POST: verb create'
        : 'kubectl ≥ 1.31 upgrades to a WebSocket (an HTTP GET: verb get) and falls back to SPDY (POST: verb create)',
    ],
  };
}

// corev1.PodExecOptions / PodAttachOptions as query parameters: false booleans are omitted (omitempty);
// with a TTY stderr travels over stdout, so kubectl does not ask for it.
function streamParams(flags: KubectlFlags, command: readonly string[]): Array<[string, string]> {
  const params: Array<[string, string]> = command.map((c) => ['command', c]);
  if (flags.container !== undefined) params.push(['container', flags.container]);
  if (!flags.tty) params.push(['stderr', 'true']);
  params.push(['stdout', 'true']);
  if (flags.stdin) params.push(['stdin', 'true']);
  if (flags.tty) params.push(['tty', 'true']);
  return params;
}

function exec(args: readonly string[], flags: KubectlFlags): Plan {
  const plan = stream('exec', streamParams(flags, flags.command), pod(args, 'exec', flags), flags);
  if (flags.command.length > 0) return plan;
  // kubectl itself insists on a command; the attributes are the same whatever it is.
  return {
    ...plan,
    notes: [...plan.notes!, 'no command after "--": kubectl needs one, the attributes do not'],
  };
}

function attach(args: readonly string[], flags: KubectlFlags): Plan {
  return stream('attach', streamParams(flags, []), pod(args, 'attach', flags), flags);
}

function portForward(args: readonly string[], flags: KubectlFlags): Plan {
  // The ports travel in headers; the URL has no query.
  return stream('portforward', [], pod(args, 'port-forward', flags), flags);
}

function cp(args: readonly string[], flags: KubectlFlags): Plan {
  if (args.length !== 2)
    throw new RequestSpecError('"cp" needs SOURCE and DESTINATION, one of them POD:PATH');
  // cp.go extractFileSpec: "[namespace/]pod:path"; a word without ":" is a local path.
  const remote = args.map((a) => {
    const i = a.indexOf(':');
    if (i === 0) throw new RequestSpecError(`"${a}" is not [NAMESPACE/]POD:PATH`);
    if (i < 0) return undefined;
    const pieces = a.slice(0, i).split('/');
    if (pieces.length > 2) throw new RequestSpecError(`"${a}" is not [NAMESPACE/]POD:PATH`);
    return {
      namespace: pieces.length === 2 ? pieces[0] : undefined,
      pod: pieces[pieces.length - 1],
      path: a.slice(i + 1),
    };
  });
  const [from, to] = remote;
  if ((from === undefined) === (to === undefined)) {
    throw new RequestSpecError(
      '"cp" copies between a Pod and the local machine: exactly one of SOURCE, DESTINATION is POD:PATH',
    );
  }
  const spec = (from ?? to)!;
  const type = resolveResourceType('pods');
  const target: Target = {
    type,
    namespace: spec.namespace ?? flags.namespace ?? DEFAULT_NAMESPACE,
    name: spec.pod,
  };
  const dir = spec.path.replace(/\/[^/]*$/, '');
  const command = from
    ? ['tar', 'cf', '-', spec.path]
    : ['tar', '-xmf', '-', ...(dir !== '' ? ['-C', dir] : [])];
  const plan = stream(
    'exec',
    streamParams({ ...flags, stdin: to !== undefined, tty: false }, command),
    target,
    flags,
  );
  return {
    ...plan,
    notes: [
      'kubectl cp runs tar in the container through exec (pods/exec)' +
        (to ? `, after an exec of "test -d ${spec.path}"` : ''),
      ...plan.notes!,
    ],
  };
}

function logs(args: readonly string[], flags: KubectlFlags): Plan {
  const target = pod(args, 'logs', flags);
  const params: Array<[string, string]> = [];
  if (flags.container !== undefined) params.push(['container', flags.container]);
  if (flags.follow) params.push(['follow', 'true']);
  if (flags.previous) params.push(['previous', 'true']);
  return {
    method: 'GET',
    url: resourceUrl(target, 'log', params),
    notes: [`kubectl first reads the Pod: GET ${resourceUrl(target)} (verb get)`],
  };
}

function debug(args: readonly string[], flags: KubectlFlags): Plan {
  const first = args[0] ?? '';
  const pods = resolveResourceType('pods');
  if (/^(node|nodes|no)\//.test(first)) {
    // Debugging a node creates a Pod on it, in the current namespace.
    return {
      method: 'POST',
      url: resourceUrl({ type: pods, namespace: flags.namespace ?? DEFAULT_NAMESPACE, name: '' }),
      notes: ['kubectl debug node/NAME creates a debugging Pod on that node'],
    };
  }
  const target = pod(args, 'debug', flags);
  if (flags.copyTo !== undefined) {
    return {
      method: 'POST',
      url: resourceUrl({ ...target, name: '' }),
      notes: [`kubectl first reads the Pod: GET ${resourceUrl(target)} (verb get), then creates its copy`],
    };
  }
  return {
    method: 'PATCH',
    url: resourceUrl(target, 'ephemeralcontainers'),
    notes: [`kubectl first reads the Pod: GET ${resourceUrl(target)} (verb get)`],
  };
}

function cordon(command: string) {
  return (args: readonly string[]): Plan => {
    const t = node(args, command);
    return {
      method: 'PATCH',
      url: resourceUrl(t),
      notes: [`kubectl first reads the Node: GET ${resourceUrl(t)} (verb get)`],
    };
  };
}

function drain(args: readonly string[], flags: KubectlFlags): Plan {
  const t = node(args, 'drain');
  const pods = resourceUrl({ type: resolveResourceType('pods'), namespace: '', name: '' }, '', [
    ['fieldSelector', `spec.nodeName=${t.name}`],
  ]);
  const each = flags.disableEviction
    ? 'deletes each Pod: DELETE /api/v1/namespaces/NAMESPACE/pods/POD (verb delete)'
    : 'evicts each Pod: POST /api/v1/namespaces/NAMESPACE/pods/POD/eviction (verb create, pods/eviction)';
  return {
    method: 'PATCH',
    url: resourceUrl(t),
    notes: [
      'drain first cordons the Node (this PATCH)',
      `then lists the Pods on it: GET ${pods} (verb list, every namespace)`,
      `then ${each}; explain one of them with its URL`,
    ],
  };
}

const ROLLOUT_PATCHES = new Set(['restart', 'pause', 'resume', 'undo']);

function rollout(args: readonly string[], flags: KubectlFlags): Plan {
  const [sub, ...rest] = args;
  if (sub !== undefined && ROLLOUT_PATCHES.has(sub)) {
    const t = object(rest, `rollout ${sub}`, flags, { nameRequired: true });
    const notes =
      sub === 'restart'
        ? ['rollout restart patches the Pod template annotation kubectl.kubernetes.io/restartedAt']
        : sub === 'undo'
          ? ['rollout undo first reads the object and its revisions (ReplicaSets or ControllerRevisions)']
          : [];
    return { method: 'PATCH', url: resourceUrl(t), notes };
  }
  if (sub === 'status') {
    const t = object(rest, 'rollout status', flags, { nameRequired: true });
    return {
      method: 'GET',
      url: resourceUrl({ ...t, name: '' }, '', [
        ['fieldSelector', `metadata.name=${t.name}`],
        ['watch', 'true'],
      ]),
      notes: ['rollout status lists the object by name, then watches it (verb watch)'],
    };
  }
  throw new RequestSpecError('supported: rollout restart|pause|resume|undo|status TYPE/NAME');
}

function auth(args: readonly string[], flags: KubectlFlags): Plan {
  const sub = args[0];
  const review = (group: string, resource: string): Plan => ({
    method: 'POST',
    url: resourceUrl({ type: resolveResourceType(`${resource}.${group}`), namespace: '', name: '' }),
  });
  if (sub === 'can-i') {
    if (flags.list) {
      // SelfSubjectRulesReview is cluster-scoped; the namespace travels in its spec.
      return review('authorization.k8s.io', 'selfsubjectrulesreviews');
    }
    if (args.length < 3)
      throw new RequestSpecError('"auth can-i" needs VERB and TYPE, e.g. "auth can-i get pods"');
    return review('authorization.k8s.io', 'selfsubjectaccessreviews');
  }
  if (sub === 'whoami') return review('authentication.k8s.io', 'selfsubjectreviews');
  throw new RequestSpecError('supported: auth can-i VERB TYPE, auth can-i --list, auth whoami');
}

function top(args: readonly string[], flags: KubectlFlags): Plan {
  const [what, name, ...extra] = args;
  if (extra.length > 0)
    throw new RequestSpecError(`one object at a time: got names ${[name, ...extra].join(', ')}`);
  const kind =
    what === 'pod' || what === 'pods' || what === 'po'
      ? 'pods'
      : what === 'node' || what === 'nodes' || what === 'no'
        ? 'nodes'
        : undefined;
  if (!kind) throw new RequestSpecError('supported: top pod [NAME], top node [NAME]');
  const type = resolveResourceType(`${kind}.metrics.k8s.io`);
  const t: Target = { type, namespace: namespaceOf(type, flags, (name ?? '') === ''), name: name ?? '' };
  const params: Array<[string, string]> =
    flags.labelSelector !== undefined ? [['labelSelector', flags.labelSelector]] : [];
  return {
    method: 'GET',
    url: resourceUrl(t, '', t.name === '' ? params : []),
    notes: [
      'kubectl top first asks discovery (GET /api, GET /apis) and uses metrics.k8s.io/v1 where the server has it',
    ],
  };
}

function certificate(args: readonly string[]): Plan {
  const [sub, name, ...extra] = args;
  if ((sub !== 'approve' && sub !== 'deny') || !name || extra.length > 0) {
    throw new RequestSpecError('supported: certificate approve|deny CSR_NAME');
  }
  const t: Target = { type: resolveResourceType('csr'), namespace: '', name };
  return {
    method: 'PUT',
    url: resourceUrl(t, 'approval'),
    notes: [`kubectl first reads the CertificateSigningRequest: GET ${resourceUrl(t)} (verb get)`],
  };
}

function run(args: readonly string[], flags: KubectlFlags): Plan {
  if (args.length !== 1)
    throw new RequestSpecError('"run" needs one Pod name, e.g. "run debug --image=busybox"');
  const type = resolveResourceType('pods');
  return { method: 'POST', url: resourceUrl({ type, namespace: namespaceOf(type, flags, false), name: '' }) };
}

function expose(args: readonly string[], flags: KubectlFlags): Plan {
  const exposed = object(args, 'expose', flags, { nameRequired: true });
  const type = resolveResourceType('services');
  return {
    method: 'POST',
    url: resourceUrl({ type, namespace: namespaceOf(type, flags, false), name: '' }),
    notes: [`kubectl first reads the exposed object: GET ${resourceUrl(exposed)} (verb get)`],
  };
}

function version(args: readonly string[]): Plan {
  if (args.length > 0) throw new RequestSpecError('"version" takes no arguments');
  return { method: 'GET', url: '/version' };
}

function proxy(): Plan {
  throw new RequestSpecError(
    '"kubectl proxy" sends no request of its own: it forwards what you send to it, unchanged, with your ' +
      'credentials; describe that request as a URL, e.g. "GET /api/v1/namespaces/prod/services/web:80/proxy/"',
  );
}

type Command = (args: readonly string[], flags: KubectlFlags) => Plan;

const COMMANDS: Record<string, Command> = {
  get,
  describe,
  create,
  apply,
  edit: patchLike('edit', 'PATCH', true),
  patch: patchLike('patch', 'PATCH', false),
  label: patchLike('label', 'PATCH', true),
  annotate: patchLike('annotate', 'PATCH', true),
  replace: patchLike('replace', 'PUT', false),
  scale,
  delete: del,
  exec,
  attach,
  'port-forward': portForward,
  cp,
  logs,
  debug,
  cordon: cordon('cordon'),
  uncordon: cordon('uncordon'),
  drain,
  rollout,
  auth,
  top,
  certificate,
  run,
  expose,
  version,
  proxy,
};

/** The kubectl commands `kubectlRequest` maps. */
export const KUBECTL_COMMANDS: readonly string[] = Object.keys(COMMANDS);

// Flags that only some commands take.
const WATCH_COMMANDS = new Set(['get']);
const SELECTOR_COMMANDS = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'top']);
const SPDY_COMMANDS = new Set(['exec', 'attach', 'port-forward', 'cp']);

function commandWord(tokens: string[]): { command: string; rest: string[] } {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '--') break;
    if (!t.startsWith('-') || t === '-')
      return { command: t, rest: [...tokens.slice(0, i), ...tokens.slice(i + 1)] };
    if (takesValue(t)) i++;
  }
  throw new RequestSpecError('give a kubectl command, e.g. "get pods -n prod" or "exec web-0 -n prod -- sh"');
}

/**
 * The API request a kubectl command line sends and the attributes kube-apiserver's audit policy sees for
 * it, e.g. `kubectlRequest('delete ns d8-monitoring')` → `DELETE /api/v1/namespaces/d8-monitoring` (verb
 * delete, namespace and name `d8-monitoring`). Commands: get (list; NAME: get; -w: watch; -A: every
 * namespace; --raw), describe, create (POST to the collection; create token: serviceaccounts/token), apply
 * (PATCH; --server-side), edit, patch, label, annotate (PATCH), replace (PUT), scale (PATCH scale), delete
 * (DELETE one object), exec, attach, port-forward, cp (WebSocket GET; `--spdy`: POST), logs, debug
 * (PATCH ephemeralcontainers), cordon, uncordon, drain (PATCH the Node), rollout, auth can-i/whoami (POST a
 * review), top (metrics.k8s.io), certificate approve/deny (PUT approval), run, expose, version.
 *
 * Who sends it: `identity` (default: an ordinary authenticated user; `--unauthenticated` in the command:
 * none). `--as`/`--as-group` are impersonation, which kube-apiserver applies after the audit policy ran:
 * the policy sees the caller, never the impersonated user; they are returned in `impersonate`. Namespaced
 * types default to namespace "default". Throws `RequestSpecError` for what kubectl would not send as one
 * request (e.g. `delete pods --all`: one DELETE per listed Pod) and for flags it does not model.
 */
export function kubectlRequest(command: string, identity: RequestIdentity = {}): KubectlRequest {
  if (typeof command !== 'string') {
    throw new TypeError(
      `kubectlRequest: command must be a string such as "get pods -n prod", got ${command === null ? 'null' : typeof command}`,
    );
  }
  const tokens = shellWords(command.trim());
  if (tokens[0] === 'kubectl' || tokens[0] === 'k') tokens.shift();
  const { command: verb, rest } = commandWord(tokens);
  const handler = Object.prototype.hasOwnProperty.call(COMMANDS, verb) ? COMMANDS[verb] : undefined;
  if (!handler) {
    throw new RequestSpecError(`unknown command "${verb}"; supported: ${KUBECTL_COMMANDS.join(', ')}`);
  }
  const flags = parseKubectlFlags(rest, verb);
  if (flags.watch && !WATCH_COMMANDS.has(verb))
    throw new RequestSpecError('-w/--watch is supported with "get" only');
  if (
    (flags.fieldSelector !== undefined || flags.labelSelector !== undefined) &&
    !SELECTOR_COMMANDS.has(verb)
  ) {
    const flag = flags.fieldSelector !== undefined ? '--field-selector' : '-l/--selector';
    throw new RequestSpecError(`${flag} applies to a list or watch (no object name), not to "${verb}"`);
  }
  if (flags.spdy && !SPDY_COMMANDS.has(verb)) {
    throw new RequestSpecError('--spdy applies to exec, attach, port-forward and cp only');
  }
  if (flags.unauthenticated && (flags.as !== undefined || flags.asGroups.length > 0)) {
    throw new RequestSpecError(
      '--unauthenticated cannot be combined with --as or --as-group: a request without credentials is refused ' +
        '(401) before impersonation is considered',
    );
  }
  if (flags.unauthenticated && (identity.user !== undefined || (identity.groups?.length ?? 0) > 0)) {
    throw new RequestSpecError(
      '--unauthenticated in the command cannot be combined with a caller user or groups',
    );
  }
  const plan = handler(flags.positionals, flags);
  const caller: RequestIdentity = flags.unauthenticated ? { unauthenticated: true } : identity;
  const request = requestFromUrl(`${plan.method} ${plan.url}`, {
    ...caller,
    websocket: plan.websocket ?? false,
  });
  if (plan.url.includes('/VERSION/') && request.resourceRequest) delete request.apiVersion;
  const notes = [...(plan.notes ?? [])];
  let impersonate: KubectlRequest['impersonate'];
  if (flags.as !== undefined || flags.asGroups.length > 0) {
    impersonate = { ...(flags.as !== undefined ? { user: flags.as } : {}), groups: [...flags.asGroups] };
    const who = [flags.as, ...flags.asGroups.map((g) => `group ${g}`)].filter(Boolean).join(', ');
    notes.unshift(
      `--as/--as-group: kubectl asks kube-apiserver to impersonate ${who}; the audit policy runs before ` +
        `impersonation, so it sees the caller (${request.user ?? 'unauthenticated'}), not ${who} ` +
        '(the event records the impersonated user as impersonatedUser)',
    );
  }
  // A namespaced list that names a cluster-scoped kind is caught above; keep the namespace fact visible.
  if (
    request.resourceRequest &&
    isClusterScoped(request.resource ?? '', request.apiGroup) &&
    flags.namespace !== undefined
  ) {
    notes.push(`-n ${flags.namespace} is ignored: ${request.resource} are cluster-scoped`);
  }
  return { method: plan.method, url: plan.url, request, ...(impersonate ? { impersonate } : {}), notes };
}

/** The attributes of the API request a kubectl command sends (see `kubectlRequest`). */
export function requestFromKubectl(command: string, identity: RequestIdentity = {}): RequestAttributes {
  return kubectlRequest(command, identity).request;
}
