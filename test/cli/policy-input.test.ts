import { findPolicies } from '../../src/cli/policy-input';
import { rulePositions } from '../../src/cli/rule-positions';
import settingsSchema from '../../imports/schemas/control-plane-manager.settings.json';
import {
  AUDIT_SETTINGS_SCHEMA,
  isControlPlaneManagerConfig,
  readAuditSettings,
} from '../../src/deckhouse/audit-settings';
import { readSecretKey } from '../../src/deckhouse/secret-key';
import { mulberry32 } from '../support/seeded-random';

const POLICY = 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n';
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('findPolicies', () => {
  test('a plain policy is passed through whole, so the loader sees every byte and position', () => {
    const found = findPolicies('p.yaml', POLICY);
    expect(found.errors).toEqual([]);
    expect(found.sources).toEqual([
      { file: 'p.yaml', label: 'p.yaml', container: 'policy', text: POLICY, warnings: [] },
    ]);
  });

  test('text YAML cannot read is left to the policy loader (it reports the syntax error with a position)', () => {
    const broken = 'rules: [\n';
    expect(findPolicies('p.yaml', broken).sources[0].text).toBe(broken);
  });

  test('a Secret in JSON (kubectl get -o json) is decoded', () => {
    const secret = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'audit-policy', namespace: 'kube-system' },
      data: { 'audit-policy.yaml': b64(POLICY) },
    });
    const found = findPolicies('s.json', secret);
    expect(found.errors).toEqual([]);
    expect(found.sources).toEqual([
      {
        file: 's.json',
        label: 's.json[data.audit-policy.yaml]',
        container: 'secret',
        text: POLICY,
        warnings: [],
      },
    ]);
  });

  test('Secrets inside a List; several of them are told apart by namespace/name; a foreign Secret gets a warning', () => {
    const list = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: v1',
      '    kind: Secret',
      '    metadata: { name: audit-policy, namespace: kube-system }',
      `    data: { audit-policy.yaml: ${b64(POLICY)} }`,
      '  - apiVersion: v1',
      '    kind: Secret',
      '    metadata: { name: copy, namespace: default }',
      `    data: { audit-policy.yaml: ${b64(POLICY)} }`,
      '',
    ].join('\n');
    const found = findPolicies('l.yaml', list);
    expect(found.errors).toEqual([]);
    expect(found.sources.map((s) => s.label)).toEqual([
      'l.yaml[kube-system/audit-policy:data.audit-policy.yaml]',
      'l.yaml[default/copy:data.audit-policy.yaml]',
    ]);
    expect(found.sources[0].warnings).toEqual([]);
    expect(found.sources[1].warnings).toEqual([
      expect.objectContaining({
        message:
          'Deckhouse reads the custom policy only from Secret kube-system/audit-policy; this one is default/copy',
        line: 10,
        column: 15,
      }),
    ]);
  });

  test('a Policy among other documents keeps its line numbers in the file', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n---\n${POLICY}`;
    const found = findPolicies('m.yaml', text);
    expect(found.sources).toHaveLength(1);
    // The rule `- level: Metadata` is on line 8 of the file.
    expect(rulePositions(found.sources[0].text)).toEqual([{ line: 8, column: 5 }]);
  });

  test('a kubeconfig given instead of a policy is named by its kind (it has no metadata.name)', () => {
    const kubeconfig = 'apiVersion: v1\nkind: Config\nclusters: []\ncurrent-context: ""\n';
    expect(findPolicies('config', kubeconfig).errors).toEqual([
      expect.objectContaining({
        message: 'holds a Config, not an audit Policy or a Secret holding "audit-policy.yaml"',
      }),
    ]);
  });

  // bitnami-labs/sealed-secrets: spec.encryptedData holds the values encrypted for the controller, which makes
  // the Secret of spec.template; an external-secrets ExternalSecret names values in a store.
  test('a SealedSecret or ExternalSecret: the fix points to the policy file or the Secret the cluster made', () => {
    for (const manifest of [
      'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: { name: audit-policy, namespace: kube-system }\nspec:\n  encryptedData: { audit-policy.yaml: AgBy8hCi }\n',
      'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata: { name: audit-policy, namespace: kube-system }\nspec:\n  data: [{ secretKey: audit-policy.yaml, remoteRef: { key: audit/policy } }]\n',
    ]) {
      const found = findPolicies('x.yaml', manifest);
      expect(found.sources).toEqual([]);
      expect(found.errors[0].fix).toContain(
        'kubectl -n kube-system get secret audit-policy -o yaml | deckhouse-audit validate -',
      );
    }
  });

  test('several documents and none holds a policy: an error with a fix', () => {
    const found = findPolicies('x.yaml', 'a: 1\n---\nb: 2\n');
    expect(found.sources).toEqual([]);
    expect(found.errors).toEqual([
      expect.objectContaining({
        message: 'found 2 YAML documents and none is an audit Policy or a Secret holding "audit-policy.yaml"',
      }),
    ]);
  });

  test('base64 is checked the way the apiserver decodes it (line breaks allowed, nothing else)', () => {
    const secret = (value: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata: { name: audit-policy, namespace: kube-system }\ndata:\n  audit-policy.yaml: "${value}"\n`;
    const encoded = b64(POLICY);
    const wrapped = `${encoded.slice(0, 20)}\\n${encoded.slice(20)}`;
    expect(findPolicies('s.yaml', secret(wrapped)).sources[0].text).toBe(POLICY);
    const bad = findPolicies('s.yaml', secret(encoded.slice(0, -1)));
    expect(bad.errors).toEqual([
      expect.objectContaining({
        message: 'Secret kube-system/audit-policy: data."audit-policy.yaml" is not valid base64',
        line: 5,
        column: 22,
      }),
    ]);
    const binary = findPolicies('s.yaml', secret(Buffer.from([0xff, 0xfe, 0x00]).toString('base64')));
    expect(binary.errors[0].message).toContain('does not decode to UTF-8 text');
  });

  // A sops-encrypted manifest as committed for GitOps: sops replaces each value (under data or stringData)
  // with ENC[AES256_GCM,data:<ciphertext>,iv:...,tag:...,type:str] and adds a top-level sops: block
  // (getsops/sops README, "Encrypting using age"). "Not valid base64, encode it" would be the wrong fix.
  test.each(['data', 'stringData'])(
    'a sops-encrypted %s value is named as such, with the fix to decrypt',
    (field) => {
      const manifest =
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: audit-policy\n  namespace: kube-system\n' +
        `${field}:\n  audit-policy.yaml: ENC[AES256_GCM,data:Tr7o5J2n,iv:Zm9v,tag:YmFy,type:str]\n` +
        'sops:\n  lastmodified: "2024-01-01T00:00:00Z"\n  mac: ENC[AES256_GCM,data:eHg=,iv:eXk=,tag:eno=,type:str]\n  version: 3.8.1\n';
      const found = findPolicies('secret.enc.yaml', manifest);
      expect(found.sources).toEqual([]);
      expect(found.errors).toEqual([
        expect.objectContaining({
          message: `Secret kube-system/audit-policy: ${field}."audit-policy.yaml" is encrypted by sops (ENC[AES256_GCM,...]); the policy it holds cannot be checked in this form`,
          fix: 'check the decrypted manifest: sops -d FILE | deckhouse-audit validate -',
          line: 7,
        }),
      ]);
    },
  );
});

describe('readSecretKey: a Secret key as the API server stores it', () => {
  const KEY = 'audit-policy.yaml';
  const secret = (fields: Record<string, unknown>) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'audit-policy', namespace: 'kube-system' },
    ...fields,
  });
  const text = (read: ReturnType<typeof readSecretKey>) =>
    'value' in read ? Buffer.from(read.value.bytes).toString('utf8') : undefined;

  test.each([
    ['data, base64', { data: { [KEY]: b64(POLICY) } }, 'data', POLICY],
    [
      'data, base64 wrapped with CR LF (Go skips them)',
      { data: { [KEY]: `${b64(POLICY).slice(0, 8)}\r\n${b64(POLICY).slice(8)}` } },
      'data',
      POLICY,
    ],
    ['stringData, plain text', { stringData: { [KEY]: POLICY } }, 'stringData', POLICY],
    ['data empty string', { data: { [KEY]: '' } }, 'data', ''],
  ])('%s', (_name, fields, field, expected) => {
    const read = readSecretKey(secret(fields), KEY);
    expect('value' in read && read.value.field).toBe(field);
    expect(text(read)).toBe(expected);
  });

  test.each([
    [
      'both, different values',
      { data: { [KEY]: b64(POLICY) }, stringData: { [KEY]: 'rules: []' } },
      /in both data and stringData \(different values\).*would use stringData/,
    ],
    [
      'both, the same value',
      { data: { [KEY]: b64(POLICY) }, stringData: { [KEY]: POLICY } },
      /in both data and stringData \(the same value\)/,
    ],
    [
      'both, data not even base64',
      { data: { [KEY]: '!!' }, stringData: { [KEY]: POLICY } },
      /in both data and stringData \(different values\)/,
    ],
    ['data not a string', { data: { [KEY]: 5 } }, /data\."audit-policy\.yaml" must be a string/],
    [
      'stringData not a string',
      { stringData: { [KEY]: ['x'] } },
      /stringData\."audit-policy\.yaml" must be a string/,
    ],
    ['data: a space inside base64', { data: { [KEY]: 'YWJj ZGVm' } }, /is not valid base64/],
    ['data: missing padding', { data: { [KEY]: 'YWJjZA' } }, /is not valid base64/],
    ['data: URL alphabet', { data: { [KEY]: 'a-_b' } }, /is not valid base64/],
    // Secret.data is map[string][]byte and stringData map[string]string (k8s.io/api core/v1): the API server
    // cannot decode a Secret whose field is a string or a list.
    ['data: a string', { data: 'x' }, /data must be a mapping of keys to base64 values, found a string/],
    [
      'stringData: a list',
      { stringData: [] },
      /stringData must be a mapping of keys to strings, found a list/,
    ],
  ])('refused: %s', (_name, fields, message) => {
    const read = readSecretKey(secret(fields), KEY);
    expect('problem' in read && read.problem.message).toMatch(message);
  });

  test('absent key, absent fields, null fields', () => {
    for (const fields of [{}, { data: { other: 'eA==' } }, { data: null }, { stringData: null }]) {
      expect(readSecretKey(secret(fields), KEY)).toEqual({ absent: true });
    }
    expect(readSecretKey(null, KEY)).toEqual({ absent: true });
  });

  test('problems carry the position the caller gives for the value', () => {
    const read = readSecretKey(secret({ data: { [KEY]: '!' }, stringData: { [KEY]: 'x' } }), KEY, (path) =>
      path.join('.') === `stringData.${KEY}` ? { line: 9, column: 22 } : undefined,
    );
    expect(read).toEqual({
      problem: expect.objectContaining({ line: 9, column: 22, field: `stringData.${KEY}` }),
    });
  });

  test('property: a random policy text round-trips through data and through stringData', () => {
    const rng = mulberry32(9);
    for (let i = 0; i < 200; i++) {
      const value = Array.from({ length: Math.floor(rng() * 300) }, () =>
        String.fromCodePoint(Math.floor(rng() * 0x2fff)),
      ).join('');
      expect(text(readSecretKey(secret({ data: { [KEY]: b64(value) } }), KEY))).toBe(value);
      expect(text(readSecretKey(secret({ stringData: { [KEY]: value } }), KEY))).toBe(value);
      const both = readSecretKey(secret({ data: { [KEY]: b64(value) }, stringData: { [KEY]: value } }), KEY);
      expect('problem' in both).toBe(true);
    }
  });
});

describe('readAuditSettings: ModuleConfig control-plane-manager as the cluster applies it', () => {
  const config = (apiserver: unknown) => ({
    apiVersion: 'deckhouse.io/v1alpha1',
    kind: 'ModuleConfig',
    metadata: { name: 'control-plane-manager' },
    spec: { version: 3, settings: apiserver === undefined ? {} : { apiserver } },
  });

  test('the audit settings schema the reader uses is the bundled settings schema of control-plane-manager', () => {
    const apiserver = (
      settingsSchema as { properties: { apiserver: { properties: Record<string, unknown> } } }
    ).properties.apiserver.properties;
    for (const [name, schema] of Object.entries(AUDIT_SETTINGS_SCHEMA))
      expect(schema).toEqual(apiserver[name]);
    expect((settingsSchema as Record<string, unknown>)['x-config-version']).toBe(3);
  });

  test('defaults from the settings schema for every setting the ModuleConfig leaves out', () => {
    expect(readAuditSettings(config(undefined))).toEqual({
      settings: {
        auditPolicyEnabled: false,
        basicAuditPolicyEnabled: true,
        auditLog: { output: 'File', path: '/var/log/kube-audit' },
        positions: {},
      },
      problems: [],
    });
  });

  test.each([
    [{ auditPolicyEnabled: true }, { auditPolicyEnabled: true, basicAuditPolicyEnabled: true }],
    [{ basicAuditPolicyEnabled: false }, { auditPolicyEnabled: false, basicAuditPolicyEnabled: false }],
    [{ auditLog: { output: 'Stdout' } }, { auditLog: { output: 'Stdout', path: '/var/log/kube-audit' } }],
    [
      { auditLog: { output: 'File', path: '/var/log/audit' } },
      { auditLog: { output: 'File', path: '/var/log/audit' } },
    ],
  ])('%j', (apiserver, expected) => {
    expect(readAuditSettings(config(apiserver)).settings).toMatchObject(expected);
  });

  test.each([
    [{ auditPolicyEnabled: 'true' }, 'auditPolicyEnabled must be a boolean, got "true"'],
    [{ basicAuditPolicyEnabled: 0 }, 'basicAuditPolicyEnabled must be a boolean, got 0'],
    [{ auditLog: 'File' }, 'auditLog must be an object, got "File"'],
    [{ auditLog: { path: '/var/log/x' } }, 'auditLog.output is required'],
    [{ auditLog: { output: 'file' } }, 'auditLog.output must be one of File, Stdout, got "file"'],
    [
      { auditLog: { output: 'File', path: '/var/log/x/' } },
      'auditLog.path must match ^[a-zA-Z0-9_/.-]+[a-zA-Z0-9_.-]$, got "/var/log/x/"',
    ],
    [{ auditLog: { output: 'File', path: '/var/log/a b' } }, 'auditLog.path must match'],
  ])('refused: %j', (apiserver, message) => {
    const read = readAuditSettings(config(apiserver));
    expect(read.settings).toBeUndefined();
    expect(read.problems[0].message).toContain(`ModuleConfig control-plane-manager: ${message}`);
  });

  // The ModuleConfig CRD: spec.enabled "Enables or disables the module"; a disabled control-plane-manager
  // applies none of its settings, so they say nothing about what kube-apiserver audits.
  test('a ModuleConfig that disables the module is refused: its settings are not applied', () => {
    const disabled = {
      ...config({ auditPolicyEnabled: true }),
      spec: { enabled: false, version: 3, settings: { apiserver: { auditPolicyEnabled: true } } },
    };
    const read = readAuditSettings(disabled);
    expect(read.settings).toBeUndefined();
    expect(read.problems[0]).toMatchObject({ field: 'spec.enabled' });
    expect(read.problems[0].message).toContain(
      'ModuleConfig control-plane-manager: spec.enabled is false, so Deckhouse does not run the module',
    );
    expect(readAuditSettings({ ...disabled, spec: { ...disabled.spec, enabled: true } }).problems).toEqual(
      [],
    );
  });

  test('only ModuleConfig control-plane-manager of a deckhouse.io version holds them', () => {
    expect(isControlPlaneManagerConfig(config({}))).toBe(true);
    expect(isControlPlaneManagerConfig({ ...config({}), metadata: { name: 'log-shipper' } })).toBe(false);
    expect(isControlPlaneManagerConfig({ ...config({}), apiVersion: 'v1' })).toBe(false);
    expect(isControlPlaneManagerConfig({ ...config({}), kind: 'ConfigMap' })).toBe(false);
  });
});

describe('findPolicies: what a file gives the cluster', () => {
  const MODULE_CONFIG =
    'apiVersion: deckhouse.io/v1alpha1\nkind: ModuleConfig\nmetadata:\n  name: control-plane-manager\nspec:\n  settings:\n    apiserver:\n      basicAuditPolicyEnabled: false\n';
  const SECRET = `apiVersion: v1\nkind: Secret\nmetadata: {name: audit-policy, namespace: kube-system}\ndata:\n  audit-policy.yaml: ${b64(POLICY)}\n`;

  test.each([
    ['one Policy', POLICY, 'whole'],
    ['two Policy documents (kube-apiserver reads the first)', `${POLICY}---\n${POLICY}`, 'whole'],
    ['an empty document, then a Policy', `---\n---\n${POLICY}`, 'whole'],
    ['a document without kind or apiVersion', 'rules: []\n', 'whole'],
    ['YAML that does not parse', 'rules: [\n', 'whole'],
    ['a Policy with a ConfigMap', `kind: ConfigMap\napiVersion: v1\n---\n${POLICY}`, 'policy'],
    ['a Secret', SECRET, 'secret'],
    ['a Secret and the ModuleConfig', `${SECRET}---\n${MODULE_CONFIG}`, 'secret'],
    ['the ModuleConfig alone', MODULE_CONFIG, 'missing'],
    ['a ConfigMap alone', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n', 'missing'],
    [
      'a List of Secrets',
      JSON.stringify({
        kind: 'List',
        apiVersion: 'v1',
        items: [
          JSON.parse(
            JSON.stringify({
              apiVersion: 'v1',
              kind: 'Secret',
              metadata: { name: 'audit-policy', namespace: 'kube-system' },
              data: { 'audit-policy.yaml': b64(POLICY) },
            }),
          ),
        ],
      }),
      'secret',
    ],
  ])('%s', (_name, text, expected) => {
    const found = findPolicies('f.yaml', text);
    const kind =
      found.missing !== undefined
        ? 'missing'
        : found.sources.length === 1 && found.sources[0].text === text
          ? 'whole'
          : found.sources.map((s) => s.container).join(',');
    expect(kind).toBe(expected);
  });

  test('the settings of the file are read; invalid UTF-8 goes to the loader whole', () => {
    expect(findPolicies('f.yaml', `${SECRET}---\n${MODULE_CONFIG}`).settings).toMatchObject({
      basicAuditPolicyEnabled: false,
      auditPolicyEnabled: false,
      positions: { basicAuditPolicyEnabled: { line: 14, column: 32 } },
    });
    const bytes = Buffer.concat([Buffer.from(POLICY), Buffer.from([0xff, 0x0a])]);
    const found = findPolicies('f.yaml', bytes);
    expect(found.sources).toHaveLength(1);
    expect(found.sources[0].container).toBe('policy');
  });

  test('two ModuleConfigs control-plane-manager are an error', () => {
    const found = findPolicies('f.yaml', `${MODULE_CONFIG}---\n${MODULE_CONFIG}---\n${SECRET}`);
    expect(found.errors[0].message).toBe(
      'found 2 ModuleConfigs control-plane-manager (lines 1, 10); the cluster keeps only one',
    );
  });
});

describe('findPolicies: objects the API server would refuse never vouch for a policy', () => {
  const secret = (apiVersionLine: string) =>
    `${apiVersionLine}kind: Secret\nmetadata: {name: audit-policy, namespace: kube-system}\ndata:\n  audit-policy.yaml: ${b64(POLICY)}\n`;

  // Secret exists only in the core group's version v1 (k8s.io/api core/v1); kubectl and Argo CD refuse an object
  // without apiVersion ("Object 'apiVersion' is missing") or with a version the server does not serve ("no
  // matches for kind "Secret" in version ..."), so such a Secret never reaches Deckhouse's hook.
  test.each([
    ['no apiVersion', '', /Secret kube-system\/audit-policy has no apiVersion/, 1],
    ['apps/v1', 'apiVersion: apps/v1\n', /Secret kube-system\/audit-policy: apiVersion "apps\/v1"/, 1],
    ['upper-case V1', 'apiVersion: V1\n', /Secret kube-system\/audit-policy: apiVersion "V1"/, 1],
  ])('a policy Secret with %s is an error at the Secret', (_name, line, message, errorLine) => {
    const found = findPolicies('s.yaml', secret(line));
    expect(found.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(message),
        line: errorLine,
        fix: 'set apiVersion: v1',
      }),
    ]);
  });

  test('a policy Secret with apiVersion v1 (also quoted) has no such error', () => {
    expect(findPolicies('s.yaml', secret('apiVersion: v1\n')).errors).toEqual([]);
    expect(findPolicies('s.yaml', secret('apiVersion: "v1"\n')).errors).toEqual([]);
  });

  // The ModuleConfig CRD (../shared/upstream/deckhouse/crds/moduleconfig.yaml) serves only deckhouse.io/v1alpha1.
  test('a ModuleConfig control-plane-manager of a version the CRD does not serve is an error', () => {
    const config =
      'apiVersion: deckhouse.io/v1\nkind: ModuleConfig\nmetadata:\n  name: control-plane-manager\nspec:\n  settings:\n    apiserver:\n      auditPolicyEnabled: true\n';
    const found = findPolicies('f.yaml', `${config}---\n${secret('apiVersion: v1\n')}`);
    expect(found.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^ModuleConfig control-plane-manager: apiVersion "deckhouse\.io\/v1" is not served/,
        ),
        line: 1,
        fix: 'set apiVersion: deckhouse.io/v1alpha1',
      }),
    ]);
  });
});

describe('findPolicies: manifest values are typed as kubectl and Argo CD read them (go-yaml v2, YAML 1.1)', () => {
  const config = (value: string) =>
    `apiVersion: deckhouse.io/v1alpha1\nkind: ModuleConfig\nmetadata:\n  name: control-plane-manager\nspec:\n  settings:\n    apiserver:\n      auditPolicyEnabled: ${value}\n`;
  const SECRET = `apiVersion: v1\nkind: Secret\nmetadata: {name: audit-policy, namespace: kube-system}\ndata:\n  audit-policy.yaml: ${b64(POLICY)}\n`;

  // go-yaml v2 resolve.go: y Y yes Yes YES on On ON are true, n N no No NO off Off OFF are false.
  test.each([
    ['yes', true],
    ['On', true],
    ['y', true],
    ['off', false],
    ['NO', false],
  ])('auditPolicyEnabled: %s is the boolean %s, with a warning to write it plainly', (value, expected) => {
    const found = findPolicies('f.yaml', `${config(value)}---\n${SECRET}`);
    expect(found.errors).toEqual([]);
    expect(found.settings?.auditPolicyEnabled).toBe(expected);
    expect(found.warnings).toEqual([
      expect.objectContaining({
        message: `ModuleConfig control-plane-manager: auditPolicyEnabled: ${value} is a boolean only in YAML 1.1 (the cluster reads ${expected}); YAML 1.2 tools read a string`,
        line: 8,
        column: 27,
        fix: `write ${expected}`,
      }),
    ]);
  });

  test('a quoted "yes" or "true" stays a string, which the schema refuses', () => {
    for (const value of ['"yes"', "'true'", '!!str on']) {
      const found = findPolicies('f.yaml', `${config(value)}---\n${SECRET}`);
      expect(found.errors).toEqual([
        expect.objectContaining({ message: expect.stringContaining('auditPolicyEnabled must be a boolean') }),
      ]);
    }
  });
});

test('an extra-audit-policy-config ConfigMap without apiVersion v1 is an error: the hook never sees it', () => {
  const configMap = (apiVersionLine: string) =>
    `${apiVersionLine}kind: ConfigMap\nmetadata:\n  name: extra\n  namespace: kube-system\n  labels:\n    control-plane-manager.deckhouse.io/extra-audit-policy-config: ""\ndata:\n  basicAuditPolicy: |\n    serviceAccounts: [system:serviceaccount:ci:deployer]\n`;
  const ok = findPolicies('c.yaml', configMap('apiVersion: v1\n'));
  expect(ok.extraServiceAccounts).toEqual(['system:serviceaccount:ci:deployer']);
  expect(ok.errors.filter((e) => /apiVersion/.test(e.message))).toEqual([]);
  const bad = findPolicies('c.yaml', configMap('apiVersion: apps/v1\n'));
  expect(bad.errors).toContainEqual(
    expect.objectContaining({
      message: expect.stringMatching(/^ConfigMap kube-system\/extra: apiVersion "apps\/v1" is not served/),
      line: 1,
      fix: 'set apiVersion: v1',
    }),
  );
});

// kubectl apply (and Argo CD) apply a file's objects in order: of two manifests of one Secret the cluster keeps
// the one applied last, so the earlier policy is never what Deckhouse reads.
test('two manifests of Secret kube-system/audit-policy: the earlier is not used, and the labels tell them apart', () => {
  const secret = (policy: string) =>
    `apiVersion: v1\nkind: Secret\nmetadata: {name: audit-policy, namespace: kube-system}\ndata:\n  audit-policy.yaml: ${b64(policy)}\n`;
  const other = POLICY.replace('Metadata', 'None');
  const found = findPolicies('s.yaml', `${secret(POLICY)}---\n${secret(other)}`);
  expect(found.errors).toEqual([]);
  expect(found.sources.map((s) => [s.label, s.text, s.unread])).toEqual([
    [
      's.yaml[kube-system/audit-policy (line 1):data.audit-policy.yaml]',
      POLICY,
      'Secret kube-system/audit-policy appears again at line 7, which kubectl apply and Argo CD apply after it',
    ],
    ['s.yaml[kube-system/audit-policy (line 7):data.audit-policy.yaml]', other, undefined],
  ]);
  expect(found.sources[0].warnings).toEqual([
    expect.objectContaining({
      message:
        'Secret kube-system/audit-policy appears again at line 7, which kubectl apply and Argo CD apply after it: the cluster keeps that one, not this',
      line: 1,
      fix: 'keep one manifest of the Secret',
    }),
  ]);
});

// kubectl and kube-apiserver read YAML, not Go templates: an unrendered Helm chart file (or Kubespray's Jinja
// policy template) has "{{ ... }}" / "{% ... %}" where values belong, which YAML reads as mappings or refuses.
describe('findPolicies: an unrendered template is named as one, never read as a manifest', () => {
  test('a Helm Secret template: an error at the first template action, with the fix to render it', () => {
    const text = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: audit-policy',
      '  namespace: {{ .Release.Namespace }}',
      'data:',
      '  audit-policy.yaml: {{ .Files.Get "audit-policy.yaml" | b64enc }}',
      '',
    ].join('\n');
    const found = findPolicies('secret.yaml', text);
    expect(found.sources).toEqual([]);
    expect(found.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('an unrendered Helm or Jinja template'),
        line: 5,
        column: 14,
        fix: expect.stringContaining('helm template'),
      }),
    ]);
    expect(JSON.stringify(found)).not.toContain('[object Object]');
  });

  test('a Jinja policy template (Kubespray .j2) is named as one too', () => {
    const text = `apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n{% if audit_policy_custom_rules %}\n  - level: None\n{% endif %}\n`;
    const found = findPolicies('audit-policy.yaml.j2', text);
    expect(found.errors).toEqual([expect.objectContaining({ line: 4, column: 1 })]);
  });

  test('"{{" inside a quoted string or a comment is text, not a template', () => {
    const text = `${POLICY}    users: ["{{ literally }}"] # {{ not a template }}\n`;
    const found = findPolicies('p.yaml', text);
    expect(found.errors).toEqual([]);
    expect(found.sources).toHaveLength(1);
  });
});
