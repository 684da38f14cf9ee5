// Public entry point of cdk8s-deckhouse-audit: the policy engine, the Deckhouse model, the cdk8s
// constructs and the audit-log replay. `policy(...)` (from the engine) is the typed builder.
export * from './policy';
export * from './deckhouse';
export * from './constructs';
export * from './replay';
