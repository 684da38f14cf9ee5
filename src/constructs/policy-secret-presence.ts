// Whether the app carries the custom policy Secret that `auditPolicyEnabled: true` tells Deckhouse to read.
// Deckhouse's hook reads the custom rules only from Secret kube-system/audit-policy (deckhouse-audit.md §2–3);
// without it the merge holds the built-in rules alone, or no rule at all with basicAuditPolicyEnabled: false.
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { AUDIT_POLICY_SECRET_NAME, AUDIT_POLICY_SECRET_NAMESPACE } from '../deckhouse/policy-secret-location';

/** True when some object of `scope`'s app is Secret kube-system/audit-policy (ours, or an ApiObject/Include). */
export function appHasPolicySecret(scope: IConstruct): boolean {
  return scope.node.root.node
    .findAll()
    .some(
      (c) =>
        ApiObject.isApiObject(c) &&
        c.kind === 'Secret' &&
        c.name === AUDIT_POLICY_SECRET_NAME &&
        c.metadata.namespace === AUDIT_POLICY_SECRET_NAMESPACE,
    );
}

/** The warning for `auditPolicyEnabled: true` in an app without that Secret ([] when it has one). */
export function missingPolicySecretWarnings(scope: IConstruct, basicAuditPolicyEnabled: boolean): string[] {
  if (appHasPolicySecret(scope)) return [];
  const runs = basicAuditPolicyEnabled
    ? 'the cluster runs the built-in rules alone'
    : 'with basicAuditPolicyEnabled: false the merge holds no rule, and Deckhouse starts kube-apiserver without audit: nothing is audited';
  return [
    `auditPolicyEnabled: received true, but this app has no Secret ${AUDIT_POLICY_SECRET_NAMESPACE}/${AUDIT_POLICY_SECRET_NAME}, ` +
      `the only place Deckhouse reads the custom policy from: unless it is applied another way, ${runs}. ` +
      'Fix: add an AuditPolicySecret to the app (or use DeckhouseClusterAudit with a policy), or ignore this if the Secret is managed elsewhere',
  ];
}
