import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { explainUnknownName } from '../../src/deckhouse/explain-unknown-name';
import { requestFromKubectl } from '../../src/policy/request-info';
import { Policy, PolicyRule, RequestAttributes } from '../../src/policy/types';

// The expected decisions follow k8s.io/apiserver pkg/audit/policy/checker.go ruleMatchesResource: an entry with
// resources and resourceNames matches only a request whose name is listed (hasString); an entry without
// resources matches its whole group, names not consulted; the first matching rule decides.

const policy = (...rules: PolicyRule[]): Policy => ({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules });
const execOf = (names?: string[]): PolicyRule['resources'] => [
  { group: '', resources: ['pods/exec'], ...(names ? { resourceNames: names } : {}) },
];
const exec: RequestAttributes = {
  user: 'alice',
  groups: ['system:authenticated'],
  verb: 'get',
  resourceRequest: true,
  apiGroup: '',
  apiVersion: 'v1',
  namespace: 'data',
  resource: 'pods',
  subresource: 'exec',
};

describe('explainUnknownName', () => {
  it('lists the Pod names a rule tells apart, grouped by decision, and decides every other name apart', () => {
    const p = policy(
      { level: 'RequestResponse', resources: execOf(['db-0', 'db-1']) },
      { level: 'Request', resources: execOf(['cache-0']) },
      // db-0 is listed for ConfigMaps too: for pods/exec that changes nothing.
      {
        level: 'Request',
        resources: [{ group: '', resources: ['configmaps'], resourceNames: ['db-0', 'cm'] }],
      },
      { level: 'Metadata', resources: execOf() },
    );
    const result = explainUnknownName(p, exec);
    expect(result.anyOtherName.decision).toEqual({
      level: 'Metadata',
      omitStages: [],
      omitManagedFields: false,
      ruleIndex: 3,
    });
    expect(
      result.listedNames.map((l) => [l.names, l.explanation.decision.level, l.explanation.ruleIndex]),
    ).toEqual([
      [['db-0', 'db-1'], 'RequestResponse', 0],
      [['cache-0'], 'Request', 1],
    ]);
  });

  it('is empty when no listed name changes the decision (an earlier rule decides, or names another resource)', () => {
    const p = policy(
      { level: 'None', users: ['alice'] },
      { level: 'RequestResponse', resources: execOf(['db-0']) },
    );
    const result = explainUnknownName(p, exec);
    expect(result.anyOtherName.decision.level).toBe('None');
    expect(result.anyOtherName.ruleIndex).toBe(0);
    expect(result.listedNames).toEqual([]);
    expect(explainUnknownName(p, { ...exec, user: 'bob' }).listedNames).toHaveLength(1);
  });

  it('a rule listing "" or the placeholder name is no decision for any other Pod (every Pod has a name)', () => {
    const p = policy(
      { level: 'RequestResponse', resources: execOf(['']) },
      { level: 'Request', resources: execOf(['POD']) },
      { level: 'Metadata', resources: execOf() },
    );
    const result = explainUnknownName(p, exec);
    expect(result.anyOtherName.ruleIndex).toBe(2);
    // "" is never a Pod's name; "POD" (upper case) is not a valid one either, but a rule can list it.
    expect(result.listedNames.map((l) => l.names)).toEqual([['POD']]);
  });

  it("Deckhouse's built-in rules name no Pods: kubectl logs deploy/web gets one decision", () => {
    // audit_policy.go lists resourceNames only for cert-manager's ConfigMaps; pods/log is a Metadata rule.
    const result = explainUnknownName(
      deckhouseEffectivePolicy(),
      requestFromKubectl('logs deploy/web -n prod', { user: 'alice' }),
    );
    expect(result.listedNames).toEqual([]);
    expect(result.anyOtherName.decision.level).toBe('Metadata');
    expect(result.anyOtherName.title).toBe('pods/log at Metadata');
  });

  it('throws a TypeError for a request of the wrong shape', () => {
    expect(() =>
      explainUnknownName(policy({ level: 'None' }), 'exec' as unknown as RequestAttributes),
    ).toThrow(TypeError);
  });
});
