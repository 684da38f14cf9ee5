/**
 * Keys of the replay's tables (user names, resource keys, URL paths) come from the log, and an anonymous
 * client can plant lines with 10 KB user names or 20,000-character paths: kube-apiserver logs
 * unauthenticated requests too. Keys are therefore cut to a bounded length, keeping a digest of the whole
 * so that different long values stay different keys. (Bounded keys also keep Map lookups fast: V8 does not
 * hash strings longer than 16,383 characters by content, so such keys would all collide.)
 */

/** Longest key kept as it is, in characters. */
export const MAX_KEY_CHARS = 200;

/** Characters of a long value kept before its digest. */
const PREFIX_CHARS = MAX_KEY_CHARS - 20;

/** FNV-1a over UTF-16 code units, 32 bits, from a given offset basis. */
function fnv1a(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * `text` itself when at most MAX_KEY_CHARS characters, else its first characters, `…` and a 64-bit digest
 * (two FNV-1a hashes) in hex, e.g. `/api/v1/namespaces/aaaa…#3f2a9c0d11e4b7a2`.
 */
export function boundedKey(text: string): string {
  if (text.length <= MAX_KEY_CHARS) return text;
  const digest =
    fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0') +
    fnv1a(text, 0x2f7c1e6b).toString(16).padStart(8, '0');
  return `${text.slice(0, PREFIX_CHARS)}…#${digest}`;
}
