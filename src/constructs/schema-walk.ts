// Walking an OpenAPI v3 schema by schema position (no cdk8s import: scripts/import-crds.ts uses it too).

type SchemaObject = { [key: string]: unknown };

// Keywords whose value maps names to schemas (the names are data, not keywords).
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);
// Keywords whose value is one schema, or a list of schemas.
const SCHEMA_ONE = new Set(['items', 'additionalProperties', 'not', 'additionalItems']);
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf']);

/** True for a JSON object (not an array, not null). */
export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of one schema object without the keys `keep` refuses, every subschema replaced by `visit(sub)`;
 * values in non-schema positions (a property NAMED `description`, `default`, `enum`) are copied as they are.
 */
export function mapSubschemas(
  schema: SchemaObject,
  visit: (sub: unknown) => unknown,
  keep: (key: string) => boolean = () => true,
): SchemaObject {
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!keep(key)) continue;
    if (SCHEMA_MAPS.has(key) && isSchemaObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, visit(sub)]));
    } else if (SCHEMA_ONE.has(key) && isSchemaObject(value)) {
      out[key] = visit(value);
    } else if (SCHEMA_LIST.has(key) && Array.isArray(value)) {
      out[key] = value.map(visit);
    } else {
      out[key] = value;
    }
  }
  return out;
}
