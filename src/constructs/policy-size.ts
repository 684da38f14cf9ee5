// How large a policy is before it is written out: YAML aliases let 80 KB of text stand for a gigabyte (go-yaml
// v2 allows aliases up to 99% of the decoded nodes), and an object can be as large as memory. Rendering or
// JSON-encoding such a value past V8's string limit crashes ("RangeError: Invalid string length") instead of
// giving the Secret-limit error, so the size is bounded first, by a walk that stops at the limit.

/** What {@link renderedSizeAtLeast} found. */
export type RenderedSize = { readonly bytes: number } | { readonly cycle: true };

/**
 * A lower bound of the bytes any rendering of `value` (YAML or JSON) takes: the UTF-16 length of every string
 * (at most its UTF-8 size) plus one byte per node, counting shared nodes (YAML aliases) once per use. The walk
 * stops as soon as the bound passes `limit` (so it costs at most `limit` node visits, whatever the value) and
 * reports a value that contains itself as `{ cycle: true }`.
 */
export function renderedSizeAtLeast(value: unknown, limit: number): RenderedSize {
  let bytes = 0;
  const onPath = new Set<object>();
  // Iterative depth-first walk: a value nested 100,000 deep must not overflow the stack.
  const stack: Array<{ value: unknown; leave?: object }> = [{ value }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.leave !== undefined) {
      onPath.delete(top.leave);
      continue;
    }
    const v = top.value;
    bytes += typeof v === 'string' ? v.length + 1 : 1;
    if (bytes > limit) return { bytes };
    if (typeof v !== 'object' || v === null) continue;
    if (onPath.has(v)) return { cycle: true };
    onPath.add(v);
    stack.push({ value: undefined, leave: v });
    const children = Array.isArray(v) ? v : Object.entries(v as Record<string, unknown>).flat();
    for (const child of children) stack.push({ value: child });
  }
  return { bytes };
}
