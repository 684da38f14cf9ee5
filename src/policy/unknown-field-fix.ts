/** The fix for a key the strict loader does not know: did-you-mean, or where the key belongs. */
import { closestMatch } from './did-you-mean';
import { FIELDS_OF, KEY_ALIASES, OBJECT_META_FIELDS, PolicyObjectKind } from './policy-fields';
import { READER_FACTS, ReaderFacts } from './policy-target';

const OWNER_TEXT: Readonly<Record<PolicyObjectKind, string>> = {
  policy: 'the top level of the policy (next to "rules:")',
  rule: 'a rule (next to "level:")',
  'resources entry': 'a resources entry (next to "group:")',
};

/**
 * A key as encoding/json compares it with field names (bytes.EqualFold, under sigs.k8s.io/yaml): letter case
 * ignored, and U+017F (long s) is an "s" (JavaScript already lowers U+212A, the Kelvin sign, to "k").
 */
export function goFoldedKey(key: string): string {
  return key.replace(/\u017f/g, 's').toLowerCase();
}

/**
 * The fix for an unknown key: did-you-mean within the object, or the object it belongs to. `facts` says what
 * the cluster's reader does with a rule key written inside a resources entry.
 */
export function unknownFieldFix(
  key: string,
  kind: PolicyObjectKind | 'metadata',
  facts: ReaderFacts = READER_FACTS['kube-apiserver'],
): string {
  if (kind === 'metadata') {
    const guess = closestMatch(key, OBJECT_META_FIELDS);
    return guess
      ? `did you mean "${guess}"?`
      : `remove it; metadata may hold ${OBJECT_META_FIELDS.slice(0, 3).join(', ')}, labels, annotations`;
  }
  const own = FIELDS_OF[kind];
  const lower = goFoldedKey(key);
  const caseMatch = own.find((f) => f.toLowerCase() === lower);
  if (caseMatch) return `did you mean "${caseMatch}"? Field names are case-sensitive`;
  const kinds = Object.keys(FIELDS_OF) as PolicyObjectKind[];
  for (const other of kinds) {
    if (other === kind) continue;
    const there = FIELDS_OF[other].find((f) => f.toLowerCase() === lower);
    if (there) return belongsElsewhere(there, kind, other, facts);
  }
  // Own keys only: "__proto__" or "constructor" read through to Object.prototype (did you mean "[object Object]"?).
  const alias = Object.hasOwn(KEY_ALIASES[kind], lower) ? KEY_ALIASES[kind][lower] : undefined;
  if (alias) {
    if (kind === 'resources entry' && alias === 'group') {
      return `did you mean "group"? An audit resources entry has one "group" (a string, "" for the core group), not a list of apiGroups: write one entry per group`;
    }
    if (kind === 'rule' && lower === 'apigroups') {
      return 'audit rules list API groups inside "resources": write "resources:" then "- group: apps" and "  resources: [deployments]"';
    }
    return `did you mean "${alias}"?`;
  }
  const guess = closestMatch(key, own);
  if (guess) return `did you mean "${guess}"?`;
  for (const other of kinds) {
    if (other === kind) continue;
    const elsewhere = closestMatch(key, FIELDS_OF[other]);
    if (elsewhere) return `did you mean "${elsewhere}"? ${belongsElsewhere(elsewhere, kind, other, facts)}`;
  }
  return `remove it; ${OWNER_TEXT[kind]} accepts only ${own.join(', ')}`;
}

function belongsElsewhere(
  field: string,
  here: PolicyObjectKind,
  owner: PolicyObjectKind,
  facts: ReaderFacts,
): string {
  const where = `"${field}" belongs to ${OWNER_TEXT[owner]}, not to ${here === 'resources entry' ? 'a resources entry' : here === 'rule' ? 'a rule' : 'the top level'}`;
  if (here === 'resources entry' && owner === 'rule') {
    return `${where}: it is indented too far; move it left to line up with "resources:" (${facts.misplacedRuleKey})`;
  }
  if (here === 'rule' && owner === 'resources entry') {
    return `${where}: put it inside a "resources:" list item, e.g. "resources:" then "- group: apps" and "  resources: [deployments]"`;
  }
  if (here === 'rule' && owner === 'policy') return `${where}: move it to the top level, without indentation`;
  if (here === 'policy')
    return `${where}: put it inside a rule under "rules:" (indent it under "- level: ...")`;
  return `${where}: check its indentation`;
}
