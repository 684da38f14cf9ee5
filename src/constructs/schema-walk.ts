// Walking an OpenAPI v3 schema by schema position (no cdk8s import: scripts/import-crds.ts uses it too).
import { isJsonObject } from './json-values';

type SchemaObject = { [key: string]: unknown };

// Keywords whose value maps names to schemas (the names are data, not keywords).
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);
// Keywords whose value is one schema, or a list of schemas.
const SCHEMA_ONE = new Set([
  'items',
  'additionalProperties',
  'not',
  'additionalItems',
  'propertyNames',
  'contains',
  'if',
  'then',
  'else',
]);
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf']);

/** True for a JSON object (not an array, not null): a schema, or a map of them. */
export function isSchemaObject(value: unknown): value is SchemaObject {
  return isJsonObject(value);
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

/**
 * The subschema at a dotted property path (`apiserver.auditLog.path`), following `properties` and, for
 * `[]`, `items`; throws when the schema has no such position (a fact the code relies on has moved).
 */
export function subschemaAt(schema: unknown, dotted: string): SchemaObject {
  let node: unknown = schema;
  for (const part of dotted.split('.')) {
    const [name, ...items] = part.split('[]');
    if (name !== '')
      node = isSchemaObject(node) && isSchemaObject(node.properties) ? node.properties[name] : undefined;
    for (let i = 0; i < items.length; i++) node = isSchemaObject(node) ? node.items : undefined;
    if (!isSchemaObject(node)) throw new Error(`the schema has no position ${dotted}`);
  }
  return node as SchemaObject;
}

/**
 * Fills in the `default` of every missing field, like the apiserver's defaulting of a structural schema
 * (before it validates): under `properties`, `additionalProperties` and `items` only, never inside
 * `oneOf`/`anyOf`/`allOf`/`not`. Mutates `value`; walks only as deep as the schema goes.
 */
export function applyDefaults(schema: unknown, value: unknown): void {
  if (!isSchemaObject(schema)) return;
  if (Array.isArray(value)) {
    if (isSchemaObject(schema.items)) for (const item of value) applyDefaults(schema.items, item);
    return;
  }
  if (!isSchemaObject(value)) return;
  const properties = isSchemaObject(schema.properties) ? schema.properties : {};
  for (const [name, sub] of Object.entries(properties)) {
    if (value[name] === undefined && isSchemaObject(sub) && 'default' in sub)
      value[name] = structuredClone(sub.default);
    applyDefaults(sub, value[name]);
  }
  if (isSchemaObject(schema.additionalProperties)) {
    for (const [name, item] of Object.entries(value)) {
      if (!(name in properties)) applyDefaults(schema.additionalProperties, item);
    }
  }
}
