/** A parsed Kubernetes release version (only major.minor.patch matter for audit semantics). */
export interface KubernetesVersion {
  major: number;
  minor: number;
  patch: number;
}

const VERSION_PATTERN = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+][0-9A-Za-z.+-]+)?$/;

/** Parses "1.32", "v1.36.2" or "1.36.0-rc.1"; undefined when the text is not a version. */
export function parseKubernetesVersion(text: string): KubernetesVersion | undefined {
  const m = VERSION_PATTERN.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? 0 : Number(m[3]) };
}

/** Negative, zero or positive like a sort comparator (pre-release suffixes are ignored). */
export function compareKubernetesVersions(a: KubernetesVersion, b: KubernetesVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** True when `version` is `minimum` or newer; both must be valid version strings. */
export function isKubernetesVersionAtLeast(version: string, minimum: string): boolean {
  const v = parseKubernetesVersion(version);
  const min = parseKubernetesVersion(minimum);
  if (!v || !min) throw new Error(`not a Kubernetes version: "${v ? minimum : version}"`);
  return compareKubernetesVersions(v, min) >= 0;
}

/** The first Kubernetes release whose validation accepts `group: "*"` in a policy rule. */
export const GROUP_WILDCARD_SINCE = '1.36';

/**
 * The first release whose apimachinery (0.34) prints a field error's non-string bad value (a list, an audit.Level)
 * with json.Marshal; before, `%#v` printed `[]string{"a"}`.
 */
export const JSON_BAD_VALUES_SINCE = '1.34';
