// Credentials in the settings of a ModuleConfig this package writes (control-plane-manager's additionalSettings,
// log-shipper's settings): committed to Git like every other manifest. Neither module has a credential field, so
// there is no opt-in: a credential there is refused. Its URL settings (authn.webhookURL, authz.webhookURL,
// oidcIssuerURL) could carry user:password@ or a token parameter, and its CA settings (oidcCA, webhookCA,
// kubeconfigGeneratorMasterCA, whose description points at Secret kubernetes-api-ca-key-pair) a pasted private
// key. Judged by the values alone: the settings' own names (`key` of a toleration, nodeSelector label keys) are
// no secrets.
import { ApiObject } from 'cdk8s';
import { isJsonObject } from './json-values';
import { formatProblem, PropProblem } from './messages';
import { holdsPrivateKey } from './private-key';
import { credentialInString } from './secret-values';

/** How a settings path is written in messages: `apiserver.authn.webhookURL`, `tolerations[0].value`. */
function childField(field: string, key: string | number): string {
  if (typeof key === 'number') return `${field}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${field}.${key}` : `${field}[${JSON.stringify(key)}]`;
}

// A walk over at most this many values: settings are a few dozen; more is a hostile object, and the remaining
// values are still rendered, so the walk is bounded rather than skipped (the object's size is checked elsewhere).
const MAX_VISITED = 100_000;

/**
 * The credentials in a ModuleConfig's `spec.settings` (as rendered, escape-hatch patches included), as problems
 * of `field` (the prop that sets them, e.g. `additionalSettings`). Iterative, so any depth is fine.
 */
export function settingsCredentialProblems(settings: unknown, field: string): PropProblem[] {
  const problems: PropProblem[] = [];
  const stack: Array<[string, unknown]> = [[field, settings]];
  for (let visited = 0; stack.length > 0 && visited < MAX_VISITED; visited++) {
    const [at, value] = stack.pop() as [string, unknown];
    if (typeof value === 'string') {
      const what = credentialInString(value);
      if (what === undefined) continue;
      problems.push({
        field: at,
        showReceived: false,
        expected: `no inline credential (it holds ${what}): the ModuleConfig is committed to Git in clear text, and the module has no credential setting`,
        fix: holdsPrivateKey(value)
          ? 'a private key never belongs in the settings: give the CA certificate alone (-----BEGIN CERTIFICATE-----)'
          : 'remove the credential from the value (keep passwords and tokens out of the committed manifests)',
      });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([childField(at, i), value[i]]);
    } else if (isJsonObject(value)) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--)
        stack.push([childField(at, entries[i][0]), entries[i][1]]);
    }
  }
  return problems;
}

/**
 * The credentials in the rendered `spec.settings` of a ModuleConfig (after escape-hatch patches), as messages
 * naming `field`, the prop that sets the settings.
 */
export function moduleSettingsCredentialErrors(resource: ApiObject, field: string): string[] {
  const spec = (resource.toJson() as { spec?: unknown }).spec;
  return settingsCredentialProblems(isJsonObject(spec) ? spec.settings : undefined, field).map(formatProblem);
}
