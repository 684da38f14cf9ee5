import { unknownFieldFix } from '../../src/policy/unknown-field-fix';
import { checkPolicyText } from '../../src/policy/policy-text';

// Keys Object.prototype has ("__proto__" from JSON.parse or YAML, "constructor", "toString") are not aliases.
test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
  'unknown key %s gets no prototype member as a fix',
  (key) => {
    for (const kind of ['policy', 'rule', 'resources entry'] as const) {
      const fix = unknownFieldFix(key, kind);
      expect(fix).not.toMatch(/object Object|function|native code/);
    }
  },
);

test('a policy text with a __proto__ key names the field and a real fix', () => {
  const result = checkPolicyText(
    'apiVersion: audit.k8s.io/v1\nkind: Policy\n__proto__: {x: 1}\nrules:\n- level: Metadata\n',
  );
  const text = JSON.stringify(result);
  expect(text).toContain('__proto__');
  expect(text).not.toContain('[object Object]');
});
