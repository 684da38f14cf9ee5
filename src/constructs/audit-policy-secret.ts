import { createHash } from 'crypto';
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { DEFAULT_KUBERNETES_VERSION } from '../policy/kubernetes-version';
import { deckhouseCustomPolicy } from '../policy/builder';
import { loadPolicy, SECRET_SIZE_LIMIT_BYTES } from '../policy/parse';
import { renderedSizeAtLeast } from './policy-size';
import { renderPolicy } from '../policy/render';
import { Policy, PolicyProducer, Problem } from '../policy/types';
import { ArgoCdOptions, argoCdAnnotations, SYNC_WAVES } from './argocd';
import { describeValue } from './messages';
import {
  AUDIT_POLICY_SECRET_KEY,
  AUDIT_POLICY_SECRET_NAME,
  AUDIT_POLICY_SECRET_NAMESPACE,
} from '../deckhouse/policy-secret-location';
import { schemaErrors } from './schema-validation';
import { canonicalManifest } from './synth';
import { deckhouseEffectivePolicy } from '../deckhouse/effective';
import {
  AcknowledgedFinding,
  AuditLintOptions,
  checkAcknowledgements,
  checkEffectivePolicy,
  checkLintOptions,
} from './policy-checks';
import { addLazyWarnings, addWarning } from './warnings';
import { serverSideApplyWarning, tooLargeForClientSideApply } from './client-side-apply';
import { guardIdentity } from './object-identity';
import { basicRulesMismatch, renderedSecretErrors, unreadSecretWarnings } from './policy-secret-checks';
import {
  checkArgoCdProps,
  checkPropKeys,
  checkPropValue,
  ConstructPropsError,
  PropKeys,
  checkInChart,
} from './prop-keys';
import { checkPropsData, checkReadable, describeReceived, unreadableProblem } from './plain-data';

export { AUDIT_POLICY_SECRET_KEY, AUDIT_POLICY_SECRET_NAME, AUDIT_POLICY_SECRET_NAMESPACE };

/** Annotation with the SHA-256 (hex) of the rendered policy, so a reviewer sees when it changed. */
export const POLICY_SHA256_ANNOTATION = 'audit.deckhouse.io/policy-sha256';

export { SECRET_SIZE_LIMIT_BYTES };

/** A custom policy: an `audit.k8s.io/v1` Policy object, a builder, or the policy's YAML/JSON text. */
export type PolicyInput = Policy | PolicyProducer | string;
export type { PolicyProducer };

/** The outcome of {@link preparePolicy}: the canonical text when the policy is acceptable, and the problems. */
export interface PreparedPolicy {
  /** The decoded, validated policy (absent when it failed). */
  readonly policy?: Policy;
  /** Canonical YAML from renderPolicy (absent when it failed). */
  readonly rendered?: string;
  /** Human-readable problems, each naming the field and the fix; empty = the apiserver will accept it. */
  readonly errors: string[];
  /** Non-fatal problems from the loader. */
  readonly warnings: string[];
}

function isPolicyProducer(value: unknown): value is PolicyProducer {
  return typeof value === 'object' && value !== null && typeof (value as PolicyProducer).build === 'function';
}

/**
 * Throws a ConstructPropsError `[<path>] policy: ...` when reading the policy prop throws (a Proxy or getter that
 * throws, a revoked Proxy): the loader, the builder check and JSON.stringify would otherwise surface the raw error.
 * A builder is left alone (its build() runs guarded in preparePolicy); a cycle, a wrong type or a size is the
 * loader's to report, as the policy's problem.
 */
export function checkPolicyInput(path: string, input: unknown): void {
  if (typeof input !== 'object' || input === null) return;
  let producer: boolean;
  try {
    producer = isPolicyProducer(input);
  } catch (error) {
    throw new ConstructPropsError(
      path,
      `policy: received an object whose keys cannot be read (${describeReceived((error as Error)?.message ?? String(error), 120)}), ` +
        'expected an audit.k8s.io/v1 Policy object, a builder or YAML text. Fix: pass plain data (not a Proxy that throws)',
    );
  }
  if (!producer) checkReadable(path, 'policy', input);
}

function formatLoadProblem(problem: Problem, source: string, withPosition: boolean): string {
  // Positions are useful only in text the user wrote; an object is re-read as generated JSON.
  const where =
    withPosition && problem.line !== undefined
      ? ` (line ${problem.line}${problem.column ? `:${problem.column}` : ''})`
      : '';
  const field = problem.field && !problem.message.startsWith(problem.field) ? `${problem.field}: ` : '';
  const fix = problem.fix ? ` Fix: ${problem.fix}` : '';
  return `policy${where}: ${field}${problem.message} [${source}].${fix}`;
}

// Up to this size a policy is rendered and its exact size reported; beyond it (far past the Secret limit) only
// a lower bound, so that time and memory stay bounded.
const RENDER_LIMIT_BYTES = 16 * SECRET_SIZE_LIMIT_BYTES;

function tooLarge(bytes: number, lowerBound: boolean, fromText = false): string {
  const aliases = fromText
    ? ', and write lists out instead of repeating YAML aliases (*name), which expand'
    : '';
  return (
    `policy: received ${lowerBound ? 'at least ' : ''}${bytes} bytes of rendered policy, expected at most ` +
    `${SECRET_SIZE_LIMIT_BYTES} (the 1 MiB Secret limit). Fix: merge rules that differ only in one list ` +
    `(users, namespaces, resources) and drop redundant rules${aliases}`
  );
}

/**
 * Loads, validates and renders a custom policy exactly as Deckhouse's hook reads it from the Secret before
 * kube-apiserver runs the merge: an object is re-read through the strict loader (unknown keys, bad levels are
 * errors; no rules is fine, Deckhouse then applies its omitStages to the built-in rules) for the target
 * Kubernetes version, and the rendered text must load again.
 */
export function preparePolicy(
  input: PolicyInput,
  kubernetesVersion: string = DEFAULT_KUBERNETES_VERSION,
): PreparedPolicy {
  let text: string;
  let source: string;
  if (typeof input === 'string') {
    text = input;
    source = 'policy text';
  } else {
    let policy: unknown = input;
    if (isPolicyProducer(input)) {
      try {
        policy = deckhouseCustomPolicy(input);
      } catch (error) {
        return { errors: [`policy: the builder failed: ${(error as Error).message}`], warnings: [] };
      }
      // What a builder returns is read like a policy object given directly: a trap that throws is its problem.
      const unreadable = unreadableProblem('policy', policy);
      if (unreadable !== undefined) return { errors: [unreadable], warnings: [] };
    }
    if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
      return {
        errors: [
          `policy: received ${describeValue(policy)}, expected an audit.k8s.io/v1 Policy object, a builder or YAML text. ` +
            'Fix: pass { apiVersion: "audit.k8s.io/v1", kind: "Policy", rules: [...] }',
        ],
        warnings: [],
      };
    }
    const size = renderedSizeAtLeast(policy, RENDER_LIMIT_BYTES);
    if ('cycle' in size) {
      return {
        errors: [
          'policy: received an object that contains itself, expected an audit.k8s.io/v1 Policy of strings, ' +
            'lists and objects. Fix: build each rule from its own lists (no list or rule inside itself)',
        ],
        warnings: [],
      };
    }
    if (size.bytes > RENDER_LIMIT_BYTES) return { errors: [tooLarge(size.bytes, true)], warnings: [] };
    // JSON is YAML: the strict loader then sees exactly the keys the object has.
    try {
      text = JSON.stringify(policy);
    } catch (error) {
      return {
        errors: [
          `policy: received an object JSON cannot encode (${(error as Error).message}), expected an ` +
            'audit.k8s.io/v1 Policy of strings, lists and objects. Fix: write every value as a string, ' +
            'a list of strings or a boolean, as the Policy type says',
        ],
        warnings: [],
      };
    }
    source = 'policy object';
  }
  // Text is the user's file: the Secret limit applies up front. An object is already in memory; its size is
  // checked on the rendered text below.
  const limit = typeof input === 'string' ? {} : { maxBytes: Number.POSITIVE_INFINITY };
  const loaded = loadPolicy(text, { kubernetesVersion, target: 'deckhouse', ...limit });
  const isText = typeof input === 'string';
  const warnings = loaded.warnings.map((w) => formatLoadProblem(w, source, isText));
  if (loaded.errors.length > 0 || !loaded.policy) {
    const errors = loaded.errors.map((e) =>
      formatLoadProblem(e, `${source}, Kubernetes ${kubernetesVersion}`, isText),
    );
    if (errors.length === 0)
      errors.push(`policy: could not be decoded [${source}]. Fix: check that it is a Policy document`);
    return { errors, warnings };
  }
  // YAML aliases are expanded by rendering: bound the size before the text is built.
  const expanded = renderedSizeAtLeast(loaded.policy, RENDER_LIMIT_BYTES);
  if ('bytes' in expanded && expanded.bytes > RENDER_LIMIT_BYTES)
    return { errors: [tooLarge(expanded.bytes, true, isText)], warnings };
  const rendered = renderPolicy(loaded.policy, { kubernetesVersion });
  const reloaded = loadPolicy(rendered, {
    kubernetesVersion,
    target: 'deckhouse',
    maxBytes: Number.POSITIVE_INFINITY,
  });
  if (reloaded.errors.length > 0) {
    // A renderer bug must never reach the cluster.
    return {
      errors: reloaded.errors.map((e) =>
        formatLoadProblem(e, 'rendered policy (internal error, please report)', true),
      ),
      warnings,
    };
  }
  const bytes = Buffer.byteLength(rendered, 'utf8');
  if (bytes > SECRET_SIZE_LIMIT_BYTES) return { errors: [tooLarge(bytes, false, isText)], warnings };
  return { policy: loaded.policy, rendered, errors: [], warnings };
}

/** SHA-256 (hex) of a text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Props of {@link AuditPolicySecret}. */
export interface AuditPolicySecretProps extends ArgoCdOptions {
  /** The custom policy: a Policy object, a builder (anything with `build()`), or YAML/JSON text. */
  readonly policy: PolicyInput;
  /**
   * The Kubernetes version the policy is validated for.
   * @default DEFAULT_KUBERNETES_VERSION ('1.32', the oldest version current Deckhouse supports)
   */
  readonly kubernetesVersion?: string;
  /**
   * The Argo CD sync wave.
   * @default -1 (before the control-plane-manager ModuleConfig that enables it)
   */
  readonly syncWave?: number;
  /**
   * Whether Deckhouse runs its built-in rules around this policy (the lint checks your rules after them).
   * @default true
   */
  readonly basicAuditPolicyEnabled?: boolean;
  /**
   * Lint of the policy as Deckhouse runs it; an error (e.g. Secret bodies in the log) fails synth.
   * @default - on, with each code's own severity
   */
  readonly lint?: AuditLintOptions;
  /**
   * Findings you reviewed and accept, one at a time (by code and rule, with a reason).
   * @default - none
   */
  readonly acknowledged?: readonly AcknowledgedFinding[];
}

/** Every prop of AuditPolicySecret: any other key is refused (prop-keys.ts). */
const AUDIT_POLICY_SECRET_PROPS: PropKeys<AuditPolicySecretProps> = {
  argoCdAnnotations: true,
  policy: true,
  kubernetesVersion: true,
  syncWave: true,
  basicAuditPolicyEnabled: true,
  lint: true,
  acknowledged: true,
};

/**
 * The Secret `kube-system/audit-policy` that Deckhouse reads the custom policy from (key
 * `audit-policy.yaml` in `data`, canonical YAML), annotated with the policy's SHA-256. A policy
 * that kube-apiserver would reject fails synth instead of reaching the cluster.
 */
export class AuditPolicySecret extends Construct {
  /** The `v1/Secret` object (a plain ApiObject: no generated Kubernetes classes in this package's types). */
  public readonly resource: ApiObject;
  /** The canonical policy YAML stored in the Secret (empty when the policy was refused). */
  public readonly renderedPolicy: string;
  /** The policy as decoded and validated (undefined when it was refused). */
  public readonly policy?: Policy;
  /** SHA-256 of renderedPolicy (hex). */
  public readonly policySha256: string;
  /** The Kubernetes version the policy was validated for. */
  public readonly kubernetesVersion: string;

  public constructor(scope: Construct, id: string, props: AuditPolicySecretProps) {
    super(scope, id);
    checkInChart(this, Chart.isChart);
    checkPropsData(this.node.path, props, []);
    checkPropKeys(this.node.path, 'props', props, AUDIT_POLICY_SECRET_PROPS, false);
    checkPolicyInput(this.node.path, props.policy);
    checkArgoCdProps(this.node.path, props);
    checkPropValue(this.node.path, 'basicAuditPolicyEnabled', props.basicAuditPolicyEnabled, [true, false]);
    checkLintOptions(this.node.path, props.lint);
    this.kubernetesVersion = props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    const prepared = preparePolicy(props.policy, this.kubernetesVersion);
    this.policy = prepared.policy;
    this.renderedPolicy = prepared.rendered ?? '';
    this.policySha256 = sha256Hex(this.renderedPolicy);

    const manifest = (serverSideApply: boolean) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: AUDIT_POLICY_SECRET_NAME,
        namespace: AUDIT_POLICY_SECRET_NAMESPACE,
        annotations: {
          ...argoCdAnnotations(props.argoCdAnnotations, props.syncWave ?? SYNC_WAVES.policySecret, {
            serverSideApply,
          }),
          [POLICY_SHA256_ANNOTATION]: this.policySha256,
        },
      },
      type: 'Opaque',
      // data, not stringData: GitOps tools diff stringData badly (the server moves it into data).
      data: { [AUDIT_POLICY_SECRET_KEY]: Buffer.from(this.renderedPolicy, 'utf8').toString('base64') },
    });
    const serverSideApply = tooLargeForClientSideApply(manifest(false));
    this.resource = new ApiObject(this, 'Resource', manifest(serverSideApply));
    // With Argo CD annotations the manifest already says how to apply it (a warning would also block
    // failOnWarnings with nothing left to fix); without them, whoever applies it must know.
    if (serverSideApply && props.argoCdAnnotations === false) addWarning(this, serverSideApplyWarning());

    canonicalManifest(this.resource);
    this.node.addValidation({ validate: () => prepared.errors });
    guardIdentity(this, this.resource, {
      name: AUDIT_POLICY_SECRET_NAME,
      namespace: AUDIT_POLICY_SECRET_NAMESPACE,
      readBy: 'Deckhouse reads the custom policy only from Secret kube-system/audit-policy',
      clashFix:
        'one cluster has one custom policy: create one AuditPolicySecret (or one DeckhouseClusterAudit) per app',
    });
    const basicAuditPolicyEnabled = props.basicAuditPolicyEnabled ?? true;
    this.node.addValidation({
      validate: () =>
        this.policy === undefined
          ? []
          : [
              ...renderedSecretErrors(this.resource, this.renderedPolicy),
              ...basicRulesMismatch(this, basicAuditPolicyEnabled),
            ],
    });
    addLazyWarnings(this, () => unreadSecretWarnings(this));
    checkAcknowledgements(props.acknowledged, this.node.path);
    if (this.policy !== undefined && props.lint?.enabled !== false) {
      // The same gate as the composite's: a policy that records Secret bodies never ships on its own either.
      const effective = deckhouseEffectivePolicy({
        basicAuditPolicyEnabled,
        customPolicy: this.policy,
      });
      // Merged with the bundled snapshot's built-in rules: a verdict its system lists decide is said to be theirs.
      const outcome = checkEffectivePolicy(effective, {
        lint: props.lint,
        acknowledged: props.acknowledged,
        bundledSnapshot: basicAuditPolicyEnabled,
      });
      for (const warning of outcome.warnings) addWarning(this, warning);
      this.node.addValidation({ validate: () => outcome.errors });
    }
    // Whatever the props, nothing reaches dist/ that its schema would refuse.
    this.node.addValidation({ validate: () => schemaErrors(this) });
  }
}
