import { loadPolicy, parsePolicy } from '../../src/policy/parse';
import { renderPolicy } from '../../src/policy/render';
import { validatePolicy } from '../../src/policy/validate';

// The loader "never throws" and its limits bound time and memory: an options value of the wrong type
// (untyped JavaScript, a number read from a config file) must give a problem naming the option, never an
// exception, an internal message, or a silently dropped size limit.

const VALID = 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n';
const MISCASED = 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - Level: Metadata\n';

describe('loader options of the wrong type', () => {
  const BOTH = [loadPolicy, parsePolicy];
  test.each<[string, Record<string, unknown>, RegExp, typeof BOTH]>([
    ['kubernetesVersion a number', { kubernetesVersion: 1.36 }, /kubernetesVersion.*"1\.32"/, [loadPolicy]],
    ['target unknown', { target: 'kubelet' }, /target.*"kube-apiserver" or "deckhouse".*"kubelet"/, BOTH],
    ['target a number', { target: 5 }, /target.*"kube-apiserver" or "deckhouse"/, BOTH],
    ['maxBytes a string', { maxBytes: '1048576' }, /maxBytes.*a number of bytes/, BOTH],
    ['maxBytes NaN', { maxBytes: Number.NaN }, /maxBytes.*a number of bytes/, BOTH],
    ['maxBytes negative', { maxBytes: -1 }, /maxBytes.*a number of bytes/, BOTH],
    ['options a string', 'deckhouse' as never, /options.*an options object/, BOTH],
  ])(
    '%s: a problem naming the option, for a valid and an invalid policy',
    (_name, options, message, loaders) => {
      for (const text of [VALID, MISCASED]) {
        for (const load of loaders) {
          let result: ReturnType<typeof loadPolicy> | undefined;
          expect(() => (result = load(text, options as never))).not.toThrow();
          expect(result!.policy).toBeUndefined();
          expect(result!.errors.map((e) => e.message).join('\n')).toMatch(message);
          expect(result!.errors.map((e) => e.message).join('\n')).not.toMatch(
            /Cannot read|is not a function/,
          );
        }
      }
    },
  );

  test('a size limit that is not a number is not silently dropped: a 2 MiB policy is still refused', () => {
    const big = VALID + `    users: [${'u,'.repeat(1_000_000)}u]\n`;
    expect(loadPolicy(big, { maxBytes: 'x' } as never).errors).not.toHaveLength(0);
  });

  test('validatePolicy and renderPolicy: a non-string kubernetesVersion is the one kubernetesVersion error', () => {
    const policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
    const errors = validatePolicy(policy, { kubernetesVersion: 1.36 as never });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      type: 'FieldValueInvalid',
      field: 'kubernetesVersion',
      badValue: 1.36,
    });
    expect(() => renderPolicy(policy as never, { kubernetesVersion: 5 as never })).toThrow(
      /kubernetesVersion/,
    );
  });
});
