import { findPolicies, rulePositions } from '../../src/cli/policy-input';

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
});
