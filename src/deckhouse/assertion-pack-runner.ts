// Runs an assertion pack against a policy and groups its failures by promise.
import { AssertionResult, checkAudit } from '../policy/assertions';
import { policyParts } from '../policy/describe';
import { EffectivePolicy, Policy, PolicyRule } from '../policy/types';
import { AssertionPack, PackAssertion, PolicyCheck } from './assertion-pack';

/** True for an item that checks the policy as a whole rather than one request. */
export function isPolicyCheck(item: PackAssertion | PolicyCheck): item is PolicyCheck {
  return (item as PolicyCheck).check !== undefined;
}

function runPolicyCheck(item: PolicyCheck, policy: Policy | EffectivePolicy): AssertionResult {
  const parts = policyParts(policy);
  const rules = Array.isArray(parts.policy.rules) ? parts.policy.rules.length : 0;
  const ok = rules > 0 && !parts.auditOff;
  return {
    id: item.id,
    name: item.name,
    ok,
    message: ok
      ? `holds: ${item.name} (${rules} rules)`
      : `FAILS: ${item.name}\n  the policy has no rules, so kube-apiserver runs without auditing`,
    ...(ok ? {} : { fix: item.fix }),
  };
}

/** Runs every item of a pack against a policy or an effective Deckhouse policy (never throws). */
export function runAssertionPack(pack: AssertionPack, policy: Policy | EffectivePolicy): AssertionResult[] {
  const requests = pack.items.filter((i): i is PackAssertion => !isPolicyCheck(i));
  // checkAudit answers in the order it was asked, so the request items take its results in turn.
  const results = checkAudit(policy, requests);
  let next = 0;
  return pack.items.map((item) => (isPolicyCheck(item) ? runPolicyCheck(item, policy) : results[next++]));
}

/** The promises of a pack with at least one failing assertion, with the custom rules that close each gap. */
export function brokenPromises(
  pack: AssertionPack,
  results: readonly AssertionResult[],
): Array<{ promise: string; failed: AssertionResult[]; fixRules: PolicyRule[] }> {
  const out = new Map<string, { promise: string; failed: AssertionResult[]; fixRules: PolicyRule[] }>();
  pack.items.forEach((item, k) => {
    const result = results[k];
    if (!result || result.ok) return;
    const entry = out.get(item.promise) ?? { promise: item.promise, failed: [], fixRules: [] };
    entry.failed.push(result);
    if (!isPolicyCheck(item)) {
      for (const rule of item.fixRules ?? []) {
        if (!entry.fixRules.some((r) => JSON.stringify(r) === JSON.stringify(rule)))
          entry.fixRules.push(rule);
      }
    }
    out.set(item.promise, entry);
  });
  return [...out.values()];
}
