// The shape of an assertion pack: named promises checked by evaluating concrete requests (plain data).
import { AuditAssertion } from '../policy/assertions';

/** One assertion of a pack: an id, the promise it checks, and the custom rules that close a gap. */
export interface PackAssertion extends AuditAssertion {
  id: string;
  name: string;
  /** The promise (documentation bullet, benchmark item) the assertion belongs to. */
  promise: string;
}

/** A check on the policy as a whole rather than on one request. */
export interface PolicyCheck {
  id: string;
  name: string;
  promise: string;
  /** `audit-enabled`: the policy has rules, i.e. kube-apiserver audits at all. */
  check: 'audit-enabled';
  fix: string;
}

/** A named, shippable set of audit assertions (plain data, so constructs can run it at synth time). */
export interface AssertionPack {
  name: string;
  description: string;
  /** Where the promises come from. */
  source: string;
  items: Array<PackAssertion | PolicyCheck>;
}
