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

/**
 * The reason a malformed line is reported with: the JSON reader's `reason`, unless the line is an input's last
 * line without a newline that ends inside its value (`unterminated`: cut short) or an input's first line that is
 * the end of an event (`first`: the input starts inside a line).
 */
export function brokenLineReason(
  reason: string,
  unterminated: string | undefined,
  first: string | undefined,
): string {
  const notJson = reason.includes('not JSON');
  if (unterminated !== undefined && notJson && endsInsideValue(unterminated)) return LINE_CUT_SHORT;
  if (first !== undefined && notJson && first.charCodeAt(0) !== 123 /* { */ && EVENT_TAIL.test(first))
    return LINE_STARTS_INSIDE;
  return reason;
}
