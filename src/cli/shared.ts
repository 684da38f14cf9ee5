import { DEFAULT_KUBERNETES_VERSION } from '../policy/kubernetes-version';
import { parseKubernetesVersion } from '../policy/version';
import { UsageError } from './errors';
import { CliIo, write } from './io';

/** Prints one JSON document (two-space indented, newline-terminated) on stdout. */
export function printJson(io: CliIo, value: unknown): Promise<void> {
  return write(io.stdout, JSON.stringify(value, null, 2) + '\n');
}

/** Checks `--kubernetes-version` and fills in the default. */
export function kubernetesVersionOption(text: string | undefined): string {
  if (text === undefined) return DEFAULT_KUBERNETES_VERSION;
  if (!parseKubernetesVersion(text)) {
    throw new UsageError(`--kubernetes-version needs a version like 1.32 or v1.36.2, got '${text}'`);
  }
  return text;
}
