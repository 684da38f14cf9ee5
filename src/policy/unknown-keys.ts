// Keys of a policy object that no audit.k8s.io/v1 field has. kube-apiserver's lenient decode drops such a key,
// so a misspelt `verb:` or `resource:` silently widens a rule (k8s-audit-semantics.md §2.3). The strict loader
// refuses them in text; the builder, the evaluator's entry points and the renderer refuse them in the objects
// they are given (untyped JavaScript, or a variable, which TypeScript's excess-property check does not see).
import { FIELDS_OF, PolicyObjectKind } from './policy-fields';
import { unknownFieldFix } from './unknown-field-fix';

/** One key no field has: where it is (`rules[0].verb`) and the fix (did-you-mean, or where it belongs). */
export interface UnknownKey {
  readonly field: string;
  readonly fix: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of `object`, a `kind` at `path`, that are not its fields (nor in `allowed`). */
export function unknownKeysOf(
  object: Record<string, unknown>,
  kind: PolicyObjectKind,
  path: string,
  allowed: readonly string[] = [],
): UnknownKey[] {
  const fields = FIELDS_OF[kind];
  return Object.keys(object)
    .filter((key) => !fields.includes(key) && !allowed.includes(key))
    .map((key) => ({ field: path === '' ? key : `${path}.${key}`, fix: unknownFieldFix(key, kind) }));
}

/** The unknown keys of a rule at `path` and of its resources entries (entries that are not objects skipped). */
export function ruleUnknownKeys(
  rule: Record<string, unknown>,
  path: string,
  allowed: readonly string[] = [],
) {
  const keys = unknownKeysOf(rule, 'rule', path, allowed);
  if (Array.isArray(rule.resources)) {
    rule.resources.forEach((entry, i) => {
      if (isObject(entry)) keys.push(...unknownKeysOf(entry, 'resources entry', `${path}.resources[${i}]`));
    });
  }
  return keys;
}

/**
 * Every unknown key of a policy object: its top level, its rules, their resources entries. Values that are
 * not objects are skipped (validatePolicy reports their type).
 */
export function policyUnknownKeys(policy: Record<string, unknown>): UnknownKey[] {
  const keys = unknownKeysOf(policy, 'policy', '');
  if (Array.isArray(policy.rules)) {
    policy.rules.forEach((rule, i) => {
      if (isObject(rule)) keys.push(...ruleUnknownKeys(rule, `rules[${i}]`));
    });
  }
  return keys;
}

/** Unknown keys as one sentence of an error: `rules[0].verb (did you mean "verbs"?); ...`, at most `max`. */
export function describeUnknownKeys(keys: readonly UnknownKey[], max = 3): string {
  const shown = keys.slice(0, max).map((k) => `${k.field} (${k.fix})`);
  const more = keys.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}
