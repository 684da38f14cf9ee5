import { isEventMember } from './foreign-members';
import {
  endsBody,
  hasGoHead,
  memberAfterAnnotations,
  onlySkippedMembers,
  SKIPPED_MEMBERS,
  SKIPPED_SHAPES,
} from './go-layout';
import {
  GO_MAX_NESTING_DEPTH,
  goTextBytes,
  scanMode,
  scanned,
  scanString,
  scanValue,
  skipWhitespace,
} from './go-json';

/**
 * One audit log line: the event JSON.parse decoded (V8's native parser is the fastest way to validate and
 * read a line), and the line's length in kube-apiserver's encoding. A line in Go's compact form (what the
 * apiserver writes: no whitespace between tokens) measures its UTF-8 length plus Go's escapes of raw `<`,
 * `>`, `&`, U+2028/9 (none in a line the apiserver wrote); a line that may hold whitespace between tokens
 * (re-encoded by another tool) is measured member by member by the exact scanner (go-json.ts).
 */

/** Where a top-level member's value sits in the line, and its length in kube-apiserver's encoding. */
export interface MemberSpan {
  /** Value text is `line.slice(start, end)`. */
  start: number;
  end: number;
  /** Go-encoded bytes of the value. */
  bytes: number;
  /** Go-encoded bytes of `"key":value` (the separating comma not included). */
  memberBytes: number;
}

/** Top-level members of a line, measured exactly (the scanner's view). */
export interface MeasuredLine {
  line: string;
  /** Go-encoded bytes of the whole object (no newline). */
  bytes: number;
  /** Number of top-level members. */
  members: number;
  /** The members sizing needs: the level's value and the bodies. */
  levelSpan?: MemberSpan;
  requestObject?: MemberSpan;
  responseObject?: MemberSpan;
}

function keyText(line: string, start: number, end: number, escaped: boolean): string {
  return escaped ? (JSON.parse(line.slice(start, end)) as string) : line.slice(start + 1, end - 1);
}

/**
 * Scans one line as a JSON object and measures its members in Go's encoding; returns them, or the reason
 * it is not one (`not JSON (…)` or `not a JSON object`). Nesting deeper than Go's decoder allows is "not JSON", as kube-apiserver's tools
 * would see it. Never throws and never recurses.
 */
export function measureLine(line: string): MeasuredLine | string {
  // The Event's own fields are written by appendString (escapes re-encoded), its bodies copied as they are.
  scanMode.reencode = true;
  try {
    return measureMembers(line);
  } finally {
    scanMode.reencode = false;
  }
}

function measureMembers(line: string): MeasuredLine | string {
  let i = skipWhitespace(line, 0);
  const first = line.charCodeAt(i);
  if (first !== 123 /* { */) {
    const end = scanValue(line, i);
    if (end >= 0 && skipWhitespace(line, end) === line.length) return 'not a JSON object';
    return `not JSON (${end >= 0 ? 'unexpected text after the value' : scanned.error} at column ${end >= 0 ? end + 1 : i + 1})`;
  }
  const ev: MeasuredLine = { line, bytes: 0, members: 0 };
  let bytes = 1;
  i = skipWhitespace(line, i + 1);
  if (line.charCodeAt(i) === 125 /* } */) {
    i++;
  } else {
    for (;;) {
      if (line.charCodeAt(i) !== 34) return notJson('expected a string key', i);
      const keyStart = i;
      i = scanString(line, i);
      if (i < 0) return notJson(scanned.error, keyStart);
      const keyBytes = scanned.bytes;
      const key = keyText(line, keyStart, i, scanned.escaped);
      i = skipWhitespace(line, i);
      if (line.charCodeAt(i) !== 58 /* : */) return notJson('expected : after a key', i);
      const valueStart = skipWhitespace(line, i + 1);
      const body = key === 'requestObject' || key === 'responseObject';
      scanMode.reencode = !body;
      i = scanValue(line, valueStart, 1);
      scanMode.reencode = true;
      if (i < 0) return notJson(scanned.error, valueStart);
      const valueBytes = scanned.bytes;
      const span: MemberSpan = {
        start: valueStart,
        end: i,
        bytes: valueBytes,
        memberBytes: keyBytes + 1 + valueBytes,
      };
      if (key === 'level') ev.levelSpan = span;
      else if (key === 'requestObject') ev.requestObject = span;
      else if (key === 'responseObject') ev.responseObject = span;
      bytes += span.memberBytes;
      ev.members++;
      i = skipWhitespace(line, i);
      const c = line.charCodeAt(i);
      if (c === 44 /* , */) {
        bytes++;
        i = skipWhitespace(line, i + 1);
        continue;
      }
      if (c === 125 /* } */) {
        i++;
        break;
      }
      return notJson(i >= line.length ? 'unexpected end of JSON' : 'expected , or }', i);
    }
  }
  if (skipWhitespace(line, i) !== line.length) return notJson('unexpected text after the object', i);
  ev.bytes = bytes + 1;
  return ev;
}

function notJson(reason: string, at: number): string {
  return `not JSON (${reason} at column ${at + 1})`;
}

// Between tokens a space follows the end of a token or an opening/separator and precedes the start of a token
// or a closing/separator; a raw tab or CR is never inside a string. Spaces inside strings sit mostly among
// letters; a false alarm only costs the exact measurement.
function endsToken(c: number): boolean {
  // " } ] digit e (true, false) l (null) { [ : ,
  return (
    c === 34 ||
    c === 125 ||
    c === 93 ||
    (c >= 48 && c <= 57) ||
    c === 101 ||
    c === 108 ||
    c === 123 ||
    c === 91 ||
    c === 58 ||
    c === 44
  );
}

function startsToken(c: number): boolean {
  // " { [ digit - t f n } ] : ,
  return (
    c === 34 ||
    c === 123 ||
    c === 91 ||
    (c >= 48 && c <= 57) ||
    c === 45 ||
    c === 116 ||
    c === 102 ||
    c === 110 ||
    c === 125 ||
    c === 93 ||
    c === 58 ||
    c === 44
  );
}

/** Spaces between tokens are looked for in this many leading characters (see maybeSpaced). */
const SPACING_PREFIX = 512;

/**
 * Whether the line may hold whitespace between tokens (which kube-apiserver never writes). Encoders space
 * their output all through or not at all, so the first members tell; a raw tab or CR anywhere does too.
 */
function maybeSpaced(line: string): boolean {
  if (line.indexOf('\t') !== -1 || line.indexOf('\r') !== -1) return true;
  if (line.charCodeAt(line.length - 1) === 32) return true;
  const last = line.length - 1;
  const limit = Math.min(line.length, SPACING_PREFIX);
  for (let i = line.indexOf(' '); i !== -1 && i < limit; i = line.indexOf(' ', i + 1)) {
    if (i === 0) return true;
    let before = i - 1;
    while (before > 0 && line.charCodeAt(before) === 32) before--;
    let after = i + 1;
    while (after < last && line.charCodeAt(after) === 32) after++;
    if (endsToken(line.charCodeAt(before)) && startsToken(line.charCodeAt(after))) return true;
    i = after - 1;
  }
  return false;
}

/** A line as the replay reads it. */
export interface EventLine {
  line: string;
  /** The decoded event (without `requestObject`/`responseObject` when they are left in `bodies`). */
  event: Record<string, unknown>;
  /** Go-encoded bytes of the whole line (no newline). */
  bytes: number;
  /** Exact member measurements when the line may not be compact (else sizes derive from `bytes`). */
  measured?: MeasuredLine;
  /** The bodies as text, not decoded (see readEventLine); decoded on demand by `eventBodies`. */
  bodies?: BodyRegion;
  /** Members left as text between the user and the timestamps (see readAround). */
  skipped?: SkippedMembers;
}

/** `,"requestObject":…,"responseObject":…` of a line: where it is, its bytes, and its members once decoded. */
export interface BodyRegion {
  start: number;
  end: number;
  /** Go-encoded bytes of the region (its leading comma included). */
  bytes: number;
  /** The region starts with requestObject (Go writes it before responseObject). */
  request: boolean;
  /** The region may hold responseObject (certainly when it starts with it). */
  mayHaveResponse: boolean;
  /** Both bodies, once decoded. */
  decoded?: { requestObject?: unknown; responseObject?: unknown };
  /** The request body alone (splitRequestBody), and its member's Go-encoded bytes. */
  requestValue?: unknown;
  requestMember?: number;
}

const REQUEST_MEMBER = ',"requestObject":';
const RESPONSE_MEMBER = ',"responseObject":';
const AFTER_BODIES = ',"requestReceivedTimestamp":"';
const GO_EVENT_START = '{"kind":"Event","apiVersion":"audit.k8s.io/v1';
const ANNOTATIONS_MEMBER = ',"annotations":';
const BODY_MEMBER_END = 'Object":';
const REQUEST_PREFIX = REQUEST_MEMBER.length - BODY_MEMBER_END.length;
const RESPONSE_PREFIX = RESPONSE_MEMBER.length - BODY_MEMBER_END.length;

/** The bodies of an event, decoding a body region the first time they are asked for. */
export function eventBodies(ev: EventLine): { requestObject?: unknown; responseObject?: unknown } {
  const region = ev.bodies;
  if (region === undefined) return ev.event as { requestObject?: unknown; responseObject?: unknown };
  if (region.decoded === undefined) {
    let decoded: { requestObject?: unknown; responseObject?: unknown };
    try {
      decoded = JSON.parse(`{${ev.line.slice(region.start + 1, region.end)}}`) as typeof decoded;
    } catch {
      decoded = {}; // a damaged body is not read (the rest of the event was)
    }
    region.decoded = decoded;
  }
  return region.decoded;
}

/**
 * Splits a region that starts with requestObject: decodes the request body alone and returns its member's
 * Go-encoded bytes (`"requestObject":…`, no comma) and whether a responseObject member follows. The cut
 * before `,"responseObject":` is at the region's top level exactly when the request part parses (a cut
 * inside the request body leaves it unclosed), so the response body is never decoded here.
 */
export function splitRequestBody(ev: EventLine): { requestMember: number; response: boolean } {
  const region = ev.bodies!;
  const line = ev.line;
  if (region.requestMember !== undefined) {
    return { requestMember: region.requestMember, response: region.mayHaveResponse };
  }
  for (let at = line.indexOf(RESPONSE_MEMBER, region.start + 1); at !== -1 && at < region.end;) {
    let request: { requestObject?: unknown } | undefined;
    try {
      request = JSON.parse(`{${line.slice(region.start + 1, at)}}`) as { requestObject?: unknown };
    } catch {
      request = undefined;
    }
    if (request !== undefined) {
      region.requestValue = request.requestObject;
      region.requestMember = goTextBytes(line.slice(region.start + 1, at));
      return { requestMember: region.requestMember, response: true };
    }
    at = line.indexOf(RESPONSE_MEMBER, at + 1);
  }
  region.mayHaveResponse = false;
  region.requestMember = region.bytes - 1;
  region.requestValue = eventBodies(ev).requestObject;
  return { requestMember: region.requestMember, response: false };
}

/** The request body of an event (decoding only it when the line's bodies were left as text). */
export function requestBody(ev: EventLine): unknown {
  const region = ev.bodies;
  if (region === undefined) return ev.event.requestObject;
  if (!region.request) return undefined;
  if (region.decoded !== undefined) return region.decoded.requestObject;
  splitRequestBody(ev);
  return region.requestValue;
}

/**
 * kube-apiserver writes an Event's fields in struct order (pkg/apis/audit/v1/types.go): kind, apiVersion,
 * level, auditID, stage, requestURI, verb, user, impersonatedUser, sourceIPs, userAgent, objectRef,
 * responseStatus, requestObject, responseObject, requestReceivedTimestamp, stageTimestamp, annotations. A
 * decision and the report read the members up to `user` and from the timestamps on; the members between
 * (the bodies are most of a line's bytes) are left as text and decoded on demand. The text before the first
 * skipped member is decoded closed with `}`, and from the last `,"requestReceivedTimestamp":"` on opened with
 * `{`: both parse only when the cuts are at the top level (a cut inside a nested object leaves unbalanced
 * brackets), so any other line is decoded whole. Between the cuts the apiserver writes only members of
 * fixed shape before the bodies, so the first body member name there is the top-level one.
 */
function readAround(
  line: string,
): { event: Record<string, unknown>; region: BodyRegion | undefined; skipped: SkippedMembers } | undefined {
  const after = line.lastIndexOf(AFTER_BODIES);
  if (after === -1) return undefined;
  let cut = -1;
  for (const member of SKIPPED_MEMBERS) {
    const at = line.indexOf(member);
    if (at !== -1) {
      cut = at;
      break;
    }
  }
  // One scan for the common tail of both body member names, then a look at what precedes it.
  let bodies = -1;
  let request = false;
  for (
    let at = line.indexOf(BODY_MEMBER_END, cut === -1 ? 0 : cut);
    at !== -1 && at < after;
    at = line.indexOf(BODY_MEMBER_END, at + 1)
  ) {
    if (line.startsWith(REQUEST_MEMBER, at - REQUEST_PREFIX)) {
      bodies = at - REQUEST_PREFIX;
      request = true;
      break;
    }
    if (line.startsWith(RESPONSE_MEMBER, at - RESPONSE_PREFIX)) {
      bodies = at - RESPONSE_PREFIX;
      break;
    }
  }
  if (cut === -1 || cut > after) cut = bodies;
  if (cut === -1 || cut >= after) return undefined;
  // The skipped members have fixed shapes (a list, a string, two objects): a line whose member holds another
  // JSON type is not an Event, so it goes through the whole-line decode and its shape check (eventProblem).
  // Searched in a copy of that stretch alone: a search for an absent member must not run through the bodies.
  const skippedText = line.slice(cut, bodies === -1 ? after : bodies);
  if (!onlySkippedMembers(skippedText)) return undefined;
  for (const [member, opener] of SKIPPED_SHAPES) {
    const at = skippedText.indexOf(member);
    if (at === -1) {
      // Absent here: absent from the event, or written after the bodies by a tool that reordered the
      // members, where dropping a body would drop it too (rare: kube-apiserver writes all four before them).
      if (bodies !== -1 && line.indexOf(member, bodies) !== -1) return undefined;
    } else if (skippedText.charCodeAt(at + member.length) !== opener) return undefined;
  }
  let head: unknown;
  let tail: unknown;
  // annotations (last in Go's order, often a long authorization reason) are left as text too.
  if (line.charCodeAt(line.length - 1) !== 125 /* } */) return undefined;
  const annotationsAt = line.lastIndexOf(ANNOTATIONS_MEMBER);
  // Annotations before the timestamps are not Go's order (or only a body's: the event has none of its own),
  // nor is a body after them (which the region would miss), nor a member after them (their strings end `"}}`).
  if (annotationsAt !== -1 && (annotationsAt < after || !line.endsWith('"}}'))) return undefined;
  if (annotationsAt !== -1 && memberAfterAnnotations(line, annotationsAt + ANNOTATIONS_MEMBER.length))
    return undefined;
  if (line.indexOf(BODY_MEMBER_END, after) !== -1) return undefined;
  const tailEnd = annotationsAt > after ? annotationsAt : line.length - 1;
  try {
    head = JSON.parse(`${line.slice(0, cut)}}`);
    tail = JSON.parse(`{${line.slice(after + 1, tailEnd)}}`);
  } catch {
    return undefined;
  }
  if (!isPlainObject(head) || !isPlainObject(tail)) return undefined;
  // Not the apiserver's layout (members in another order: a member the head lacks may sit between the cuts,
  // one the tail holds may belong to the bodies), or a member a shipper added: decode the whole line.
  if (!hasGoHead(head)) return undefined;
  for (const key in head) if (!isEventMember(key, head.apiVersion)) return undefined;
  for (const key in tail) {
    if ((key !== 'requestReceivedTimestamp' && key !== 'stageTimestamp') || key in head) return undefined;
    head[key] = tail[key];
  }
  const skipped: SkippedMembers = { start: cut, end: bodies === -1 ? after : bodies };
  if (annotationsAt > after) skipped.annotationsAt = annotationsAt;
  if (bodies === -1) return { event: head, region: undefined, skipped };
  const responseAt = request ? line.indexOf(RESPONSE_MEMBER, bodies + 1) : bodies;
  // A scalar member a shipper put after a body (the region would count it); one holding an object or a list
  // there is not told apart from the bodies without scanning them (see foreign-members.ts).
  if (!endsBody(line, after) || (responseAt > bodies && responseAt < after && !endsBody(line, responseAt)))
    return undefined;
  return {
    event: head,
    skipped,
    region: {
      start: bodies,
      end: after,
      bytes: goTextBytes(line.slice(bodies, after)),
      request,
      mayHaveResponse: responseAt !== -1 && responseAt < after,
    },
  };
}

/** Where the members a decision does not read sit in the line (sourceIPs … responseStatus). */
export interface SkippedMembers {
  start: number;
  end: number;
  decoded?: Record<string, unknown>;
  /** Where `,"annotations":` starts, when the annotations were left as text. */
  annotationsAt?: number;
}

/** A member the replay left as text (e.g. `objectRef`, read only when the request line is unusable). */
export function skippedMember(ev: EventLine, key: string): unknown {
  const value = ev.event[key];
  const skipped = ev.skipped;
  if (value !== undefined || skipped === undefined) return value;
  if (key === 'annotations') {
    if (skipped.annotationsAt === undefined) return undefined;
    try {
      return (JSON.parse(`{${ev.line.slice(skipped.annotationsAt + 1)}`) as { annotations?: unknown })
        .annotations;
    } catch {
      return undefined;
    }
  }
  if (skipped.decoded === undefined) {
    try {
      skipped.decoded = JSON.parse(`{${ev.line.slice(skipped.start + 1, skipped.end)}}`) as Record<
        string,
        unknown
      >;
    } catch {
      skipped.decoded = {};
    }
  }
  return skipped.decoded[key];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The number of `[` and `{` in a long line: nesting cannot be deeper. */
function openings(line: string): number {
  let n = 0;
  for (let i = line.indexOf('{'); i !== -1; i = line.indexOf('{', i + 1)) n++;
  for (let i = line.indexOf('['); i !== -1; i = line.indexOf('[', i + 1)) n++;
  return n;
}

/** Longest reason text taken from the JSON parser's message (it may quote the line). */
const MAX_REASON = 120;

/**
 * Reads one line as a JSON object; returns it with its Go-encoded size, or the reason it is not one
 * (`not JSON (…)`, `not a JSON object`). Nesting deeper than Go's decoder allows (10,000) is "not JSON", as
 * kube-apiserver's tools would see it. Never throws.
 */
export function readEventLine(line: string): EventLine | string {
  const deep = line.length > 2 * GO_MAX_NESTING_DEPTH && openings(line) > GO_MAX_NESTING_DEPTH;
  const spaced = !deep && maybeSpaced(line);
  // Only a line that starts as kube-apiserver's do (a shipper's record with the event's members is decoded whole).
  if (!deep && !spaced && line.startsWith(GO_EVENT_START)) {
    const around = readAround(line);
    if (around !== undefined) {
      const read: EventLine = {
        line,
        event: around.event,
        bytes: goTextBytes(line),
        skipped: around.skipped,
      };
      if (around.region !== undefined) read.bodies = around.region;
      return read;
    }
  }
  let event: unknown;
  try {
    event = JSON.parse(line);
  } catch (err) {
    const message = (err as Error).message;
    return `not JSON (${message.length > MAX_REASON ? `${message.slice(0, MAX_REASON)}…` : message})`;
  }
  if (!isPlainObject(event)) return 'not a JSON object';
  if (deep || spaced) {
    const measured = measureLine(line);
    if (typeof measured === 'string') return measured;
    return { line, event, bytes: measured.bytes, measured };
  }
  return { line, event, bytes: goTextBytes(line) };
}
