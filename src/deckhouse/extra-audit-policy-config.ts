/**
 * The `extra-audit-policy-config` ConfigMap: its `data.basicAuditPolicy` read the way Deckhouse's
 * control-plane-manager hook reads it (modules/040-control-plane-manager/hooks/audit_policy.go, filterConfigMap):
 * `sigs.k8s.io/yaml.Unmarshal` — the lenient one, not UnmarshalStrict — into a struct whose only field is
 * `ServiceAccounts []string` (a `yaml:` tag, no `json:` tag). That decoder:
 * - reads YAML with go-yaml v2 (YAML 1.1 scalars, only the first document, a repeated key: the last one wins);
 * - converts the YAML to JSON (json.Marshal sorts the keys) and decodes it with encoding/json, which matches
 *   keys to the field name case-insensitively (`serviceaccounts`, `SERVICEACCOUNTS` are read) and lets the
 *   last matching key win; unknown keys are ignored;
 * - writes a boolean or number found where a string is expected as its text (`yes` becomes "true", `0x1F`
 *   becomes "31"), and a null list entry as "" (convertToJSONableObject, then encoding/json).
 */
import type * as Yaml from 'yaml';
import { checkListArgument, checkStringArgument } from '../policy/arguments';
import { quote } from '../policy/echo';
import { deepFlowCandidate } from '../policy/flow-depth';
import { positionIn } from '../policy/policy-text';
import { countYamlEntries, MAX_YAML_ENTRIES } from '../policy/yaml-entries';
import type * as GoYaml from '../policy/go-yaml-scalar';
import type { GoYamlScalar } from '../policy/go-yaml-scalar';
import { Problem } from '../policy/types';
import { LocateInManifest, manifestName } from './secret-key';

/** The label that makes Deckhouse read a ConfigMap's `data.basicAuditPolicy` (its value must be empty). */
export const EXTRA_AUDIT_POLICY_CONFIG_LABEL = 'control-plane-manager.deckhouse.io/extra-audit-policy-config';

/** The outcome of reading an `extra-audit-policy-config` ConfigMap's `data.basicAuditPolicy`. */
export interface ExtraAuditPolicyConfig {
  /** The ServiceAccount user names Deckhouse would append (empty when there are errors). */
  serviceAccounts: string[];
  /** Non-empty = Deckhouse's control-plane-manager hook fails on this ConfigMap (the audit policy is not updated). */
  errors: Problem[];
  warnings: Problem[];
}

const FIELD = 'data.basicAuditPolicy';
// The policy loader's MAX_NESTING_DEPTH, not imported: yaml-document.ts loads the yaml package, which this module
// loads only when a ConfigMap is read.
const MAX_NESTING_DEPTH = 100;
// A ServiceAccount's user name: a namespace (DNS-1123 label) and a name (DNS-1123 subdomain).
const LABEL = '[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?';
const SA_USER = new RegExp(`^system:serviceaccount:(${LABEL}):(${LABEL}(?:\\.${LABEL})*)$`);
const FAILS =
  'Deckhouse\'s hook fails on it ("invalid basicAuditPolicy format - yaml expected") and the audit policy is not updated';

/** What go-yaml v2 and the YAML-to-JSON step make of a node. */
type GoValue =
  | { kind: 'scalar'; scalar: GoYamlScalar; source: string; node: Yaml.Node }
  | { kind: 'map'; entries: Map<string, GoValue>; node: Yaml.Node }
  | { kind: 'seq'; items: GoValue[]; node: Yaml.Node };

// encoding/json's case folding (fold.go): ASCII letters ignore case, and the long s (U+017F) folds to "s".
function foldsTo(key: string, field: string): boolean {
  const folded = key.replace(/\u017f/g, 's');
  return [...folded].every((c) => c.charCodeAt(0) < 128) && folded.toLowerCase() === field.toLowerCase();
}

// The YAML library (and go-yaml-scalar, built on it) is loaded on first use, not with the built-in rules that
// re-export this module: `explain --deckhouse` needs only them.
function goYaml(): typeof GoYaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../policy/go-yaml-scalar') as typeof GoYaml;
}

function scalarText(scalar: GoYamlScalar, source: string): string | undefined {
  if (scalar.type === 'string') return scalar.value;
  if (scalar.type === 'null') return undefined;
  return goYaml().goStringOf(scalar, source);
}

class Reader {
  constructor(
    private readonly doc: Yaml.Document,
    private readonly yaml: typeof Yaml,
  ) {}

  read(node: unknown, depth = 0): GoValue | undefined {
    const Y = this.yaml;
    if (depth > 100 || node === null || node === undefined) return undefined;
    if (Y.isAlias(node)) return this.read(node.resolve(this.doc), depth + 1);
    if (Y.isScalar(node)) {
      const source = node.source ?? String(node.value);
      const plain = node.type === 'PLAIN' && node.tag === undefined;
      let scalar: GoYamlScalar;
      if (plain) scalar = goYaml().resolveGoYamlPlain(source);
      else if (typeof node.value === 'boolean') scalar = { type: 'bool', value: node.value };
      else if (typeof node.value === 'number') scalar = { type: 'float', value: node.value };
      else if (node.value === null) scalar = { type: 'null', value: null };
      else scalar = { type: 'string', value: String(node.value) };
      return { kind: 'scalar', scalar, source, node };
    }
    if (Y.isSeq(node)) {
      return { kind: 'seq', items: node.items.map((item) => this.read(item, depth + 1)!), node };
    }
    if (Y.isMap(node)) {
      const entries = new Map<string, GoValue>();
      for (const pair of node.items) {
        const key = this.read(pair.key, depth + 1);
        const value = this.read(pair.value, depth + 1);
        if (
          key?.kind === 'scalar' &&
          key.source === '<<' &&
          Y.isScalar(pair.key) &&
          pair.key.type === 'PLAIN'
        ) {
          // go-yaml merges a mapping, or a list of them with the earlier ones taking precedence.
          const merged = value?.kind === 'seq' ? [...value.items].reverse() : [value];
          for (const m of merged) if (m?.kind === 'map') for (const [k, v] of m.entries) entries.set(k, v);
          continue;
        }
        const text = key?.kind === 'scalar' ? (scalarText(key.scalar, key.source) ?? 'null') : '';
        // A repeated key: go-yaml's lenient Unmarshal keeps the last value.
        entries.delete(text);
        if (value !== undefined) entries.set(text, value);
        else
          entries.set(text, {
            kind: 'scalar',
            scalar: { type: 'null', value: null },
            source: '',
            node: key?.node ?? node,
          });
      }
      return { kind: 'map', entries, node };
    }
    return undefined;
  }
}

/**
 * Reads the text of `data.basicAuditPolicy` (YAML `serviceAccounts: [...]`) exactly as Deckhouse's hook does
 * (see the file comment): entries are used verbatim as user names, in order, duplicates included.
 */
export function parseExtraAuditPolicyConfig(text: string): ExtraAuditPolicyConfig {
  checkStringArgument(
    'parseExtraAuditPolicyConfig',
    'text',
    text,
    "the ConfigMap's data.basicAuditPolicy text",
  );
  const result: ExtraAuditPolicyConfig = { serviceAccounts: [], errors: [], warnings: [] };
  // Refused before the yaml package reads it: it would take seconds and hundreds of MB over 10^5 brackets
  // or entries (a ConfigMap holds 1 MiB), where a real list names a few ServiceAccounts.
  const deep = deepFlowCandidate(text, MAX_NESTING_DEPTH);
  const past = deep === -1 ? countYamlEntries(text, MAX_YAML_ENTRIES).at : -1;
  if (deep !== -1 || past !== -1) {
    result.errors.push({
      message:
        deep !== -1
          ? `${FIELD}: nests lists and mappings more than ${MAX_NESTING_DEPTH} levels deep, not read`
          : `${FIELD}: holds more than ${MAX_YAML_ENTRIES} list items and mapping entries, not read`,
      field: FIELD,
      ...positionIn(text, deep !== -1 ? deep : past),
      fix: 'list the ServiceAccounts the module adds, e.g. "serviceAccounts:\n- system:serviceaccount:<namespace>:<name>"',
    });
    return result;
  }
  // The YAML library is loaded here, on first use, not with the rules: `explain --deckhouse` needs only them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require('yaml') as typeof Yaml;
  const lines = new yaml.LineCounter();
  const docs = yaml.parseAllDocuments(text, {
    version: '1.1',
    uniqueKeys: false,
    merge: true,
    lineCounter: lines,
  });
  const all = Array.isArray(docs) ? docs : [];
  const at = (node: { range?: [number, number, number] | null } | undefined) => {
    const start = node?.range?.[0];
    if (start === undefined) return {};
    const p = lines.linePos(start);
    return { line: p.line, column: p.col };
  };
  const doc = all[0];
  // go-yaml's Unmarshal reads the first document only.
  if (all.length > 1) {
    result.warnings.push({
      message: `${FIELD}: holds ${all.length} YAML documents; Deckhouse reads only the first`,
      field: FIELD,
      ...at(all[1].contents ?? undefined),
      fix: 'keep one document (remove the "---" and what follows, or merge the lists)',
    });
  }
  if (doc && doc.errors.length > 0) {
    for (const err of doc.errors) {
      const pos = err.linePos?.[0];
      result.errors.push({
        message: `${FIELD}: not valid YAML: ${err.message.split('\n')[0].replace(/:$/, '')} (${FAILS})`,
        field: FIELD,
        line: pos?.line,
        column: pos?.col,
        fix: 'write it as a YAML mapping, e.g. "serviceAccounts:\\n- system:serviceaccount:<namespace>:<name>"',
      });
    }
    return result;
  }
  const root = doc ? new Reader(doc, yaml).read(doc.contents) : undefined;
  if (root === undefined || (root.kind === 'scalar' && root.scalar.type === 'null')) return result;
  if (root.kind !== 'map') {
    result.errors.push({
      message: `${FIELD}: expected a mapping with key serviceAccounts, got ${root.kind === 'seq' ? 'a list' : 'a scalar'} (${FAILS})`,
      field: FIELD,
      ...at(root.node),
      fix: 'write "serviceAccounts:" followed by a list of system:serviceaccount:<namespace>:<name> names',
    });
    return result;
  }
  // JSON keys come sorted (json.Marshal of a map); encoding/json lets the last key matching the field win.
  const matching = [...root.entries.keys()].filter((k) => foldsTo(k, 'serviceAccounts')).sort(byBytes);
  for (const key of root.entries.keys()) {
    if (matching.includes(key)) continue;
    result.warnings.push({
      message: `${FIELD}: key ${quote(key)} is ignored by Deckhouse (only serviceAccounts is read, in any letter case)`,
      field: `${FIELD}.${key}`,
      ...at(root.entries.get(key)!.node),
      fix: `remove ${quote(key)}`,
    });
  }
  if (matching.length === 0) return result;
  const key = matching[matching.length - 1];
  for (const ignored of matching.slice(0, -1)) {
    result.warnings.push({
      message:
        `${FIELD}: both ${quote(ignored)} and ${quote(key)} name the serviceAccounts field (Deckhouse matches it ` +
        `case-insensitively); only ${quote(key)} is used`,
      field: `${FIELD}.${ignored}`,
      ...at(root.entries.get(ignored)!.node),
      fix: 'keep one serviceAccounts list',
    });
  }
  const field = `${FIELD}.${key}`;
  const list = root.entries.get(key)!;
  if (list.kind === 'scalar' && list.scalar.type === 'null') return result;
  if (list.kind !== 'seq') {
    result.errors.push({
      message: `${field}: expected a list of strings, got ${list.kind === 'map' ? 'a mapping' : 'a scalar'} (${FAILS})`,
      field,
      ...at(list.node),
      fix: 'use a YAML list: "serviceAccounts:\\n- system:serviceaccount:<namespace>:<name>"',
    });
    return result;
  }
  const accounts: string[] = [];
  list.items.forEach((entry, i) => {
    const entryField = `${field}[${i}]`;
    const where = at(entry?.node);
    if (entry === undefined || entry.kind !== 'scalar') {
      result.errors.push({
        message: `${entryField}: expected a string, got ${entry?.kind === 'seq' ? 'a list' : 'a mapping'} (${FAILS})`,
        field: entryField,
        ...where,
        fix: 'write one system:serviceaccount:<namespace>:<name> per list item',
      });
      return;
    }
    const name = entry.scalar.type === 'null' ? '' : scalarText(entry.scalar, entry.source);
    if (name === undefined) {
      result.errors.push({
        message: `${entryField}: ${entry.source} is a number too large for Deckhouse's decoder (${FAILS})`,
        field: entryField,
        ...where,
        fix: 'quote the value',
      });
      return;
    }
    accounts.push(name);
    if (entry.scalar.type !== 'string') {
      const what = entry.scalar.type === 'null' ? 'an empty entry' : `unquoted ${entry.source}`;
      result.warnings.push({
        message:
          `${entryField}: ${what} is not a string in YAML 1.1; Deckhouse appends the user name ${quote(name)}, ` +
          'which matches no ServiceAccount',
        field: entryField,
        ...where,
        fix: entry.scalar.type === 'null' ? 'remove the empty entry' : `write the full user name in quotes`,
      });
      return;
    }
    const notAUser = serviceAccountUserProblem(name);
    if (notAUser) {
      result.warnings.push({
        ...notAUser,
        message: `${entryField}: ${notAUser.message}`,
        field: entryField,
        ...where,
      });
    } else if (accounts.indexOf(name) < accounts.length - 1) {
      result.warnings.push({
        message: `${entryField}: ${quote(name)} is listed twice; Deckhouse appends it again (no effect on matching)`,
        field: entryField,
        ...where,
        fix: 'remove the repeated entry',
      });
    }
  });
  if (result.errors.length === 0) result.serviceAccounts = accounts;
  return result;
}

/**
 * Why `name` is no ServiceAccount's user name (`system:serviceaccount:<namespace>:<name>`, both parts DNS
 * names), as a problem with a fix; undefined for a valid name. Deckhouse appends names verbatim, so such a
 * name matches no request.
 */
export function serviceAccountUserProblem(name: string): Problem | undefined {
  if (SA_USER.test(name)) return undefined;
  const parts = name.split(':');
  return {
    message: `${quote(name)} is not a ServiceAccount user name; Deckhouse compares it verbatim with the request's user, so it matches no ServiceAccount`,
    fix:
      parts.length === 2 && !/\s/.test(name)
        ? `write "system:serviceaccount:${name}"`
        : 'write the full user name system:serviceaccount:<namespace>:<name> (lower case, no spaces)',
  };
}

function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The `data.basicAuditPolicy` text for an `extra-audit-policy-config` ConfigMap listing these ServiceAccounts. */
export function renderExtraAuditPolicyConfig(serviceAccounts: readonly string[]): string {
  checkListArgument(
    'renderExtraAuditPolicyConfig',
    'serviceAccounts',
    serviceAccounts,
    'a list of ServiceAccount user names',
  );
  if (serviceAccounts.length === 0) return 'serviceAccounts: []\n';
  // Double-quoted (JSON) scalars are valid YAML 1.1 and 1.2 and never change type.
  return `serviceAccounts:\n${serviceAccounts.map((sa) => `- ${JSON.stringify(sa)}\n`).join('')}`;
}

/** What Deckhouse takes from one ConfigMap manifest (see readExtraAuditPolicyConfigMap). */
export interface ExtraAuditPolicyConfigMap extends ExtraAuditPolicyConfig {
  /** True when the hook's label selector picks the ConfigMap (the label is there with an empty value). */
  selected: boolean;
}

function field(object: unknown, name: string): unknown {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return undefined;
  return Object.prototype.hasOwnProperty.call(object, name)
    ? (object as Record<string, unknown>)[name]
    : undefined;
}

/**
 * Reads a ConfigMap manifest (a plain object) as Deckhouse's hook does: it is selected only when labelled
 * `control-plane-manager.deckhouse.io/extra-audit-policy-config: ""` (MatchLabels: a non-empty value is not
 * selected), in any namespace; its `data.basicAuditPolicy` is read with parseExtraAuditPolicyConfig (absent:
 * no ServiceAccounts). Messages name the ConfigMap; positions are the value's in the manifest (`locate`).
 */
export function readExtraAuditPolicyConfigMap(
  configMap: unknown,
  locate: LocateInManifest = () => undefined,
): ExtraAuditPolicyConfigMap {
  const name = `ConfigMap ${manifestName(configMap)}`;
  const result: ExtraAuditPolicyConfigMap = {
    selected: false,
    serviceAccounts: [],
    errors: [],
    warnings: [],
  };
  const labels = field(field(configMap, 'metadata'), 'labels');
  const label = field(labels, EXTRA_AUDIT_POLICY_CONFIG_LABEL);
  if (label === undefined) return result;
  const labelAt = locate(['metadata', 'labels', EXTRA_AUDIT_POLICY_CONFIG_LABEL]) ?? locate([]) ?? {};
  if (label !== '' && label !== null) {
    result.warnings.push({
      message:
        `${name} is labelled ${EXTRA_AUDIT_POLICY_CONFIG_LABEL}: ${quote(String(label))}, but Deckhouse selects ` +
        'only ConfigMaps whose label value is empty (its selector is matchLabels with ""): its ServiceAccounts are not added',
      field: `metadata.labels.${EXTRA_AUDIT_POLICY_CONFIG_LABEL}`,
      ...labelAt,
      fix: `set the label's value to "" (${EXTRA_AUDIT_POLICY_CONFIG_LABEL}: "")`,
    });
    return result;
  }
  result.selected = true;
  const text = field(field(configMap, 'data'), 'basicAuditPolicy');
  if (text === undefined) return result;
  const at = locate(['data', 'basicAuditPolicy']) ?? locate(['data']) ?? labelAt;
  if (typeof text !== 'string') {
    result.errors.push({
      message: `${name}: data.basicAuditPolicy must be a string (ConfigMap data values are strings)`,
      field: FIELD,
      ...at,
      fix: 'write it as a block scalar: "basicAuditPolicy: |" followed by the serviceAccounts list',
    });
    return result;
  }
  const read = parseExtraAuditPolicyConfig(text);
  // Positions inside the value are shown in the message; the problem points at the value in the manifest.
  const inFile = ({ line, column: _column, ...p }: Problem): Problem => ({
    ...p,
    message: `${name}: ${p.message}${line !== undefined ? ` (line ${line} of the value)` : ''}`,
    ...at,
  });
  result.errors = read.errors.map(inFile);
  result.warnings = read.warnings.map(inFile);
  result.serviceAccounts = read.serviceAccounts;
  return result;
}
