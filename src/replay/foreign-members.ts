import type { EventLine } from './event-line';
import { AUDIT_EVENT_FIELDS } from '../policy/audit-event-fields';
import { AUDIT_V1BETA1 } from './event';
import { goTextBytes } from './go-json';

/**
 * Members a log shipper adds to the event it forwards (`@timestamp`, `kubernetes`, `host`, Fluent Bit's
 * Merge_Log keeping the whole line in `log`...), which kube-apiserver never writes: counted in the sizes, they
 * inflate every byte figure (a merged record holding its own line doubles it). kube-apiserver's Event members
 * (pkg/apis/audit/v1/types.go; `metadata` and `timestamp` only in a v1beta1 event: in a v1 event they are a
 * shipper's, e.g. Vector's `timestamp`) are kept, any other is taken out of the event and its bytes. Only lines decoded whole get here: a line in kube-apiserver's own layout has no other
 * member anywhere but in its bodies (event-line.ts readAround checks the head, the members between the user and
 * the bodies, the bodies' ends and what follows the annotations, and decodes any other line whole).
 */
const EVENT_MEMBERS: ReadonlySet<string> = new Set(AUDIT_EVENT_FIELDS);
/** The members only audit.k8s.io/v1beta1's Event has (removed by kubernetes PR #108092 with v1beta1 itself). */
const V1BETA1_MEMBERS: ReadonlySet<string> = new Set(['metadata', 'timestamp']);

/** Whether kube-apiserver writes a member named `key` in an Event of `apiVersion`. */
export function isEventMember(key: string, apiVersion: unknown): boolean {
  return EVENT_MEMBERS.has(key) || (apiVersion === AUDIT_V1BETA1 && V1BETA1_MEMBERS.has(key));
}

/** Takes the members kube-apiserver does not write out of a line decoded whole; returns their names. */
export function dropForeignMembers(line: EventLine): string[] | undefined {
  if (line.skipped !== undefined) return undefined; // kube-apiserver's layout, read around its bodies
  let foreign: string[] | undefined;
  const ev = line.event;
  for (const key in ev) {
    if (isEventMember(key, ev.apiVersion)) continue;
    (foreign ??= []).push(key);
    // `,"key":value` as Go writes it (the value as V8 encodes it again: compact, like the line it came from).
    const bytes = 1 + goTextBytes(JSON.stringify(key)) + 1 + goTextBytes(JSON.stringify(ev[key]) ?? 'null');
    line.bytes -= bytes;
    if (line.measured !== undefined) line.measured.bytes -= bytes;
    delete ev[key];
  }
  return foreign;
}
