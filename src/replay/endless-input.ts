/**
 * A stream input (stdin, a pipe, a device) that gives no audit event at all in its first bytes: `/dev/zero`,
 * `/dev/urandom` or a pipe of something else never ends, and the replay would read it forever. A regular file
 * is read to its end (its size bounds it); a stream is given up once NO_EVENT_STREAM_BYTES went by without one.
 */

/** 64 MiB: the longest line the replay reads, so a real log has given its first event by then. */
export const NO_EVENT_STREAM_BYTES = 64 * 1024 * 1024;

/** Thrown from the line reader's chunk callback to stop reading such a stream. */
export class NoEventStream extends Error {
  constructor(readonly bytes: number) {
    super(`no audit event in the first ${bytes} bytes`);
    this.name = 'NoEventStream';
  }
}

const WARNING_START = 'no audit event in its first ';

/** The warning for the input given up, which is then reported like any input without events. */
export function noEventStreamWarning(bytes: number): string {
  return (
    `${WARNING_START}${bytes} bytes of a stream that may never end (a device such as /dev/zero, or ` +
    'a pipe of something else): stopped reading it; give an audit log (audit.k8s.io Events, one JSON object a line)'
  );
}

/** Whether a source warning is noEventStreamWarning's. */
export function isNoEventStreamWarning(warning: string): boolean {
  return warning.startsWith(WARNING_START);
}
