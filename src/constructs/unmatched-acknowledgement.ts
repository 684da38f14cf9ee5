import { ASSERTION_FAILED } from '../policy/assertions';
import { closestMatch } from '../policy/did-you-mean';
import { LINT_CODES } from '../policy/lint';
import { EffectivePolicy, Finding } from '../policy/types';

/** What an acknowledgement names, as far as telling a typo from a finding that is gone needs. */
interface Acknowledgement {
  readonly code: string;
  readonly index?: number;
  readonly assertion?: string;
}

/**
 * Why an acknowledgement matches no finding, and its fix: a mistyped code or assertion id gets the closest
 * one that exists ("did you mean"), an index that misses gets the index the findings of its code are about;
 * otherwise the finding is gone and the acknowledgement can be removed. A typo would otherwise read as "the
 * finding is gone", and the real finding would still fail synth under the unchanged acknowledgement.
 */
export function unmatchedAcknowledgement(
  ack: Acknowledgement,
  findings: ReadonlyArray<Finding & { readonly assertion?: string }>,
  effective: EffectivePolicy,
): { why: string; fix: string } {
  const codes = [...new Set([...LINT_CODES, ASSERTION_FAILED, ...findings.map((f) => f.code)])];
  if (!codes.includes(ack.code)) {
    const meant = closestMatch(ack.code, codes);
    if (meant !== undefined)
      return { why: `"${ack.code}" is no finding code`, fix: `did you mean code: "${meant}"?` };
    return { why: `"${ack.code}" is no finding code`, fix: 'copy the code a finding prints' };
  }
  const sameCode = findings.filter((f) => f.code === ack.code);
  if (ack.assertion !== undefined) {
    const ids = [...new Set(sameCode.flatMap((f) => (f.assertion === undefined ? [] : [f.assertion])))];
    const meant = closestMatch(ack.assertion, ids);
    if (meant !== undefined && meant !== ack.assertion)
      return {
        why: `no failed assertion has id "${ack.assertion}"`,
        fix: `did you mean assertion: "${meant}"?`,
      };
  }
  if (ack.index !== undefined) {
    const indexes = [
      ...new Set(
        sameCode.flatMap((f) => {
          const origin = f.ruleIndex >= 0 ? effective.origins[f.ruleIndex] : undefined;
          return origin?.layer === 'custom' ? [origin.index] : [];
        }),
      ),
    ];
    if (indexes.length > 0 && indexes.length <= 3 && !indexes.includes(ack.index))
      return {
        why: `the ${ack.code} findings are about ${indexes.map((i) => `your rule #${i + 1} (index: ${i})`).join(', ')}`,
        fix: 'set index to the rule you meant (indexes count from 0), or remove the acknowledgement',
      };
  }
  return { why: '', fix: 'remove it (the finding is gone)' };
}
