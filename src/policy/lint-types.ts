import { Finding, RequestAttributes } from './types';

/** The codes `lintPolicy` can report. */
export type LintCode =
  | 'audit-disabled'
  | 'failed-authentication-omitted'
  | 'shadowed-rule'
  | 'partially-shadowed-rule'
  | 'rule-matches-nothing'
  | 'sensitive-body'
  | 'literal-wildcard'
  | 'unknown-verb'
  | 'identity-typo'
  | 'exec-websocket'
  | 'request-received-not-omitted'
  | 'no-catch-all'
  | 'unreachable-resource-spec'
  | 'resource-group-mismatch'
  | 'resource-names-without-name'
  | 'search-incomplete';

/** Every lint code, in the order README lists them. */
export const LINT_CODES: readonly LintCode[] = [
  'shadowed-rule',
  'partially-shadowed-rule',
  'sensitive-body',
  'literal-wildcard',
  'unknown-verb',
  'identity-typo',
  'exec-websocket',
  'request-received-not-omitted',
  'no-catch-all',
  'rule-matches-nothing',
  'unreachable-resource-spec',
  'resource-group-mismatch',
  'resource-names-without-name',
  'audit-disabled',
  'failed-authentication-omitted',
  'search-incomplete',
];

/** Severity of a finding. */
export type Severity = Finding['severity'];

/** A lint finding, with the concrete request that demonstrates it when there is one. */
export interface LintFinding extends Finding {
  code: LintCode;
  /** A request that shows the problem (checked with the evaluator). */
  example?: RequestAttributes;
  /** The other rule involved (the shadowing or pre-empting rule), index in the (effective) policy. */
  relatedRuleIndex?: number;
}

/** Options of `lintPolicy`. */
export interface LintOptions {
  /**
   * Severity of sensitive-body findings where credentials really reach the log.
   * @default 'error'
   */
  sensitiveBodySeverity?: Severity;
  /** Per-code severity overrides (applied last). @default - each code's own severity */
  severities?: Partial<Record<LintCode, Severity>>;
  /** Codes not to report. @default - none */
  ignore?: LintCode[];
  /**
   * Which rules get `partially-shadowed-rule` findings.
   * @default - 'custom' for an effective Deckhouse policy (built-in rules are not yours to change), 'all' otherwise
   */
  partialShadowing?: 'all' | 'custom' | 'none';
  /** Example requests per partially-shadowed finding. @default 3 */
  maxExamples?: number;
  /**
   * Work units (candidate checks and search steps) the request-space search may use: per question and for
   * the whole policy. A question over budget is left unanswered and reported as `search-incomplete`.
   * @default - 200,000 per question (50 per rule box when larger), 25,000,000 in total (a 1 MiB policy lints in seconds)
   */
  searchBudget?: { perQuestion?: number; total?: number };
}
