import { API_RESOURCES, isClusterScoped } from '../policy/api-resources';
import {
  ANONYMOUS_USER,
  AUTHENTICATED_GROUP,
  DEFAULT_REQUEST_USER,
  NODES_GROUP,
  UNAUTHENTICATED_GROUP,
  RequestIdentity,
  isNodeUserName,
  IMPLIED_GROUPS_HINT,
  requestIdentity,
  serviceAccountNamespace,
} from '../policy/identity';
import type { KubectlRequest } from '../policy/kubectl-request';
import { setNamespaceObjectNamespace } from '../policy/namespace-object';
import { impossibleResourceRequestReason, unknownVerbReason } from '../policy/request-verbs';
import { RequestAttributes } from '../policy/types';
import { requestFromUrl } from '../policy/url-request';
import { OptionSpec, ParsedArgs, flag, stringList, stringOption } from './args';
import { UsageError } from './errors';
import { kubernetesVersionOption } from './shared';

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
    description:
      "the request kubectl sends for these arguments, e.g. 'exec web-0 -n prod -- sh'; --as/--as-group in them " +
      'are impersonation: the policy sees the caller (--user), not the impersonated user',
  },
  user: { type: 'string', value: 'NAME', description: 'authenticated user name (the caller)' },
  group: { type: 'string', multiple: true, value: 'GROUP', description: "the caller's group" },
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
  'api-group': {
    type: 'string',
    value: 'GROUP',
    allowEmpty: true,
    description: 'API group ("" or absent = core)',
  },
  'api-version': { type: 'string', value: 'VERSION', description: 'API version (v1, v1beta1, ...)' },
  namespace: { type: 'string', short: 'n', value: 'NS', description: 'namespace of the object' },
  name: {
    type: 'string',
    value: 'NAME',
    description: 'name of the object (a get, a delete and a subresource request always name one)',
  },
  path: { type: 'string', value: 'PATH', description: 'non-resource URL path (/healthz, /metrics, ...)' },
};

/** The user the request is made as when no user option is given. */
export const DEFAULT_USER = DEFAULT_REQUEST_USER;

/**
 * Builds the request to explain from `--url`, `--kubectl` or the field flags. `--user`/`--group`/
 * `--unauthenticated` name the caller for all three; without them the request comes from an ordinary
 * authenticated user. The groups every apiserver authenticator adds (`system:authenticated`,
 * ServiceAccount groups) are added, as on a real cluster. For `--kubectl`, `--as`/`--as-group` are
 * impersonation (the policy sees the caller) and the notes say which URL kubectl sends.
 */
export async function requestFromArgs(args: ParsedArgs): Promise<{
  request: RequestAttributes;
  notes: string[];
  /** With --kubectl: what kubectl sends, and whom it impersonates. */
  kubectl?: Omit<KubectlRequest, 'request' | 'notes'>;
}> {
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
    // --url and --kubectl each say the whole request: the field flags beside them would be ignored.
    const whole =
      kubectl !== undefined ? 'write them into --kubectl (e.g. -n prod)' : 'write them into the --url path';
    const fix =
      url !== undefined && kubectl !== undefined
        ? 'give --url or --kubectl'
        : `drop the other flags or ${whole}`;
    throw new UsageError(`give the request one way only, got ${used.filter(Boolean).join(', ')}: ${fix}`);
  }

  const unauthenticated = flag(args, 'unauthenticated');
  const user = stringOption(args, 'user');
  const groups = stringList(args, 'group');
  if (unauthenticated && (user !== undefined || groups.length > 0)) {
    throw new UsageError('--unauthenticated cannot be combined with --user or --group');
  }
  const identityGiven = unauthenticated || user !== undefined || groups.length > 0;
  const notes: string[] = [
    ...nodeGroupNotes(user, groups),
    ...unauthenticatedGroupNotes(user, groups),
    ...serviceAccountNameNotes(user),
  ];
  const identity: RequestIdentity = unauthenticated
    ? { unauthenticated }
    : { ...(user !== undefined ? { user } : {}), groups };

  let request: RequestAttributes;
  let sentByKubectl: Omit<KubectlRequest, 'request' | 'notes'> | undefined;
  if (kubectl !== undefined) {
    // kubectl's command and flag tables load only for --kubectl: --url and the field flags start faster.
    const { kubectlRequest } = await import('../policy/kubectl-request');
    const {
      request: sentRequest,
      notes: kubectlNotes,
      ...sent
    } = parseWith(() => kubectlRequest(kubectl, identity), '--kubectl');
    request = sentRequest;
    sentByKubectl = sent;
    notes.push(...kubectlNotes);
    if (!identityGiven && !/(^|\s)--unauthenticated(=|\s|$)/.test(kubectl)) notes.push(defaultUserNote());
  } else {
    request =
      url !== undefined
        ? parseWith(
            () =>
              requestFromUrl(url, {
                ...identity,
                // The URL is parsed as the cluster version the policy is checked for.
                kubernetesVersion: kubernetesVersionOption(stringOption(args, 'kubernetes-version')),
              }),
            '--url',
          )
        : {
            ...requestFromFields(args, notes),
            ...parseWith(() => requestIdentity(identity), '--user/--group'),
          };
    if (!identityGiven) notes.push(defaultUserNote());
    // The method decides the verb (get/list/watch vs create, delete...): a bare path is read as GET, said aloud.
    if (url !== undefined && url.trim().split(/\s+/).length === 1)
      notes.push(
        `--url: no HTTP method given: assumed GET (verb "${request.verb}"); write the method first for another, e.g. '--url "DELETE ${url.trim()}"'`,
      );
    notes.push(...clusterScopedNamespaceNotes(request, url !== undefined ? '--url' : '--namespace'));
  }
  if (request.resourceRequest && request.verb === '') {
    notes.push(
      'the method has no Kubernetes verb: kube-apiserver evaluates the policy with the empty verb "" (and ' +
        'then refuses the request), so only rules without verbs, or with "" among them, can match it',
    );
  }
  return { request, notes, ...(sentByKubectl ? { kubectl: sentByKubectl } : {}) };
}

// A namespace on a resource the package knows to be cluster-scoped (its table: built-in kinds and the Deckhouse
// CRDs) names a URL no API server serves (404); kube-apiserver still audits it with that namespace, as given.
// Core namespaces are apart: their name is their namespace (policy/namespace-object.ts).
function clusterScopedNamespaceNotes(request: RequestAttributes, given: string): string[] {
  const { resource, apiGroup, namespace } = request;
  if (!request.resourceRequest || !namespace || resource === undefined) return [];
  if (apiGroup === '' && resource === 'namespaces') return [];
  if (isClusterScoped(resource, apiGroup) !== true) return [];
  const type = apiGroup ? `${resource}.${apiGroup}` : resource;
  return [
    `${given}: ${type} are cluster-scoped: no API server serves them under a namespace (the request fails ` +
      `with 404, still audited with namespace "${namespace}"); kubectl sends them without one` +
      (given === '--namespace' ? ': drop --namespace' : ''),
  ];
}

// A kubelet's client certificate carries group system:nodes (without it the Node authorizer does not treat the
// user as a node): a node user given without --group is in it, and a --group list without it is pointed out.
// Adds the group to `groups` in place.
function nodeGroupNotes(user: string | undefined, groups: string[]): string[] {
  if (user === undefined || !isNodeUserName(user) || groups.includes(NODES_GROUP)) return [];
  if (groups.length === 0) {
    groups.push(NODES_GROUP);
    return [
      `user ${user} is a node (kubelet): assumed group ${NODES_GROUP}, which node client certificates carry ` +
        '(set the groups yourself with --group)',
    ];
  }
  return [
    `user ${user} is not in group ${NODES_GROUP}: a kubelet's client certificate carries it, and without it ` +
      `the apiserver does not treat the user as a node (add --group ${NODES_GROUP} for a kubelet's request)`,
  ];
}

// Credentials can carry system:unauthenticated (x509.go takes a client certificate's organizations as the
// groups; an authenticating proxy passes X-Remote-Group on): AuthenticatedGroupAdder then adds no
// system:authenticated, so rules for authenticated users (Deckhouse's tail rule #1) miss the request.
function unauthenticatedGroupNotes(user: string | undefined, groups: readonly string[]): string[] {
  if (user === undefined || user === ANONYMOUS_USER || !groups.includes(UNAUTHENTICATED_GROUP)) return [];
  return [
    `user ${user} carries group ${UNAUTHENTICATED_GROUP} (as a client certificate with that organization, or an ` +
      `authenticating proxy's X-Remote-Group, can give it): kube-apiserver then adds no ${AUTHENTICATED_GROUP}, ` +
      `so rules for ${AUTHENTICATED_GROUP} do not match it`,
  ];
}

// serviceaccount.SplitUsername takes exactly system:serviceaccount:<namespace>:<name>; any other name with the
// prefix is an ordinary user (a client certificate's), without the ServiceAccount groups.
function serviceAccountNameNotes(user: string | undefined): string[] {
  if (user === undefined || !user.startsWith('system:serviceaccount')) return [];
  if (serviceAccountNamespace(user) !== undefined) return [];
  return [
    `user ${user} is not a ServiceAccount user name (system:serviceaccount:NAMESPACE:NAME, one of each): taken ` +
      'as an ordinary user, without the ServiceAccount groups',
  ];
}

function defaultUserNote(): string {
  return `no user given: assumed an ordinary authenticated user "${DEFAULT_USER}" (set one with --user/--group, or --unauthenticated)`;
}

function parseWith<T>(parse: () => T, option: string): T {
  try {
    return parse();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // The library's way out (an option of requestIdentity) is no flag of this command.
    throw new UsageError(`${option}: ${message.replace(IMPLIED_GROUPS_HINT, CLI_IDENTITY_FIX)}`);
  }
}

const CLI_IDENTITY_FIX =
  ". Fix: give --user and --group as the user's credentials carry them; the groups kube-apiserver's " +
  "authenticators add (system:authenticated, a ServiceAccount's groups, system:unauthenticated for " +
  'system:anonymous) are added here';

function requestFromFields(args: ParsedArgs, notes: string[]): RequestAttributes {
  const verb = stringOption(args, 'verb');
  if (verb === undefined || verb === '') throw new UsageError('--verb is required with --resource or --path');
  const path = stringOption(args, 'path');
  let resource = stringOption(args, 'resource');
  let subresource = stringOption(args, 'subresource');
  const badVerb = unknownVerbReason(verb, path === undefined);
  if (badVerb !== undefined) throw new UsageError(`--verb: ${badVerb}`);
  if (path !== undefined) {
    const resourceFlags = ['resource', 'subresource', 'api-group', 'api-version', 'namespace', 'name'].filter(
      (f) => args.values[f] !== undefined,
    );
    if (resourceFlags.length > 0) {
      throw new UsageError(`--path is a non-resource request; it cannot have --${resourceFlags[0]}`);
    }
    if (!path.startsWith('/')) throw new UsageError(`--path must start with "/", got '${path}'`);
    return { verb, resourceRequest: false, path: nonResourcePath(path, notes) };
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
  if (apiGroup !== undefined) {
    request.apiGroup = apiGroup;
  } else {
    // kubectl-style `deployments.apps`, or a well-known resource: the group a user means without saying it.
    const dot = resource.indexOf('.');
    const known = dot < 0 ? knownType(resource) : undefined;
    if (dot > 0) {
      request.resource = resource.slice(0, dot);
      request.apiGroup = resource.slice(dot + 1);
      // `deployment.apps`, `deploy.apps`: kubectl resolves the singular or short name in that group, while a
      // policy rule lists the plural, which kube-apiserver puts in the request.
      const plural = API_RESOURCES.find(
        (k) => k.group === request.apiGroup && k.aliases.includes(request.resource!),
      );
      if (plural) {
        notes.push(
          `--resource ${resource}: taken as ${plural.resource}.${plural.group}, the plural the request carries`,
        );
        request.resource = plural.resource;
      }
    } else if (known) {
      request.resource = known.resource;
      request.apiGroup = known.group;
      if (known.group !== '' || known.resource !== resource) {
        notes.push(
          `--resource ${resource}: taken as ${known.resource} in API group "${known.group}" (set --api-group to override)`,
        );
      }
    } else {
      request.apiGroup = '';
    }
  }
  if (apiVersion !== undefined) request.apiVersion = apiVersion;
  if (subresource !== undefined) request.subresource = subresource;
  if (namespace !== undefined) request.namespace = namespace;
  if (name !== undefined) request.name = name;
  const impossible = impossibleResourceRequestReason(request, true);
  if (impossible !== undefined) {
    // --resource apps/deployments reads as resource "apps", subresource "deployments": say how to give a group.
    const groupHint =
      slash >= 0 && name === undefined
        ? '; to give an API group, write RESOURCE.GROUP (deployments.apps) or --api-group'
        : '';
    const nameHint = name === undefined && impossible.endsWith('give the name') ? ' with --name' : '';
    throw new UsageError(
      `--verb ${verb} --resource ${stringOption(args, 'resource')}: ${impossible}${nameHint}${groupHint}`,
    );
  }
  namespaceObjectNamespace(request);
  return request;
}

// A named Namespace object is in the namespace of its own name (policy/namespace-object.ts); -n naming another
// namespace describes no request.
function namespaceObjectNamespace(request: RequestAttributes): void {
  try {
    setNamespaceObjectNamespace(request);
  } catch (err) {
    throw new UsageError(
      `--namespace: ${err instanceof Error ? err.message : String(err)}; drop --namespace`,
    );
  }
}

// The path the policy matches: Go's URL.Path, percent-decoded, without query or fragment; /api/... and
// /apis/... paths that name a resource are resource requests, which --path cannot describe.
function nonResourcePath(path: string, notes: string[]): string {
  const parsed = parseWith(() => requestFromUrl(`GET ${path}`, { unauthenticated: true }), '--path');
  if (parsed.resourceRequest) {
    throw new UsageError(
      `--path ${path} is a resource request (kube-apiserver reads /api/VERSION/... and /apis/GROUP/VERSION/... ` +
        `as resources): describe it with --url 'METHOD ${path}' or with --resource`,
    );
  }
  const matched = parsed.path ?? path;
  if (matched !== path) {
    notes.push(
      `--path: matched as ${matched} (kube-apiserver matches nonResourceURLs on the decoded URL path, without query or fragment)`,
    );
  }
  return matched;
}

// Exact names only: policies compare case-sensitively, so "Pods" stays what it is.
function knownType(resource: string): { resource: string; group: string } | undefined {
  return API_RESOURCES.find((k) => k.resource === resource || k.aliases.includes(resource));
}
