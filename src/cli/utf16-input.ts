/**
 * Files saved by Windows tools (PowerShell 5's `>` and Out-File, Notepad's "Unicode") are UTF-16 with a byte order
 * mark. go-yaml decodes such a file, so kube-apiserver and Deckhouse's hook read a policy saved that way; the
 * CLI reads every such input too (a manifest, a merged policy), with one warning, rather than taking its NUL
 * bytes for content. UTF-32 starts with FF FE 00 00 and is not taken for UTF-16LE.
 */
import { utf16ByteOrder } from '../policy/byte-order-mark';
import { Problem } from '../policy/types';

/** The decoded text and the warning to print, or the problem that stops the file from being read. */
export type Utf16Input = { text: string; warning: Problem } | { problem: Problem };

const FIX = 'convert the file to UTF-8, e.g. iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8';

/** Decodes `bytes` when they start with a UTF-16 byte order mark; undefined for any other input. */
export function decodeUtf16Input(bytes: Uint8Array, what: string): Utf16Input | undefined {
  const encoding = utf16ByteOrder(bytes);
  if (encoding === undefined) return undefined;
  const order = encoding === 'utf-16le' ? 'little-endian (FF FE)' : 'big-endian (FE FF)';
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
    return {
      text,
      warning: {
        message: `the ${what} is UTF-16 with a ${order} byte order mark: read as UTF-16, but kubectl, Argo CD and Git diffs expect UTF-8`,
        line: 1,
        column: 1,
        fix: FIX,
      },
    };
  } catch {
    return {
      problem: {
        message: `the ${what} starts with a UTF-16 ${order} byte order mark but is not valid UTF-16 (an odd number of bytes, or a lone surrogate: cut short or not UTF-16)`,
        line: 1,
        column: 1,
        fix: FIX,
      },
    };
  }
}
