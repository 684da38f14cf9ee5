import { Utf16Encoding, utf16ByteOrder } from '../policy/byte-order-mark';

/**
 * kube-apiserver writes its audit log as UTF-8, but a log saved on Windows is often UTF-16: PowerShell 5's `>`
 * and `Out-File` (`kubectl logs … > audit.log`, `Get-Content … | Out-File`) write UTF-16LE with a byte order
 * mark, Notepad's "Unicode" and "Unicode big endian" LE or BE with one. Its text is the same events, so the
 * replay decodes it, deciding the encoding once from the input's first bytes (never per line).
 */

/** Bytes the encoding is decided from: a byte order mark, or two ASCII characters with their NUL bytes. */
export const ENCODING_HEAD_BYTES = 4;

/**
 * The UTF-16 encoding of an input from its first bytes: a byte order mark (the readers' one rule), or, without
 * one, ASCII text with a NUL after (LE) or before (BE) each of its first two characters. UTF-8 text has no NUL
 * there, and a block of zero bytes a crash left (a NUL run) is not taken for UTF-16. Undefined: read as UTF-8.
 */
export function utf16Encoding(head: Uint8Array): Utf16Encoding | undefined {
  const marked = utf16ByteOrder(head);
  if (marked !== undefined || head.length < ENCODING_HEAD_BYTES) return marked;
  const ascii = (b: number) => b > 0 && b < 0x80;
  if (ascii(head[0]) && head[1] === 0 && ascii(head[2]) && head[3] === 0) return 'utf-16le';
  if (head[0] === 0 && ascii(head[1]) && head[2] === 0 && ascii(head[3])) return 'utf-16be';
  return undefined;
}
