// The assertion packs shipped with the package: each pack is data in src/deckhouse/packs/, run by
// assertion-pack-runner.ts.
import { AssertionPack } from './assertion-pack';
import { cis } from './packs/cis';
import { dvpDocumentedExclusions } from './packs/dvp-documented-exclusions';
import { dvpDocumentedPromises } from './packs/dvp-documented-promises';
import { falcoNeedsBodies } from './packs/falco-needs-bodies';

export type { AssertionPack } from './assertion-pack';
export { failedStatements, runAssertionPack } from './assertion-pack-runner';
export type { FailedStatement } from './assertion-pack-runner';
export { cis, dvpDocumentedExclusions, dvpDocumentedPromises, falcoNeedsBodies };

/** The packs shipped with the package. */
export const ASSERTION_PACKS: readonly AssertionPack[] = [
  dvpDocumentedPromises,
  dvpDocumentedExclusions,
  cis,
  falcoNeedsBodies,
];
