import { parsePolicy } from '../../src/policy/parse';
import { billionLaughs } from '../support/hostile-policies';
import { HEADER, onlyError } from '../support/parse-errors';

// parsePolicy on the YAML that kube-apiserver's reader (sigs.k8s.io/yaml over go-yaml v2) reads its own way:
// docs/k8s-audit-semantics.md §2.2. The rest of parsePolicy is in parse.test.ts.

describe('parsePolicy: YAML specifics (semantics §2.2)', () => {
  it('refuses a second YAML document, pointing at it', () => {
    const error = onlyError(`${HEADER}rules:\n  - level: None\n---\n${HEADER}rules:\n  - level: Metadata\n`);
    expect(error.message).toContain('second YAML document');
    expect(error.message).toContain('ignores the rest');
    expect(error.line).toBe(5);
    expect(error.fix).toContain('remove the "---" separator');
  });
  // go-yaml v2 (gopkg.in/yaml.v2 decode.go: unmarshal parses one document; the scanner fetches no token past
  // the "---" that ends it), under kube-apiserver's loader and Deckhouse's hook alike, never reads what follows:
  // a later document YAML cannot read is refused for being there, never reported as breaking the policy.
  it.each([
    ['an unclosed flow sequence', 'foo: [bar\n', 'a YAML syntax error (Flow sequence', 'line 7, column 1'],
    [
      'a tab as indentation',
      'kind: ConfigMap\n\tbad: tab\n',
      'a YAML syntax error (Tabs',
      'line 7, column 1',
    ],
    [
      'an escape go-yaml refuses and YAML 1.2 reads',
      'a: "\\/"\n',
      'the escape "\\/" in a double-quoted string',
      'line 6, column 5',
    ],
  ])(
    'a second document with %s: one error, at its "---", naming what is wrong in it',
    (_name, later, what, where) => {
      const text = `${HEADER}rules:\n  - level: Metadata\n---\n${later}`;
      const error = onlyError(text);
      expect(error).toMatchObject({ line: 5, column: 1 });
      expect(error.message).toMatch(/^a second YAML document, which itself has /);
      expect(error.message).toContain(what);
      expect(error.message).toContain(`at ${where}: kube-apiserver reads only the first document`);
      expect(parsePolicy(text, { target: 'deckhouse' }).errors[0].message).toContain(
        "Deckhouse's hook reads only the first document",
      );
    },
  );
  it("the same fault in the policy document itself is the policy's error, at its own position", () => {
    const broken = onlyError(`${HEADER}rules:\n  - level: Metadata\n    users: [\n---\na: b\n`);
    expect(broken.message).toMatch(/^YAML syntax error: /);
    const escape = onlyError(`${HEADER}rules:\n  - level: Metadata\n    users: ["\\/"]\n---\na: b\n`);
    expect(escape).toMatchObject({ line: 5, column: 14 });
    expect(escape.message).toContain('refuses the file');
  });
  it('accepts a leading "---" and only warns about an empty trailing document', () => {
    const result = parsePolicy(`---\n${HEADER}rules:\n  - level: None\n---\n`);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual(['an empty YAML document follows the policy']);
    expect(result.policy?.rules).toEqual([{ level: 'None' }]);
  });

  it.each([
    ['namespaces: [no]', 'rules[0].namespaces[0]', 'the boolean false', '"no"'],
    ['users: [on]', 'rules[0].users[0]', 'the boolean true', '"on"'],
    ['verbs: [get, off]', 'rules[0].verbs[1]', 'the boolean false', '"off"'],
    ['omitStages: [y]', 'rules[0].omitStages[0]', 'the boolean true', '"y"'],
    ['userGroups: [N]', 'rules[0].userGroups[0]', 'the boolean false', '"N"'],
    ['namespaces: [Yes]', 'rules[0].namespaces[0]', 'the boolean true', '"Yes"'],
    ['namespaces: [TRUE]', 'rules[0].namespaces[0]', 'the boolean true', '"TRUE"'],
    ['nonResourceURLs: [false]', 'rules[0].nonResourceURLs[0]', 'the boolean false', '"false"'],
    [
      'resources: [{group: "", resources: [pods], resourceNames: [n]}]',
      'rules[0].resources[0].resourceNames[0]',
      'the boolean false',
      '"n"',
    ],
    ['resources: [{group: on}]', 'rules[0].resources[0].group', 'the boolean true', '"on"'],
    ['namespaces: [1]', 'rules[0].namespaces[0]', 'the number 1', '"1"'],
    ['namespaces: [0x1F]', 'rules[0].namespaces[0]', 'the number 0x1F', '"0x1F"'],
    ['namespaces: [1.0]', 'rules[0].namespaces[0]', 'the number 1.0', '"1.0"'],
    ['namespaces: [0777]', 'rules[0].namespaces[0]', 'the number 0777', '"0777"'],
    ['namespaces: [1_000]', 'rules[0].namespaces[0]', 'the number 1_000', '"1_000"'],
    ['namespaces: [.inf]', 'rules[0].namespaces[0]', 'the number .inf', '"\\.inf"'.replace('\\', '')],
  ])('refuses the YAML 1.1 scalar in "%s" with a quote-it fix', (field, fieldPath, found, quoted) => {
    const error = onlyError(`${HEADER}rules:\n  - level: None\n    ${field}\n`);
    expect(error.field).toBe(fieldPath);
    expect(error.message).toContain(`expected a string, found ${found}`);
    expect(error.fix).toBe(`quote it: ${quoted}`);
    expect(error.line).toBe(5);
  });

  it('refuses a YAML 1.1 boolean or a number used as the level, naming the levels (quoted, "off" or "1" is no level either)', () => {
    // ValidatePolicy's supported values: None, Metadata, Request, RequestResponse (k8s-audit-semantics.md §4).
    const fix = 'write one of the levels: None, Metadata, Request, RequestResponse';
    const error = onlyError(`${HEADER}rules:\n  - level: off\n`);
    expect(error).toMatchObject({ field: 'rules[0].level', line: 4, column: 12, fix });
    expect(onlyError(`${HEADER}rules:\n  - level: 1\n`)).toMatchObject({ field: 'rules[0].level', fix });
  });

  it('accepts the same words when quoted, and timestamps and version-like strings unquoted', () => {
    const result = parsePolicy(
      `${HEADER}rules:\n  - level: None\n    namespaces: ["no", 'on', "1", "0x1F", 2001-12-14, 1.2.3, v1, 0o8, "y"]\n`,
    );
    expect(result.errors).toEqual([]);
    expect(result.policy?.rules[0].namespaces).toEqual([
      'no',
      'on',
      '1',
      '0x1F',
      '2001-12-14',
      '1.2.3',
      'v1',
      '0o8',
      'y',
    ]);
  });

  it('refuses null inside a string list (kube-apiserver would read it as "")', () => {
    const error = onlyError(
      `${HEADER}rules:\n  - level: None\n    namespaces:\n      - kube-system\n      -\n`,
    );
    expect(error.field).toBe('rules[0].namespaces[1]');
    expect(error.fix).toContain('write ""');
  });

  it('refuses tabs used for indentation with a line and a fix', () => {
    const error = onlyError(`${HEADER}rules:\n\t- level: None\n`);
    expect(error).toMatchObject({ line: 4, column: 1, fix: 'indent with spaces, not tabs' });
    expect(error.message).toContain('YAML syntax error');
  });

  it('reports YAML syntax errors with their position', () => {
    const error = parsePolicy(`${HEADER}rules:\n  - level: None\n    verbs: [get\n`).errors[0];
    expect(error.message).toMatch(/^YAML syntax error: /);
    expect(error.line).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ['level', `${HEADER}rules:\n  - level: None\n    level: Metadata\n`, 'rules[0].level', 5, 5],
    ['rules', `${HEADER}rules: []\nrules:\n  - level: None\n`, 'rules', 4, 1],
    [
      'group',
      `${HEADER}rules:\n  - level: None\n    resources:\n      - group: apps\n        group: batch\n`,
      'rules[0].resources[0].group',
      7,
      9,
    ],
  ])('refuses a duplicate %s key, pointing at the second one', (key, text, field, line, column) => {
    const error = onlyError(text);
    expect(error).toMatchObject({ message: `${field}: duplicate key "${key}"`, field, line, column });
    // reader.go's lenient retry keeps the last value and logs "falling back to lenient decoding" (not silent).
    expect(error.fix).toContain('kube-apiserver would keep the last one, with only a warning in its log');
  });

  it.each([
    ['level: 5', 'rules[0].level', 'expected a string, found the number 5'],
    [
      'omitManagedFields: "yes"',
      'rules[0].omitManagedFields',
      'expected true or false, found the string "yes"',
    ],
    ['omitManagedFields: 1', 'rules[0].omitManagedFields', 'expected true or false, found the number 1'],
    ['verbs: get', 'rules[0].verbs', 'expected a list of strings, found a single value'],
    ['verbs: {get: true}', 'rules[0].verbs', 'expected a list of strings, found a mapping'],
    ['resources: {group: apps}', 'rules[0].resources', 'found a mapping'],
    ['resources: [apps]', 'rules[0].resources[0]', 'expected a mapping'],
    ['level: [None]', 'rules[0].level', 'expected a string, found a list'],
  ])('refuses the type error "%s"', (line, field, message) => {
    const error = onlyError(`${HEADER}rules:\n  - ${line}\n`);
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
    expect(error.fix).toBeDefined();
  });

  it('says how to fix a quoted boolean and a single verb', () => {
    expect(onlyError(`${HEADER}rules:\n  - level: None\n    omitManagedFields: 'yes'\n`).fix).toBe(
      'remove the quotes and write true',
    );
    expect(onlyError(`${HEADER}rules:\n  - level: None\n    verbs: get\n`).fix).toBe(
      'write it as a list: verbs: ["get"]',
    );
  });

  it('refuses rules written as a mapping', () => {
    const error = onlyError(`${HEADER}rules: {}\n`);
    expect(error).toMatchObject({
      field: 'rules',
      message: 'rules: expected a list of rules, found a mapping',
    });
  });

  it("decodes rules: null and rules: [] to zero rules (the rule count is the loader's check)", () => {
    expect(parsePolicy(`${HEADER}rules: null\n`).policy?.rules).toEqual([]);
    expect(parsePolicy(`${HEADER}rules:\n`).policy?.rules).toEqual([]);
    expect(parsePolicy(`${HEADER}rules: []\n`).policy?.rules).toEqual([]);
  });

  it('reads YAML 1.1 booleans in boolean fields like kube-apiserver, with a warning to write true/false', () => {
    const result = parsePolicy(
      `${HEADER}omitManagedFields: on\nrules:\n  - level: None\n    omitManagedFields: no\n`,
    );
    expect(result.errors).toEqual([]);
    expect(result.policy).toMatchObject({
      omitManagedFields: true,
      rules: [{ level: 'None', omitManagedFields: false }],
    });
    expect(result.warnings.map((w) => [w.field, w.line, w.fix])).toEqual([
      ['omitManagedFields', 3, 'write true'],
      ['rules[0].omitManagedFields', 6, 'write false'],
    ]);
  });

  it('treats null fields as absent, like Go decoding', () => {
    const result = parsePolicy(
      `${HEADER}omitStages: ~\nrules:\n  - level: None\n    verbs:\n    users: null\n    omitManagedFields:\n`,
    );
    expect(result.errors).toEqual([]);
    expect(result.policy?.rules).toEqual([{ level: 'None' }]);
    expect(result.policy).not.toHaveProperty('omitStages');
  });

  it('leaves a missing level to validation', () => {
    expect(parsePolicy(`${HEADER}rules:\n  - verbs: [get]\n`).policy?.rules).toEqual([{ verbs: ['get'] }]);
  });

  it('follows anchors and aliases', () => {
    const text = `${HEADER}rules:\n  - level: None\n    users: &system [system:kube-proxy, system:apiserver]\n  - level: Metadata\n    users: *system\n`;
    const result = parsePolicy(text);
    expect(result.errors).toEqual([]);
    expect(result.policy?.rules[1].users).toEqual(['system:kube-proxy', 'system:apiserver']);
  });

  it('refuses explicit tags other than !!str', () => {
    expect(onlyError(`${HEADER}rules:\n  - level: !!binary Tm9uZQ==\n`).message).toContain(
      'explicit YAML tag',
    );
    expect(
      parsePolicy(`${HEADER}rules:\n  - level: None\n    namespaces: [!!str no]\n`).policy?.rules[0]
        .namespaces,
    ).toEqual(['no']);
  });

  // go-yaml v2 (decode.go merge / setMapIndex) merges `<<` into the mapping; in strict mode (Deckhouse's hook,
  // kube-apiserver's first pass) a key that the merge and the mapping both set is "already set in map".
  it('accepts merge keys as go-yaml reads them, and refuses a key set both by a merge and the mapping', () => {
    const merge = `${HEADER}rules:\n  - &base {level: None}\n  - <<: *base\n    verbs: [get]\n`;
    expect(parsePolicy(merge)).toMatchObject({
      errors: [],
      policy: { rules: [{ level: 'None' }, { level: 'None', verbs: ['get'] }] },
    });
    const overlap = onlyError(
      `${HEADER}rules:\n  - &base {level: None}\n  - <<: *base\n    level: Metadata\n`,
    );
    expect(overlap).toMatchObject({ field: 'rules[1].level', line: 6, column: 5 });
    expect(overlap.message).toContain('set both by a YAML merge (<<) and the mapping');
    expect(overlap.message).toContain('already set in map');
  });

  it('survives alias bombs', () => {
    const result = parsePolicy(billionLaughs());
    expect(result.policy).toBeUndefined();
    expect(result.errors[0].message).toContain('too many YAML nodes');
  });
});
