import * as fs from 'fs';
import * as path from 'path';
import { renderPolicy } from '../../src/policy/render';
import { DecodeResult, decodePolicyText } from '../../src/policy/yaml-decode';
import { composeSimpleYaml } from '../../src/policy/yaml-fast-path';
import { random, randomPolicy } from './generated-policies';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/policy', name), 'utf8');

/** Everything a caller can observe of a decode, positions included. */
function observable(result: DecodeResult): unknown {
  return {
    policy: result.policy,
    errors: result.errors,
    warnings: result.warnings,
    offsets: [...result.offsets],
  };
}

function expectSameAsLibrary(text: string): boolean {
  const fast = decodePolicyText(text);
  const library = decodePolicyText(text, { fastPath: false });
  expect(observable(fast)).toEqual(observable(library));
  return composeSimpleYaml(text) !== undefined;
}

const HANDWRITTEN = [
  fixture('upstream-reader-example.yaml'),
  fixture('misindented-verbs.yaml'),
  '',
  '# only a comment\n',
  '---\n',
  '--- # leading marker with a comment\napiVersion: audit.k8s.io/v1\nrules:\n- level: None\n',
  'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: None\n  users: [system:kube-proxy, "x", \'y\']\n  resources:\n  - group: ""\n    resources: [pods, pods/log]\n',
  'apiVersion: audit.k8s.io/v1\nrules:\n  - level: Metadata # trailing comment\n    # a comment line inside\n    verbs:\n      - get   \n      - list\n',
  'apiVersion: audit.k8s.io/v1\nrules: [{level: None, verbs: [get]}, {level: Metadata}]\n',
  'apiVersion: audit.k8s.io/v1\nrules:\n  - level: None\n    namespaces: [no, on, 1, 0x1F, ~]\n',
  'apiVersion: audit.k8s.io/v1\nrules:\n  - Level: None\n    verb: [get]\n    level: None\n    level: Metadata\n',
  'apiVersion: audit.k8s.io/v1\nrules:\n  - level: None\n    users: ["a\\"b", "c\\\\d", "\\u00e9", \'it\'\'s\']\n',
  'apiVersion: audit.k8s.io/v1\nrules:\n  - level: None\n    nonResourceURLs: [/healthz*, "/api*"]\n    omitManagedFields: yes\n',
  'apiVersion: audit.k8s.io/v1\nmetadata:\n  name: x\n  labels:\n    app: audit\nrules:\n  - level: None\n',
  'apiVersion: audit.k8s.io/v1\nrules:\n  -\n    level: None\n  - level: Metadata\n',
  'apiVersion: audit.k8s.io/v1\nrules:\n  - level: None\n    verbs: [get, ]\n',
  'apiVersion: audit.k8s.io/v1\nrules:\n  - level: a b c\n  - level: x#y\n  - level: a[0]\n',
  'apiVersion: audit.k8s.io/v1\nrules:\n  - level: None\n   verbs: [get]\n',
  'apiVersion: audit.k8s.io/v1\nrules:\n  - level: None\n      verbs: [get]\n',
  'apiVersion: audit.k8s.io/v1\nrules:\n- level: None\n  resources:\n  - group: apps\n  - {group: batch, resources: [jobs]}\n',
];

describe('the fast YAML reader', () => {
  it('is used for the common policy style', () => {
    expect(composeSimpleYaml(fixture('upstream-reader-example.yaml'))).toBeDefined();
    expect(composeSimpleYaml(HANDWRITTEN[6])).toBeDefined();
  });

  it.each([
    ['an anchor', 'a: &x b\n'],
    ['a tag', 'a: !!str b\n'],
    ['a block scalar', 'a: |\n  b\n'],
    ['a multi-line flow list', 'a: [b,\n  c]\n'],
    ['a multi-line plain scalar', 'a: b\n  c\n'],
    ['an empty value', 'a:\nb: c\n'],
    ['a tab', 'a:\tb\n'],
    ['CR line ends', 'a: b\r\n'],
    ['a second document', 'a: b\n---\nc: d\n'],
    ['a directive', '%YAML 1.1\n---\na: b\n'],
    ['a quoted key glued to its value', '"a":b\n'],
    ['an unclosed quote', 'a: "b\n'],
  ])('gives up on %s', (_name, text) => {
    expect(composeSimpleYaml(text)).toBeUndefined();
  });

  it('decodes every hand-written case exactly like the yaml library', () => {
    for (const text of HANDWRITTEN) expectSameAsLibrary(text);
  });

  it('decodes rendered policies exactly like the yaml library, and takes the fast path for them', () => {
    const next = random(99);
    for (let i = 0; i < 300; i++) {
      const text = renderPolicy(randomPolicy(next));
      expect(expectSameAsLibrary(text)).toBe(true);
    }
  });

  it('decodes 2000 randomly damaged documents exactly like the yaml library', () => {
    const next = random(2024);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const inserts = [
      ' ',
      '  ',
      ':',
      ': ',
      '-',
      '- ',
      '#',
      ' #',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ',',
      '\n',
      'a',
      '*',
      '&',
      '!',
      '|',
      '>',
      '?',
      '~',
      '\\',
      'no',
    ];
    const bases = [
      ...HANDWRITTEN.slice(0, 20),
      ...Array.from({ length: 20 }, () => renderPolicy(randomPolicy(next))),
    ];
    let fast = 0;
    let total = 0;
    for (const base of bases) {
      for (let k = 0; k < 50; k++) {
        let text = base;
        const edits = 1 + Math.floor(next() * 3);
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(next() * (text.length + 1));
          const r = next();
          if (r < 0.45) text = text.slice(0, at) + pick(inserts) + text.slice(at);
          else if (r < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
          else {
            const lines = text.split('\n');
            const i = Math.floor(next() * lines.length);
            lines.splice(i, 0, lines[Math.floor(next() * lines.length)]);
            text = lines.join('\n');
          }
        }
        total++;
        if (expectSameAsLibrary(text)) fast++;
      }
    }
    // The comparison only means something if the fast reader accepted a good share of the inputs.
    expect(fast / total).toBeGreaterThan(0.3);
  });
});

describe('the fast YAML reader: speed', () => {
  it('decodes a 30-rule policy several times faster than the yaml library', () => {
    const rule = (i: number) =>
      `  - level: Metadata\n    users: ["system:serviceaccount:ns${i}:sa"]\n    verbs: [get, list, watch]\n    resources:\n      - group: apps\n        resources: [deployments, statefulsets]\n    namespaces: [ns-${i}, kube-system]\n`;
    const text = `apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]\nrules:\n${Array.from({ length: 30 }, (_, i) => rule(i)).join('')}`;
    expect(composeSimpleYaml(text)).toBeDefined();
    const time = (fastPath: boolean) => {
      for (let i = 0; i < 30; i++) decodePolicyText(text, { fastPath });
      const start = process.hrtime.bigint();
      for (let i = 0; i < 150; i++) decodePolicyText(text, { fastPath });
      return Number(process.hrtime.bigint() - start) / 150;
    };
    const library = time(false);
    const fast = time(true);
    expect(fast * 3).toBeLessThan(library);
  });
});
