/**
 * Where a YAML text's documents start, found from their markers without parsing: the policy and manifest
 * readers read a bounded number of documents, as the yaml package takes seconds and hundreds of MB over the
 * 10^5 `---` lines a Secret-sized file can hold.
 */

// A document marker: `---` at a line's start, then a blank or the line's end (inside a quoted or block scalar
// YAML refuses it or ends the scalar there, so it always starts a document).
const DOCUMENT_MARKER = /^---(?=[ \t\r\n]|$)/gm;

/** Where the document marker that starts document `limit + 1` stands, or -1 when the text has no more documents. */
export function laterDocumentsStart(text: string, limit: number): number {
  if (text.indexOf('---') === -1) return -1;
  DOCUMENT_MARKER.lastIndex = 0;
  let markers = 0;
  for (let m = DOCUMENT_MARKER.exec(text); m !== null; m = DOCUMENT_MARKER.exec(text)) {
    // A marker at the text's start opens the first document; any other opens the next one.
    if (m.index > 0 || markers > 0) markers++;
    if (markers >= limit) return m.index;
  }
  return -1;
}
