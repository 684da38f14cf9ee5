// A consumer's jest test hands expectAudit the construct it just made: the error says what to pass instead.
import { Testing } from 'cdk8s';
import { AuditPolicySecret, DeckhouseClusterAudit } from '../../src/constructs';
import { expectAudit } from '../../src/policy/assertions';

const POLICY =
  'apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]\nrules:\n- level: Metadata\n';

test('a DeckhouseClusterAudit: pass its effectivePolicy', () => {
  const audit = new DeckhouseClusterAudit(Testing.chart(), 'audit', { assertionPacks: [] });
  expect(() => expectAudit(audit as never)).toThrow(
    /expectAudit: policy received a DeckhouseClusterAudit construct; pass its effectivePolicy: expectAudit\(audit\.effectivePolicy!\)/,
  );
  expect(() =>
    expectAudit(audit.effectivePolicy!).request('exec web-0 -n prod -- sh').notRecorded(),
  ).not.toThrow();
});

test('an AuditPolicySecret: pass its policy', () => {
  const secret = new AuditPolicySecret(Testing.chart(), 'secret', {
    policy: POLICY,
    lint: { enabled: false },
  });
  expect(() => expectAudit(secret as never)).toThrow(
    /expectAudit: policy received an AuditPolicySecret construct; pass its policy \(your rules alone\)/,
  );
});
