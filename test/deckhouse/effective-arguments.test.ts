import { DECKHOUSE_BASIC_RULES } from '../../src/deckhouse/basic-rules';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { InvalidPolicyError } from '../../src/policy/arguments';
import { policy } from '../../src/policy/builder';

// deckhouseEffectivePolicy is the entry to every Deckhouse answer (explain, lint, assertions, packs): a wrong
// argument must fail at once with a TypeError naming the argument and the shape, never give an effective
// policy without the user's rules. The custom policy is checked as Deckhouse's hook reads the Secret
// (deckhouse-audit.md §2): its rules validated (a bad level reaches kube-apiserver and stops it), but no
// rule count and no apiVersion check, so a policy with only omitStages is fine.

const YAML_TEXT = 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n';

describe('deckhouseEffectivePolicy checks its arguments', () => {
  test.each<[string, unknown, RegExp]>([
    ['options null', null, /options must be an options object when given, got null/],
    ['options a string', 'basic', /options must be an options object when given, got a string/],
    [
      'customPolicy as YAML text (the constructs take text, this function a Policy)',
      { customPolicy: YAML_TEXT },
      /options\.customPolicy must be .*Policy.*got a string.*loadPolicy\(text, \{ target: 'deckhouse' \}\)/,
    ],
    [
      'customPolicy a list',
      { customPolicy: [{ level: 'Metadata' }] },
      /options\.customPolicy must be .*an array/,
    ],
    [
      'customPolicy rules not a list',
      { customPolicy: { rules: { level: 'Metadata' } } },
      /rules are an object/,
    ],
    [
      'basicAuditPolicyEnabled "false"',
      { basicAuditPolicyEnabled: 'false' },
      /basicAuditPolicyEnabled must be true or false/,
    ],
    ['auditPolicyEnabled 1', { auditPolicyEnabled: 1 }, /auditPolicyEnabled must be true or false/],
    ['basicRules {}', { basicRules: {} }, /basicRules must be DeckhouseBasicRules/],
    ['basicRules a list', { basicRules: [] }, /basicRules must be DeckhouseBasicRules/],
  ])('%s: TypeError', (_name, options, message) => {
    expect(() => deckhouseEffectivePolicy(options as never)).toThrow(TypeError);
    expect(() => deckhouseEffectivePolicy(options as never)).toThrow(message);
  });

  test.each<[string, Record<string, unknown>, string]>([
    // upstream ValidatePolicy's message (pkg/apis/audit/validation/validation.go), for rules[0] of the Secret.
    [
      'a level kube-apiserver refuses',
      { level: 'Bogus' },
      'rules[0].level: Unsupported value: "Bogus": supported values: "None", "Metadata", "Request", "RequestResponse"',
    ],
    [
      'a stage kube-apiserver refuses',
      { level: 'Metadata', omitStages: ['RequestRecieved'] },
      'rules[0].omitStages[0]: Invalid value: "RequestRecieved": allowed stages are RequestReceived,ResponseStarted,ResponseComplete,Panic',
    ],
    ['users as a string (would match every user)', { level: 'None', users: 'alice' }, 'rules[0].users'],
  ])('custom policy with %s: InvalidPolicyError with the field error', (_name, rule, error) => {
    const customPolicy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [rule] };
    expect(() => deckhouseEffectivePolicy({ customPolicy: customPolicy as never })).toThrow(
      InvalidPolicyError,
    );
    expect(() => deckhouseEffectivePolicy({ customPolicy: customPolicy as never })).toThrow(error);
  });

  test('what Deckhouse accepts still merges: omitStages only (no rules key), no apiVersion, a builder', () => {
    const omitOnly = deckhouseEffectivePolicy({ customPolicy: { omitStages: ['RequestReceived'] } as never });
    expect(omitOnly.policy.rules).toHaveLength(29);
    expect(omitOnly.policy.omitStages).toEqual(['RequestReceived']);
    const bare = deckhouseEffectivePolicy({ customPolicy: { rules: [{ level: 'Metadata' }] } as never });
    expect(bare.policy.rules).toHaveLength(30);
    expect(bare.origins[27]).toEqual({ layer: 'custom', index: 0 });
    // The hook never checks apiVersion (it re-serializes the merge as v1): a v1beta1 Secret still merges.
    const beta = { apiVersion: 'audit.k8s.io/v1beta1', kind: 'Policy', rules: [{ level: 'None' }] };
    expect(deckhouseEffectivePolicy({ customPolicy: beta as never }).policy.apiVersion).toBe(
      'audit.k8s.io/v1',
    );
    const built = deckhouseEffectivePolicy({ customPolicy: policy().metadata() });
    expect(built.policy.rules[27]).toEqual({ level: 'Metadata' });
    expect(deckhouseEffectivePolicy({ basicRules: DECKHOUSE_BASIC_RULES }).policy.rules).toHaveLength(29);
  });
});

describe("a custom policy object with a key the hook's strict decode refuses", () => {
  // sigs.k8s.io/yaml UnmarshalStrict into the audit v1 type (deckhouse-audit.md §2): unknown keys fail the
  // module run; keys match fields case-insensitively, as encoding/json matches them.
  test.each<[string, Record<string, unknown>, RegExp]>([
    [
      'verb for verbs (would widen the rule to every verb)',
      { rules: [{ level: 'None', verb: ['get'] }] },
      /customPolicy\.rules\[0\]\.verb is not a field .* \(did you mean verbs\?\)/,
    ],
    [
      'resource inside a GroupResources entry',
      { rules: [{ level: 'Metadata', resources: [{ group: '', resource: ['pods'] }] }] },
      /customPolicy\.rules\[0\]\.resources\[0\]\.resource is not a field .* \(did you mean resources\?\)/,
    ],
    [
      'a top-level key of another kind',
      { rules: [{ level: 'Metadata' }], spec: {} },
      /customPolicy\.spec is not a field of the audit\.k8s\.io\/v1 type/,
    ],
  ])('%s', (_name, customPolicy, message) => {
    expect(() => deckhouseEffectivePolicy({ customPolicy: customPolicy as never })).toThrow(message);
  });

  test('a known field in another case is that field (encoding/json matches case-insensitively)', () => {
    const effective = deckhouseEffectivePolicy({
      customPolicy: {
        OmitStages: ['ResponseStarted'],
        rules: [{ Level: 'Metadata', Verbs: ['get'] }],
      } as never,
    });
    expect(effective.policy.rules[27]).toMatchObject({ level: 'Metadata', verbs: ['get'] });
    expect(effective.policy.omitStages).toEqual(['ResponseStarted']);
    expect(() =>
      deckhouseEffectivePolicy({ customPolicy: { rules: [{ level: 'None', Level: 'Metadata' }] } as never }),
    ).toThrow(/rules\[0\] sets level twice/);
  });
});
