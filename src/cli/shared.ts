import { DEFAULT_KUBERNETES_VERSION, SUPPORTED_KUBERNETES_VERSIONS } from '../policy/kubernetes-version';
import { parseKubernetesVersion } from '../policy/version';
import { OptionSpec, ParsedArgs, integerOption } from './args';
import { UsageError } from './errors';
import { CliIo, write } from './io';
import { SECRET_SIZE_LIMIT } from './read-input';

/** `--max-policy-bytes`: the size limit of a policy (and, scaled for base64, of the file holding it). */
export const MAX_POLICY_BYTES_OPTION: OptionSpec = {
  type: 'string',
  value: 'N',
  description: `refuse a policy over N bytes before parsing it (default ${SECRET_SIZE_LIMIT}: the API server's Secret size limit)`,
};

/** The versions `--kubernetes-version` takes and its default, as its help says them. */
export const KUBERNETES_VERSION_RANGE =
  `${SUPPORTED_KUBERNETES_VERSIONS[0]} to ${SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1]} ` +
  `(default ${DEFAULT_KUBERNETES_VERSION})`;

/** `--max-policy-bytes`, or the Secret limit. */
export function maxPolicyBytesOption(args: ParsedArgs): number {
  const n = integerOption(args, 'max-policy-bytes', SECRET_SIZE_LIMIT);
  if (n === 0) throw new UsageError('--max-policy-bytes needs a positive number of bytes');
  return n;
}

/** Prints one JSON document (two-space indented, newline-terminated) on stdout. */
export function printJson(io: CliIo, value: unknown): Promise<void> {
  return write(io.stdout, JSON.stringify(value, null, 2) + '\n');
}

/**
 * Checks `--kubernetes-version` and fills in the default: a version like 1.32 or v1.36.2 inside the range
 * the package models (SUPPORTED_KUBERNETES_VERSIONS, generated from Deckhouse's control-plane-manager
 * settings schema); validation outside it would be a guess.
 */
export function kubernetesVersionOption(text: string | undefined): string {
  if (text === undefined) return DEFAULT_KUBERNETES_VERSION;
  const version = parseKubernetesVersion(text);
  if (!version) {
    throw new UsageError(`--kubernetes-version needs a version like 1.32 or v1.36.2, got '${text}'`);
  }
  if (!SUPPORTED_KUBERNETES_VERSIONS.includes(`${version.major}.${version.minor}`)) {
    const first = SUPPORTED_KUBERNETES_VERSIONS[0];
    const last = SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1];
    throw new UsageError(
      `--kubernetes-version ${text} is outside the versions this package models: ${first}–${last} ` +
        `(${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}, the Kubernetes versions Deckhouse supports)`,
    );
  }
  return text;
}
