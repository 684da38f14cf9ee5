import { ParseOptions, parsePolicy } from '../../src/policy/parse';
import { Problem } from '../../src/policy/types';

// What the policy reader's tests build on: a policy's first two lines, and its one error.

/** The apiVersion and kind lines every policy text starts with. */
export const HEADER = 'apiVersion: audit.k8s.io/v1\nkind: Policy\n';

/** The single error of a parse, failing the test when there is not exactly one (and a policy came out). */
export function onlyError(input: string | Uint8Array, options: ParseOptions = {}): Problem {
  const result = parsePolicy(input, options);
  expect(result.errors).toHaveLength(1);
  expect(result.policy).toBeUndefined();
  return result.errors[0];
}
