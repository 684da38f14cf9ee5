import { findPolicies } from '../../src/cli/policy-input';
import { loadPolicy } from '../../src/policy/parse';
import { MAX_YAML_ENTRIES } from '../../src/policy/yaml-entries';

// A manifest with more entries than the loader reads is not parsed as a manifest first: it goes to the loader
// whole, which refuses it with the position of the first entry past the limit.
test('a manifest past the entry limit goes to the loader whole, which refuses it at that entry', () => {
  const users = Array.from({ length: MAX_YAML_ENTRIES }, (_, i) => `"u${i}"`).join(',');
  const text =
    'apiVersion: deckhouse.io/v1alpha1\nkind: ModuleConfig\nmetadata:\n  name: control-plane-manager\n---\n' +
    `apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n  users: [${users}]\n`;
  const found = findPolicies('m.yaml', text);
  expect(found.errors).toEqual([]);
  expect(found.sources).toHaveLength(1);
  expect(found.sources[0]).toMatchObject({ container: 'policy', text });
  const { errors } = loadPolicy(text);
  expect(errors).toHaveLength(1);
  // 4 entries in the ModuleConfig and 6 in the Policy before its users: user 49,991 is the first past it.
  const past = `,"u${MAX_YAML_ENTRIES - 10}"`;
  expect(errors[0]).toMatchObject({ line: 10, column: text.split('\n')[9].indexOf(past) + 1 });
  expect(errors[0].message).toMatch(/^the YAML holds more than 50000 list items and mapping entries/);
});
