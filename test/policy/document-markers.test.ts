/**
 * The document caps of the policy and manifest readers (document-markers.ts): a Secret-sized file of `---`
 * lines is read up to the cap, with a warning naming the line where the unread documents start.
 */
import { findPolicies } from '../../src/cli/policy-input';
import { MAX_MANIFEST_DOCUMENTS } from '../../src/cli/manifest';
import { laterDocumentsStart } from '../../src/policy/document-markers';
import { parsePolicy } from '../../src/policy/parse';
import { MAX_POLICY_DOCUMENTS } from '../../src/policy/yaml-document';
import { HEADER } from '../support/parse-errors';

const POLICY = `${HEADER}rules:\n  - level: None\n`; // 4 lines

describe('laterDocumentsStart', () => {
  it('counts `---` at a line start followed by a blank or the end, a marker opening the text as document 1', () => {
    expect(laterDocumentsStart('a: 1\n---\nb: 2\n---\nc: 3\n', 2)).toBe(14);
    expect(laterDocumentsStart('---\na: 1\n---\nb: 2\n', 1)).toBe(9);
    expect(laterDocumentsStart('---\na: 1\n---\nb: 2\n', 2)).toBe(-1);
    expect(laterDocumentsStart('a: 1\n--- # two\nb: 2\n---\n', 2)).toBe(20);
    // Not markers: four dashes, text after the dashes, dashes inside a line.
    expect(laterDocumentsStart('a: 1\n----\nb: ---\n---x\n  ---\n', 1)).toBe(-1);
  });
});

describe(`a policy followed by more than ${MAX_POLICY_DOCUMENTS} documents`, () => {
  it('is read with a warning at the first unread one; fewer documents read as before', () => {
    const many = parsePolicy(POLICY + '---\n'.repeat(150));
    expect(many.errors).toEqual([]);
    expect(many.policy?.rules).toEqual([{ level: 'None' }]);
    // The 100th "---" (line 4 + 100) starts document 101.
    expect(many.warnings[0]).toMatchObject({
      message: expect.stringMatching(/^more than 100 YAML documents: those from here on are not read/),
      line: 104,
      column: 1,
    });
    const few = parsePolicy(POLICY + '---\n'.repeat(50));
    expect(few.warnings.some((w) => w.message.startsWith('more than'))).toBe(false);
  });

  it('a second policy among the documents read is still an error', () => {
    // The second document starts at its "---" (line 5).
    const text = `${POLICY}---\n${POLICY}${'---\n'.repeat(200)}`;
    expect(parsePolicy(text).errors.map((e) => [e.message.slice(0, 24), e.line])).toEqual([
      ['a second YAML document: ', 5],
    ]);
  });
});

describe(`a manifest of more than ${MAX_MANIFEST_DOCUMENTS} documents`, () => {
  test('the documents up to the cap are read, a warning names the line of the rest', () => {
    const secret =
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: audit-policy\n  namespace: kube-system\n' +
      `data:\n  audit-policy.yaml: ${Buffer.from(POLICY).toString('base64')}\n`; // 7 lines
    const configMaps = Array.from(
      { length: MAX_MANIFEST_DOCUMENTS + 5 },
      (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`,
    );
    const found = findPolicies('m.yaml', [secret, ...configMaps].join('---\n'));
    expect(found.errors).toEqual([]);
    expect(found.sources.map((s) => s.label)).toEqual(['m.yaml[data.audit-policy.yaml]']);
    // Document 10,001 starts after the Secret (7 lines + "---") and 9,999 ConfigMaps of 4 lines each.
    expect(found.warnings).toEqual([
      expect.objectContaining({
        message: `more than ${MAX_MANIFEST_DOCUMENTS} YAML documents: those from here on are not read`,
        line: 8 + 4 * (MAX_MANIFEST_DOCUMENTS - 1),
        column: 1,
      }),
    ]);
  });
});
