// The Deckhouse model: built-in rules as data, the effective policy, explanations.
export * from './basic-rules';
export * from './rule-titles';
export { SERVICE_ACCOUNT_RULE_INDEX, SYSTEM_NAMESPACE_RULE_INDEX } from './data/basic-rules.generated';
export type { DeckhouseSystemLists } from './data/basic-rules.generated';
export * from './built-in-rules-difference';
export { MERGED_POLICY_PATH } from './merged-policy-text';
export * from './merged-policy';
export * from './effective';
export * from './explain';
export * from './assertion-packs';
