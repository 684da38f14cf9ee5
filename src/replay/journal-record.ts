/**
 * systemd journal entries as `journalctl -o json` prints them (kube-apiserver run as a systemd unit, or a
 * container runtime logging to journald): one JSON object a line with the journal's fields in capitals, the
 * line the process wrote in MESSAGE, and the journal's own `__CURSOR`, `__REALTIME_TIMESTAMP`. journalctl
 * (src/shared/logs-show.c) writes a field's value as a string, but as null when it is over 4096 bytes
 * (JSON_THRESHOLD) unless --all is given (an event with its bodies often is), and as an array of its bytes when
 * they are not printable UTF-8.
 *
 * journald cuts a line of a stdout stream longer than its LineMax (journald.conf, default 48K: 49,152 bytes) into
 * entries of LineMax bytes each, every one but the last marked `_LINE_BREAK=line-max`
 * (src/journal/journald-stream.c), and `_STREAM_ID` names the stream: an event with its bodies is often longer,
 * so its pieces are joined back (JournalLineJoiner), byte for byte, as a cut may fall inside a UTF-8 character,
 * whose two halves journalctl then prints as byte arrays.
 */

/** What a journal entry's MESSAGE holds: the line, or why it cannot be read. */
export type JournalMessage = { text: string; piece: JournalPiece } | { reason: string };

/** Where a journal entry's text sits in the line the process wrote. */
export interface JournalPiece {
  /** journald cut the line here (`_LINE_BREAK=line-max`): the next entry of the same stream continues it. */
  continues: boolean;
  /** The stream the entry came from (`_STREAM_ID`, else the unit): pieces of one line share it. */
  stream: string;
  /** The entry's MESSAGE bytes exactly (asked only while joining). */
  bytes(): Buffer;
}

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
  const stream = value._STREAM_ID ?? value._SYSTEMD_UNIT;
  const piece = (bytes: () => Buffer): JournalPiece => ({
    continues: value._LINE_BREAK === 'line-max',
    stream: typeof stream === 'string' ? stream : '',
    bytes,
  });
  if (typeof message === 'string') return { text: message, piece: piece(() => Buffer.from(message)) };
  if (message === null) return { reason: JOURNAL_NULL_MESSAGE };
  // The bytes of a value that is not printable UTF-8, each a number.
  if (
    Array.isArray(message) &&
    message.length > 0 &&
    message.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= 0 && b <= 255)
  ) {
    const bytes = Buffer.from(message as number[]);
    return { text: bytes.toString('utf8'), piece: piece(() => bytes) };
  }
  return undefined;
}

/** What JournalLineJoiner.add made of an entry. */
export type JournalJoin =
  /** Not part of a cut line: the entry's text is the line. */
  | { kind: 'whole' }
  /** A piece kept until the line's last one. */
  | { kind: 'kept' }
  /** The last piece came: the line joined. */
  | { kind: 'line'; text: string }
  /** The joined line would be longer than the limit (`tooLong`), or too many lines were open: memory stays bounded. */
  | { kind: 'dropped'; tooLong: boolean };

/** Why the piece of a line was dropped when too many streams had a cut line open. */
export const TOO_MANY_OPEN_LINES =
  'journal entry cut by journald (_LINE_BREAK=line-max) while 64 other streams had a cut line open: not joined ' +
  '(memory stays bounded), so this line is lost; export one unit at a time (journalctl -u kube-apiserver -o json --all)';

/** Streams with a cut line open at once, per reader (an export of one unit has one or two). */
const MAX_OPEN_STREAMS = 64;

/** Joins the entries journald cut a long line into (`_LINE_BREAK=line-max`), per input and stream. */
export class JournalLineJoiner {
  private readonly open = new Map<
    string,
    { source: string; chunks: Buffer[]; bytes: number; dropped: boolean; firstLine: number }
  >();

  constructor(private readonly maxBytes: number) {}

  add(source: string, piece: JournalPiece, lineNo: number): JournalJoin {
    const key = `${source}\u0000${piece.stream}`;
    let p = this.open.get(key);
    if (p === undefined) {
      if (!piece.continues) return { kind: 'whole' };
      if (this.open.size >= MAX_OPEN_STREAMS) return { kind: 'dropped', tooLong: false };
      p = { source, chunks: [], bytes: 0, dropped: false, firstLine: lineNo };
      this.open.set(key, p);
    }
    if (!p.dropped) {
      const bytes = piece.bytes();
      if (p.bytes + bytes.length <= this.maxBytes) {
        p.chunks.push(bytes);
        p.bytes += bytes.length;
      } else {
        p.dropped = true;
        p.chunks = [];
      }
    }
    if (piece.continues) return { kind: 'kept' };
    this.open.delete(key);
    return p.dropped
      ? { kind: 'dropped', tooLong: true }
      : { kind: 'line', text: Buffer.concat(p.chunks).toString('utf8') };
  }

  /** Whether a cut line of `source` waits for its last piece. */
  isOpen(source: string): boolean {
    for (const p of this.open.values()) if (p.source === source) return true;
    return false;
  }

  /** Ends `source`: the first line of a cut line whose last piece never came (the earliest), or undefined. */
  finish(source: string): number | undefined {
    let first: number | undefined;
    for (const [key, p] of this.open) {
      if (p.source !== source) continue;
      this.open.delete(key);
      first = first === undefined ? p.firstLine : Math.min(first, p.firstLine);
    }
    return first;
  }
}
