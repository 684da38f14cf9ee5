import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { explain } from '../../src/deckhouse/explain';
import { checkAssertions, expectAudit } from '../../src/policy/assertions';
import { policy as builder, resources } from '../../src/policy/builder';
import { compilePolicy, evaluatePolicy } from '../../src/policy/evaluate';
import { lintPolicy } from '../../src/policy/lint';
import { RequestAttributes } from '../../src/policy/types';

// Library calls check their arguments at the public entry: a TypeError that names the function, the
// argument and the expected shape — never a deep property error, never an answer from a policy
// kube-apiserver would refuse.

describe('functions that take a policy take the builder too', () => {
  const exec = () =>
    builder()
      .request({ verbs: ['get', 'create'], resources: [resources.core('pods/exec')] })
      .metadata();
  const request: RequestAttributes = {
    user: 'alice',
    groups: ['system:authenticated'],
    verb: 'get',
    resourceRequest: true,
    namespace: 'prod',
    apiGroup: '',
    resource: 'pods',
    subresource: 'exec',
    name: 'web-0',
  };

  it('gives the same answers for the builder and for what it builds', () => {
    const policy = exec().build();
    expect(compilePolicy(exec()).evaluate(request)).toEqual(compilePolicy(policy).evaluate(request));
    expect(evaluatePolicy(exec(), request)).toEqual(evaluatePolicy(policy, request));
    expect(lintPolicy(exec())).toEqual(lintPolicy(policy));
    expect(explain(exec(), request)).toEqual(explain(policy, request));
    expect(checkAssertions(exec(), [{ request, atLeast: 'Request' }])).toEqual(
      checkAssertions(policy, [{ request, atLeast: 'Request' }]),
    );
    expect(() => expectAudit(exec()).request(request).recordedAt('Request')).not.toThrow();
    expect(deckhouseEffectivePolicy({ customPolicy: exec() })).toEqual(
      deckhouseEffectivePolicy({ customPolicy: policy }),
    );
    expect(evaluatePolicy(exec(), request).level).toBe('Request');
  });
});

describe('the other public helpers check their arguments too', () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const api = require('../../src/index') as Record<string, (...args: unknown[]) => unknown>;
  /* eslint-enable @typescript-eslint/no-require-imports */
  it.each<[string, unknown[], RegExp]>([
    ['formatExplanation', [null], /^formatExplanation: explanation must be an Explanation/],
    ['runAssertionPack', [null, {}], /^runAssertionPack: pack must be an AssertionPack/],
    ['runAssertionPack', [{ name: 'x' }, {}], /^runAssertionPack: pack\.items must be a list/],
    ['failedStatements', [null, []], /^failedStatements: pack must be an AssertionPack/],
    ['failedStatements', [{ name: 'x', items: [] }, null], /^failedStatements: results must be the list/],
    ['builtInRulesSummary', [undefined], /^builtInRulesSummary: rules must be DeckhouseBasicRules/],
    ['parseExtraAuditPolicyConfig', [5], /^parseExtraAuditPolicyConfig: text must be/],
    [
      'renderExtraAuditPolicyConfig',
      ['system:serviceaccount:a:b'],
      /^renderExtraAuditPolicyConfig: serviceAccounts must be a list/,
    ],
    ['formatFieldErrors', [null], /^formatFieldErrors: errors must be the list/],
    ['describeRule', [null], /^describeRule: rule must be a PolicyRule/],
    ['describeRequest', [undefined], /^describeRequest: request must be request attributes/],
    ['ruleLabel', [-5], /^ruleLabel: index must be a rule's index from 0, got -5/],
    ['base64Pem', [undefined], /^base64Pem: pem must be the PEM text/],
    ['diffReports', [null, null], /^diffReports: a must be a SimulationReport/],
    [
      'builtInRulesDifference',
      [null, null],
      /^builtInRulesDifference: reference must be DeckhouseBasicRules/,
    ],
    ['formatBuiltInRulesDifference', [null], /^formatBuiltInRulesDifference: difference must be/],
  ])('%s(%j) throws a TypeError naming the argument', (name, args, message) => {
    expect(typeof api[name]).toBe('function');
    let thrown: unknown;
    try {
      api[name](...args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toMatch(message);
  });
});
