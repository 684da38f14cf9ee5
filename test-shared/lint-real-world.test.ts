import * as fs from 'fs';
import * as path from 'path';
import { deckhouseEffectivePolicy } from '../src/deckhouse/effective';
import { runAssertionPack, dvpDocumentedPromises } from '../src/deckhouse/assertion-packs';
import { evaluatePolicy } from '../src/policy/evaluate';
import { LintCode, LintFinding, lintPolicy } from '../src/policy/lint';
import { loadPolicy } from '../src/policy/parse';
import { Policy, PolicyRule } from '../src/policy/types';
import { checkShadowClaims } from '../test/policy/lint-soundness';

// Lint on the real-world policies of ../shared/upstream/kubernetes/policies and on the upstream Deckhouse
// rule list itself (not the packaged copy), with every reachability claim re-checked by the evaluator.

const SHARED = path.resolve(__dirname, '../../shared');
const POLICIES = path.join(SHARED, 'upstream/kubernetes/policies');

function load(name: string): Policy {
  // The EKS guide still prints the removed v1beta1 apiVersion; its rules load unchanged under v1.
  const text = fs
    .readFileSync(path.join(POLICIES, `${name}.yaml`), 'utf8')
    .replace(/^apiVersion: audit\.k8s\.io\/v1beta1$/m, 'apiVersion: audit.k8s.io/v1');
  const result = loadPolicy(text);
  expect(result.errors).toEqual([]);
  return result.policy!;
}

const codes = (findings: LintFinding[], code: LintCode) =>
  findings.filter((f) => f.code === code).map((f) => [f.ruleIndex, f.severity]);
const NAMES = [
  'gce-policy',
  'k8s-docs-example',
  'kubespray-default',
  'eks-best-practices',
  'k3s-cis-starter',
];

describe.each(NAMES)('%s', (name) => {
  const policy = load(name);
  const findings = lintPolicy(policy);

  it('every shadow claim checks out against the evaluator (plain and as a Deckhouse custom policy)', () => {
    expect(checkShadowClaims(policy, findings, 400)).toEqual([]);
    const eff = deckhouseEffectivePolicy({ customPolicy: policy });
    expect(checkShadowClaims(eff.policy, lintPolicy(eff), 400)).toEqual([]);
  });

  it('every example request is decided by the rule the finding names', () => {
    for (const f of findings) {
      if (!f.example) continue;
      const decided = evaluatePolicy(policy, f.example).ruleIndex;
      if (f.code === 'partially-shadowed-rule') expect(decided).toBe(f.relatedRuleIndex);
      else if (f.code === 'no-catch-all') expect(decided).toBe(-1);
      else expect(decided).toBe(f.ruleIndex);
    }
  });

  it('has a catch-all and no dead rule', () => {
    expect(codes(findings, 'no-catch-all')).toEqual([]);
    expect(codes(findings, 'shadowed-rule')).toEqual([]);
  });
});

describe('findings on the real-world policies', () => {
  it('GCE: no leak (sensitive resources are caught at Metadata first), every rule omits RequestReceived', () => {
    const f = lintPolicy(load('gce-policy'));
    expect(codes(f, 'sensitive-body')).toEqual([]);
    expect(codes(f, 'request-received-not-omitted')).toEqual([]);
    expect(codes(f, 'unknown-verb')).toEqual([]);
  });

  it('Kubernetes docs example: ConfigMaps of kube-system recorded with bodies, TokenRequest bodies at Request', () => {
    const p = load('k8s-docs-example');
    const f = lintPolicy(p);
    expect(codes(f, 'sensitive-body')).toEqual([
      [5, 'error'],
      [7, 'warning'],
    ]);
    const leak = f.find((x) => x.code === 'sensitive-body' && x.ruleIndex === 5)!;
    expect(leak.example).toMatchObject({ resource: 'configmaps', namespace: 'kube-system' });
    expect(['create', 'update', 'patch']).toContain(leak.example!.verb);
    expect(codes(f, 'resource-names-without-name')).toEqual([[2, 'info']]);
    // The policy-level omitStages covers every rule.
    expect(codes(f, 'request-received-not-omitted')).toEqual([]);
  });

  it('EKS: the aws-auth rule records ConfigMap bodies; the token rule keeps RequestReceived', () => {
    const f = lintPolicy(load('eks-best-practices'));
    expect(codes(f, 'sensitive-body')).toEqual([
      [0, 'error'],
      [13, 'warning'],
    ]);
    expect(codes(f, 'request-received-not-omitted')).toEqual([[13, 'warning']]);
  });

  it('K3s CIS starter: the one rule logs every request twice', () => {
    expect(codes(lintPolicy(load('k3s-cis-starter')), 'request-received-not-omitted')).toEqual([
      [0, 'warning'],
    ]);
  });

  it('kubespray: clean apart from informational pre-emption notes', () => {
    const f = lintPolicy(load('kubespray-default'));
    expect(f.filter((x) => x.severity !== 'info')).toEqual([]);
  });
});

describe('real-world policies as the custom policy of a Deckhouse cluster', () => {
  it('kubespray/GCE None rules for endpoints and events are dead: basic rule 0 drops them first', () => {
    for (const [name, dead] of [
      ['kubespray-default', [31, 35]],
      ['gce-policy', [31, 36]],
    ] as const) {
      const eff = deckhouseEffectivePolicy({ customPolicy: load(name) });
      const shadowed = lintPolicy(eff).filter((f) => f.code === 'shadowed-rule');
      const n = eff.policy.rules.length;
      expect(shadowed.map((f) => [f.ruleIndex, f.layer, f.severity, f.relatedRuleIndex])).toEqual([
        [19, 'basic', 'warning', 10],
        [24, 'virtualization', 'warning', 12],
        [dead[0], 'custom', 'error', 0],
        [dead[1], 'custom', 'error', 0],
        // Both policies end with a catch-all, which replaces Deckhouse's tail rules.
        [n - 2, 'tail', 'info', n - 3],
        [n - 1, 'tail', 'info', n - 3],
      ]);
    }
  });

  it('the docs example wants Pods at RequestResponse, but basic rules decide many Pod requests first', () => {
    const eff = deckhouseEffectivePolicy({ customPolicy: load('k8s-docs-example') });
    const f = lintPolicy(eff).find((x) => x.code === 'partially-shadowed-rule' && x.ruleIndex === 27)!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('basic rule #13 (rules[12])');
    expect(evaluatePolicy(eff.policy, f.example!).ruleIndex).toBe(f.relatedRuleIndex);
  });

  it('the k3s catch-all as the custom policy keeps every documented promise, exec included', () => {
    const eff = deckhouseEffectivePolicy({ customPolicy: load('k3s-cis-starter') });
    expect(runAssertionPack(dvpDocumentedPromises, eff).filter((r) => !r.ok)).toEqual([]);
  });
});

describe('the upstream Deckhouse rule list itself', () => {
  const upstream = JSON.parse(
    fs.readFileSync(path.join(SHARED, 'upstream/deckhouse/basic-policy-rules.json'), 'utf8'),
  ) as Array<PolicyRule & { why?: string }>;
  const rules: PolicyRule[] = upstream.map(({ why: _why, ...rule }) => rule);
  const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules };

  it('the rules the upstream notes call dead are exactly the shadowed ones', () => {
    const shadowed = lintPolicy(policy).filter((f) => f.code === 'shadowed-rule');
    expect(shadowed.map((f) => f.ruleIndex)).toEqual([19, 24]);
    for (const i of [19, 24]) expect(upstream[i].why).toMatch(/never (match|fire)|shadowed/i);
    expect(checkShadowClaims(policy, lintPolicy(policy), 1000)).toEqual([]);
  });
});
