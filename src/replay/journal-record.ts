/**
 * systemd journal entries as `journalctl -o json` prints them (kube-apiserver run as a systemd unit, or a
 * container runtime logging to journald): one JSON object a line with the journal's fields in capitals, the
 * line the process wrote in MESSAGE, and the journal's own `__CURSOR`, `__REALTIME_TIMESTAMP`. journalctl
 * (src/shared/logs-show.c) writes a field's value as a string, but as null when it is over 4096 bytes
 * (JSON_THRESHOLD) unless --all is given (an event with its bodies often is), and as an array of its bytes when
 * they are not printable UTF-8.
 */

/** What a journal entry's MESSAGE holds: the line, or why it cannot be read. */
export type JournalMessage = { text: string } | { reason: string };

function isJournalEntry(value: Record<string, unknown>): boolean {
  return (
    'MESSAGE' in value &&
    (typeof value.__CURSOR === 'string' || typeof value.__REALTIME_TIMESTAMP === 'string')
  );
}

/** Why an entry's MESSAGE is null: journalctl left it out. */
export const JOURNAL_NULL_MESSAGE =
  'a journal entry whose MESSAGE journalctl wrote as null: `journalctl -o json` leaves out a field over 4096 ' +
  'bytes (an event with its bodies often is) unless given --all, so this event is lost; export again with ' +
  'journalctl -o json --all (or -o cat, which writes the lines alone)';

/** The line in a journal entry's MESSAGE, or why it cannot be read; undefined for a record of another kind. */
export function journalMessage(value: Record<string, unknown>): JournalMessage | undefined {
  if (!isJournalEntry(value)) return undefined;
  const message = value.MESSAGE;
  if (typeof message === 'string') return { text: message };
  if (message === null) return { reason: JOURNAL_NULL_MESSAGE };
  // The bytes of a value that is not printable UTF-8, each a number.
  if (
    Array.isArray(message) &&
    message.length > 0 &&
    message.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= 0 && b <= 255)
  ) {
    return { text: Buffer.from(message as number[]).toString('utf8') };
  }
  return undefined;
}
