/**
 * The audit.k8s.io/v1 data model and the engine's result types (the public API contract of
 * docs/architecture.md). Field order in the interfaces follows upstream's Go structs.
 */

/** How much of a request an audit event records. */
export type Level = 'None' | 'Metadata' | 'Request' | 'RequestResponse';

/** A point in a request's life at which an event may be emitted. */
export type Stage = 'RequestReceived' | 'ResponseStarted' | 'ResponseComplete' | 'Panic';

/** All levels, lowest first (upstream's ordering). */
export const LEVELS: readonly Level[] = ['None', 'Metadata', 'Request', 'RequestResponse'];

/** All stages in lifecycle order. */
export const STAGES: readonly Stage[] = ['RequestReceived', 'ResponseStarted', 'ResponseComplete', 'Panic'];

/** A set of resources in one API group (`group` absent or "" = the core group only). */
export interface GroupResources {
  group?: string;
  resources?: string[];
  resourceNames?: string[];
}

/** One rule of an audit policy; the first rule that matches a request decides its level. */
export interface PolicyRule {
  level: Level;
  users?: string[];
  userGroups?: string[];
  verbs?: string[];
  resources?: GroupResources[];
  namespaces?: string[];
  nonResourceURLs?: string[];
  omitStages?: Stage[];
  omitManagedFields?: boolean;
}

/** An `audit.k8s.io/v1` Policy. */
export interface Policy {
  apiVersion: 'audit.k8s.io/v1';
  kind: 'Policy';
  metadata?: Record<string, unknown>;
  rules: PolicyRule[];
  omitStages?: Stage[];
  omitManagedFields?: boolean;
}

/** What kube-apiserver's policy checker sees of a request. */
export interface RequestAttributes {
  /** Authenticated user name; absent = unauthenticated (no user info at all). */
  user?: string;
  groups?: string[];
  verb: string;
  resourceRequest: boolean;
  namespace?: string;
  apiGroup?: string;
  apiVersion?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  /** Non-resource requests: URL path without the query string. */
  path?: string;
}

/** The policy's verdict for one request (upstream's RequestAuditConfig plus the rule index). */
export interface Decision {
  level: Level;
  /** Lifecycle order, no duplicates added by the engine. */
  omitStages: Stage[];
  omitManagedFields: boolean;
  /** Index of the first matching rule, -1 if none matched. */
  ruleIndex: number;
}

/** A problem found while reading a policy document. */
export interface Problem {
  message: string;
  field?: string;
  line?: number;
  column?: number;
  fix?: string;
}

/** The outcome of reading a policy: the policy when decoding succeeded, plus problems. */
export interface ParseResult {
  policy?: Policy;
  /** Empty = the apiserver (and Deckhouse) will accept it. */
  errors: Problem[];
  warnings: Problem[];
}

/** Mirrors k8s.io/apimachinery field.Error. */
export interface FieldError {
  type: 'FieldValueRequired' | 'FieldValueInvalid' | 'FieldValueNotSupported' | string;
  /** Upstream's path, e.g. "rules[0].resources.group". */
  field: string;
  badValue?: unknown;
  detail: string;
  /** Upstream's Error() text. */
  message: string;
}

/** Options shared by the loader and the validator. */
export interface VersionOptions {
  /** Target Kubernetes version ("1.32", "v1.36.2"); defaults to DEFAULT_KUBERNETES_VERSION. */
  kubernetesVersion?: string;
}

/** A compiled policy: evaluation without re-reading the rules. */
export interface CompiledPolicy {
  evaluate(request: RequestAttributes): Decision;
}

/** A lint or assertion finding. ruleIndex is the index in the (effective) policy's rules, -1 for policy-wide. */
export interface Finding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  ruleIndex: number;
  layer?: string;
  message: string;
  fix?: string;
}

/** Where a rule of an effective Deckhouse policy comes from. */
export type RuleLayer = 'basic' | 'virtualization' | 'custom' | 'tail';

/** The layer of a rule and its index inside that layer. */
export interface RuleOrigin {
  layer: RuleLayer;
  index: number;
}

/** The policy Deckhouse really runs: merged rules plus where each came from. */
export interface EffectivePolicy {
  /** The merged policy (zero rules when audit is off). */
  policy: Policy;
  /** origins[i] describes policy.rules[i]. */
  origins: RuleOrigin[];
  /** False when Deckhouse would not enable auditing at all (no rules). */
  enabled: boolean;
  /** What the merge dropped or changed (e.g. a custom omitManagedFields). */
  warnings: Problem[];
  /** titles[i]: a short human title of policy.rules[i] (for messages), when known. */
  titles?: string[];
}

/** True when the value is an EffectivePolicy rather than a plain Policy. */
export function isEffectivePolicy(value: Policy | EffectivePolicy): value is EffectivePolicy {
  return (value as EffectivePolicy).origins !== undefined && (value as EffectivePolicy).policy !== undefined;
}

/** Something that produces a Policy: the typed builder (`policy()...`) before `.build()`. */
export interface PolicyProducer {
  build(): Policy;
}
