import { runAssertionFunction } from './assertion-function';
import { describeReceived } from './plain-data';
import { AssertionPack, runAssertionPack } from '../deckhouse/assertion-packs';
import { listDependentLintNotes } from '../deckhouse/release-list-lint';
import { listDependentDecisions } from '../deckhouse/release-lists';
import { snapshotDecisionNote } from '../deckhouse/rule-history';
import { ASSERTION_FAILED, AssertionResult, AuditAssertion, checkAssertions } from '../policy/assertions';
import { ruleLabel } from '../policy/describe';
import { closestMatch } from '../policy/did-you-mean';
import { LINT_CODES, LintCode, lintPolicy, Severity } from '../policy/lint';
import { EffectivePolicy, Finding, RuleOrigin } from '../policy/types';
import { unmatchedAcknowledgement } from './unmatched-acknowledgement';
import { checkPropKeys, checkPropValue, ConstructPropsError, PropKeys } from './prop-keys';

/** A custom check of the effective policy, run at synth: it returns findings (an error fails synth). */
export type AuditAssertionFunction = (effective: EffectivePolicy) => readonly Finding[];

/** Lint settings of the constructs that emit a policy. */
export interface AuditLintOptions {
  /**
   * Lint the effective policy at synth.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Per-code severity overrides, e.g. `{ 'sensitive-body': 'warning' }`.
   * @default - each code's own severity
   */
  readonly severities?: Partial<Record<LintCode, Severity>>;
  /**
   * Codes not to report at all (prefer `acknowledged` for one finding at a time).
   * @default - none
   */
  readonly ignore?: readonly LintCode[];
  /**
   * Print every finding about Deckhouse's built-in rules in full (dead rules upstream, …).
   * @default false - one summary line
   */
  readonly reportBuiltInRules?: boolean;
}

/**
 * A finding you reviewed and accept, named by its code and the rule (or assertion) it is about; it is
 * no longer reported. One that matches nothing is reported, so stale acknowledgements do not pile up.
 */
export interface AcknowledgedFinding {
  /** The finding's code, as printed (`partially-shadowed-rule`, `assertion-failed`, …). */
  readonly code: string;
  /**
   * Your rule the finding is about, by its index in your policy from 0 — the numbering of every index in the
   * package (`RuleOrigin.index`, `decidedBy.index`); messages print it from 1 (`your rule #2` is index 1) and
   * each finding shows the acknowledgement to copy.
   * @default - a finding about the policy as a whole
   */
  readonly index?: number;
  /**
   * For `assertion-failed`: the assertion's id (`dvp.interactive.exec-websocket`), or for an assertion given
   * without an id its place in the `assertions` prop (`assertions[0]`), as each finding's acknowledgement shows.
   * @default - any assertion: every failed assertion, also those added later
   */
  readonly assertion?: string;
  /** Why the finding is acceptable (required: a reviewer reads it next to the code). */
  readonly reason: string;
}

/** A finding of a synth-time check, with what it is about. */
export interface PolicyCheckFinding extends Finding {
  /** The assertion of an `assertion-failed` finding: its id, or `assertions[i]` for one without. */
  readonly assertion?: string;
}

/** What the synth-time checks of a policy decided. */
export interface PolicyCheckOutcome {
  /** Messages that fail synth. */
  readonly errors: string[];
  /** Messages printed as warnings. */
  readonly warnings: string[];
  /** Every finding, acknowledged ones included. */
  readonly findings: PolicyCheckFinding[];
}

/** Options of {@link checkEffectivePolicy}. */
export interface PolicyCheckOptions {
  readonly lint?: AuditLintOptions;
  readonly assertions?: readonly (AuditAssertion | AuditAssertionFunction)[];
  readonly assertionPacks?: readonly AssertionPack[];
  readonly packSeverity?: 'error' | 'warning';
  readonly acknowledged?: readonly AcknowledgedFinding[];
  /** The built-in rules are the bundled snapshot's: an assertion that holds only for its system lists is said to. */
  readonly bundledSnapshot?: boolean;
}

/** Throws at once (the stack points at the caller's line) when an acknowledgement is malformed. */
const ACKNOWLEDGED_KEYS: PropKeys<AcknowledgedFinding> = {
  code: true,
  index: true,
  assertion: true,
  reason: true,
};
const LINT_OPTION_KEYS: PropKeys<AuditLintOptions> = {
  enabled: true,
  severities: true,
  ignore: true,
  reportBuiltInRules: true,
};
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * Throws a TypeError for lint options the gate would misread: an unknown key (`severites` would leave every
 * code at its own severity), a code no lint finding has, a severity other than error, warning or info (only
 * `'error'` fails synth, so `'Error'` would let the finding pass), `ignore` that is not a list.
 */
export function checkLintOptions(path: string, lint: AuditLintOptions | undefined): void {
  if (lint !== undefined && (typeof lint !== 'object' || lint === null || Array.isArray(lint))) {
    throw new ConstructPropsError(
      path,
      `lint: received ${describeReceived(lint)}, expected lint options. ` +
        'Fix: e.g. { enabled: false } to turn lint off, or { severities: { "<code>": "error" } }',
    );
  }
  checkPropKeys(path, 'lint', lint, LINT_OPTION_KEYS);
  if (lint === undefined) return;
  checkPropValue(path, 'lint.enabled', lint.enabled, [true, false]);
  checkPropValue(path, 'lint.reportBuiltInRules', lint.reportBuiltInRules, [true, false]);
  const codes: readonly string[] = LINT_CODES;
  const code = (field: string, value: unknown) => {
    if (typeof value === 'string' && codes.includes(value)) return;
    const guess = typeof value === 'string' ? closestMatch(value, codes) : undefined;
    throw new ConstructPropsError(
      path,
      `${field}: received ${JSON.stringify(value)}, expected a lint code; ` +
        (guess ? `did you mean "${guess}"?` : `the codes are ${codes.join(', ')}`),
    );
  };
  if (lint.severities !== undefined) {
    if (typeof lint.severities !== 'object' || lint.severities === null || Array.isArray(lint.severities)) {
      throw new ConstructPropsError(
        path,
        `lint.severities: received ${describeReceived(lint.severities)}, expected an object { code: severity }`,
      );
    }
    for (const [key, severity] of Object.entries(lint.severities)) {
      code(`lint.severities`, key);
      checkPropValue(path, `lint.severities["${key}"]`, severity, SEVERITIES);
    }
  }
  if (lint.ignore !== undefined) {
    if (!Array.isArray(lint.ignore)) {
      throw new ConstructPropsError(
        path,
        `lint.ignore: received ${describeReceived(lint.ignore)}, expected a list of lint codes`,
      );
    }
    lint.ignore.forEach((c, i) => code(`lint.ignore[${i}]`, c));
  }
}

export function checkAcknowledgements(
  acknowledged: readonly AcknowledgedFinding[] | undefined,
  path: string,
): void {
  const fail = (message: string) => {
    throw new ConstructPropsError(path, message);
  };
  if (acknowledged !== undefined && !Array.isArray(acknowledged)) {
    fail(
      `acknowledged: received ${describeReceived(acknowledged)}, expected a list of { code, index?, assertion?, ` +
        'reason }. Fix: e.g. [{ code: "partially-shadowed-rule", index: 1, reason: "..." }]',
    );
  }
  (acknowledged ?? []).forEach((ack, i) => {
    const at = `acknowledged[${i}]`;
    if (typeof ack !== 'object' || ack === null)
      fail(
        `${at}: received ${describeReceived(ack)}, expected { code, index?, assertion?, reason }. Fix: pass an object`,
      );
    // A misspelt `assertion` or `index` would make the acknowledgement cover every finding of its code.
    for (const key of Object.keys(ack)) {
      if (key === 'rule' || (ACKNOWLEDGED_KEYS as Record<string, true>)[key] === true) continue;
      const guess = closestMatch(key, Object.keys(ACKNOWLEDGED_KEYS));
      fail(
        `${at}.${key}: not a field of an acknowledgement; it would be ignored and the acknowledgement would ` +
          `cover every finding of its code. Fix: ${guess ? `did you mean "${guess}"?` : 'use code, index, assertion, reason'}`,
      );
    }
    if (ack.assertion !== undefined && typeof ack.assertion !== 'string')
      fail(
        `${at}.assertion: received ${describeReceived(ack.assertion)}, expected the assertion's id. Fix: e.g. ` +
          '"dvp.interactive.exec-websocket"',
      );
    if (typeof ack.code !== 'string' || ack.code === '')
      fail(
        `${at}.code: received ${describeReceived(ack.code)}, expected the finding's code. Fix: e.g. ` +
          '"partially-shadowed-rule"',
      );
    if ((ack as { rule?: unknown }).rule !== undefined)
      fail(
        `${at}.rule: received ${describeReceived((ack as { rule?: unknown }).rule)}, expected no rule key. Fix: ` +
          'name the rule by index, from 0 ("your rule #2" is index: 1)',
      );
    if (ack.index !== undefined && !(Number.isInteger(ack.index) && ack.index >= 0))
      fail(
        `${at}.index: received ${describeReceived(ack.index)}, expected your rule's index from 0. Fix: "your ` +
          'rule #2" is index: 1',
      );
    if (typeof ack.reason !== 'string' || ack.reason.trim() === '')
      fail(
        `${at}.reason: received ${describeReceived(ack.reason)}, expected a reason. Fix: say why the finding is ` +
          'acceptable (a reviewer reads it)',
      );
  });
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? line : `${prefix}${line.trimStart()}`))
    .join('\n');
}

/** One finding as a readable, possibly multi-line message: `code: rule: message` then `Fix: …`. */
export function formatFinding(finding: PolicyCheckFinding, effective: EffectivePolicy): string {
  const origin = finding.ruleIndex >= 0 ? effective.origins[finding.ruleIndex] : undefined;
  const label = finding.ruleIndex >= 0 ? ruleLabel(finding.ruleIndex, origin) : undefined;
  const where =
    finding.code === ASSERTION_FAILED || (label !== undefined && finding.message.startsWith(label))
      ? ''
      : label === undefined
        ? 'policy: '
        : `${label}: `;
  // Long lists of example requests read better one per line.
  const body = finding.message.length > 160 ? finding.message.replace(/; /g, ';\n') : finding.message;
  const sentence = /[.!?]$/.test(body) ? body : `${body}.`;
  const fix = finding.fix ? `\nFix: ${finding.fix}` : '';
  const ack = acknowledgementFor(finding, origin);
  const accept = ack ? `\nTo accept it: acknowledged: [${ack}]` : '';
  return indent(`${finding.code}: ${where}${sentence}${fix}${accept}`, '    ');
}

/** The acknowledgement that matches exactly this finding, as code to copy; undefined for built-in rules. */
function acknowledgementFor(finding: PolicyCheckFinding, origin: RuleOrigin | undefined): string | undefined {
  if (origin !== undefined && origin.layer !== 'custom') return undefined;
  const about =
    origin !== undefined
      ? `, index: ${origin.index}`
      : finding.assertion !== undefined
        ? `, assertion: ${JSON.stringify(finding.assertion)}`
        : '';
  return `{ code: ${JSON.stringify(finding.code)}${about}, reason: '…' }`;
}

/**
 * An `assertion-failed` finding. Its `assertion` is the assertion's id, or for an assertion without one the
 * position it was given at (`assertions[0]`): a finding without it could only be acknowledged by an
 * acknowledgement without `assertion`, which accepts every failed assertion, present and future.
 */
function assertionFinding(
  result: AssertionResult,
  source: string,
  severity: 'error' | 'warning',
): PolicyCheckFinding {
  const assertion = result.id || source;
  const rules = result.fixRules?.length ? `\nrules that close it: ${JSON.stringify(result.fixRules)}` : '';
  return {
    code: ASSERTION_FAILED,
    severity,
    // The message names the deciding rule; the finding is about the policy as a whole.
    ruleIndex: -1,
    message: `${result.id ? `${result.id} ` : ''}(${source}) ${result.message.replace(/^FAILS: /, '')}`,
    ...(result.fix || rules ? { fix: `${result.fix ?? 'add a custom rule'}${rules}` } : {}),
    assertion,
  };
}

function matches(ack: AcknowledgedFinding, finding: PolicyCheckFinding, effective: EffectivePolicy): boolean {
  if (ack.code !== finding.code) return false;
  if (ack.assertion !== undefined && ack.assertion !== finding.assertion) return false;
  const origin = finding.ruleIndex >= 0 ? effective.origins[finding.ruleIndex] : undefined;
  if (ack.index === undefined) return origin === undefined;
  return origin?.layer === 'custom' && origin.index === ack.index;
}

/**
 * Runs lint, assertions and assertion packs on the effective policy and sorts the findings into errors
 * and warnings: acknowledged findings are dropped, findings about Deckhouse's built-in rules become one
 * summary line unless `lint.reportBuiltInRules`, and an acknowledgement that matches nothing is a warning.
 */
export function checkEffectivePolicy(
  effective: EffectivePolicy,
  options: PolicyCheckOptions,
): PolicyCheckOutcome {
  const errors: string[] = [];
  const findings: PolicyCheckFinding[] = [];
  const snapshotWarnings: string[] = [];
  if (options.lint?.enabled !== false) {
    const lintOptions = {
      severities: options.lint?.severities,
      ignore: options.lint?.ignore ? [...options.lint.ignore] : undefined,
    };
    const linted = lintPolicy(effective, lintOptions);
    findings.push(...linted);
    if (options.bundledSnapshot)
      for (const note of listDependentLintNotes(effective, linted, lintOptions))
        snapshotWarnings.push(`lint: ${note}`);
  }
  (options.assertions ?? []).forEach((assertion, i) => {
    if (typeof assertion === 'function') {
      const outcome = runAssertionFunction(assertion, effective, i);
      findings.push(...outcome.findings);
      errors.push(...outcome.errors);
      return;
    }
    const [result] = checkAssertions(effective, [assertion]);
    if (!result.ok) findings.push(assertionFinding(result, `assertions[${i}]`, 'error'));
    // A pass that another release's system lists would turn: true of the snapshot, maybe not of the cluster.
    else if (options.bundledSnapshot && result.request && result.decision) {
      const index = result.decision.ruleIndex;
      const origin = index >= 0 ? effective.origins[index] : undefined;
      const notes = [
        snapshotDecisionNote(origin, index >= 0 ? ruleLabel(index, origin) : undefined),
        ...listDependentDecisions(effective, result.request).map((d) => d.note),
      ];
      for (const note of notes)
        if (note !== undefined)
          snapshotWarnings.push(
            `assertions[${i}] (${result.name}) holds for the bundled snapshot's built-in rules: ${note}. Fix: ` +
              "set builtInRules: builtInRulesFromMergedPolicy(readFileSync('audit-policy.yaml', 'utf8')) with " +
              'the merged policy of one of your masters',
          );
    }
  });
  for (const pack of options.assertionPacks ?? []) {
    for (const result of runAssertionPack(pack, effective)) {
      if (!result.ok)
        findings.push(
          assertionFinding(result, `assertion pack ${pack.name}`, options.packSeverity ?? 'error'),
        );
    }
  }

  const warnings: string[] = [...snapshotWarnings];
  const used = new Set<AcknowledgedFinding>();
  let builtIn = 0;
  for (const finding of findings) {
    const ack = (options.acknowledged ?? []).find((a) => matches(a, finding, effective));
    if (ack) {
      used.add(ack);
      continue;
    }
    if (finding.severity === 'info') continue;
    // Findings about Deckhouse's own rules are not the user's to fix: counted, shown in full on request.
    if (finding.layer !== undefined && finding.layer !== 'custom' && !options.lint?.reportBuiltInRules) {
      builtIn++;
      continue;
    }
    (finding.severity === 'error' ? errors : warnings).push(formatFinding(finding, effective));
  }
  if (builtIn > 0) {
    warnings.push(
      `${builtIn} finding${builtIn === 1 ? '' : 's'} about Deckhouse's built-in rules (not yours to change) not shown: ` +
        'set lint.reportBuiltInRules: true, or run `npx deckhouse-audit lint --deckhouse`, for the details',
    );
  }
  (options.acknowledged ?? []).forEach((ack, i) => {
    if (!used.has(ack)) {
      const about = ack.index !== undefined ? `your rule #${ack.index + 1}` : (ack.assertion ?? 'the policy');
      const { why, fix } = unmatchedAcknowledgement(ack, findings, effective);
      warnings.push(
        `acknowledged[${i}] (${ack.code}, ${about}) matches no finding${why ? `: ${why}` : ''}. Fix: ${fix}`,
      );
    }
  });
  return { errors, warnings, findings };
}
