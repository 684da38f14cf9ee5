/**
 * JSON values written one after another with no line break between them (`{…}{…}`): what Amazon Kinesis Data
 * Firehose delivers to S3 when the stream's records carry no newline (a CloudWatch Logs subscription's payloads,
 * once gunzipped, run together this way), and what a tool that joins records without a separator leaves.
 */

/**
 * The values of `text` when it holds two or more JSON objects or arrays one after another, with nothing but
 * whitespace between them; undefined for anything else (one value, text between values, a value cut short).
 * Only brackets outside strings are counted, so `}{` inside a string value does not split it. O(length).
 */
export function concatenatedValues(text: string): string[] | undefined {
  const values: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92 /* \ */) escaped = true;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (depth === 0) {
      if (c === 32 || c === 9 || c === 13 || c === 10) continue;
      if (c !== 123 /* { */ && c !== 91 /* [ */) return undefined;
      start = i;
      depth = 1;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
      if (depth === 0) values.push(text.slice(start, i + 1));
    }
  }
  return depth === 0 && values.length >= 2 ? values : undefined;
}
