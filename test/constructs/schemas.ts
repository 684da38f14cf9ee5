/**
 * Validates synthesized objects against the description-free schemas in imports/schemas (generated
 * from the Deckhouse CRDs by scripts/import-crds.ts) with ajv, stricter than the apiserver: an
 * unknown field is an error here (the apiserver would silently prune it).
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';

/** imports/schemas in the repository. */
export const SCHEMA_DIR = path.resolve(__dirname, '../../imports/schemas');

type Schema = Record<string, unknown>;

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
const SCHEMA_ONE = new Set(['items', 'additionalProperties', 'not']);
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf']);

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Drops `x-` extension keys (ajv does not know them) and, where a schema is an object with listed
 * properties and does not preserve unknown fields, forbids other properties.
 */
export function prepareSchema(schema: unknown, closeObjects = true): unknown {
  if (!isObject(schema)) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-')) continue;
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, prepareSchema(v, closeObjects)]),
      );
    } else if (SCHEMA_ONE.has(key) && isObject(value)) {
      out[key] = prepareSchema(value, closeObjects);
    } else if (SCHEMA_LIST.has(key) && Array.isArray(value)) {
      out[key] = value.map((v) => prepareSchema(v, closeObjects));
    } else {
      out[key] = value;
    }
  }
  const preserves = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (
    closeObjects &&
    schema.type === 'object' &&
    isObject(schema.properties) &&
    !preserves &&
    !('additionalProperties' in schema)
  ) {
    out.additionalProperties = false;
  }
  return out;
}

/** An ajv instance for Kubernetes schemas: Go regexes (no `u` flag), unknown formats ignored. */
export function kubernetesAjv(): Ajv {
  return new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
}

/** Reads a JSON schema file from imports/schemas (or another directory). */
export function readSchema(file: string, dir = SCHEMA_DIR): Schema {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Schema;
}

/** Compiles a CRD version schema for whole objects (apiVersion/kind/metadata allowed at the root). */
export function compileCrdSchema(ajv: Ajv, schema: Schema): ValidateFunction {
  const prepared = prepareSchema(schema) as Schema;
  const properties = {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    ...(prepared.properties as Schema),
  };
  return ajv.compile({ ...prepared, properties });
}

const CRD_SCHEMAS: Record<string, string> = {
  'deckhouse.io/v1alpha1/ModuleConfig': 'moduleconfig.v1alpha1.json',
  'deckhouse.io/v1alpha1/ClusterLogDestination': 'clusterlogdestination.v1alpha1.json',
  'deckhouse.io/v1alpha1/ClusterLoggingConfig': 'clusterloggingconfig.v1alpha1.json',
  'deckhouse.io/v1alpha2/ClusterLoggingConfig': 'clusterloggingconfig.v1alpha2.json',
  'deckhouse.io/v1alpha1/PodLoggingConfig': 'podloggingconfig.v1alpha1.json',
};

/** Validates Kubernetes objects; returns readable errors (empty = valid). */
export class ManifestValidator {
  private readonly ajv = kubernetesAjv();
  private readonly crds = new Map<string, ValidateFunction>();
  private readonly cpmSettings: ValidateFunction;

  public constructor(
    private readonly schemaFor: (file: string) => Schema = (file) => readSchema(file),
    cpmSettingsSchema?: Schema,
  ) {
    this.cpmSettings = this.ajv.compile(
      prepareSchema(cpmSettingsSchema ?? schemaFor('control-plane-manager.settings.json')) as Schema,
    );
  }

  /** Errors of one object ("<kind>/<name>: <path> <message>"). */
  public validate(object: Record<string, unknown>): string[] {
    const kind = String(object.kind);
    const name = String((object.metadata as Schema | undefined)?.name);
    const id = `${kind}/${name}`;
    if (object.apiVersion === 'v1' && kind === 'Secret')
      return validateSecret(object).map((e) => `${id}: ${e}`);
    const key = `${String(object.apiVersion)}/${kind}`;
    const file = CRD_SCHEMAS[key];
    if (!file) return [`${id}: no schema for ${key}`];
    let validate = this.crds.get(key);
    if (!validate) {
      validate = compileCrdSchema(this.ajv, this.schemaFor(file));
      this.crds.set(key, validate);
    }
    const errors: string[] = [];
    if (!validate(object))
      errors.push(...(validate.errors ?? []).map((e) => `${id}: ${e.instancePath} ${e.message}`));
    if (kind === 'ModuleConfig' && name === 'control-plane-manager') {
      const settings = (object.spec as Schema | undefined)?.settings ?? {};
      if (!this.cpmSettings(settings)) {
        errors.push(
          ...(this.cpmSettings.errors ?? []).map((e) => `${id}: settings${e.instancePath} ${e.message}`),
        );
      }
    }
    return errors;
  }

  /** Errors of many objects. */
  public validateAll(objects: readonly Record<string, unknown>[]): string[] {
    return objects.flatMap((o) => this.validate(o));
  }
}

// core/v1 Secret: the fields we emit, checked by hand (no CRD schema for core types here).
function validateSecret(object: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const allowed = new Set(['apiVersion', 'kind', 'metadata', 'data', 'type', 'immutable', 'stringData']);
  for (const key of Object.keys(object)) if (!allowed.has(key)) errors.push(`unknown field ${key}`);
  const data = object.data as Schema | undefined;
  for (const [key, value] of Object.entries(data ?? {})) {
    if (!/^[-._a-zA-Z0-9]+$/.test(key)) errors.push(`data key ${key} is not a valid Secret key`);
    if (typeof value !== 'string' || Buffer.from(value, 'base64').toString('base64') !== value) {
      errors.push(`data.${key} is not canonical base64`);
    }
  }
  return errors;
}
