import type { Level } from '../policy/types';
import type { AuditEvent } from './event';

// The written size of an event is defined as Buffer.byteLength(JSON.stringify(stripped event)) + 1 (the
// newline), where the stripped event keeps the event's own key order with `level` replaced in place. Re-
// serializing the whole event per level and policy would cost as much as parsing it, so the size is
// assembled from parts instead: the event without its bodies (serialized once), plus each kept body
// member `,"requestObject":<body>` (serialized only when a decision keeps it). Adding or removing one
// member of a non-empty object changes the compact serialization by exactly `,"key":value`, wherever the
// member sits, and every event has other members (verb, stage), so the parts add up exactly.

const REQUEST_MEMBER = Buffer.byteLength(',"requestObject":');
const RESPONSE_MEMBER = Buffer.byteLength(',"responseObject":');
const LEVEL_MEMBER = Buffer.byteLength(',"level":');

const LEVEL_VALUE_BYTES: Record<Level, number> = {
  None: 6,
  Metadata: 10,
  Request: 9,
  RequestResponse: 17,
};

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
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
 * Lazily computed parts of one event's serialized size, shared by every policy that evaluates the event.
 * Create one per event with `new EventSizer(event)`.
 */
export class EventSizer {
  private base = -1;
  private request = -1;
  private response = -1;
  private requestMf = -1;
  private responseMf = -1;
  private readonly levelDelta: number;
  private readonly hasRequest: boolean;
  private readonly hasResponse: boolean;

  constructor(private readonly event: AuditEvent) {
    this.hasRequest = event.requestObject !== undefined;
    this.hasResponse = event.responseObject !== undefined;
    // The base keeps the event's own level member; deciding a level swaps only its value.
    this.levelDelta = event.level === undefined ? LEVEL_MEMBER : -jsonBytes(event.level);
  }

  /** Bytes of the compact JSON line (newline included) written for this event at `level`. */
  size(level: Level, omitManagedFields: boolean): number {
    if (this.base < 0) this.base = this.computeBase();
    let n = this.base + this.levelDelta + LEVEL_VALUE_BYTES[level] + 1;
    if (level === 'Request' || level === 'RequestResponse') {
      if (this.hasRequest) {
        if (this.request < 0) this.request = jsonBytes(this.event.requestObject);
        n += REQUEST_MEMBER + this.request;
        if (omitManagedFields) {
          if (this.requestMf < 0) this.requestMf = managedFieldsBytes(this.event.requestObject);
          n -= this.requestMf;
        }
      }
      if (level === 'RequestResponse' && this.hasResponse) {
        if (this.response < 0) this.response = jsonBytes(this.event.responseObject);
        n += RESPONSE_MEMBER + this.response;
        if (omitManagedFields) {
          if (this.responseMf < 0) this.responseMf = managedFieldsBytes(this.event.responseObject);
          n -= this.responseMf;
        }
      }
    }
    return n;
  }

  /**
   * Bytes of the line when kube-apiserver's truncate backend (`--audit-log-truncate-enabled`) shrinks an
   * oversized event: both bodies removed, level kept, annotation `audit.k8s.io/truncated: "true"` added.
   */
  truncatedSize(level: Level): number {
    if (this.base < 0) this.base = this.computeBase();
    return (
      this.base +
      this.levelDelta +
      LEVEL_VALUE_BYTES[level] +
      1 +
      truncatedAnnotationDelta(this.event.annotations)
    );
  }

  private computeBase(): number {
    const ev = this.event;
    const req = ev.requestObject;
    const resp = ev.responseObject;
    // Assigning undefined (rather than deleting) keeps the object's shape; JSON.stringify skips the member.
    if (this.hasRequest) ev.requestObject = undefined;
    if (this.hasResponse) ev.responseObject = undefined;
    try {
      return jsonBytes(ev);
    } finally {
      if (this.hasRequest) ev.requestObject = req;
      if (this.hasResponse) ev.responseObject = resp;
    }
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

/** Bytes of the written line for `event` at `level`, by re-serializing the stripped event (slow, reference). */
export function writtenSizeSlow(event: AuditEvent, level: Level, omitManagedFields: boolean): number {
  return Buffer.byteLength(JSON.stringify(strippedEvent(event, level, omitManagedFields))) + 1;
}
