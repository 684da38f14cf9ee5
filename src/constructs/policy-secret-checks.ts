// What the policy Secret promises holds at synth: the cluster receives exactly the policy that was loaded,
// validated and linted (an escape-hatch patch of /data or /stringData would ship one no check has seen, and a
// policy kube-apiserver refuses stops it on every master), and the control-plane-manager ModuleConfig of the
// app runs it the way it was linted.
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { AUDIT_POLICY_SECRET_KEY } from '../deckhouse/policy-secret-location';
import { ControlPlaneAuditConfig } from './control-plane-audit-config';
import { isJsonObject } from './json-values';
import { describeValue } from './messages';

const WHERE = 'Secret kube-system/audit-policy';
const PATCH_FIX =
  'change the policy through the `policy` prop and remove the escape-hatch patch (the Secret must carry the ' +
  'policy that was validated)';

/** The rendered Secret still holds the validated policy, in `data`, and nothing that overrides it. */
export function renderedSecretErrors(secret: ApiObject, renderedPolicy: string): string[] {
  const json = secret.toJson() as Record<string, unknown>;
  const errors: string[] = [];
  const expected = { [AUDIT_POLICY_SECRET_KEY]: Buffer.from(renderedPolicy, 'utf8').toString('base64') };
  const data = json.data;
  const same =
    isJsonObject(data) &&
    Object.keys(data).length === 1 &&
    data[AUDIT_POLICY_SECRET_KEY] === expected[AUDIT_POLICY_SECRET_KEY];
  if (!same) {
    errors.push(
      `${WHERE}: data: received ${describeValue(data)}, which is not the policy that was validated (only key ` +
        `${AUDIT_POLICY_SECRET_KEY}, the canonical rendering). Fix: ${PATCH_FIX}`,
    );
  }
  if (json.stringData !== undefined) {
    errors.push(
      `${WHERE}: stringData: received ${describeValue(json.stringData)}, expected none (the API server merges ` +
        `stringData over data, so the cluster would run this text unchecked). Fix: ${PATCH_FIX}`,
    );
  }
  if (json.type !== 'Opaque') {
    errors.push(
      `${WHERE}: type: received ${describeValue(json.type)}, expected "Opaque" (another type makes the API ` +
        'server require other keys). Fix: remove the escape-hatch patch of /type',
    );
  }
  return errors;
}

/** The audit settings a ControlPlaneAuditConfig really writes (after escape-hatch patches), with defaults. */
export function renderedApiserverSettings(config: ControlPlaneAuditConfig): {
  auditPolicyEnabled: boolean;
  basicAuditPolicyEnabled: boolean;
  output: unknown;
  path: unknown;
} {
  const spec = (config.resource.toJson() as { spec?: unknown }).spec;
  const settings = isJsonObject(spec) && isJsonObject(spec.settings) ? spec.settings : {};
  const apiserver = isJsonObject(settings.apiserver) ? settings.apiserver : {};
  const auditLog = isJsonObject(apiserver.auditLog) ? apiserver.auditLog : {};
  // The settings schema's defaults (control-plane-manager.config-values.yaml).
  return {
    auditPolicyEnabled: apiserver.auditPolicyEnabled === true,
    basicAuditPolicyEnabled: apiserver.basicAuditPolicyEnabled !== false,
    output: auditLog.output ?? 'File',
    path: auditLog.path ?? '/var/log/kube-audit',
  };
}

/** The ControlPlaneAuditConfigs of the app (one, unless the app is refused for a clash). */
export function controlPlaneConfigsOf(scope: IConstruct): ControlPlaneAuditConfig[] {
  return scope.node.root.node
    .findAll()
    .filter((c): c is ControlPlaneAuditConfig => ControlPlaneAuditConfig.isControlPlaneAuditConfig(c));
}

/** The policy was linted with the built-in rules on or off: the app's ModuleConfig must say the same. */
export function basicRulesMismatch(scope: IConstruct, linted: boolean): string[] {
  return controlPlaneConfigsOf(scope).flatMap((config) => {
    const runs = renderedApiserverSettings(config).basicAuditPolicyEnabled;
    if (runs === linted) return [];
    return [
      `basicAuditPolicyEnabled: received ${linted} (the policy was linted and checked ${linted ? 'after' : 'without'} ` +
        `Deckhouse's built-in rules), but ModuleConfig control-plane-manager of ${config.node.path} sets ` +
        `basicAuditPolicyEnabled: ${runs}, so the cluster runs another effective policy than the one checked. ` +
        'Fix: pass the same basicAuditPolicyEnabled to both constructs (or use DeckhouseClusterAudit, which keeps them together)',
    ];
  });
}

/** A Secret the app's ModuleConfig does not read is kept, but said. */
export function unreadSecretWarnings(scope: IConstruct): string[] {
  return controlPlaneConfigsOf(scope)
    .filter((config) => !renderedApiserverSettings(config).auditPolicyEnabled)
    .map(
      (config) =>
        `${WHERE}: auditPolicyEnabled is false in ${config.node.path}, so Deckhouse does not read this Secret: ` +
        'the cluster runs only the built-in rules. Fix: set auditPolicyEnabled: true on that ' +
        'ControlPlaneAuditConfig, or remove the Secret',
    );
}
