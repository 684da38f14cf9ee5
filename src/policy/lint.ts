import { describeRequest, labelledRule, policyParts, ruleLabel } from './describe';
import { compilePolicy } from './evaluate';
import { RuleKinds, nonEmpty, ruleKinds } from './match';
import { omittedStages } from './rule-block';
import {
  REQUEST_VERBS,
  RuleSpace,
  SearchBudgetExceeded,
  UNIVERSE,
  findUncovered,
  resourceBox,
  resourceStringBoxes,
} from './rule-space';
import { EffectivePolicy, Finding, Level, Policy, PolicyRule, RequestAttributes, RuleOrigin } from './types';

/** The codes `lintPolicy` can report. */
export type LintCode =
  | 'audit-disabled'
  | 'shadowed-rule'
  | 'partially-shadowed-rule'
  | 'rule-matches-nothing'
  | 'sensitive-body'
  | 'literal-wildcard'
  | 'unknown-verb'
  | 'exec-websocket'
  | 'request-received-not-omitted'
  | 'no-catch-all'
  | 'unreachable-resource-spec'
  | 'resource-group-mismatch'
  | 'resource-names-without-name';

/** Severity of a finding. */
export type Severity = Finding['severity'];

/** A lint finding, with the concrete request that demonstrates it when there is one. */
export interface LintFinding extends Finding {
  code: LintCode;
  /** A request that shows the problem (checked with the evaluator). */
  example?: RequestAttributes;
  /** The other rule involved (the shadowing or pre-empting rule), index in the (effective) policy. */
  relatedRuleIndex?: number;
}

/** Options of `lintPolicy`. */
export interface LintOptions {
  /**
   * Severity of sensitive-body findings where credentials really reach the log.
   * @default 'error'
   */
  sensitiveBodySeverity?: Severity;
  /** Per-code severity overrides (applied last). @default - each code's own severity */
  severities?: Partial<Record<LintCode, Severity>>;
  /** Codes not to report. @default - none */
  ignore?: LintCode[];
  /**
   * Which rules get `partially-shadowed-rule` findings.
   * @default - 'custom' for an effective Deckhouse policy (built-in rules are not yours to change), 'all' otherwise
   */
  partialShadowing?: 'all' | 'custom' | 'none';
  /** Example requests per partially-shadowed finding. @default 3 */
  maxExamples?: number;
}

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

interface SensitiveTarget {
  label: string;
  /** The verbs such requests really have (null: every verb). */
  verbs: readonly string[] | null;
  apiGroup: string;
  resource: string;
  subresource: string;
  clusterScoped?: boolean;
  /** Verbs whose recorded body carries the credential, per level (null: every verb). */
  leaks: Partial<Record<Level, readonly string[] | null>>;
  what: string;
}

const SENSITIVE_TARGETS: readonly SensitiveTarget[] = [
  {
    label: 'secrets',
    verbs: null,
    apiGroup: '',
    resource: 'secrets',
    subresource: '',
    leaks: { Request: ['create', 'update', 'patch'], RequestResponse: null },
    what: 'Secret data',
  },
  {
    label: 'configmaps',
    verbs: null,
    apiGroup: '',
    resource: 'configmaps',
    subresource: '',
    leaks: { Request: ['create', 'update', 'patch'], RequestResponse: null },
    what: 'ConfigMap data (often credentials and connection strings)',
  },
  {
    label: 'tokenreviews.authentication.k8s.io',
    verbs: ['create'],
    apiGroup: 'authentication.k8s.io',
    resource: 'tokenreviews',
    subresource: '',
    clusterScoped: true,
    leaks: { Request: ['create'], RequestResponse: ['create'] },
    what: 'the bearer token under review (spec.token)',
  },
  {
    label: 'serviceaccounts/token',
    verbs: ['create'],
    apiGroup: '',
    resource: 'serviceaccounts',
    subresource: 'token',
    leaks: { RequestResponse: ['create'] },
    what: 'the issued ServiceAccount token (status.token of the response)',
  },
];

const SENSITIVE_FIX_RULE =
  '{ level: Metadata, resources: [{ group: "", resources: [secrets, configmaps, serviceaccounts/token] }, ' +
  '{ group: authentication.k8s.io, resources: [tokenreviews] }] }';

// Well-known resources whose API group people often get wrong (group "" is the core group only).
const WELL_KNOWN_GROUP: Record<string, string> = {
  pods: '',
  secrets: '',
  configmaps: '',
  services: '',
  nodes: '',
  namespaces: '',
  serviceaccounts: '',
  persistentvolumes: '',
  persistentvolumeclaims: '',
  replicationcontrollers: '',
  resourcequotas: '',
  limitranges: '',
  deployments: 'apps',
  statefulsets: 'apps',
  daemonsets: 'apps',
  replicasets: 'apps',
  controllerrevisions: 'apps',
  jobs: 'batch',
  cronjobs: 'batch',
  ingresses: 'networking.k8s.io',
  ingressclasses: 'networking.k8s.io',
  networkpolicies: 'networking.k8s.io',
  roles: 'rbac.authorization.k8s.io',
  rolebindings: 'rbac.authorization.k8s.io',
  clusterroles: 'rbac.authorization.k8s.io',
  clusterrolebindings: 'rbac.authorization.k8s.io',
  tokenreviews: 'authentication.k8s.io',
  subjectaccessreviews: 'authorization.k8s.io',
  selfsubjectaccessreviews: 'authorization.k8s.io',
  customresourcedefinitions: 'apiextensions.k8s.io',
  apiservices: 'apiregistration.k8s.io',
  leases: 'coordination.k8s.io',
  endpointslices: 'discovery.k8s.io',
  storageclasses: 'storage.k8s.io',
  volumeattachments: 'storage.k8s.io',
  csidrivers: 'storage.k8s.io',
  horizontalpodautoscalers: 'autoscaling',
  poddisruptionbudgets: 'policy',
  certificatesigningrequests: 'certificates.k8s.io',
  validatingwebhookconfigurations: 'admissionregistration.k8s.io',
  mutatingwebhookconfigurations: 'admissionregistration.k8s.io',
  validatingadmissionpolicies: 'admissionregistration.k8s.io',
  priorityclasses: 'scheduling.k8s.io',
  runtimeclasses: 'node.k8s.io',
};

/** Whether kube-apiserver produces the verb for a kind of request the rule can match. */
function isRequestVerb(kinds: RuleKinds, verb: string): boolean {
  return (kinds.resource && RESOURCE_VERBS.has(verb)) || (kinds.nonResource && NON_RESOURCE_VERBS.has(verb));
}

class Linter {
  readonly findings: LintFinding[] = [];
  readonly space: RuleSpace;
  readonly rules: readonly PolicyRule[];
  private readonly compiled;
  private readonly shadowed = new Set<number>();
  private readonly empty = new Set<number>();
  /** Rules that match only requests kube-apiserver never produces (literal globs, non-request verbs). */
  private readonly unrealistic = new Set<number>();

  constructor(
    readonly policy: Policy,
    readonly origins: RuleOrigin[] | undefined,
    readonly options: LintOptions,
  ) {
    this.rules = Array.isArray(policy.rules) ? policy.rules : [];
    this.space = new RuleSpace(this.rules);
    this.compiled = compilePolicy(policy);
  }

  layer(i: number): string | undefined {
    return this.origins?.[i]?.layer;
  }

  /** Rules the user writes: custom rules of an effective policy, every rule of a plain one. */
  isUsers(i: number): boolean {
    return this.origins === undefined || this.layer(i) === 'custom';
  }

  label(i: number): string {
    return labelledRule(i, this.rules[i], this.origins?.[i]);
  }

  name(i: number): string {
    return ruleLabel(i, this.origins?.[i]);
  }

  add(f: Omit<LintFinding, 'layer'>): void {
    const layer = f.ruleIndex >= 0 ? this.layer(f.ruleIndex) : undefined;
    const finding = asConfigured({ ...f, ...(layer !== undefined ? { layer } : {}) }, this.options);
    if (finding) this.findings.push(finding);
  }

  /** Rule j matches nothing, is shadowed, or matches only requests kube-apiserver never produces. */
  decidesNoRealRequest(j: number): boolean {
    return this.shadowed.has(j) || this.empty.has(j) || this.unrealistic.has(j);
  }

  decider(req: RequestAttributes): number {
    return this.compiled.evaluate(req).ruleIndex;
  }

  /** Makes an example request look like a real one (authenticated users carry system:authenticated, ...). */
  polish(req: RequestAttributes, expected: number): RequestAttributes {
    if (req.user === undefined) return req;
    let out = req;
    const tryGroups = (extra: string[]) => {
      const groups = [...new Set([...(out.groups ?? []), ...extra])];
      const next = { ...out, groups };
      if (this.decider(next) === expected) out = next;
    };
    const sa = /^system:serviceaccount:([^:]+):[^:]+$/.exec(req.user);
    if (sa) tryGroups(['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`]);
    if (req.user !== 'system:anonymous' && !(out.groups ?? []).includes('system:unauthenticated')) {
      tryGroups(['system:authenticated']);
    }
    return out;
  }

  run(): LintFinding[] {
    for (let i = 0; i < this.rules.length; i++) this.checkStatic(i);
    for (let i = 0; i < this.rules.length; i++) this.checkShadowed(i);
    this.checkPartialShadowing();
    for (let i = 0; i < this.rules.length; i++) this.checkSensitive(i);
    for (let i = 0; i < this.rules.length; i++) this.checkRequestReceived(i);
    if (this.origins === undefined) this.checkCatchAll();
    return this.findings.sort((a, b) => a.ruleIndex - b.ruleIndex);
  }

  // ---- per-rule checks that need no request-space reasoning ----------------------------------------

  checkStatic(i: number): void {
    const rule = this.rules[i];
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
      this.unrealistic.add(i);
    }
    this.checkLiteralWildcards(i, rule);
    this.checkVerbs(i, rule);
    this.checkResourceSpecs(i, rule);
    this.checkExecWebsocket(i, rule);
    this.checkResourceNames(i, rule);
  }

  checkLiteralWildcards(i: number, rule: PolicyRule): void {
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
      this.add({
        code: 'literal-wildcard',
        severity: 'warning',
        ruleIndex: i,
        message:
          `${this.label(i)}: ${field} ${JSON.stringify(globs)} ${globs.length > 1 ? 'are' : 'is'} compared literally ` +
          `(kube-apiserver has no wildcards in ${field}), so ${globs.length > 1 ? 'they match' : 'it matches'} nothing` +
          (all ? ` and the rule never matches any request` : ''),
        fix: wildcardFix(field, globs),
      });
    }
  }

  checkVerbs(i: number, rule: PolicyRule): void {
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
        hints.push(
          `"${verb}": non-resource URLs are audited with the lower-case HTTP method (use ${method})`,
        );
      } else hints.push(`"${verb}" is not a request verb kube-apiserver produces`);
    }
    if (bad.length === 0) return;
    const allowed = [
      ...(kinds.resource ? [...RESOURCE_VERBS] : []),
      ...(kinds.nonResource
        ? [...NON_RESOURCE_VERBS].filter((v) => !kinds.resource || !RESOURCE_VERBS.has(v))
        : []),
    ];
    this.add({
      code: 'unknown-verb',
      severity: 'warning',
      ruleIndex: i,
      message:
        `${this.label(i)}: verb${bad.length > 1 ? 's' : ''} ${JSON.stringify(bad)} never match: audit policies see ` +
        `request verbs, not RBAC verbs. ${hints.join('; ')}`,
      fix: `use request verbs only: ${allowed.join(', ')}`,
    });
  }

  checkResourceSpecs(i: number, rule: PolicyRule): void {
    for (const gr of rule.resources ?? []) {
      const group = gr.group ?? '';
      if (/^v\d+((alpha|beta)\d+)?$/.test(group) || group === 'core' || group.includes('/')) {
        this.add({
          code: 'resource-group-mismatch',
          severity: 'warning',
          ruleIndex: i,
          message:
            `${this.label(i)}: group "${group}" looks like an API version or the name "core"; audit rules match ` +
            'the API group only (never the version), and the core group is written as ""',
          fix: group.includes('/')
            ? `use group "${group.split('/')[0]}"`
            : 'use group: "" for the core group',
        });
      }
      for (const spec of gr.resources ?? []) {
        if (
          resourceStringBoxes(spec).length === 0 ||
          spec === '*/*' ||
          /[A-Z]/.test(spec) ||
          /[^*/a-z0-9.-]/.test(spec)
        ) {
          const lower = spec.toLowerCase();
          this.add({
            code: 'unreachable-resource-spec',
            severity: 'warning',
            ruleIndex: i,
            message:
              `${this.label(i)}: resource string "${spec}" matches no real request: resources are lower-case plurals, ` +
              'and "*" is a wildcard only as the whole string ("*"), a whole resource ("*/scale") or a whole ' +
              'subresource ("pods/*")',
            fix:
              /[A-Z]/.test(spec) && resourceStringBoxes(lower).length > 0
                ? `write "${lower}"`
                : 'use "*", "<resource>", "<resource>/<subresource>", "*/<subresource>" or "<resource>/*"',
          });
        }
        const resource = spec.split('/')[0];
        const expected = WELL_KNOWN_GROUP[resource];
        if (expected !== undefined && group !== '*' && expected !== group && resource !== '*') {
          this.add({
            code: 'resource-group-mismatch',
            severity: 'warning',
            ruleIndex: i,
            message:
              `${this.label(i)}: "${resource}" is in API group "${expected}", but the entry has group "${group}" ` +
              `(${group === '' ? 'absent or "" means the core group only' : 'groups are matched exactly'}), so ` +
              `${resource} requests are not matched by it`,
            fix: `add an entry { group: "${expected}", resources: ["${spec}"] }`,
          });
        }
      }
    }
  }

  checkExecWebsocket(i: number, rule: PolicyRule): void {
    if (!nonEmpty(rule.verbs) || !rule.verbs.includes('create') || rule.verbs.includes('get')) return;
    const hits = new Set<string>();
    for (const gr of rule.resources ?? []) {
      const group = gr.group ?? '';
      if (group !== '' && group !== '*') continue;
      for (const spec of gr.resources ?? []) {
        for (const sub of INTERACTIVE_SUBRESOURCES)
          if (spec === `pods/${sub}` || spec === `*/${sub}`) hits.add(spec);
      }
    }
    if (hits.size === 0) return;
    this.add({
      code: 'exec-websocket',
      severity: 'warning',
      ruleIndex: i,
      message:
        `${this.label(i)}: lists verb create but not get for ${[...hits].join(', ')}; kubectl ≥ 1.31 runs exec, ` +
        'attach and port-forward over WebSocket, which kube-apiserver audits with verb get, so those sessions are ' +
        'not matched by this rule',
      fix: 'add "get" to verbs',
    });
  }

  checkResourceNames(i: number, rule: PolicyRule): void {
    const named = (rule.resources ?? []).filter((gr) => nonEmpty(gr.resourceNames) && nonEmpty(gr.resources));
    if (named.length === 0) return;
    const nameless = ['create', 'list', 'watch', 'deletecollection'].filter(
      (v) => !nonEmpty(rule.verbs) || rule.verbs.includes(v),
    );
    if (nameless.length === 0) return;
    this.add({
      code: 'resource-names-without-name',
      severity: 'info',
      ruleIndex: i,
      message:
        `${this.label(i)}: uses resourceNames, but ${nameless.join('/')} requests carry no object name (the name of a ` +
        'created object is only in the body; lists are named only with fieldSelector=metadata.name=...), so those ' +
        'requests are not matched by it',
      fix: 'add a separate rule without resourceNames for the nameless verbs if they must be covered',
    });
  }

  // ---- request-space checks -------------------------------------------------------------------------

  checkShadowed(j: number): void {
    if (this.space.boxes[j].length === 0) {
      this.empty.add(j);
      this.add({
        code: 'rule-matches-nothing',
        severity: this.isUsers(j) ? 'error' : 'warning',
        ruleIndex: j,
        message: `${this.label(j)}: none of its resource strings can match a request, so the rule never applies`,
        fix: 'fix the resource strings (see unreachable-resource-spec) or remove the rule',
      });
      return;
    }
    if (!this.space.isShadowed(j)) return;
    this.shadowed.add(j);
    let cover = -1;
    for (let i = 0; i < j && cover < 0; i++) if (this.space.contains(i, j)) cover = i;
    const rule = this.rules[j];
    let by: string;
    if (cover >= 0) {
      const same = this.rules[cover].level === rule.level;
      by =
        `every request it matches is matched first by ${this.label(cover)}` +
        (same
          ? ' (same level, so removing it changes nothing)'
          : `, so those requests get ${this.rules[cover].level}, not ${rule.level}`);
    } else {
      const parts = [];
      for (let i = 0; i < j; i++) if (this.space.overlaps(i, j)) parts.push(String(i));
      by = `earlier rules ${parts.join(', ')} together match every request it matches`;
    }
    const custom = this.layer(j) === 'custom';
    const builtIn = this.origins !== undefined && !custom;
    const coverBuiltIn = cover >= 0 && this.origins !== undefined && this.layer(cover) !== 'custom';
    // A custom catch-all takes over from Deckhouse's tail rules: intended, so only informational.
    const tailReplaced = this.layer(j) === 'tail' && cover >= 0 && this.layer(cover) === 'custom';
    this.add({
      code: 'shadowed-rule',
      severity: custom ? 'error' : tailReplaced ? 'info' : 'warning',
      ruleIndex: j,
      ...(cover >= 0 ? { relatedRuleIndex: cover } : {}),
      message: `${this.label(j)} can never decide a request: ${by}`,
      fix: tailReplaced
        ? `nothing to do if intended: ${this.name(cover)} decides every request the tail ` +
          'rule would, so unauthenticated requests get its level instead of Metadata'
        : builtIn
          ? 'built-in Deckhouse rule: nothing to change in your policy (it is dead code upstream)'
          : custom && (coverBuiltIn || cover < 0)
            ? 'custom rules run after the built-in ones and cannot override them: remove the rule, or set ' +
              'basicAuditPolicyEnabled: false and re-create the built-in rules you need in your own order'
            : cover >= 0
              ? `remove the rule, or move it before ${this.name(cover)} if it should win`
              : 'remove the rule, or move it before the rules that pre-empt it',
    });
  }

  checkPartialShadowing(): void {
    const scope = this.options.partialShadowing ?? (this.origins ? 'custom' : 'all');
    if (scope === 'none') return;
    const max = this.options.maxExamples ?? 3;
    for (let j = 0; j < this.rules.length; j++) {
      if (this.decidesNoRealRequest(j)) continue;
      if (scope === 'custom' && this.origins && this.layer(j) !== 'custom') continue;
      const rule = this.rules[j];
      const found: Array<{ i: number; req: RequestAttributes }> = [];
      for (let i = 0; i < j; i++) {
        if (this.rules[i].level === rule.level || this.unrealistic.has(i) || !this.space.overlaps(i, j))
          continue;
        // Within one author's rules, an earlier rule inside this one is a deliberate exception.
        if (this.layer(i) === this.layer(j) && this.space.contains(j, i)) continue;
        const example = this.space.preemptionExample(i, j);
        if (!example) continue;
        const req = this.polish(example, i);
        if (this.decider(req) !== i) continue; // never claim what the evaluator does not confirm
        found.push({ i, req });
      }
      // Broad pre-emptions (e.g. "every list at Metadata") say more than narrow noise exceptions.
      const examples = found
        .map((e, order) => ({ ...e, order, score: specificity(this.rules[e.i]) }))
        .sort((a, b) => a.score - b.score || a.order - b.order)
        .slice(0, max);
      if (examples.length === 0) continue;
      const byBuiltIn = this.origins !== undefined && examples.some((e) => this.layer(e.i) !== 'custom');
      const lines = examples.map(
        (e) => `${describeRequest(e.req)} is decided by ${this.label(e.i)} → ${this.rules[e.i].level}`,
      );
      if (found.length > examples.length)
        lines.push(`${found.length - examples.length} more earlier rules do the same`);
      this.add({
        code: 'partially-shadowed-rule',
        severity: byBuiltIn && this.layer(j) === 'custom' ? 'warning' : 'info',
        ruleIndex: j,
        relatedRuleIndex: examples[0].i,
        example: examples[0].req,
        message:
          `${this.label(j)} wants ${rule.level}, but earlier rules decide some of the requests it matches: ` +
          lines.join('; '),
        fix: byBuiltIn
          ? 'built-in rules run first and cannot be overridden; accept their level for these requests or set ' +
            'basicAuditPolicyEnabled: false and re-create the built-in rules you need'
          : `if this rule should win, move it before ${this.name(examples[0].i)} or narrow ${this.name(examples[0].i)}`,
      });
    }
  }

  checkSensitive(j: number): void {
    const rule = this.rules[j];
    if (rule.level !== 'Request' && rule.level !== 'RequestResponse') return;
    if (this.decidesNoRealRequest(j)) return;
    for (const t of SENSITIVE_TARGETS) {
      const target = {
        apiGroups: [t.apiGroup],
        resources: [t.resource],
        subresources: [t.subresource],
        ...(t.clusterScoped ? { namespaces: [''] } : {}),
      };
      const leakVerbs =
        rule.level === 'RequestResponse' ? (t.leaks.RequestResponse ?? t.leaks.Request) : t.leaks.Request;
      // Bodies of other verbs (get at Request, deletes) carry no credential: only the leaking verbs count, plus a
      // weaker warning for targets whose request body is recorded but holds no credential at this level.
      const leak = leakVerbs !== undefined;
      const verbs = leak ? leakVerbs : t.verbs;
      const found = this.space.witnessFor(j, resourceBox({ ...target, ...(verbs ? { verbs } : {}) }), true);
      if (!found) continue;
      const req = this.polish(found, j);
      if (this.decider(req) !== j) continue;
      const where =
        this.layer(j) === 'custom' ? 'at the top of your custom policy' : `before ${this.name(j)}`;
      this.add({
        code: 'sensitive-body',
        severity: leak ? (this.options.sensitiveBodySeverity ?? 'error') : 'warning',
        ruleIndex: j,
        example: req,
        message: leak
          ? `${this.label(j)} records ${t.label} at ${rule.level}: e.g. ${describeRequest(req)} is decided by this ` +
            `rule, so ${t.what} ends up in the audit log`
          : `${this.label(j)} records ${t.label} request bodies at ${rule.level}: e.g. ${describeRequest(req)} is ` +
            `decided by this rule; at ${rule.level} the body holds no credential (${t.what} would be recorded at ` +
            'RequestResponse), but the CIS Benchmark (3.2.2) asks for Metadata only',
        fix: `add ${SENSITIVE_FIX_RULE} ${where}, or lower this rule to Metadata`,
      });
    }
  }

  checkRequestReceived(j: number): void {
    const rule = this.rules[j];
    if (rule.level === 'None' || this.decidesNoRealRequest(j)) return;
    if (omittedStages(this.policy, rule).includes('RequestReceived')) return;
    const builtIn = this.origins !== undefined && !this.isUsers(j);
    this.add({
      code: 'request-received-not-omitted',
      severity: builtIn ? 'info' : 'warning',
      ruleIndex: j,
      message:
        `${this.label(j)} does not omit stage RequestReceived: every request it decides is logged twice ` +
        '(RequestReceived and ResponseComplete), doubling its events and bytes',
      fix: builtIn
        ? 'set omitStages: [RequestReceived] at the top level of the custom policy: Deckhouse keeps it and ' +
          'applies it to every rule, the built-in ones included'
        : 'add omitStages: [RequestReceived] to the rule or to the policy',
    });
  }

  checkCatchAll(): void {
    const all = this.space.before(this.rules.length);
    for (const piece of UNIVERSE) {
      let found: RequestAttributes | undefined;
      try {
        found = findUncovered(piece, all);
      } catch (e) {
        if (e instanceof SearchBudgetExceeded) return; // unproven: claim nothing
        throw e;
      }
      if (!found) continue;
      const req = this.polish(found, -1);
      this.add({
        code: 'no-catch-all',
        severity: 'info',
        ruleIndex: -1,
        example: req,
        message:
          `no rule matches every remaining request, so requests matched by no rule are not audited (level None), ` +
          `e.g. ${describeRequest(req)}`,
        fix: 'end the policy with a catch-all rule: "- level: Metadata" (or "- level: None" to make the drop explicit)',
      });
      return;
    }
  }
}

/** A finding as the options want it: undefined when its code is ignored, else with its severity override. */
function asConfigured(f: LintFinding, options: LintOptions): LintFinding | undefined {
  if (options.ignore?.includes(f.code)) return undefined;
  return { ...f, severity: options.severities?.[f.code] ?? f.severity };
}

/** How narrowly a rule selects requests (who, where, which objects); 0 = broad. */
function specificity(rule: PolicyRule): number {
  let score = 0;
  if (nonEmpty(rule.users)) score += 2;
  if (nonEmpty(rule.userGroups)) score += 1;
  if (nonEmpty(rule.namespaces)) score += 1;
  if ((rule.resources ?? []).some((gr) => nonEmpty(gr.resourceNames))) score += 1;
  return score;
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

/**
 * Checks a policy (or the effective Deckhouse policy) for rules that cannot fire, leak credentials, or do
 * not match what they seem to; every claim about reachability is proven over the request space.
 */
export function lintPolicy(policy: Policy | EffectivePolicy, options: LintOptions = {}): LintFinding[] {
  const parts = policyParts(policy);
  if (parts.auditOff) {
    const finding = asConfigured(
      {
        code: 'audit-disabled',
        severity: 'warning',
        ruleIndex: -1,
        message: 'the effective policy has no rules, so Deckhouse does not enable API auditing at all',
        fix: 'keep basicAuditPolicyEnabled: true or provide custom rules (auditPolicyEnabled: true and the Secret)',
      },
      options,
    );
    return finding ? [finding] : [];
  }
  return new Linter(parts.policy, parts.origins, options).run();
}
