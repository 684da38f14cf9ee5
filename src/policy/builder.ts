import { FieldError, GroupResources, Level, Policy, PolicyRule, Stage, VersionOptions } from './types';
import { describeKeyProblems, optionKeyProblems, ruleKeyProblems } from './builder-keys';
import { DEFAULT_KUBERNETES_VERSION } from './kubernetes-version';
import { validatePolicy } from './validate';
import { fixForFieldError } from './validation-fixes';

/** Verbs the apiserver uses for resource requests, and lower-case HTTP methods for non-resource URLs. */
export type KnownVerb =
  | 'get'
  | 'list'
  | 'watch'
  | 'create'
  | 'update'
  | 'patch'
  | 'delete'
  | 'deletecollection'
  | 'proxy'
  | 'post'
  | 'put'
  | 'head'
  | 'options';

/** A verb: a known one with autocompletion, or any other string (custom authorizer verbs). */
export type Verb = KnownVerb | (string & {});

/** What a rule matches; every field is optional and an absent list means "any". */
export interface RuleMatch {
  /** Authenticated user names (exact; "*" is a literal, not a wildcard). */
  readonly users?: readonly string[];
  /** Any one of these groups must be among the user's groups. */
  readonly userGroups?: readonly string[];
  readonly verbs?: readonly Verb[];
  /** Build entries with `resources.core(...)`, `resources.group(...)`, `resources.anyGroup(...)`. */
  readonly resources?: readonly GroupResources[];
  /** Exact namespaces; "" is cluster-scoped and cross-namespace requests. */
  readonly namespaces?: readonly string[];
  /** Paths such as "/healthz", prefixes such as "/logs*", or "*"; not combinable with resources/namespaces. */
  readonly nonResourceURLs?: readonly string[];
  /** Stages to omit for this rule, added to the policy's own. */
  readonly omitStages?: readonly Stage[];
  /** Overrides the policy's omitManagedFields for this rule. */
  readonly omitManagedFields?: boolean;
}

/** Policy-wide settings of the builder. */
export interface PolicyOptions extends VersionOptions {
  /**
   * Stages omitted for every request.
   * @default - none
   */
  readonly omitStages?: readonly Stage[];
  /**
   * Strip metadata.managedFields from logged bodies unless a rule says otherwise.
   * @default - false
   */
  readonly omitManagedFields?: boolean;
  /**
   * Target Kubernetes version: what it refuses, the builder refuses.
   * @default - DEFAULT_KUBERNETES_VERSION, the oldest version Deckhouse supports
   */
  readonly kubernetesVersion?: string;
}

/** Thrown when a rule is written that kube-apiserver would refuse; carries the upstream field errors. */
export class PolicyBuilderError extends Error {
  /** Index of the offending rule in the policy, -1 for policy-wide settings. */
  readonly ruleIndex: number;
  readonly fieldErrors: readonly FieldError[];

  constructor(message: string, ruleIndex: number, fieldErrors: readonly FieldError[]) {
    super(message);
    this.name = 'PolicyBuilderError';
    this.ruleIndex = ruleIndex;
    this.fieldErrors = fieldErrors;
  }
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function describeErrors(errors: readonly FieldError[]): string {
  const setting = (v: string) => `policy({ kubernetesVersion: '${v}' })`;
  return errors
    .map((e) => `  - ${e.message}\n    fix: ${fixForFieldError(e, setting) ?? e.detail}`)
    .join('\n');
}

// Untyped callers may pass a non-list; it is kept as is so that validation reports it as a type error.
function copyList<T>(list: readonly T[] | undefined): T[] | undefined {
  return Array.isArray(list) ? [...(list as T[])] : (list as T[] | undefined);
}

function copyGroupResources(gr: GroupResources): GroupResources {
  if (typeof gr !== 'object' || gr === null) return gr;
  const out: GroupResources = {};
  if (gr.group !== undefined) out.group = gr.group;
  if (gr.resources !== undefined) out.resources = copyList(gr.resources);
  if (gr.resourceNames !== undefined) out.resourceNames = copyList(gr.resourceNames);
  return out;
}

// Fields in upstream order, undefined ones left out, every list copied.
function makeRule(level: Level, match: RuleMatch): PolicyRule {
  const rule: PolicyRule = { level };
  const set = <K extends keyof PolicyRule>(key: K, value: PolicyRule[K] | undefined): void => {
    if (value !== undefined) rule[key] = value;
  };
  set('users', copyList(match.users));
  set('userGroups', copyList(match.userGroups));
  set('verbs', copyList(match.verbs));
  const groups = match.resources;
  set(
    'resources',
    Array.isArray(groups) ? groups.map((gr) => copyGroupResources(gr)) : (groups as undefined),
  );
  set('namespaces', copyList(match.namespaces));
  set('nonResourceURLs', copyList(match.nonResourceURLs));
  set('omitStages', copyList(match.omitStages));
  set('omitManagedFields', match.omitManagedFields);
  return rule;
}

function copyRule(rule: PolicyRule): PolicyRule {
  return makeRule(rule.level, rule);
}

/**
 * A fluent, typed audit policy builder: rules are appended in order (first match wins) and each one is
 * validated for the target Kubernetes version when it is written.
 */
export class PolicyBuilder {
  private readonly options: PolicyOptions;
  private readonly rules: PolicyRule[] = [];

  constructor(options: PolicyOptions = {}) {
    const dropped = optionKeyProblems(options);
    if (dropped.length > 0) {
      throw new PolicyBuilderError(`Invalid audit policy options:\n${describeKeyProblems(dropped)}`, -1, []);
    }
    this.options = { ...options, omitStages: copyList(options.omitStages) };
    const probe: Record<string, unknown> = { rules: [] };
    if (options.omitStages !== undefined) probe.omitStages = options.omitStages;
    if (options.omitManagedFields !== undefined) probe.omitManagedFields = options.omitManagedFields;
    const errors = validatePolicy(probe, { kubernetesVersion: options.kubernetesVersion });
    if (errors.length > 0) {
      throw new PolicyBuilderError(`Invalid audit policy options:\n${describeErrors(errors)}`, -1, errors);
    }
  }

  /** Appends a rule with the given level; throws PolicyBuilderError if kube-apiserver would refuse it. */
  rule(level: Level, match: RuleMatch = {}): this {
    this.refuseDroppedKeys(match, false, level);
    return this.add(makeRule(level, match));
  }

  /** Appends a rule that records nothing for what it matches. */
  none(match: RuleMatch = {}): this {
    return this.rule('None', match);
  }

  /** Appends a rule that records request metadata (no bodies); without arguments, a catch-all. */
  metadata(match: RuleMatch = {}): this {
    return this.rule('Metadata', match);
  }

  /** Appends a rule that records metadata and the request body. */
  request(match: RuleMatch = {}): this {
    return this.rule('Request', match);
  }

  /** Appends a rule that records metadata, request and response bodies. */
  requestResponse(match: RuleMatch = {}): this {
    return this.rule('RequestResponse', match);
  }

  /** Appends ready-made rules (e.g. from another policy), each validated like `rule()`. */
  append(...rules: readonly PolicyRule[]): this {
    for (const rule of rules) {
      this.refuseDroppedKeys(rule, true, (rule as Partial<PolicyRule> | null)?.level);
      this.add(copyRule(rule));
    }
    return this;
  }

  /** The number of rules so far. */
  get length(): number {
    return this.rules.length;
  }

  /** The policy as plain data (a fresh deep copy each call); throws if it has no rules. */
  build(): Policy {
    if (this.rules.length === 0) {
      throw new PolicyBuilderError(
        'An audit policy needs at least one rule: kube-apiserver refuses to start with "loaded illegal policy with 0 rules".\n' +
          '  fix: add a rule, e.g. .metadata() as a catch-all; as the custom policy of a Deckhouse cluster ' +
          '(DeckhouseClusterAudit, AuditPolicySecret, deckhouseEffectivePolicy) pass the builder itself, not ' +
          'its build(): there a policy with only omitStages is valid (Deckhouse applies them to its built-in rules)',
        -1,
        [],
      );
    }
    return this.toPolicy();
  }

  // The policy without the rule-count check: deckhouseCustomPolicy reads a builder with it.
  private toPolicy(): Policy {
    const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: this.rules.map(copyRule) };
    if (this.options.omitStages !== undefined) policy.omitStages = [...this.options.omitStages];
    if (this.options.omitManagedFields !== undefined)
      policy.omitManagedFields = this.options.omitManagedFields;
    return policy;
  }

  // A key the copy would drop widens the rule (a misspelt `verb:` makes it match every verb): refused.
  private refuseDroppedKeys(rule: unknown, withLevel: boolean, level: unknown): void {
    const index = this.rules.length;
    const problems = ruleKeyProblems(rule, `rules[${index}]`, withLevel);
    if (problems.length > 0) {
      throw new PolicyBuilderError(
        `Invalid audit policy rule rules[${index}] (the ${ordinal(index + 1)} rule, level ${JSON.stringify(level)}):\n` +
          describeKeyProblems(problems),
        index,
        [],
      );
    }
  }

  private add(rule: PolicyRule): this {
    const index = this.rules.length;
    const version = this.options.kubernetesVersion;
    const errors = validatePolicy({ rules: [rule] }, { kubernetesVersion: version }).map((e) =>
      remapRuleIndex(e, index),
    );
    if (errors.length > 0) {
      throw new PolicyBuilderError(
        `Invalid audit policy rule rules[${index}] (the ${ordinal(index + 1)} rule, level ${JSON.stringify(rule.level)}) ` +
          `for Kubernetes ${version ?? DEFAULT_KUBERNETES_VERSION}:\n${describeErrors(errors)}`,
        index,
        errors,
      );
    }
    this.rules.push(rule);
    return this;
  }
}

function remapRuleIndex(error: FieldError, index: number): FieldError {
  const from = 'rules[0]';
  if (!error.field.startsWith(from)) return error;
  const to = `rules[${index}]`;
  return {
    ...error,
    field: to + error.field.slice(from.length),
    message: to + error.message.slice(from.length),
  };
}

/** Starts a typed audit policy: `policy().none({...}).metadata().build()`. */
export function policy(options: PolicyOptions = {}): PolicyBuilder {
  return new PolicyBuilder(options);
}

/** Options for a GroupResources entry built by the `resources` helpers. */
export interface ResourceOptions {
  /** Narrow to objects with these names (requests without a name, like list/create, then never match). */
  readonly names: readonly string[];
}

type ResourceArgs = [...resources: string[]] | [...resources: string[], options: ResourceOptions];

function entry(group: string, args: ResourceArgs): GroupResources {
  const last = args[args.length - 1];
  const options = typeof last === 'object' ? last : undefined;
  const names = (options ? args.slice(0, -1) : args) as string[];
  const gr: GroupResources = { group };
  if (names.length > 0) gr.resources = [...names];
  if (options) gr.resourceNames = [...options.names];
  return gr;
}

/** Helpers that build GroupResources entries readably. */
export const resources = {
  /** Resources of the core group ("" — pods, secrets, configmaps, ...); none given = the whole core group. */
  core(...args: ResourceArgs): GroupResources {
    return entry('', args);
  },
  /** Resources of one named API group (no version: "apps", not "apps/v1"); none given = the whole group. */
  group(group: string, ...args: ResourceArgs): GroupResources {
    return entry(group, args);
  },
  /** Resources in every API group, core included (group "*"; needs Kubernetes 1.36+). */
  anyGroup(...args: ResourceArgs): GroupResources {
    return entry('*', args);
  },
};

/**
 * A custom policy as Deckhouse's hook reads it from Secret kube-system/audit-policy (deckhouse-audit.md §2: no rule
 * count): a PolicyBuilder's policy even without rules, whose omitStages Deckhouse applies to its built-in rules;
 * any other builder's build(); any other value as it is.
 */
export function deckhouseCustomPolicy(value: unknown): unknown {
  if (value instanceof PolicyBuilder) return value['toPolicy']();
  return typeof value === 'object' &&
    value !== null &&
    typeof (value as { build?: unknown }).build === 'function'
    ? (value as { build(): unknown }).build()
    : value;
}
