import { Testing } from 'cdk8s';
import {
  AUDIT_POLICY_SECRET_KEY,
  collectWarnings,
  AuditPolicySecret,
  POLICY_SHA256_ANNOTATION,
  preparePolicy,
  sha256Hex,
} from '../../src/constructs';
import { loadPolicy } from '../../src/policy/parse';
import { renderPolicy } from '../../src/policy/render';
import { policy as policyBuilder, resources } from '../../src/policy/builder';
import { Policy } from '../../src/policy/types';
import { Manifest, synthError, synthValid, yamlOf } from './helpers';

const EXEC_POLICY: Policy = {
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  rules: [
    { level: 'Request', verbs: ['get', 'create'], resources: [{ group: '', resources: ['pods/exec'] }] },
    { level: 'Metadata' },
  ],
};

function decodeSecret(secret: Manifest): string {
  return Buffer.from(secret.data[AUDIT_POLICY_SECRET_KEY], 'base64').toString('utf8');
}

describe('AuditPolicySecret', () => {
  test('kube-system/audit-policy with the canonical policy in data and its SHA-256', () => {
    const chart = Testing.chart();
    new AuditPolicySecret(chart, 'Policy', { policy: EXEC_POLICY });
    const [secret] = synthValid(chart);
    expect(secret).toMatchObject({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: { name: 'audit-policy', namespace: 'kube-system' },
    });
    expect(secret.stringData).toBeUndefined();
    const text = decodeSecret(secret);
    expect(text).toBe(renderPolicy(EXEC_POLICY));
    const reloaded = loadPolicy(text);
    expect(reloaded.errors).toEqual([]);
    expect(reloaded.policy).toEqual(EXEC_POLICY);
    expect(secret.metadata.annotations).toEqual({
      'argocd.argoproj.io/sync-wave': '-1',
      [POLICY_SHA256_ANNOTATION]: sha256Hex(text),
    });
    expect(yamlOf(chart)).toMatchSnapshot();
  });

  test('a builder, a built policy, YAML text and JSON text give the same bytes', () => {
    const builder = policyBuilder()
      .request({ verbs: ['get', 'create'], resources: [resources.core('pods/exec')] })
      .metadata();
    const yaml = renderPolicy(EXEC_POLICY);
    const inputs = [EXEC_POLICY, builder, builder.build(), yaml, JSON.stringify(EXEC_POLICY)];
    const datas = inputs.map((policy) => {
      const chart = Testing.chart();
      new AuditPolicySecret(chart, 'Policy', { policy });
      return synthValid(chart)[0].data[AUDIT_POLICY_SECRET_KEY];
    });
    expect(new Set(datas).size).toBe(1);
  });

  test('the annotation changes when the policy changes', () => {
    const other: Policy = { ...EXEC_POLICY, rules: [{ level: 'Metadata' }] };
    expect(preparePolicy(EXEC_POLICY).rendered).not.toBe(preparePolicy(other).rendered);
    const a = new AuditPolicySecret(Testing.chart(), 'P', { policy: EXEC_POLICY });
    const b = new AuditPolicySecret(Testing.chart(), 'P', { policy: other });
    expect(a.policySha256).not.toBe(b.policySha256);
  });

  test('an invalid level is refused with the field and a fix, and nothing is synthesized', () => {
    const chart = Testing.chart();
    new AuditPolicySecret(chart, 'Policy', {
      policy: { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Verbose' as 'Metadata' }] },
    });
    const message = synthError(chart);
    expect(message).toContain('[test/Policy]');
    expect(message).toContain('rules[0].level');
    expect(message).toContain('Verbose');
  });

  test('an unknown key in a policy object is refused (Deckhouse decodes strictly)', () => {
    const chart = Testing.chart();
    const policy = { ...EXEC_POLICY, rules: [{ level: 'Metadata', verb: ['get'] }] } as unknown as Policy;
    new AuditPolicySecret(chart, 'Policy', { policy });
    expect(synthError(chart)).toMatch(/verb/);
  });

  test('YAML text with a syntax error names the line', () => {
    const chart = Testing.chart();
    new AuditPolicySecret(chart, 'Policy', {
      policy: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: [\n',
    });
    expect(synthError(chart)).toMatch(/policy \(line \d+/);
  });

  // Deckhouse's hook does not count the custom policy's rules (deckhouse-audit.md §2): a policy with only
  // omitStages is valid and applies them to every built-in rule. Only the merged policy must have rules.
  test('a policy without rules is accepted, as Deckhouse accepts it (it used to be refused for 0 rules)', () => {
    const chart = Testing.chart();
    const secret = new AuditPolicySecret(chart, 'Policy', {
      policy: { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', omitStages: ['RequestReceived'], rules: [] },
    });
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(secret.renderedPolicy).toBe(
      'apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages:\n  - RequestReceived\nrules: []\n',
    );
  });

  test('the target Kubernetes version decides: group "*" needs 1.36', () => {
    const policy: Policy = {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [{ level: 'Metadata', resources: [{ group: '*', resources: ['secrets'] }] }],
    };
    const old = Testing.chart();
    new AuditPolicySecret(old, 'Policy', { policy });
    expect(synthError(old)).toContain('Kubernetes 1.32');
    const current = Testing.chart();
    new AuditPolicySecret(current, 'Policy', { policy, kubernetesVersion: '1.36' });
    expect(synthValid(current)).toHaveLength(1);
  });

  test('a policy over the 1 MiB Secret limit is refused', () => {
    const users = Array.from(
      { length: 40000 },
      (_, i) => `system:serviceaccount:ns-${i}:some-long-service-account-name`,
    );
    const policy: Policy = {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [{ level: 'None', users }, { level: 'Metadata' }],
    };
    const chart = Testing.chart();
    new AuditPolicySecret(chart, 'Policy', { policy });
    expect(synthError(chart)).toMatch(
      /received \d+ bytes of rendered policy, expected at most 1048576 \(the 1 MiB Secret limit\)/,
    );
  });

  // A Secret is at most 1 MiB, but YAML aliases let 80 KB of text stand for a gigabyte: go-yaml v2 (the
  // reader of Deckhouse's hook) allows it while aliases stay under 99% of the decoded nodes, and the construct
  // renders the expanded policy into the Secret. Such a policy, like an object of that size, is a synth error
  // about the Secret limit, never a crash of the constructor ("RangeError: Invalid string length").
  const BIG = 'x'.repeat(50_000);
  const aliased = (count: number) =>
    'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n' +
    `    users: [&big ${BIG}${', *big'.repeat(count)}]\n`;
  test.each<[string, () => unknown]>([
    ['YAML text whose aliases expand to 5 MB', () => aliased(100)],
    ['YAML text whose aliases expand to 1 GB', () => aliased(20_000)],
    [
      'an object whose strings add up to 1 GB',
      () => ({
        apiVersion: 'audit.k8s.io/v1',
        kind: 'Policy',
        rules: [{ level: 'Metadata', users: Array<string>(20_000).fill(BIG) }],
      }),
    ],
  ])('%s: refused at synth with the Secret limit', (_name, make) => {
    const chart = Testing.chart();
    new AuditPolicySecret(chart, 'Policy', { policy: make() as Policy });
    expect(synthError(chart)).toMatch(
      /bytes of rendered policy, expected at most 1048576 \(the 1 MiB Secret limit\)/,
    );
  });

  test.each<[string, () => unknown]>([
    [
      'a list that contains itself',
      () => {
        const users: unknown[] = [];
        users.push(users);
        return { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'None', users }] };
      },
    ],
    [
      'a BigInt',
      () => ({
        apiVersion: 'audit.k8s.io/v1',
        kind: 'Policy',
        rules: [{ level: 'None', users: [BigInt(1)] }],
      }),
    ],
    [
      'a list nested 100,000 deep',
      () => {
        let users: unknown = 'x';
        for (let i = 0; i < 100_000; i++) users = [users];
        return { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'None', users }] };
      },
    ],
  ])('an object holding %s: a synth error naming the policy, never a crash', (_name, make) => {
    const chart = Testing.chart();
    new AuditPolicySecret(chart, 'Policy', { policy: make() as Policy });
    expect(synthError(chart)).toMatch(/\[test\/Policy\] policy: .*Fix: /);
  });

  test('a non-object policy is refused with the expected shape', () => {
    const chart = Testing.chart();
    new AuditPolicySecret(chart, 'Policy', { policy: 42 as unknown as Policy });
    expect(synthError(chart)).toContain('policy: received 42, expected an audit.k8s.io/v1 Policy object');
  });
});

describe('AuditPolicySecret on its own runs the same lint gate', () => {
  const SECRET_BODIES: Policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    rules: [{ level: 'RequestResponse', resources: [{ group: '', resources: ['secrets'] }] }],
  };

  test('a policy that records Secret bodies fails synth with the rule and the fix', () => {
    const chart = Testing.chart();
    new AuditPolicySecret(chart, 'Policy', { policy: SECRET_BODIES });
    const message = synthError(chart);
    expect(message).toContain('[test/Policy] sensitive-body: your rule #1');
    expect(message).toContain('Fix:');
  });

  test('it can be acknowledged, downgraded, or switched off like the composite lint', () => {
    for (const props of [
      { acknowledged: [{ code: 'sensitive-body', index: 0, reason: 'encrypted log' }] },
      { lint: { severities: { 'sensitive-body': 'warning' as const } } },
      { lint: { enabled: false } },
    ]) {
      const chart = Testing.chart();
      new AuditPolicySecret(chart, 'Policy', { policy: SECRET_BODIES, ...props });
      expect(synthValid(chart)).toHaveLength(1);
    }
  });
});

// Checked against the bundled snapshot's built-in rules (DKP 1.77), a rule for mutations in d8-ingress-nginx is live;
// a DKP 1.76 cluster lists that namespace (deckhouse audit_policy_basic_targets_generated.go @00f9d115) and its
// system-namespace rule decides those mutations first. The Secret alone cannot know the release: it says so.
describe('AuditPolicySecret: a verdict the snapshot lists decide', () => {
  const ingressRule: Policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    omitStages: ['RequestReceived'],
    rules: [
      { level: 'Metadata', namespaces: ['d8-ingress-nginx'], verbs: ['create', 'update', 'patch', 'delete'] },
    ],
  };

  test('warns that the rule is dead on a release listing the namespace', () => {
    const chart = Testing.chart();
    const secret = new AuditPolicySecret(chart, 'Secret', { policy: ingressRule });
    synthValid(chart);
    expect(collectWarnings(secret).join('\n')).toContain(
      "lint: your rule #1 (rules[27]) decides requests with the bundled snapshot's system lists, but on a release " +
        'whose lists differ for the names it selects (namespace d8-ingress-nginx listed: DKP 1.76 lists it;',
    );
  });

  test('says nothing with the built-in rules off (no lists run)', () => {
    const chart = Testing.chart();
    const secret = new AuditPolicySecret(chart, 'Secret', {
      policy: ingressRule,
      basicAuditPolicyEnabled: false,
    });
    synthValid(chart);
    expect(collectWarnings(secret).join('\n')).not.toContain('bundled snapshot');
  });
});
