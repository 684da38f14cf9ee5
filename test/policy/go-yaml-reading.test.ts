/**
 * Which reader the cluster uses for a file, and what go-yaml refuses that the `yaml` package reads.
 *
 * kube-apiserver's universal decoder hands the bytes to its JSON serializer when IsJSONBuffer says "{" comes
 * first after leading unicode.IsSpace (k8s.io/apimachinery pkg/util/yaml); a byte order mark is not space, so a
 * file that starts with one goes to go-yaml (gopkg.in/yaml.v2 via sigs.k8s.io/yaml), which drops the mark
 * (readerc.go yaml_parser_determine_encoding) and reads the JSON as a YAML flow mapping. Deckhouse's hook reads
 * every policy with go-yaml. The go-yaml facts below are from scannerc.go (v2): the tab rule of
 * yaml_parser_scan_to_next_token and the escapes of yaml_parser_scan_flow_scalar.
 */
import { loadPolicy, parsePolicy } from '../../src/policy/parse';
import { HEADER, onlyError } from '../support/parse-errors';

const RULES = [{ level: 'Metadata', users: ['system:serviceaccount:ci:deployer'] }];
const JSON_POLICY = JSON.stringify({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: RULES }, null, 2);
const BOM = '\uFEFF';

describe('a byte order mark before "{": kube-apiserver reads the file as YAML, not JSON', () => {
  it('valid JSON loads either way, to the same policy', () => {
    expect(loadPolicy(BOM + JSON_POLICY).policy?.rules).toEqual(RULES);
    expect(loadPolicy(Buffer.from(BOM + JSON_POLICY)).policy?.rules).toEqual(RULES);
  });

  // Each is invalid JSON (so refused without a mark) but a valid YAML flow mapping (so loaded with one).
  it.each([
    ['a comment', JSON_POLICY.replace('{\n', '{ # written by hand\n')],
    ['a trailing comma', JSON_POLICY.replace(/\]\n\}$/, '],\n}')],
    ['a raw tab inside a string', JSON_POLICY.replace('ci:deployer', 'ci:\tdeployer')],
    ['single quotes', JSON_POLICY.replace('"Metadata"', "'Metadata'")],
  ])('%s: refused as JSON without the mark, read as YAML with it', (_name, text) => {
    expect(onlyError(text).message).toMatch(
      /^invalid JSON: .*kube-apiserver reads text that starts with "\{" as JSON/,
    );
    const result = loadPolicy(BOM + text);
    expect(result.errors).toEqual([]);
    expect(result.policy?.rules[0].level).toBe('Metadata');
  });

  it('a tab before the "{": loads as JSON, but with the mark go-yaml finds a tab where a token starts', () => {
    expect(loadPolicy(`\t${JSON_POLICY}`).errors).toEqual([]);
    const error = onlyError(`${BOM}\t${JSON_POLICY}`);
    expect(error).toMatchObject({ line: 1, column: 1 });
    expect(error.message).toMatch(/found character that cannot start any token/);
    expect(error.message).toMatch(
      /starts with a byte order mark, so kube-apiserver .* reads the file as YAML/,
    );
    expect(error.fix).toMatch(/replace the tab with spaces, or save the file without the byte order mark/);
    // A line end and spaces before the "{" are fine for both readers; tabs inside the braces too (flow context).
    expect(loadPolicy(`${BOM}\n  ${JSON_POLICY.replace(/\n {2}/g, '\n\t')}`).errors).toEqual([]);
  });

  it('JSON escapes go-yaml does not have: loaded without the mark, refused with it', () => {
    const slash = JSON_POLICY.replace('audit.k8s.io/v1', 'audit.k8s.io\\/v1');
    expect(loadPolicy(slash).errors).toEqual([]);
    expect(onlyError(BOM + slash)).toMatchObject({
      line: 2,
      column: 30,
      message: expect.stringMatching(/"\\\/".*found unknown escape character/),
    });
    // JSON.stringify-style escapes of a character beyond U+FFFF: a surrogate pair.
    const pair = JSON_POLICY.replace('ci:deployer', 'ci:\\ud83d\\ude80');
    expect(loadPolicy(pair).policy?.rules[0].users).toEqual(['system:serviceaccount:ci:🚀']);
    expect(onlyError(BOM + pair).message).toMatch(/found invalid Unicode character escape code/);
  });

  it.each([
    ['UTF-8', (s: string) => Buffer.from(BOM + s, 'utf8')],
    ['UTF-16LE', (s: string) => Buffer.from(BOM + s, 'utf16le')],
    ['UTF-16BE', (s: string) => Buffer.from(BOM + s, 'utf16le').swap16()],
  ])('%s bytes with a byte order mark are YAML to kube-apiserver', (_name, encode) => {
    expect(loadPolicy(encode(JSON_POLICY.replace('{\n', '{ # c\n'))).policy?.rules).toEqual(RULES);
    expect(parsePolicy(encode(`\t${JSON_POLICY}`)).errors[0].message).toMatch(/cannot start any token/);
  });
});

describe('Deckhouse reads JSON with go-yaml', () => {
  it('refuses a JSON policy with "\\/" or a tab before "{", which kube-apiserver reads as JSON', () => {
    const slash = JSON_POLICY.replace('audit.k8s.io/v1', 'audit.k8s.io\\/v1');
    expect(loadPolicy(slash, { target: 'deckhouse' }).errors[0].message).toMatch(
      /found unknown escape character.*Deckhouse's hook fails to decode it/,
    );
    expect(loadPolicy(`\t${JSON_POLICY}`, { target: 'deckhouse' }).errors[0].message).toMatch(
      /cannot start any token.*Deckhouse's hook/,
    );
    // Tab-indented JSON is a flow mapping with tabs inside: fine for go-yaml.
    expect(loadPolicy(JSON_POLICY.replace(/\n {2}/g, '\n\t'), { target: 'deckhouse' }).errors).toEqual([]);
  });
});

describe('tabs: where go-yaml refuses them and where it skips them', () => {
  it.each([
    ['a line holding only a tab', `${HEADER}\t\nrules:\n- level: None\n`, 3, 1],
    ['a tab before a comment at the start of a line', `${HEADER}\t# audit\nrules:\n- level: None\n`, 3, 1],
    ['a tab after "- "', `${HEADER}rules:\n- \tlevel: None\n`, 4, 2],
    ['a tab after "-"', `${HEADER}rules:\n-\tlevel: None\n`, 4, 2],
  ])('refused: %s', (_name, text, line, column) => {
    const error = onlyError(text);
    expect(error).toMatchObject({ line, column });
    expect(error.message).toMatch(/tab|Tab/);
    expect(error.fix).toMatch(/spaces/);
  });

  it.each([
    ['after "key:" (a simple key ends the chance of another)', `${HEADER}rules:\n- level:\tNone\n`],
    ['after a value, before a comment', `${HEADER}rules:\t# all\n- level: None\t\n`],
    ['after "---"', `---\t\n${HEADER}rules:\n- level: None\n`],
    ['inside a flow list', `${HEADER}rules: [\t{level: None,\tverbs: [get]}]\n`],
  ])('skipped: %s', (_name, text) => {
    expect(parsePolicy(text).errors).toEqual([]);
  });

  // yaml_parser_scan_plain_scalar: after a plain value the scan runs on over blank lines looking for a
  // continuation, and skips a tab there unless it stands left of the value's indentation (the enclosing block
  // collection's column + 1: "found a tab character that violate indentation"). After a quoted value or "]" the
  // same line goes to yaml_parser_scan_to_next_token, where a tab at a line's start cannot start a token.
  const RULES_TEXT = (blank: string, level = 'None'): string =>
    `${HEADER}rules:\n  - level: ${level}\n    users:\n    - system:kube-proxy\n${blank}\n  - level: Metadata\n`;
  it.each([
    ['a blank line of spaces then a tab, past the indentation', RULES_TEXT('      \t')],
    ['an indented comment after spaces and a tab', RULES_TEXT('        \t# kube-proxy watches')],
    ['spaces up to the indentation, then a tab', RULES_TEXT('     \t')],
  ])('skipped after a plain value: %s', (_name, text) => {
    const result = parsePolicy(text);
    expect(result.errors).toEqual([]);
    expect(result.policy?.rules).toHaveLength(2);
  });

  it.each([
    ['a tab at the start of a blank line', RULES_TEXT('\t'), 7, 1],
    ['a tab left of the indentation', RULES_TEXT('    \t'), 7, 5],
  ])('refused after a plain value: %s', (_name, text, line, column) => {
    const error = onlyError(text);
    expect(error).toMatchObject({ line, column });
    expect(error.message).toMatch(/found a tab character that violate indentation/);
    expect(error.fix).toMatch(/spaces/);
  });

  it('a plain value continued on a line that starts with a tab: refused left of the indentation, read past it', () => {
    const line = (blank: string) =>
      `${HEADER}rules:\n  - level: None\n    users:\n    - system:kube-proxy\n${blank}and-more\n  - level: Metadata\n`;
    expect(parsePolicy(line('    \t')).errors[0]).toMatchObject({ line: 7, column: 5 });
    expect(parsePolicy(line('    \t')).errors[0].message).toMatch(/[Tt]ab/);
    // Past the indentation the tab is part of the folded value's blanks: "system:kube-proxy and-more".
    const past = parsePolicy(line('     \t'));
    expect(past.errors).toEqual([]);
    expect(past.policy?.rules[0].users).toEqual(['system:kube-proxy and-more']);
  });

  it('the same blank line after a quoted value is refused: no plain scalar scan skips it', () => {
    const text = `${HEADER}rules:\n  - level: None\n    users:\n    - "system:kube-proxy"\n      \t\n  - level: Metadata\n`;
    expect(onlyError(text)).toMatchObject({ line: 7, column: 7 });
    expect(onlyError(text).message).toMatch(/cannot start any token/);
  });
});

// yaml_parser_scan_block_scalar_breaks (scannerc.go): in a block scalar's body the spaces are eaten up to the
// scalar's indentation; a tab before that column is refused ("found a tab character where an indentation space
// is expected"), a tab past it is content, on a blank line too. Values below are what go-yaml's block scalar
// scan builds from these lines (indentation 6, "|" keeps the line breaks).
describe('tabs inside block scalars', () => {
  const BLOCK = (...lines: string[]): string =>
    `${HEADER}rules:\n  - level: None\n    userGroups:\n    - |\n${lines.join('\n')}\n`;

  it.each([
    [
      'a blank line of spaces then a tab past the indentation',
      BLOCK('      a', '        \t', '      b'),
      'a\n  \t\nb\n',
    ],
    ['a tab inside a line and right after the indentation', BLOCK('      a\tb', '      \tc'), 'a\tb\n\tc\n'],
  ])('read: %s', (_name, text, value) => {
    const result = parsePolicy(text);
    expect(result.errors).toEqual([]);
    expect(result.policy?.rules[0].userGroups).toEqual([value]);
  });

  it('a tab among the leading blanks while the indentation is still unknown is refused', () => {
    const error = onlyError(BLOCK('      \t', '      a'));
    expect(error).toMatchObject({ line: 7, column: 7 });
    expect(error.message).toMatch(/found a tab character where an indentation space is expected/);
    expect(error.fix).toMatch(/spaces/);
  });

  it('an explicit indentation indicator sets the column a tab must not stand left of', () => {
    // "|2" under the list at column 4: indentation 6, so the tab at column 7 is content and at column 5 is not.
    const text = (line: string) =>
      `${HEADER}rules:\n  - level: None\n    userGroups:\n    - |2\n      a\n${line}\n`;
    expect(parsePolicy(text('      \tb')).policy?.rules[0].userGroups).toEqual(['a\n\tb\n']);
    // Left of it go-yaml refuses the file; the yaml package refuses it first, for the short indentation.
    expect(parsePolicy(text('    \t')).errors[0]).toMatchObject({ line: 8 });
    expect(parsePolicy(text('    \t')).policy).toBeUndefined();
  });
});

// go-yaml v2's is_break (yamlprivateh.go) takes NEL (U+0085), LS (U+2028) and PS (U+2029) as line breaks, and
// read_line (scannerc.go) writes NEL as "\n" inside values ("NEL . LF") but keeps LS/PS as themselves ("LS|PS .
// LS|PS", never folded into a space). YAML read by kube-apiserver is read the same way here.
describe('NEL, LS and PS: line breaks to go-yaml', () => {
  const TEXT = `${HEADER}rules:\n  - level: Metadata # all\n    users: ["alice", bob]\n  - level: None\n`;

  it.each([
    ['NEL', '\u0085'],
    ['LS', '\u2028'],
    ['PS', '\u2029'],
  ])('%s as the line end between tokens (and after a comment) reads as LF', (_name, ch) => {
    const lf = parsePolicy(TEXT);
    expect(lf.policy?.rules).toHaveLength(2);
    const result = parsePolicy(TEXT.replace(/\n/g, ch));
    expect(result.errors).toEqual([]);
    expect(result.policy).toEqual(lf.policy);
  });

  it('NEL inside a value is a line break there: folded into a space, as go-yaml folds "\\n"', () => {
    const result = parsePolicy(TEXT.replace('bob', 'b\u0085ob'));
    expect(result.errors).toEqual([]);
    expect(result.policy?.rules[0].users).toEqual(['alice', 'b ob']);
    // In a block scalar it is kept as "\n".
    const block = `${HEADER}rules:\n  - level: None\n    users:\n    - |\n      a\u0085      b\n`;
    expect(parsePolicy(block).policy?.rules[0].users).toEqual(['a\nb\n']);
  });

  it.each([
    ['LS', '\u2028', 'U+2028'],
    ['PS', '\u2029', 'U+2029'],
  ])('%s inside a value is refused at its place: go-yaml keeps the character there', (_name, ch, code) => {
    const text = TEXT.replace('bob', `b${ch}ob`);
    const error = onlyError(text);
    const at = text.indexOf(ch);
    expect(error).toMatchObject({ line: 5, column: at - text.lastIndexOf('\n', at) });
    expect(error.message).toContain(`the character ${code} inside a value`);
    expect(error.fix).toMatch(/escape/);
  });
});

// go-yaml checks no indentation inside a flow collection (yaml_parser_unroll_indent returns at once while
// flow_level > 0) or a quoted value (yaml_parser_scan_flow_scalar stops only at its quote or a document marker),
// so continuation lines at column 0 load in kube-apiserver; they load here too, and positions stay the file's.
describe('flow collections and quoted values continued left of their block', () => {
  it('a flow list continued at column 0 loads as go-yaml reads it', () => {
    const result = parsePolicy(`${HEADER}rules:\n  - level: Metadata\n    verbs: [get,\nlist, watch]\n`);
    expect(result.errors).toEqual([]);
    expect(result.policy?.rules[0].verbs).toEqual(['get', 'list', 'watch']);
  });

  it('a quoted value continued at column 0 folds as go-yaml folds it', () => {
    const result = parsePolicy(
      `${HEADER}rules:\n  - level: Metadata\n    users:\n    - "system:kube-\nproxy"\n`,
    );
    expect(result.errors).toEqual([]);
    expect(result.policy?.rules[0].users).toEqual(['system:kube- proxy']);
  });

  it('an error on such a line names the column in the file', () => {
    const text = `${HEADER}rules:\n  - level: Metadata\n    resources: [{group: "",\nresources: [pods], bogus: 1}]\n`;
    const result = parsePolicy(text);
    expect(result.policy).toBeUndefined();
    const error = result.errors.find((e) => e.message.includes('bogus'));
    expect(error).toMatchObject({ line: 6, column: 20 });
  });

  it('a document marker at column 0 inside a flow list is still refused (go-yaml reads "---" there)', () => {
    const result = parsePolicy(`${HEADER}rules:\n  - level: Metadata\n    verbs: [get,\n--- list]\n`);
    expect(result.policy).toBeUndefined();
    expect(result.errors.length).toBeGreaterThan(0);
  });
});

// Text kube-apiserver sniffs as JSON is read by encoding/json, where NEL, LS and PS inside a string are ordinary
// characters (and refused outside one); Deckhouse's hook reads the same text with go-yaml, where they break lines.
describe('NEL and LS in a JSON policy', () => {
  const json = (user: string) =>
    JSON.stringify({
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [{ level: 'None', users: [user] }],
    });

  it('kube-apiserver keeps them in the string', () => {
    expect(parsePolicy(json('a\u0085b')).policy?.rules[0].users).toEqual(['a\u0085b']);
    expect(parsePolicy(json('a\u2028b')).policy?.rules[0].users).toEqual(['a\u2028b']);
  });

  it("Deckhouse's hook reads them as go-yaml: NEL folded into a space, LS inside a value refused", () => {
    expect(parsePolicy(json('a\u0085b'), { target: 'deckhouse' }).policy?.rules[0].users).toEqual(['a b']);
    const error = parsePolicy(json('a\u2028b'), { target: 'deckhouse' }).errors[0];
    expect(error.message).toContain('the character U+2028 inside a value');
  });

  it('outside a string both refuse the JSON', () => {
    expect(parsePolicy(`${json('a')}\u2028`).errors[0].message).toMatch(/^invalid JSON/);
  });
});
