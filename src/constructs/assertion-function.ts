// An assertion given as a function (`assertions: [(effective) => findings]`) runs at synth. What it returns is
// checked before any of it is used: a malformed finding used to surface as a TypeError with a stack trace from
// deep inside the synth checks, an unknown severity was shown as a warning, and a ruleIndex outside the policy
// named a rule that does not exist.
import { Finding, EffectivePolicy } from '../policy/types';
import { describeValue } from './messages';

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];

// A Promise (an async function) is a value like any other here: synth is synchronous and never awaits it.
function isThenable(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}

/** What is wrong with one returned finding, or undefined when it is a Finding of this policy. */
function findingProblem(value: unknown, rules: number): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `received ${describeValue(value)}, expected a finding object`;
  const f = value as Record<string, unknown>;
  if (typeof f.code !== 'string' || f.code === '')
    return `code: received ${describeValue(f.code)}, expected a non-empty string`;
  if (typeof f.severity !== 'string' || !SEVERITIES.includes(f.severity))
    return `severity: received ${describeValue(f.severity)}, expected "error", "warning" or "info"`;
  if (typeof f.message !== 'string')
    return `message: received ${describeValue(f.message)}, expected a string`;
  if (!Number.isInteger(f.ruleIndex) || (f.ruleIndex as number) < -1 || (f.ruleIndex as number) >= rules)
    return rules === 0
      ? `ruleIndex: received ${describeValue(f.ruleIndex)}, expected -1 (the effective policy has no rules)`
      : `ruleIndex: received ${describeValue(f.ruleIndex)}, expected -1 (the whole policy) or the index of one ` +
          `of the effective policy's ${rules} rules (0 to ${rules - 1})`;
  if (f.fix !== undefined && typeof f.fix !== 'string')
    return `fix: received ${describeValue(f.fix)}, expected a string when given`;
  if (f.layer !== undefined && typeof f.layer !== 'string')
    return `layer: received ${describeValue(f.layer)}, expected a string when given`;
  return undefined;
}

/**
 * Runs the assertion function `assertions[index]` on the effective policy: its findings when it returned a list of
 * well-formed ones, else one error per problem (naming the prop, what was received and the fix).
 */
export function runAssertionFunction(
  fn: (effective: EffectivePolicy) => readonly Finding[],
  effective: EffectivePolicy,
  index: number,
): { findings: Finding[]; errors: string[] } {
  const at = `assertions[${index}]`;
  const fix = 'return an array of findings ({ code, severity, ruleIndex, message, fix? }), [] when all holds';
  let returned: unknown;
  try {
    returned = fn(effective);
  } catch (error) {
    const message = error instanceof Error ? error.message : describeValue(error);
    return { findings: [], errors: [`${at}: threw ${message}. Fix: ${fix} instead of throwing`] };
  }
  if (isThenable(returned)) {
    return {
      findings: [],
      errors: [
        `${at}: returned a Promise (an async function?), expected the findings themselves: synth runs ` +
          `assertions synchronously and never awaits them. Fix: ${fix}, computed without await`,
      ],
    };
  }
  if (!Array.isArray(returned)) {
    return {
      findings: [],
      errors: [`${at}: returned ${describeValue(returned)}, expected an array of findings. Fix: ${fix}`],
    };
  }
  const rules = effective.policy.rules.length;
  const errors = returned.flatMap((item, j) => {
    const problem = findingProblem(item, rules);
    return problem === undefined ? [] : [`${at}: returned finding [${j}]: ${problem}. Fix: ${fix}`];
  });
  return errors.length > 0 ? { findings: [], errors } : { findings: returned as Finding[], errors: [] };
}
