import { describeRequest } from './describe';
import { LintContext } from './lint-context';
import { omittedStages } from './rule-block';
import { resourceBox } from './match-box';
import { Level } from './types';

// sensitive-body: a rule at Request or above that decides requests whose bodies carry credentials (Secret
// and ConfigMap writes, TokenReviews, issued ServiceAccount tokens), proven with a witness request.

interface SensitiveTarget {
  label: string;
  /** The verbs such requests really have (null: every verb). */
  verbs: readonly string[] | null;
  apiGroup: string;
  resource: string;
  subresource: string;
  clusterScoped?: boolean;
  /** Verbs whose recorded body carries the credential, per level (a level left out: no verb leaks there). */
  leaks: Partial<Record<Level, readonly string[]>>;
  what: string;
}

// Verbs whose response body holds the whole object(s), recorded at RequestResponse: get and list return
// them, create/update/patch return the stored object, and deletecollection returns the list of deleted
// objects (k8s.io/apiserver registry/generic/registry/store.go, DeleteCollection). Left out, as not proven:
// delete (a Status unless the store sets ReturnDeletedObject, which Secrets and ConfigMaps do not) and watch
// (events are streamed, not recorded as the response object).
const OBJECT_RESPONSE_VERBS = ['get', 'list', 'create', 'update', 'patch', 'deletecollection'];

const SENSITIVE_TARGETS: readonly SensitiveTarget[] = [
  {
    label: 'secrets',
    verbs: null,
    apiGroup: '',
    resource: 'secrets',
    subresource: '',
    leaks: { Request: ['create', 'update', 'patch'], RequestResponse: OBJECT_RESPONSE_VERBS },
    what: 'Secret data',
  },
  {
    label: 'configmaps',
    verbs: null,
    apiGroup: '',
    resource: 'configmaps',
    subresource: '',
    leaks: { Request: ['create', 'update', 'patch'], RequestResponse: OBJECT_RESPONSE_VERBS },
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

/** sensitive-body findings for rule j, each with a request the evaluator confirms rule j decides. */
export function checkSensitiveBodies(ctx: LintContext, j: number): void {
  const rule = ctx.rules[j];
  if (rule.level !== 'Request' && rule.level !== 'RequestResponse') return;
  if (ctx.decidesNoRealRequest(j)) return;
  // Bodies are written at ResponseComplete: the RequestReceived event is written before the body is read, and
  // only long-running requests (no credential in their bodies) write ResponseStarted. Without that stage no
  // body of these requests reaches the log (short of a handler panic).
  if (omittedStages(ctx.policy, rule).includes('ResponseComplete')) return;
  for (const t of SENSITIVE_TARGETS) {
    const target = {
      apiGroups: [t.apiGroup],
      resources: [t.resource],
      subresources: [t.subresource],
      ...(t.clusterScoped ? { namespaces: [''] } : {}),
    };
    // Whatever leaks in the request body at Request leaks at RequestResponse too.
    const leakVerbs =
      rule.level === 'RequestResponse' ? (t.leaks.RequestResponse ?? t.leaks.Request) : t.leaks.Request;
    // Bodies of other verbs (get at Request, deletes) carry no credential: only the leaking verbs count, plus a
    // weaker warning for targets whose request body is recorded but holds no credential at this level.
    const leak = leakVerbs !== undefined;
    const verbs = leak ? leakVerbs : t.verbs;
    const req = ctx.space.witnessFor(j, resourceBox({ ...target, ...(verbs ? { verbs } : {}) }), true);
    // Never claim what the evaluator does not confirm.
    if (!req || ctx.decider(req) !== j) continue;
    const where = ctx.layer(j) === 'custom' ? 'at the top of your custom policy' : `before ${ctx.name(j)}`;
    ctx.add({
      code: 'sensitive-body',
      severity: leak ? (ctx.options.sensitiveBodySeverity ?? 'error') : 'warning',
      ruleIndex: j,
      example: req,
      message: leak
        ? `${ctx.label(j)} records ${t.label} at ${rule.level}: e.g. ${describeRequest(req)} is decided by this ` +
          `rule, so ${t.what} ends up in the audit log`
        : `${ctx.label(j)} records ${t.label} request bodies at ${rule.level}: e.g. ${describeRequest(req)} is ` +
          `decided by this rule; at ${rule.level} the body holds no credential (${t.what} would be recorded at ` +
          'RequestResponse), but the CIS Benchmark (3.2.2) asks for Metadata only',
      fix: `add ${SENSITIVE_FIX_RULE} ${where}, or lower this rule to Metadata`,
    });
  }
}
