// Reading JSON values: plain objects, and JSON pointers (RFC 6901) into them. No cdk8s import
// (scripts/import-crds.ts uses schema-walk.ts, which uses this).

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One reference token of a JSON pointer: `~` as `~0`, `/` as `~1`. */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A reference token of a JSON pointer, decoded. */
export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The value a JSON pointer (`/a/0/b`) designates in `root`; undefined when there is none. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[unescapePointerSegment(raw)];
  }
  return node;
}
