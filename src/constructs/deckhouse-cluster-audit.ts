import { Construct } from 'constructs';
import { AssertionPack, dvpDocumentedPromises, runAssertionPack } from '../deckhouse/assertion-packs';
import { deckhouseEffectivePolicy } from '../deckhouse/effective';
import { AssertionResult, AuditAssertion, checkAudit } from '../policy/assertions';
import { ruleLabel } from '../policy/describe';
import { LintCode, lintPolicy, Severity } from '../policy/lint';
import { DEFAULT_KUBERNETES_VERSION } from '../policy/kubernetes-version';
import { EffectivePolicy, Finding } from '../policy/types';
import { ArgoCdOptions } from './argocd';
import { AuditLogShipping } from './audit-log-shipping';
import { AuditPolicySecret, PolicyInput } from './audit-policy-secret';
import { AuditLogOptions, ControlPlaneAuditConfig } from './control-plane-audit-config';
import { AuditLogDestination } from './log-destination';
import { LogFilter } from './log-filter';
import { LogShipperModule, LogShipperModuleProps } from './log-shipper-module';
import { addWarning, collectWarnings } from './warnings';

/** A custom check of the effective policy, run at synth: return findings (errors fail synth). */
export type PolicyCheckFunction = (effective: EffectivePolicy) => readonly Finding[];

/**
 * A synth-time expectation: an assertion as data (`{ request: 'exec web-0 -n prod', expect: { atLeast:
 * 'Request' } }`, failing = error) or a function returning findings.
 */
export type PolicyExpectation = AuditAssertion | PolicyCheckFunction;

/** Lint settings of {@link DeckhouseClusterAudit}. */
export interface AuditLintOptions {
  /**
   * Run the linter on the effective policy at synth.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Per-code severity overrides, e.g. `{ 'sensitive-body': 'warning' }` to downgrade.
   * @default - each code's own severity
   */
  readonly severities?: Partial<Record<LintCode, Severity>>;
  /**
   * Codes not to report.
   * @default - none
   */
  readonly ignore?: readonly LintCode[];
  /**
   * Also report findings about Deckhouse's built-in rules (dead rules upstream, ...).
   * @default false
   */
  readonly reportBuiltInRules?: boolean;
}

/** Props of {@link DeckhouseClusterAudit}. */
export interface DeckhouseClusterAuditProps extends ArgoCdOptions {
  /**
   * Deckhouse's built-in rules around the custom ones (`basicAuditPolicyEnabled`).
   * @default true
   */
  readonly basicAuditPolicyEnabled?: boolean;
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
   * kube-apiserver Pods, a `File` path must lie under /var/log (the agent reads only there).
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
   * Custom checks of the effective policy (e.g. "exec in prod is recorded at Request"); a failing
   * assertion fails synth.
   * @default - none
   */
  readonly expectations?: readonly PolicyExpectation[];
  /**
   * Assertion packs run on the effective policy (`dvpDocumentedPromises`, `cis`, `falcoNeedsBodies`, ...).
   * @default - [dvpDocumentedPromises], failures reported as warnings
   */
  readonly assertionPacks?: readonly AssertionPack[];
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

function findingText(finding: Finding, effective: EffectivePolicy): string {
  // Lint messages start with the rule's label; other findings about one rule get it added.
  const origin = finding.ruleIndex >= 0 ? effective.origins[finding.ruleIndex] : undefined;
  const label = finding.ruleIndex >= 0 ? ruleLabel(finding.ruleIndex, origin) : undefined;
  const where =
    finding.code.startsWith('assertion') || (label !== undefined && finding.message.startsWith(label))
      ? ''
      : label === undefined
        ? 'policy: '
        : `${label}: `;
  const sentence = /[.!?]$/.test(finding.message) ? finding.message : `${finding.message}.`;
  const fix = finding.fix ? ` Fix: ${finding.fix}` : '';
  return `${finding.code}: ${where}${sentence}${fix}`;
}

function assertionFinding(result: AssertionResult, source: string, severity: 'error' | 'warning'): Finding {
  const rules = result.fixRules?.length ? ` (rules that close it: ${JSON.stringify(result.fixRules)})` : '';
  return {
    code: `${result.id ? `assertion ${result.id}` : 'assertion'} (${source})`,
    severity,
    // The message names the deciding rule; the finding is about the policy as a whole.
    ruleIndex: -1,
    message: result.message
      .replace(/^FAILS: /, '')
      .replace(/\n\s*/g, '; ')
      .replace(/ {2,}/g, ' '),
    ...(result.fix || rules ? { fix: `${result.fix ?? 'add a custom rule'}${rules}` } : {}),
  };
}

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
  /** Lint and expectation findings of the effective policy. */
  public readonly findings: readonly Finding[];

  public constructor(scope: Construct, id: string, props: DeckhouseClusterAuditProps = {}) {
    super(scope, id);
    const basicAuditPolicyEnabled = props.basicAuditPolicyEnabled ?? true;
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
        argoCdAnnotations: props.argoCdAnnotations,
      });
    }
    this.controlPlane = new ControlPlaneAuditConfig(this, 'ControlPlane', {
      auditPolicyEnabled: props.policy !== undefined,
      basicAuditPolicyEnabled,
      auditLog: props.auditLog,
      additionalSettings: props.controlPlaneSettings,
      argoCdAnnotations: props.argoCdAnnotations,
    });
    if (props.destinations !== undefined) {
      this.shipping = new AuditLogShipping(this, 'Shipping', {
        destinations: props.destinations,
        auditLog: props.auditLog,
        filters: props.shippingFilters,
        name: props.loggingConfigName,
        argoCdAnnotations: props.argoCdAnnotations,
      });
    }

    const errors: string[] = [];
    const findings: Finding[] = [];
    const policyRefused = this.policySecret !== undefined && this.policySecret.policy === undefined;
    if (!policyRefused) {
      const effective = deckhouseEffectivePolicy({
        basicAuditPolicyEnabled,
        customPolicy: this.policySecret?.policy,
      });
      this.effectivePolicy = effective;
      for (const warning of effective.warnings) {
        addWarning(
          this,
          `${warning.field ? `${warning.field}: ` : ''}${warning.message}${warning.fix ? `. Fix: ${warning.fix}` : ''}`,
        );
      }
      if (props.lint?.enabled !== false) {
        findings.push(
          ...lintPolicy(effective, {
            severities: props.lint?.severities,
            ignore: props.lint?.ignore ? [...props.lint.ignore] : undefined,
          }),
        );
      }
      (props.expectations ?? []).forEach((expectation, i) => {
        if (typeof expectation === 'function') {
          try {
            findings.push(...expectation(effective));
          } catch (error) {
            errors.push(
              `expectations[${i}]: threw ${(error as Error).message}. Fix: return findings instead of throwing`,
            );
          }
          return;
        }
        const [result] = checkAudit(effective, [expectation]);
        if (!result.ok) findings.push(assertionFinding(result, `expectations[${i}]`, 'error'));
      });
      const packs = props.assertionPacks ?? [dvpDocumentedPromises];
      const packSeverity = props.assertionSeverity ?? (props.assertionPacks ? 'error' : 'warning');
      for (const pack of packs) {
        for (const result of runAssertionPack(pack, effective)) {
          if (!result.ok)
            findings.push(assertionFinding(result, `assertion pack ${pack.name}`, packSeverity));
        }
      }
      for (const finding of findings) {
        // Findings about Deckhouse's own rules are not the user's to fix: reported only on request.
        const builtIn = finding.layer !== undefined && finding.layer !== 'custom';
        if (builtIn && !props.lint?.reportBuiltInRules) continue;
        const text = findingText(finding, effective);
        if (finding.severity === 'error') errors.push(text);
        else if (finding.severity === 'warning') addWarning(this, text);
      }
    }
    this.findings = findings;
    if (props.failOnWarnings) {
      this.node.addValidation({
        validate: () => collectWarnings(this).map((w) => `(failOnWarnings) ${w}`),
      });
    }
    this.node.addValidation({ validate: () => errors });
  }
}
