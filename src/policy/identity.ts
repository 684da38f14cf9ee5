import { shapeOf } from './arguments';
import { RequestSpecError } from './request-spec-error';
import { RequestAttributes } from './types';
import { dns1123SubdomainErrors } from './validate';

// Who a request comes from, as kube-apiserver's authenticators hand it to the audit policy. This is the
// one identity model of the package: request building (URL, kubectl, CLI flags, assertions) and the
// linter's request space both use it (deckhouse-audit.md §8; k8s-audit-semantics.md §5.1). Sources, in
// kubernetes/apiserver: pkg/authentication/group/authenticated_group_adder.go,
// pkg/authentication/request/anonymous/anonymous.go, pkg/authentication/serviceaccount/util.go.

/** The group AuthenticatedGroupAdder gives every authenticated user (`user.AllAuthenticated`). */
export const AUTHENTICATED_GROUP = 'system:authenticated';
/** The group of anonymous requests (`user.AllUnauthenticated`). */
export const UNAUTHENTICATED_GROUP = 'system:unauthenticated';
/** The user name of anonymous requests (`user.Anonymous`). */
export const ANONYMOUS_USER = 'system:anonymous';
/** The group of every ServiceAccount (`serviceaccount.AllServiceAccountsGroup`). */
export const SERVICE_ACCOUNTS_GROUP = 'system:serviceaccounts';

/** The group of node (kubelet) identities (`user.NodesGroup`). */
export const NODES_GROUP = 'system:nodes';

const SERVICE_ACCOUNT_USER_PREFIX = 'system:serviceaccount:';
const NODE_USER_PREFIX = 'system:node:';

/**
 * Whether `user` is named as a node (`system:node:<name>`, kubernetes pkg/auth/nodeidentifier). Such a user
 * is a node only with group `system:nodes`, which its client certificate carries (the kubelet's CSR asks for
 * organization system:nodes, and the CSR approver requires it); no authenticator adds the group.
 */
export function isNodeUserName(user: string): boolean {
  return user.startsWith(NODE_USER_PREFIX) && user.length > NODE_USER_PREFIX.length;
}
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * The namespace of a ServiceAccount user name `system:serviceaccount:<namespace>:<name>`, or undefined when
 * the name is not one (upstream `serviceaccount.SplitUsername`: exactly two parts, the namespace a
 * DNS-1123 label of at most 63 characters, the name a DNS-1123 subdomain of at most 253).
 */
export function serviceAccountNamespace(user: string): string | undefined {
  if (!user.startsWith(SERVICE_ACCOUNT_USER_PREFIX)) return undefined;
  const parts = user.slice(SERVICE_ACCOUNT_USER_PREFIX.length).split(':');
  if (parts.length !== 2) return undefined;
  const [namespace, name] = parts;
  if (namespace.length > 63 || !DNS1123_LABEL.test(namespace)) return undefined;
  if (dns1123SubdomainErrors(name).length > 0) return undefined;
  return namespace;
}

/** The groups the ServiceAccount token authenticator gives the ServiceAccounts of a namespace. */
export function serviceAccountGroups(namespace: string): string[] {
  return [SERVICE_ACCOUNTS_GROUP, `${SERVICE_ACCOUNTS_GROUP}:${namespace}`];
}

/**
 * The groups the policy sees for an authenticated `user` whose credentials carry `groups`:
 * - `system:anonymous` (the anonymous authenticator) is in `system:unauthenticated`;
 * - a ServiceAccount `system:serviceaccount:<ns>:<name>` is in `system:serviceaccounts` and
 *   `system:serviceaccounts:<ns>`;
 * - AuthenticatedGroupAdder then appends `system:authenticated`, except for `system:anonymous` and for
 *   users already in `system:authenticated` or `system:unauthenticated`.
 * Given groups keep their order; added ones follow in the order the authenticators add them.
 */
export function authenticatedGroups(user: string, groups: readonly string[]): string[] {
  const out = [...groups];
  const add = (g: string) => {
    if (!out.includes(g)) out.push(g);
  };
  if (user === ANONYMOUS_USER) {
    add(UNAUTHENTICATED_GROUP);
    return out;
  }
  const namespace = serviceAccountNamespace(user);
  if (namespace !== undefined) serviceAccountGroups(namespace).forEach(add);
  if (!out.includes(AUTHENTICATED_GROUP) && !out.includes(UNAUTHENTICATED_GROUP))
    out.push(AUTHENTICATED_GROUP);
  return out;
}

/**
 * Why a principal is not one kube-apiserver's authenticators produce (undefined when it is one). The
 * model: no user info at all (authentication failed); `system:anonymous` in exactly
 * `system:unauthenticated`; or any other user, in `system:authenticated` unless its credentials carry
 * `system:unauthenticated` (then in neither: see `authenticatedGroups`), a ServiceAccount also in its two
 * ServiceAccount groups.
 */
export function unrealisticIdentity(user: string | undefined, groups: readonly string[]): string | undefined {
  if (user === undefined) {
    return groups.length > 0 ? 'a request without user information carries no groups' : undefined;
  }
  if (user === '') return 'the user name is empty';
  if (user === ANONYMOUS_USER) {
    return groups.length === 1 && groups[0] === UNAUTHENTICATED_GROUP
      ? undefined
      : `${ANONYMOUS_USER} (an anonymous request) is in exactly one group, ${UNAUTHENTICATED_GROUP}`;
  }
  // A user whose credentials carry system:unauthenticated (a client certificate with that organization, an
  // authenticating proxy's X-Remote-Group, a token or OIDC group) is real: x509.go takes the groups from the
  // certificate as they are, and AuthenticatedGroupAdder then adds no system:authenticated.
  const missing = authenticatedGroups(user, groups).filter((g) => !groups.includes(g));
  return missing.length === 0
    ? undefined
    : `an authenticated ${serviceAccountNamespace(user) !== undefined ? 'ServiceAccount ' : ''}user is also in ${missing.join(', ')}`;
}

/** How a library caller uses an identity requestIdentity refuses anyway (the CLI words its own way out). */
export const IMPLIED_GROUPS_HINT = ' (give impliedGroups: false to use it anyway)';

/** The user name requests are made as when no identity is given: an ordinary authenticated user. */
export const DEFAULT_REQUEST_USER = 'user';

/** Who sends a request. */
export interface RequestIdentity {
  /** Authenticated user name. @default DEFAULT_REQUEST_USER (an ordinary authenticated user) */
  user?: string;
  /** Groups of the user's credentials (the groups the authenticators add follow, see `authenticatedGroups`). @default [] */
  groups?: string[];
  /** No user information at all, as for a request whose authentication failed (401). @default false */
  unauthenticated?: boolean;
  /**
   * Add the groups the apiserver's authenticators add (`authenticatedGroups`) and refuse identities they
   * never produce; false takes `user` and `groups` exactly as given.
   * @default true
   */
  impliedGroups?: boolean;
}

// Untyped callers: `groups: 'admins'` would otherwise be spread into the groups a, d, m, i, n, s.
function checkIdentityShape(identity: RequestIdentity): void {
  if (typeof identity !== 'object' || identity === null || Array.isArray(identity))
    throw new TypeError(`the caller must be { user?, groups?, unauthenticated? }, got ${shapeOf(identity)}`);
  const { user, groups, unauthenticated, impliedGroups } = identity as Record<string, unknown>;
  if (user !== undefined && typeof user !== 'string')
    throw new TypeError(`the caller's user must be a string, got ${shapeOf(user)}`);
  if (groups !== undefined && !(Array.isArray(groups) && groups.every((g) => typeof g === 'string')))
    throw new TypeError(
      `the caller's groups must be a list of strings (["dev", ...]), got ${Array.isArray(groups) ? 'a list with a non-string' : shapeOf(groups)}`,
    );
  for (const [name, value] of [
    ['unauthenticated', unauthenticated],
    ['impliedGroups', impliedGroups],
  ] as const) {
    if (value !== undefined && typeof value !== 'boolean')
      throw new TypeError(`the caller's ${name} must be true or false, got ${shapeOf(value)}`);
  }
}

/**
 * The `user` and `groups` attributes of a request sent as `identity` (see `RequestIdentity`). Throws a
 * TypeError for a malformed identity, `RequestSpecError` for an identity no authenticator produces (`system:anonymous` with other
 * groups, an unauthenticated request with a user). A user whose groups hold `system:unauthenticated` is one
 * (a client certificate with that organization): it gets no `system:authenticated`.
 */
export function requestIdentity(identity: RequestIdentity = {}): Pick<RequestAttributes, 'user' | 'groups'> {
  checkIdentityShape(identity);
  if (identity.unauthenticated) {
    if (identity.user !== undefined || (identity.groups?.length ?? 0) > 0) {
      throw new RequestSpecError('an unauthenticated request has no user or groups');
    }
    return {};
  }
  const user = identity.user ?? DEFAULT_REQUEST_USER;
  if (user === '') throw new RequestSpecError('the user name is empty');
  const given = identity.groups ?? [];
  if (identity.impliedGroups === false) return { user, groups: [...given] };
  const groups = authenticatedGroups(user, given);
  const why = unrealisticIdentity(user, groups);
  if (why !== undefined) {
    throw new RequestSpecError(
      `user ${JSON.stringify(user)} with groups ${JSON.stringify(given)}: ${why}, so no real request ` +
        `carries this identity${IMPLIED_GROUPS_HINT}`,
    );
  }
  return { user, groups };
}
