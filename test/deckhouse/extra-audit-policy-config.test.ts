// Deckhouse's hook (modules/040-control-plane-manager/hooks/audit_policy.go, filterConfigMap) decodes
// data.basicAuditPolicy with sigs.k8s.io/yaml.Unmarshal (lenient, not UnmarshalStrict) into
// struct{ ServiceAccounts []string `yaml:"serviceAccounts"` }: go-yaml v2 then encoding/json. The expected
// values below follow from those decoders, not from this package's output.
import { MAX_YAML_ENTRIES } from '../../src/policy/yaml-entries';
import { parseExtraAuditPolicyConfig } from '../../src/deckhouse/basic-rules';

describe('parseExtraAuditPolicyConfig reads data.basicAuditPolicy as the hook does', () => {
  it('matches the serviceAccounts key case-insensitively (encoding/json), so serviceaccounts is read', () => {
    for (const key of ['serviceaccounts', 'SERVICEACCOUNTS', 'ServiceAccounts', '\u017ferviceAccounts']) {
      const result = parseExtraAuditPolicyConfig(`${key}:\n- system:serviceaccount:d8-istio:istiod\n`);
      expect(result.errors).toEqual([]);
      expect(result.serviceAccounts).toEqual(['system:serviceaccount:d8-istio:istiod']);
      expect(result.warnings).toEqual([]);
    }
  });

  it('lets the last key in sorted (json.Marshal) order win when two spellings are given', () => {
    // "serviceAccounts" < "serviceaccounts" in byte order: the lower-case key's list is the one decoded last.
    const result = parseExtraAuditPolicyConfig(
      'serviceaccounts: []\nserviceAccounts:\n- system:serviceaccount:a:b\n',
    );
    expect(result.errors).toEqual([]);
    expect(result.serviceAccounts).toEqual([]);
    expect(result.warnings[0].message).toMatch(/only "serviceaccounts" is used/);
  });

  it('keeps the last of two identical keys (lenient go-yaml), not an error', () => {
    const result = parseExtraAuditPolicyConfig(
      'serviceAccounts:\n- system:serviceaccount:a:first\nserviceAccounts:\n- system:serviceaccount:a:second\n',
    );
    expect(result.errors).toEqual([]);
    expect(result.serviceAccounts).toEqual(['system:serviceaccount:a:second']);
  });

  it('writes YAML 1.1 booleans and numbers as their Go text, and a null entry as "", with warnings', () => {
    // convertToJSONableObject: bool -> "true"/"false", ints via FormatInt (0x1F = 31), floats via
    // FormatFloat(f, 'g', -1, 32); go-yaml v2 has no sexagesimal numbers, so 1:30 stays a string.
    const result = parseExtraAuditPolicyConfig(
      'serviceAccounts:\n- yes\n- off\n- 0x1F\n- 1.5\n- 1:30\n- ~\n',
    );
    expect(result.errors).toEqual([]);
    expect(result.serviceAccounts).toEqual(['true', 'false', '31', '1.5', '1:30', '']);
    expect(result.warnings.map((w) => w.field)).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `data.basicAuditPolicy.serviceAccounts[${i}]`),
    );
  });

  it('reads only the first YAML document, as go-yaml Unmarshal does', () => {
    const result = parseExtraAuditPolicyConfig(
      'serviceAccounts: [system:serviceaccount:a:one]\n---\nserviceAccounts: [system:serviceaccount:a:two]\n',
    );
    expect(result.serviceAccounts).toEqual(['system:serviceaccount:a:one']);
    expect(result.warnings[0].message).toMatch(/reads only the first/);
  });

  it('keeps duplicates (appended verbatim) and warns about them; flags names no ServiceAccount can have', () => {
    const result = parseExtraAuditPolicyConfig(
      'serviceAccounts:\n- system:serviceaccount:a:b\n- system:serviceaccount:a:b\n- system:serviceaccount:A:b\n- "system:serviceaccount:a:b "\n',
    );
    expect(result.serviceAccounts).toEqual([
      'system:serviceaccount:a:b',
      'system:serviceaccount:a:b',
      'system:serviceaccount:A:b',
      'system:serviceaccount:a:b ',
    ]);
    expect(result.warnings.map((w) => w.field)).toEqual(
      [1, 2, 3].map((i) => `data.basicAuditPolicy.serviceAccounts[${i}]`),
    );
    expect(result.warnings[0].message).toMatch(/listed twice/);
  });

  it('gives positions for problems', () => {
    const result = parseExtraAuditPolicyConfig('serviceAccounts:\n- system:serviceaccount:a:b\n- {x: 1}\n');
    expect(result.errors[0]).toMatchObject({
      line: 3,
      column: 3,
      field: 'data.basicAuditPolicy.serviceAccounts[1]',
    });
  });
});

describe('parseExtraAuditPolicyConfig on a ConfigMap value too large to read', () => {
  test('10^5 nested brackets: refused at the bracket past the loader depth, not parsed', () => {
    const parsed = parseExtraAuditPolicyConfig(`serviceAccounts: ${'['.repeat(100_000)}`);
    expect(parsed.serviceAccounts).toEqual([]);
    expect(parsed.errors).toEqual([
      expect.objectContaining({
        message: 'data.basicAuditPolicy: nests lists and mappings more than 100 levels deep, not read',
        line: 1,
        column: 18 + 100,
      }),
    ]);
  });

  test('more entries than the policy loader reads: refused at the first one past it', () => {
    const names = Array.from({ length: MAX_YAML_ENTRIES }, (_, i) => `system:serviceaccount:ns:sa-${i}`);
    const text = `serviceAccounts: [${names.join(',')}]\n`;
    const parsed = parseExtraAuditPolicyConfig(text);
    expect(parsed.serviceAccounts).toEqual([]);
    // serviceAccounts is the first entry, so the last name is the one past the limit.
    expect(parsed.errors).toEqual([
      expect.objectContaining({
        message: 'data.basicAuditPolicy: holds more than 50000 list items and mapping entries, not read',
        line: 1,
        column: text.lastIndexOf(',') + 1,
      }),
    ]);
  });
});
