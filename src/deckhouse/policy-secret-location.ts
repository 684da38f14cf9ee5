// Where Deckhouse reads the custom audit policy from (a Deckhouse fact: the constructs write it, the CLI reads it).

/** Name of the Secret Deckhouse reads the custom policy from. */
export const AUDIT_POLICY_SECRET_NAME = 'audit-policy';

/** Namespace of that Secret. */
export const AUDIT_POLICY_SECRET_NAMESPACE = 'kube-system';

/** The key of the Secret's `data` that holds the policy YAML. */
export const AUDIT_POLICY_SECRET_KEY = 'audit-policy.yaml';
