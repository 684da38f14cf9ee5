// How a request is described: the attributes kube-apiserver's audit policy sees, built from a method and
// URL (RequestInfoFactory), from a kubectl command line (the URL kubectl sends), and the identity of the
// caller (the authenticators' groups). One module to import them from; each idea lives in its own file.
export { RequestSpecError } from './request-spec-error';
export {
  ANONYMOUS_USER,
  AUTHENTICATED_GROUP,
  DEFAULT_REQUEST_USER,
  type RequestIdentity,
  SERVICE_ACCOUNTS_GROUP,
  UNAUTHENTICATED_GROUP,
  authenticatedGroups,
  requestIdentity,
  serviceAccountGroups,
  serviceAccountNamespace,
  unrealisticIdentity,
} from './identity';
export { type RequestFromUrlOptions, requestFromUrl } from './url-request';
export { type SelectorTerm, parseFieldSelector } from './field-selector';
export { type KubectlRequest, KUBECTL_COMMANDS, kubectlRequest, requestFromKubectl } from './kubectl-request';
export { API_RESOURCES, type ApiResource, type ResourceType, resolveResourceType } from './api-resources';
