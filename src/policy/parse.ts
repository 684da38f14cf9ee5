/**
 * The policy loader: strict decoding (parsePolicy) and what the cluster does when it reads the policy
 * (loadPolicy), stricter: kube-apiserver's --audit-policy-file, or Deckhouse's custom policy Secret.
 */
import { quote } from './echo';
import { fieldErrorProblemMessage } from './field-error';
import { PolicyTarget } from './policy-target';
import { PolicyText } from './policy-text';
import { ProblemList } from './problem-list';
import { fixForFieldError } from './validation-fixes';
import { formatFieldErrors, validatePolicy } from './validate';
import { DecodeResult, decodePolicyText, SourcePosition } from './yaml-decode';
import { FieldError, ParseResult, Policy, Problem, VersionOptions } from './types';

export { AUDIT_API_VERSION } from './yaml-decode';
export { MAX_NESTING_DEPTH } from './yaml-document';
export { MAX_LISTED_PROBLEMS } from './problem-list';
import { SECRET_SIZE_LIMIT_BYTES } from './policy-text';
export { SECRET_SIZE_LIMIT_BYTES };
export type { PolicyText } from './policy-text';
export type { PolicyTarget } from './policy-target';

/** The error kube-apiserver returns for a policy without rules (it then refuses to start). */
export const ZERO_RULES_MESSAGE = 'loaded illegal policy with 0 rules';

/** Options of parsePolicy. */
export interface ParseOptions {
  /**
   * Who reads the policy: `kube-apiserver` (an `--audit-policy-file`) or `deckhouse` (the custom policy in
   * Secret kube-system/audit-policy, merged by Deckhouse's hook before kube-apiserver reads it). The checks
   * are the same except the rule count; the messages say what that reader would do.
   * @default 'kube-apiserver'
   */
  target?: PolicyTarget;
  /**
   * Largest accepted policy, in bytes of UTF-8.
   * @default SECRET_SIZE_LIMIT_BYTES (1 MiB: a larger Secret is refused by Kubernetes)
   */
  maxBytes?: number;
}

/** Options of loadPolicy. */
export interface LoadOptions extends ParseOptions, VersionOptions {}

const TARGETS: readonly PolicyTarget[] = ['kube-apiserver', 'deckhouse'];

function optionProblem(option: string, expected: string, got: unknown): Problem {
  const shown = typeof got === 'string' ? quote(got) : typeof got === 'number' ? String(got) : typeof got;
  return {
    message: `${option}: expected ${expected}, got ${shown}`,
    field: option,
    fix: `pass ${expected} (or leave ${option} out for the default)`,
  };
}

// Options of the wrong type (untyped callers) are problems like any other, never an exception from deep
// inside, and never a size limit that silently stops applying.
function optionProblems(options: unknown, withVersion: boolean): Problem[] {
  if (options === undefined) return [];
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    return [optionProblem('options', 'an options object', options)];
  const { target, maxBytes, kubernetesVersion } = options as Record<string, unknown>;
  const problems: Problem[] = [];
  if (target !== undefined && !TARGETS.includes(target as PolicyTarget))
    problems.push(optionProblem('target', '"kube-apiserver" or "deckhouse"', target));
  if (maxBytes !== undefined && !(typeof maxBytes === 'number' && maxBytes >= 0))
    problems.push(optionProblem('maxBytes', 'a number of bytes, 0 or more', maxBytes));
  if (withVersion && kubernetesVersion !== undefined && typeof kubernetesVersion !== 'string')
    problems.push(
      optionProblem('kubernetesVersion', 'a Kubernetes version such as "1.32"', kubernetesVersion),
    );
  return problems;
}

/**
 * Strictly decodes a YAML or JSON audit policy, given as a string or as UTF-8 bytes: unknown, mis-cased and
 * duplicate keys, a second document, YAML 1.1 booleans/numbers in string fields, any apiVersion but
 * audit.k8s.io/v1, control characters, invalid UTF-8, more than `maxBytes`, nesting deeper than
 * MAX_NESTING_DEPTH and aliases beyond go-yaml's expansion rule are errors with line, column, field path and a
 * fix. `policy` is present only when there are no errors. Never throws; time and memory are linear in the input.
 */
export function parsePolicy(text: PolicyText, options: ParseOptions = {}): ParseResult {
  const wrong = optionProblems(options, false);
  if (wrong.length > 0) return { errors: wrong, warnings: [] };
  const decoded = decodePolicyText(text, options);
  return {
    ...(decoded.policy ? { policy: decoded.policy } : {}),
    errors: decoded.errors,
    warnings: decoded.warnings,
  };
}

/**
 * Loads a policy as the cluster does (decode, ValidatePolicy for the target Kubernetes version, and for
 * kube-apiserver the zero-rules check), stricter: `errors` is empty exactly when the cluster will accept the
 * policy. With `target: 'deckhouse'` a policy without rules is accepted (Deckhouse's hook does not count them:
 * its omitStages then apply to the built-in rules; the merged policy is what must have rules). `policy` is
 * present whenever decoding succeeded, even when validation failed. Errors are capped at MAX_LISTED_PROBLEMS.
 */
export function loadPolicy(text: PolicyText, options: LoadOptions = {}): ParseResult {
  const { policy, errors, warnings } = loadLocatedPolicy(text, options);
  return policy ? { policy, errors, warnings } : { errors, warnings };
}

/**
 * loadPolicy, plus the line and column where each rule (`rules[i]`) starts in the text: the CLI prints them
 * beside a rule, and takes them from this one parse instead of reading the YAML again. Empty when decoding
 * failed.
 * @internal
 */
export function loadLocatedPolicy(
  text: PolicyText,
  options: LoadOptions = {},
): ParseResult & { rulePositions: Array<SourcePosition | undefined> } {
  const wrong = optionProblems(options, true);
  if (wrong.length > 0) return { errors: wrong, warnings: [], rulePositions: [] };
  const decoded = decodePolicyText(text, options);
  if (!decoded.policy) return { errors: decoded.errors, warnings: decoded.warnings, rulePositions: [] };
  const policy = decoded.policy;
  const rulePositions = policy.rules.map((_, i) => {
    const offset = decoded.offsets.get(`rules[${i}]`);
    return offset === undefined ? undefined : decoded.locate(offset);
  });
  const errors = new ProblemList('error');
  for (const error of validatePolicy(policy, options)) {
    if (errors.listing) errors.add(validationProblem(error, policy, decoded));
    else errors.skip();
  }
  if (policy.rules.length === 0 && (options.target ?? 'kube-apiserver') === 'kube-apiserver') {
    const offset = decoded.offsets.get('rules');
    const where = offset === undefined ? { line: 1, column: 1 } : decoded.locate(offset);
    errors.add({
      message: ZERO_RULES_MESSAGE,
      field: 'rules',
      line: where.line,
      column: where.column,
      fix: 'add at least one rule, e.g. "rules:" then "- level: Metadata"; kube-apiserver does not start with an empty policy',
    });
  }
  const warnings = [...decoded.warnings];
  const expanded = expandedSizeWarning(policy, text, options);
  if (expanded) warnings.push(expanded);
  return { policy, errors: errors.toArray(), warnings, rulePositions };
}

/**
 * A policy whose YAML aliases expand it far beyond its text: the cluster accepts it (go-yaml's aliasing rule
 * allows about 1.2 million nodes in a 1 MiB document), but Deckhouse writes the merged policy, expanded, to
 * every master and kube-apiserver decodes all of it. The expanded size is summed over the decoded values (shared
 * strings counted at each use), stopping once past the limit, so the walk stays within the decoder's own budget.
 */
function expandedSizeWarning(policy: Policy, text: PolicyText, options: LoadOptions): Problem | undefined {
  const limit = options.maxBytes ?? SECRET_SIZE_LIMIT_BYTES;
  const textBytes = typeof text === 'string' ? text.length : text.byteLength;
  if (textBytes === 0) return undefined;
  let size = 0;
  const stack: unknown[] = [policy];
  while (stack.length > 0 && size <= limit) {
    const value = stack.pop();
    if (typeof value === 'string') size += value.length + 3;
    else if (Array.isArray(value)) {
      size += 2;
      for (const item of value) stack.push(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        size += key.length + 2;
        stack.push(item);
      }
    } else size += 5;
  }
  if (size <= limit || size <= 4 * textBytes) return undefined;
  return {
    message:
      `its YAML aliases expand the policy to more than ${limit} bytes (the text is ${textBytes}): Deckhouse writes ` +
      'the merged policy, expanded, to every master, and kube-apiserver decodes all of it on each start',
    fix: 'write the lists out once instead of repeating them through aliases, or merge the rules that repeat them',
  };
}

/**
 * What kube-apiserver would print for the validation and rule-count problems of a decoded policy
 * (validation errors win over the rule count, as upstream checks them first); undefined when it loads.
 */
export function apiserverLoadError(policy: Policy, options: VersionOptions = {}): string | undefined {
  const fieldErrors = validatePolicy(policy, options);
  if (fieldErrors.length > 0) return formatFieldErrors(fieldErrors);
  if (!Array.isArray(policy.rules) || policy.rules.length === 0) return ZERO_RULES_MESSAGE;
  return undefined;
}

function validationProblem(error: FieldError, policy: Policy, decoded: DecodeResult): Problem {
  const problem: Problem = { message: fieldErrorProblemMessage(error), field: error.field };
  const where = positionOf(error, policy, decoded);
  if (where) {
    problem.line = where.line;
    problem.column = where.column;
  }
  const fix = fixForFieldError(error);
  if (fix) problem.fix = fix;
  return problem;
}

// Upstream paths for group and resourceNames errors carry no entry index; find the entry by value.
const UNINDEXED = /^rules\[(\d+)\]\.resources\.(group|resourceNames)$/;
const LAST_STEP = /(\.[^.[\]]+|\[\d+\])$/;

function positionOf(error: FieldError, policy: Policy, decoded: DecodeResult): SourcePosition | undefined {
  let path = error.field;
  const m = UNINDEXED.exec(path);
  if (m) {
    const rule = policy.rules[Number(m[1])];
    const entries = rule?.resources ?? [];
    const index = entries.findIndex((entry) =>
      m[2] === 'group'
        ? entry.group === error.badValue
        : JSON.stringify(entry.resourceNames ?? []) === JSON.stringify(error.badValue) &&
          (entry.resources ?? []).length === 0,
    );
    path = index >= 0 ? `rules[${m[1]}].resources[${index}].${m[2]}` : `rules[${m[1]}].resources`;
  }
  // A missing field has no position of its own: fall back to the object that lacks it.
  for (let p = path; p !== ''; p = p.replace(LAST_STEP, '')) {
    const found = decoded.offsets.get(p);
    if (found !== undefined) return decoded.locate(found);
    if (!LAST_STEP.test(p)) break;
  }
  return undefined;
}
