// The CRD's `x-kubernetes-validations` (CEL) rules that ajv cannot run, read as data: the two rule shapes
// ClusterLogDestination uses. A rule of another shape throws, so a changed CRD is noticed in the tests.
import { isSchemaObject } from './schema-walk';

/** What one CEL rule of a schema position forbids. */
export interface CelRule {
  /** The CRD's message for a violation. */
  readonly message: string;
  /** `!([...].exists(k, k in self))`: map keys that must not be used. */
  readonly forbiddenKeys?: readonly string[];
  /** `self != "x"`: a value that must not be used. */
  readonly forbiddenValue?: string;
}

const FORBIDDEN_KEYS = /^!\(\[([^\]]*)\]\.exists\((\w+), \2 in self\)\)$/;
const FORBIDDEN_VALUE = /^self != "((?:[^"\\]|\\.)*)"$/;

/** The CEL rules of one schema position (none when it has no `x-kubernetes-validations`). */
export function celRules(schema: unknown): CelRule[] {
  const rules = isSchemaObject(schema) ? schema['x-kubernetes-validations'] : undefined;
  if (!Array.isArray(rules)) return [];
  return rules.map((rule: { rule?: unknown; message?: unknown }) => {
    const text = String(rule.rule).trim();
    const message = String(rule.message ?? text);
    const keys = FORBIDDEN_KEYS.exec(text);
    if (keys) {
      const list = [...keys[1].matchAll(/'([^']*)'/g)].map((m) => m[1]);
      return { message, forbiddenKeys: list };
    }
    const value = FORBIDDEN_VALUE.exec(text);
    if (value) return { message, forbiddenValue: JSON.parse(`"${value[1]}"`) as string };
    throw new Error(`unsupported x-kubernetes-validations rule: ${text}`);
  });
}
