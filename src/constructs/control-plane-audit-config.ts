import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ModuleConfig } from '../../imports/deckhouse.io';
import { ArgoCdOptions, argoCdAnnotations, SYNC_WAVES } from './argocd';
import { isJsonObject } from './json-values';
import { formatProblem, PropProblem } from './messages';
import {
  AUDIT_LOG_FILE_NAME,
  AUDIT_LOG_OPTION_KEYS,
  AUDIT_LOG_SHIPPING_MARK,
  AuditLogOptions,
  auditLogSchemaProblems,
  auditSettingsProblem,
  checkAuditLogOptions,
  DEFAULT_AUDIT_LOG_PATH,
  LOG_SHIPPER_READABLE_ROOT,
  readableByLogShipper,
  ResolvedAuditLog,
  resolveAuditLog,
} from './audit-log-settings';
import { schemaErrors, SETTINGS_POINTER } from './schema-validation';

export {
  AUDIT_LOG_FILE_NAME,
  AUDIT_LOG_OUTPUTS,
  AUDIT_LOG_PATH_PATTERN,
  checkAuditLogOptions,
  DEFAULT_AUDIT_LOG_OUTPUT,
  DEFAULT_AUDIT_LOG_PATH,
  resolveAuditLog,
} from './audit-log-settings';
export type { AuditLogOptions, AuditLogOutput, ResolvedAuditLog } from './audit-log-settings';
import { canonicalManifest } from './synth';
import { addLazyWarnings, addWarning } from './warnings';
import { guardIdentity } from './object-identity';
import { moduleSettingsCredentialErrors } from './settings-credentials';
import { checkArgoCdProps, checkPropKeys, PropKeys, checkInChart } from './prop-keys';
import { checkPropsData } from './plain-data';
import { auditSettingsPatched } from './control-plane-patch';
import { missingPolicySecretWarnings } from './policy-secret-presence';

/** The control-plane-manager settings schema version these constructs write (`x-config-version`). */
export const CONTROL_PLANE_MANAGER_SETTINGS_VERSION = 3;

/** Props of {@link ControlPlaneAuditConfig}. */
export interface ControlPlaneAuditConfigProps extends ArgoCdOptions {
  /**
   * Read the custom policy from Secret `kube-system/audit-policy`.
   * @default false
   */
  readonly auditPolicyEnabled?: boolean;
  /**
   * Put Deckhouse's built-in rules around the custom ones.
   * @default true
   */
  readonly basicAuditPolicyEnabled?: boolean;
  /**
   * Where kube-apiserver writes the events.
   * @default - `{ output: 'File', path: '/var/log/kube-audit' }`
   */
  readonly auditLog?: AuditLogOptions;
  /**
   * Other control-plane-manager settings (schema version 3) to keep: this ModuleConfig replaces
   * the module's whole `settings` in the cluster, so copy the cluster's current settings here.
   * The audit keys under `apiserver` are set by the props above and may not appear here.
   * @default - no other settings
   */
  readonly additionalSettings?: Record<string, unknown>;
  /**
   * The Argo CD sync wave.
   * @default 0
   */
  readonly syncWave?: number;
}

const AUDIT_SETTING_KEYS = ['auditPolicyEnabled', 'basicAuditPolicyEnabled', 'auditLog'];

// DeckhouseClusterAudit (whose prop is controlPlaneSettings) has no auditPolicyEnabled prop: its policy prop sets it.
function settingFix(key: string, settingsProp: string): string {
  return key === 'auditPolicyEnabled' && settingsProp === 'controlPlaneSettings'
    ? 'remove it: auditPolicyEnabled follows the policy prop (true when a policy is given, which creates the Secret)'
    : `set ${key} with the construct prop of the same name`;
}

// Marks instances for isControlPlaneAuditConfig (instanceof fails across copies of this package).
const CONTROL_PLANE_AUDIT_CONFIG = Symbol.for('cdk8s-deckhouse-audit.ControlPlaneAuditConfig');

/** Every prop of ControlPlaneAuditConfig: any other key is refused (prop-keys.ts). */
const CONTROL_PLANE_AUDIT_CONFIG_PROPS: PropKeys<ControlPlaneAuditConfigProps> = {
  argoCdAnnotations: true,
  auditPolicyEnabled: true,
  basicAuditPolicyEnabled: true,
  auditLog: true,
  additionalSettings: true,
  syncWave: true,
};

/**
 * Set on the props by a construct that makes a ControlPlaneAuditConfig from a prop of its own under another
 * name (DeckhouseClusterAudit: `controlPlaneSettings`), so that messages name the prop the user wrote. A symbol
 * key: not a prop, and not seen by the prop-key check.
 */
export const SETTINGS_FIELD_NAME = Symbol('ControlPlaneAuditConfig additionalSettings name');

/**
 * Set on the props by a construct that lints the effective policy itself (DeckhouseClusterAudit reports a policy
 * without rules as `audit-disabled`), so that this construct does not say it a second time.
 */
export const EFFECTIVE_POLICY_LINTED = Symbol(
  'ControlPlaneAuditConfig effective policy linted by the parent',
);

/**
 * The `control-plane-manager` ModuleConfig with the audit settings of kube-apiserver
 * (`spec.version: 3`, `settings.apiserver.{auditPolicyEnabled, basicAuditPolicyEnabled, auditLog}`).
 */
export class ControlPlaneAuditConfig extends Construct {
  /** The ModuleConfig object (for escape-hatch patches: `resource.addJsonPatch(...)`). */
  public readonly resource: ApiObject;
  /** The audit log settings with defaults applied. */
  public readonly auditLog: ResolvedAuditLog;
  /** Whether the custom policy Secret is read. */
  public readonly auditPolicyEnabled: boolean;
  /** Whether Deckhouse's built-in rules are on. */
  public readonly basicAuditPolicyEnabled: boolean;

  /** True for a ControlPlaneAuditConfig (of any copy of this package). */
  public static isControlPlaneAuditConfig(x: unknown): x is ControlPlaneAuditConfig {
    return typeof x === 'object' && x !== null && CONTROL_PLANE_AUDIT_CONFIG in x;
  }

  public constructor(scope: Construct, id: string, props: ControlPlaneAuditConfigProps = {}) {
    super(scope, id);
    checkInChart(this, Chart.isChart);
    checkPropsData(this.node.path, props);
    checkPropKeys(this.node.path, 'props', props, CONTROL_PLANE_AUDIT_CONFIG_PROPS, false);
    checkArgoCdProps(this.node.path, props);
    checkPropKeys(this.node.path, 'auditLog', props.auditLog, AUDIT_LOG_OPTION_KEYS);
    Object.defineProperty(this, CONTROL_PLANE_AUDIT_CONFIG, { value: true });
    this.auditPolicyEnabled = props.auditPolicyEnabled ?? false;
    this.basicAuditPolicyEnabled = props.basicAuditPolicyEnabled ?? true;
    this.auditLog = resolveAuditLog(props.auditLog);
    const settingsProp =
      (props as { [SETTINGS_FIELD_NAME]?: string })[SETTINGS_FIELD_NAME] ?? 'additionalSettings';

    // Types, enums and patterns are checked by the settings schema below (reported as these props).
    const problems: PropProblem[] = [...checkAuditLogOptions(props.auditLog)];
    const extra = props.additionalSettings ?? {};
    if (!isJsonObject(extra)) {
      problems.push({
        field: settingsProp,
        received: extra,
        expected: 'an object of control-plane-manager settings',
        fix: 'pass the settings object of the cluster ModuleConfig, e.g. { etcd: { backup: { enabled: true } } }',
      });
    } else if (extra.apiserver !== undefined && !isJsonObject(extra.apiserver)) {
      problems.push({
        field: `${settingsProp}.apiserver`,
        received: extra.apiserver,
        expected: 'an object',
        fix: 'pass the apiserver settings as an object',
      });
    } else if (isJsonObject(extra.apiserver)) {
      for (const key of AUDIT_SETTING_KEYS) {
        if (key in extra.apiserver) {
          problems.push({
            field: `${settingsProp}.apiserver.${key}`,
            received: extra.apiserver[key],
            expected: `no audit keys in ${settingsProp}`,
            fix: settingFix(key, settingsProp),
          });
        }
      }
    }

    // Deckhouse's hook merges no rules at all (no built-in rules, no Secret read), removes the policy and starts
    // kube-apiserver without audit flags (deckhouse-audit.md §3): nothing is audited, and nothing else says so.
    const linted = (props as { [EFFECTIVE_POLICY_LINTED]?: boolean })[EFFECTIVE_POLICY_LINTED] === true;
    if (!linted && !this.basicAuditPolicyEnabled && !this.auditPolicyEnabled) {
      addWarning(
        this,
        'basicAuditPolicyEnabled: received false with auditPolicyEnabled false, so Deckhouse has no audit rule to ' +
          'run (no built-in rules, no custom policy Secret read) and starts kube-apiserver without audit flags: no ' +
          'API request is audited. Fix: keep basicAuditPolicyEnabled: true, or set auditPolicyEnabled: true with ' +
          'a policy in Secret kube-system/audit-policy (AuditPolicySecret)',
      );
    }
    const auditLog: Record<string, unknown> = { output: this.auditLog.output };
    // path is meaningful only for File; writing it for Stdout would suggest a file that never exists.
    if (this.auditLog.output === 'File') auditLog.path = this.auditLog.path;
    else if (props.auditLog?.path !== undefined) {
      addWarning(
        this,
        `auditLog.path: received ${JSON.stringify(props.auditLog.path)} with output Stdout, where kube-apiserver writes ` +
          'no file (--audit-log-path=-), so the path is not written. Fix: drop auditLog.path, or use output: "File"',
      );
    }
    // The escape-hatch check below keeps the rendered auditPolicyEnabled equal to the prop.
    if (this.auditPolicyEnabled) {
      addLazyWarnings(this, () => missingPolicySecretWarnings(this, this.basicAuditPolicyEnabled));
    }
    // Deckhouse accepts any host directory, but the log-shipper agent mounts only /var/log: with nothing in the
    // app shipping the log (an AuditLogShipping reports an unreadable path as an error), say what that rules out.
    addLazyWarnings(this, () => {
      const path = this.auditLog.path;
      const clean = problems.length === 0 && auditLogSchemaProblems(props.auditLog).length === 0;
      if (this.auditLog.output !== 'File' || !clean || readableByLogShipper(path)) return [];
      const shipped = this.node.root.node.findAll().some((c) => AUDIT_LOG_SHIPPING_MARK in c);
      if (shipped) return [];
      return [
        formatProblem({
          field: 'auditLog.path',
          received: path,
          expected:
            `a directory under ${LOG_SHIPPER_READABLE_ROOT}/ to ship the log with log-shipper later: its agent ` +
            `mounts only the host's ${LOG_SHIPPER_READABLE_ROOT}, so no ClusterLoggingConfig can read ` +
            `${path}/${AUDIT_LOG_FILE_NAME} (it stays on the masters, rotated by kube-apiserver)`,
          fix: `keep the default "${DEFAULT_AUDIT_LOG_PATH}" or another directory under ${LOG_SHIPPER_READABLE_ROOT}/, or ignore this if another collector reads that directory`,
        }),
      ];
    });
    const extraApiserver = isJsonObject(extra) && isJsonObject(extra.apiserver) ? extra.apiserver : {};
    const settings = {
      ...(isJsonObject(extra) ? extra : {}),
      apiserver: {
        ...extraApiserver,
        auditPolicyEnabled: this.auditPolicyEnabled,
        basicAuditPolicyEnabled: this.basicAuditPolicyEnabled,
        auditLog,
      },
    };

    this.resource = new ModuleConfig(this, 'Resource', {
      metadata: {
        name: 'control-plane-manager',
        annotations: argoCdAnnotations(
          props.argoCdAnnotations,
          props.syncWave ?? SYNC_WAVES.controlPlaneManager,
        ),
      },
      spec: { enabled: true, version: CONTROL_PLANE_MANAGER_SETTINGS_VERSION, settings },
    });

    canonicalManifest(this.resource);
    this.node.addValidation({ validate: () => problems.map(formatProblem) });
    // An escape-hatch patch must not change what the audit checks relied on (auditPolicyEnabled: false would
    // leave the Secret unread while lint and assertions judged the custom policy as running).
    const expectedAudit = settings.apiserver;
    this.node.addValidation({ validate: () => auditSettingsPatched(this.resource, expectedAudit) });
    this.node.addValidation({ validate: () => checkClusterScopedChart(this) });
    this.node.addValidation({ validate: () => moduleSettingsCredentialErrors(this.resource, settingsProp) });
    this.node.addValidation({
      validate: () =>
        moduleDisabledErrors(
          this.resource,
          'a disabled control-plane-manager does not run, so Deckhouse applies none of these audit settings ' +
            'and never reads Secret kube-system/audit-policy',
        ),
    });
    guardIdentity(this, this.resource, {
      name: 'control-plane-manager',
      readBy: 'Deckhouse configures the module a ModuleConfig is named after',
      clashFix:
        'a cluster has one control-plane-manager ModuleConfig: create one ControlPlaneAuditConfig (or one ' +
        "DeckhouseClusterAudit) per app, with the module's other settings in additionalSettings",
    });
    // Whatever the props, nothing reaches dist/ that its schema would refuse: an error about a field an
    // audit prop sets reads as that prop's problem; other settings (additionalSettings) name their field.
    this.node.addValidation({
      validate: () =>
        schemaErrors(this, (error) => {
          const problem = auditSettingsProblem(error);
          if (problem !== undefined || !error.field.startsWith(`${SETTINGS_POINTER}/`)) return problem;
          return { setBy: `${settingsProp}.${error.field.split('/').slice(3).join('.')}` };
        }),
    });
  }
}

/**
 * The ModuleConfig still enables its module after escape-hatch patches: the constructs write `enabled: true`,
 * and a module with `enabled: false` (the ModuleConfig CRD: "Enables or disables the module") does not run, so
 * none of what the app configures through it takes effect while synth would report it as done.
 */
export function moduleDisabledErrors(resource: ApiObject, consequence: string): string[] {
  const spec = (resource.toJson() as { spec?: unknown }).spec;
  const enabled = isJsonObject(spec) ? spec.enabled : undefined;
  if (enabled === true) return [];
  return [
    formatProblem({
      field: `ModuleConfig/${resource.name}: spec.enabled`,
      received: enabled,
      expected: `true (an escape-hatch patch changed it): ${consequence}`,
      fix: 'remove the escape-hatch patch of /spec/enabled',
    }),
  ];
}

/** Cluster-scoped objects must not inherit a Chart namespace. */
export function checkClusterScopedChart(scope: Construct): string[] {
  const namespace = Chart.of(scope).namespace;
  if (namespace === undefined) return [];
  return [
    formatProblem({
      field: 'Chart.namespace',
      received: namespace,
      expected: 'no namespace (ModuleConfig and log-shipper objects are cluster-scoped)',
      fix: 'create this construct in a Chart without the `namespace` prop',
    }),
  ];
}
