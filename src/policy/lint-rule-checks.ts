import { API_RESOURCES, knownGroupsOf, onlyCustomResources } from './api-resources';
import { closestMatch } from './did-you-mean';
import { LintContext } from './lint-context';
import { checkIdentityTypos } from './lint-identity';
import { RuleKinds, nonEmpty, ruleKinds } from './match';
import { resourceStringBoxes } from './match-box';
import { NAMELESS_VERBS, REQUEST_VERBS } from './request-verbs';
import { PolicyRule } from './types';

// Lint checks about one rule that need no request-space reasoning: literal wildcards, verbs kube-apiserver
// never produces, resource strings and groups that match nothing, exec rules that miss WebSocket exec,
// resourceNames on nameless verbs. They also mark rules that can only match unrealistic requests.

const RESOURCE_VERBS = REQUEST_VERBS.resource;
const NON_RESOURCE_VERBS = REQUEST_VERBS.nonResource;
// Verbs that only exist for RBAC authorization checks; the audit policy sees the request verb instead.
const AUTHZ_ONLY_VERBS: Record<string, string> = {
  impersonate: 'impersonation is checked by authorization; the audited request keeps its own verb',
  bind: 'RBAC checks "bind" when a (Cluster)RoleBinding is created or changed; the audit verb is create/update/patch',
  escalate: 'RBAC checks "escalate" on (Cluster)Role changes; the audit verb is create/update/patch',
  use: 'PodSecurityPolicy-style "use" is an authorization verb, never a request verb',
  approve: 'CSR approval is an update of certificatesigningrequests/approval',
  sign: 'CSR signing is an update of certificatesigningrequests/status',
  attest: '"attest" is an authorization verb, never a request verb',
  connect:
    'exec/attach/port-forward are create (SPDY) or get (WebSocket) on pods/exec, pods/attach, pods/portforward',
};
const VERB_HINTS: Record<string, string> = {
  apply: 'server-side and client-side apply are audited as patch (create when the object is new)',
  replace: 'kubectl replace is audited as update',
  edit: 'kubectl edit is audited as patch',
  read: 'reads are get, list or watch',
  write: 'writes are create, update, patch, delete or deletecollection',
  exec: 'kubectl exec is create or get on pods/exec',
  logs: 'kubectl logs is get on pods/log',
  post: 'for resource requests, POST is audited as create',
  put: 'for resource requests, PUT is audited as update',
  head: 'for resource requests, HEAD is audited as get',
};
const INTERACTIVE_SUBRESOURCES = ['exec', 'attach', 'portforward'];
// The subresources kube-apiserver serves for the core group's built-in resources (Kubernetes 1.32-1.36,
// `kubectl get --raw /api/v1`; pods/resize from 1.33). Nothing can add one to the core group, so a subresource
// outside this list ("pods/exce") matches no request.
const CORE_SUBRESOURCES: Readonly<Record<string, readonly string[]>> = {
  pods: [
    'attach',
    'binding',
    'ephemeralcontainers',
    'eviction',
    'exec',
    'log',
    'portforward',
    'proxy',
    'resize',
    'status',
  ],
  nodes: ['proxy', 'status'],
  services: ['proxy', 'status'],
  namespaces: ['finalize', 'status'],
  serviceaccounts: ['token'],
  persistentvolumeclaims: ['status'],
  persistentvolumes: ['status'],
  replicationcontrollers: ['scale', 'status'],
  resourcequotas: ['status'],
};

/** Whether kube-apiserver produces the verb for a kind of request the rule can match. */
function isRequestVerb(kinds: RuleKinds, verb: string): boolean {
  return (kinds.resource && RESOURCE_VERBS.has(verb)) || (kinds.nonResource && NON_RESOURCE_VERBS.has(verb));
}

/** The per-rule checks of rule i; marks it unrealistic when it can match only requests that never happen. */
export function checkRuleStatically(ctx: LintContext, i: number): void {
  const rule = ctx.rules[i];
  const kinds = ruleKinds(rule);
  const allGlobs = (list: readonly string[] | undefined) =>
    nonEmpty(list) && list.every((v) => v.includes('*'));
  if (
    allGlobs(rule.users) ||
    allGlobs(rule.userGroups) ||
    allGlobs(rule.verbs) ||
    allGlobs(rule.namespaces) ||
    (nonEmpty(rule.verbs) && !rule.verbs.some((v) => isRequestVerb(kinds, v)))
  ) {
    ctx.unrealistic.add(i);
  }
  checkLiteralWildcards(ctx, i, rule);
  checkVerbs(ctx, i, rule);
  checkIdentityTypos(ctx, i, rule);
  checkResourceSpecs(ctx, i, rule);
  checkExecWebsocket(ctx, i, rule);
  checkResourceNames(ctx, i, rule);
}

function checkLiteralWildcards(ctx: LintContext, i: number, rule: PolicyRule): void {
  const fields: Array<
    ['users' | 'userGroups' | 'verbs' | 'namespaces' | 'resourceNames', readonly string[]]
  > = [];
  for (const field of ['users', 'userGroups', 'verbs', 'namespaces'] as const) {
    const list = rule[field];
    if (nonEmpty(list)) fields.push([field, list]);
  }
  for (const gr of rule.resources ?? [])
    if (nonEmpty(gr.resourceNames)) fields.push(['resourceNames', gr.resourceNames]);
  for (const [field, list] of fields) {
    const globs = list.filter((v) => v.includes('*'));
    if (globs.length === 0) continue;
    const all = globs.length === list.length;
    ctx.add({
      code: 'literal-wildcard',
      severity: 'warning',
      ruleIndex: i,
      message:
        `${ctx.label(i)}: ${field} ${JSON.stringify(globs)} ${globs.length > 1 ? 'are' : 'is'} compared literally ` +
        `(kube-apiserver has no wildcards in ${field}), so ${globs.length > 1 ? 'they match' : 'it matches'} nothing` +
        (all ? ` and the rule never matches any request` : ''),
      fix: wildcardFix(field, globs),
    });
  }
}

function checkVerbs(ctx: LintContext, i: number, rule: PolicyRule): void {
  if (!nonEmpty(rule.verbs)) return;
  const kinds = ruleKinds(rule);
  const bad: string[] = [];
  const hints: string[] = [];
  for (const verb of rule.verbs) {
    if (verb.includes('*')) continue; // literal-wildcard reports it
    if (isRequestVerb(kinds, verb)) continue;
    bad.push(verb);
    if (isRequestVerb(kinds, verb.toLowerCase()))
      hints.push(`"${verb}": verbs are compared case-sensitively; use "${verb.toLowerCase()}"`);
    else if (AUTHZ_ONLY_VERBS[verb])
      hints.push(`"${verb}" never appears in audit events (${AUTHZ_ONLY_VERBS[verb]})`);
    else if (VERB_HINTS[verb] && !(kinds.nonResource && NON_RESOURCE_VERBS.has(verb)))
      hints.push(`"${verb}": ${VERB_HINTS[verb]}`);
    else if (kinds.resource && !kinds.nonResource && NON_RESOURCE_VERBS.has(verb)) {
      hints.push(
        `"${verb}" is an HTTP method verb of non-resource URLs; resource requests use Kubernetes verbs`,
      );
    } else if (kinds.nonResource && !kinds.resource && RESOURCE_VERBS.has(verb)) {
      const method =
        { create: 'post', update: 'put', list: 'get', watch: 'get' }[verb] ?? 'the lower-case HTTP method';
      hints.push(`"${verb}": non-resource URLs are audited with the lower-case HTTP method (use ${method})`);
    } else hints.push(`"${verb}" is not a request verb kube-apiserver produces`);
  }
  if (bad.length === 0) return;
  const allowed = [
    ...(kinds.resource ? [...RESOURCE_VERBS] : []),
    ...(kinds.nonResource
      ? [...NON_RESOURCE_VERBS].filter((v) => !kinds.resource || !RESOURCE_VERBS.has(v))
      : []),
  ];
  ctx.add({
    code: 'unknown-verb',
    severity: 'warning',
    ruleIndex: i,
    message:
      `${ctx.label(i)}: verb${bad.length > 1 ? 's' : ''} ${JSON.stringify(bad)} never match: audit policies see ` +
      `request verbs, not RBAC verbs. ${hints.join('; ')}`,
    fix: `use request verbs only: ${allowed.join(', ')}`,
  });
}

// Whether a resource string has a "*" that kube-apiserver compares literally: "*" is a wildcard only as the
// whole string, as the resource of "*/<sub>" or as the subresource of "<res>/*" (checker.go
// ruleMatchesResource; k8s-audit-semantics.md §4.4), so "**", "config*" or "*/*" name no real resource.
function hasLiteralStar(spec: string): boolean {
  if (spec === '*') return false;
  const parts = spec.split('/');
  if (parts.length !== 2) return spec.includes('*');
  const [resource, subresource] = parts;
  return (
    (resource.includes('*') && resource !== '*') ||
    (subresource.includes('*') && subresource !== '*') ||
    (resource === '*' && subresource === '*')
  );
}

function checkResourceSpecs(ctx: LintContext, i: number, rule: PolicyRule): void {
  for (const gr of rule.resources ?? []) {
    const group = gr.group ?? '';
    if (/^v\d+((alpha|beta)\d+)?$/.test(group) || group === 'core' || group.includes('/')) {
      ctx.add({
        code: 'resource-group-mismatch',
        severity: 'warning',
        ruleIndex: i,
        message:
          `${ctx.label(i)}: group "${group}" looks like an API version or the name "core"; audit rules match ` +
          'the API group only (never the version), and the core group is written as ""',
        fix: group.includes('/') ? `use group "${group.split('/')[0]}"` : 'use group: "" for the core group',
      });
    }
    for (const spec of gr.resources ?? []) {
      const [named, ...sub] = spec.split('/');
      const kubectlName = pluralFor(named, group);
      if (kubectlName) {
        const written = [kubectlName.resource, ...sub].join('/');
        ctx.add({
          code: 'unreachable-resource-spec',
          severity: 'warning',
          ruleIndex: i,
          message:
            `${ctx.label(i)}: resource string "${spec}" matches no real request: audit rules compare the plural ` +
            `resource name of the URL, exactly, and "${named}" is kubectl's name for ${kubectlName.resource}`,
          fix:
            `write "${written}"` +
            (group !== '*' && kubectlName.group !== group ? ` in group "${kubectlName.group}"` : ''),
        });
      } else if (
        resourceStringBoxes(spec).length === 0 ||
        hasLiteralStar(spec) ||
        /[A-Z]/.test(spec) ||
        /[^*/a-z0-9.-]/.test(spec)
      ) {
        const lower = spec.toLowerCase();
        ctx.add({
          code: 'unreachable-resource-spec',
          severity: 'warning',
          ruleIndex: i,
          message:
            `${ctx.label(i)}: resource string "${spec}" matches no real request: resources are lower-case plurals, ` +
            'and "*" is a wildcard only as the whole string ("*"), a whole resource ("*/scale") or a whole ' +
            'subresource ("pods/*")',
          fix:
            /[A-Z]/.test(spec) && resourceStringBoxes(lower).length > 0
              ? `write "${lower}"`
              : 'use "*", "<resource>", "<resource>/<subresource>", "*/<subresource>" or "<resource>/*"',
        });
      } else {
        checkCoreSubresource(ctx, i, group, spec);
      }
      const resource = spec.split('/')[0];
      const groups = knownGroupsOf(resource);
      const expected = groups[0];
      // A custom resource's plural may exist in another non-core group too (users.user.openshift.io): only
      // the core group, which has none of them, is taken for a forgotten group.
      const otherCrdGroup = group !== '' && onlyCustomResources(resource);
      if (
        expected !== undefined &&
        group !== '*' &&
        !groups.includes(group) &&
        resource !== '*' &&
        !otherCrdGroup
      ) {
        ctx.add({
          code: 'resource-group-mismatch',
          severity: 'warning',
          ruleIndex: i,
          message:
            `${ctx.label(i)}: "${resource}" is in API group "${expected}", but the entry has group "${group}" ` +
            `(${group === '' ? 'absent or "" means the core group only' : 'groups are matched exactly'}), so ` +
            `${resource} requests are not matched by it`,
          fix: `add an entry { group: "${expected}", resources: ["${spec}"] }`,
        });
      }
    }
  }
}

// A misspelt subresource of a core resource ("pods/exce", "pods/logs") is as dead as a misspelt resource.
function checkCoreSubresource(ctx: LintContext, i: number, group: string, spec: string): void {
  const parts = spec.split('/');
  if (group !== '' || parts.length !== 2) return;
  const [resource, subresource] = parts;
  const known = Object.prototype.hasOwnProperty.call(CORE_SUBRESOURCES, resource)
    ? CORE_SUBRESOURCES[resource]
    : undefined;
  if (known === undefined || subresource === '*' || known.includes(subresource)) return;
  const guess = closestMatch(subresource, known);
  ctx.add({
    code: 'unreachable-resource-spec',
    severity: 'warning',
    ruleIndex: i,
    message:
      `${ctx.label(i)}: resource string "${spec}" matches no real request: ${resource} in the core group has ` +
      `no subresource "${subresource}" (its subresources are ${known.join(', ')})`,
    fix:
      guess !== undefined
        ? `write "${resource}/${guess}"`
        : `use one of ${known.map((s) => `"${resource}/${s}"`).join(', ')}`,
  });
}

function checkExecWebsocket(ctx: LintContext, i: number, rule: PolicyRule): void {
  if (!nonEmpty(rule.verbs) || !rule.verbs.includes('create') || rule.verbs.includes('get')) return;
  const hits = new Set<string>();
  for (const gr of rule.resources ?? []) {
    const group = gr.group ?? '';
    if (group !== '' && group !== '*') continue;
    for (const spec of gr.resources ?? []) {
      // "pods/*" names every subresource of pods, the interactive ones included.
      if (spec === 'pods/*') hits.add(spec);
      for (const sub of INTERACTIVE_SUBRESOURCES)
        if (spec === `pods/${sub}` || spec === `*/${sub}`) hits.add(spec);
    }
  }
  if (hits.size === 0) return;
  ctx.add({
    code: 'exec-websocket',
    severity: 'warning',
    ruleIndex: i,
    message:
      `${ctx.label(i)}: lists verb create but not get for ${[...hits].join(', ')}; kubectl ≥ 1.31 runs exec, ` +
      'attach and port-forward over WebSocket, which kube-apiserver audits with verb get, so those sessions are ' +
      'not matched by this rule',
    fix: 'add "get" to verbs',
  });
}

function checkResourceNames(ctx: LintContext, i: number, rule: PolicyRule): void {
  const named = (rule.resources ?? []).filter((gr) => nonEmpty(gr.resourceNames) && nonEmpty(gr.resources));
  if (named.length === 0) return;
  const nameless = [...NAMELESS_VERBS].filter((v) => !nonEmpty(rule.verbs) || rule.verbs.includes(v));
  if (nameless.length === 0) return;
  ctx.add({
    code: 'resource-names-without-name',
    severity: 'info',
    ruleIndex: i,
    message:
      `${ctx.label(i)}: uses resourceNames, but ${nameless.join('/')} requests carry no object name (the name of a ` +
      'created object is only in the body; lists are named only with fieldSelector=metadata.name=...), so those ' +
      'requests are not matched by it',
    fix: 'add a separate rule without resourceNames for the nameless verbs if they must be covered',
  });
}

function wildcardFix(field: string, globs: readonly string[]): string {
  switch (field) {
    case 'verbs':
      return 'omit verbs to match every verb';
    case 'namespaces':
      return globs.every((g) => g === '*')
        ? 'omit namespaces to match every namespace (and cluster-scoped requests)'
        : 'list the namespaces explicitly (for Deckhouse system namespaces, DECKHOUSE_SYSTEM_NAMESPACES)';
    case 'users': {
      const sa = globs.map((g) => /^system:serviceaccount:([^:*]+):\*$/.exec(g)).find((m) => m);
      if (sa)
        return `use userGroups: ["system:serviceaccounts:${sa[1]}"] (every ServiceAccount of that namespace)`;
      if (globs.some((g) => g.startsWith('system:serviceaccount:')))
        return 'use userGroups: ["system:serviceaccounts"]';
      return 'omit users to match every user, or list the user names';
    }
    case 'userGroups':
      return 'omit userGroups (or use "system:authenticated" for every authenticated user)';
    default:
      return 'omit resourceNames to match every object, or list the names';
  }
}

// The resource a kubectl singular, short or mis-cased name stands for (`pod`, `cm`, `Pod` -> pods), preferring
// the entry's group; undefined for a plural resource name as written, or a name the table does not know.
function pluralFor(name: string, group: string): { resource: string; group: string } | undefined {
  if (name === '*' || API_RESOURCES.some((r) => r.resource === name)) return undefined;
  const lower = name.toLowerCase();
  // A custom resource's name is only taken as such in its own group, the core group or "*": in another group
  // the same word may be a real plural.
  const known = API_RESOURCES.filter(
    (r) =>
      (r.resource === lower || r.aliases.includes(lower)) &&
      (r.source === undefined || r.group === group || group === '' || group === '*'),
  );
  return known.find((r) => r.group === group) ?? known[0];
}
