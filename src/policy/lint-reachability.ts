import { describeRequest } from './describe';
import { LintContext } from './lint-context';
import { nonEmpty } from './match';
import { NO_NAMESPACE_REQUEST } from './rule-space';
import { PolicyRule, RequestAttributes } from './types';

// Lint checks that need the request space: rules that can never decide a request (shadowed, matching
// nothing), rules whose requests earlier rules partly decide, and requests no rule matches. Every claim is
// proven by the search and every example is confirmed by the evaluator.

/** Earlier rules tried as the single cover of a shadowed rule, and as pre-empting rules per rule. */
const MAX_RULES_TRIED = 16;
/**
 * The most partially-shadowed-rule findings made: each costs up to MAX_RULES_TRIED searches and a long message,
 * and 12,000 rules each shadowed by the built-in ones took 12 s and 356 MB to lint. Later rules are not checked
 * for it, and search-incomplete names them.
 */
export const MAX_PARTIALLY_SHADOWED = 1_000;
/** Rule numbers listed in one message before "and N more". */
const MAX_LISTED = 10;

function listRules(ctx: LintContext, rules: readonly number[]): string {
  const shown = rules.slice(0, MAX_LISTED).map((i) => ctx.name(i));
  const more = rules.length - shown.length;
  return shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

/**
 * The first earlier rule that alone matches every request of rule j: among the overlapping rules in
 * order, one that visibly contains it, or one the search proves does (tried for the first few only).
 */
function firstCover(ctx: LintContext, overlapping: readonly number[], j: number): number {
  let searched = 0;
  for (const i of overlapping) {
    if (ctx.space.visiblyContains(i, j)) return i;
    if (searched < MAX_RULES_TRIED) {
      searched++;
      if (ctx.space.contains(i, j)) return i;
    }
  }
  return -1;
}

/** rule-matches-nothing and shadowed-rule for rule j. */
export function checkShadowed(ctx: LintContext, j: number): void {
  const why = ctx.space.matchesNothing(j);
  if (why !== undefined) {
    ctx.empty.add(j);
    ctx.add({
      code: 'rule-matches-nothing',
      severity: ctx.isUsers(j) ? 'error' : 'warning',
      ruleIndex: j,
      message: `${ctx.label(j)}: ${why}, so the rule never applies`,
      fix: why.startsWith('none of its resource strings')
        ? 'fix the resource strings (see unreachable-resource-spec) or remove the rule'
        : why === NO_NAMESPACE_REQUEST
          ? 'for the Namespace object NAME use namespaces: [NAME] (or omit namespaces), for lists and watches ' +
            'of namespaces namespaces: [""]; or remove the rule'
          : 'fix users/userGroups (system:anonymous is in system:unauthenticated only) or remove the rule',
    });
    return;
  }
  if (ctx.space.isShadowed(j) !== true) return;
  ctx.shadowed.add(j);
  const overlapping = ctx.space.overlapping(j);
  const cover = firstCover(ctx, overlapping, j);
  const rule = ctx.rules[j];
  let by: string;
  if (cover >= 0) {
    const same = ctx.rules[cover].level === rule.level;
    by =
      `every request it matches is matched first by ${ctx.label(cover)}` +
      (same
        ? ' (same level, so removing it changes nothing)'
        : `, so those requests get ${ctx.rules[cover].level}, not ${rule.level}`);
  } else {
    by = `earlier rules ${listRules(ctx, overlapping)} together match every request it matches`;
  }
  const builtIn = !ctx.isUsers(j);
  const coverBuiltIn = cover >= 0 && !ctx.isUsers(cover);
  // A custom catch-all takes over from Deckhouse's tail rules: intended, so only informational.
  const tailReplaced = ctx.layer(j) === 'tail' && cover >= 0 && ctx.layer(cover) === 'custom';
  ctx.add({
    code: 'shadowed-rule',
    // A rule the user wrote is an error in a plain policy and among the custom rules alike.
    severity: tailReplaced ? 'info' : builtIn ? 'warning' : 'error',
    ruleIndex: j,
    ...(cover >= 0 ? { relatedRuleIndex: cover } : {}),
    message: `${ctx.label(j)} can never decide a request: ${by}`,
    fix: tailReplaced
      ? `nothing to do if intended: ${ctx.name(cover)} decides every request ${ctx.name(j)} would ` +
        `(${ctx.describe(j)}), ` +
        (ctx.rules[cover].level === rule.level
          ? `at the same level (${rule.level})`
          : `so those requests get ${ctx.rules[cover].level} instead of ${rule.level}`)
      : builtIn && cover >= 0 && !coverBuiltIn
        ? `${ctx.name(cover)} decides these requests before this built-in rule` +
          (ctx.layer(j) === 'virtualization'
            ? ' (Deckhouse releases before PR #15603 put the custom rules before the virtualization rules)'
            : '') +
          ': narrow it so that it leaves them to the built-in rule, or upgrade Deckhouse'
        : builtIn
          ? 'built-in Deckhouse rule: nothing to change in your policy (it is dead code upstream)'
          : ctx.origins !== undefined && (coverBuiltIn || cover < 0)
            ? 'custom rules run after the built-in ones and cannot override them: remove the rule, or set ' +
              'basicAuditPolicyEnabled: false and re-create the built-in rules you need in your own order'
            : cover >= 0
              ? `remove the rule, or move it before ${ctx.name(cover)} if it should win`
              : 'remove the rule, or move it before the rules that pre-empt it',
  });
}

/** How narrowly a rule selects requests (who, where, which objects); 0 = broad. */
function specificity(rule: PolicyRule): number {
  let score = 0;
  if (nonEmpty(rule.users)) score += 2;
  if (nonEmpty(rule.userGroups)) score += 1;
  if (nonEmpty(rule.namespaces)) score += 1;
  if ((rule.resources ?? []).some((gr) => nonEmpty(gr.resourceNames))) score += 1;
  return score;
}

/** partially-shadowed-rule: earlier rules of another level decide some of the requests rule j matches. */
export function checkPartialShadowing(ctx: LintContext, j: number): void {
  const scope = ctx.options.partialShadowing ?? (ctx.origins ? 'custom' : 'all');
  if (scope === 'none' || ctx.decidesNoRealRequest(j)) return;
  if (scope === 'custom' && ctx.origins && ctx.layer(j) !== 'custom') return;
  if (ctx.partiallyShadowed >= MAX_PARTIALLY_SHADOWED) {
    ctx.partialShadowingSkipped.push(j);
    return;
  }
  const max = ctx.options.maxExamples ?? 3;
  const rule = ctx.rules[j];
  // Broad pre-emptions (e.g. "every list at Metadata") say more than narrow noise exceptions: try them first.
  const others = ctx.space
    .overlapping(j)
    .filter((i) => ctx.rules[i].level !== rule.level && !ctx.unrealistic.has(i))
    .map((i) => ({ i, score: specificity(ctx.rules[i]) }))
    .sort((a, b) => a.score - b.score || a.i - b.i);
  const found: Array<{ i: number; req: RequestAttributes }> = [];
  let tried = 0;
  let next = 0;
  for (; next < others.length && tried < MAX_RULES_TRIED; next++) {
    const { i } = others[next];
    // Within one author's rules, an earlier rule inside this one is a deliberate exception.
    if (ctx.layer(i) === ctx.layer(j) && ctx.space.contains(j, i)) continue;
    tried++;
    const req = ctx.space.preemptionExample(i, j);
    // Never claim what the evaluator does not confirm.
    if (req && ctx.decider(req) === i) found.push({ i, req });
  }
  const untried = others.length - next;
  const examples = found.slice(0, max);
  if (examples.length === 0) return;
  ctx.partiallyShadowed++;
  const byBuiltIn = ctx.origins !== undefined && examples.some((e) => ctx.layer(e.i) !== 'custom');
  const lines = examples.map(
    (e) => `${describeRequest(e.req)} is decided by ${ctx.label(e.i)} → ${ctx.rules[e.i].level}`,
  );
  if (found.length > examples.length)
    lines.push(
      found.length - examples.length === 1
        ? '1 more earlier rule does the same'
        : `${found.length - examples.length} more earlier rules do the same`,
    );
  if (untried > 0)
    lines.push(`${untried} more earlier rules of other levels overlap it (not checked one by one)`);
  ctx.add({
    code: 'partially-shadowed-rule',
    severity: byBuiltIn && ctx.layer(j) === 'custom' ? 'warning' : 'info',
    ruleIndex: j,
    relatedRuleIndex: examples[0].i,
    example: examples[0].req,
    message:
      `${ctx.label(j)} wants ${rule.level}, but earlier rules decide some of the requests it matches: ` +
      lines.join('; '),
    fix: byBuiltIn
      ? 'built-in rules run first and cannot be overridden; accept their level for these requests or set ' +
        'basicAuditPolicyEnabled: false and re-create the built-in rules you need'
      : `if this rule should win, move it before ${ctx.name(examples[0].i)} or narrow ${ctx.name(examples[0].i)}`,
  });
}

/** no-catch-all: a request no rule matches (not audited at all). */
export function checkCatchAll(ctx: LintContext): void {
  const found = ctx.space.uncovered();
  if (found === undefined || found === 'unproven') return;
  ctx.add({
    code: 'no-catch-all',
    severity: 'info',
    ruleIndex: -1,
    example: found,
    message:
      `no rule matches every remaining request, so requests matched by no rule are not audited (level None), ` +
      `e.g. ${describeRequest(found)}`,
    fix: 'end the policy with a catch-all rule: "- level: Metadata" (or "- level: None" to make the drop explicit)',
  });
}

/** search-incomplete: questions the budgeted search gave up on, so that silence is never taken for "clean". */
export function checkSearchComplete(ctx: LintContext): void {
  const unanswered = ctx.space.unanswered;
  const skipped = ctx.partialShadowingSkipped;
  if (unanswered.length === 0 && skipped.length === 0) return;
  const cut =
    skipped.length === 0
      ? ''
      : `partial shadowing was checked until ${MAX_PARTIALLY_SHADOWED} rules were found partially shadowed; ` +
        `${skipped.length} later rules were not checked for it (${listRules(ctx, skipped)})`;
  if (unanswered.length === 0) {
    ctx.add({
      code: 'search-incomplete',
      severity: 'warning',
      ruleIndex: -1,
      message: `${cut}, so they are not proven free of it`,
      fix: 'fix the partially shadowed rules found (merge rules that differ only in one list), then lint again',
    });
    return;
  }
  const byQuestion = new Map<string, Set<number>>();
  for (const q of unanswered) {
    let rules = byQuestion.get(q.question);
    if (rules === undefined) byQuestion.set(q.question, (rules = new Set()));
    rules.add(q.ruleIndex);
  }
  const WHAT: Record<string, string> = {
    shadowed: 'whether a rule is shadowed',
    witness: 'whether a rule decides a sensitive request',
    contains: 'which earlier rule covers a rule',
    preemption: 'which earlier rules pre-empt a rule',
    uncovered: 'whether some request matches no rule',
  };
  const parts = [...byQuestion].map(([question, rules]) => {
    const listed = [...rules].filter((i) => i >= 0).sort((a, b) => a - b);
    return `${WHAT[question]}${listed.length > 0 ? ` (${listRules(ctx, listed)})` : ''}`;
  });
  ctx.add({
    code: 'search-incomplete',
    severity: 'warning',
    ruleIndex: -1,
    message:
      `the request-space search ran out of its budget (${ctx.space.work.toLocaleString('en-US')} work units ` +
      `used) and left ${unanswered.length} questions unanswered: ${parts.join('; ')}. Findings that need ` +
      'those answers are missing, so the rules named here are not proven free of them' +
      (cut ? `; besides, ${cut}` : ''),
    fix: 'lint a smaller policy (fewer overlapping rules), or raise the budget: lintPolicy(policy, { searchBudget: { total, perQuestion } })',
  });
}
