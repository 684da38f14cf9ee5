/** Hostile policy texts shared by the loader's tests and `npm run bench:policy`. */

const HEADER = 'apiVersion: audit.k8s.io/v1\nkind: Policy\n';

// metadata.managedFields[].fieldsV1 is raw JSON (metav1.FieldsV1 keeps any bytes): the one field of a Policy that
// takes any YAML, so a hostile structure there reaches the reader and is not refused for its type first.
/** A policy whose metadata.managedFields[0].fieldsV1 holds the given indented lines, then one rule. */
function withManagedFields(lines: readonly string[]): string {
  return `${HEADER}metadata:\n  annotations: {}\n  managedFields:\n    - fieldsV1:\n${lines.map((l) => `        ${l}`).join('\n')}\nrules: [{level: None}]\n`;
}

/** "Billion laughs": `levels` anchors, each a list of ten aliases of the one before (10^levels nodes). */
export function billionLaughs(levels = 12): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return withManagedFields(lines);
}

/** `count` aliases of one anchor in a flow list (about 4 bytes each). */
export function aliasesOfOneAnchor(count: number): string {
  return `${HEADER}metadata:\n  managedFields: [{fieldsV1: [&a [x], ${Array(count).fill('*a').join(', ')}]}]\nrules: [{level: None}]\n`;
}

/** `count` rules, each with an alias of an anchor that is never defined. */
export function unknownAliases(count: number): string {
  return `${HEADER}rules:\n${'- level: None\n  users: *zz\n'.repeat(count)}`;
}

/** `count` anchors, each a list holding an alias of the one before: nesting `count` levels once expanded. */
export function stackedAnchors(count: number): string {
  const lines = ['a0: &a0 [x]'];
  for (let i = 1; i < count; i++) lines.push(`a${i}: &a${i} [*a${i - 1}]`);
  return withManagedFields(lines);
}
