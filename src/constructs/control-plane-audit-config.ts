import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ModuleConfig } from '../../imports/deckhouse.io';
import { ArgoCdOptions, argoCdAnnotations, SYNC_WAVES } from './argocd';
import { formatProblem, PropProblem } from './messages';
import { schemaErrors } from './schema-validation';
import { withSortedKeys } from './synth';

/** Where kube-apiserver writes audit events (`settings.apiserver.auditLog.output`). */
export type AuditLogOutput = 'File' | 'Stdout';

/** The allowed values of `auditLog.output` (control-plane-manager settings schema). */
export const AUDIT_LOG_OUTPUTS: readonly AuditLogOutput[] = ['File', 'Stdout'];

/** The control-plane-manager settings schema version these constructs write (`x-config-version`). */
export const CONTROL_PLANE_MANAGER_SETTINGS_VERSION = 3;

/** Deckhouse's default host directory of the audit log. */
export const DEFAULT_AUDIT_LOG_PATH = '/var/log/kube-audit';

/** The settings schema's pattern for `auditLog.path` (a directory, no trailing slash). */
export const AUDIT_LOG_PATH_PATTERN = /^[a-zA-Z0-9_/.-]+[a-zA-Z0-9_.-]$/;

/** The file kube-apiserver writes inside the audit log directory. */
export const AUDIT_LOG_FILE_NAME = 'audit.log';

/** `settings.apiserver.auditLog` of the control-plane-manager ModuleConfig. */
export interface AuditLogOptions {
  /**
   * Where kube-apiserver writes audit events.
   * @default 'File'
   */
  readonly output?: AuditLogOutput;
  /**
   * Host directory of the audit log (used only with `File`); must match
   * `^[a-zA-Z0-9_/.-]+[a-zA-Z0-9_.-]$` (no trailing slash).
   * @default '/var/log/kube-audit'
   */
  readonly path?: string;
}

/** An AuditLogOptions with the schema defaults applied. */
export interface ResolvedAuditLog {
  readonly output: AuditLogOutput;
  readonly path: string;
}

/** Applies the settings schema defaults (`output: File`, `path: /var/log/kube-audit`). */
export function resolveAuditLog(options: AuditLogOptions = {}): ResolvedAuditLog {
  return { output: options.output ?? 'File', path: options.path ?? DEFAULT_AUDIT_LOG_PATH };
}

/** Checks auditLog against the control-plane-manager settings schema (type, enum, pattern). */
export function checkAuditLogOptions(
  options: AuditLogOptions | undefined,
  field = 'auditLog',
): PropProblem[] {
  if (options === undefined) return [];
  const problems: PropProblem[] = [];
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return [
      {
        field,
        received: options,
        expected: 'an object { output?, path? }',
        fix: 'pass e.g. { output: "File" }',
      },
    ];
  }
  if (options.output !== undefined && !AUDIT_LOG_OUTPUTS.includes(options.output)) {
    problems.push({
      field: `${field}.output`,
      received: options.output,
      expected: `one of ${AUDIT_LOG_OUTPUTS.join(', ')}`,
      fix: 'use "File" (a host file the log-shipper reads) or "Stdout" (the kube-apiserver container log)',
    });
  }
  if (options.path !== undefined) {
    if (typeof options.path !== 'string' || !AUDIT_LOG_PATH_PATTERN.test(options.path)) {
      problems.push({
        field: `${field}.path`,
        received: options.path,
        expected: `a directory matching ${AUDIT_LOG_PATH_PATTERN.source} (no trailing slash)`,
        fix: `use an absolute directory without a trailing slash, e.g. "${DEFAULT_AUDIT_LOG_PATH}"`,
      });
    } else if (!options.path.startsWith('/')) {
      problems.push({
        field: `${field}.path`,
        received: options.path,
        expected: 'an absolute host directory',
        fix: `start the path with "/", e.g. "${DEFAULT_AUDIT_LOG_PATH}"`,
      });
    }
  }
  return problems;
}

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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `control-plane-manager` ModuleConfig with the audit settings of kube-apiserver
 * (`spec.version: 3`, `settings.apiserver.{auditPolicyEnabled, basicAuditPolicyEnabled, auditLog}`).
 */
export class ControlPlaneAuditConfig extends Construct {
  /** The generated ModuleConfig object. */
  public readonly resource: ModuleConfig;
  /** The audit log settings with defaults applied. */
  public readonly auditLog: ResolvedAuditLog;
  /** Whether the custom policy Secret is read. */
  public readonly auditPolicyEnabled: boolean;
  /** Whether Deckhouse's built-in rules are on. */
  public readonly basicAuditPolicyEnabled: boolean;

  public constructor(scope: Construct, id: string, props: ControlPlaneAuditConfigProps = {}) {
    super(scope, id);
    this.auditPolicyEnabled = props.auditPolicyEnabled ?? false;
    this.basicAuditPolicyEnabled = props.basicAuditPolicyEnabled ?? true;
    this.auditLog = resolveAuditLog(props.auditLog);

    const problems: PropProblem[] = [...checkAuditLogOptions(props.auditLog)];
    for (const key of ['auditPolicyEnabled', 'basicAuditPolicyEnabled'] as const) {
      if (props[key] !== undefined && typeof props[key] !== 'boolean') {
        problems.push({ field: key, received: props[key], expected: 'a boolean', fix: `pass true or false` });
      }
    }
    const extra = props.additionalSettings ?? {};
    if (!isPlainObject(extra)) {
      problems.push({
        field: 'additionalSettings',
        received: extra,
        expected: 'an object of control-plane-manager settings',
        fix: 'pass the settings object of the cluster ModuleConfig, e.g. { etcd: { backup: { enabled: true } } }',
      });
    } else if (extra.apiserver !== undefined && !isPlainObject(extra.apiserver)) {
      problems.push({
        field: 'additionalSettings.apiserver',
        received: extra.apiserver,
        expected: 'an object',
        fix: 'pass the apiserver settings as an object',
      });
    } else if (isPlainObject(extra.apiserver)) {
      for (const key of AUDIT_SETTING_KEYS) {
        if (key in extra.apiserver) {
          problems.push({
            field: `additionalSettings.apiserver.${key}`,
            received: extra.apiserver[key],
            expected: 'no audit keys in additionalSettings',
            fix: `set ${key} with the construct prop of the same name`,
          });
        }
      }
    }

    const auditLog: Record<string, unknown> = { output: this.auditLog.output };
    // path is meaningful only for File; writing it for Stdout would suggest a file that never exists.
    if (this.auditLog.output === 'File') auditLog.path = this.auditLog.path;
    const extraApiserver = isPlainObject(extra) && isPlainObject(extra.apiserver) ? extra.apiserver : {};
    const settings = {
      ...(isPlainObject(extra) ? extra : {}),
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

    withSortedKeys(this.resource);
    this.node.addValidation({ validate: () => problems.map(formatProblem) });
    this.node.addValidation({ validate: () => checkClusterScopedChart(this) });
    // Whatever the props, nothing reaches dist/ that its schema would refuse.
    this.node.addValidation({ validate: () => schemaErrors(this) });
  }
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
