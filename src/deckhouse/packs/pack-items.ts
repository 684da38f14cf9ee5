// Builders for pack items: the packs are data, these keep each item to one line of intent.
import { AuditExpectation, AuditRequestSpec } from '../../policy/assertions';
import { PolicyRule } from '../../policy/types';
import { PackAssertion } from '../assertion-pack';

/** The RBAC API group. */
export const RBAC = 'rbac.authorization.k8s.io';
const USER = { user: 'alice@example.com' } as const;

/** A request by an ordinary user: `resource` may carry a subresource (`pods/exec`). */
export function req(verb: string, resource: string, extra: AuditRequestSpec = {}): AuditRequestSpec {
  const [res, sub] = resource.split('/');
  return { ...USER, verb, resource: res, ...(sub ? { subresource: sub } : {}), ...extra };
}

/** One pack assertion per case, all checking the same promise with the same expectation and fix rules. */
export function make(
  promise: string,
  prefix: string,
  expect: AuditExpectation,
  fixRules: PolicyRule[] | undefined,
  cases: Array<[id: string, name: string, request: AuditRequestSpec | string]>,
): PackAssertion[] {
  return cases.map(([id, name, request]) => ({
    id: `${prefix}.${id}`,
    name,
    promise,
    request,
    expect,
    ...(fixRules ? { fixRules } : {}),
  }));
}

/** The request is written to the log (any level but None). */
export const RECORDED: AuditExpectation = { atLeast: 'Metadata' };
