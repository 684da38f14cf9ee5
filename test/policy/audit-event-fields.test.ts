import { auditFieldPathFix } from '../../src/policy/audit-event-fields';

// Event fields as k8s.io/apiserver/pkg/apis/audit/v1/types.go declares them; `authenticationMetadata` since
// Kubernetes 1.35 (constrained impersonation: ../shared/docs/k8s-audit-semantics.md §7).
describe('auditFieldPathFix', () => {
  test.each(['authenticationMetadata.impersonationConstraint', 'objectRef.resource', 'user.username'])(
    '%s names an Event field: nothing to fix',
    (path) => {
      expect(auditFieldPathFix(path)).toBeUndefined();
    },
  );

  test('a misspelt top-level field is corrected to the nearest Event field', () => {
    expect(auditFieldPathFix('authenticationMetadat.impersonationConstraint')?.meant).toBe(
      'authenticationMetadata.impersonationConstraint',
    );
    expect(auditFieldPathFix('objectRef.resorce')?.meant).toBe('objectRef.resource');
  });
});
