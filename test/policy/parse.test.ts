import * as fs from 'fs';
import * as path from 'path';
import { parsePolicy } from '../../src/policy/parse';
import { loadPolicy } from '../../src/policy';
import { HEADER, onlyError } from '../support/parse-errors';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/policy', name), 'utf8');

describe('parsePolicy: the upstream reader test, in our words', () => {
  it('reads the three-rule example into exactly the fields written, in rule order', () => {
    const result = parsePolicy(fixture('upstream-reader-example.yaml'));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    // Upstream compares against Go zero values ({} for `group: ""`); we keep what was written.
    expect(result.policy).toEqual({
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [
        { level: 'None', nonResourceURLs: ['/healthz*', '/version'] },
        {
          level: 'RequestResponse',
          users: ['tim'],
          userGroups: ['testers', 'developers'],
          verbs: ['patch', 'delete', 'create'],
          resources: [
            { group: '' },
            { group: 'rbac.authorization.k8s.io', resources: ['clusterroles', 'clusterrolebindings'] },
          ],
          namespaces: ['default', 'kube-system'],
        },
        { level: 'Metadata' },
      ],
    });
  });

  it.each(['v1alpha1', 'v1beta1'])(
    'refuses the same example as audit.k8s.io/%s (removed in 1.24) and says how to fix it',
    (version) => {
      const text = fixture('upstream-reader-example.yaml').replace(
        'audit.k8s.io/v1',
        `audit.k8s.io/${version}`,
      );
      const error = onlyError(text);
      expect(error.message).toContain(`audit.k8s.io/${version} was removed in Kubernetes 1.24`);
      expect(error.fix).toBe('change apiVersion to audit.k8s.io/v1: the rule content is compatible');
      expect(error).toMatchObject({ field: 'apiVersion', line: 3, column: 13 });
    },
  );

  it('refuses the example without apiVersion and kind', () => {
    const text = fixture('upstream-reader-example.yaml').replace(/^apiVersion.*\nkind.*\n/m, '');
    const error = onlyError(text);
    expect(error.field).toBe('apiVersion');
    expect(error.message).toContain('missing apiVersion');
    expect(error.message).toContain('unknown group version field');
    expect(error.fix).toContain('apiVersion: audit.k8s.io/v1');
  });

  it('refuses the mis-indented verbs that upstream drops silently, saying the key belongs to the rule', () => {
    const error = onlyError(fixture('misindented-verbs.yaml'));
    expect(error).toMatchObject({
      message: 'unknown field "rules[0].resources[0].verbs"',
      field: 'rules[0].resources[0].verbs',
      line: 9,
      column: 5,
    });
    expect(error.fix).toContain('"verbs" belongs to a rule');
    expect(error.fix).toContain('line up with "resources:"');
  });

  it('decodes a policy without rules and an empty file differently: the first parses, the second is empty', () => {
    expect(parsePolicy(HEADER)).toEqual({
      policy: { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [] },
      errors: [],
      warnings: [],
    });
    expect(onlyError('').message).toBe('the policy document is empty');
  });
});

describe('parsePolicy: apiVersion and kind (semantics §2.1)', () => {
  const rules = 'rules:\n  - level: Metadata\n';
  it('accepts apiVersion audit.k8s.io/v1 with kind Policy', () => {
    expect(parsePolicy(HEADER + rules).errors).toEqual([]);
  });
  it('accepts a missing kind and fills it in', () => {
    const result = parsePolicy('apiVersion: audit.k8s.io/v1\n' + rules);
    expect(result.errors).toEqual([]);
    expect(result.policy?.kind).toBe('Policy');
  });
  it.each([
    ['no apiVersion, with kind', 'kind: Policy\n' + rules, 'missing apiVersion'],
    ['no apiVersion, no kind', rules, 'missing apiVersion'],
    ['an empty mapping', '{}', 'missing apiVersion'],
    ['an empty file', '', 'the policy document is empty'],
    ['a whitespace-only file', '  \n\n   \n', 'the policy document is empty'],
    ['a comment-only file', '# nothing here\n', 'the policy document is empty'],
  ])('refuses %s', (_name, text, message) => {
    expect(onlyError(text).message).toContain(message);
  });
  it.each(['audit.k8s.io/v1beta1', 'audit.k8s.io/v1alpha1'])(
    'refuses %s with the 1.24 removal hint',
    (version) => {
      const error = onlyError(`apiVersion: ${version}\nkind: Policy\n${rules}`);
      expect(error.message).toContain('removed in Kubernetes 1.24');
      expect(error.fix).toContain('change apiVersion to audit.k8s.io/v1');
    },
  );
  it('refuses apiVersion v1', () => {
    const error = onlyError(`apiVersion: v1\nkind: Policy\n${rules}`);
    expect(error.message).toBe(
      'apiVersion "v1" is not an audit policy version; kube-apiserver only loads audit.k8s.io/v1',
    );
    expect(error.fix).toBe('write apiVersion: audit.k8s.io/v1');
  });
  it.each(['Event', 'PolicyList', 'Foo'])('refuses kind %s', (kind) => {
    const error = onlyError(`apiVersion: audit.k8s.io/v1\nkind: ${kind}\n${rules}`);
    expect(error).toMatchObject({ field: 'kind', line: 2, column: 7 });
    expect(error.message).toContain(`kind: "${kind}" is not an audit policy`);
    expect(error.fix).toBe('write kind: Policy, or leave kind out');
  });
  it('refuses a wrongly-cased kind with a case hint', () => {
    expect(onlyError(`apiVersion: audit.k8s.io/v1\nkind: policy\n${rules}`).fix).toContain('case-sensitive');
  });
  it('refuses a top-level JSON array and a top-level YAML list', () => {
    expect(onlyError('[{"level": "None"}]').message).toContain('expected a mapping');
    expect(onlyError('- level: None\n').message).toContain('expected a mapping');
  });
  it('refuses a scalar document', () => {
    expect(onlyError('hello').message).toBe(
      'the document: expected a mapping (key: value), found a single value',
    );
  });
});

describe('parsePolicy: unknown, wrongly-cased and mis-indented keys (semantics §2.3)', () => {
  it.each([
    ['verb: [get]', 'rules[0].verb', 'did you mean "verbs"?'],
    ['Level: Metadata', 'rules[0].Level', 'did you mean "level"? Field names are case-sensitive'],
    [
      'nonResourceUrls: [/healthz]',
      'rules[0].nonResourceUrls',
      'did you mean "nonResourceURLs"? Field names are case-sensitive',
    ],
    ['namespace: [default]', 'rules[0].namespace', 'did you mean "namespaces"?'],
    ['user: [bob]', 'rules[0].user', 'did you mean "users"?'],
    ['groups: [admins]', 'rules[0].groups', 'did you mean "userGroups"?'],
    [
      'usergroups: [admins]',
      'rules[0].usergroups',
      'did you mean "userGroups"? Field names are case-sensitive',
    ],
    ['omitStage: [Panic]', 'rules[0].omitStage', 'did you mean "omitStages"?'],
    ['omitManagedField: true', 'rules[0].omitManagedField', 'did you mean "omitManagedFields"?'],
    ['resource: [{group: ""}]', 'rules[0].resource', 'did you mean "resources"?'],
  ])('refuses "%s" in a rule with a did-you-mean', (line, field, fix) => {
    const error = onlyError(`${HEADER}rules:\n  - level: None\n    ${line}\n`);
    // reader.go: the strict decode fails on the unknown field, the lenient retry drops it and loads the rest.
    expect(error).toMatchObject({
      message:
        `unknown field "${field}": kube-apiserver's strict decoding refuses it, and its lenient retry drops it ` +
        '(with only a warning in its log) and runs the rule without it',
      field,
      line: 5,
      column: 5,
      fix,
    });
  });

  it("says what each reader does with an unknown key: kube-apiserver drops it, Deckhouse's hook fails", () => {
    // reader.go (strict, then lenient with a warning); the hook's sigs.k8s.io/yaml UnmarshalStrict fails.
    const text = `${HEADER}metadata:\n  name: x\n  foo: 1\nrules:\n  - level: None\n`;
    expect(onlyError(text).message).toBe(
      'unknown field "metadata.foo": kube-apiserver\'s strict decoding refuses it, and its lenient retry drops it ' +
        '(with only a warning in its log) and runs the policy without it',
    );
    expect(
      loadPolicy(`${HEADER}rules:\n  - level: None\n    verb: [get]\n`, { target: 'deckhouse' }).errors[0]
        .message,
    ).toBe(
      'unknown field "rules[0].verb": Deckhouse\'s hook refuses unknown keys: the module run fails and the cluster keeps its previous policy',
    );
  });

  it.each([
    ['apiGroups: [apps]', 'did you mean "group"? An audit resources entry has one "group"'],
    ['resource: [pods]', 'did you mean "resources"?'],
    ['resourcenames: [x]', 'did you mean "resourceNames"? Field names are case-sensitive'],
    ['namespaces: [default]', '"namespaces" belongs to a rule'],
    ['level: None', '"level" belongs to a rule'],
  ])('refuses "%s" in a resources entry', (line, fix) => {
    const error = onlyError(
      `${HEADER}rules:\n  - level: None\n    resources:\n      - group: apps\n        ${line}\n`,
    );
    expect(error.field).toMatch(/^rules\[0\]\.resources\[0\]\./);
    expect(error.fix).toContain(fix);
  });

  it('says a group written at rule level belongs inside a resources entry', () => {
    const error = onlyError(`${HEADER}rules:\n  - level: None\n    group: apps\n`);
    expect(error.fix).toContain('"group" belongs to a resources entry');
    expect(error.fix).toContain('put it inside a "resources:" list item');
  });

  it('says a rule field at the top level belongs inside a rule', () => {
    const error = onlyError(`${HEADER}level: None\nrules:\n  - level: None\n`);
    expect(error).toMatchObject({ field: 'level', line: 3, column: 1 });
    expect(error.fix).toContain('put it inside a rule');
  });

  it('says a top-level field inside a rule belongs at the top', () => {
    expect(onlyError(`${HEADER}rules:\n  - level: None\n    kind: Policy\n`).fix).toContain(
      'move it to the top level',
    );
  });

  it('lists the accepted fields when nothing is close', () => {
    expect(onlyError(`${HEADER}rules:\n  - level: None\n    frobnicate: 1\n`).fix).toBe(
      'remove it; a rule (next to "level:") accepts only level, users, userGroups, verbs, resources, namespaces, nonResourceURLs, omitStages, omitManagedFields',
    );
  });

  it('reports every problem of a document at once, in document order', () => {
    const result = parsePolicy(
      `${HEADER}rules:\n  - Level: None\n    verb: [get]\n  - level: None\n    namespaces: [no]\n`,
    );
    expect(result.errors.map((e) => [e.field, e.line])).toEqual([
      ['rules[0].Level', 4],
      ['rules[0].verb', 5],
      ['rules[1].namespaces[0]', 7],
    ]);
  });
});

describe('parsePolicy: metadata', () => {
  it('keeps metadata as written', () => {
    const result = parsePolicy(
      `${HEADER}metadata:\n  name: audit\n  labels: {app: audit}\nrules: [{level: None}]\n`,
    );
    expect(result.errors).toEqual([]);
    expect(result.policy?.metadata).toEqual({ name: 'audit', labels: { app: 'audit' } });
  });
  it('refuses unknown metadata keys and non-string labels', () => {
    expect(onlyError(`${HEADER}metadata:\n  nmae: audit\nrules: [{level: None}]\n`).fix).toBe(
      'did you mean "name"?',
    );
    expect(onlyError(`${HEADER}metadata:\n  labels: {enabled: yes}\nrules: [{level: None}]\n`).fix).toBe(
      'quote it: "yes"',
    );
    expect(onlyError(`${HEADER}metadata: audit\nrules: [{level: None}]\n`).message).toContain(
      'expected a mapping',
    );
  });
});

describe('parsePolicy: JSON', () => {
  const json = JSON.stringify(
    {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [{ level: 'Metadata', verbs: ['get'], resources: [{ group: '' }] }],
    },
    null,
    '\t',
  );
  it('reads JSON, tab-indented too', () => {
    const result = parsePolicy(json);
    expect(result.errors).toEqual([]);
    expect(result.policy?.rules).toEqual([{ level: 'Metadata', verbs: ['get'], resources: [{ group: '' }] }]);
  });
  it('reports JSON syntax errors with a position', () => {
    const error = onlyError('{\n  "apiVersion": "audit.k8s.io/v1",\n  "rules": [],\n}');
    expect(error.message).toMatch(/^invalid JSON: /);
    expect(error.line).toBe(4);
  });
  it('refuses JSON duplicate keys that JSON.parse would silently merge', () => {
    const error = onlyError(
      '{"apiVersion": "audit.k8s.io/v1", "rules": [{"level": "None", "level": "Metadata"}]}',
    );
    expect(error).toMatchObject({ field: 'rules[0].level', line: 1, column: 63 });
  });
  it('refuses JSON values of the wrong type', () => {
    expect(onlyError('{"apiVersion": "audit.k8s.io/v1", "rules": [{"level": 5}]}').field).toBe(
      'rules[0].level',
    );
    expect(
      onlyError(
        '{"apiVersion": "audit.k8s.io/v1", "rules": [{"level": "None", "omitManagedFields": "true"}]}',
      ).fix,
    ).toBe('remove the quotes and write true');
  });
});

describe('parsePolicy: never throws', () => {
  function* garbage(seed: number, count: number): Generator<string> {
    let s = seed;
    const next = () => {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      return s;
    };
    const pieces = [
      'apiVersion: audit.k8s.io/v1\n',
      'rules:',
      '\n',
      '  - ',
      'level: ',
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      "'",
      '&a ',
      '*a ',
      '!!',
      '%YAML 1.1\n',
      '---\n',
      '...\n',
      '\t',
      '#',
      '|',
      '>',
      '? ',
      '<<: ',
      'no',
      '~',
      '0x',
      '\u0000',
      '\uFEFF',
      '\uD800',
      'é',
      ' ',
      '- ',
    ];
    for (let i = 0; i < count; i++) {
      let text = '';
      const length = next() % 40;
      for (let j = 0; j < length; j++) text += pieces[next() % pieces.length];
      yield text;
    }
  }
  it('returns errors as values for 2000 random documents and for non-strings', () => {
    for (const text of garbage(42, 2000)) {
      const result = parsePolicy(text);
      expect(Array.isArray(result.errors)).toBe(true);
      if (result.policy === undefined) expect(result.errors.length).toBeGreaterThan(0);
      else expect(result.errors).toEqual([]);
    }
    for (const value of [undefined, null, 42, {}, ['a']]) {
      expect(parsePolicy(value as unknown as string).errors[0].message).toMatch(
        /^expected the policy text as a string/,
      );
    }
  });
  it('handles deep nesting', () => {
    expect(parsePolicy('['.repeat(5000) + ']'.repeat(5000)).errors.length).toBeGreaterThan(0);
    expect(parsePolicy('{"a":'.repeat(3000) + '1' + '}'.repeat(3000)).errors.length).toBeGreaterThan(0);
  });
});

describe('parsePolicy: a missing apiVersion is reported with the other problems', () => {
  it('reports both an unknown key and the missing apiVersion', () => {
    const result = parsePolicy('kind: Policy\nrules:\n  - level: None\n    verb: [get]\n');
    expect(result.errors.map((e) => e.field)).toEqual(['rules[0].verb', 'apiVersion']);
  });
  it('does not call a wrongly-typed apiVersion missing', () => {
    const result = parsePolicy('apiVersion: 1\nrules:\n  - level: None\n');
    expect(result.errors.map((e) => e.message)).toEqual([
      'apiVersion: expected a string, found the number 1; kube-apiserver fails to decode this',
    ]);
  });
});

describe('parsePolicy: booleans every YAML version agrees on', () => {
  it.each(['true', 'True', 'TRUE', 'false', 'False', 'FALSE'])('reads %s without a warning', (word) => {
    const result = parsePolicy(
      `apiVersion: audit.k8s.io/v1\nomitManagedFields: ${word}\nrules: [{level: None}]\n`,
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.policy?.omitManagedFields).toBe(word.toLowerCase() === 'true');
  });
});
