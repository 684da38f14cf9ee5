/**
 * The policy loader: strict decoding (parsePolicy) and what kube-apiserver does when it reads
 * --audit-policy-file (loadPolicy), stricter.
 */
import { fixForFieldError } from './validation-fixes';
import { formatFieldErrors, validatePolicy } from './validate';
import { DecodeResult, decodePolicyText, SourcePosition } from './yaml-decode';
import { FieldError, ParseResult, Policy, Problem, VersionOptions } from './types';

export { AUDIT_API_VERSION } from './yaml-decode';

/** The error kube-apiserver returns for a policy without rules (it then refuses to start). */
export const ZERO_RULES_MESSAGE = 'loaded illegal policy with 0 rules';

/**
 * Strictly decodes a YAML or JSON audit policy: unknown, mis-cased and duplicate keys, a second
 * document, YAML 1.1 booleans/numbers in string fields and any apiVersion but audit.k8s.io/v1 are
 * errors with line, column, field path and a fix. `policy` is present only when there are no errors.
 */
export function parsePolicy(text: string): ParseResult {
  const decoded = decodePolicyText(text);
  return {
    ...(decoded.policy ? { policy: decoded.policy } : {}),
    errors: decoded.errors,
    warnings: decoded.warnings,
  };
}

/**
 * Loads a policy like kube-apiserver does (decode, ValidatePolicy for the target version, the zero-rules
 * check), stricter: `errors` is empty exactly when the cluster will accept the policy. `policy` is
 * present whenever decoding succeeded, even when validation failed.
 */
export function loadPolicy(text: string, options: VersionOptions = {}): ParseResult {
  const decoded = decodePolicyText(text);
  if (!decoded.policy) return { errors: decoded.errors, warnings: decoded.warnings };
  const policy = decoded.policy;
  const errors = validatePolicy(policy, options).map((e) => validationProblem(e, policy, decoded));
  if (policy.rules.length === 0) {
    const offset = decoded.offsets.get('rules');
    const where = offset === undefined ? { line: 1, column: 1 } : decoded.locate(offset);
    errors.push({
      message: ZERO_RULES_MESSAGE,
      field: 'rules',
      line: where.line,
      column: where.column,
      fix: 'add at least one rule, e.g. "rules:" then "- level: Metadata"; kube-apiserver does not start with an empty policy',
    });
  }
  return { policy, errors, warnings: decoded.warnings };
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
  const problem: Problem = { message: error.message, field: error.field };
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
  for (let p = path; p !== ''; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
    const found = decoded.offsets.get(p);
    if (found !== undefined) return decoded.locate(found);
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
  }
  return undefined;
}
