// The keys the typed builder copies into a rule, and the options it takes: a key it would drop is refused
// (unknown-keys.ts says why).
import { isRecord, shapeOf } from './arguments';
import { closestMatch } from './did-you-mean';
import { ruleUnknownKeys } from './unknown-keys';

/** One key the builder would have dropped, or a value that is not an object where one belongs. */
export interface BuilderKeyProblem {
  readonly field: string;
  readonly problem: string;
  readonly fix: string;
}

const WIDENS = 'unknown field: it would be dropped, and the rule would match more than written';

/**
 * Problems of a rule given to the builder at `path` (`rules[3]`): `match` of `rule()`/`none()`/... (`withLevel`
 * false: `level` comes from the method), or a whole rule of `append()` (`withLevel` true).
 */
export function ruleKeyProblems(rule: unknown, path: string, withLevel: boolean): BuilderKeyProblem[] {
  if (!isRecord(rule)) {
    return [
      {
        field: path,
        problem: `the ${withLevel ? 'rule' : 'match'} must be an object such as { verbs: ["get"] }, got ${shapeOf(rule)}`,
        fix: 'pass the fields of the rule as an object',
      },
    ];
  }
  const problems: BuilderKeyProblem[] = [];
  if (!withLevel && Object.prototype.hasOwnProperty.call(rule, 'level')) {
    problems.push({
      field: `${path}.level`,
      problem: 'the level comes from the method that writes the rule',
      fix: 'remove it, and call none(), metadata(), request(), requestResponse() or rule(level, match)',
    });
  }
  for (const key of ruleUnknownKeys(rule, path, withLevel ? [] : ['level'])) {
    problems.push({ field: key.field, problem: WIDENS, fix: key.fix });
  }
  return problems;
}

const OPTION_KEYS = ['omitStages', 'omitManagedFields', 'kubernetesVersion'];

/** Problems of the options of `policy(options)`: an unknown key would be dropped. */
export function optionKeyProblems(options: unknown): BuilderKeyProblem[] {
  if (!isRecord(options)) {
    return [
      {
        field: 'options',
        problem: `must be an object, got ${shapeOf(options)}`,
        fix: 'pass { omitStages, ... }',
      },
    ];
  }
  return Object.keys(options)
    .filter((key) => !OPTION_KEYS.includes(key))
    .map((key) => {
      const guess = closestMatch(key, OPTION_KEYS);
      return {
        field: key,
        problem: 'unknown option: it would be dropped',
        fix: guess ? `did you mean "${guess}"?` : `remove it; the options are ${OPTION_KEYS.join(', ')}`,
      };
    });
}

/** The problems as the builder's errors list them: `  - field: problem` and the fix on the next line. */
export function describeKeyProblems(problems: readonly BuilderKeyProblem[]): string {
  return problems.map((p) => `  - ${p.field}: ${p.problem}\n    fix: ${p.fix}`).join('\n');
}
