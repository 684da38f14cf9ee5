// How a bundled schema becomes an ajv validator: the ajv options and the schema ajv is given. Shared by
// the run-time compile (ManifestValidator given other schemas) and by scripts/import-crds.ts, which writes
// the same validators as standalone code into imports/schemas. No cdk8s import; ajv itself is required
// only when a schema is compiled: a synth over the bundled schemas runs the precompiled validators and
// never loads it (ajv costs more to load and compile than the checks it runs).
import type Ajv from 'ajv';
import type { Options, ValidateFunction } from 'ajv';
import { isSchemaObject, mapSubschemas } from './schema-walk';

type Schema = Record<string, unknown>;

/** The control-plane-manager settings schema file in imports/schemas (its config-values.yaml, stripped). */
export const CONTROL_PLANE_MANAGER_SETTINGS_FILE = 'control-plane-manager.settings.json';

/**
 * Drops `x-` extension keys (ajv does not know them; the CEL rules of `x-kubernetes-validations` are
 * checked by the constructs, see schema-cel.ts) and, where a schema is an object with listed properties
 * and does not preserve unknown fields, forbids other properties.
 */
export function prepareSchema(schema: unknown, closeObjects = true): unknown {
  if (!isSchemaObject(schema)) return schema;
  const out = mapSubschemas(
    schema,
    (sub) => prepareSchema(sub, closeObjects),
    (key) => !key.startsWith('x-'),
  );
  const preserves = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (
    closeObjects &&
    schema.type === 'object' &&
    isSchemaObject(schema.properties) &&
    !preserves &&
    !('additionalProperties' in schema)
  ) {
    out.additionalProperties = false;
  }
  return out;
}

/**
 * An ajv instance for Kubernetes schemas: Go regexes (no `u` flag), unknown formats ignored, and verbose
 * errors (the failing value and schema) so that messages can say what was received and what is allowed.
 * `code` is for the generator only (standalone source); it does not change what the validators do.
 */
export function kubernetesAjv(code?: Options['code']): Ajv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: AjvClass } = require('ajv') as typeof import('ajv');
  return new AjvClass({
    allErrors: true,
    strict: false,
    unicodeRegExp: false,
    validateFormats: false,
    verbose: true,
    ...(code ? { code } : {}),
  });
}

/**
 * The schema ajv compiles for a schema file: prepared ({@link prepareSchema}); a CRD version schema
 * validates whole objects, so apiVersion/kind/metadata are allowed at its root. The settings schema
 * ({@link CONTROL_PLANE_MANAGER_SETTINGS_FILE}) validates `spec.settings` as it is.
 */
export function validatorSchema(file: string, schema: Schema): Schema {
  const prepared = prepareSchema(schema) as Schema;
  if (file === CONTROL_PLANE_MANAGER_SETTINGS_FILE) return prepared;
  const properties = {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    ...(prepared.properties as Schema),
  };
  return { ...prepared, properties };
}

/** Compiles the validator of one schema file at run time (see {@link validatorSchema}). */
export function compileSchema(ajv: Ajv, file: string, schema: Schema): ValidateFunction {
  return ajv.compile(validatorSchema(file, schema));
}
