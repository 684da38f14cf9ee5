// Turns ajv's errors (allErrors, verbose) into one error per mistake, each naming the field it is about.
import type { ErrorObject } from 'ajv';
import { escapePointerSegment, unescapePointerSegment } from './json-values';

/** One schema violation of an object, after the alternatives of `oneOf`/`anyOf` were resolved. */
export interface SchemaError {
  /** `Kind/name` of the object. */
  readonly object: string;
  /** JSON pointer (from the object's root) of the value that failed, as ajv reports it. */
  readonly path: string;
  /**
   * JSON pointer of the field the mistake is about: `path`, or for a missing, unknown, forbidden or
   * badly named property, `path` + `/` + that property.
   */
  readonly field: string;
  /** The ajv keyword that failed (`enum`, `pattern`, `type`, `required`, `additionalProperties`, ...). */
  readonly keyword: string;
  /** ajv's message with the detail that makes it actionable (the allowed values, the unknown field). */
  readonly message: string;
  /** The value at `field` (the key itself for a bad property name; undefined when missing). */
  readonly value: unknown;
  /** `enum`: the allowed values. */
  readonly allowed?: readonly unknown[];
  /** `pattern`: the regular expression (Go syntax, as the CRD writes it). */
  readonly pattern?: string;
  /** `anyOf` (and an unresolved `oneOf`): what each alternative wants. */
  readonly alternatives?: readonly string[];
  /** `additionalProperties`: the required property the unknown one is probably a misspelling of. */
  readonly didYouMean?: string;
  /**
   * The schema position of `field`, dotted and without indexes: `spec.vector.endpoint`,
   * `spec.kafka.bootstrapServers[]`, `spec.extraLabels.*` (settings: `apiserver.auditLog.path`).
   */
  readonly location: string;
}

type Params = {
  additionalProperty?: string;
  allowedValues?: unknown[];
  missingProperty?: string;
  pattern?: string;
  propertyName?: string;
  passingSchemas?: unknown;
};

const COMBINATORS = new Set(['oneOf', 'anyOf', 'propertyNames']);

function params(error: ErrorObject): Params {
  return error.params as Params;
}

/** The detail-rich message of one ajv error. */
function errorText(error: ErrorObject): string {
  const p = params(error);
  if (error.keyword === 'additionalProperties' && p.additionalProperty !== undefined)
    return `${error.message}: "${p.additionalProperty}"`;
  if (error.keyword === 'enum' && p.allowedValues !== undefined)
    return `${error.message}: ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'not') {
    const names = forbiddenNames(error);
    if (names.length > 0) return `must NOT have ${names.map((n) => `"${n}"`).join(', ')} here`;
  }
  return error.message ?? error.keyword;
}

// The property names a `not: { required }` / `not: { anyOf: [{ required }] }` forbids and the value has.
function forbiddenNames(error: ErrorObject): string[] {
  const schema = error.schema as { required?: string[]; anyOf?: Array<{ required?: string[] }> } | undefined;
  const names = [...(schema?.required ?? []), ...(schema?.anyOf ?? []).flatMap((s) => s.required ?? [])];
  const data = error.data as Record<string, unknown> | undefined;
  return names.filter((n) => data !== null && typeof data === 'object' && n in data);
}

// "#/properties/spec/properties/kafka/properties/bootstrapServers/items/pattern" -> "spec.kafka.bootstrapServers[]"
function schemaLocation(schemaPath: string, extra?: string): string {
  const segments = schemaPath.replace(/^#\/?/, '').split('/');
  segments.pop(); // the keyword
  let out = '';
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === 'properties' && i + 1 < segments.length) {
      out += `${out ? '.' : ''}${unescapePointerSegment(segments[++i])}`;
    } else if (segment === 'items') out += '[]';
    else if (segment === 'additionalProperties') out += `${out ? '.' : ''}*`;
    else if (segment === 'oneOf' || segment === 'anyOf' || segment === 'allOf') i++;
    // not, propertyNames: the location stays the object's
  }
  if (extra !== undefined) out += `${out ? '.' : ''}${extra}`;
  return out;
}

function isChildOf(child: string, parent: string): boolean {
  const rest = child.slice(parent.length);
  return child.startsWith(`${parent}/`) && rest.lastIndexOf('/') === 0;
}

// Whether an error's value is the combinator's value or inside it.
function within(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

// Index of the alternative a branch error belongs to ("<combinator>/<n>/...").
function branchOf(error: ErrorObject, combinator: ErrorObject): number {
  return Number(error.schemaPath.slice(combinator.schemaPath.length + 1).split('/')[0]);
}

/**
 * Keeps one error per mistake. An `anyOf` becomes one error listing its alternatives. Of a failed
 * `oneOf`, the alternative the value chose (the one whose discriminator, an `enum` on a direct property,
 * did not fail) is reported instead of every alternative; when none or several qualify, the `oneOf`
 * itself, with its alternatives. A bad property name (`propertyNames`) becomes one error about that key.
 */
function resolveAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  let out = [...errors];
  const combinators = out
    .filter((e) => COMBINATORS.has(e.keyword))
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const combinator of combinators) {
    if (!out.includes(combinator)) continue;
    const prefix = `${combinator.schemaPath}/`;
    // The same schema position is checked once per value it applies to (each key of an additionalProperties
    // map, each item of a list): only the errors inside this value belong to this combinator.
    const branchErrors = out.filter(
      (e) => e.schemaPath.startsWith(prefix) && within(e.instancePath, combinator.instancePath),
    );
    const without = (drop: readonly ErrorObject[]) => out.filter((e) => !drop.includes(e));
    if (combinator.keyword === 'propertyNames') {
      const inner = branchErrors.find((e) => e.keyword === 'pattern');
      const propertyName = params(combinator).propertyName ?? '';
      out = without([...branchErrors, combinator]);
      out.push({
        ...combinator,
        keyword: inner ? 'pattern' : 'propertyNames',
        params: { ...(inner?.params ?? {}), propertyName },
        message: inner
          ? `property name "${propertyName}" ${inner.message ?? ''}`.trim()
          : `property name "${propertyName}" must be valid`,
      });
      continue;
    }
    const branches = new Map<number, ErrorObject[]>();
    for (const e of branchErrors) {
      const n = branchOf(e, combinator);
      branches.set(n, [...(branches.get(n) ?? []), e]);
    }
    const alternatives = [...branches.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, list]) => list.map(errorText).join(' and '));
    if (combinator.keyword === 'oneOf' && params(combinator).passingSchemas == null) {
      const chosen = [...branches.values()].filter(
        (list) =>
          !list.some(
            (e) =>
              (e.keyword === 'enum' || e.keyword === 'const') &&
              isChildOf(e.instancePath, combinator.instancePath),
          ),
      );
      if (chosen.length === 1) {
        out = without([...branchErrors.filter((e) => !chosen[0].includes(e)), combinator]);
        continue;
      }
      // No alternative fits because the discriminator itself is not an allowed value: that enum error
      // (outside the oneOf) is the one mistake.
      const badDiscriminator = out.some(
        (e) =>
          e.keyword === 'enum' &&
          !e.schemaPath.startsWith(prefix) &&
          isChildOf(e.instancePath, combinator.instancePath),
      );
      if (badDiscriminator) {
        out = without([...branchErrors, combinator]);
        continue;
      }
    }
    out = without(branchErrors);
    const index = out.indexOf(combinator);
    out[index] = {
      ...combinator,
      params: { ...combinator.params, alternatives },
      message:
        combinator.keyword === 'anyOf'
          ? `must match one of: ${alternatives.join('; ')}`
          : `${combinator.message ?? 'must match exactly one schema in oneOf'}: ${alternatives.join('; ')}`,
    };
  }
  return out;
}

function valueAt(error: ErrorObject, name: string | undefined): unknown {
  if (name === undefined) return error.data;
  const data = error.data as Record<string, unknown> | undefined;
  return data !== null && typeof data === 'object' ? data[name] : undefined;
}

// Levenshtein distance, for names of a few dozen characters at most.
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

function similar(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  if (Math.abs(a.length - b.length) > 2 || a.length > 64 || b.length > 64) return false;
  return distance(a.toLowerCase(), b.toLowerCase()) <= (Math.min(a.length, b.length) >= 4 ? 2 : 1);
}

// A misspelt required property is one mistake: the unknown key and the missing one become one error.
function pairMisspellings(errors: SchemaError[]): SchemaError[] {
  const out: SchemaError[] = [];
  const dropped = new Set<SchemaError>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const name = error.field.slice(error.path.length + 1);
    const missing = errors.find(
      (e) =>
        e.keyword === 'required' &&
        e.path === error.path &&
        !dropped.has(e) &&
        similar(name, e.field.slice(e.path.length + 1)),
    );
    if (missing) dropped.add(missing);
  }
  for (const error of errors) {
    if (dropped.has(error)) continue;
    if (error.keyword === 'additionalProperties') {
      const name = error.field.slice(error.path.length + 1);
      const missing = [...dropped].find(
        (e) => e.path === error.path && similar(name, e.field.slice(e.path.length + 1)),
      );
      if (missing) {
        const didYouMean = missing.field.slice(missing.path.length + 1);
        out.push({ ...error, didYouMean, message: `${error.message} (did you mean "${didYouMean}"?)` });
        continue;
      }
    }
    out.push(error);
  }
  return out;
}

/**
 * The errors of one validation as {@link SchemaError}s, one per mistake. `pointerPrefix` is where the
 * validated value sits in the object (e.g. `/spec/settings` for control-plane-manager settings).
 */
export function reduceSchemaErrors(
  errors: readonly ErrorObject[],
  object: string,
  pointerPrefix: string,
): SchemaError[] {
  const reduced = resolveAlternatives(errors).map((error): SchemaError => {
    const p = params(error);
    const path = `${pointerPrefix}${error.instancePath}`;
    let name: string | undefined;
    let value: unknown;
    if (error.keyword === 'required') name = p.missingProperty;
    else if (error.keyword === 'additionalProperties') name = p.additionalProperty;
    else if (error.keyword === 'not') name = forbiddenNames(error)[0];
    if (p.propertyName !== undefined) {
      name = p.propertyName;
      value = p.propertyName;
    } else {
      value = error.keyword === 'required' ? undefined : valueAt(error, name);
    }
    const alternatives = (error.params as { alternatives?: string[] }).alternatives;
    return {
      object,
      path,
      field: name === undefined ? path : `${path}/${escapePointerSegment(name)}`,
      keyword: error.keyword,
      message: errorText(error),
      value,
      ...(p.allowedValues ? { allowed: p.allowedValues } : {}),
      ...(error.keyword === 'pattern' && p.pattern !== undefined ? { pattern: p.pattern } : {}),
      ...(alternatives ? { alternatives } : {}),
      // A bad key of a map sits at the map's `*`, like its values.
      location: schemaLocation(error.schemaPath, p.propertyName !== undefined ? '*' : name),
    };
  });
  return pairMisspellings(reduced);
}
