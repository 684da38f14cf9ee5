import { Policy, RequestAttributes } from '../../src/policy/types';

/** The smallest valid policy: every request at Metadata. */
export const P: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };

/** A valid resource request: user u gets pods. */
export const REQ: RequestAttributes = {
  verb: 'get',
  resourceRequest: true,
  resource: 'pods',
  user: 'u',
  groups: [],
};

/** A value of any type where a typed argument belongs, as an untyped caller would pass it. */
export const anyValue = (v: unknown) => v as never;
