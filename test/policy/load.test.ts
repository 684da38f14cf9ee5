import * as fs from 'fs';
import * as path from 'path';
import { apiserverLoadError, loadPolicy, parsePolicy, ZERO_RULES_MESSAGE } from '../../src/policy/parse';
import { Policy } from '../../src/policy/types';

const HEADER = 'apiVersion: audit.k8s.io/v1\nkind: Policy\n';
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/policy', name), 'utf8');

describe('loadPolicy: what kube-apiserver loads', () => {
  it('loads the upstream reader example (3 rules) without errors or warnings', () => {
    const result = loadPolicy(fixture('upstream-reader-example.yaml'));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.policy?.rules).toHaveLength(3);
  });

  it.each([
    ['a policy without rules', HEADER],
    ['a policy with rules: []', `${HEADER}rules: []\n`],
    ['a policy with rules: null', `${HEADER}rules: null\n`],
  ])('refuses %s with the upstream zero-rules message', (_name, text) => {
    const result = loadPolicy(text);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ message: ZERO_RULES_MESSAGE, field: 'rules' });
    expect(result.errors[0].fix).toContain('add at least one rule');
    expect(result.policy).toBeDefined();
  });

  it('points the zero-rules error at the rules key when there is one', () => {
    expect(loadPolicy(`${HEADER}# none yet\nrules: []\n`).errors[0]).toMatchObject({ line: 4, column: 8 });
    expect(loadPolicy(HEADER).errors[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('refuses an empty file at decoding, before counting rules', () => {
    const result = loadPolicy('');
    expect(result.policy).toBeUndefined();
    expect(result.errors.map((e) => e.message)).toEqual(['the policy document is empty']);
  });

  it('does not validate what failed to decode', () => {
    const result = loadPolicy(`${HEADER}rules:\n  - Level: Metadata\n`);
    expect(result.policy).toBeUndefined();
    expect(result.errors.map((e) => e.field)).toEqual(['rules[0].Level']);
  });

  it('keeps decoding warnings', () => {
    const result = loadPolicy(`${HEADER}omitManagedFields: yes\nrules: [{level: None}]\n`);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toHaveLength(1);
  });
});

describe('loadPolicy: validation errors carry upstream text, the source position and a fix', () => {
  const load = (rules: string, options = {}) => loadPolicy(`${HEADER}rules:\n${rules}`, options);

  it('places a missing level on the rule that lacks it', () => {
    const [error] = load('  - level: None\n  - verbs: [get]\n').errors;
    expect(error).toEqual({
      message: 'rules[1].level: Required value',
      field: 'rules[1].level',
      line: 5,
      column: 5,
      fix: 'add "level:" with one of None, Metadata, Request, RequestResponse',
    });
  });

  it('suggests the level meant by a wrongly-cased one', () => {
    const [error] = load('  - level: metadata\n').errors;
    expect(error).toMatchObject({
      message:
        'rules[0].level: Unsupported value: "metadata": supported values: "None", "Metadata", "Request", "RequestResponse"',
      line: 4,
      column: 12,
    });
    expect(error.fix).toContain('did you mean "Metadata"?');
  });

  it('places non-resource URL errors on the URL', () => {
    const errors = load('  - level: None\n    nonResourceURLs:\n      - /healthz\n      - "**"\n').errors;
    expect(errors.map((e) => [e.field, e.line, e.column])).toEqual([
      ['rules[0].nonResourceURLs[1]', 7, 9],
      ['rules[0].nonResourceURLs[1]', 7, 9],
    ]);
    expect(errors[0].message).toBe(
      `rules[0].nonResourceURLs[1]: Invalid value: "**": non-resource URL rules must begin with a '/' character`,
    );
    expect(errors[1].fix).toContain('only as the last character');
  });

  it('finds the resources entry of an unindexed group error by its value', () => {
    const [error] = load(
      '  - level: None\n    resources:\n      - group: apps\n      - group: Batch\n        resources: [jobs]\n',
    ).errors;
    expect(error.field).toBe('rules[0].resources.group');
    expect(error.message).toMatch(
      /^rules\[0\]\.resources\.group: Invalid value: "Batch": a lowercase RFC 1123 subdomain/,
    );
    expect(error).toMatchObject({ line: 7, column: 16, fix: 'API groups are lowercase: "batch"' });
  });

  it('says when a group carries a version', () => {
    const [error] = load('  - level: None\n    resources: [{group: apps/v1}]\n').errors;
    expect(error.fix).toBe('write the group without its version: "apps"');
  });

  it('finds the entry of an unindexed resourceNames error', () => {
    const [error] = load(
      '  - level: None\n    resources:\n      - group: ""\n        resources: [pods]\n      - resourceNames: [x]\n',
    ).errors;
    expect(error).toMatchObject({ field: 'rules[0].resources.resourceNames', line: 8, column: 24 });
    expect(error.message).toBe(
      'rules[0].resources.resourceNames: Invalid value: []string{"x"}: using resourceNames requires at least one resource',
    );
  });

  it('places a bad stage in the policy-wide and in a rule list, suggesting the stage meant', () => {
    const result = loadPolicy(
      `${HEADER}omitStages: [RequestRecieved]\nrules:\n  - level: None\n    omitStages: [panic]\n`,
    );
    expect(result.errors.map((e) => [e.field, e.line, e.column, e.fix])).toEqual([
      ['omitStages[0]', 3, 14, expect.stringContaining('did you mean "RequestReceived"?')],
      ['rules[0].omitStages[0]', 6, 18, expect.stringContaining('did you mean "Panic"?')],
    ]);
  });

  it('explains the resource / non-resource mix', () => {
    const [error] = load('  - level: None\n    namespaces: [""]\n    nonResourceURLs: [/metrics]\n').errors;
    expect(error).toMatchObject({
      message:
        'rules[0].nonResourceURLs: Invalid value: []string{"/metrics"}: rules cannot apply to both regular resources and non-resource URLs',
      line: 6,
      column: 22,
    });
    expect(error.fix).toContain('split it into two rules');
  });

  it('accepts group "*" from Kubernetes 1.36 only, with a fix for older targets', () => {
    const rules = '  - level: Metadata\n    resources: [{group: "*"}]\n';
    expect(load(rules, { kubernetesVersion: '1.36' }).errors).toEqual([]);
    const [error] = load(rules, { kubernetesVersion: '1.35' }).errors;
    expect(error.field).toBe('rules[0].resources.group');
    expect(error.fix).toContain('accepted from Kubernetes 1.36');
    expect(error.fix).toContain("say so: kubernetesVersion: '1.36', in the CLI --kubernetes-version 1.36");
  });

  it('reports validation errors before the zero-rules error, like the order upstream checks them', () => {
    const result = loadPolicy(`${HEADER}omitStages: [Nope]\nrules: []\n`);
    expect(result.errors.map((e) => e.message)).toEqual([
      'omitStages[0]: Invalid value: "Nope": allowed stages are RequestReceived,ResponseStarted,ResponseComplete,Panic',
      ZERO_RULES_MESSAGE,
    ]);
  });
});

describe('apiserverLoadError: the string kube-apiserver prints', () => {
  const policyOf = (text: string): Policy => parsePolicy(text).policy!;
  it('is undefined for a policy that loads', () => {
    expect(apiserverLoadError(policyOf(fixture('upstream-reader-example.yaml')))).toBeUndefined();
  });
  it('prints one validation error without brackets and several in brackets, validation before rule count', () => {
    expect(apiserverLoadError(policyOf(`${HEADER}rules: [{level: Bad}]\n`))).toBe(
      'rules[0].level: Unsupported value: "Bad": supported values: "None", "Metadata", "Request", "RequestResponse"',
    );
    expect(apiserverLoadError(policyOf(`${HEADER}omitStages: [A, B]\nrules: []\n`))).toBe(
      '[omitStages[0]: Invalid value: "A": allowed stages are RequestReceived,ResponseStarted,ResponseComplete,Panic, ' +
        'omitStages[1]: Invalid value: "B": allowed stages are RequestReceived,ResponseStarted,ResponseComplete,Panic]',
    );
    expect(apiserverLoadError(policyOf(HEADER))).toBe(ZERO_RULES_MESSAGE);
  });
});

describe("loadPolicy({ target: 'deckhouse' }): the custom policy as Deckhouse's hook reads it", () => {
  const deckhouse = (text: string) => loadPolicy(text, { target: 'deckhouse' });

  // deckhouse-audit.md §2: the hook does not count rules; a policy with only omitStages applies them to every
  // built-in rule. kube-apiserver reading the same file on its own refuses it ("0 rules").
  it.each([
    ['no rules key', `${HEADER}omitStages: [RequestReceived]\n`],
    ['rules: []', `${HEADER}omitStages: [RequestReceived]\nrules: []\n`],
  ])('accepts a policy with %s, which kube-apiserver alone refuses', (_name, text) => {
    expect(deckhouse(text)).toEqual({
      policy: { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', omitStages: ['RequestReceived'], rules: [] },
      errors: [],
      warnings: [],
    });
    expect(loadPolicy(text).errors.map((e) => e.message)).toEqual([ZERO_RULES_MESSAGE]);
  });

  it('still validates what it reads: the merged policy reaches kube-apiserver', () => {
    expect(deckhouse(`${HEADER}omitStages: [Nope]\n`).errors.map((e) => e.field)).toEqual(['omitStages[0]']);
  });

  // apimachinery reads text whose first non-blank character is "{" as JSON (utilyaml.IsJSONBuffer), so
  // kube-apiserver refuses YAML flow syntax there; Deckhouse's hook (sigs.k8s.io/yaml UnmarshalStrict) reads
  // every policy as YAML, where unquoted keys, single quotes and a trailing comma in a flow list are fine.
  it.each([
    ['unquoted keys', '{apiVersion: audit.k8s.io/v1, kind: Policy, rules: [{level: Metadata}]}'],
    ['single quotes', "{'apiVersion': 'audit.k8s.io/v1', 'rules': [{'level': 'Metadata'}]}"],
    ['a trailing comma', '{"apiVersion": "audit.k8s.io/v1", "rules": [{"level": "Metadata"},]}'],
  ])('refuses YAML flow syntax that is not JSON (%s), saying Deckhouse reads it as YAML', (_name, text) => {
    const [error] = deckhouse(text).errors;
    expect(error.message).toMatch(/^invalid JSON: /);
    expect(error.message).toContain(
      "Deckhouse's hook reads the policy as YAML, where this syntax is valid, but kube-apiserver and kubectl " +
        'read text that starts with "{" as JSON and refuse it',
    );
    expect(loadPolicy(text).errors[0].message).toContain(
      'kube-apiserver reads text that starts with "{" as JSON and fails to decode it',
    );
  });

  it('JSON that is not YAML either (an unclosed brace) is said to fail the hook too', () => {
    const [error] = deckhouse('{"apiVersion": "audit.k8s.io/v1", "rules": [{"level": "Metadata"}]').errors;
    expect(error.message).toContain("Deckhouse's hook fails to decode this");
  });

  it('refuses a v1beta1 policy, saying truthfully that Deckhouse would accept and rewrite it', () => {
    const [error] = deckhouse(
      'apiVersion: audit.k8s.io/v1beta1\nkind: Policy\nrules: [{level: None}]\n',
    ).errors;
    expect(error.message).toBe(
      'Deckhouse does not check apiVersion: it would use the rules as they are and write them into the audit.k8s.io/v1 ' +
        'policy kube-apiserver runs; on its own, kube-apiserver refuses audit.k8s.io/v1beta1 (removed in Kubernetes 1.24)',
    );
    expect(error.fix).toBe('change apiVersion to audit.k8s.io/v1: the rule content is compatible');
  });

  it('refuses a mis-cased field, saying Deckhouse matches field names case-insensitively', () => {
    const [error] = deckhouse(`${HEADER}rules:\n  - Level: None\n`).errors;
    expect(error.message).toBe(
      'unknown field "rules[0].Level": Deckhouse would accept it (its decoder matches field names case-insensitively) ' +
        'as "level", but kube-apiserver, kubectl and this loader read field names exactly',
    );
    expect(loadPolicy(`${HEADER}rules:\n  - Level: None\n`).errors[0].message).toBe(
      'unknown field "rules[0].Level": kube-apiserver\'s strict decoding refuses it, and its lenient retry drops ' +
        'it (with only a warning in its log) and runs the rule without it',
    );
  });

  // sigs.k8s.io/yaml's convertToJSONableObject turns a number or boolean into a string when the Go field is a
  // string (the hook unmarshals into the audit v1 type); kube-apiserver's YAMLToJSON has no target and fails.
  it.each([
    ['no', 'false'],
    ['1.0', '1'],
    ['0x1F', '31'],
    ['1e6', '1e+06'],
  ])('says that Deckhouse would write %s into a string list as the string %j', (value, written) => {
    const text = `${HEADER}rules:\n  - level: None\n    namespaces: [${value}]\n`;
    const [error] = deckhouse(text).errors;
    expect(error.message).toContain(
      `Deckhouse would accept it and write the string "${written}" into the policy kube-apiserver runs`,
    );
    expect(error.fix).toBe(`quote it: "${value}"`);
    expect(loadPolicy(text).errors[0].message).toContain('kube-apiserver fails to decode this');
  });

  it('says that the hook fails on duplicate keys and a merge that sets a key twice', () => {
    const duplicate = deckhouse(`${HEADER}rules:\n  - level: None\n    level: Metadata\n`).errors[0];
    expect(duplicate.fix).toBe(
      `remove one of the two "level" keys (Deckhouse's hook refuses duplicate keys: the module run fails and the cluster keeps its previous policy)`,
    );
    const misplaced = deckhouse(
      `${HEADER}rules:\n  - level: None\n    resources:\n      - group: ""\n        verbs: [get]\n`,
    ).errors[0];
    expect(misplaced.fix).toContain("(Deckhouse's hook refuses it: the module run fails");
  });

  it('reads a null list item as the cluster does, and says so', () => {
    const text = `${HEADER}rules:\n  - level: None\n    namespaces:\n      - kube-system\n      -\n`;
    expect(loadPolicy(text).errors[0].message).toBe(
      'rules[0].namespaces[1]: expected a string, found an empty value (null); kube-apiserver reads it as "" (the empty string)',
    );
    expect(deckhouse(text).errors[0].message).toContain('Deckhouse reads it as "" (the empty string)');
  });

  // encoding/json leaves a struct at its zero value for a JSON null: a null rule is PolicyRule{} (level "",
  // refused by ValidatePolicy with "rules[0].level: Required value"), a null resources entry GroupResources{}
  // (group "" and no resources: checker.go's ruleMatchesResource then matches every core-group resource).
  it('says what the cluster makes of a null rule and a null resources entry', () => {
    const rule = `${HEADER}rules:\n  - ~\n`;
    expect(loadPolicy(rule).errors[0].message).toBe(
      'rules[0]: expected a mapping (key: value), found an empty value; kube-apiserver reads it as a rule without a level and refuses the policy (level: Required value)',
    );
    expect(deckhouse(rule).errors[0].message).toContain(
      'which kube-apiserver refuses (level: Required value)',
    );
    const entry = `${HEADER}rules:\n  - level: Metadata\n    resources:\n      -\n`;
    expect(loadPolicy(entry).errors[0].message).toBe(
      'rules[0].resources[0]: expected a mapping (key: value), found an empty value; kube-apiserver reads it as an empty entry (group "", no resources), which matches every resource of the core group',
    );
    expect(deckhouse(entry).errors[0].message).toContain(
      'Deckhouse writes it into the merged policy as an empty entry',
    );
    expect(loadPolicy(`${HEADER}rules:\n  - level: Metadata\n    resources: [""]\n`).errors[0].message).toBe(
      'rules[0].resources[0]: expected a mapping (key: value), found a single value',
    );
  });
});

describe('loadPolicy: bytes, size and the Kubernetes version range', () => {
  it('loads UTF-8 bytes (a Buffer) like the text', () => {
    const text = fixture('upstream-reader-example.yaml');
    expect(loadPolicy(Buffer.from(text))).toEqual(loadPolicy(text));
  });

  it('refuses a Kubernetes version outside the modelled range, listing it, with a fix', () => {
    const [error] = loadPolicy(`${HEADER}rules: [{level: None}]\n`, { kubernetesVersion: '1.31' }).errors;
    expect(error).toMatchObject({ field: 'kubernetesVersion' });
    expect(error.message).toContain('this package knows Kubernetes 1.32 to 1.36');
    expect(error.fix).toBe('give a Kubernetes version from 1.32 to 1.36, e.g. "1.32"');
  });
});

describe('an empty custom policy, as Deckhouse reads it', () => {
  // audit_policy.go: yaml.UnmarshalStrict of an empty (or comment-only) Secret value gives an empty Policy
  // and no error (YAML-to-JSON yields null); the hook then appends zero rules.
  it.each(['', '# nothing here\n'])('says the hook accepts %j as no rules', (text) => {
    const result = loadPolicy(text, { target: 'deckhouse' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(
      /^the policy document is empty: Deckhouse's hook accepts it as a policy with no rules/,
    );
    expect(loadPolicy(text).errors[0].message).toBe('the policy document is empty');
  });
});

describe('field names Deckhouse matches by Unicode case folding', () => {
  // encoding/json (under sigs.k8s.io/yaml) matches keys with bytes.EqualFold: U+017F (long s) folds to "s"
  // and U+212A (Kelvin sign) to "k", so Deckhouse's hook decodes these keys as the fields.
  it.each([
    ['rules[0].verb\u017f', 'verbs', 'rules:\n- level: Metadata\n  verb\u017f: [get]\n'],
    ['\u212aind', 'kind', '\u212aind: Policy\nrules:\n- level: Metadata\n'],
  ])('%s is accepted by the hook as %s', (field, name, body) => {
    const result = loadPolicy(
      `apiVersion: audit.k8s.io/v1\n${body.startsWith('\u212a') ? '' : 'kind: Policy\n'}${body}`,
      {
        target: 'deckhouse',
      },
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringContaining(
        `unknown field "${field}": Deckhouse would accept it (its decoder matches field names case-insensitively) as "${name}"`,
      ),
    ]);
  });
});

// kube-apiserver and Deckhouse's hook decode `metadata` into ObjectMeta (k8s.io/apimachinery pkg/apis/meta/v1
// types.go): generation and deletionGracePeriodSeconds are int64, uid/selfLink/resourceVersion strings,
// finalizers a string list, and creationTimestamp/deletionTimestamp metav1.Time, whose UnmarshalJSON takes
// null or an RFC 3339 string (time.Parse(time.RFC3339, ...)). A value of another type fails decoding.
describe('loadPolicy: metadata fields are decoded into ObjectMeta', () => {
  const withMetadata = (line: string) => `${HEADER}metadata:\n  ${line}\nrules:\n  - level: None\n`;

  it.each([
    'generation: 3',
    'deletionGracePeriodSeconds: 30',
    'uid: 6b1f0e2c-1234-4cde-9f00-aa11bb22cc33',
    'resourceVersion: "12345"',
    'creationTimestamp: null',
    'creationTimestamp: "2024-05-01T10:00:00Z"',
    'deletionTimestamp: "2024-05-01T10:00:00.123456+02:00"',
    'finalizers: [example.com/x]',
    'selfLink: /apis/audit.k8s.io/v1/x',
  ])('accepts %s', (line) => {
    expect(loadPolicy(withMetadata(line)).errors).toEqual([]);
  });

  it.each([
    ['generation: "3"', 'metadata.generation', /expected an integer, found the string "3"/],
    ['generation: 1.5', 'metadata.generation', /expected an integer, found the number 1\.5/],
    ['deletionGracePeriodSeconds: soon', 'metadata.deletionGracePeriodSeconds', /expected an integer/],
    ['resourceVersion: 12345', 'metadata.resourceVersion', /expected a string, found the number 12345/],
    ['uid: [a]', 'metadata.uid', /expected a string, found a list/],
    ['finalizers: example.com/x', 'metadata.finalizers', /expected a list of strings/],
    [
      'creationTimestamp: 2024-05-01',
      'metadata.creationTimestamp',
      /"2024-05-01" is not an RFC 3339 time such as "2024-05-01T10:00:00Z"/,
    ],
    ['deletionTimestamp: yesterday', 'metadata.deletionTimestamp', /is not an RFC 3339 time/],
  ])('refuses %s', (line, field, message) => {
    const { errors } = loadPolicy(withMetadata(line));
    expect(errors).toEqual([
      expect.objectContaining({ field, line: 4, message: expect.stringMatching(message) }),
    ]);
    expect(errors[0].message).toContain('kube-apiserver fails to decode this');
  });
});

// ownerReferences items are metav1.OwnerReference and managedFields items metav1.ManagedFieldsEntry (k8s.io/
// apimachinery pkg/apis/meta/v1 types.go): apiVersion/kind/name/uid and manager/operation/apiVersion/fieldsType/
// subresource are strings, controller and blockOwnerDeletion *bool, time a *metav1.Time, fieldsV1 raw JSON.
// encoding/json fails on a value of another type; keys the structs lack are ignored.
describe('loadPolicy: ownerReferences and managedFields are decoded into their ObjectMeta types', () => {
  const withMetadata = (lines: string) =>
    `${HEADER}metadata:\n${lines
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n')}\nrules:\n  - level: None\n`;

  it.each([
    'ownerReferences: []',
    'ownerReferences:\n  - apiVersion: v1\n    kind: ConfigMap\n    name: owner\n    uid: 6b1f0e2c-1234\n    controller: true\n    blockOwnerDeletion: false',
    'ownerReferences:\n  - name: owner\n    someday: 3',
    'ownerReferences: [null]',
    'managedFields:\n  - manager: kubectl\n    operation: Apply\n    apiVersion: audit.k8s.io/v1\n    time: "2024-05-01T10:00:00Z"\n    fieldsType: FieldsV1\n    fieldsV1: {"f:rules": {}}',
    'managedFields:\n  - manager: kubectl\n    time: null\n    subresource: ""',
  ])('accepts %s', (lines) => {
    expect(loadPolicy(withMetadata(lines)).errors).toEqual([]);
  });

  it.each([
    [
      'ownerReferences: owner',
      'metadata.ownerReferences',
      /expected a list of mappings, found a single value/,
    ],
    [
      'ownerReferences: {name: owner}',
      'metadata.ownerReferences',
      /expected a list of mappings, found a mapping/,
    ],
    ['ownerReferences: [owner]', 'metadata.ownerReferences[0]', /expected a mapping, found a single value/],
    [
      'ownerReferences:\n  - name: 5',
      'metadata.ownerReferences[0].name',
      /expected a string, found the number 5/,
    ],
    [
      'ownerReferences:\n  - controller: "true"',
      'metadata.ownerReferences[0].controller',
      /expected true or false/,
    ],
    ['managedFields:\n  - time: yesterday', 'metadata.managedFields[0].time', /is not an RFC 3339 time/],
    [
      'managedFields:\n  - manager: [a]',
      'metadata.managedFields[0].manager',
      /expected a string, found a list/,
    ],
  ])('refuses %s', (lines, field, message) => {
    const { errors } = loadPolicy(withMetadata(lines));
    expect(errors).toEqual([expect.objectContaining({ field, message: expect.stringMatching(message) })]);
    expect(errors[0].message).toContain('kube-apiserver fails to decode this');
  });
});
