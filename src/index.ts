// Public entry point of cdk8s-deckhouse-audit. Each layer adds its exports below.
export * from './policy';
import * as policy from './policy';
export { policy };
export * from './deckhouse';
export * from './constructs';
export * from './replay';
