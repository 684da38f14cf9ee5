import { Chart, Testing, Yaml } from 'cdk8s';
import { ManifestValidator } from '../../src/constructs/schema-validation';

const validator = new ManifestValidator();

/** A synthesized object: untyped JSON that tests navigate freely (checked against the schemas instead). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Manifest = Record<string, any>;

/** Synthesizes a chart, checks every object against the CRD schemas, and returns the objects. */
export function synthValid(chart: Chart): Manifest[] {
  const objects = Testing.synth(chart) as Manifest[];
  expect(validator.validateAll(objects)).toEqual([]);
  return objects;
}

/** The objects of one kind. */
export function ofKind(objects: Manifest[], kind: string): Manifest[] {
  return objects.filter((o) => o.kind === kind);
}

/** The synth error message of a chart that must fail validation. */
export function synthError(chart: Chart): string {
  try {
    Testing.synth(chart);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected synth to fail');
}

/** The YAML `app.synth()` writes for a chart (cdk8s's own writer), for snapshots. */
export function yamlOf(chart: Chart): string {
  return Yaml.stringify(...Testing.synth(chart));
}
