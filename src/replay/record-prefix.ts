/**
 * A log shipper's JSON record (Deckhouse log-shipper's `{"message":"<line>",…}` on a Kafka or Loki destination)
 * printed by a tool that puts columns before it: `kafka-console-consumer --property print.timestamp=true
 * print.partition=true print.offset=true print.headers=true print.key=true` writes `CreateTime:<ms>`,
 * `Partition:<n>`, `Offset:<n>`, the headers (or NO_HEADERS) and the key (or null), each followed by a tab, then
 * the value; `logcli query` (default output) writes `<time> {<labels>} <line>`. eventStart finds an event behind
 * such columns, not a record holding one: the record is where a JSON object that runs to the line's end starts.
 */

/** Characters before a record looked through, as eventStart does (a timestamp, a key, a label set). */
const MAX_PREFIX = 4096;
/** Candidate starts tried: a key or a label value may itself start like an object. */
const MAX_CANDIDATES = 8;

/**
 * Where a JSON object that ends the line starts, after a prefix (> 0), or -1. Read only for lines that are no
 * event, container-runtime or klog line (a rare path): each candidate costs a JSON.parse of the rest.
 */
export function recordStart(line: string): number {
  let tried = 0;
  for (let at = line.indexOf('{"', 1); at !== -1 && at <= MAX_PREFIX; at = line.indexOf('{"', at + 1)) {
    // The record follows a column separator: a tab (Kafka's key.separator and line.separator defaults) or a space.
    const before = line.charCodeAt(at - 1);
    if (before !== 9 /* \t */ && before !== 32 /* space */) continue;
    if (++tried > MAX_CANDIDATES) return -1;
    try {
      const value: unknown = JSON.parse(line.slice(at));
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return at;
    } catch {
      // not the record's start (a key that is JSON, a quoted brace in a label): try the next one
    }
  }
  return -1;
}
