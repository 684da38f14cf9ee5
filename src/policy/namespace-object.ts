import { RequestSpecError } from './request-spec-error';
import { RequestAttributes } from './types';
import { NAMESPACE_SUBRESOURCES } from './url-request';

/**
 * requestinfo.go: /api/v1/namespaces/NAME, and its status and finalize subresources (url-request.ts's
 * NAMESPACE_SUBRESOURCES), are requests on the Namespace object NAME whose namespace attribute is NAME itself
 * (k8s-audit-semantics.md §5.2 step 5), so rules with namespaces: [NAME] match them and namespaces: [""] does not.
 *
 * A list names a namespace only with fieldSelector=metadata.name=NAME on the cluster-wide URL
 * (GET /api/v1/namespaces?fieldSelector=..., requestinfo.go step 7), so it stays in namespace "".
 *
 * Gives a request described by its fields (not parsed from a URL) the namespace kube-apiserver would: for a
 * named Namespace object, its own name; for a named list, "". Throws a RequestSpecError when the request
 * names another namespace, which no such request has. Changes `request` in place.
 */
export function setNamespaceObjectNamespace(request: RequestAttributes): void {
  const { apiGroup, resource, subresource, name, namespace } = request;
  if (!request.resourceRequest || (apiGroup ?? '') !== '' || resource !== 'namespaces') return;
  if (name === undefined || name === '') return;
  if (subresource !== undefined && subresource !== '' && !NAMESPACE_SUBRESOURCES.has(subresource)) return;
  if (request.verb === 'list') {
    if (namespace !== undefined && namespace !== '') {
      throw new RequestSpecError(
        `namespace "${namespace}" for a list of namespaces named "${name}": a list names a namespace only by ` +
          `fieldSelector, on the cluster-wide URL (kube-apiserver reads ` +
          `GET /api/v1/namespaces?fieldSelector=metadata.name=${name} as namespace "")`,
      );
    }
    request.namespace = '';
    return;
  }
  if (namespace !== undefined && namespace !== '' && namespace !== name) {
    throw new RequestSpecError(
      `namespace "${namespace}" for the Namespace object "${name}": a Namespace object's requests are in the ` +
        `namespace of its own name (kube-apiserver reads /api/v1/namespaces/${name} as namespace "${name}")`,
    );
  }
  request.namespace = name;
}
