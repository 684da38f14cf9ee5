/**
 * Checks synthesized objects against the Deckhouse schemas (imports/schemas, generated without prose by
 * scripts/import-crds.ts) before anything is written: a ModuleConfig or log-shipper object that its CRD would
 * refuse, or control-plane-manager settings Deckhouse would reject, fails synth instead of the Argo CD sync.
 * Stricter than the apiserver: an unknown field is an error here, where the apiserver would silently prune it.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { valueAtPointer } from './json-values';
import { formatProblem, PropProblem } from './messages';
import { applyDefaults } from './schema-walk';
import { reduceSchemaErrors, SchemaError } from './schema-errors';
import { SCHEMA_DIRECTORY } from './schema-problems';
import { compileSchema, CONTROL_PLANE_MANAGER_SETTINGS_FILE, kubernetesAjv } from './schema-compile';
import { BUNDLED_VALIDATORS } from '../../imports/schemas/validators';
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

export { CONTROL_PLANE_MANAGER_SETTINGS_FILE };

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

/** A schema's validator and the schema itself (whose defaults are applied before validating). */
interface SchemaCheck {
  readonly validate: ValidateFunction;
  readonly schema: Schema;
}

/**
 * Validates Kubernetes objects against the Deckhouse schemas; errors read "<kind>/<name>: <path> <message>".
 * Over the bundled schemas it runs the validators precompiled by `npm run import`
 * (imports/schemas/*.validate.ts), loading each on first use; given other schemas it compiles them with ajv
 * on first use, as the precompiled ones were (src/constructs/schema-compile.ts).
 */
export class ManifestValidator {
  private ajv?: Ajv;
  private readonly checks = new Map<string, SchemaCheck>();

  /**
   * `schemaFor` supplies a schema by file name (default: the schemas bundled with the package, checked by
   * their precompiled validators); `cpmSettingsSchema` replaces the control-plane-manager settings schema.
   */
  public constructor(
    private readonly schemaFor?: (file: string) => Schema,
    private readonly cpmSettingsSchema?: Schema,
  ) {}

  // The check of one schema file, made on first use: the precompiled validator of a bundled schema, or
  // the run-time compile of a schema the caller gave.
  private checkOf(file: string): SchemaCheck {
    let check = this.checks.get(file);
    if (check) return check;
    const given =
      file === CONTROL_PLANE_MANAGER_SETTINGS_FILE && this.cpmSettingsSchema
        ? this.cpmSettingsSchema
        : this.schemaFor?.(file);
    if (given === undefined) {
      const precompiled = BUNDLED_VALIDATORS[file];
      if (!precompiled) throw new Error(`no bundled validator for ${file}: run \`npm run import\``);
      check = { validate: precompiled(), schema: bundledSchema(file) };
    } else {
      this.ajv ??= kubernetesAjv();
      check = { validate: compileSchema(this.ajv, file, given), schema: given };
    }
    this.checks.set(file, check);
    return check;
  }

  /**
   * The schema errors of one object (empty = valid), one per mistake: of a `oneOf`/`anyOf`, only the
   * alternative the object chose is reported (see schema-errors.ts). Core v1 Secrets are not covered here.
   */
  public errorsOf(object: Record<string, unknown>): SchemaError[] {
    const kind = String(object.kind);
    const file = CRD_SCHEMA_FILES[`${String(object.apiVersion)}/${kind}`];
    if (!file) return [];
    const { validate, schema } = this.checkOf(file);
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
    const { validate, schema } = this.checkOf(CONTROL_PLANE_MANAGER_SETTINGS_FILE);
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
    `(${setBy ? `${setBy}; ` : ''}see ${SCHEMA_DIRECTORY} for the allowed values)`;
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
