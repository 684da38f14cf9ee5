import { SUPPORTED_KUBERNETES_VERSIONS } from './kubernetes-versions.generated';
import { parseKubernetesVersion } from './version';

export { SUPPORTED_KUBERNETES_VERSIONS };

/**
 * The oldest Kubernetes version the current Deckhouse release supports (the K8s version enum of
 * control-plane-manager's config-values): default output must load on every supported cluster.
 */
export const DEFAULT_KUBERNETES_VERSION: string = SUPPORTED_KUBERNETES_VERSIONS[0];

/** The modelled range as text, e.g. "1.32 to 1.36". */
export const SUPPORTED_KUBERNETES_RANGE = `${SUPPORTED_KUBERNETES_VERSIONS[0]} to ${
  SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1]
}`;

/**
 * Why `text` cannot be a target Kubernetes version, or undefined when it can: it must parse ("1.32",
 * "v1.36.2", "1.36.0-rc.1") and its minor version must be one this package models (SUPPORTED_KUBERNETES_VERSIONS,
 * the versions the described Deckhouse release runs; any patch release of them). Outside that range validation
 * and retention facts are not known, so a guess would be a false answer.
 */
export function kubernetesVersionProblem(text: string): string | undefined {
  const version = parseKubernetesVersion(text);
  if (!version) return 'must be a Kubernetes version such as "1.32" or "v1.36.2"';
  const minor = `${version.major}.${version.minor}`;
  if (SUPPORTED_KUBERNETES_VERSIONS.includes(minor)) return undefined;
  return `Kubernetes ${minor} is not modelled: this package knows Kubernetes ${SUPPORTED_KUBERNETES_RANGE} (${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}), the versions Deckhouse supports`;
}
