import { requestFromUrl } from '../../src/policy/request-info';
import { RequestAttributes } from '../../src/policy/types';

// The requests kube-apiserver produces on the core `namespaces` resource, built from URLs with requestFromUrl
// (which follows k8s.io/apiserver pkg/endpoints/request/requestinfo.go and is checked against upstream's
// requestinfo_test.go in request-info.test.ts), independently of the lint's request-space model. Every form
// that reaches the `namespaces` resource is here, but /api/v1/namespaces/X/namespaces/Y: namespaces are
// cluster-scoped, so no core API serves that path (always 404).

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Every METHOD URL on core namespaces with these namespace names, and the attributes each is audited with. */
export function coreNamespaceRequests(names: readonly string[]): RequestAttributes[] {
  const paths: string[] = [];
  // An empty segment ("//status") is a namespace and name "" to requestinfo.go, as a missing one is.
  for (const n of new Set(['', ...names])) {
    for (const prefix of ['/api/v1/namespaces', '/api/v1/watch/namespaces', '/api/v1/proxy/namespaces']) {
      paths.push(n === '' ? prefix : `${prefix}/${n}`);
      for (const sub of ['status', 'finalize']) paths.push(`${prefix}/${n}/${sub}`);
    }
  }
  const queries = ['', '?watch=1'];
  for (const n of names) {
    if (n === '') continue;
    queries.push(`?fieldSelector=metadata.name=${n}`, `?watch=1&fieldSelector=metadata.name=${n}`);
  }
  const out: RequestAttributes[] = [];
  for (const method of METHODS)
    for (const path of paths)
      for (const query of queries) out.push(requestFromUrl(`${method} ${path}${query}`));
  return out;
}

function resourceKey(r: RequestAttributes): string {
  return JSON.stringify([r.verb, r.apiGroup, r.resource, r.subresource, r.namespace, r.name]);
}

/**
 * Whether some URL gives a request these resource attributes (verb, group, resource, subresource, namespace,
 * name); always true for requests that are not on core namespaces.
 */
export function someUrlProduces(req: RequestAttributes): boolean {
  if (!req.resourceRequest || req.apiGroup !== '' || req.resource !== 'namespaces') return true;
  const names = [req.namespace ?? '', req.name ?? ''];
  const memo = JSON.stringify(names);
  let keys = produced.get(memo);
  if (keys === undefined) produced.set(memo, (keys = new Set(coreNamespaceRequests(names).map(resourceKey))));
  return keys.has(resourceKey(req));
}

const produced = new Map<string, Set<string>>();
