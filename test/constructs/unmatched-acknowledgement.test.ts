import { Testing } from 'cdk8s';
import { collectWarnings, DeckhouseClusterAudit, DeckhouseClusterAuditProps } from '../../src/constructs';
import { Policy } from '../../src/policy/types';

// An acknowledgement that matches nothing because of a typo must say so: "the finding is gone" would send the
// user to remove it while the finding it was meant for still fails synth.
function warningsOf(props: DeckhouseClusterAuditProps): string {
  const chart = Testing.chart();
  new DeckhouseClusterAudit(chart, 'Audit', props);
  return collectWarnings(chart).join('\n');
}

// Rule #2 records Secret bodies (RequestResponse on secrets): lint's sensitive-body finding, about index 1.
const SECRETS_BODIES: Policy = {
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  rules: [
    { level: 'Metadata', resources: [{ group: '', resources: ['pods'] }] },
    { level: 'RequestResponse', resources: [{ group: '', resources: ['secrets'] }] },
  ],
};

describe('an acknowledgement that matches no finding', () => {
  test('a mistyped code gets the closest finding code', () => {
    const warnings = warningsOf({
      policy: SECRETS_BODIES,
      assertionPacks: [],
      acknowledged: [
        { code: 'sensitive-body', index: 1, reason: 'encrypted log' },
        { code: 'partialy-shadowed-rule', index: 0, reason: 'typo' },
      ],
    });
    expect(warnings).toContain(
      'acknowledged[1] (partialy-shadowed-rule, your rule #1) matches no finding: "partialy-shadowed-rule" is no ' +
        'finding code. Fix: did you mean code: "partially-shadowed-rule"?',
    );
  });

  test('a mistyped assertion id gets the id of the failed assertion', () => {
    // The default pack's exec-websocket assertion fails without a custom policy (deckhouse-audit.md: the
    // built-in rules leave pods/exec unrecorded).
    const warnings = warningsOf({
      acknowledged: [
        { code: 'assertion-failed', assertion: 'dvp.interactive.exec-websockte', reason: 'typo' },
      ],
    });
    expect(warnings).toContain(
      'no failed assertion has id "dvp.interactive.exec-websockte". Fix: did you mean assertion: ' +
        '"dvp.interactive.exec-websocket"?',
    );
  });

  test('an index that misses names the rule the findings of that code are about', () => {
    const warnings = warningsOf({
      policy: SECRETS_BODIES,
      assertionPacks: [],
      lint: { severities: { 'sensitive-body': 'warning' } },
      acknowledged: [{ code: 'sensitive-body', index: 2, reason: 'counted from 1' }],
    });
    expect(warnings).toContain(
      'acknowledged[0] (sensitive-body, your rule #3) matches no finding: the sensitive-body findings are about ' +
        'your rule #2 (index: 1). Fix: set index to the rule you meant',
    );
  });

  test('a finding that is really gone keeps the advice to remove the acknowledgement', () => {
    const warnings = warningsOf({
      policy: SECRETS_BODIES,
      assertionPacks: [],
      acknowledged: [
        { code: 'sensitive-body', index: 1, reason: 'encrypted log' },
        { code: 'literal-wildcard', reason: 'was there once' },
      ],
    });
    expect(warnings).toContain(
      'acknowledged[1] (literal-wildcard, the policy) matches no finding. Fix: remove it (the finding is gone)',
    );
  });
});
