// Props from untyped JavaScript, or from a variable (which TypeScript's excess-property check does not see),
// may hold a misspelt key: the construct would ignore it and synthesize something other than what was
// written (`basicAuditPolicyEnable: false` left the built-in rules on). Each construct lists its props as a
// `Record<keyof Props, true>`, which the compiler keeps complete, and refuses any other key at once, where the
// stack points at the user's line (as a mistyped assertion is refused).
import { IConstruct } from 'constructs';
import { shapeOf } from '../policy/arguments';
import { firstUnknownKey } from '../policy/did-you-mean';

/**
 * A construct's props are wrong: the message names the construct path, the prop and the fix. runSynth prints
 * it with the user's line instead of a stack trace (as it prints a PolicyBuilderError).
 *
 * The message reads `[<construct path>] <field>: ...`, the prefix cdk8s gives a failed validation: a prop
 * refused at once and one refused at synth look the same in a log, a test or a grep.
 */
export class ConstructPropsError extends TypeError {
  /** The construct path, e.g. `my-chart/audit`. */
  public readonly path: string;
  constructor(path: string, message: string) {
    super(constructMessage(path, message));
    this.name = 'ConstructPropsError';
    this.path = path;
  }
}

/** `[<construct path>] <message>`: the one prefix of every construct error, as cdk8s reports validations. */
export function constructMessage(path: string, message: string): string {
  return `[${path}] ${message}`;
}

/**
 * Throws a ConstructPropsError when `construct` is not inside a cdk8s Chart: its ApiObjects need one (cdk8s throws
 * "cannot find a parent chart (directly or indirectly)", which names neither the construct nor the fix). Looked up
 * by walking the scopes and asking cdk8s's own Chart.isChart, so a consumer's other copy of cdk8s counts too.
 */
export function checkInChart(construct: IConstruct, isChart: (x: unknown) => boolean): void {
  for (const scope of construct.node.scopes) if (isChart(scope)) return;
  throw new ConstructPropsError(
    construct.node.path,
    'scope: received a construct outside any Chart (the App itself?), expected a Chart or a construct inside ' +
      "one: cdk8s writes the objects of Charts. Fix: create it in a Chart, e.g. new Chart(app, 'audit')",
  );
}

/** The props of a construct (or of one of its prop objects) as a complete list the compiler checks. */
export type PropKeys<T> = Readonly<Record<keyof T, true>>;

/**
 * Throws a ConstructPropsError `[<path>] <field>.<key>: not a known prop ...` when `value` has a key `known` lacks (with did-you-mean), or, unless
 * `optional`, is not an object (an optional prop of another type is left to the construct's validation).
 */
export function checkPropKeys(
  path: string,
  field: string,
  value: unknown,
  known: Readonly<Record<string, true>>,
  optional = true,
): void {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  // An optional prop of the wrong type is reported by the construct's own validation, as its prop.
  if (optional && !isObject) return;
  if (!isObject)
    throw new ConstructPropsError(path, `${field}: received ${shapeOf(value)}, expected an object`);
  const unknown = firstUnknownKey(Object.keys(value), Object.keys(known), 'props');
  if (unknown !== undefined) {
    throw new ConstructPropsError(
      path,
      `${field}.${unknown.key}: not a known prop, and would be ignored; ${unknown.fix}`,
    );
  }
}

/** Throws a ConstructPropsError `[<path>] <field>: received ..., expected ...` unless `value` is undefined or one of `allowed`. */
export function checkPropValue(
  path: string,
  field: string,
  value: unknown,
  allowed: readonly unknown[],
): void {
  if (value === undefined || allowed.includes(value)) return;
  throw new ConstructPropsError(
    path,
    `${field}: received ${JSON.stringify(value) ?? shapeOf(value)}, expected ${allowed
      .map((a) => JSON.stringify(a))
      .join(' or ')}`,
  );
}

/** Throws a ConstructPropsError `[<path>] <field>: received ..., expected a list of ...` unless `value` is undefined or a list. */
export function checkPropList(path: string, field: string, value: unknown, of: string): void {
  if (value === undefined || Array.isArray(value)) return;
  throw new ConstructPropsError(path, `${field}: received ${shapeOf(value)}, expected a list of ${of}`);
}

/**
 * Throws a ConstructPropsError for the Argo CD props every construct shares (ArgoCdOptions, and `syncWave`
 * where a construct has one): `argoCdAnnotations` true or false (a string 'no' is truthy), `syncWave` an
 * integer.
 */
export function checkArgoCdProps(
  path: string,
  props: { readonly argoCdAnnotations?: unknown; readonly syncWave?: unknown },
): void {
  checkPropValue(path, 'argoCdAnnotations', props.argoCdAnnotations, [true, false]);
  const wave = props.syncWave;
  // Argo CD reads the annotation with Go's strconv.Atoi and, when that fails, silently puts the object in wave 0
  // (gitops-engine pkg/sync/syncwaves/waves.go, Wave): an integer past 2^53 is written in exponent form from 1e21
  // ("1e+21", which Atoi refuses) and is not the number written below that, so only safe integers are taken.
  if (wave === undefined || Number.isSafeInteger(wave)) return;
  throw new ConstructPropsError(
    path,
    `syncWave: received ${JSON.stringify(wave) ?? shapeOf(wave)}, expected an integer from ` +
      `${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER} (Argo CD reads the wave as an integer and puts an ` +
      'annotation it cannot read in wave 0). Fix: give a small whole number, e.g. -1',
  );
}
