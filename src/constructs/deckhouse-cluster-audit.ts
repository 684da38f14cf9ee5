import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { AssertionPack, dvpDocumentedPromises } from '../deckhouse/assertion-packs';
import { DeckhouseBasicRules, isDeckhouseBasicRules } from '../deckhouse/basic-rules';
import { deckhouseEffectivePolicy } from '../deckhouse/effective';
import { checkAuditAssertion } from '../policy/assertion-arguments';
import { AuditAssertion } from '../policy/assertions';
import {
  DEFAULT_KUBERNETES_VERSION,
  kubernetesVersionProblem,
  SUPPORTED_KUBERNETES_VERSIONS,
} from '../policy/kubernetes-version';
import { EffectivePolicy } from '../policy/types';
import { ArgoCdOptions } from './argocd';
import { AuditLogShipping, AuditLogShippingProps, SHIPPING_FIELD_NAMES } from './audit-log-shipping';
import { AuditPolicySecret, checkPolicyInput, PolicyInput } from './audit-policy-secret';
import {
  AuditLogOptions,
  ControlPlaneAuditConfig,
  ControlPlaneAuditConfigProps,
  EFFECTIVE_POLICY_LINTED,
  SETTINGS_FIELD_NAME,
} from './control-plane-audit-config';
import { AuditLogDestination } from './log-destination';
import { LogFilter } from './log-filter';
import { LogShipperModule, LogShipperModuleProps } from './log-shipper-module';
import {
  AcknowledgedFinding,
  AuditAssertionFunction,
  AuditLintOptions,
  checkAcknowledgements,
  checkEffectivePolicy,
  PolicyCheckFinding,
} from './policy-checks';
import { addWarning, collectWarnings } from './warnings';
import { checkPropsData, checkReadable, describeReceived } from './plain-data';
import { AUDIT_LOG_OPTION_KEYS } from './audit-log-settings';
import { LOG_SHIPPER_MODULE_PROPS } from './log-shipper-module';
import { checkLintOptions } from './policy-checks';
import {
  checkArgoCdProps,
  checkPropKeys,
  checkPropList,
  checkPropValue,
  ConstructPropsError,
  PropKeys,
  checkInChart,
} from './prop-keys';

/** Props of {@link DeckhouseClusterAudit}. */
export interface DeckhouseClusterAuditProps extends ArgoCdOptions {
  /**
   * Deckhouse's built-in rules around the custom ones (`basicAuditPolicyEnabled`).
   * @default true
   */
  readonly basicAuditPolicyEnabled?: boolean;
  /**
   * The built-in rules the cluster runs, when they are not the bundled snapshot's: e.g.
   * `builtInRulesFromMergedPolicy(readFileSync('audit-policy.yaml', 'utf8'))` on the merged policy copied from
   * a master (`/etc/kubernetes/deckhouse/extra-files/audit-policy.yaml`), so lint, assertions and assertion packs
   * check the policy the cluster really runs. Nothing of it is synthesized: Deckhouse makes these rules.
   * @default DECKHOUSE_BASIC_RULES (the bundled snapshot)
   */
  readonly builtInRules?: DeckhouseBasicRules;
  /**
   * The custom policy (a Policy object, a builder, or YAML text). Given: the Secret
   * `kube-system/audit-policy` is created and `auditPolicyEnabled` is set.
   * @default - no custom policy (only the built-in rules)
   */
  readonly policy?: PolicyInput;
  /**
   * Kubernetes version the policy is validated for.
   * @default - `controlPlaneSettings.kubernetesVersion` when it pins one, else DEFAULT_KUBERNETES_VERSION
   */
  readonly kubernetesVersion?: string;
  /**
   * Where kube-apiserver writes the events; `Stdout` switches the log-shipper source to the
   * kube-apiserver Pods. A `File` path must not contain `..` (it becomes a hostPath of the kube-apiserver
   * Pod), and must lie under /var/log when `destinations` are given (the agent reads only there; without
   * destinations a path elsewhere is a warning).
   * @default - `{ output: 'File', path: '/var/log/kube-audit' }`
   */
  readonly auditLog?: AuditLogOptions;
  /**
   * Where to ship the audit log. Given: the log-shipper module is enabled and the pipeline created.
   * @default - no shipping
   */
  readonly destinations?: readonly AuditLogDestination[];
  /**
   * logFilter items applied to everything shipped.
   * @default - none
   */
  readonly shippingFilters?: readonly LogFilter[];
  /**
   * Name (and prefix) of the ClusterLoggingConfigs.
   * @default 'kube-audit'
   */
  readonly loggingConfigName?: string;
  /**
   * The log-shipper ModuleConfig: its props, or `false` to leave the module to someone else.
   * @default - enabled (no settings) when destinations are given
   */
  readonly logShipperModule?: LogShipperModuleProps | false;
  /**
   * Other control-plane-manager settings to keep in its ModuleConfig (it replaces all settings).
   * @default - none
   */
  readonly controlPlaneSettings?: Record<string, unknown>;
  /**
   * Lint of the effective policy at synth.
   * @default - on, with each code's own severity
   */
  readonly lint?: AuditLintOptions;
  /**
   * Statements about the effective policy, checked at synth: an assertion as data
   * (`{ request: 'exec web-0 -n prod -- sh', atLeast: 'Request' }`) or a function returning findings.
   * A failing assertion fails synth.
   * @default - none
   */
  readonly assertions?: readonly (AuditAssertion | AuditAssertionFunction)[];
  /**
   * Assertion packs run on the effective policy (`dvpDocumentedPromises`, `cis`, `falcoNeedsBodies`, ...).
   * @default - [dvpDocumentedPromises], failures reported as warnings
   */
  readonly assertionPacks?: readonly AssertionPack[];
  /**
   * Findings you reviewed and accept, one at a time (by code and rule or assertion, with a reason).
   * @default - none
   */
  readonly acknowledged?: readonly AcknowledgedFinding[];
  /**
   * What a failed pack assertion is.
   * @default - 'error' when `assertionPacks` is given, 'warning' for the default pack
   */
  readonly assertionSeverity?: 'error' | 'warning';
  /**
   * Treat warnings as errors (fail synth).
   * @default false
   */
  readonly failOnWarnings?: boolean;
}

/** Every prop of DeckhouseClusterAudit: any other key is refused (prop-keys.ts). */
const DECKHOUSE_CLUSTER_AUDIT_PROPS: PropKeys<DeckhouseClusterAuditProps> = {
  argoCdAnnotations: true,
  basicAuditPolicyEnabled: true,
  builtInRules: true,
  policy: true,
  kubernetesVersion: true,
  auditLog: true,
  destinations: true,
  shippingFilters: true,
  loggingConfigName: true,
  logShipperModule: true,
  controlPlaneSettings: true,
  lint: true,
  assertions: true,
  assertionPacks: true,
  acknowledged: true,
  assertionSeverity: true,
  failOnWarnings: true,
};

const DATA_PROPS: readonly string[] = Object.keys(DECKHOUSE_CLUSTER_AUDIT_PROPS).filter(
  (key) => !['policy', 'builtInRules', 'assertions', 'assertionPacks'].includes(key),
);

/**
 * Kubernetes API audit on a Deckhouse cluster in one construct: the control-plane-manager
 * ModuleConfig, the custom policy Secret (when a policy is given), and the log-shipper module
 * and pipeline (when destinations are given), kept consistent with each other; the effective
 * policy is linted and checked at synth.
 */
export class DeckhouseClusterAudit extends Construct {
  /** The control-plane-manager ModuleConfig. */
  public readonly controlPlane: ControlPlaneAuditConfig;
  /** The custom policy Secret, when a policy was given. */
  public readonly policySecret?: AuditPolicySecret;
  /** The log-shipper ModuleConfig, when shipping is configured and the module is managed here. */
  public readonly logShipperModule?: LogShipperModule;
  /** The log-shipper pipeline, when destinations were given. */
  public readonly shipping?: AuditLogShipping;
  /** The policy kube-apiserver will run (undefined when the custom policy was refused). */
  public readonly effectivePolicy?: EffectivePolicy;
  /** Lint and assertion findings of the effective policy (acknowledged ones included). */
  public readonly findings: readonly PolicyCheckFinding[];

  public constructor(scope: Construct, id: string, props: DeckhouseClusterAuditProps = {}) {
    super(scope, id);
    checkInChart(this, Chart.isChart);
    const path = this.node.path;
    // Everything but the policy, built-in rules, assertions and packs (which may hold builders and functions).
    checkPropsData(path, props, DATA_PROPS);
    checkPropKeys(path, 'props', props, DECKHOUSE_CLUSTER_AUDIT_PROPS, false);
    checkPolicyInput(path, props.policy);
    // The props that may hold functions (assertions, packs) or class instances are not plain data, but reading
    // them must not surface a trap's raw error either.
    for (const key of ['builtInRules', 'assertions', 'assertionPacks'] as const)
      checkReadable(path, key, props[key]);
    checkPropKeys(path, 'auditLog', props.auditLog, AUDIT_LOG_OPTION_KEYS);
    checkArgoCdProps(path, props);
    checkPropValue(path, 'failOnWarnings', props.failOnWarnings, [true, false]);
    checkPropValue(path, 'basicAuditPolicyEnabled', props.basicAuditPolicyEnabled, [true, false]);
    checkPropValue(path, 'assertionSeverity', props.assertionSeverity, ['error', 'warning']);
    checkLintOptions(path, props.lint);
    checkPropList(path, 'destinations', props.destinations, 'destinations');
    checkPropList(path, 'shippingFilters', props.shippingFilters, 'log filters');
    checkPropList(path, 'assertions', props.assertions, 'assertions');
    checkPropList(path, 'assertionPacks', props.assertionPacks, 'assertion packs');
    (props.assertionPacks ?? []).forEach((pack: unknown, i) => {
      const p = pack as { name?: unknown; items?: unknown } | null;
      if (typeof p === 'object' && p !== null && typeof p.name === 'string' && Array.isArray(p.items)) return;
      throw new ConstructPropsError(
        path,
        `assertionPacks[${i}]: received ${describeReceived(pack)}, expected an AssertionPack ({ name, items }). ` +
          'Fix: pass a pack exported by this package, e.g. dvpDocumentedPromises',
      );
    });
    if (props.logShipperModule !== undefined && props.logShipperModule !== false) {
      const module = props.logShipperModule as unknown;
      if (typeof module !== 'object' || module === null || Array.isArray(module))
        throw new ConstructPropsError(
          path,
          `logShipperModule: received ${describeReceived(module)}, expected false (leave the module alone) or LogShipperModule props. ` +
            'Fix: pass false or e.g. { settings: {} }',
        );
      checkPropKeys(path, 'logShipperModule', module, LOG_SHIPPER_MODULE_PROPS);
    }
    // A mistyped assertion is wrong on its own: refuse it here, where the stack points at the user's line.
    (props.assertions ?? []).forEach((assertion, i) => {
      if (typeof assertion === 'function') return;
      try {
        checkAuditAssertion(assertion, `assertions[${i}]`);
      } catch (error) {
        throw new ConstructPropsError(this.node.path, `${(error as Error).message}`);
      }
    });
    const basicAuditPolicyEnabled = props.basicAuditPolicyEnabled ?? true;
    const builtInRules = props.builtInRules;
    if (builtInRules !== undefined && !isDeckhouseBasicRules(builtInRules)) {
      throw new ConstructPropsError(
        this.node.path,
        `builtInRules: received ${describeReceived(builtInRules)}, expected DeckhouseBasicRules (lists basic, ` +
          'virtualization, tail, ...). Fix: build it with builtInRulesFromMergedPolicy()',
      );
    }
    // Checked even when no policy uses it (the built-in rules alone): a version this package does not model
    // would otherwise pass unnoticed, and with it a typo such as "1.3".
    const version: unknown = props.kubernetesVersion;
    const versionProblem =
      version === undefined
        ? undefined
        : typeof version !== 'string'
          ? 'must be a string such as "1.32"'
          : kubernetesVersionProblem(version);
    if (versionProblem !== undefined) {
      throw new ConstructPropsError(
        this.node.path,
        `kubernetesVersion: received ${describeReceived(props.kubernetesVersion)}: ${versionProblem}. Fix: set ` +
          `the cluster's Kubernetes minor version, one of ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}`,
      );
    }
    // A cluster pinned to a version in control-plane-manager settings runs that version's validation.
    const pinned = props.controlPlaneSettings?.kubernetesVersion;
    const kubernetesVersion =
      props.kubernetesVersion ??
      (typeof pinned === 'string' && pinned !== 'Default' ? pinned : DEFAULT_KUBERNETES_VERSION);

    // Created in Argo CD wave order so that the synthesized file reads top-down like the rollout.
    if (props.destinations !== undefined && props.logShipperModule !== false) {
      this.logShipperModule = new LogShipperModule(this, 'LogShipperModule', {
        argoCdAnnotations: props.argoCdAnnotations,
        ...(props.logShipperModule ?? {}),
      });
    }
    if (props.policy !== undefined) {
      this.policySecret = new AuditPolicySecret(this, 'PolicySecret', {
        policy: props.policy,
        kubernetesVersion,
        basicAuditPolicyEnabled,
        // The composite checks the effective policy itself (lint, assertions, packs) just below.
        lint: { enabled: false },
        argoCdAnnotations: props.argoCdAnnotations,
      });
    }
    this.controlPlane = new ControlPlaneAuditConfig(this, 'ControlPlane', {
      auditPolicyEnabled: props.policy !== undefined,
      basicAuditPolicyEnabled,
      auditLog: props.auditLog,
      additionalSettings: props.controlPlaneSettings,
      argoCdAnnotations: props.argoCdAnnotations,
      // Messages name the prop as this construct's user wrote it.
      [SETTINGS_FIELD_NAME]: 'controlPlaneSettings',
      // Its lint reports an effective policy without rules (audit-disabled).
      [EFFECTIVE_POLICY_LINTED]: true,
    } as ControlPlaneAuditConfigProps);
    if (props.destinations !== undefined) {
      this.shipping = new AuditLogShipping(this, 'Shipping', {
        destinations: props.destinations,
        auditLog: props.auditLog,
        filters: props.shippingFilters,
        name: props.loggingConfigName,
        argoCdAnnotations: props.argoCdAnnotations,
        // Messages name the props as this construct's user wrote them.
        [SHIPPING_FIELD_NAMES]: { name: 'loggingConfigName', filters: 'shippingFilters' },
      } as AuditLogShippingProps);
    }

    checkAcknowledgements(props.acknowledged, this.node.path);
    let errors: readonly string[] = [];
    let findings: readonly PolicyCheckFinding[] = [];
    const policyRefused = this.policySecret !== undefined && this.policySecret.policy === undefined;
    if (!policyRefused) {
      const effective = deckhouseEffectivePolicy({
        basicAuditPolicyEnabled,
        customPolicy: this.policySecret?.policy,
        ...(builtInRules ? { basicRules: builtInRules } : {}),
      });
      if (builtInRules && !basicAuditPolicyEnabled) {
        addWarning(
          this,
          'builtInRules: not used, because basicAuditPolicyEnabled is false (no built-in rules run)',
        );
      }
      this.effectivePolicy = effective;
      for (const warning of effective.warnings) {
        addWarning(
          this,
          `${warning.field ? `${warning.field}: ` : ''}${warning.message}${warning.fix ? `. Fix: ${warning.fix}` : ''}`,
        );
      }
      const outcome = checkEffectivePolicy(effective, {
        lint: props.lint,
        assertions: props.assertions,
        assertionPacks: props.assertionPacks ?? [dvpDocumentedPromises],
        packSeverity: props.assertionSeverity ?? (props.assertionPacks ? 'error' : 'warning'),
        acknowledged: props.acknowledged,
        bundledSnapshot: builtInRules === undefined && basicAuditPolicyEnabled,
      });
      for (const warning of outcome.warnings) addWarning(this, warning);
      errors = outcome.errors;
      findings = outcome.findings;
    }
    this.findings = findings;
    if (props.failOnWarnings) {
      this.node.addValidation({
        validate: () => collectWarnings(this).map((w) => `(failOnWarnings) ${w}`),
      });
    }
    this.node.addValidation({ validate: () => [...errors] });
  }
}
