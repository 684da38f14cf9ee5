/**
 * Checks synthesized objects against the Deckhouse schemas (imports/schemas, generated without prose by
 * scripts/import-crds.ts) before anything is written: a ModuleConfig or log-shipper object that its CRD would
 * refuse, or control-plane-manager settings Deckhouse would reject, fails synth instead of the Argo CD sync.
 * Stricter than the apiserver: an unknown field is an error here, where the apiserver would silently prune it.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { valueAtPointer } from './json-values';
import { formatProblem, PropProblem } from './messages';
import { applyDefaults, isSchemaObject, mapSubschemas } from './schema-walk';
import { reduceSchemaErrors, SchemaError } from './schema-errors';
import clusterLogDestinationV1alpha1 from '../../imports/schemas/clusterlogdestination.v1alpha1.json';
import clusterLoggingConfigV1alpha1 from '../../imports/schemas/clusterloggingconfig.v1alpha1.json';
import clusterLoggingConfigV1alpha2 from '../../imports/schemas/clusterloggingconfig.v1alpha2.json';
import controlPlaneManagerSettings from '../../imports/schemas/control-plane-manager.settings.json';
import moduleConfigV1alpha1 from '../../imports/schemas/moduleconfig.v1alpha1.json';
import podLoggingConfigV1alpha1 from '../../imports/schemas/podloggingconfig.v1alpha1.json';

type Schema = Record<string, unknown>;

/** The schema file (in imports/schemas) of each Deckhouse kind we emit, by `apiVersion/kind`. */
export const CRD_SCHEMA_FILES: Readonly<Record<string, string>> = {
  'deckhouse.io/v1alpha1/ModuleConfig': 'moduleconfig.v1alpha1.json',
  'deckhouse.io/v1alpha1/ClusterLogDestination': 'clusterlogdestination.v1alpha1.json',
  'deckhouse.io/v1alpha1/ClusterLoggingConfig': 'clusterloggingconfig.v1alpha1.json',
  'deckhouse.io/v1alpha2/ClusterLoggingConfig': 'clusterloggingconfig.v1alpha2.json',
  'deckhouse.io/v1alpha1/PodLoggingConfig': 'podloggingconfig.v1alpha1.json',
};

/** The control-plane-manager settings schema file in imports/schemas. */
export const CONTROL_PLANE_MANAGER_SETTINGS_FILE = 'control-plane-manager.settings.json';

/** Where the control-plane-manager settings sit in their ModuleConfig (JSON pointer). */
export const SETTINGS_POINTER = '/spec/settings';

const BUNDLED_SCHEMAS: Readonly<Record<string, unknown>> = {
  'moduleconfig.v1alpha1.json': moduleConfigV1alpha1,
  'clusterlogdestination.v1alpha1.json': clusterLogDestinationV1alpha1,
  'clusterloggingconfig.v1alpha1.json': clusterLoggingConfigV1alpha1,
  'clusterloggingconfig.v1alpha2.json': clusterLoggingConfigV1alpha2,
  'podloggingconfig.v1alpha1.json': podLoggingConfigV1alpha1,
  [CONTROL_PLANE_MANAGER_SETTINGS_FILE]: controlPlaneManagerSettings,
};

/** The schemas shipped with the package, by file name. */
export function bundledSchema(file: string): Schema {
  const schema = BUNDLED_SCHEMAS[file];
  if (schema === undefined) throw new Error(`no bundled schema ${file}`);
  return schema as Schema;
}

/** The schema of ClusterLogDestination v1alpha1 (description-free, from the CRD). */
export const CLUSTER_LOG_DESTINATION_SCHEMA = bundledSchema('clusterlogdestination.v1alpha1.json');

/**
 * Drops `x-` extension keys (ajv does not know them) and, where a schema is an object with listed
 * properties and does not preserve unknown fields, forbids other properties.
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
 */
export function kubernetesAjv(): Ajv {
  return new Ajv({
    allErrors: true,
    strict: false,
    unicodeRegExp: false,
    validateFormats: false,
    verbose: true,
  });
}

// The apiserver defaults an object before it validates it (so a `cef` block without a codec is judged with
// the default codec, JSON): validate a defaulted copy, never the caller's object.
function defaulted(schema: Schema, value: unknown): unknown {
  const copy = structuredClone(value);
  applyDefaults(schema, copy);
  return copy;
}

// The value the caller wrote at the error's field (ajv saw the defaulted copy); a bad key name stays.
function withValueFrom(object: unknown, error: SchemaError): SchemaError {
  if (error.keyword === 'propertyNames' || error.keyword === 'required') return error;
  if (
    error.keyword === 'pattern' &&
    error.field !== error.path &&
    error.value === error.field.slice(error.path.length + 1)
  ) {
    return error;
  }
  return { ...error, value: valueAtPointer(object, error.field) };
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

// core/v1 Secret: the fields we emit, checked by hand (no CRD schema for core types).
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

/** `Kind/name` of an object, as messages name it. */
export function objectId(object: Record<string, unknown>): string {
  return `${String(object.kind)}/${String((object.metadata as Schema | undefined)?.name)}`;
}

/** Validates Kubernetes objects against the Deckhouse schemas; errors read "<kind>/<name>: <path> <message>". */
export class ManifestValidator {
  private readonly ajv = kubernetesAjv();
  private readonly crds = new Map<string, { validate: ValidateFunction; schema: Schema }>();
  private settings?: { validate: ValidateFunction; schema: Schema };

  /** `schemaFor` supplies a schema by file name (default: the schemas bundled with the package). */
  public constructor(
    private readonly schemaFor: (file: string) => Schema = bundledSchema,
    private readonly cpmSettingsSchema?: Schema,
  ) {}

  /**
   * The schema errors of one object (empty = valid), one per mistake: of a `oneOf`/`anyOf`, only the
   * alternative the object chose is reported (see schema-errors.ts). Core v1 Secrets are not covered here.
   */
  public errorsOf(object: Record<string, unknown>): SchemaError[] {
    const kind = String(object.kind);
    const key = `${String(object.apiVersion)}/${kind}`;
    const file = CRD_SCHEMA_FILES[key];
    if (!file) return [];
    let compiled = this.crds.get(key);
    if (!compiled) {
      const schema = this.schemaFor(file);
      compiled = { validate: compileCrdSchema(this.ajv, schema), schema };
      this.crds.set(key, compiled);
    }
    const { validate, schema } = compiled;
    const id = objectId(object);
    const errors: SchemaError[] = [];
    if (!validate(defaulted(schema, object)))
      errors.push(...reduceSchemaErrors(validate.errors ?? [], id, '').map((e) => withValueFrom(object, e)));
    if (
      kind === 'ModuleConfig' &&
      (object.metadata as Schema | undefined)?.name === 'control-plane-manager'
    ) {
      const settings = (object.spec as Schema | undefined)?.settings ?? {};
      errors.push(...this.settingsErrors(settings, id));
    }
    return errors;
  }

  /**
   * The errors of control-plane-manager settings (the `spec.settings` of its ModuleConfig) against the
   * settings schema; paths are given from the ModuleConfig's root (`/spec/settings/...`).
   */
  public settingsErrors(settings: unknown, id = 'ModuleConfig/control-plane-manager'): SchemaError[] {
    if (!this.settings) {
      const schema = this.cpmSettingsSchema ?? this.schemaFor(CONTROL_PLANE_MANAGER_SETTINGS_FILE);
      this.settings = { validate: this.ajv.compile(prepareSchema(schema) as Schema), schema };
    }
    const { validate, schema } = this.settings;
    if (validate(defaulted(schema, settings))) return [];
    return reduceSchemaErrors(validate.errors ?? [], id, SETTINGS_POINTER).map((e) =>
      withValueFrom({ spec: { settings } }, e),
    );
  }

  /** Errors of one object as text (empty = valid). */
  public validate(object: Record<string, unknown>): string[] {
    const id = objectId(object);
    if (object.apiVersion === 'v1' && object.kind === 'Secret')
      return validateSecret(object).map((e) => `${id}: ${e}`);
    const key = `${String(object.apiVersion)}/${String(object.kind)}`;
    if (!CRD_SCHEMA_FILES[key]) return [`${id}: no schema for ${key}`];
    return this.errorsOf(object).map(schemaErrorText);
  }

  /** Errors of many objects. */
  public validateAll(objects: readonly Record<string, unknown>[]): string[] {
    return objects.flatMap((o) => this.validate(o));
  }
}

/**
 * "<kind>/<name>: <path> <message>"; settings errors name their path inside the settings
 * (`settings/apiserver/...`), as Deckhouse's own message does.
 */
export function schemaErrorText(error: SchemaError): string {
  const path = error.path.startsWith(`${SETTINGS_POINTER}/`)
    ? `settings${error.path.slice(SETTINGS_POINTER.length)}`
    : error.path === SETTINGS_POINTER
      ? 'settings'
      : error.path;
  return `${error.object}: ${path} ${error.message}`;
}

let shared: ManifestValidator | undefined;

/** The validator over the bundled schemas, compiled once per process on first use. */
export function sharedValidator(): ManifestValidator {
  shared ??= new ManifestValidator();
  return shared;
}

/**
 * Says which prop of a construct set the field a schema error is about: the error as a problem of that
 * prop, `{ setBy }` naming a pass-through prop that carries the field as it is (the message then names
 * the object's field and that prop), or undefined (an escape-hatch patch, or a field no prop sets).
 */
export type SchemaErrorRoute = (error: SchemaError) => PropProblem | { readonly setBy: string } | undefined;

/**
 * The schema errors of the API objects under `scope`, as synth-time validation messages with a fix
 * (for `node.addValidation`). With `route`, an error about a field a prop sets reads as a problem of
 * that prop; the others name the object and its field.
 */
export function schemaErrors(scope: IConstruct, route?: SchemaErrorRoute): string[] {
  const validator = sharedValidator();
  const suffix = (setBy?: string) =>
    ': the object does not conform to its Deckhouse schema. Fix: correct the prop that sets this field ' +
    `(${setBy ? `${setBy}; ` : ''}see imports/schemas for the allowed values)`;
  return (
    scope.node
      .findAll()
      // isApiObject, not instanceof: the app may hold another copy of cdk8s than this package resolves.
      .filter((c): c is ApiObject => ApiObject.isApiObject(c))
      .flatMap((o) => {
        const object = o.toJson() as Record<string, unknown>;
        if (!CRD_SCHEMA_FILES[`${String(object.apiVersion)}/${String(object.kind)}`]) {
          return validator.validate(object).map((text) => `${text}${suffix()}`);
        }
        return validator.errorsOf(object).map((error) => {
          const routed = route?.(error);
          if (routed !== undefined && 'field' in routed) return formatProblem(routed);
          return `${schemaErrorText(error)}${suffix(routed?.setBy)}`;
        });
      })
  );
}

/** The `ErrorObject` type of ajv, for modules that read errors. */
export type { ErrorObject };
