import { decodePolicyText } from '../../src/policy/yaml-decode';
import { countYamlEntries, MAX_YAML_ENTRIES } from '../../src/policy/yaml-entries';

// The list items and mapping entries counted before the yaml package reads a text (yaml-entries.ts).
describe('countYamlEntries', () => {
  test.each([
    // rules, the list item, level, users, and the three users
    ['a block policy', 'rules:\n- level: None\n  users: [a, b, c]\n', 7],
    ['JSON, a comma inside a string', '{"a": "x, y", "b": [1]}', 3],
    ["a single-quoted ': ' and '- '", "a: 'b: c - d, e'\n", 1],
    ['a comment', 'a: 1 # b: 2, - c\n', 1],
    ['a URL and a negative number', 'url: http://x\nn:\n- -1\n', 3],
    ['compact nested lists', '- - - x\n', 3],
    ['nothing', '', 0],
  ])('%s', (_name, text, count) => {
    expect(countYamlEntries(text, 1000)).toEqual({ count, at: -1 });
  });

  test('stops at the first entry past the limit, giving where it starts', () => {
    expect(countYamlEntries('[a, b, c, d]', 2)).toEqual({ count: 3, at: 5 });
  });
});

describe('the policy loader past MAX_YAML_ENTRIES', () => {
  // apiVersion, kind, rules, the rule, level and users: 6 entries, then one per user.
  const policyWithUsers = (users: number) =>
    'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n  users: [' +
    Array.from({ length: users }, (_, i) => `"u${i}"`).join(',') +
    ']\n';

  test('reads a policy of exactly the limit', () => {
    const decoded = decodePolicyText(policyWithUsers(MAX_YAML_ENTRIES - 6));
    expect(decoded.errors).toEqual([]);
    expect(decoded.policy!.rules[0].users).toHaveLength(MAX_YAML_ENTRIES - 6);
  });

  test('refuses one entry more before parsing, at the comma that starts it', () => {
    const text = policyWithUsers(MAX_YAML_ENTRIES - 5);
    const decoded = decodePolicyText(text);
    expect(decoded.decodedNodes).toBe(0);
    expect(decoded.errors).toHaveLength(1);
    expect(decoded.errors[0]).toMatchObject({
      message:
        'the YAML holds more than 50000 list items and mapping entries, more than this tool reads (a merged ' +
        'Deckhouse policy holds about 450): parsing it would take seconds and hundreds of MB, and kube-apiserver ' +
        'checks the rules one by one on every request',
      line: 5,
      column: text.split('\n')[4].lastIndexOf(',') + 1,
    });
    expect(decoded.errors[0].fix).toMatch(/^match users, namespaces and resources through groups/);
  });

  test('block lists nested too deep within the first entries are still refused for their depth', () => {
    const decoded = decodePolicyText(`rules:\n${'- '.repeat(MAX_YAML_ENTRIES + 10)}x\n`);
    expect(decoded.errors).toHaveLength(1);
    expect(decoded.errors[0].message).toMatch(
      /^the document nests lists and mappings more than 100 levels deep/,
    );
  });
});
