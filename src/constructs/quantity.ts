// Kubernetes resource quantities (k8s.io/apimachinery resource.Quantity) as numbers, for the limits the
// log-shipper CRDs state in prose rather than in their schemas.

/**
 * The smallest disk buffer Vector accepts: the ClusterLogDestination CRD's description of
 * `spec.buffer.disk.maxSize` says "Must be at least ~256MB (268435488 bytes)"; log-shipper refused a smaller
 * one (Buffer.validate in older releases) and now raises it to this minimum (buildVectorBufferNotNil).
 */
export const DISK_BUFFER_MIN_BYTES = 268435488;

/**
 * The largest disk buffer log-shipper passes on as it is: it converts the quantity with
 * `uint32(buffer.Disk.MaxSize.Value())` (deckhouse modules/460-log-shipper/hooks/internal/vector/destination/
 * common.go), which keeps the low 32 bits: 4Gi becomes 0 (then the minimum), 10Gi becomes 2Gi.
 */
export const DISK_BUFFER_MAX_BYTES = 4294967295;

// The CRD's pattern for maxSize: a decimal number, then a binary or decimal suffix or an exponent.
const QUANTITY =
  /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?:([KMGTPE]i)|([numkMGTPE])|[eE]([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)))?$/;

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** The value of a quantity (`1Gi`, `300M`, `1e9`, or a number), or undefined when it is none. */
export function parseQuantity(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const match = QUANTITY.exec(value);
  if (match === null) return undefined;
  const [, number, binary, decimal, exponent] = match;
  const base = Number(number);
  if (binary !== undefined) return base * 1024 ** BINARY[binary]!;
  if (decimal !== undefined) return base * 10 ** DECIMAL[decimal]!;
  if (exponent !== undefined) return base * 10 ** Number(exponent);
  return base;
}
