import { findPolicies } from '../../src/cli/policy-input';
import { identify } from '../../src/cli/broken-document';

const POLICY = 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const SECRET = [
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: audit-policy',
  '  namespace: kube-system',
  'data:',
  `  audit-policy.yaml: ${b64(POLICY)}`,
  '',
].join('\n');
const DESTINATION = [
  'apiVersion: deckhouse.io/v1alpha1',
  'kind: ClusterLogDestination',
  'metadata:',
  '  name: siem',
  'spec:',
  '  type: Loki',
  '  loki:',
  '    endpoint: http://loki:3100 : oops',
  '',
].join('\n');

describe('a manifest with a document YAML cannot read', () => {
  test('the broken log-shipper object is named by number and kind/name, and the policy Secret is still read', () => {
    const found = findPolicies('dist.yaml', `${SECRET}---\n${DESTINATION}`);
    // The Secret takes lines 1-7, "---" line 8; the endpoint line (its 8th) is line 16 of the file.
    expect(found.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^document 2 \(ClusterLogDestination siem\) is not valid YAML: /),
        line: 16,
      }),
    ]);
    expect(found.sources.map((s) => [s.label, s.text])).toEqual([
      ['dist.yaml[data.audit-policy.yaml]', POLICY],
    ]);
  });

  test('a tab in the Secret: its document is named, and the missing policy points at it', () => {
    const tabbed = SECRET.replace('  audit-policy.yaml:', '\taudit-policy.yaml:');
    const found = findPolicies('dist.yaml', `${DESTINATION.replace(' : oops', '')}---\n${tabbed}`);
    expect(found.errors[0]).toEqual(
      expect.objectContaining({
        message: expect.stringMatching(
          /^document 2 \(Secret kube-system\/audit-policy\) is not valid YAML: /,
        ),
        // The Destination without its bad suffix takes lines 1-8, "---" line 9; the data key is line 16.
        line: 16,
        column: 1,
        fix: 'indent with spaces, not tabs',
      }),
    );
    expect(found.sources).toEqual([]);
    expect(found.errors[1].message).toContain('document 2 could not be read (see above) and may hold it');
  });

  test('a duplicate key and an alias bomb break only their own document', () => {
    const dup = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n';
    const bomb = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: lol}',
      'data:',
      '  a: &a [x, x, x, x, x, x, x, x, x, x]',
      '  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      '  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      '  d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '',
    ].join('\n');
    const found = findPolicies('m.yaml', `${dup}---\n${SECRET}---\n${bomb}`);
    expect(found.errors.map((e) => [e.message.slice(0, 40), e.line])).toEqual([
      ['document 1 (ConfigMap a) has a key twice', 5],
      // The alias bomb is refused at the start of its document (line 15; its "---" is line 14).
      ['document 3 (ConfigMap lol) is not valid ', 15],
    ]);
    expect(found.sources).toHaveLength(1);
    // go-yaml (behind kubectl) refuses excessive aliasing too; the fix says what to write instead.
    expect(found.errors[1].fix).toMatch(/^write the values out instead of aliases/);
  });
});

describe('a document nested too deep to read', () => {
  test('is named, keeps its number, and the documents around it are still read', () => {
    // 10^5 "[": composing it recursively would exhaust the call stack.
    const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata: ${'['.repeat(100_000)}\n`;
    const found = findPolicies('m.yaml', `${deep}---\n${SECRET}`);
    expect(found.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^document 1 \(ConfigMap deep\): it nests lists and mappings more than 100 levels deep; /,
        ),
        // Level 101 is the 100th "[" of line 5 (the object's mapping is level 1; "data: " takes 6 columns).
        line: 5,
        column: 106,
      }),
    ]);
    expect(found.sources.map((s) => s.label)).toEqual(['m.yaml[data.audit-policy.yaml]']);
  });
});

describe('JSON that does not parse (kubectl get -o json, cut short or edited)', () => {
  const secret = JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'audit-policy', namespace: 'kube-system' },
      data: { 'audit-policy.yaml': b64(POLICY) },
    },
    null,
    2,
  );

  test('a trailing comma is a JSON error at its position, and the only error', () => {
    // Line 2 is `  "apiVersion": "v1",`: the second comma is column 22.
    const found = findPolicies('s.json', secret.replace('"v1",', '"v1",,'));
    expect(found.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^document 1 \(Secret kube-system\/audit-policy\) is not valid JSON: .*; kubectl and Argo CD cannot read it$/,
        ),
        line: 2,
        column: 22,
      }),
    ]);
  });

  test('a List cut short is named as a List, not by the name of an item', () => {
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [JSON.parse(secret)] }, null, 2);
    const found = findPolicies('l.json', list.slice(0, -10));
    expect(found.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^document 1 \(List\) is not valid JSON: /) }),
    ]);
  });
});

describe('a file that starts with a Policy document is a policy file, whatever follows', () => {
  // kube-apiserver reads only the first document of --audit-policy-file and ignores the rest without a word
  // (sigs.k8s.io/yaml unmarshals one document): the loader refuses the second one at its "---".
  test.each([
    ['a document without kind', `${POLICY}---\nfoo: bar\n`],
    ['a ConfigMap', `${POLICY}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n`],
    ['the policy Secret', `${POLICY}---\n${SECRET}`],
    ['a document YAML cannot read', `${POLICY}---\nkind: ConfigMap\n\tbad: tab\n`],
  ])('%s', (_name, text) => {
    const found = findPolicies('p.yaml', text);
    expect(found.errors).toEqual([]);
    expect(found.sources).toEqual([expect.objectContaining({ label: 'p.yaml', container: 'policy', text })]);
  });
});

describe('identify: what a broken document seems to be', () => {
  test.each([
    [
      'kind: Secret\nmetadata:\n  labels:\n    name: no\n  name: s\n  namespace: ns\n',
      { kind: 'Secret', name: 'ns/s' },
    ],
    ['kind: "Secret"\nmetadata: {name: s, namespace: ns}\n', { kind: 'Secret', name: 'ns/s' }],
    ['{"kind": "Secret", "metadata": {"name": "s"', { kind: 'Secret', name: 's' }],
    ['rules: [\n', {}],
    // The quote that never closes broke the document; it is not part of the name.
    [
      'kind: ClusterLogDestination\nmetadata:\n  name: "siem\n',
      { kind: 'ClusterLogDestination', name: 'siem' },
    ],
  ])('%j', (text, expected) => {
    expect(identify(text)).toEqual(expected);
  });
});
