/**
 * Whether a line keeps the member layout kube-apiserver writes (k8s.io/apiserver/pkg/apis/audit/v1/types.go
 * struct order), the condition under which event-line.ts's readAround may decode only the head and the
 * timestamps and leave the members between as text. Anything else (a member a shipper added, another order)
 * makes the line take the whole decode.
 */

/** Members between the user and the bodies, in Go's order, none of which a decision or the report reads. */
export const SKIPPED_MEMBERS = [',"sourceIPs":', ',"userAgent":', ',"objectRef":', ',"responseStatus":'];
/**
 * Whether `text` (`,"key":value,"key":value…`) holds only the members kube-apiserver writes between the user and
 * the bodies: a member a shipper put among them (left as text, it would be counted in every size) sends the
 * line to the whole decode, which takes it out. Every line of a replay passes here, so the values are skipped by
 * their brackets and string ends alone (indexOf finds a string's end), not validated or sized: scanValue took
 * 45% more time on the whole replay (npm run bench:replay, 270 MiB). Text that does not fit (spaces, another
 * member) goes to the whole decode, which judges it.
 */
export function onlySkippedMembers(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    let member: string | undefined;
    for (const m of SKIPPED_MEMBERS) {
      if (text.startsWith(m, i)) {
        member = m;
        break;
      }
    }
    if (member === undefined) return false;
    i = valueEnd(text, i + member.length);
    if (i < 0) return false;
  }
  return true;
}

/** The index just past the JSON string whose opening quote is at `i`, or -1; an escaped quote does not end it. */
function stringEnd(s: string, i: number): number {
  for (let q = s.indexOf('"', i + 1); q !== -1; q = s.indexOf('"', q + 1)) {
    let k = q - 1;
    while (s.charCodeAt(k) === 92 /* \ */) k--;
    if ((q - 1 - k) % 2 === 0) return q + 1;
  }
  return -1;
}

/** The index just past the JSON value at `i`, found by its brackets and string ends, or -1 when it is open. */
function valueEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 34 /* " */) return stringEnd(s, i);
  let depth = 0;
  for (let j = i; j < s.length;) {
    const d = s.charCodeAt(j);
    if (d === 34) {
      j = stringEnd(s, j);
      if (j < 0) return -1;
      continue;
    }
    if (d === 123 /* { */ || d === 91 /* [ */) depth++;
    else if (d === 125 /* } */ || d === 93 /* ] */) {
      if (depth === 0) return j; // a scalar's end: the bracket closing what holds it
      if (--depth === 0) return j + 1;
    } else if (d === 44 /* , */ && depth === 0) return j; // a scalar's end
    j++;
  }
  return depth === 0 ? s.length : -1;
}

/** A body's value ends with `}` or `]` (an object, or a JSON patch); a scalar there is another member's. */
export function endsBody(line: string, at: number): boolean {
  const c = line.charCodeAt(at - 1);
  return c === 125 /* } */ || c === 93; /* ] */
}

/**
 * Whether a member follows the annotations (`…"},"host":{…}}`): annotations are a map of strings, so outside
 * their strings `},"` only appears where the map closes and a member follows; inside a string, the `"` after
 * `},` ends it and no `key":` comes next.
 */
export function memberAfterAnnotations(line: string, from: number): boolean {
  for (let at = line.indexOf('},"', from); at !== -1; at = line.indexOf('},"', at + 1)) {
    if (/^[^"\\]*":/.test(line.slice(at + 3, at + 3 + 256))) return true;
  }
  return false;
}
/** Each skipped member with the character its value starts with ([, ", {, {). */
export const SKIPPED_SHAPES: ReadonlyArray<readonly [string, number]> = [
  [SKIPPED_MEMBERS[0], 91],
  [SKIPPED_MEMBERS[1], 34],
  [SKIPPED_MEMBERS[2], 123],
  [SKIPPED_MEMBERS[3], 123],
];

/**
 * The head kube-apiserver writes (types.go order): every member it always writes up to `user`, and no body. A
 * line another tool wrote in another order lacks one of them here (it sits between the cuts) or has a body.
 */
export function hasGoHead(head: Record<string, unknown>): boolean {
  return (
    head.verb !== undefined &&
    head.stage !== undefined &&
    head.level !== undefined &&
    head.requestURI !== undefined &&
    head.user !== undefined &&
    head.auditID !== undefined &&
    head.requestObject === undefined &&
    head.responseObject === undefined
  );
}
