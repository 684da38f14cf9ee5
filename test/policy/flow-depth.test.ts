/**
 * The linear pre-check for brackets nested past MAX_NESTING_DEPTH (flow-depth.ts), which lets the policy reader
 * and the manifest reader refuse 10^5 "[" without handing them to the yaml package: it skips quoted scalars and
 * comments, and what it cannot know (a block scalar full of brackets) changes nothing for a valid policy.
 */
import { findPolicies } from '../../src/cli/policy-input';
import { deepFlowCandidate, withoutDeepFlow } from '../../src/policy/flow-depth';
import { MAX_NESTING_DEPTH, parsePolicy } from '../../src/policy/parse';
import { HEADER, onlyError } from '../support/parse-errors';

const DEEP_MESSAGE = `the document nests lists and mappings more than ${MAX_NESTING_DEPTH} levels deep; a policy needs 7`;

describe('deepFlowCandidate', () => {
  it('finds the bracket that opens level limit + 1, and nothing at the limit', () => {
    expect(deepFlowCandidate('['.repeat(MAX_NESTING_DEPTH), MAX_NESTING_DEPTH)).toBe(-1);
    expect(deepFlowCandidate(`a: ${'{b: '.repeat(MAX_NESTING_DEPTH + 1)}`, MAX_NESTING_DEPTH)).toBe(
      3 + 4 * MAX_NESTING_DEPTH,
    );
    // Closed collections give their levels back.
    expect(deepFlowCandidate('[[]]'.repeat(1000), 2)).toBe(-1);
  });

  it('skips brackets in quoted scalars (escapes and doubled quotes included) and comments', () => {
    const brackets = '['.repeat(200);
    for (const text of [
      `a: "${brackets}"`,
      `a: "\\" ${brackets}"`,
      `a: '' # ${brackets}`,
      `a: 'it''s ${brackets}'`,
      `# ${brackets}\nb: 1`,
      `a: [x, "${brackets}", '${brackets}']`,
    ]) {
      expect(deepFlowCandidate(text, MAX_NESTING_DEPTH)).toBe(-1);
    }
    // An apostrophe inside a plain word opens nothing: the brackets after it count.
    expect(deepFlowCandidate(`a: don't ${brackets}`, MAX_NESTING_DEPTH)).toBe(9 + MAX_NESTING_DEPTH);
  });
});

describe('withoutDeepFlow', () => {
  it('keeps the text when nothing is too deep, and its length, line breaks and first deep bracket otherwise', () => {
    const fine = `${HEADER}rules: [{level: None}]\n`;
    expect(withoutDeepFlow(fine, MAX_NESTING_DEPTH)).toBe(fine);
    const text = `a: ${'['.repeat(500)}\n${']'.repeat(500)}\n---\nb: [1]\n`;
    const flat = withoutDeepFlow(text, MAX_NESTING_DEPTH);
    expect(flat).toHaveLength(text.length);
    expect(flat.split('\n').length).toBe(text.split('\n').length);
    expect(flat.split('[').length - 1).toBe(MAX_NESTING_DEPTH + 1 + 1);
    expect(flat.split(']').length - 1).toBe(MAX_NESTING_DEPTH + 1 + 1);
  });
});

describe('policies with brackets the pre-check counts but YAML does not', () => {
  it('a block scalar and a plain value full of "[" load as before', () => {
    const brackets = '['.repeat(300);
    const text =
      `${HEADER}metadata:\n  annotations:\n    note: |\n      ${brackets}\n    plain: x${brackets}\n` +
      'rules:\n  - level: Metadata\n';
    const result = parsePolicy(text);
    expect(result.errors).toEqual([]);
    expect(result.policy?.rules).toEqual([{ level: 'Metadata' }]);
  });

  it('nesting past the limit after such a block scalar is still refused where it starts', () => {
    const text = `${HEADER}metadata:\n  annotations:\n    note: |\n      ${'['.repeat(300)}\nrules: ${'['.repeat(100_000)}\n`;
    // The policy mapping is level 1; "rules: " takes 7 columns, so level 101 is the 100th "[" at column 107.
    expect(onlyError(text)).toMatchObject({ message: DEEP_MESSAGE, line: 7, column: 107 });
  });
});

describe('a manifest with a closed, too deep document between two others', () => {
  test('the deep one is named at its level-101 bracket, the others are read', () => {
    const configMap = (name: string, data: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  x: ${data}\n`;
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const found = findPolicies(
      'm.yaml',
      `${configMap('before', '"1"')}---\n${configMap('deep', deep)}---\n${configMap('after', '"2"')}`,
    );
    expect(found.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^document 2 \(ConfigMap deep\): it nests lists and mappings more than 100 levels deep; /,
        ),
        // Line 6 of document 2 is line 13 of the file; the two mappings are levels 1 and 2, "  x: " takes
        // 5 columns, so level 101 is the 99th "[" at column 104.
        line: 13,
        column: 104,
      }),
      expect.objectContaining({
        message: expect.stringMatching(
          /^found 3 YAML documents \(ConfigMap before, ConfigMap after\) and none/,
        ),
      }),
    ]);
  });
});
