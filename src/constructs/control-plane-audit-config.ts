import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ModuleConfig } from '../../imports/deckhouse.io';
import { ArgoCdOptions, argoCdAnnotations, SYNC_WAVES } from './argocd';
import { isJsonObject } from './json-values';
import { formatProblem, PropProblem } from './messages';
import { SchemaError } from './schema-errors';
import { SchemaHint, schemaProblem } from './schema-problems';
import {
  bundledSchema,
  CONTROL_PLANE_MANAGER_SETTINGS_FILE,
  schemaErrors,
  SETTINGS_POINTER,
  sharedValidator,
} from './schema-validation';
import { subschemaAt } from './schema-walk';
import { withSortedKeys } from './synth';

/** Where kube-apiserver writes audit events (`settings.apiserver.auditLog.output`). */
export type AuditLogOutput = 'File' | 'Stdout';

// The facts about auditLog are the settings schema's (imports/schemas/control-plane-manager.settings.json).
const AUDIT_LOG_SCHEMA = subschemaAt(
  bundledSchema(CONTROL_PLANE_MANAGER_SETTINGS_FILE),
  'apiserver.auditLog',
);
const AUDIT_LOG_PATH_SCHEMA = subschemaAt(AUDIT_LOG_SCHEMA, 'path');
const AUDIT_LOG_OUTPUT_SCHEMA = subschemaAt(AUDIT_LOG_SCHEMA, 'output');

/** The allowed values of `auditLog.output` (control-plane-manager settings schema). */
export const AUDIT_LOG_OUTPUTS = AUDIT_LOG_OUTPUT_SCHEMA.enum as readonly AuditLogOutput[];

/** The control-plane-manager settings schema version these constructs write (`x-config-version`). */
export const CONTROL_PLANE_MANAGER_SETTINGS_VERSION = 3;

/** Deckhouse's default host directory of the audit log (the settings schema's default of `auditLog.path`). */
export const DEFAULT_AUDIT_LOG_PATH = AUDIT_LOG_PATH_SCHEMA.default as string;

/** Deckhouse's default `auditLog.output` (the settings schema's default). */
export const DEFAULT_AUDIT_LOG_OUTPUT = AUDIT_LOG_OUTPUT_SCHEMA.default as AuditLogOutput;

/** The settings schema's pattern for `auditLog.path` (a directory, no trailing slash; a Go regex). */
export const AUDIT_LOG_PATH_PATTERN = new RegExp(AUDIT_LOG_PATH_SCHEMA.pattern as string);

/** The file kube-apiserver writes inside the audit log directory. */
export const AUDIT_LOG_FILE_NAME = 'audit.log';

/** `settings.apiserver.auditLog` of the control-plane-manager ModuleConfig. */
export interface AuditLogOptions {
  /**
   * Where kube-apiserver writes audit events: `File` or `Stdout` (the settings schema's enum).
   * @default 'File'
   */
  readonly output?: AuditLogOutput;
  /**
   * Host directory of the audit log (used only with `File`): absolute, and matching the settings schema's
   * pattern `^[a-zA-Z0-9_/.-]+[a-zA-Z0-9_.-]$` (no trailing slash).
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
  return { output: options.output ?? DEFAULT_AUDIT_LOG_OUTPUT, path: options.path ?? DEFAULT_AUDIT_LOG_PATH };
}

// The props of ControlPlaneAuditConfig that set audit fields of the settings, by JSON pointer in the ModuleConfig.
const AUDIT_PROP_POINTERS: ReadonlyArray<readonly [string, string]> = [
  [`${SETTINGS_POINTER}/apiserver/auditLog`, 'auditLog'],
  [`${SETTINGS_POINTER}/apiserver/auditPolicyEnabled`, 'auditPolicyEnabled'],
  [`${SETTINGS_POINTER}/apiserver/basicAuditPolicyEnabled`, 'basicAuditPolicyEnabled'],
];

const AUDIT_HINTS: Readonly<Record<string, SchemaHint>> = {
  'apiserver.auditLog.path': {
    expected: 'an absolute directory without a trailing slash',
    fix: `use an absolute directory without a trailing slash, e.g. "${DEFAULT_AUDIT_LOG_PATH}"`,
  },
  'apiserver.auditLog.output': {
    fix: 'use "File" (a host file the log-shipper reads) or "Stdout" (the kube-apiserver container log)',
  },
  'apiserver.auditPolicyEnabled': { fix: 'pass true or false' },
  'apiserver.basicAuditPolicyEnabled': { fix: 'pass true or false' },
};

/**
 * The problem a settings schema error is for the audit props (`auditLog`, `auditPolicyEnabled`,
 * `basicAuditPolicyEnabled`; `field` names the auditLog prop), or undefined for other settings.
 */
export function auditSettingsProblem(
  error: SchemaError,
  auditLogField = 'auditLog',
): PropProblem | undefined {
  for (const [pointer, prop] of AUDIT_PROP_POINTERS) {
    if (error.field !== pointer && !error.field.startsWith(`${pointer}/`)) continue;
    const name = prop === 'auditLog' ? auditLogField : prop;
    const rest = error.field.slice(pointer.length).split('/').filter(Boolean).join('.');
    return schemaProblem(error, rest ? `${name}.${rest}` : name, AUDIT_HINTS[error.location]);
  }
  return undefined;
}

/**
 * Checks auditLog for what the settings schema cannot say: an object, and an absolute `path`. Its
 * enum and pattern are the schema's: see {@link auditLogSchemaProblems}.
 */
export function checkAuditLogOptions(
  options: AuditLogOptions | undefined,
  field = 'auditLog',
): PropProblem[] {
  if (options === undefined) return [];
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
  // Only a path the schema accepts is checked further: one mistake, one message.
  const path = options.path;
  if (typeof path === 'string' && AUDIT_LOG_PATH_PATTERN.test(path) && !path.startsWith('/')) {
    return [
      {
        field: `${field}.path`,
        received: path,
        expected: 'an absolute host directory',
        fix: `start the path with "/", e.g. "${DEFAULT_AUDIT_LOG_PATH}"`,
      },
    ];
  }
  return [];
}

/** auditLog against the control-plane-manager settings schema (its enum, pattern and types), as prop problems. */
export function auditLogSchemaProblems(
  options: AuditLogOptions | undefined,
  field = 'auditLog',
): PropProblem[] {
  if (options === undefined || typeof options !== 'object' || options === null || Array.isArray(options))
    return [];
  const auditLog = { output: DEFAULT_AUDIT_LOG_OUTPUT, ...options };
  return sharedValidator()
    .settingsErrors({ apiserver: { auditLog } })
    .map((error) => auditSettingsProblem(error, field))
    .filter((p): p is PropProblem => p !== undefined);
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

// Marks instances for isControlPlaneAuditConfig (instanceof fails across copies of this package).
const CONTROL_PLANE_AUDIT_CONFIG = Symbol.for('cdk8s-deckhouse-audit.ControlPlaneAuditConfig');

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

  /** True for a ControlPlaneAuditConfig (of any copy of this package). */
  public static isControlPlaneAuditConfig(x: unknown): x is ControlPlaneAuditConfig {
    return typeof x === 'object' && x !== null && CONTROL_PLANE_AUDIT_CONFIG in x;
  }

  public constructor(scope: Construct, id: string, props: ControlPlaneAuditConfigProps = {}) {
    super(scope, id);
    Object.defineProperty(this, CONTROL_PLANE_AUDIT_CONFIG, { value: true });
    this.auditPolicyEnabled = props.auditPolicyEnabled ?? false;
    this.basicAuditPolicyEnabled = props.basicAuditPolicyEnabled ?? true;
    this.auditLog = resolveAuditLog(props.auditLog);

    // Types, enums and patterns are checked by the settings schema below (reported as these props).
    const problems: PropProblem[] = [...checkAuditLogOptions(props.auditLog)];
    const extra = props.additionalSettings ?? {};
    if (!isJsonObject(extra)) {
      problems.push({
        field: 'additionalSettings',
        received: extra,
        expected: 'an object of control-plane-manager settings',
        fix: 'pass the settings object of the cluster ModuleConfig, e.g. { etcd: { backup: { enabled: true } } }',
      });
    } else if (extra.apiserver !== undefined && !isJsonObject(extra.apiserver)) {
      problems.push({
        field: 'additionalSettings.apiserver',
        received: extra.apiserver,
        expected: 'an object',
        fix: 'pass the apiserver settings as an object',
      });
    } else if (isJsonObject(extra.apiserver)) {
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

    withSortedKeys(this.resource);
    this.node.addValidation({ validate: () => problems.map(formatProblem) });
    this.node.addValidation({ validate: () => checkClusterScopedChart(this) });
    // Whatever the props, nothing reaches dist/ that its schema would refuse: an error about a field an
    // audit prop sets reads as that prop's problem; other settings (additionalSettings) name their field.
    this.node.addValidation({
      validate: () =>
        schemaErrors(this, (error) => {
          const problem = auditSettingsProblem(error);
          if (problem !== undefined || !error.field.startsWith(`${SETTINGS_POINTER}/`)) return problem;
          return { setBy: `additionalSettings.${error.field.split('/').slice(3).join('.')}` };
        }),
    });
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
