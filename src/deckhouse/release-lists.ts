import { evaluatePolicy } from '../policy/evaluate';
import { ruleLabel } from '../policy/describe';
import { compileRules } from '../policy/compiled-policy';
import { CompiledPolicy, Decision, EffectivePolicy, PolicyRule, RequestAttributes } from '../policy/types';
import { DECKHOUSE_BASIC_RULES as SNAPSHOT } from './basic-rules';
import { isSystemNamespaceRule, isSystemServiceAccountRule } from './built-in-rule-shapes';

// Deckhouse generates the system-namespace and system-ServiceAccount lists of its basic rules per release from
// the modules the release ships (tools/audit_policy; deckhouse-audit.md §7): modules join, and from DKP 1.77
// leave the main repository, so a request by a module's ServiceAccount or in its namespace can be recorded on
// one release and dropped on another. The bundled snapshot is one release; a decision that turns on whether
// such a name is listed is not the answer for a cluster whose release lists it otherwise.

// Names whose place differs between the snapshot and a known release: the DKP 1.76-era lists are deckhouse
// modules/040-control-plane-manager/hooks/audit_policy_basic_targets_generated.go @00f9d115 (before ingress-nginx,
// log-shipper, operator-prometheus and the monitoring modules left the main repository in 1.77); upmeter's
// entries leave the lists after the snapshot (deckhouse PR #21169).
const IN_1_76_ONLY = 'DKP 1.76 lists it; its module left the main repository in DKP 1.77';
const NOT_IN_1_76 = 'DKP 1.76 does not list it';
const UPMETER_REMOVED = 'releases after deckhouse PR #21169 (upmeter removed) no longer list it';

const NAMESPACE_HISTORY: Readonly<Record<string, string>> = {
  'd8-ingress-nginx': IN_1_76_ONLY,
  'd8-log-shipper': IN_1_76_ONLY,
  'd8-operator-prometheus': IN_1_76_ONLY,
  'd8-upmeter': UPMETER_REMOVED,
};

const SERVICE_ACCOUNT_HISTORY: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      'd8-cloud-instance-manager:cluster-autoscaler-mcm',
      'd8-cloud-instance-manager:early-oom',
      'd8-cloud-provider-yandex:capyandex-controller-manager',
      'd8-ingress-nginx:failover-cleaner',
      'd8-ingress-nginx:geoproxy',
      'd8-ingress-nginx:ingress-nginx',
      'd8-ingress-nginx:kruise',
      'd8-ingress-nginx:validator',
      'd8-ingress-nginx:validator-full',
      'd8-log-shipper:log-shipper',
      'd8-monitoring:aggregating-proxy',
      'd8-monitoring:alertmanager-internal',
      'd8-monitoring:alerts-receiver',
      'd8-monitoring:control-plane-proxy',
      'd8-monitoring:events-exporter',
      'd8-monitoring:extended-monitoring-exporter',
      'd8-monitoring:grafana',
      'd8-monitoring:image-availability-exporter',
      'd8-monitoring:loki',
      'd8-monitoring:monitoring-ping',
      'd8-monitoring:prometheus',
      'd8-monitoring:trickster',
      'd8-monitoring:x509-certificate-exporter',
      'd8-operator-prometheus:operator-prometheus',
    ].map((sa) => [`system:serviceaccount:${sa}`, 'DKP 1.76 lists it']),
  ),
  ...Object.fromEntries(
    [
      'd8-cloud-instance-manager:integrity-controller',
      'd8-cloud-provider-yandex:capy-controller-manager',
      'd8-istio:alliance-healthcheck',
      'd8-istio:waypoint-controller',
      'kube-system:d8-control-plane-manager-control-plane-proxy',
    ].map((sa) => [`system:serviceaccount:${sa}`, NOT_IN_1_76]),
  ),
  ...Object.fromEntries(
    ['smoke-mini', 'upmeter', 'upmeter-agent'].map((sa) => [
      `system:serviceaccount:d8-upmeter:${sa}`,
      UPMETER_REMOVED,
    ]),
  ),
};

// A module's ServiceAccount: in its d8-* namespace, or a d8-* one in kube-system (Kubernetes' own controllers there,
// replicaset-controller and the like, are in no release's list).
const MODULE_SERVICE_ACCOUNT = /^system:serviceaccount:(d8-[^:]+:[^:]+|kube-system:d8-[^:]+)$/;

/** A decision of the bundled snapshot that another release's list would change. */
export interface ListDependentDecision {
  /** `namespace` or `ServiceAccount`. */
  list: 'namespace' | 'ServiceAccount';
  /** The namespace or ServiceAccount user name. */
  name: string;
  /** Whether the built-in rules in use list it. */
  listed: boolean;
  /** The decision with the name listed (or not) the other way. */
  otherwise: Decision;
  /** The label of the rule that decides it then, e.g. `basic rule #14 (rules[13])`. */
  otherwiseLabel?: string;
  /** One sentence for humans. */
  note: string;
}

/** A system-list entry to be listed the other way. */
export interface NameFlip {
  list: 'namespace' | 'ServiceAccount';
  name: string;
  /** Whether the policy's list holds it now. */
  listed: boolean;
}

/** A flip that changes a decision, before it is put into words. */
export interface ListFlip extends NameFlip {
  /** The decision with the name listed the other way. */
  otherwise: Decision;
}

// Alternative policies compiled per flipped name are kept up to this many (names come from logs).
const MAX_CACHED_FLIPS = 256;

/**
 * Decides requests under an effective policy with one system-list entry flipped, for the request's namespace
 * (`d8-*`) and its Deckhouse ServiceAccount: which flips change the decision. Compiled alternatives are cached per
 * name, so a replay pays one more evaluation per event that such a name could change.
 */
export class ListDependence {
  private readonly nsIndex: number;
  private readonly saIndex: number;
  private readonly namespaces: ReadonlySet<string>;
  private readonly users: ReadonlySet<string>;
  private readonly compiled = new Map<string, CompiledPolicy>();

  constructor(private readonly effective: EffectivePolicy) {
    const rules = effective.policy.rules ?? [];
    const basicIndex = (is: (r: PolicyRule) => boolean) =>
      rules.findIndex((r, i) => effective.origins[i]?.layer === 'basic' && is(r));
    this.nsIndex = basicIndex(isSystemNamespaceRule);
    this.saIndex = basicIndex(isSystemServiceAccountRule);
    this.namespaces = new Set(this.nsIndex < 0 ? [] : (rules[this.nsIndex].namespaces ?? []));
    this.users = new Set(this.saIndex < 0 ? [] : (rules[this.saIndex].users ?? []));
  }

  /** The flips of `request`'s names that change `decision` (its decision under the effective policy). */
  flips(request: RequestAttributes, decision: Decision): ListFlip[] {
    const found: ListFlip[] = [];
    const namespace = request.resourceRequest ? (request.namespace ?? '') : '';
    if (this.nsIndex >= 0 && namespace.startsWith('d8-'))
      this.tryFlip(found, 'namespace', namespace, this.namespaces, request, decision);
    const user = request.user ?? '';
    if (this.saIndex >= 0 && MODULE_SERVICE_ACCOUNT.test(user))
      this.tryFlip(found, 'ServiceAccount', user, this.users, request, decision);
    return found;
  }

  private tryFlip(
    found: ListFlip[],
    list: ListFlip['list'],
    name: string,
    current: ReadonlySet<string>,
    request: RequestAttributes,
    decision: Decision,
  ): void {
    const listed = current.has(name);
    if (!flippable(list, name, listed)) return;
    const otherwise = this.alternative(list, name, listed).evaluate(request);
    if (otherwise.level === decision.level && otherwise.omitStages.join() === decision.omitStages.join())
      return;
    found.push({ list, name, listed, otherwise });
  }

  /** The names of a rule's `namespaces` and `users` that another release may list the other way. */
  selectedNames(rule: PolicyRule): NameFlip[] {
    const found: NameFlip[] = [];
    if (this.nsIndex >= 0)
      for (const ns of rule.namespaces ?? []) {
        const listed = this.namespaces.has(ns);
        if (ns.startsWith('d8-') && flippable('namespace', ns, listed))
          found.push({ list: 'namespace', name: ns, listed });
      }
    if (this.saIndex >= 0)
      for (const user of rule.users ?? []) {
        const listed = this.users.has(user);
        if (MODULE_SERVICE_ACCOUNT.test(user) && flippable('ServiceAccount', user, listed))
          found.push({ list: 'ServiceAccount', name: user, listed });
      }
    return found;
  }

  /** The effective policy with each name listed the other way. */
  flipped(names: readonly NameFlip[]): EffectivePolicy {
    const change = (rule: PolicyRule, field: 'namespaces' | 'users', list: NameFlip['list']) =>
      names.filter((n) => n.list === list).reduce((r, n) => withList(r, field, n.name, n.listed), rule);
    const rules = this.effective.policy.rules.map((r, i) =>
      i === this.nsIndex
        ? change(r, 'namespaces', 'namespace')
        : i === this.saIndex
          ? change(r, 'users', 'ServiceAccount')
          : r,
    );
    return { ...this.effective, policy: { ...this.effective.policy, rules } };
  }

  private alternative(list: ListFlip['list'], name: string, listed: boolean): CompiledPolicy {
    const key = `${list}\u0000${name}`;
    let compiled = this.compiled.get(key);
    if (compiled === undefined) {
      const [index, field] =
        list === 'namespace' ? [this.nsIndex, 'namespaces' as const] : [this.saIndex, 'users' as const];
      const rules = this.effective.policy.rules.map((r, i) =>
        i === index ? withList(r, field, name, listed) : r,
      );
      compiled = compileRules({ ...this.effective.policy, rules });
      if (this.compiled.size >= MAX_CACHED_FLIPS) this.compiled.clear();
      this.compiled.set(key, compiled);
    }
    return compiled;
  }

  /** A flip in words, for `decision` (the effective policy's). */
  describe(flip: ListFlip, decision: Decision): ListDependentDecision {
    const { list, name, listed, otherwise } = flip;
    const otherwiseLabel =
      otherwise.ruleIndex >= 0
        ? ruleLabel(otherwise.ruleIndex, this.effective.origins[otherwise.ruleIndex])
        : undefined;
    const what = list === 'namespace' ? `namespace ${name}` : `ServiceAccount ${name}`;
    const lists = list === 'namespace' ? 'system namespaces' : 'system ServiceAccounts';
    const history = listHistory(list, name);
    const by = otherwiseLabel ? `by ${otherwiseLabel} ` : 'by no rule ';
    // Modules add ServiceAccounts at runtime too (an extra-audit-policy-config ConfigMap: istio lists its versioned
    // istiod ones so), so a ServiceAccount's place is the cluster's, not only its release's.
    const source =
      list === 'namespace'
        ? 'which Deckhouse generates per release from the modules it ships'
        : 'which Deckhouse generates per release from the modules it ships and modules extend with ' +
          'extra-audit-policy-config ConfigMaps';
    const where =
      list === 'namespace'
        ? `whose release ${listed ? 'does not list' : 'lists'} it`
        : `whose lists ${listed ? 'do not hold' : 'hold'} it`;
    const note =
      `${what} is ${listed ? '' : 'not '}among the bundled snapshot's ${lists}, ${source}` +
      `${history ? ` (${history})` : ''}: on a cluster ${where}, this request is decided ${by}at ${otherwise.level}` +
      `${otherwise.omitStages.length > 0 ? ` (omitting ${otherwise.omitStages.join(', ')})` : ''}, not ` +
      `${decision.level}; pass the cluster's merged policy with --built-in-rules (builtInRules in code) for its answer`;
    return { list, name, listed, otherwise, ...(otherwiseLabel ? { otherwiseLabel } : {}), note };
  }
}

/** Why a name's place in a release's list can differ from the snapshot's, when it is known. */
export function listHistory(list: NameFlip['list'], name: string): string | undefined {
  return (list === 'namespace' ? NAMESPACE_HISTORY : SERVICE_ACCOUNT_HISTORY)[name];
}

// Every release lists its own modules' names: a listed one is flipped only when it is the snapshot's own entry (not
// an extra ServiceAccount the user declared) and a release is known to lack it; an unlisted one always.
function flippable(list: NameFlip['list'], name: string, listed: boolean): boolean {
  if (!listed) return true;
  const snapshotList = list === 'namespace' ? SNAPSHOT.systemNamespaces : SNAPSHOT.systemServiceAccounts;
  return listHistory(list, name) !== undefined && snapshotList.includes(name);
}

function withList(
  rule: PolicyRule,
  field: 'namespaces' | 'users',
  name: string,
  listed: boolean,
): PolicyRule {
  const list = rule[field] ?? [];
  return { ...rule, [field]: listed ? list.filter((x) => x !== name) : [...list, name] };
}

/**
 * The decisions of `request` under an effective policy built on the bundled snapshot that would differ on a
 * release whose system lists hold the request's namespace (`d8-*`) or Deckhouse ServiceAccount the other way:
 * one entry per list whose flip changes the level or the omitted stages. Empty when no list decides it.
 */
export function listDependentDecisions(
  effective: EffectivePolicy,
  request: RequestAttributes,
): ListDependentDecision[] {
  const check = new ListDependence(effective);
  const decision = evaluatePolicy(effective.policy, request);
  return check.flips(request, decision).map((flip) => check.describe(flip, decision));
}

/**
 * True when an effective policy's system lists are the bundled snapshot's (its namespaces exactly, its
 * ServiceAccounts with any extra ones after them): the lists a replay's list-dependence check is about.
 */
export function usesSnapshotLists(effective: EffectivePolicy): boolean {
  const rules = effective.policy.rules ?? [];
  const basic = (is: (r: PolicyRule) => boolean) =>
    rules.find((r, i) => effective.origins[i]?.layer === 'basic' && is(r));
  const namespaces = basic(isSystemNamespaceRule)?.namespaces ?? [];
  const users = basic(isSystemServiceAccountRule)?.users ?? [];
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  return (
    namespaces.length > 0 &&
    same(namespaces, SNAPSHOT.systemNamespaces) &&
    same(users.slice(0, SNAPSHOT.systemServiceAccounts.length), SNAPSHOT.systemServiceAccounts)
  );
}
