import { RequestAttributes } from '../policy/types';
import { OptionSpec, ParsedArgs, flag, stringList, stringOption } from './args';
import { UsageError } from './errors';

/** The options that describe one request (explain). */
export const REQUEST_OPTIONS: Record<string, OptionSpec> = {
  url: {
    type: 'string',
    value: "'VERB /path'",
    description: "the request as HTTP method and URL, e.g. 'GET /api/v1/namespaces/x/pods/y/exec'",
  },
  kubectl: {
    type: 'string',
    value: "'ARGS'",
    description: "the request as kubectl arguments, e.g. 'exec web-0 -n prod' or 'get pods -n x --as u'",
  },
  user: { type: 'string', value: 'NAME', description: 'authenticated user name' },
  group: { type: 'string', multiple: true, value: 'GROUP', description: "user's group" },
  unauthenticated: { type: 'boolean', description: 'the request carries no user information at all' },
  verb: {
    type: 'string',
    value: 'VERB',
    description: 'API verb: get, list, watch, create, update, patch, delete, ...',
  },
  resource: {
    type: 'string',
    value: 'RES[/SUB]',
    description: 'resource, optionally with subresource (pods/exec)',
  },
  subresource: { type: 'string', value: 'SUB', description: 'subresource (exec, log, status, ...)' },
  'api-group': { type: 'string', value: 'GROUP', description: 'API group ("" or absent = core)' },
  'api-version': { type: 'string', value: 'VERSION', description: 'API version (v1, v1beta1, ...)' },
  namespace: { type: 'string', short: 'n', value: 'NS', description: 'namespace of the object' },
  name: { type: 'string', value: 'NAME', description: 'name of the object' },
  path: { type: 'string', value: 'PATH', description: 'non-resource URL path (/healthz, /metrics, ...)' },
};

// Every authenticated user carries this group (kube-apiserver's authenticator adds it).
const AUTHENTICATED = 'system:authenticated';
const ANONYMOUS = 'system:anonymous';
const UNAUTHENTICATED = 'system:unauthenticated';

/** Builders for the URL and kubectl forms, injected so the CLI stays a thin front over the engine. */
export interface RequestParsers {
  fromUrl(methodAndUrl: string, opts: { user?: string; groups?: string[] }): RequestAttributes;
  fromKubectl(command: string): RequestAttributes;
}

/** The user the request is made as when no user option is given. */
export const DEFAULT_USER = 'user';

/**
 * Builds the request to explain from `--url`, `--kubectl` or the field flags. `--user`/`--group`/
 * `--unauthenticated` apply to every form; without them the request comes from an ordinary authenticated
 * user. Authenticated users always carry `system:authenticated`, as on a real apiserver.
 */
export function requestFromArgs(
  args: ParsedArgs,
  parsers: RequestParsers,
): { request: RequestAttributes; notes: string[] } {
  const url = stringOption(args, 'url');
  const kubectl = stringOption(args, 'kubectl');
  const fieldFlags = [
    'verb',
    'resource',
    'subresource',
    'api-group',
    'api-version',
    'namespace',
    'name',
    'path',
  ].filter((f) => args.values[f] !== undefined);
  const forms = [url !== undefined, kubectl !== undefined, fieldFlags.length > 0].filter(Boolean).length;
  if (forms === 0) {
    throw new UsageError('describe the request with --url, --kubectl, or --verb with --resource or --path');
  }
  if (forms > 1) {
    const used = [
      url !== undefined && '--url',
      kubectl !== undefined && '--kubectl',
      ...fieldFlags.map((f) => `--${f}`),
    ];
    throw new UsageError(`give the request one way only, got ${used.filter(Boolean).join(', ')}`);
  }

  const unauthenticated = flag(args, 'unauthenticated');
  const user = stringOption(args, 'user');
  const groups = stringList(args, 'group');
  if (unauthenticated && (user !== undefined || groups.length > 0)) {
    throw new UsageError('--unauthenticated cannot be combined with --user or --group');
  }
  const notes: string[] = [];

  let request: RequestAttributes;
  if (url !== undefined) {
    request = parseWith(() => parsers.fromUrl(url, {}), '--url');
  } else if (kubectl !== undefined) {
    request = parseWith(() => parsers.fromKubectl(kubectl), '--kubectl');
  } else {
    request = requestFromFields(args);
  }

  if (unauthenticated) {
    delete request.user;
    delete request.groups;
  } else if (user !== undefined || groups.length > 0) {
    request.user = user ?? request.user ?? DEFAULT_USER;
    request.groups = [...groups];
  } else if (request.user === undefined) {
    request.user = DEFAULT_USER;
    notes.push(
      `no user given: assumed an authenticated user "${DEFAULT_USER}" (use --user/--group or --unauthenticated)`,
    );
  }
  if (request.user !== undefined) {
    // The anonymous user is the one "authenticated" user that is not in system:authenticated.
    const implied = request.user === ANONYMOUS ? UNAUTHENTICATED : AUTHENTICATED;
    const all = [...(request.groups ?? [])];
    if (!all.includes(implied)) all.push(implied);
    request.groups = all;
  }
  return { request, notes };
}

function parseWith(parse: () => RequestAttributes, option: string): RequestAttributes {
  try {
    return { ...parse() };
  } catch (err) {
    throw new UsageError(`${option}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function requestFromFields(args: ParsedArgs): RequestAttributes {
  const verb = stringOption(args, 'verb');
  if (verb === undefined || verb === '') throw new UsageError('--verb is required with --resource or --path');
  const path = stringOption(args, 'path');
  let resource = stringOption(args, 'resource');
  let subresource = stringOption(args, 'subresource');
  if (path !== undefined) {
    const resourceFlags = ['resource', 'subresource', 'api-group', 'api-version', 'namespace', 'name'].filter(
      (f) => args.values[f] !== undefined,
    );
    if (resourceFlags.length > 0) {
      throw new UsageError(`--path is a non-resource request; it cannot have --${resourceFlags[0]}`);
    }
    if (!path.startsWith('/')) throw new UsageError(`--path must start with "/", got '${path}'`);
    return { verb, resourceRequest: false, path };
  }
  if (resource === undefined || resource === '')
    throw new UsageError('--resource (or --path) is required with --verb');
  const slash = resource.indexOf('/');
  if (slash >= 0) {
    if (subresource !== undefined)
      throw new UsageError('give the subresource either in --resource or in --subresource');
    subresource = resource.slice(slash + 1);
    resource = resource.slice(0, slash);
  }
  const request: RequestAttributes = { verb, resourceRequest: true, resource };
  const apiGroup = stringOption(args, 'api-group');
  const apiVersion = stringOption(args, 'api-version');
  const namespace = stringOption(args, 'namespace');
  const name = stringOption(args, 'name');
  request.apiGroup = apiGroup ?? '';
  if (apiVersion !== undefined) request.apiVersion = apiVersion;
  if (subresource !== undefined) request.subresource = subresource;
  if (namespace !== undefined) request.namespace = namespace;
  if (name !== undefined) request.name = name;
  return request;
}

/** A one-line description of a request: `alice (system:authenticated) get pods/exec web-0 in prod`. */
export function describeRequest(request: RequestAttributes): string {
  const who =
    request.user === undefined
      ? 'unauthenticated'
      : `${request.user}${request.groups && request.groups.length > 0 ? ` [${request.groups.join(', ')}]` : ''}`;
  if (!request.resourceRequest) return `${who}: ${request.verb} ${request.path ?? '/'}`;
  const what = `${request.apiGroup ? `${request.apiGroup}/` : ''}${request.resource ?? ''}${request.subresource ? `/${request.subresource}` : ''}`;
  const name = request.name ? ` ${request.name}` : '';
  const where = request.namespace ? ` in namespace ${request.namespace}` : '';
  return `${who}: ${request.verb} ${what}${name}${where}`;
}
