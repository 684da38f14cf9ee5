import { describeRule, labelledRule, ruleLabel } from './describe';
import { compileRules } from './compiled-policy';
import { LintFinding, LintOptions } from './lint-types';
import { RuleSpace } from './rule-space';
import { CompiledPolicy, Policy, PolicyRule, RequestAttributes, RuleOrigin } from './types';

/** A finding as the options want it: undefined when its code is ignored, else with its severity override. */
export function asConfigured(f: LintFinding, options: LintOptions): LintFinding | undefined {
  if (options.ignore?.includes(f.code)) return undefined;
  return { ...f, severity: options.severities?.[f.code] ?? f.severity };
}

/** What every lint check reads and writes: the policy, its request space, labels and the findings. */
export class LintContext {
  readonly findings: LintFinding[] = [];
  readonly rules: readonly PolicyRule[];
  readonly space: RuleSpace;
  /** Rules proven to decide no request: every request they match is matched earlier. */
  readonly shadowed = new Set<number>();
  /** Rules whose resource strings match nothing. */
  readonly empty = new Set<number>();
  /** Rules that match only requests kube-apiserver never produces (literal globs, non-request verbs). */
  readonly unrealistic = new Set<number>();
  /** partially-shadowed-rule findings made so far, and the rules left unchecked past their limit. */
  partiallyShadowed = 0;
  readonly partialShadowingSkipped: number[] = [];
  private readonly compiled: CompiledPolicy;

  constructor(
    readonly policy: Policy,
    readonly origins: readonly RuleOrigin[] | undefined,
    readonly options: LintOptions,
    /** Deckhouse's titles of the built-in rules (EffectivePolicy.titles), when known. */
    readonly titles?: readonly string[],
  ) {
    this.rules = policy.rules;
    this.space = new RuleSpace(this.rules, {
      totalBudget: options.searchBudget?.total,
      questionBudget: options.searchBudget?.perQuestion,
    });
    this.compiled = compileRules(policy);
  }

  layer(i: number): string | undefined {
    return this.origins?.[i]?.layer;
  }

  /** Rules the user writes: custom rules of an effective policy, every rule of a plain one. */
  isUsers(i: number): boolean {
    return this.origins === undefined || this.layer(i) === 'custom';
  }

  /** A rule named and described, for the start of a message. */
  label(i: number): string {
    return labelledRule(i, this.rules[i], this.origins?.[i], this.titles?.[i]);
  }

  /** A rule named, for the middle of a sentence. */
  name(i: number): string {
    return ruleLabel(i, this.origins?.[i]);
  }

  /** What a rule matches, in words (Deckhouse's own title for a built-in rule). */
  describe(i: number): string {
    return this.titles?.[i] ?? describeRule(this.rules[i]);
  }

  add(f: Omit<LintFinding, 'layer'>): void {
    const layer = f.ruleIndex >= 0 ? this.layer(f.ruleIndex) : undefined;
    const finding = asConfigured({ ...f, ...(layer !== undefined ? { layer } : {}) }, this.options);
    if (finding) this.findings.push(finding);
  }

  /** Rule j matches nothing, is shadowed, or matches only requests kube-apiserver never produces. */
  decidesNoRealRequest(j: number): boolean {
    return this.shadowed.has(j) || this.empty.has(j) || this.unrealistic.has(j);
  }

  /** The rule kube-apiserver's checker picks for a request (-1: none), the judge of every example. */
  decider(req: RequestAttributes): number {
    return this.compiled.evaluate(req).ruleIndex;
  }
}
