// The auditLog settings of control-plane-manager (`settings.apiserver.auditLog`) and the audit props' schema
// errors: the facts (enum, default, pattern) are the settings schema's
// (imports/schemas/control-plane-manager.settings.json), read, not restated.
import { isJsonObject } from './json-values';
import { PropProblem } from './messages';
import { SchemaError } from './schema-errors';
import { SchemaHint, schemaProblem } from './schema-problems';
import {
  bundledSchema,
  CONTROL_PLANE_MANAGER_SETTINGS_FILE,
  SETTINGS_POINTER,
  sharedValidator,
} from './schema-validation';
import { subschemaAt } from './schema-walk';
import type { PropKeys } from './prop-keys';

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

/** Deckhouse's default host directory of the audit log (the settings schema's default of `auditLog.path`). */
export const DEFAULT_AUDIT_LOG_PATH = AUDIT_LOG_PATH_SCHEMA.default as string;

/** Deckhouse's default `auditLog.output` (the settings schema's default). */
export const DEFAULT_AUDIT_LOG_OUTPUT = AUDIT_LOG_OUTPUT_SCHEMA.default as AuditLogOutput;

/** The settings schema's pattern for `auditLog.path` (a directory, no trailing slash; a Go regex). */
export const AUDIT_LOG_PATH_PATTERN = new RegExp(AUDIT_LOG_PATH_SCHEMA.pattern as string);

/**
 * The host directory the log-shipper agent mounts (its DaemonSet mounts the host's /var/log only): an audit log
 * elsewhere is invisible to every ClusterLoggingConfig, this package's or a hand-written one.
 */
export const LOG_SHIPPER_READABLE_ROOT = '/var/log';

/** Whether the log-shipper agent can read a `File` audit log in host directory `path`. */
export function readableByLogShipper(path: string): boolean {
  return path.startsWith(`${LOG_SHIPPER_READABLE_ROOT}/`) && !path.split('/').includes('..');
}

/**
 * Marks an AuditLogShipping (a global symbol: found across two copies of the package), so a
 * ControlPlaneAuditConfig knows whether the app ships the log it makes kube-apiserver write.
 */
export const AUDIT_LOG_SHIPPING_MARK = Symbol.for('cdk8s-deckhouse-audit.AuditLogShipping');

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

/**
 * Applies the settings schema defaults (`output: File`, `path: /var/log/kube-audit`). Anything but an object
 * (null from untyped code) resolves to the defaults: {@link checkAuditLogOptions} reports it.
 */
export function resolveAuditLog(options?: AuditLogOptions): ResolvedAuditLog {
  const given: AuditLogOptions = isJsonObject(options) ? options : {};
  return { output: given.output ?? DEFAULT_AUDIT_LOG_OUTPUT, path: given.path ?? DEFAULT_AUDIT_LOG_PATH };
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
  if (typeof path !== 'string' || !AUDIT_LOG_PATH_PATTERN.test(path)) return [];
  if (!path.startsWith('/')) {
    return [
      {
        field: `${field}.path`,
        received: path,
        expected: 'an absolute host directory',
        fix: `start the path with "/", e.g. "${DEFAULT_AUDIT_LOG_PATH}"`,
      },
    ];
  }
  // Deckhouse mounts auditLog.path into kube-apiserver's static Pod as a hostPath volume (hostPath and mountPath
  // both the path: candi's kubeadm ClusterConfiguration template, apiServer.extraVolumes "kube-audit-log"), and
  // Kubernetes refuses a hostPath with a ".." element (core validation: validatePathNoBacksteps), so the
  // apiserver Pod of every master would be invalid. The settings schema's pattern lets ".." through.
  if (path.split('/').includes('..')) {
    return [
      {
        field: `${field}.path`,
        received: path,
        expected:
          'a host directory without ".." (it becomes a hostPath volume of the kube-apiserver static Pod, and ' +
          'Kubernetes refuses a hostPath with a ".." element)',
        fix: `write the directory without "..", e.g. "${DEFAULT_AUDIT_LOG_PATH}"`,
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

/** The props of AuditLogOptions (prop-keys.ts). */
export const AUDIT_LOG_OPTION_KEYS: PropKeys<AuditLogOptions> = { output: true, path: true };
