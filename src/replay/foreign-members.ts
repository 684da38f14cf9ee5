import type { EventLine } from './event-line';
import { AUDIT_EVENT_FIELDS } from '../policy/audit-event-fields';
import { goTextBytes } from './go-json';

/**
 * Members a log shipper adds to the event it forwards (`@timestamp`, `kubernetes`, `host`, Fluent Bit's
 * Merge_Log keeping the whole line in `log`...), which kube-apiserver never writes: counted in the sizes, they
 * inflate every byte figure (a merged record holding its own line doubles it). kube-apiserver's Event members
 * (pkg/apis/audit/v1/types.go; `metadata` and `timestamp` of v1beta1) are kept, any other is taken out of the
 * event and its bytes. Only lines decoded whole get here: a line in kube-apiserver's own layout has no other
 * member anywhere but in its bodies (event-line.ts readAround checks the head, the members between the user and
 * the bodies, the bodies' ends and what follows the annotations, and decodes any other line whole).
 */
const EVENT_MEMBERS: ReadonlySet<string> = new Set([...AUDIT_EVENT_FIELDS, 'metadata', 'timestamp']);

/** Whether kube-apiserver writes a member named `key` in an Event (v1, or v1beta1's two more). */
export function isEventMember(key: string): boolean {
  return EVENT_MEMBERS.has(key);
}

/** Takes the members kube-apiserver does not write out of a line decoded whole; returns their names. */
export function dropForeignMembers(line: EventLine): string[] | undefined {
  if (line.skipped !== undefined) return undefined; // kube-apiserver's layout, read around its bodies
  let foreign: string[] | undefined;
  const ev = line.event;
  for (const key in ev) {
    if (EVENT_MEMBERS.has(key)) continue;
    (foreign ??= []).push(key);
    // `,"key":value` as Go writes it (the value as V8 encodes it again: compact, like the line it came from).
    const bytes = 1 + goTextBytes(JSON.stringify(key)) + 1 + goTextBytes(JSON.stringify(ev[key]) ?? 'null');
    line.bytes -= bytes;
    if (line.measured !== undefined) line.measured.bytes -= bytes;
    delete ev[key];
  }
  return foreign;
}
