import { MERGED_POLICY_KEYS } from '../deckhouse/merged-policy-text';
import { AUDIT_POLICY_SECRET_NAME, AUDIT_POLICY_SECRET_NAMESPACE } from '../deckhouse/policy-secret-location';
import { manifestName } from '../deckhouse/secret-key';
import { Problem } from '../policy/types';
import { ManifestObject } from './manifest';

// The key under which control-plane-manager keeps the merged policy in Secret d8-control-plane-manager-config.
const [MERGED_POLICY_KEY] = MERGED_POLICY_KEYS;

/**
 * The problem of a manifest whose Secret is the one control-plane-manager writes for kube-apiserver (built-in
 * and custom rules already merged) where the custom policy of Secret kube-system/audit-policy is expected:
 * what it is, and the option that takes it. Undefined when no Secret holds the merged policy's key.
 */
export function mergedPolicySecretProblem(secrets: readonly ManifestObject[]): Problem | undefined {
  const merged = secrets.find(holdsMergedPolicy);
  if (merged === undefined) return undefined;
  return {
    message:
      `Secret ${manifestName(merged.value)} holds the merged policy Deckhouse writes for kube-apiserver ` +
      `(key ${MERGED_POLICY_KEY}: built-in rules + custom rules + tail), not the custom policy of Secret ` +
      `${AUDIT_POLICY_SECRET_NAMESPACE}/${AUDIT_POLICY_SECRET_NAME}`,
    ...merged.position,
    fix:
      'give this file with --built-in-rules (explain, lint, simulate and diff take it: the cluster as it ' +
      'runs), and your custom policy, if any, with --policy',
  };
}

function holdsMergedPolicy(secret: ManifestObject): boolean {
  const { data, stringData } = secret.value as { data?: unknown; stringData?: unknown };
  const has = (map: unknown) =>
    typeof map === 'object' && map !== null && Object.hasOwn(map, MERGED_POLICY_KEY);
  return has(data) || has(stringData);
}
