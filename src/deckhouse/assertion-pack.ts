// The shape of an assertion pack: documented statements checked by evaluating concrete requests (plain data).
import { AuditAssertion } from '../policy/assertions';

/** A named, shippable set of audit assertions (plain data, so constructs can run it at synth time). */
export interface AssertionPack {
  name: string;
  description: string;
  /** Where the statements come from (a documentation page, a benchmark). */
  source: string;
  /** Every item has an `id`, a `name` and the `statement` it checks. */
  items: AuditAssertion[];
}
