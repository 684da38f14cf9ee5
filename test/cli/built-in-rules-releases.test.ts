import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { DECKHOUSE_BASIC_RULES } from '../../src/deckhouse/basic-rules';
import { isSystemNamespaceRule, isSystemServiceAccountRule } from '../../src/deckhouse/built-in-rule-shapes';
import { Policy, PolicyRule } from '../../src/policy/types';
import { stringify } from 'yaml';
import { renderAsDeckhouseWrites } from '../support/deckhouse-merged-file';
import { REPO, runInProcess } from './helpers';

// --built-in-rules with the merged files of clusters of other Deckhouse releases and settings, written as
// control-plane-manager's hook writes them (basic, virtualization, custom, tail; the custom policy's omitStages
// at the top). The merged file is what kube-apiserver runs: explain with --built-in-rules must decide every
// request as the file evaluated as a plain policy does, and the expected decisions below are derived from
// kube-apiserver's first-match rule by hand (k8s-audit-semantics.md), rule by rule.

const SNAP = DECKHOUSE_BASIC_RULES;
const SA = SNAP.basic.findIndex(isSystemServiceAccountRule);
const NS = SNAP.basic.findIndex(isSystemNamespaceRule);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const USER: PolicyRule[] = [
  { level: 'Metadata', resources: [{ group: '', resources: ['secrets', 'configmaps'] }] },
  {
    level: 'Request',
    verbs: ['get', 'create'],
    resources: [{ resources: ['pods/exec', 'pods/portforward'] }],
  },
];

function merged(parts: {
  basic?: readonly PolicyRule[];
  virtualization?: readonly PolicyRule[];
  custom?: readonly PolicyRule[];
  tail?: readonly PolicyRule[];
  omitStages?: Policy['omitStages'];
}): string {
  const rules = [
    ...(parts.basic ?? []),
    ...(parts.virtualization ?? []),
    ...(parts.custom ?? []),
    ...(parts.tail ?? []),
  ];
  const policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    rules,
    ...(parts.omitStages ? { omitStages: parts.omitStages } : {}),
  };
  return renderAsDeckhouseWrites(clone(policy) as Policy);
}

// DKP 1.77+: upmeter moved out (PR #21169): its namespace, ServiceAccounts and its two None rules (basic #6
// upmeterhookprobes, #7 namespace d8-upmeter) are gone, and so is the always-shadowed pods/log get rule (#20).
function release177plus(): PolicyRule[] {
  const basic = clone(SNAP.basic).filter((_, i) => i !== 5 && i !== 6 && i !== 19) as PolicyRule[];
  const sa = basic.find(isSystemServiceAccountRule)!;
  sa.users = sa.users!.filter((u) => !u.startsWith('system:serviceaccount:d8-upmeter:'));
  const ns = basic.find(isSystemNamespaceRule)!;
  ns.namespaces = ns.namespaces!.filter((n) => n !== 'd8-upmeter');
  return basic;
}

function withExtraServiceAccounts(...names: string[]): PolicyRule[] {
  const basic = clone(SNAP.basic) as PolicyRule[];
  basic[SA].users = [...basic[SA].users!, ...names];
  return basic;
}

const dir = mkdtempSync(path.join(tmpdir(), 'builtin-releases-'));
const write = (name: string, text: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

const FILES = {
  r176: path.join(REPO, 'test/fixtures/deckhouse/merged-policy-1.76.yaml'),
  r177plus: write(
    '177plus.yaml',
    merged({
      basic: release177plus(),
      virtualization: SNAP.virtualization,
      custom: USER,
      tail: SNAP.tail,
      omitStages: ['RequestReceived'],
    }),
  ),
  noVirtualization: write('no-virtualization.yaml', merged({ basic: SNAP.basic, custom: USER })),
  basicOff: write(
    'basic-off.yaml',
    merged({ custom: [...USER, ...SNAP.tail], omitStages: ['RequestReceived'] }),
  ),
  noCustom: write(
    'no-custom.yaml',
    merged({ basic: SNAP.basic, virtualization: SNAP.virtualization, tail: SNAP.tail }),
  ),
  extraServiceAccounts: write(
    'extra-sa.yaml',
    merged({
      basic: withExtraServiceAccounts('system:serviceaccount:infra:flux'),
      virtualization: SNAP.virtualization,
      custom: USER,
      tail: SNAP.tail,
    }),
  ),
  lookalikes: write(
    'lookalikes.yaml',
    merged({
      basic: SNAP.basic,
      virtualization: SNAP.virtualization,
      custom: [SNAP.virtualization[1], SNAP.basic[1], SNAP.basic[NS], ...USER],
      tail: SNAP.tail,
      omitStages: ['RequestReceived', 'ResponseStarted'],
    }),
  ),
  zeroValues: write(
    'zero-values.yaml',
    zeroValuesWritten([...release177plus(), ...SNAP.virtualization, ...USER, ...SNAP.tail]),
  ),
  lookalikesNoVirtualization: write(
    'lookalikes-no-virtualization.yaml',
    merged({ basic: SNAP.basic, custom: [SNAP.basic[1], SNAP.basic[NS], ...USER] }),
  ),
};

// The same merged policy as a Go marshaller without omitempty writes it (gopkg.in/yaml.v3 style: struct field
// order, every field present with its zero value, `group: ""` for the core group, 4-space indentation), and
// with the top-level omitManagedFields: false and omitStages: [] of a zero Policy.
function zeroValuesWritten(rules: readonly PolicyRule[]): string {
  const fields = [
    'level',
    'users',
    'userGroups',
    'verbs',
    'resources',
    'namespaces',
    'nonResourceURLs',
    'omitStages',
  ] as const;
  const full = rules.map((rule) => {
    const out: Record<string, unknown> = {};
    for (const field of fields) out[field] = rule[field] ?? [];
    out.resources = (rule.resources ?? []).map((gr) => ({
      group: gr.group ?? '',
      resources: gr.resources ?? [],
      resourceNames: gr.resourceNames ?? [],
    }));
    out.omitManagedFields = false;
    return out;
  });
  return stringify(
    {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      metadata: { creationTimestamp: null },
      rules: full,
      omitStages: [],
      omitManagedFields: false,
    },
    { indent: 4, lineWidth: 0 },
  );
}

const REQUESTS: string[][] = [
  ['--url', 'GET /api/v1/namespaces/prod/secrets/db', '--user', 'alice'],
  ['--url', 'GET /api/v1/namespaces/prod/pods/web/log', '--user', 'alice'],
  ['--url', 'PATCH /api/v1/namespaces/d8-upmeter/configmaps/x', '--user', 'alice'],
  [
    '--url',
    'PATCH /apis/apps/v1/namespaces/infra/deployments/web',
    '--user',
    'system:serviceaccount:infra:flux',
  ],
  ['--url', 'GET /api/v1/namespaces/prod/pods/web/exec?command=sh', '--user', 'alice'],
  [
    '--url',
    'POST /apis/virtualization.deckhouse.io/v1alpha2/namespaces/vm/virtualmachineoperations',
    '--user',
    'bob',
  ],
  ['--url', 'PUT /apis/coordination.k8s.io/v1/namespaces/prod/leases/l', '--user', 'alice'],
  ['--url', 'GET /api/v1/namespaces/prod/pods', '--unauthenticated'],
];

interface Decision {
  level: string;
  omitStages: string[];
  ruleIndex?: number;
}

async function decide(argv: string[]): Promise<Decision> {
  const run = await runInProcess(['explain', ...argv, '--json']);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.code).toBe(0);
  const { level, omitStages, ruleIndex } = (JSON.parse(run.stdout) as { decision: Decision }).decision;
  return { level, omitStages, ...(ruleIndex === undefined || ruleIndex < 0 ? {} : { ruleIndex }) };
}

describe('--built-in-rules agrees with the merged file evaluated as a plain policy', () => {
  test.each(Object.entries(FILES))('%s', async (_name, file) => {
    for (const request of REQUESTS) {
      const cluster = await decide(['--built-in-rules', file, ...request]);
      const plain = await decide(['--policy', file, ...request]);
      expect({ request, ...cluster }).toEqual({ request, ...plain });
    }
  });
});

describe('decisions of other releases, derived from the rules by hand', () => {
  test('1.77+: PATCH in d8-upmeter is decided by the custom rule (no upmeter rule, not a system namespace)', async () => {
    // Basic rules: no resource/namespace rule matches configmaps in d8-upmeter (now outside the system-namespace
    // list); the virtualization rules do not either; custom rule #1 (configmaps at Metadata) does: rules[24].
    expect(await decide(['--built-in-rules', FILES.r177plus, ...REQUESTS[2]])).toEqual({
      level: 'Metadata',
      omitStages: ['RequestReceived'],
      ruleIndex: 24,
    });
    // The bundled snapshot still has basic #7, namespace d8-upmeter at None.
    expect(await decide(['--deckhouse', ...REQUESTS[2]])).toEqual({
      level: 'None',
      omitStages: [],
      ruleIndex: 6,
    });
  });

  test('1.77+: stderr names what the release dropped', async () => {
    const run = await runInProcess(['explain', '--built-in-rules', FILES.r177plus, ...REQUESTS[0]]);
    expect(run.stderr).toContain('note:   system namespaces removed (1): d8-upmeter\n');
    expect(run.stderr).toContain(
      'note:   basic rule #7 `namespace d8-upmeter at None` of the snapshot is gone\n',
    );
    expect(run.stderr).toContain(
      'note:   basic rule #20 `pods/log get at Request` of the snapshot is gone\n',
    );
    expect(run.stdout).toContain(
      'Policy:  built-in rules of ' + FILES.r177plus + ' + its custom rules + tail rules\n',
    );
  });

  test('an extra ServiceAccount of the file is recorded by the ServiceAccount rule (basic #12)', async () => {
    expect(await decide(['--built-in-rules', FILES.extraServiceAccounts, ...REQUESTS[3]])).toEqual({
      level: 'Metadata',
      omitStages: ['RequestReceived'],
      ruleIndex: SA,
    });
    const run = await runInProcess([
      'explain',
      '--built-in-rules',
      FILES.extraServiceAccounts,
      ...REQUESTS[3],
    ]);
    expect(run.stderr).toContain(
      'note:   system ServiceAccounts added (1): system:serviceaccount:infra:flux\n' +
        'note:   (a ServiceAccount added may be one an extra-audit-policy-config ConfigMap appended: the file ' +
        "does not tell them from the release's own)\n",
    );
  });

  test('no virtualization rules and no tail (older release): a VirtualMachineOperation create matches no rule', async () => {
    expect(await decide(['--built-in-rules', FILES.noVirtualization, ...REQUESTS[5]])).toEqual({
      level: 'None',
      omitStages: [],
    });
  });

  test('basicAuditPolicyEnabled: false: the file alone decides, with its omitStages, and stderr says how it was read', async () => {
    const run = await runInProcess(['explain', '--built-in-rules', FILES.basicOff, ...REQUESTS[0]]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `${FILES.basicOff}: warning: the file holds no built-in rules (no system ServiceAccount rule, no system-namespace rule): ` +
        'it is read as the merged policy of a cluster with basicAuditPolicyEnabled: false',
    );
    expect(run.stdout).toContain(
      `Policy:  the rules of ${FILES.basicOff} (no built-in rules: basicAuditPolicyEnabled: false)\n`,
    );
    expect(run.stdout).toMatch(/^Rule: +your rule #1 \(rules\[0\]\): /m);
    // The user's own None-for-authenticated rule decides the pods/log get: there are no built-in rules before it.
    expect(await decide(['--built-in-rules', FILES.basicOff, ...REQUESTS[1]])).toEqual({
      level: 'None',
      omitStages: ['RequestReceived'],
      ruleIndex: 2,
    });
    // --no-basic says what the file says: accepted, same decision.
    expect(await decide(['--built-in-rules', FILES.basicOff, '--no-basic', ...REQUESTS[1]])).toEqual({
      level: 'None',
      omitStages: ['RequestReceived'],
      ruleIndex: 2,
    });
    // --policy replaces the file's rules: still no built-in rules and no tail.
    const other = write(
      'other.yaml',
      'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Request\n  verbs: ["get"]\n',
    );
    expect(await decide(['--built-in-rules', FILES.basicOff, '--policy', other, ...REQUESTS[0]])).toEqual({
      level: 'Request',
      omitStages: [],
      ruleIndex: 0,
    });
  });

  test('basicAuditPolicyEnabled: false: a ModuleConfig that agrees is accepted, one that turns the built-in rules on is refused', async () => {
    const agrees = await runInProcess([
      'explain',
      '--built-in-rules',
      FILES.basicOff,
      '--policy',
      path.join(REPO, 'test/fixtures/cli/dist-basic-off.yaml'),
      ...REQUESTS[0],
    ]);
    expect(agrees.code).toBe(0);
    expect(agrees.stdout).toMatch(/^Level: +Metadata$/m);
    const contradicts = await runInProcess([
      'explain',
      '--built-in-rules',
      FILES.basicOff,
      '--policy',
      path.join(REPO, 'test/fixtures/cli/dist-basic-on.yaml'),
      ...REQUESTS[0],
    ]);
    expect(contradicts.code).toBe(2);
    expect(contradicts.stderr).toContain(
      `${FILES.basicOff} holds no built-in rules (a cluster with basicAuditPolicyEnabled: false), but ModuleConfig ` +
        'control-plane-manager in ',
    );
    expect(contradicts.stderr).toContain('drop --built-in-rules (the bundled built-in rules are used)');
    expect(contradicts.stderr).not.toMatch(/\n\s+at /);
  });

  test('basicAuditPolicyEnabled: false and no custom rules (an empty Policy): audit off', async () => {
    const empty = write('empty.yaml', 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: null\n');
    const run = await runInProcess(['explain', '--built-in-rules', empty, ...REQUESTS[0]]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Policy:  no rules (audit off)\n');
    expect(run.stderr).toContain('the file holds no rules');
  });

  test('no custom rules (auditPolicyEnabled: false): GET secrets falls to the tail', async () => {
    expect(await decide(['--built-in-rules', FILES.noCustom, ...REQUESTS[0]])).toEqual({
      level: 'None',
      omitStages: [],
      ruleIndex: 27,
    });
    const run = await runInProcess(['explain', '--built-in-rules', FILES.noCustom, ...REQUESTS[0]]);
    expect(run.stderr).not.toContain('differ from');
  });

  test.each([
    ['after the virtualization rules', 'lookalikes'],
    ['without virtualization rules', 'lookalikesNoVirtualization'],
  ] as const)(
    'custom rules shaped like built-in ones %s are custom: no "new built-in rule" note, --policy replaces them',
    async (_name, key) => {
      const file = FILES[key];
      const run = await runInProcess(['lint', '--built-in-rules', file]);
      expect(run.stderr).not.toContain('is new (not in the snapshot)');
      if (key === 'lookalikes') expect(run.stderr).not.toContain('differ from');
      // The user's copy of the system-namespace rule decides nothing in the file (the basic original comes first);
      // replaced by another custom policy, it is gone: the layers are 20 basic (+ 7 virtualization) rules.
      const other = write(
        `${key}-other.yaml`,
        'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Request\n',
      );
      const decision = await decide(['--built-in-rules', file, '--policy', other, ...REQUESTS[0]]);
      expect(decision).toEqual({
        level: 'Request',
        omitStages: [],
        ruleIndex: key === 'lookalikes' ? 27 : 20,
      });
    },
  );

  test('zero values written out (users: [], group: "", omitManagedFields: false) do not move the layers', async () => {
    const run = await runInProcess(['explain', '--built-in-rules', FILES.zeroValues, ...REQUESTS[0]]);
    expect(run.stdout).toContain(
      `Built-in: merged policy ${FILES.zeroValues}: 17 basic + 7 virtualization + 2 tail rules, 34 system namespaces, 105 system ServiceAccounts\n`,
    );
    expect(run.stderr).not.toMatch(/replaces|is new|edited by hand|no virtualization rules/);
    // Another custom policy replaces only the two custom rules: a PATCH in kube-system by alice is still decided
    // by the system-namespace rule (basic #14 of the snapshot, rules[11] once the two upmeter rules are gone), not by the replacement's catch-all.
    const other = write(
      'zero-other.yaml',
      'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Request\n',
    );
    expect(
      await decide([
        '--built-in-rules',
        FILES.zeroValues,
        '--policy',
        other,
        '--url',
        'PATCH /api/v1/namespaces/kube-system/configmaps/x',
        '--user',
        'alice',
      ]),
    ).toEqual({ level: 'Metadata', omitStages: ['RequestReceived'], ruleIndex: 11 });
  });

  test('the Secret dump as `kubectl get -o json` writes it (base64 data, other keys) decides as the file', async () => {
    const text = readFileSync(FILES.r177plus, 'utf8');
    const dump = write(
      'secret.json',
      JSON.stringify(
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'd8-control-plane-manager-config', namespace: 'kube-system' },
          type: 'Opaque',
          data: {
            'extra-file-audit-policy.yaml': Buffer.from(text).toString('base64'),
            'kube-apiserver.yaml.tpl': Buffer.from('apiVersion: v1\n').toString('base64'),
          },
        },
        null,
        4,
      ),
    );
    for (const request of REQUESTS.slice(0, 4)) {
      expect(await decide(['--built-in-rules', dump, ...request])).toEqual(
        await decide(['--policy', FILES.r177plus, ...request]),
      );
    }
  });
});
