// The audit settings the control-plane-manager ModuleConfig is rendered with must be the ones its construct
// wrote: the policy checks, the Secret and the log-shipper source all rely on them.
import { ApiObject } from 'cdk8s';
import { describeValue } from './messages';

const AUDIT_KEYS = ['auditPolicyEnabled', 'basicAuditPolicyEnabled', 'auditLog'] as const;

/** Errors for each audit key of settings.apiserver an escape-hatch patch changed. */
export function auditSettingsPatched(
  resource: ApiObject,
  expected: { readonly [key in (typeof AUDIT_KEYS)[number]]: unknown },
): string[] {
  const rendered = resource.toJson() as { spec?: { settings?: { apiserver?: Record<string, unknown> } } };
  const apiserver = rendered.spec?.settings?.apiserver;
  const errors: string[] = [];
  for (const key of AUDIT_KEYS) {
    const got = apiserver?.[key];
    if (JSON.stringify(got) === JSON.stringify(expected[key])) continue;
    errors.push(
      `ModuleConfig/control-plane-manager: spec.settings.apiserver.${key}: received ${describeValue(got)}, ` +
        `expected ${JSON.stringify(expected[key])} (what the construct wrote and the audit checks relied on). ` +
        `Fix: remove the escape-hatch patch and set it through the construct's props`,
    );
  }
  return errors;
}
