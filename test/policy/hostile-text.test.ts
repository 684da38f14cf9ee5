/**
 * Hostile and broken policy text: every kind ends in a clean error (a value, never a throw, with line and
 * column where there is a place to point at) after bounded work. Time itself is measured by
 * `npm run bench:policy`; here the work is counted (decodedNodes) and the error lists are checked.
 */
import { loadPolicy, MAX_LISTED_PROBLEMS, MAX_NESTING_DEPTH, parsePolicy } from '../../src/policy/parse';
import { SECRET_SIZE_LIMIT_BYTES } from '../../src/policy/policy-text';
import { Problem } from '../../src/policy/types';
import { decodePolicyText } from '../../src/policy/yaml-decode';
import { random } from './generated-policies';
import {
  aliasesOfOneAnchor,
  billionLaughs,
  stackedAnchors,
  unknownAliases,
} from '../support/hostile-policies';
import { HEADER, onlyError } from '../support/parse-errors';

const POLICY = `${HEADER}rules:\n  - level: Metadata\n    users: ["alice", bob]\n    verbs: [get, list]\n`;

/** Line and column (1-based, in UTF-16 units like every position we report) of a string offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

// C0 and C1 controls, DEL, bidirectional controls: nothing a terminal acts on may be echoed raw.
// eslint-disable-next-line no-control-regex
const RAW_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function expectClean(problems: readonly Problem[]): void {
  for (const p of problems) {
    expect(typeof p.message).toBe('string');
    expect(p.message).not.toMatch(RAW_UNSAFE);
    if (p.fix !== undefined) expect(p.fix).not.toMatch(RAW_UNSAFE);
    if (p.field !== undefined) expect(p.field).not.toMatch(RAW_UNSAFE);
  }
}

describe('size: a policy lives in a Secret (at most 1 MiB)', () => {
  it('refuses more than 1 MiB up front, saying why, before reading any YAML', () => {
    const text = POLICY + `# ${'x'.repeat(SECRET_SIZE_LIMIT_BYTES)}\n`;
    const decoded = decodePolicyText(text);
    expect(decoded.decodedNodes).toBe(0);
    expect(decoded.errors).toHaveLength(1);
    expect(decoded.errors[0].message).toMatch(/more than 1 MiB, the size limit of a Secret/);
    expect(decoded.errors[0].message).toContain('Secret kube-system/audit-policy');
    expect(decoded.errors[0].fix).toContain('maxBytes');
  });

  it('counts UTF-8 bytes, not characters, and maxBytes raises or lowers the limit', () => {
    const text = `${POLICY}# ${'é'.repeat(600_000)}\n`; // 1.2 MB of UTF-8 in 600,000 characters
    expect(text.length).toBeLessThan(SECRET_SIZE_LIMIT_BYTES);
    expect(onlyError(text).message).toContain(`the policy is ${Buffer.byteLength(text)} bytes`);
    expect(parsePolicy(text, { maxBytes: 2 * SECRET_SIZE_LIMIT_BYTES }).errors).toEqual([]);
    expect(onlyError(POLICY, { maxBytes: 10 }).message).toContain('more than 10 bytes');
  });

  it('a 77 MB JSON policy is refused without being parsed', () => {
    const json = `{"apiVersion":"audit.k8s.io/v1","rules":[${'{"level":"None"},'.repeat(4_500_000)}{"level":"None"}]}`;
    const decoded = decodePolicyText(json);
    expect(decoded.decodedNodes).toBe(0);
    expect(decoded.errors[0].message).toMatch(/^the policy is at least \d+ bytes, more than 1 MiB/);
  });

  it('property: any size within the limit is read, any size beyond is refused, strings and bytes alike', () => {
    const next = random(77);
    for (let i = 0; i < 40; i++) {
      const limit = 200 + Math.floor(next() * 400);
      const padding = '#'.repeat(Math.max(0, limit - POLICY.length - 1 + Math.floor(next() * 5) - 2));
      const text = `${POLICY}${padding}\n`;
      const bytes = Buffer.from(text);
      for (const input of [text, bytes]) {
        const result = parsePolicy(input, { maxBytes: limit });
        if (bytes.length > limit) expect(result.errors[0].message).toContain(`more than ${limit} bytes`);
        else expect(result.errors).toEqual([]);
      }
    }
  });
});

describe('bytes and encodings', () => {
  it('reads UTF-8 bytes exactly like the string, and drops a UTF-8 byte order mark as kube-apiserver does', () => {
    const expected = parsePolicy(POLICY);
    expect(parsePolicy(Buffer.from(POLICY))).toEqual(expected);
    expect(parsePolicy(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(POLICY)]))).toEqual(expected);
    expect(parsePolicy(`\uFEFF${POLICY}`)).toEqual(expected);
  });

  // go-yaml's reader (gopkg.in/yaml.v2 readerc.go: yaml_parser_determine_encoding, and the
  // yaml_UTF16LE_ENCODING/yaml_UTF16BE_ENCODING cases of yaml_parser_update_buffer) decodes a file that starts with
  // a UTF-16 byte order mark, so kube-apiserver (sigs.k8s.io/yaml on go-yaml v2) loads it; Windows PowerShell 5's
  // `>` writes such files. Refusing it was an error for a policy kube-apiserver loads.
  it.each([
    ['little-endian', Buffer.from(`\uFEFF${POLICY}`, 'utf16le'), /UTF-16, little-endian \(FF FE\)/],
    ['big-endian', Buffer.from(`\uFEFF${POLICY}`, 'utf16le').swap16(), /UTF-16, big-endian \(FE FF\)/],
  ])('UTF-16 %s with a BOM is read as go-yaml reads it, with a warning', (_name, bytes, message) => {
    const result = decodePolicyText(bytes);
    expect(result.errors).toEqual([]);
    expect(result.policy).toEqual(parsePolicy(POLICY).policy);
    expect(result.warnings[0].message).toMatch(message);
    expect(result.warnings[0]).toMatchObject({ line: 1, column: 1 });
    expect(result.warnings[0].fix).toMatch(/UTF-8/);
  });

  it('UTF-16 with a BOM but an odd number of bytes is refused (go-yaml: "incomplete UTF-16 character")', () => {
    expect(
      onlyError(Buffer.concat([Buffer.from(`\uFEFF${POLICY}`, 'utf16le'), Buffer.from([0x61])])).message,
    ).toMatch(/not valid UTF-16/);
  });

  it.each([
    ['UTF-16 without a BOM', Buffer.from(POLICY, 'utf16le'), /looks like UTF-16 without a byte order mark/],
    ['UTF-32 with a BOM', Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]), /UTF-32/],
    ['a leading NUL', Buffer.from(`\0${POLICY}`), /starts with a NUL byte/],
  ])('%s: says what the encoding problem is, at 1:1', (_name, bytes, message) => {
    const error = onlyError(bytes);
    expect(error.message).toMatch(message);
    expect(error).toMatchObject({ line: 1, column: 1 });
    expect(error.fix).toMatch(/UTF-8/);
  });

  it('points at the first byte that is not UTF-8 (a Latin-1 é)', () => {
    const before = `${HEADER}rules:\n  - level: None\n    users: [caf`;
    const bytes = Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(']\n')]);
    const error = onlyError(bytes);
    expect(error.message).toMatch(
      /^invalid UTF-8 \(bytes E9 5D 0A\): go-yaml \(Deckhouse's hook, and kube-apiserver for YAML\) refuses/,
    );
    expect(error).toMatchObject(positionOf(before, before.length));
  });

  it('property: 800 random byte strings give errors as values, and valid UTF-8 reads like its string', () => {
    const next = random(3000);
    const base = Buffer.from(POLICY);
    for (let i = 0; i < 800; i++) {
      const bytes = Buffer.from(base);
      for (let k = Math.floor(next() * 4); k >= 0; k--)
        bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      const result = parsePolicy(bytes);
      expectClean(result.errors);
      if (result.policy === undefined) expect(result.errors.length).toBeGreaterThan(0);
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      if (Buffer.from(text).equals(bytes) && bytes[0] !== 0) expect(result).toEqual(parsePolicy(text));
    }
  });
});

describe('characters the cluster reader refuses or reads differently', () => {
  const SAMPLES: Array<[string, RegExp]> = [
    [
      '\u0000',
      /a NUL character: go-yaml \(Deckhouse's hook, and kube-apiserver for YAML\) refuses the file \("control characters are not allowed"\)/,
    ],
    ['\u0001', /the control character U\+0001/],
    ['\u001b', /the control character U\+001B/],
    ['\u007f', /the control character U\+007F/],
    ['\u009b', /the control character U\+009B/],
    ['\uffff', /the control character U\+FFFF/],
  ];

  it.each(SAMPLES)('%j is refused where it is', (ch, message) => {
    const at = POLICY.indexOf('bob') + 1;
    const text = POLICY.slice(0, at) + ch + POLICY.slice(at);
    const error = onlyError(text);
    expect(error.message).toMatch(message);
    expect(error).toMatchObject(positionOf(text, at));
  });

  // go-yaml (scannerc.go skip_line/read_line) counts a lone CR as a line break and reads it as "\n" inside
  // scalars ("CR|LF . LF"); encoding/json takes it as white space between tokens. Old Mac OS files load.
  it('a file with CR-only line ends reads as the LF file: same policy, same lines in errors', () => {
    const lf = parsePolicy(POLICY);
    expect(parsePolicy(POLICY.replace(/\n/g, '\r'))).toEqual(lf);
    expect(parsePolicy(POLICY.replace(/\n/g, '\r\n'))).toEqual(lf);
    const bad = `${POLICY}  - level: None\n    verb: [get]\n`;
    const lfError = onlyError(bad);
    expect(lfError).toMatchObject({ line: 8, column: 5 });
    expect(onlyError(bad.replace(/\n/g, '\r'))).toEqual(lfError);
    // CR then CRLF is two line ends, as go-yaml counts them.
    expect(onlyError(bad.replace('Policy\n', 'Policy\r\r\n'))).toMatchObject({ line: 9, column: 5 });
  });

  it('a CR inside a scalar is a line break there too: folded in quotes, kept as "\\n" in a block scalar', () => {
    const text = `${HEADER}rules:\r  - level: None\r    users: ["a\r     b"]\r    userGroups:\r      - |\r        team\r`;
    expect(parsePolicy(text).policy?.rules[0]).toEqual({
      level: 'None',
      users: ['a b'],
      userGroups: ['team\n'],
    });
  });

  it('JSON with CR-only line ends loads, and a JSON error names the line the CRs end', () => {
    const json = '{\r"apiVersion": "audit.k8s.io/v1",\r"kind": "Policy",\r"rules": [{"level": "None"}]\r}';
    expect(parsePolicy(json).policy?.rules).toEqual([{ level: 'None' }]);
    expect(onlyError(json.replace('"None"}', '"None"},'))).toMatchObject({ line: 4 });
  });

  it('property: one such character anywhere is one error at its line and column', () => {
    const next = random(11);
    for (let i = 0; i < 500; i++) {
      const [ch] = SAMPLES[Math.floor(next() * SAMPLES.length)];
      const at = Math.floor(next() * (POLICY.length + 1));
      const text = POLICY.slice(0, at) + ch + POLICY.slice(at);
      const error = onlyError(text);
      expect(error).toMatchObject(positionOf(text, at));
      expectClean([error]);
    }
  });
});

describe(`nesting deeper than ${MAX_NESTING_DEPTH} levels`, () => {
  it.each([
    ['10^5 "[" in YAML', '['.repeat(100_000), 1, MAX_NESTING_DEPTH + 1],
    [
      '10^5 levels of JSON',
      '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000),
      1,
      5 * MAX_NESTING_DEPTH + 1,
    ],
    ['10^5 compact block lists', '- '.repeat(100_000) + 'x\n', 1, 2 * MAX_NESTING_DEPTH + 1],
  ])('%s: a clear error with line:column, not a stack overflow', (_name, text, line, column) => {
    const decoded = decodePolicyText(text);
    expect(decoded.errors).toHaveLength(1);
    expect(decoded.errors[0].message).toBe(
      `the document nests lists and mappings more than ${MAX_NESTING_DEPTH} levels deep; a policy needs 7`,
    );
    expect(decoded.errors[0]).toMatchObject({ line, column });
    expect(decoded.decodedNodes).toBe(0);
  });

  it('block mappings indented level by level', () => {
    const text = Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n';
    expect(onlyError(text)).toMatchObject({ line: MAX_NESTING_DEPTH + 1, column: MAX_NESTING_DEPTH + 1 });
  });

  it('property: exactly the documents deeper than the limit get the nesting error', () => {
    const next = random(101);
    const shapes = [
      (d: number) => `${'['.repeat(d)}x${']'.repeat(d)}`,
      (d: number) => `${'{a: '.repeat(d)}x${'}'.repeat(d)}`,
      (d: number) => `\n        ${'- '.repeat(d)}x`,
    ];
    for (let i = 0; i < 60; i++) {
      const depth = MAX_NESTING_DEPTH - 5 + Math.floor(next() * 11);
      const text = `${HEADER}metadata:\n  managedFields:\n    - fieldsV1: ${shapes[i % 3](depth)}\nrules: [{level: None}]\n`;
      // The document, metadata, the managedFields list and its entry add four levels.
      const deep = depth + 4 > MAX_NESTING_DEPTH;
      const errors = parsePolicy(text).errors.map((e) => e.message);
      expect(errors.some((m) => m.startsWith('the document nests'))).toBe(deep);
    }
  });
});

describe('aliases: anchors resolved once, expansion capped by go-yaml v2 own rule', () => {
  it('20,000 aliases of one anchor in an 80 KB policy: accepted, each alias read once', () => {
    const text = aliasesOfOneAnchor(20_000);
    expect(text.length).toBeLessThan(100_000);
    const decoded = decodePolicyText(text);
    expect(decoded.errors).toEqual([]);
    // Each alias: the alias node, the list it expands to, the list's item.
    expect(decoded.decodedNodes).toBeLessThan(4 * 20_000 + 100);
  });

  it("a billion laughs is refused with go-yaml's reason after bounded work", () => {
    const decoded = decodePolicyText(billionLaughs());
    expect(decoded.errors).toHaveLength(1);
    expect(decoded.errors[0].message).toContain('document contains excessive aliasing');
    expect(decoded.decodedNodes).toBeLessThan(20_000);
  });

  it('15,000 unknown aliases: 100 errors listed, then how many more', () => {
    const { errors } = loadPolicy(unknownAliases(15_000));
    expect(errors).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(errors[0]).toMatchObject({
      message: 'rules[0].users: unknown YAML alias *zz',
      line: 5,
      column: 10,
    });
    expect(errors[MAX_LISTED_PROBLEMS].message).toBe(
      '14900 more errors not listed (only the first 100 are shown)',
    );
  });

  it('anchors stacked inside anchors (each one level deeper) stop at a depth, not at the end of the stack', () => {
    const text = stackedAnchors(5000);
    const decoded = decodePolicyText(text);
    expect(decoded.errors[0].message).toBe(
      'the document nests more than 200 levels deep once its aliases are expanded',
    );
    expect(decoded.errors[0].field!.length).toBeLessThan(250);
    expect(decoded.decodedNodes).toBeLessThan(100 * text.length);
  });

  it('an anchor that contains itself is an error, as in go-yaml', () => {
    const error = onlyError(
      `${HEADER}metadata:\n  managedFields: [{fieldsV1: &a [*a]}]\nrules: [{level: None}]\n`,
    );
    expect(error.message).toContain('the anchor &a contains itself');
  });

  it('property: random anchor graphs are decoded within 100 nodes per node of the document, or refused', () => {
    const next = random(555);
    for (let i = 0; i < 80; i++) {
      const anchors: string[] = [];
      const lines: string[] = [];
      const count = 2 + Math.floor(next() * 14);
      for (let a = 0; a < count; a++) {
        const fanOut = 1 + Math.floor(next() * 12);
        const items = Array.from({ length: fanOut }, () =>
          anchors.length > 0 && next() < 0.8 ? `*${anchors[Math.floor(next() * anchors.length)]}` : 'x',
        );
        lines.push(`        k${a}: &n${a} [${items.join(', ')}]`);
        anchors.push(`n${a}`);
      }
      const text = `${HEADER}metadata:\n  managedFields:\n    - fieldsV1:\n${lines.join('\n')}\nrules: [{level: None}]\n`;
      const decoded = decodePolicyText(text);
      expect(decoded.decodedNodes).toBeLessThanOrEqual(100 * text.length + 1000);
      if (decoded.errors.length > 0) {
        expect(decoded.errors.map((e) => e.message)).toEqual([expect.stringContaining('excessive aliasing')]);
      }
    }
  });
});

describe('error lists are capped', () => {
  it('property: N unknown keys give min(N, 100) errors and a count of the rest', () => {
    const next = random(9);
    for (let i = 0; i < 8; i++) {
      const n = 1 + Math.floor(next() * 3000);
      const rule = Array.from({ length: n }, (_, k) => `    x${k}: 1\n`).join('');
      const { errors } = parsePolicy(`${HEADER}rules:\n  - level: None\n${rule}`);
      if (n <= MAX_LISTED_PROBLEMS) {
        expect(errors).toHaveLength(n);
      } else {
        expect(errors).toHaveLength(MAX_LISTED_PROBLEMS + 1);
        expect(errors[MAX_LISTED_PROBLEMS].message).toBe(
          `${n - MAX_LISTED_PROBLEMS} more errors not listed (only the first ${MAX_LISTED_PROBLEMS} are shown)`,
        );
      }
    }
  });

  it('validation errors are capped the same way', () => {
    const { errors } = loadPolicy(`${HEADER}rules:\n${'  - level: Bad\n'.repeat(500)}`);
    expect(errors).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(errors[MAX_LISTED_PROBLEMS].message).toMatch(/^400 more errors/);
  });
});

describe('documents: only the first one is read upstream', () => {
  it('"---", "---", then a policy: the empty first document is what the cluster reads', () => {
    const text = `---\n---\n${POLICY}`;
    const error = onlyError(text);
    expect(error.message).toBe(
      'the first YAML document is empty: kube-apiserver reads only the first YAML document of the file, and it is empty: the policy after it is never read and kube-apiserver fails to start on the empty one',
    );
    expect(error).toMatchObject({ line: 2, column: 1 });
    expect(onlyError(text, { target: 'deckhouse' }).message).toContain(
      "Deckhouse's hook reads only the first YAML document, and it is empty",
    );
  });

  it('two Policy documents are refused, never read as two policies', () => {
    const error = onlyError(`${POLICY}---\n${POLICY}`);
    expect(error.message).toContain('a second YAML document');
    expect(error.line).toBe(POLICY.split('\n').length);
  });

  it('property: a stream of empty and policy documents is accepted only when the first is the one policy', () => {
    const next = random(2);
    for (let i = 0; i < 300; i++) {
      const docs = Array.from({ length: 1 + Math.floor(next() * 4) }, () => (next() < 0.5 ? '' : POLICY));
      const text = docs.map((d) => `---\n${d}`).join('');
      const result = parsePolicy(text);
      const ok = docs[0] === POLICY && docs.slice(1).every((d) => d === '');
      expect(result.errors.length === 0).toBe(ok);
      if (!ok) expect(result.errors[0].line).toBeGreaterThan(0);
    }
  });
});

describe('what messages echo', () => {
  it('escapes ANSI escapes and bidirectional controls, and shortens long keys and values', () => {
    const result = parsePolicy(
      `${HEADER}rules:\n  - level: None\n    "\\e[31mred\\u202e": 1\n    "${'k'.repeat(1000)}": 1\n    verbs: get${'x'.repeat(5000)}\n`,
    );
    expect(result.errors).toHaveLength(3);
    expectClean(result.errors);
    expect(result.errors[0]).toMatchObject({
      message:
        'unknown field "rules[0].\\u001b[31mred\\u202e": kube-apiserver\'s strict decoding refuses it, and its ' +
        'lenient retry drops it (with only a warning in its log) and runs the rule without it',
      field: 'rules[0].\\u001b[31mred\\u202e',
    });
    for (const e of result.errors) expect(e.message.length + (e.fix?.length ?? 0)).toBeLessThan(700);
  });

  it('property: 500 policies with random keys and values never echo unsafe characters', () => {
    const next = random(64);
    const char = () =>
      String.fromCodePoint(next() < 0.5 ? Math.floor(next() * 0x30) : Math.floor(next() * 0x3000));
    const word = () => Array.from({ length: 1 + Math.floor(next() * 8) }, char).join('');
    const escaped = (s: string) => JSON.stringify(s);
    for (let i = 0; i < 500; i++) {
      const text = `${HEADER}rules:\n  - level: ${escaped(word())}\n    ${escaped(word())}: ${escaped(word())}\n    verbs: ${escaped(word())}\n`;
      const result = loadPolicy(text);
      expectClean(result.errors);
      expectClean(result.warnings);
    }
  });
});

describe('a policy its aliases expand far beyond its text', () => {
  // go-yaml's aliasing rule lets a 1 MiB document expand to about 1.2 million nodes; the cluster loads it, but
  // Deckhouse writes the merged policy, expanded, to every master: a warning, not an error.
  const big = 'u'.repeat(50_000);
  const expanding = (aliases: number) =>
    `apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n  users: &u ["${big}"]\n` +
    '- level: Metadata\n  users: *u\n'.repeat(aliases);

  test('40 aliases of a 50 KB list (2 MB expanded from 51 KB): loads, with a warning and a fix', () => {
    const result = loadPolicy(expanding(40));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^its YAML aliases expand the policy to more than 1048576 bytes \(the text is 51283\)/,
        ),
        fix: expect.stringContaining('write the lists out once'),
      }),
    ]);
  });

  test('a few aliases, or a large policy without aliases: no warning', () => {
    expect(loadPolicy(expanding(3)).warnings).toEqual([]);
    const plain = JSON.stringify({
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: Array.from({ length: 8000 }, (_, i) => ({
        level: 'Metadata',
        users: [`user-${i}-${'x'.repeat(80)}`],
      })),
    });
    expect(plain.length).toBeLessThan(1024 * 1024);
    expect(loadPolicy(plain).warnings).toEqual([]);
  });
});
