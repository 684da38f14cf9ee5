/** How to fix each kind of validation error kube-apiserver reports for a policy. */
import { closestMatch } from './did-you-mean';
import { DEFAULT_KUBERNETES_VERSION, SUPPORTED_KUBERNETES_RANGE } from './kubernetes-version';
import { FieldError, LEVELS, STAGES } from './types';
import { GROUP_WILDCARD_SINCE } from './version';

const LEVEL_LIST = LEVELS.join(', ');

/**
 * A one-sentence fix for a validation FieldError, or undefined when there is nothing specific to say.
 * `versionSetting` says how the caller's user names the cluster's Kubernetes version (a version-dependent error
 * is fixed there when the cluster is new enough); by default the option and the CLI flag.
 */
export function fixForFieldError(
  error: FieldError,
  versionSetting: (version: string) => string = (v) =>
    `kubernetesVersion: '${v}', in the CLI --kubernetes-version ${v}`,
): string | undefined {
  const field = error.field;
  const bad = error.badValue;
  if (field === 'kubernetesVersion') {
    return `give a Kubernetes version from ${SUPPORTED_KUBERNETES_RANGE}, e.g. "${DEFAULT_KUBERNETES_VERSION}"`;
  }
  if (/\.level$/.test(field)) {
    if (error.type === 'FieldValueRequired') return `add "level:" with one of ${LEVEL_LIST}`;
    const guess = typeof bad === 'string' ? closestMatch(bad, LEVELS) : undefined;
    return guess
      ? `did you mean "${guess}"? Levels are case-sensitive: ${LEVEL_LIST}`
      : `use one of ${LEVEL_LIST}`;
  }
  if (/(^|\.)omitStages\[\d+\]$/.test(field)) {
    const guess = typeof bad === 'string' ? closestMatch(bad, STAGES) : undefined;
    return guess
      ? `did you mean "${guess}"? Stages are case-sensitive: ${STAGES.join(', ')}`
      : `use one of ${STAGES.join(', ')}`;
  }
  if (/\.nonResourceURLs\[\d+\]$/.test(field)) {
    if (error.detail.includes("begin with a '/'")) {
      return typeof bad === 'string' && bad !== ''
        ? `write a URL path such as "/${bad.replace(/^\/*/, '')}", or "*" for every non-resource URL`
        : 'write a URL path such as "/healthz", or "*" for every non-resource URL';
    }
    return 'a "*" is allowed only as the last character (a prefix match such as "/apis/*")';
  }
  if (/\.nonResourceURLs$/.test(field)) {
    return 'split it into two rules: one with nonResourceURLs only, one with resources and namespaces';
  }
  if (/\.resources(\[\d+\])?\.group$/.test(field)) {
    if (bad === '*') {
      // Leaving "resources" out is not the same rule: a rule with neither resources nor namespaces also
      // matches non-resource requests (/healthz, /metrics), and the entry's own resource list is lost.
      return (
        `group "*" is accepted from Kubernetes ${GROUP_WILDCARD_SINCE} (for such a cluster, say so: ` +
        `${versionSetting(GROUP_WILDCARD_SINCE)}); for older clusters list each group in an ` +
        'entry of its own ("" is the core group) with the same resources; leaving "resources" out instead matches ' +
        'every resource of every group, and, without namespaces, non-resource URLs such as /healthz too'
      );
    }
    if (typeof bad === 'string' && /^[a-z0-9.-]+\/v[0-9a-z]+$/i.test(bad)) {
      return `write the group without its version: "${bad.replace(/\/[^/]*$/, '')}"`;
    }
    if (typeof bad === 'string' && bad.toLowerCase() !== bad) {
      return `API groups are lowercase: "${bad.toLowerCase()}"`;
    }
    return 'an API group is a lowercase DNS name such as "apps" or "rbac.authorization.k8s.io"; "" is the core group';
  }
  if (/\.resourceNames$/.test(field)) {
    return 'list the resources the names belong to in the same entry, e.g. "resources: [configmaps]"';
  }
  if (error.type === 'FieldValueTypeInvalid') return 'give the field a value of the documented type';
  return undefined;
}
