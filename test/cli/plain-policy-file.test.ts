import { plainlyOnePolicy } from '../../src/cli/plain-policy-file';

// Which files go to the policy loader whole, without a first parse as a manifest.
describe('plainlyOnePolicy', () => {
  test.each([
    ['a YAML policy', 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: None\n', true],
    [
      'a JSON policy',
      '{"apiVersion": "audit.k8s.io/v1", "kind": "Policy", "rules": [{"level": "None"}]}',
      true,
    ],
    ['a JSON policy with apiVersion only', '\n {"apiVersion": "audit.k8s.io/v1", "rules": []}', true],
    ['a YAML policy followed by another document', 'kind: Policy\nrules: []\n---\nkind: Secret\n', false],
    ['a JSON Secret', '{"apiVersion": "v1", "kind": "Secret", "data": {}}', false],
    ['a JSON List', '{"apiVersion": "v1", "kind": "List", "items": [{"kind": "Policy"}]}', false],
    ['JSON cut short', '{"apiVersion": "audit.k8s.io/v1", "kind": "Policy", "rules": [', false],
    ['a JSON array', '[{"kind": "Policy"}]', false],
  ])('%s: %s', (_name, text, expected) => {
    expect(plainlyOnePolicy(text)).toBe(expected);
  });
});
