/**
 * The audit settings of ModuleConfig `control-plane-manager` (deckhouse-audit.md §1), read from a manifest
 * the way the cluster applies them: the ModuleConfig replaces all settings of the module, so a setting it
 * leaves out takes the settings schema's default.
 */
import { Problem } from '../policy/types';
import { LocateInManifest, ManifestPosition } from './secret-key';

/** The ModuleConfig that holds the audit settings. */
export const CONTROL_PLANE_MANAGER = 'control-plane-manager';

/** `spec.settings.apiserver.auditLog` with the schema's defaults applied. */
export interface AuditLogSettings {
  /** Where kube-apiserver writes audit events. */
  output: 'File' | 'Stdout';
  /** Host directory of the audit log (used with `File`). */
  path: string;
}

/** The audit settings a control-plane-manager ModuleConfig gives the cluster, defaults applied. */
export interface AuditSettings {
  /** Whether Deckhouse reads the custom policy from Secret kube-system/audit-policy. */
  auditPolicyEnabled: boolean;
  /** Whether Deckhouse puts its built-in rules around the custom ones. */
  basicAuditPolicyEnabled: boolean;
  auditLog: AuditLogSettings;
  /** Where each setting that the ModuleConfig states is (a setting taken from the defaults has none). */
  positions: Partial<Record<'auditPolicyEnabled' | 'basicAuditPolicyEnabled' | 'auditLog', ManifestPosition>>;
}

/** The outcome of reading a ModuleConfig: the settings, or the problems that make the cluster refuse it. */
export interface AuditSettingsRead {
  settings?: AuditSettings;
  problems: Problem[];
}

/** A JSON-schema subset: what the audit settings' schema says about each field. */
export interface SettingSchema {
  type: string;
  enum?: readonly string[];
  pattern?: string;
  default?: unknown;
  required?: readonly string[];
  properties?: Readonly<Record<string, SettingSchema>>;
}

/**
 * The settings schema of the three audit settings under `spec.settings.apiserver` (Deckhouse's
 * control-plane-manager config-values, schema version 3). The same facts are in the bundled
 * imports/schemas/control-plane-manager.settings.json, which only the constructs may load; a unit test
 * keeps the two equal.
 */
export const AUDIT_SETTINGS_SCHEMA: Readonly<
  Record<'auditPolicyEnabled' | 'basicAuditPolicyEnabled' | 'auditLog', SettingSchema>
> = {
  auditPolicyEnabled: { type: 'boolean', default: false },
  basicAuditPolicyEnabled: { type: 'boolean', default: true },
  auditLog: {
    type: 'object',
    default: { output: 'File' },
    required: ['output'],
    properties: {
      output: { type: 'string', default: 'File', enum: ['File', 'Stdout'] },
      path: { type: 'string', pattern: '^[a-zA-Z0-9_/.-]+[a-zA-Z0-9_.-]$', default: '/var/log/kube-audit' },
    },
  },
};

const APISERVER = AUDIT_SETTINGS_SCHEMA;
const SETTINGS_PATH = ['spec', 'settings', 'apiserver'];

/** The one version the ModuleConfig CRD serves (../shared/upstream/deckhouse/crds/moduleconfig.yaml). */
export const MODULE_CONFIG_API_VERSION = 'deckhouse.io/v1alpha1';

/** True when a manifest object is ModuleConfig `control-plane-manager` (any deckhouse.io version). */
export function isControlPlaneManagerConfig(object: unknown): boolean {
  const o = asRecord(object);
  return (
    o?.kind === 'ModuleConfig' &&
    typeof o.apiVersion === 'string' &&
    o.apiVersion.startsWith('deckhouse.io/') &&
    asRecord(o.metadata)?.name === CONTROL_PLANE_MANAGER
  );
}

/**
 * Reads `auditPolicyEnabled`, `basicAuditPolicyEnabled` and `auditLog` from a control-plane-manager
 * ModuleConfig manifest (plain object). A value of the wrong type, outside the schema's enum or pattern is a
 * problem (the API server refuses such a ModuleConfig), positioned with `locate`.
 */
export function readAuditSettings(
  moduleConfig: unknown,
  locate: LocateInManifest = () => undefined,
): AuditSettingsRead {
  const problems: Problem[] = [];
  const apiserver = asRecord(asRecord(asRecord(asRecord(moduleConfig)?.spec)?.settings)?.apiserver) ?? {};
  const positions: AuditSettings['positions'] = {};
  const at = (path: string[]) => locate([...SETTINGS_PATH, ...path]) ?? {};
  const problem = (path: string[], message: string, fix: string) =>
    problems.push({
      message: `ModuleConfig ${CONTROL_PLANE_MANAGER}: ${message}`,
      field: fieldPath(path),
      ...at(path),
      fix,
    });

  const flag = (name: 'auditPolicyEnabled' | 'basicAuditPolicyEnabled'): boolean => {
    const schema = APISERVER[name];
    const value = apiserver[name];
    if (value === undefined || value === null) return schema.default as boolean;
    const where = locate([...SETTINGS_PATH, name]);
    if (where) positions[name] = where;
    if (typeof value !== schema.type) {
      problem(
        [name],
        `${name} must be a ${schema.type}, got ${JSON.stringify(value)}`,
        `write ${name}: true or ${name}: false (unquoted)`,
      );
      return schema.default as boolean;
    }
    return value as boolean;
  };
  // The ModuleConfig CRD: spec.enabled "Enables or disables the module". A disabled control-plane-manager does
  // not run, so none of its settings (nor the policy Secret they point to) says what kube-apiserver audits.
  const enabled = asRecord(asRecord(moduleConfig)?.spec)?.enabled;
  if (enabled === false) {
    problems.push({
      message:
        `ModuleConfig ${CONTROL_PLANE_MANAGER}: spec.enabled is false, so Deckhouse does not run the module: it ` +
        'applies none of these audit settings and does not read Secret kube-system/audit-policy',
      field: 'spec.enabled',
      ...(locate(['spec', 'enabled']) ?? {}),
      fix: 'set spec.enabled: true (control-plane-manager applies the audit settings only while it runs)',
    });
  }
  const auditPolicyEnabled = flag('auditPolicyEnabled');
  const basicAuditPolicyEnabled = flag('basicAuditPolicyEnabled');

  const logSchema = APISERVER.auditLog;
  const logDefaults = logSchema.default as Partial<AuditLogSettings>;
  const outputSchema = logSchema.properties!.output;
  const pathSchema = logSchema.properties!.path;
  const auditLog: AuditLogSettings = {
    output: (logDefaults.output ?? outputSchema.default) as AuditLogSettings['output'],
    path: pathSchema.default as string,
  };
  const log = apiserver.auditLog;
  if (log !== undefined && log !== null) {
    const where = locate([...SETTINGS_PATH, 'auditLog']);
    if (where) positions.auditLog = where;
    const record = asRecord(log);
    if (!record) {
      problem(
        ['auditLog'],
        `auditLog must be an object, got ${JSON.stringify(log)}`,
        'write auditLog: {output: File, path: /var/log/kube-audit}',
      );
    } else {
      for (const required of logSchema.required ?? []) {
        if (record[required] === undefined) {
          problem(
            ['auditLog'],
            `auditLog.${required} is required`,
            `add auditLog.${required} (${outputSchema.enum!.join(' or ')})`,
          );
        }
      }
      if (record.output !== undefined) {
        if (typeof record.output !== 'string' || !outputSchema.enum!.includes(record.output)) {
          problem(
            ['auditLog', 'output'],
            `auditLog.output must be one of ${outputSchema.enum!.join(', ')}, got ${JSON.stringify(record.output)}`,
            `write output: ${outputSchema.enum![0]}`,
          );
        } else {
          auditLog.output = record.output as AuditLogSettings['output'];
        }
      }
      if (record.path !== undefined) {
        if (typeof record.path !== 'string' || !new RegExp(pathSchema.pattern!).test(record.path)) {
          problem(
            ['auditLog', 'path'],
            `auditLog.path must match ${pathSchema.pattern}, got ${JSON.stringify(record.path)}`,
            'give a directory without a trailing slash, e.g. /var/log/kube-audit',
          );
        } else {
          auditLog.path = record.path;
        }
      }
    }
  }
  if (problems.length > 0) return { problems };
  return { settings: { auditPolicyEnabled, basicAuditPolicyEnabled, auditLog, positions }, problems };
}

function fieldPath(path: string[]): string {
  return ['spec.settings.apiserver', ...path].join('.');
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
