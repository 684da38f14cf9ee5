import { checkListArgument, checkObjectArgument } from '../policy/arguments';
// Runs an assertion pack against a policy and groups its failures by the documented statement they check.
import { AssertionResult, checkAssertions } from '../policy/assertions';
import { EffectivePolicy, Policy, PolicyRule, PolicyProducer } from '../policy/types';
import { AssertionPack } from './assertion-pack';

/** Runs every item of a pack against a policy or an effective Deckhouse policy, in order. */
export function runAssertionPack(
  pack: AssertionPack,
  policy: Policy | EffectivePolicy | PolicyProducer,
): AssertionResult[] {
  checkObjectArgument('runAssertionPack', 'pack', pack, 'an AssertionPack ({ name, items: [...] })');
  checkListArgument('runAssertionPack', 'pack.items', pack.items, 'a list of assertions');
  return checkAssertions(policy, pack.items);
}

/** A documented statement of a pack with at least one failed assertion, and the custom rules that close it. */
export interface FailedStatement {
  statement: string;
  failed: AssertionResult[];
  fixRules: PolicyRule[];
}

/** The statements of a pack with at least one failing assertion, with the custom rules that close each gap. */
export function failedStatements(
  pack: AssertionPack,
  results: readonly AssertionResult[],
): FailedStatement[] {
  checkObjectArgument('failedStatements', 'pack', pack, 'an AssertionPack ({ name, items: [...] })');
  checkListArgument('failedStatements', 'results', results, 'the list runAssertionPack returned');
  const out = new Map<string, FailedStatement>();
  pack.items.forEach((item, k) => {
    const result = results[k];
    if (!result || result.ok) return;
    const statement = item.statement ?? item.name ?? item.id ?? pack.name;
    const entry = out.get(statement) ?? { statement, failed: [], fixRules: [] };
    entry.failed.push(result);
    // The rules that close this result's request (checkAssertions keeps only those), not all of the item's.
    for (const rule of result.fixRules ?? []) {
      if (!entry.fixRules.some((r) => JSON.stringify(r) === JSON.stringify(rule))) entry.fixRules.push(rule);
    }
    out.set(statement, entry);
  });
  return [...out.values()];
}
