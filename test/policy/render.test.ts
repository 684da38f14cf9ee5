import { parse as parseYaml } from 'yaml';
import { resolveGoYamlPlain } from '../../src/policy/go-yaml-scalar';
import { parsePolicy } from '../../src/policy/parse';
import { renderPolicy } from '../../src/policy/render';
import { doubleQuoted, isSafePlainString } from '../../src/policy/yaml-quote';
import { GroupResources, LEVELS, Policy, PolicyRule, Stage, STAGES } from '../../src/policy/types';

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
    ['123-namespace', '"123-namespace"'],
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
    ['back\\slash', '"back\\\\slash"'],
    [' leading', '" leading"'],
    ['trailing ', '"trailing "'],
    ['line\nbreak', '"line\\nbreak"'],
    ['tab\there', '"tab\\there"'],
    ['nel\u0085', '"nel\\u0085"'],
    ['ls\u2028', '"ls\\u2028"'],
    ['bom\uFEFF', '"bom\\uFEFF"'],
    ['bell\u0007', '"bell\\u0007"'],
    ['lone\uD800', '"lone\\uD800"'],
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

// A small seeded generator (mulberry32) so failures reproduce.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = [
  'no',
  'on',
  'off',
  'yes',
  'y',
  'N',
  'true',
  'False',
  'null',
  'Null',
  '~',
  '',
  ' ',
  '*',
  '*/*',
  'pods/*',
  '1.0',
  '0x1F',
  '0777',
  '1e3',
  '.5',
  '-1',
  '+1',
  '1_000',
  '12:30',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  ':',
  'a:',
  ':a',
  '- a',
  '-',
  '--',
  '---',
  '...',
  '#x',
  'a #b',
  '&a',
  '*a',
  '!a',
  '!!str',
  '%TAG',
  '@a',
  '`a',
  '|',
  '>',
  '? a',
  '<<',
  '=',
  '{}',
  '[]',
  '{a: 1}',
  ',',
  "'",
  '"',
  '\\',
  '\n',
  'a\nb',
  '\t',
  '\r\n',
  '\u0085',
  '\u2028',
  '\uFEFF',
  '\u0000',
  '\u007F',
  'é',
  'пространство',
  '命名空間',
  '😀',
  'system:kube-proxy',
  '/healthz*',
  '/api*',
  'system:serviceaccount:ns:sa',
  'rbac.authorization.k8s.io',
  'kube-system',
  'x'.repeat(300),
  'a b'.repeat(50),
  'RequestReceived',
];

function randomString(next: () => number): string {
  if (next() < 0.7) return NASTY[Math.floor(next() * NASTY.length)];
  let s = '';
  const length = Math.floor(next() * 12);
  for (let i = 0; i < length; i++) {
    const r = next();
    s +=
      r < 0.6
        ? String.fromCharCode(0x21 + Math.floor(next() * 94))
        : r < 0.8
          ? ' '
          : String.fromCodePoint(0xa0 + Math.floor(next() * 0x3000));
  }
  return s;
}

function randomPolicy(next: () => number): Policy {
  const maybe = <T>(make: () => T, p = 0.5): T | undefined => (next() < p ? make() : undefined);
  const list = <T>(make: () => T, max = 4): T[] =>
    Array.from({ length: Math.floor(next() * (max + 1)) }, make);
  const strings = () => list(() => randomString(next));
  const stages = () => list(() => STAGES[Math.floor(next() * STAGES.length)] as Stage, 3);
  const groupResources = (): GroupResources => {
    const entry: GroupResources = {};
    const group = maybe(() => randomString(next));
    if (group !== undefined) entry.group = group;
    const resources = maybe(strings);
    if (resources) entry.resources = resources;
    const names = maybe(strings, 0.3);
    if (names) entry.resourceNames = names;
    return entry;
  };
  const rule = (): PolicyRule => {
    const r: PolicyRule = { level: LEVELS[Math.floor(next() * LEVELS.length)] };
    for (const key of ['users', 'userGroups', 'verbs', 'namespaces', 'nonResourceURLs'] as const) {
      const v = maybe(strings, 0.35);
      if (v) r[key] = v;
    }
    const resources = maybe(() => list(groupResources, 3), 0.4);
    if (resources) r.resources = resources;
    const omit = maybe(stages, 0.3);
    if (omit) r.omitStages = omit;
    const managed = maybe(() => next() < 0.5, 0.2);
    if (managed !== undefined) r.omitManagedFields = managed;
    return r;
  };
  const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: list(rule, 6) };
  const omit = maybe(stages, 0.3);
  if (omit) policy.omitStages = omit;
  const managed = maybe(() => next() < 0.5, 0.2);
  if (managed !== undefined) policy.omitManagedFields = managed;
  const meta = maybe(
    () => ({ name: randomString(next), labels: { [randomString(next) || 'k']: randomString(next) } }),
    0.15,
  );
  if (meta) policy.metadata = meta;
  return policy;
}

describe('renderPolicy: properties over generated policies', () => {
  const next = random(20261128);
  const policies = Array.from({ length: 600 }, () => randomPolicy(next));

  it('parsePolicy(renderPolicy(p)) gives back p, without errors or warnings', () => {
    for (const p of policies) {
      const back = roundTrip(p);
      expect(back.errors).toEqual([]);
      expect(back.warnings).toEqual([]);
      expect(back.policy).toEqual(p);
    }
  });

  it('is deterministic: equal policies give identical bytes, also after a round trip', () => {
    for (const p of policies) {
      const text = renderPolicy(p);
      expect(renderPolicy(structuredClone(p))).toBe(text);
      expect(renderPolicy(parsePolicy(text).policy!)).toBe(text);
    }
  });

  it('is read the same by YAML 1.2 (core) and YAML 1.1 readers', () => {
    for (const p of policies.slice(0, 200)) {
      const text = renderPolicy(p);
      expect(parseYaml(text)).toEqual(p);
      expect(parseYaml(text, { version: '1.1' })).toEqual(p);
    }
  });
});

describe('isSafePlainString', () => {
  it('only lets through strings that go-yaml v2, YAML 1.1 and YAML 1.2 all read as the same string', () => {
    const next = random(7);
    let plain = 0;
    for (let i = 0; i < 5000; i++) {
      const s = randomString(next);
      if (!isSafePlainString(s)) continue;
      plain++;
      expect(resolveGoYamlPlain(s)).toEqual({ type: 'string', value: s });
      expect(parseYaml(`k: ${s}\n`)).toEqual({ k: s });
      expect(parseYaml(`k: ${s}\n`, { version: '1.1' })).toEqual({ k: s });
      expect(parseYaml(`- ${s}\n`)).toEqual([s]);
    }
    expect(plain).toBeGreaterThan(50);
  });

  it('double-quoted strings decode back to the original', () => {
    for (const s of NASTY) expect(parseYaml(`k: ${doubleQuoted(s)}\n`)).toEqual({ k: s });
  });
});
