// Builders for pack items: the packs are data, these keep each item to one line of intent.
import { AuditAssertion, AuditRequest, RecordingOutcome } from '../../policy/assertions';
import { PolicyRule } from '../../policy/types';

/** The RBAC API group. */
export const RBAC = 'rbac.authorization.k8s.io';
const USER = { user: 'alice@example.com' } as const;

/** A request by an ordinary user: `resource` may carry a subresource (`pods/exec`). */
export function req(verb: string, resource: string, extra: AuditRequest = {}): AuditRequest {
  const [res, sub] = resource.split('/');
  return { ...USER, verb, resource: res, ...(sub ? { subresource: sub } : {}), ...extra };
}

/** One pack assertion per case, all checking the same statement with the same outcome and fix rules. */
export function make(
  statement: string,
  prefix: string,
  outcome: RecordingOutcome,
  fixRules: PolicyRule[] | undefined,
  cases: Array<[id: string, name: string, request: AuditRequest | string]>,
): AuditAssertion[] {
  return cases.map(([id, name, request]) => ({
    id: `${prefix}.${id}`,
    name,
    statement,
    request,
    ...outcome,
    ...(fixRules ? { fixRules } : {}),
  }));
}

/** The request is written to the log (any level but None). */
export const RECORDED: RecordingOutcome = { atLeast: 'Metadata' };
