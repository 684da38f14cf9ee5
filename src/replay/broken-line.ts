import { endsInsideValue } from './go-json';

/** Why an input's first line, the end of an event whose start is not in the input, was not read. */
export const LINE_STARTS_INSIDE =
  'line starts inside an event: the input begins in the middle of a line (tail -c, split -b, a copy or a ' +
  'shipper that started at an offset), so this event is lost and the lines after it are read; to keep it, ' +
  'take the input from the start of that line';

/**
 * The end of an event line (its timestamps, then the annotations or the object's end) without its start: text
 * before it that is not an object opening.
 */
const EVENT_TAIL = /"(?:requestReceivedTimestamp|stageTimestamp)":"[^"]*"(?:,"annotations":\{.*\})?\}\s*$/;

/** Why an input's last line, cut inside its JSON value and without a newline, was not read. */
export const LINE_CUT_SHORT =
  'line cut short: the input ends inside its JSON value, with no newline after it (the log was copied or read ' +
  'while kube-apiserver was still writing this line, or cut by rotation or head -c), so this event is lost; ' +
  'copy the log again once the line is complete, or leave the last line out (head -n -1 FILE)';

/** journald's default LineMax (journald.conf(5): 48K): a stdout line longer than it is cut into pieces this long. */
export const JOURNALD_LINE_MAX = 48 * 1024;

/** Why a line that journald cut at its LineMax was not read. */
export const CUT_BY_JOURNALD =
  `line cut at ${JOURNALD_LINE_MAX} bytes, journald's LineMax (48K): journald keeps a longer line of a ` +
  "process's output (kube-apiserver run as a systemd unit) as several entries, and the lines after this one up " +
  "to the event's end are its other pieces, which a text export (journalctl -o cat, short) does not mark; " +
  'export with journalctl -o json --all, whose entries mark the cut (_LINE_BREAK=line-max) and are joined';

/**
 * The reason a malformed line is reported with: the JSON reader's `reason`, unless the line is an input's last
 * line without a newline that ends inside its value (`unterminated`: cut short), an input's first line that is
 * the end of an event (`first`: the input starts inside a line), or a `record` that starts an event and ends
 * inside it after exactly journald's LineMax bytes (journald cut it).
 */
export function brokenLineReason(
  reason: string,
  unterminated: string | undefined,
  first: string | undefined,
  record?: string,
): string {
  const notJson = reason.includes('not JSON');
  if (unterminated !== undefined && notJson && endsInsideValue(unterminated)) return LINE_CUT_SHORT;
  if (notJson && record !== undefined && isJournaldPiece(record)) return CUT_BY_JOURNALD;
  if (first !== undefined && notJson && first.charCodeAt(0) !== 123 /* { */ && EVENT_TAIL.test(first))
    return LINE_STARTS_INSIDE;
  return reason;
}

/**
 * An event's start cut after exactly JOURNALD_LINE_MAX bytes. A cut inside a UTF-8 character leaves the piece's
 * last one to three bytes invalid, which the reader decoded as one U+FFFD (three bytes).
 */
function isJournaldPiece(record: string): boolean {
  if (record.length > JOURNALD_LINE_MAX || record.length * 3 < JOURNALD_LINE_MAX) return false;
  if (record.charCodeAt(0) !== 123 /* { */) return false;
  const bytes = Buffer.byteLength(record);
  const cutInsideCharacter =
    record.endsWith('\uFFFD') && bytes > JOURNALD_LINE_MAX && bytes <= JOURNALD_LINE_MAX + 2;
  if (bytes !== JOURNALD_LINE_MAX && !cutInsideCharacter) return false;
  return endsInsideValue(cutInsideCharacter ? record.slice(0, -1) : record);
}
