import { GO_MAX_NESTING_DEPTH, scanned, scanString, scanValue, skipWhitespace } from './go-json';

/**
 * One audit log line read without building its bodies: the top-level members the replay needs (decoded
 * when they are strings, as spans otherwise) and the Go-encoded byte length of every member, so that the
 * bytes written at any level can be worked out from the line itself (see go-json.ts).
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

/** The members of an audit.k8s.io/v1 Event the replay reads. */
export interface EventLine {
  line: string;
  /** Go-encoded bytes of the whole object (no newline). */
  bytes: number;
  /** Number of top-level members. */
  members: number;
  /** String members: the decoded string, or (for a value of another type) its JSON text as a non-string. */
  kind?: unknown;
  apiVersion?: unknown;
  level?: unknown;
  stage?: unknown;
  verb?: unknown;
  requestURI?: unknown;
  requestReceivedTimestamp?: unknown;
  stageTimestamp?: unknown;
  levelSpan?: MemberSpan;
  user?: MemberSpan;
  objectRef?: MemberSpan;
  requestObject?: MemberSpan;
  responseObject?: MemberSpan;
  annotations?: MemberSpan;
}

// The string members, by key: their value is decoded while scanning.
const STRING_KEYS = new Set([
  'kind',
  'apiVersion',
  'level',
  'stage',
  'verb',
  'requestURI',
  'requestReceivedTimestamp',
  'stageTimestamp',
]);
const SPAN_KEYS = new Set(['user', 'objectRef', 'requestObject', 'responseObject', 'annotations']);

/** Longest non-string value kept for messages (a longer one is shown cut). */
const SHOWN_VALUE = 40;

/** A value that is not a string, as its (cut) JSON text: messages show it, checks see "not a string". */
export class NotAString {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
}

function keyText(line: string, start: number, end: number, escaped: boolean): string {
  return escaped ? (JSON.parse(line.slice(start, end)) as string) : line.slice(start + 1, end - 1);
}

/**
 * Scans one line as a JSON object; returns its members, or the reason it is not one (`not JSON (…)` or
 * `not a JSON object`). Nesting deeper than Go's decoder allows is "not JSON", as kube-apiserver's tools
 * would see it. Never throws and never recurses.
 */
export function scanEventLine(line: string): EventLine | string {
  let i = skipWhitespace(line, 0);
  const first = line.charCodeAt(i);
  if (first !== 123 /* { */) {
    const end = scanValue(line, i);
    if (end >= 0 && skipWhitespace(line, end) === line.length) return 'not a JSON object';
    return `not JSON (${end >= 0 ? 'unexpected text after the value' : scanned.error} at column ${end >= 0 ? end + 1 : i + 1})`;
  }
  const ev: EventLine = { line, bytes: 0, members: 0 };
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
      i = scanValue(line, valueStart, 1);
      if (i < 0) return notJson(scanned.error, valueStart);
      const valueBytes = scanned.bytes;
      const span: MemberSpan = {
        start: valueStart,
        end: i,
        bytes: valueBytes,
        memberBytes: keyBytes + 1 + valueBytes,
      };
      if (STRING_KEYS.has(key)) {
        const value =
          line.charCodeAt(valueStart) === 34
            ? keyText(line, valueStart, i, scanned.escaped)
            : new NotAString(cut(line.slice(valueStart, Math.min(i, valueStart + SHOWN_VALUE + 1))));
        (ev as unknown as Record<string, unknown>)[key] = value;
        if (key === 'level') ev.levelSpan = span;
      } else if (SPAN_KEYS.has(key)) {
        (ev as unknown as Record<string, unknown>)[key] = span;
      }
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

function cut(text: string): string {
  return text.length > SHOWN_VALUE ? `${text.slice(0, SHOWN_VALUE)}…` : text;
}

function notJson(reason: string, at: number): string {
  return `not JSON (${reason} at column ${at + 1})`;
}

/** Types of the members `eventProblem` checks, as a scanned line has them (bodies are not decoded). */
export function eventHead(ev: EventLine): Record<string, unknown> {
  const head: Record<string, unknown> = {
    kind: ev.kind,
    apiVersion: ev.apiVersion,
    verb: ev.verb,
    stage: ev.stage,
  };
  if (ev.objectRef !== undefined) head.objectRef = spanType(ev.line, ev.objectRef);
  if (ev.user !== undefined) head.user = spanType(ev.line, ev.user);
  return head;
}

const AN_OBJECT = Object.freeze({});

/** A stand-in of the value's type: an object for `{…}`, null for null, the (cut) text otherwise. */
function spanType(line: string, span: MemberSpan): unknown {
  const c = line.charCodeAt(span.start);
  if (c === 123) return AN_OBJECT;
  if (c === 110) return null;
  return new NotAString(cut(line.slice(span.start, span.end)));
}

/** Depth limit re-exported for messages and tests. */
export const MAX_EVENT_NESTING = GO_MAX_NESTING_DEPTH;
