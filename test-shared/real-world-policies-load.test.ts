import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { loadPolicy, parsePolicy } from '../src/policy/parse';
import { renderPolicy } from '../src/policy/render';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../src/policy/kubernetes-version';
import { Policy, PolicyRule } from '../src/policy/types';

const SHARED = path.resolve(__dirname, '../../shared');
const POLICIES = path.join(SHARED, 'upstream/kubernetes/policies');
const read = (name: string) => fs.readFileSync(path.join(POLICIES, name), 'utf8');

/** Rule counts as policies/README.md and the semantics doc §9 state them. */
const RULE_COUNTS: Record<string, number> = {
  'gce-policy.yaml': 17,
  'k8s-docs-example.yaml': 9,
  'kubespray-default.yaml': 13,
  'eks-best-practices.yaml': 17,
  'k3s-cis-starter.yaml': 1,
};

describe('real-world audit policies', () => {
  const files = fs.readdirSync(POLICIES).filter((f) => /\.ya?ml$/.test(f));

  it('covers every policy file in the shared folder', () => {
    expect(files.sort()).toEqual(Object.keys(RULE_COUNTS).sort());
  });

  describe.each(files.filter((f) => f !== 'eks-best-practices.yaml'))('%s', (file) => {
    const text = read(file);

    it.each(SUPPORTED_KUBERNETES_VERSIONS)(
      'loads without errors or warnings for Kubernetes %s',
      (version) => {
        const result = loadPolicy(text, { kubernetesVersion: version });
        expect(result.errors).toEqual([]);
        expect(result.warnings).toEqual([]);
        expect(result.policy?.rules).toHaveLength(RULE_COUNTS[file]);
      },
    );

    it('decodes the same content a generic YAML reader sees', () => {
      expect(parsePolicy(text).policy).toEqual({ kind: 'Policy', ...(parseYaml(text) as object) });
    });

    it('round-trips through the renderer, byte-stable', () => {
      const policy = parsePolicy(text).policy!;
      const rendered = renderPolicy(policy);
      const back = loadPolicy(rendered);
      expect(back.errors).toEqual([]);
      expect(back.policy).toEqual(policy);
      expect(renderPolicy(back.policy!)).toBe(rendered);
    });
  });

  describe('eks-best-practices.yaml (published as audit.k8s.io/v1beta1)', () => {
    const text = read('eks-best-practices.yaml');

    it('is refused with the v1beta1 removal hint, pointing at apiVersion', () => {
      const result = loadPolicy(text);
      expect(result.policy).toBeUndefined();
      expect(result.errors).toHaveLength(1);
      const [error] = result.errors;
      expect(error.field).toBe('apiVersion');
      expect(error.message).toContain('audit.k8s.io/v1beta1 was removed in Kubernetes 1.24');
      expect(error.fix).toBe('change apiVersion to audit.k8s.io/v1: the rule content is compatible');
      expect(error.line).toBe(text.split('\n').findIndex((l) => l.startsWith('apiVersion:')) + 1);
    });

    it('loads once its apiVersion is audit.k8s.io/v1, and round-trips', () => {
      const fixed = text.replace('apiVersion: audit.k8s.io/v1beta1', 'apiVersion: audit.k8s.io/v1');
      const result = loadPolicy(fixed);
      expect(result.errors).toEqual([]);
      expect(result.policy?.rules).toHaveLength(17);
      expect(parsePolicy(renderPolicy(result.policy!)).policy).toEqual(result.policy);
    });
  });
});

describe('the Deckhouse basic rules as a policy', () => {
  const rules = (
    JSON.parse(
      fs.readFileSync(path.join(SHARED, 'upstream/deckhouse/basic-policy-rules.json'), 'utf8'),
    ) as Array<PolicyRule & { why?: string }>
  ).map(({ why: _why, ...rule }) => rule as PolicyRule);
  const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules };

  it('renders to YAML that loads back unchanged (29 rules, long lists)', () => {
    expect(rules).toHaveLength(29);
    const result = loadPolicy(renderPolicy(policy));
    expect(result.errors).toEqual([]);
    expect(result.policy).toEqual(policy);
  });

  it('loads from its JSON form too', () => {
    const result = loadPolicy(JSON.stringify(policy, null, 2));
    expect(result.errors).toEqual([]);
    expect(result.policy).toEqual(policy);
  });
});
