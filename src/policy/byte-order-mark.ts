/**
 * The UTF-16 byte order marks, one rule for every reader (a policy, a manifest, a merged policy, an audit log):
 * FF FE is little-endian and FE FF big-endian, but FF FE 00 00 is UTF-32LE's mark, not UTF-16 text.
 */
export type Utf16Encoding = 'utf-16le' | 'utf-16be';

/** The UTF-16 encoding named by a byte order mark at the start of `bytes`; undefined for any other start. */
export function utf16ByteOrder(bytes: ArrayLike<number>): Utf16Encoding | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 === 0xff && b1 === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return 'utf-16le';
  return undefined;
}
