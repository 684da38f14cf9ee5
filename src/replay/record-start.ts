// Where a log may be cut between records, for replaying its parts on several threads (parallel.ts cuts plain
// files by byte ranges, chunk-parallel.ts inflated gzip text into chunks): only at a line that opens a one-line
// JSON object (`{"`) after a line that closes one (`}`, before an optional CR). Any other line start may be
// inside a record that spans lines (a pretty-printed event or EventList among the JSON lines, whose inner lines
// are indented and whose `{` ends its line), which a part starting there would read as broken lines and the
// part before it as a document cut short.

/**
 * The first place at or after `from` where the text in `buf` may be cut so that the part before it ends a
 * record and the part after starts one: after a newline followed by `{"` whose line ends in `}` (before an
 * optional CR). -1 when there is none.
 */
export function recordStartFrom(buf: Buffer, from: number): number {
  let nl = buf.indexOf(10, Math.max(0, from - 1));
  while (nl >= 0 && nl + 2 < buf.length) {
    const close = buf[nl - 1] === 13 ? nl - 2 : nl - 1;
    if (close >= 0 && buf[close] === 0x7d && buf[nl + 1] === 0x7b && buf[nl + 2] === 0x22) return nl + 1;
    nl = buf.indexOf(10, nl + 1);
  }
  return -1;
}
