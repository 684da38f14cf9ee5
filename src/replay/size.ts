import type { Level } from '../policy/types';
import type { AuditEvent } from './event';
import { eventBodies, EventLine, skippedMember, splitRequestBody } from './event-line';
import { goJsonBytes, scanned, scanString, scanValue, skipWhitespace } from './go-json';

// The written size of an event is the length of the line kube-apiserver writes for it at the decided level:
// Go's encoding/json of the event with `level` replaced, the bodies the level does not keep removed and,
// with omitManagedFields, `metadata.managedFields` removed from the bodies; plus the newline. It is worked
// out from the line as read (go-json.ts measures every member in Go's encoding while scanning), never by
// re-serializing: removing one member of an object with other members removes exactly `,"key":value`
// wherever it sits, and every event has other members (verb, stage).

const LEVEL_MEMBER = Buffer.byteLength(',"level":');
const REQUEST_KEY = Buffer.byteLength('"requestObject":');

const LEVEL_VALUE_BYTES: Record<Level, number> = {
  None: 6,
  Metadata: 10,
  Request: 9,
  RequestResponse: 17,
};

function jsonBytes(value: unknown): number {
  return goJsonBytes(value);
}

/** Bytes removed from a compact serialization of `container` by deleting its member `key`. */
function memberBytes(container: Record<string, unknown>, key: string): number {
  let others = 0;
  for (const k in container) {
    if (k !== key && container[k] !== undefined) {
      others = 1;
      break;
    }
  }
  return jsonBytes(key) + 1 + jsonBytes(container[key]) + others;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectManagedFieldsBytes(obj: unknown): number {
  if (!isObject(obj)) return 0;
  const meta = obj.metadata;
  if (!isObject(meta) || meta.managedFields === undefined) return 0;
  return memberBytes(meta, 'managedFields');
}

/**
 * Bytes kube-apiserver's omitManagedFields removes from a body: `metadata.managedFields` of the object, of
 * each item of a list, and of each row object of a Table.
 */
export function managedFieldsBytes(body: unknown): number {
  if (!isObject(body)) return 0;
  let total = objectManagedFieldsBytes(body);
  if (Array.isArray(body.items)) {
    for (const item of body.items) total += objectManagedFieldsBytes(item);
  }
  if (body.kind === 'Table' && Array.isArray(body.rows)) {
    for (const row of body.rows) if (isObject(row)) total += objectManagedFieldsBytes(row.object);
  }
  return total;
}

/**
 * Calls `visit` for each member of the JSON object whose text starts at `start` (nothing when it is not an
 * object); `memberBytes` is the Go-encoded `"key":value`. The line must already be known to be valid JSON.
 */
function forEachMember(
  line: string,
  start: number,
  visit: (key: string, valueStart: number, valueEnd: number, memberBytes: number, count: number) => void,
): number {
  if (line.charCodeAt(start) !== 123) return 0;
  let i = skipWhitespace(line, start + 1);
  let count = 0;
  while (line.charCodeAt(i) === 34) {
    const keyStart = i;
    i = scanString(line, i);
    const keyBytes = scanned.bytes;
    const key = scanned.escaped
      ? (JSON.parse(line.slice(keyStart, i)) as string)
      : line.slice(keyStart + 1, i - 1);
    const valueStart = skipWhitespace(line, skipWhitespace(line, i) + 1);
    i = scanValue(line, valueStart, 1);
    if (i < 0) return count;
    count++;
    visit(key, valueStart, i, keyBytes + 1 + scanned.bytes, count);
    i = skipWhitespace(line, i);
    if (line.charCodeAt(i) !== 44) break;
    i = skipWhitespace(line, i + 1);
  }
  return count;
}

/** Bytes removing `metadata.managedFields` takes from the object at `start` (member plus a comma). */
function objectManagedFieldsAt(line: string, start: number): number {
  let removed = 0;
  forEachMember(line, start, (key, valueStart) => {
    if (key !== 'metadata') return;
    let mf = 0;
    const members = forEachMember(line, valueStart, (k, _s, _e, bytes) => {
      if (k === 'managedFields') mf = bytes;
    });
    if (mf > 0) removed = mf + (members > 1 ? 1 : 0);
  });
  return removed;
}

/**
 * Bytes kube-apiserver's omitManagedFields removes from the body whose text starts at `start`:
 * `metadata.managedFields` of the object, of each item of a list, and of each row object of a Table.
 */
export function managedFieldsBytesAt(line: string, start: number): number {
  let total = objectManagedFieldsAt(line, start);
  let items = -1;
  let rows = -1;
  let table = false;
  forEachMember(line, start, (key, valueStart, valueEnd) => {
    if (key === 'items') items = valueStart;
    else if (key === 'rows') rows = valueStart;
    else if (key === 'kind') table = line.slice(valueStart, valueEnd) === '"Table"';
  });
  for (const element of arrayElements(line, items)) total += objectManagedFieldsAt(line, element);
  if (table) {
    for (const row of arrayElements(line, rows)) {
      forEachMember(line, row, (key, valueStart) => {
        if (key === 'object') total += objectManagedFieldsAt(line, valueStart);
      });
    }
  }
  return total;
}

function arrayElements(line: string, start: number): number[] {
  const out: number[] = [];
  if (start < 0 || line.charCodeAt(start) !== 91) return out;
  let i = skipWhitespace(line, start + 1);
  if (line.charCodeAt(i) === 93) return out;
  for (;;) {
    out.push(i);
    i = scanValue(line, i, 1);
    if (i < 0) return out;
    i = skipWhitespace(line, i);
    if (line.charCodeAt(i) !== 44) return out;
    i = skipWhitespace(line, i + 1);
  }
}

/**
 * The bytes one event takes in the log at each level, shared by every policy that evaluates it. Create one
 * per event with `new EventSizer(readEventLine(line))`. For a compact line the parts come from the line's
 * own size: the event without bodies is serialized once (small) when a decision drops a body, a single body
 * is the rest of the line, and of two bodies only the request body is serialized; an exactly measured
 * line (not compact) uses its member measurements.
 */
export class EventSizer {
  private requestMf = -1;
  private responseMf = -1;
  /** Member bytes (`"key":value`, no comma) of the bodies, -1 until needed. */
  private requestMember = -1;
  private responseMember = -1;
  /** Bytes with no bodies and no level value (the level member's key kept if present), plus the newline. */
  private base = -1;
  private readonly hasRequest: boolean;
  private hasResponse: boolean;

  constructor(private readonly ev: EventLine) {
    const e = ev.event;
    const region = ev.bodies;
    this.hasRequest = region !== undefined ? region.request : e.requestObject !== undefined;
    this.hasResponse = region !== undefined ? region.mayHaveResponse : e.responseObject !== undefined;
    const m = ev.measured;
    if (region !== undefined) {
      if (!this.hasRequest) {
        this.requestMember = 0;
        this.responseMember = region.bytes - 1;
      } else if (!this.hasResponse) {
        this.requestMember = region.bytes - 1;
        this.responseMember = 0;
      }
      this.base = ev.bytes + 1 - this.levelValueBytes() - region.bytes;
    } else if (m !== undefined) {
      this.requestMember = m.requestObject?.memberBytes ?? 0;
      this.responseMember = m.responseObject?.memberBytes ?? 0;
    } else if (!this.hasRequest) {
      this.requestMember = 0;
      if (!this.hasResponse) this.responseMember = 0;
    } else if (!this.hasResponse) this.responseMember = 0;
  }

  private levelValueBytes(): number {
    const m = this.ev.measured;
    if (m !== undefined) return m.levelSpan === undefined ? -LEVEL_MEMBER : m.levelSpan.bytes;
    const level = this.ev.event.level;
    if (level === undefined) return -LEVEL_MEMBER;
    return typeof level === 'string' && level in LEVEL_VALUE_BYTES
      ? LEVEL_VALUE_BYTES[level as Level]
      : goJsonBytes(level);
  }

  private computeBase(): number {
    let bodies = 0;
    if (this.ev.bodies !== undefined) return this.base;
    if (this.hasRequest || this.hasResponse) {
      if (this.requestMember < 0 || this.responseMember < 0) this.measureBodies();
      if (this.hasRequest) bodies += this.requestMember + 1;
      if (this.hasResponse) bodies += this.responseMember + 1;
    }
    return this.ev.bytes + 1 - this.levelValueBytes() - bodies;
  }

  /** Works out the body members of a compact line: the line minus the rest. */
  private measureBodies(): void {
    const region = this.ev.bodies;
    if (region !== undefined) {
      // Both bodies may be in the region: tell them apart (decoding the request body only).
      const split = splitRequestBody(this.ev);
      this.hasResponse = split.response;
      this.requestMember = split.requestMember;
      this.responseMember = split.response ? region.bytes - 2 - split.requestMember : 0;
      return;
    }
    const e = this.ev.event;
    const req = e.requestObject;
    const resp = e.responseObject;
    // Assigning undefined (rather than deleting) keeps the object's shape; JSON.stringify skips the member.
    e.requestObject = undefined;
    e.responseObject = undefined;
    let head: number;
    try {
      head = goJsonBytes(e);
    } finally {
      if (this.hasRequest) e.requestObject = req;
      if (this.hasResponse) e.responseObject = resp;
    }
    const commas = (this.hasRequest ? 1 : 0) + (this.hasResponse ? 1 : 0);
    const bodies = this.ev.bytes - head - commas;
    if (this.hasRequest && this.hasResponse) {
      this.requestMember = REQUEST_KEY + goJsonBytes(req);
      this.responseMember = bodies - this.requestMember;
    } else if (this.hasRequest) this.requestMember = bodies;
    else this.responseMember = bodies;
  }

  /** Bytes of the line (newline included) written for this event at `level`. */
  size(level: Level, omitManagedFields: boolean): number {
    if (this.base < 0) this.base = this.computeBase();
    let n = this.base + LEVEL_VALUE_BYTES[level];
    if (level === 'Request' || level === 'RequestResponse') {
      if (this.hasRequest) {
        if (this.requestMember < 0) this.measureBodies();
        n += this.requestMember + 1;
        if (omitManagedFields) {
          if (this.requestMf < 0) this.requestMf = this.managedFields('requestObject');
          n -= this.requestMf;
        }
      }
      if (level === 'RequestResponse' && this.hasResponse) {
        n += this.responseMember + 1;
        if (omitManagedFields) {
          if (this.responseMf < 0) this.responseMf = this.managedFields('responseObject');
          n -= this.responseMf;
        }
      }
    }
    return n;
  }

  private managedFields(key: 'requestObject' | 'responseObject'): number {
    const span = this.ev.measured?.[key];
    if (span !== undefined) return managedFieldsBytesAt(this.ev.line, span.start);
    return managedFieldsBytes(eventBodies(this.ev)[key]);
  }

  /**
   * Bytes of the line when kube-apiserver's truncate backend (`--audit-log-truncate-enabled`) shrinks an
   * oversized event: both bodies removed, level kept, annotation `audit.k8s.io/truncated: "true"` added.
   */
  truncatedSize(level: Level): number {
    if (this.base < 0) this.base = this.computeBase();
    return (
      this.base + LEVEL_VALUE_BYTES[level] + truncatedAnnotationDelta(skippedMember(this.ev, 'annotations'))
    );
  }
}

const TRUNCATED_KEY = 'audit.k8s.io/truncated';
const TRUNCATED_MEMBER = Buffer.byteLength(`"${TRUNCATED_KEY}":"true"`);

/** Bytes the truncate backend's annotation adds to an event with these annotations. */
function truncatedAnnotationDelta(annotations: unknown): number {
  const map = 2 + TRUNCATED_MEMBER; // {"audit.k8s.io/truncated":"true"}
  if (annotations === undefined) return Buffer.byteLength(',"annotations":') + map;
  if (!isObject(annotations)) return map - jsonBytes(annotations); // e.g. null, replaced in place
  if (annotations[TRUNCATED_KEY] !== undefined)
    return jsonBytes('true') - jsonBytes(annotations[TRUNCATED_KEY]);
  return Object.keys(annotations).length > 0 ? 1 + TRUNCATED_MEMBER : TRUNCATED_MEMBER;
}

/** The event as the truncate backend writes an oversized one (reference for EventSizer.truncatedSize). */
export function truncatedEvent(event: AuditEvent, level: Level): Record<string, unknown> {
  const out = strippedEvent(event, level, false);
  delete out.requestObject;
  delete out.responseObject;
  const annotations = isObject(event.annotations) ? event.annotations : {};
  out.annotations = { ...annotations, [TRUNCATED_KEY]: 'true' };
  return out;
}

function withoutManagedFields(obj: unknown): unknown {
  if (!isObject(obj) || !isObject(obj.metadata)) return obj;
  const metadata = { ...obj.metadata };
  delete metadata.managedFields;
  return { ...obj, metadata };
}

function stripManagedFields(body: unknown): unknown {
  if (!isObject(body)) return body;
  const out: Record<string, unknown> = { ...(withoutManagedFields(body) as Record<string, unknown>) };
  if (Array.isArray(body.items)) out.items = body.items.map(withoutManagedFields);
  if (body.kind === 'Table' && Array.isArray(body.rows)) {
    out.rows = body.rows.map((row) =>
      isObject(row) ? { ...row, object: withoutManagedFields(row.object) } : row,
    );
  }
  return out;
}

/**
 * The event as written at `level` (bodies stripped, level replaced in place, managedFields removed when
 * asked); the straightforward definition the fast EventSizer is tested against.
 */
export function strippedEvent(
  event: AuditEvent,
  level: Level,
  omitManagedFields: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(event)) {
    if (key === 'level') out.level = level;
    else if (key === 'requestObject') {
      if (level === 'Request' || level === 'RequestResponse') {
        out.requestObject = omitManagedFields ? stripManagedFields(event.requestObject) : event.requestObject;
      }
    } else if (key === 'responseObject') {
      if (level === 'RequestResponse') {
        out.responseObject = omitManagedFields
          ? stripManagedFields(event.responseObject)
          : event.responseObject;
      }
    } else out[key] = event[key];
  }
  if (!('level' in out)) out.level = level;
  return out;
}

/** Bytes of the written line for `event` at `level`: the stripped event in Go's encoding (slow, reference). */
export function writtenSizeSlow(event: AuditEvent, level: Level, omitManagedFields: boolean): number {
  return goJsonBytes(strippedEvent(event, level, omitManagedFields)) + 1;
}
