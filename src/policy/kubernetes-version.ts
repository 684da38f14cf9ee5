import { SUPPORTED_KUBERNETES_VERSIONS } from './kubernetes-versions.generated';

export { SUPPORTED_KUBERNETES_VERSIONS };

/**
 * The oldest Kubernetes version the current Deckhouse release supports (the K8s version enum of
 * control-plane-manager's config-values): default output must load on every supported cluster.
 */
export const DEFAULT_KUBERNETES_VERSION: string = SUPPORTED_KUBERNETES_VERSIONS[0];
