import { parse as parseYaml } from 'yaml';
import { parsePolicy } from '../../src/policy/parse';
import { policyYaml } from '../../src/policy/policy-yaml';
import { renderPolicy } from '../../src/policy/render';
import { Policy, PolicyRule } from '../../src/policy/types';
import { random, randomPolicy } from './generated-policies';

const roundTrip = (policy: Policy) => parsePolicy(renderPolicy(policy));

describe('renderPolicy: canonical layout', () => {
  const policy: Policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    omitStages: ['RequestReceived'],
    rules: [
      {
        level: 'None',
        users: ['system:kube-proxy'],
        verbs: ['watch'],
        resources: [{ group: '', resources: ['endpoints', 'services'] }],
      },
      { level: 'None', nonResourceURLs: ['/healthz*', '/version'] },
      {
        level: 'RequestResponse',
        userGroups: ['system:masters'],
        resources: [
          { group: 'rbac.authorization.k8s.io', resources: ['clusterroles'], resourceNames: ['admin'] },
          {},
        ],
        namespaces: ['kube-system', ''],
        omitStages: ['RequestReceived', 'Panic'],
        omitManagedFields: false,
      },
      { level: 'Metadata' },
    ],
  };

  it('writes the fixed key order, block lists, and quotes only what needs quotes', () => {
    expect(renderPolicy(policy)).toBe(
      [
        'apiVersion: audit.k8s.io/v1',
        'kind: Policy',
        'omitStages:',
        '  - RequestReceived',
        'rules:',
        '  - level: None',
        '    users:',
        '      - system:kube-proxy',
        '    verbs:',
        '      - watch',
        '    resources:',
        '      - group: ""',
        '        resources:',
        '          - endpoints',
        '          - services',
        '  - level: None',
        '    nonResourceURLs:',
        '      - /healthz*',
        '      - /version',
        '  - level: RequestResponse',
        '    userGroups:',
        '      - system:masters',
        '    resources:',
        '      - group: rbac.authorization.k8s.io',
        '        resources:',
        '          - clusterroles',
        '        resourceNames:',
        '          - admin',
        '      - {}',
        '    namespaces:',
        '      - kube-system',
        '      - ""',
        '    omitStages:',
        '      - RequestReceived',
        '      - Panic',
        '    omitManagedFields: false',
        '  - level: Metadata',
        '',
      ].join('\n'),
    );
  });

  it('orders keys by upstream struct order, not by the order the object was built in', () => {
    const scrambled = {
      rules: policy.rules.map(
        (rule) => Object.fromEntries(Object.entries(rule).reverse()) as unknown as PolicyRule,
      ),
      omitStages: policy.omitStages,
      kind: 'Policy',
      apiVersion: 'audit.k8s.io/v1',
    } as Policy;
    expect(renderPolicy(scrambled)).toBe(renderPolicy(policy));
  });

  it('writes policy-wide fields before the rules and metadata with sorted keys', () => {
    const text = renderPolicy({
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [],
      omitManagedFields: true,
      metadata: { name: 'audit', labels: { 'b.example.com/x': 'on', a: 'x' } },
    });
    expect(text).toBe(
      'apiVersion: audit.k8s.io/v1\nkind: Policy\nmetadata:\n  labels:\n    a: x\n    b.example.com/x: "on"\n  name: audit\nomitManagedFields: true\nrules: []\n',
    );
  });

  it('keeps present empty lists as [] and leaves absent ones out', () => {
    const p: Policy = {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      omitStages: [],
      rules: [{ level: 'None', verbs: [], resources: [{ resources: [] }] }],
    };
    expect(renderPolicy(p)).toBe(
      'apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: []\nrules:\n  - level: None\n    verbs: []\n    resources:\n      - resources: []\n',
    );
    expect(roundTrip(p).policy).toEqual(p);
  });

  it('ends with exactly one newline and carries nothing run-dependent', () => {
    const a = renderPolicy(policy);
    expect(a.endsWith('\n')).toBe(true);
    expect(a.endsWith('\n\n')).toBe(false);
    expect(renderPolicy(JSON.parse(JSON.stringify(policy)))).toBe(a);
  });
});

describe('renderPolicy: quoting', () => {
  it.each([
    ['kube-system', 'kube-system'],
    ['system:serviceaccount:kube-system:default', 'system:serviceaccount:kube-system:default'],
    ['/healthz*', '/healthz*'],
    ['pods/*', 'pods/*'],
    ['rbac.authorization.k8s.io', 'rbac.authorization.k8s.io'],
    ['RequestReceived', 'RequestReceived'],
    ['user@example.com', 'user@example.com'],
    ['', '""'],
    ['*', '"*"'],
    ['*/*', '"*/*"'],
    ['no', '"no"'],
    ['No', '"No"'],
    ['on', '"on"'],
    ['OFF', '"OFF"'],
    ['y', '"y"'],
    ['N', '"N"'],
    ['yes', '"yes"'],
    ['true', '"true"'],
    ['False', '"False"'],
    ['null', '"null"'],
    ['NULL', '"NULL"'],
    ['~', '"~"'],
    ['1', '"1"'],
    ['1.0', '"1.0"'],
    ['0x1F', '"0x1F"'],
    ['0777', '"0777"'],
    ['0o17', '"0o17"'],
    ['1_000', '"1_000"'],
    ['1:20', '"1:20"'],
    ['.inf', '".inf"'],
    ['-.5', '"-.5"'],
    ['2001-12-14', '"2001-12-14"'],
    // Plain since one writer serves policies and manifests: go-yaml v2 (resolve.go), YAML 1.1 and 1.2 core all
    // read a digit-first word that is no number as a string, and a backslash is literal in every plain scalar.
    ['123-namespace', '123-namespace'],
    [':', '":"'],
    ['a:', '"a:"'],
    ['a: b', '"a: b"'],
    ['- a', '"- a"'],
    ['-a', '"-a"'],
    ['#x', '"#x"'],
    ['a #x', '"a #x"'],
    ['&anchor', '"&anchor"'],
    ['!tag', '"!tag"'],
    ['%x', '"%x"'],
    ['@x', '"@x"'],
    ['`x', '"`x"'],
    ['|', '"|"'],
    ['>', '">"'],
    ['? x', '"? x"'],
    ['<<', '"<<"'],
    ['=', '"="'],
    ['{a}', '"{a}"'],
    ['[a]', '"[a]"'],
    ['a,b', '"a,b"'],
    ["it's", `"it's"`],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', 'back\\slash'],
    [' leading', '" leading"'],
    ['trailing ', '"trailing "'],
    ['line\nbreak', '"line\\nbreak"'],
    ['tab\there', '"tab\\there"'],
    ['nel\u0085', '"nel\\u0085"'],
    ['ls\u2028', '"ls\\u2028"'],
    ['bom\uFEFF', '"bom\\uFEFF"'],
    ['bell\u0007', '"bell\\u0007"'],
    ['пространство', '"пространство"'],
    ['emoji😀', '"emoji😀"'],
  ])('writes %j as %s', (value, expected) => {
    const rendered = renderPolicy({
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [{ level: 'None', namespaces: [value] }],
    });
    expect(rendered).toContain(`\n      - ${expected}\n`);
    expect(
      roundTrip({
        apiVersion: 'audit.k8s.io/v1',
        kind: 'Policy',
        rules: [{ level: 'None', namespaces: [value] }],
      }).policy?.rules[0].namespaces,
    ).toEqual([value]);
  });
});

// Generated policies are mostly invalid (random groups and URLs), which renderPolicy refuses: the writer's
// properties are checked on policyYaml, the layout renderPolicy writes once validation passed.
describe('policyYaml (what renderPolicy writes): properties over generated policies', () => {
  const next = random(20261128);
  const policies = Array.from({ length: 600 }, () => randomPolicy(next));
  const roundTrip = (policy: Policy) => parsePolicy(policyYaml(policy));

  it('parsePolicy(policyYaml(p)) gives back p, without errors or warnings', () => {
    for (const p of policies) {
      const back = roundTrip(p);
      expect(back.errors).toEqual([]);
      expect(back.warnings).toEqual([]);
      expect(back.policy).toEqual(p);
    }
  });

  it('is deterministic: equal policies give identical bytes, also after a round trip', () => {
    for (const p of policies) {
      const text = policyYaml(p);
      expect(policyYaml(structuredClone(p))).toBe(text);
      expect(policyYaml(parsePolicy(text).policy!)).toBe(text);
    }
  });

  it('is read the same by YAML 1.2 (core) and YAML 1.1 readers', () => {
    for (const p of policies.slice(0, 200)) {
      const text = policyYaml(p);
      expect(parseYaml(text)).toEqual(p);
      expect(parseYaml(text, { version: '1.1' })).toEqual(p);
    }
  });
});

describe('renderPolicy refuses what validatePolicy rejects', () => {
  const valid: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };

  it.each([null, undefined, 'rules: []', [valid], 42])('throws a TypeError for %p', (value) => {
    expect(() => renderPolicy(value as unknown as Policy)).toThrow(TypeError);
    expect(() => renderPolicy(value as unknown as Policy)).toThrow(
      /^renderPolicy: expected an audit\.k8s\.io\/v1 Policy object/,
    );
  });

  it('throws a TypeError for values of the wrong type, an Error listing upstream messages otherwise', () => {
    const wrongType = { ...valid, rules: [{ level: 'None', users: 'alice' }] } as unknown as Policy;
    expect(() => renderPolicy(wrongType)).toThrow(TypeError);
    const invalid: Policy = {
      ...valid,
      rules: [{ level: 'Metadata' }, { level: 'Bad' as Policy['rules'][0]['level'] }],
    };
    expect(() => renderPolicy(invalid)).toThrow(
      'renderPolicy: refusing to write a policy that kube-apiserver (Kubernetes 1.32) would refuse:\n' +
        '  - rules[1].level: Unsupported value: "Bad": supported values: "None", "Metadata", "Request", "RequestResponse"',
    );
  });

  // UTF-8 cannot hold a lone surrogate (Buffer.from writes U+FFFD), and its \uD800 escape is refused by go-yaml
  // (scannerc.go: "found invalid Unicode character escape code"): no text carries such a value to the cluster.
  it('refuses a string with a lone UTF-16 surrogate, naming where it is', () => {
    const policy: Policy = {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [{ level: 'None', namespaces: ['ok', 'lone\uD800'] }],
    };
    expect(() => renderPolicy(policy)).toThrow(TypeError);
    expect(() => renderPolicy(policy)).toThrow(
      /policy\.rules\[0\]\.namespaces\[1\] holds a lone UTF-16 surrogate/,
    );
    expect(
      parsePolicy('apiVersion: audit.k8s.io/v1\nrules:\n- level: None\n  namespaces: ["lone\\uD800"]\n')
        .errors[0].message,
    ).toMatch(/found invalid Unicode character escape code/);
  });

  it('validates for the given Kubernetes version', () => {
    const wildcard: Policy = { ...valid, rules: [{ level: 'Metadata', resources: [{ group: '*' }] }] };
    expect(() => renderPolicy(wildcard)).toThrow(/rules\[0\]\.resources\.group: Invalid value: "\*"/);
    expect(renderPolicy(wildcard, { kubernetesVersion: '1.36' })).toContain('- group: "*"');
    expect(() => renderPolicy(valid, { kubernetesVersion: '1.37' })).toThrow(
      /Kubernetes 1\.37 is not modelled/,
    );
  });

  it('writes a policy without rules (valid: only the rule count refuses it, which Deckhouse does not apply)', () => {
    expect(renderPolicy({ ...valid, rules: [], omitStages: ['RequestReceived'] })).toBe(
      'apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages:\n  - RequestReceived\nrules: []\n',
    );
  });
});
