// The verbs kube-apiserver really produces (RequestInfoFactory, k8s-audit-semantics.md §5.2): Kubernetes
// verbs for resource requests, lower-case HTTP methods for non-resource requests.

import { closestMatch } from './did-you-mean';

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
  const meant = closestMatch(verb, [...REQUEST_VERBS[kind]]);
  const hint = REQUEST_VERBS[kind].has(lower)
    ? ` (verbs are lower-case: "${lower}")`
    : meant !== undefined
      ? ` (did you mean "${meant}"?)`
      : '';
  return (
    `${JSON.stringify(verb)} is not a verb kube-apiserver gives a ${resourceRequest ? 'resource' : 'non-resource'} ` +
    `request${hint}; it uses ${allowed}`
  );
}

/** Verbs whose requests carry no object name (a create names it only in the body; lists and watches only by fieldSelector). */
export const NAMELESS_VERBS: ReadonlySet<string> = new Set(['create', 'list', 'watch', 'deletecollection']);

/**
 * Why a resource request with this verb, subresource and name is one kube-apiserver never builds (undefined
 * when it can). RequestInfoFactory reads `RESOURCE/NAME/SUBRESOURCE`: a subresource only after a name, never
 * for the `proxy` verb (`specialVerbsNoSubresources`); a GET without a name becomes list (or watch), a DELETE
 * without one deletecollection, so list and deletecollection never carry a subresource (k8s-audit-semantics.md
 * §5.2). `nameRequired` also refuses get and delete without a name (the forms that take the verb as given).
 */
export function impossibleResourceRequestReason(
  request: { verb: string; subresource?: string; name?: string },
  nameRequired = false,
): string | undefined {
  const { verb } = request;
  const subresource = request.subresource ?? '';
  const name = request.name ?? '';
  if (subresource !== '') {
    if (verb === 'proxy') {
      return (
        'a proxy request has no subresource: kube-apiserver reads none after the /proxy/ path verb ' +
        '(GET .../RESOURCE/NAME/SUBRESOURCE is a get of the subresource)'
      );
    }
    if (verb === 'list' || verb === 'deletecollection') {
      return (
        `a ${verb} request has no subresource: kube-apiserver reads a subresource only after an object name, and a ` +
        `request that names its object is a ${verb === 'list' ? 'get (or a watch through /watch/)' : 'delete'}`
      );
    }
    if (name === '') {
      return (
        `subresource "${subresource}" without an object name: kube-apiserver reads a subresource only from ` +
        `.../RESOURCE/NAME/SUBRESOURCE, so every such request names its object; give the name`
      );
    }
  }
  if (nameRequired && name === '' && (verb === 'get' || verb === 'delete')) {
    return verb === 'get'
      ? 'a get names its object: kube-apiserver calls a GET without a name a list (or a watch, with ?watch); use verb list or watch, or give the name'
      : 'a delete names its object: kube-apiserver calls a DELETE without a name a deletecollection; use verb deletecollection, or give the name';
  }
  return undefined;
}
