import type { PartialReplayAccumulator } from './accumulator';

/**
 * A gzip file cut short (e.g. copied while being written) or damaged inside (a bad block, a CRC that does not
 * match) still yields every complete line before the damage, as zcat prints them: the damage is counted like a
 * malformed line, and the rest is said to be unread, instead of losing the whole replay. Other errors throw.
 */
export function countReadFailure(
  acc: PartialReplayAccumulator,
  name: string,
  lastLine: number,
  err: unknown,
): void {
  const code = (err as NodeJS.ErrnoException).code;
  if (code !== 'Z_BUF_ERROR' && code !== 'Z_DATA_ERROR') {
    throw new Error(`cannot read audit log ${name}: ${(err as Error).message}`, { cause: err });
  }
  const message = (err as Error).message;
  acc.addUnreadableLine(
    name,
    lastLine + 1,
    code === 'Z_BUF_ERROR'
      ? `gzip data ends unexpectedly (${message}): the .gz file is cut short (copied or sent while it was ` +
          'being written or compressed, or truncated); every complete line before the cut was read, the ' +
          'rest is lost: copy the file again once it is complete (gzip -t FILE checks it)'
      : `gzip data is damaged (${message}): the rest of the input cannot be read`,
  );
  if (code === 'Z_DATA_ERROR') {
    acc.addSourceWarning(
      name,
      `gzip data is damaged (${message}) after line ${lastLine}: only the lines before it were read`,
    );
  }
}
