// The verbs kube-apiserver really produces (RequestInfoFactory, k8s-audit-semantics.md §5.2): Kubernetes
// verbs for resource requests, lower-case HTTP methods for non-resource requests.

/** The request verbs per kind of request. */
export const REQUEST_VERBS: Readonly<Record<'resource' | 'nonResource', ReadonlySet<string>>> = {
  resource: new Set([
    'get',
    'list',
    'watch',
    'create',
    'update',
    'patch',
    'delete',
    'deletecollection',
    'proxy',
  ]),
  nonResource: new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']),
};

/**
 * Why `verb` is not a verb kube-apiserver gives this kind of request (undefined when it is one), with the
 * allowed verbs; `""` (what upstream gives a resource request with a non-standard method) is refused too.
 */
export function unknownVerbReason(verb: string, resourceRequest: boolean): string | undefined {
  const kind = resourceRequest ? 'resource' : 'nonResource';
  if (REQUEST_VERBS[kind].has(verb)) return undefined;
  const allowed = [...REQUEST_VERBS[kind]].join(', ');
  const lower = verb.toLowerCase();
  const hint = REQUEST_VERBS[kind].has(lower) ? ` (verbs are lower-case: "${lower}")` : '';
  return (
    `${JSON.stringify(verb)} is not a verb kube-apiserver gives a ${resourceRequest ? 'resource' : 'non-resource'} ` +
    `request${hint}; it uses ${allowed}`
  );
}

/** Verbs whose requests carry no object name (a create names it only in the body; lists and watches only by fieldSelector). */
export const NAMELESS_VERBS: ReadonlySet<string> = new Set(['create', 'list', 'watch', 'deletecollection']);
