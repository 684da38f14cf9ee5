import {
  checkPolicyOrEffectiveArgument,
  checkRequestArgument,
  checkObjectArgument,
} from '../policy/arguments';
import { evaluatePolicy, ruleMatchesRequest } from '../policy/evaluate';
import {
  Decision,
  EffectivePolicy,
  Level,
  Policy,
  PolicyRule,
  RequestAttributes,
  RuleOrigin,
  Stage,
  isEffectivePolicy,
  PolicyProducer,
} from '../policy/types';
import { describeRule, ruleLabel } from '../policy/describe';
import { omittedStages } from '../policy/rule-block';
import { reachedStagesText, writtenStages } from '../policy/written-stages';

/** A later rule that also matches the request but never gets to decide it. */
export interface PreemptedRule {
  /** 0-based index in the (merged) policy's rules, like Decision.ruleIndex. */
  ruleIndex: number;
  origin?: RuleOrigin;
  rule: PolicyRule;
  /** The level this rule would have given the request. */
  wantedLevel: Level;
  /** The stages it would have omitted (its own plus the policy-level ones), in lifecycle order. */
  wantedOmitStages: Stage[];
  /** What the rule matches, e.g. "secrets at Request" (Deckhouse's own title for a built-in rule). */
  title: string;
  /** The one label of a rule, e.g. "your rule #3 (rules[29])". */
  label: string;
}

/** Why a request gets the level it gets. */
export interface Explanation {
  decision: Decision;
  /** The deciding rule (absent when no rule matches). */
  rule?: PolicyRule;
  /** 0-based index of the deciding rule in the (merged) policy, -1 if none. */
  ruleIndex: number;
  origin?: RuleOrigin;
  /** What the deciding rule matches, e.g. "list at Metadata". */
  title?: string;
  /** The deciding rule's label, e.g. "basic rule #15 (rules[14])": `#` counts from 1 within the layer. */
  label?: string;
  /**
   * Later rules that also match: for Deckhouse effective policies only the custom ones (the user's
   * rules that Deckhouse's earlier rules or the user's own earlier rules pre-empt); for plain policies all.
   */
  preempted: PreemptedRule[];
  /** False when the effective policy has no rules (Deckhouse turns auditing off). */
  enabled: boolean;
  /** One or more sentences for humans. */
  summary: string;
}

function stagesText(stages: readonly Stage[]): string {
  return stages.length === 0 ? 'no stages omitted' : `omits ${stages.join(', ')}`;
}

/**
 * Explains the decision for one request: the level (kube-apiserver's evaluation), the deciding rule with
 * its layer and index, and the rules that would also have matched but were pre-empted by an earlier one.
 * Throws a TypeError for a policy or request of the wrong shape (see evaluatePolicy).
 */
export function explain(
  policyOrProducer: Policy | EffectivePolicy | PolicyProducer,
  request: RequestAttributes,
): Explanation {
  const policyOrEffective = checkPolicyOrEffectiveArgument('explain', 'policy', policyOrProducer);
  checkRequestArgument('explain', 'request', request);
  const effective = isEffectivePolicy(policyOrEffective) ? policyOrEffective : undefined;
  const policy = effective ? effective.policy : (policyOrEffective as Policy);
  const rules = policy.rules ?? [];
  const enabled = effective ? effective.enabled && rules.length > 0 : true;
  const decision = evaluatePolicy(policy, request);
  const titleOf = (i: number) => effective?.titles?.[i] ?? describeRule(rules[i]);

  const preempted: PreemptedRule[] = [];
  if (decision.ruleIndex >= 0) {
    // Later custom rules, and the virtualization rules a custom rule pre-empts (releases before deckhouse
    // PR #15603 merged them after the custom rules); the tail is there to be pre-empted.
    const byCustom = effective?.origins[decision.ruleIndex]?.layer === 'custom';
    for (let i = decision.ruleIndex + 1; i < rules.length; i++) {
      const origin = effective?.origins[i];
      if (effective && origin?.layer !== 'custom' && !(byCustom && origin?.layer === 'virtualization'))
        continue;
      if (!ruleMatchesRequest(rules[i], request)) continue;
      const title = titleOf(i);
      preempted.push({
        ruleIndex: i,
        origin,
        rule: rules[i],
        wantedLevel: rules[i].level,
        wantedOmitStages: omittedStages(policy, rules[i]),
        title,
        label: ruleLabel(i, origin),
      });
    }
  }

  const explanation: Explanation = {
    decision,
    ruleIndex: decision.ruleIndex,
    preempted,
    enabled,
    summary: '',
  };
  if (decision.ruleIndex >= 0) {
    const i = decision.ruleIndex;
    explanation.rule = rules[i];
    explanation.origin = effective?.origins[i];
    explanation.title = titleOf(i);
    explanation.label = ruleLabel(i, explanation.origin);
  }
  explanation.summary = summarize(explanation, request);
  return explanation;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function summarize(e: Explanation, request: RequestAttributes): string {
  if (!e.enabled) {
    return 'Audit is off: Deckhouse runs no audit policy (basic rules disabled and no custom rules), so nothing is recorded.';
  }
  const d = e.decision;
  if (d.ruleIndex < 0) {
    return 'Level None: no rule matches this request, so it is not recorded.';
  }
  const sentences = [`Level ${d.level} (${stagesText(d.omitStages)}), decided by ${e.label}: ${e.title}.`];
  // A level with every stage the request reaches omitted writes nothing (written-stages.ts): "Level Metadata"
  // alone would read as "recorded".
  if (d.level !== 'None' && writtenStages(request, d).length === 0) {
    sentences.push(
      `No event is written for this request: every stage it reaches (${reachedStagesText(request)}) is omitted.`,
    );
  }
  for (const p of e.preempted) {
    const same = p.wantedLevel === d.level;
    const wanted = same ? `${p.wantedLevel} too` : p.wantedLevel;
    sentences.push(
      `${capitalize(p.label)}, ${p.title}, wanted ${wanted}; ${e.label}, ${e.title}, decided first.`,
    );
  }
  return sentences.join(' ');
}

/** Multi-line text for humans (the CLI prints it); rule numbers with "#" count from 1 within their layer. */
export function formatExplanation(e: Explanation): string {
  checkObjectArgument('formatExplanation', 'explanation', e, 'an Explanation from explain()');
  const lines: string[] = [];
  if (!e.enabled) {
    lines.push('Level:    None (audit is off)', e.summary);
    return lines.join('\n') + '\n';
  }
  const d = e.decision;
  lines.push(`Level:    ${d.level}`);
  lines.push(`Omitted:  ${d.omitStages.length === 0 ? '(none)' : d.omitStages.join(', ')}`);
  if (d.omitManagedFields) lines.push('Managed fields: omitted');
  lines.push(
    `Rule:     ${e.label !== undefined ? `${e.label}: ${e.title}` : '(none: no rule matches; the request is not recorded)'}`,
  );
  if (e.preempted.length > 0) {
    lines.push('Pre-empted (they match too, but an earlier rule decides):');
    for (const p of e.preempted) {
      const stages = p.wantedOmitStages.length === 0 ? '' : `, omitting ${p.wantedOmitStages.join(', ')}`;
      lines.push(`  - ${p.label}: ${p.title}, wanted ${p.wantedLevel}${stages}`);
    }
  }
  lines.push(
    '',
    e.summary,
    '',
    'Rule numbers with # count from 1 within their layer; rules[i] counts from 0 in the policy.',
  );
  return lines.join('\n') + '\n';
}
