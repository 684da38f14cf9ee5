/**
 * Generates the package's typed copies of Deckhouse facts from ../shared/upstream/deckhouse:
 * - src/deckhouse/data/basic-rules.generated.ts (the built-in audit rules, the system namespace and
 *   ServiceAccount lists, a version stamp);
 * - src/policy/kubernetes-versions.generated.ts (the Kubernetes versions control-plane-manager accepts).
 *
 * The package never reads ../shared at run time; test-shared/deckhouse-data-fresh.test.ts re-runs
 * `generateDeckhouseData` in-process and compares the result with the committed files byte for byte.
 * Run with `npx tsx scripts/import-deckhouse-data.ts` (part of `npm run import`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
// Upstream's struct order is also the emission order of the generated rules.
import { GROUP_RESOURCES_FIELDS, RULE_FIELDS } from '../src/policy/policy-fields';
import { PolicyRule } from '../src/policy/types';
import { isSystemNamespaceRule, isSystemServiceAccountRule } from '../src/deckhouse/built-in-rule-shapes';
import { compareKubernetesVersions, parseKubernetesVersion } from '../src/policy/version';

const REPO_ROOT = path.resolve(__dirname, '..');

/** Default location of the shared upstream snapshot (../shared relative to the repository root). */
export const DEFAULT_SHARED_DIR = path.resolve(REPO_ROOT, '../shared');

const RULES_SOURCE = 'upstream/deckhouse/basic-policy-rules.json';
const CONFIG_VALUES_SOURCE = 'upstream/deckhouse/control-plane-manager.config-values.yaml';

/** Output files, relative to the repository root. */
export const GENERATED_FILES = {
  basicRules: 'src/deckhouse/data/basic-rules.generated.ts',
  kubernetesVersions: 'src/policy/kubernetes-versions.generated.ts',
} as const;

type Layer = 'basic' | 'virtualization' | 'tail';

// Placeholders that become references to the exported lists in the emitted code.
const SA_PLACEHOLDER = '__DECKHOUSE_SYSTEM_SERVICE_ACCOUNTS__';
const NS_PLACEHOLDER = '__DECKHOUSE_SYSTEM_NAMESPACES__';

interface RawRule {
  why?: unknown;
  [field: string]: unknown;
}

/** Where the `why` tag of an entry puts it: "[basic #1]", "[virtualization #20]", "[unauthenticated #27]". */
function layerOf(rule: RawRule, index: number): Layer {
  const why = typeof rule.why === 'string' ? rule.why : '';
  const tag = /^\[([a-z]+)/.exec(why)?.[1];
  if (tag === 'basic') return 'basic';
  if (tag === 'virtualization') return 'virtualization';
  if (tag === 'unauthenticated') return 'tail';
  throw new Error(
    `${RULES_SOURCE}[${index}]: cannot tell the layer from its "why" tag (got ${JSON.stringify(tag)})`,
  );
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new Error(`${where}: expected a list of strings`);
  }
  return value as string[];
}

/** Copies a rule keeping only PolicyRule fields in canonical order (drops the prose `why`). */
function canonicalRule(raw: RawRule, where: string): Record<string, unknown> {
  const known = new Set<string>([...RULE_FIELDS, 'why']);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) throw new Error(`${where}: unexpected field "${key}"`);
  }
  const out: Record<string, unknown> = {};
  for (const field of RULE_FIELDS) {
    const value = raw[field];
    if (value === undefined) continue;
    if (field === 'resources') {
      if (!Array.isArray(value)) throw new Error(`${where}.resources: expected a list`);
      out.resources = value.map((gr: Record<string, unknown>, i: number) => {
        const copy: Record<string, unknown> = {};
        for (const key of Object.keys(gr)) {
          if (!(GROUP_RESOURCES_FIELDS as readonly string[]).includes(key)) {
            throw new Error(`${where}.resources[${i}]: unexpected field "${key}"`);
          }
        }
        for (const key of GROUP_RESOURCES_FIELDS) if (gr[key] !== undefined) copy[key] = gr[key];
        return copy;
      });
    } else {
      out[field] = value;
    }
  }
  return out;
}

/**
 * The DKP release of each AUDIT-RULES.md commit a snapshot's lists were taken from, decided from deckhouse's
 * changelogs: @567d8875 carries the pods/log rules of PR #20274 and still lists upmeter, which PR #21169
 * removed; both PRs are in CHANGELOG/CHANGELOG-v1.77.md (v1.77.0), so the lists are deckhouse main during the
 * 1.77 cycle, between those two PRs. A snapshot from another commit needs its own entry here.
 */
const RELEASE_OF_LISTS_COMMIT: Readonly<Record<string, { release: string; where: string }>> = {
  '567d8875': {
    release: '1.77',
    where:
      'deckhouse main in the 1.77 cycle, after PR #20274 (pods/log rules) and before PR #21169 (upmeter removed ' +
      'from AUDIT-RULES); v1.77.0 has both',
  },
};

/** What the generated file says about where the snapshot comes from. */
interface SnapshotStamp {
  /** Long provenance (DECKHOUSE_DATA_SOURCE). */
  source: string;
  /** The DKP minor release, e.g. "1.77" (DECKHOUSE_RELEASE). */
  release: string;
  /** One line for headers (DECKHOUSE_SNAPSHOT_STAMP). */
  short: string;
}

/** The Deckhouse sources and release of the rule list, as far as the list itself records them. */
function snapshotStamp(raw: RawRule[]): SnapshotStamp {
  const whys = raw.map((r) => (typeof r.why === 'string' ? r.why : '')).join('\n');
  const listsCommit = /AUDIT-RULES\.md @([0-9a-f]{7,40})/.exec(whys)?.[1];
  const prs = [...whys.matchAll(/deckhouse#(\d+)/g)].map((m) => Number(m[1]));
  if (!listsCommit || prs.length === 0) {
    throw new Error(
      `${RULES_SOURCE}: cannot find the AUDIT-RULES.md commit and PR numbers for the version stamp`,
    );
  }
  const known = RELEASE_OF_LISTS_COMMIT[listsCommit];
  if (!known) {
    throw new Error(
      `${RULES_SOURCE}: the lists come from AUDIT-RULES.md @${listsCommit}, whose DKP release is not recorded; ` +
        'add it to RELEASE_OF_LISTS_COMMIT in scripts/import-deckhouse-data.ts (find it in deckhouse CHANGELOG/)',
    );
  }
  const newestPr = Math.max(...prs);
  return {
    source:
      `DKP ${known.release}: ${known.where}; modules/040-control-plane-manager/hooks/audit_policy.go as of ` +
      `2026 (includes PR #${newestPr}); system namespace and ServiceAccount lists from AUDIT-RULES.md @${listsCommit}`,
    release: known.release,
    short: `DKP ${known.release} (deckhouse main @${listsCommit})`,
  };
}

const PRINT_WIDTH = 110;

/** A TypeScript string literal the way prettier (singleQuote) prints it. */
function quote(text: string): string {
  const useDouble = text.includes("'") && !text.includes('"');
  const q = useDouble ? '"' : "'";
  const body = text.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`).replace(/\n/g, '\\n');
  return `${q}${body}${q}`;
}

/**
 * Prints a JSON-like value as TypeScript in prettier's layout (objects expanded, string lists on one
 * line when they fit), so the output passes `prettier --check` without running prettier: jest cannot
 * load prettier 3 in-process, and the freshness test must regenerate in-process.
 * `prefix` is the text before the value on its first line, `suffix` what follows it (",", ";").
 */
function printValue(value: unknown, indent: number, prefix: number, suffix: string): string {
  if (value === SA_PLACEHOLDER) return '[...lists.systemServiceAccounts]';
  if (value === NS_PLACEHOLDER) return '[...lists.systemNamespaces]';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v === 'string')) {
      const inline = `[${value.map((v) => quote(v as string)).join(', ')}]`;
      if (prefix + inline.length + suffix.length <= PRINT_WIDTH) return inline;
    }
    const items = value.map((v) => `${pad}${printValue(v, indent + 2, pad.length, ',')},`);
    return `[\n${items.join('\n')}\n${' '.repeat(indent)}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, v]) => `${pad}${key}: ${printValue(v, indent + 2, pad.length + key.length + 2, ',')},`,
    );
    return `{\n${entries.join('\n')}\n${' '.repeat(indent)}}`;
  }
  throw new Error(`cannot print ${JSON.stringify(value)}`);
}

/** `export const NAME: TYPE = value;` in prettier's layout. */
function constant(name: string, type: string, value: unknown): string {
  const head = `export const ${name}${type ? `: ${type}` : ''} =`;
  if (typeof value === 'string' && head.length + 1 + quote(value).length + 1 > PRINT_WIDTH) {
    return `${head}\n  ${quote(value)};`;
  }
  return `${head} ${printValue(value, 0, head.length + 1, ';')};`;
}

/** `  return value;` inside a function body. */
function returned(value: unknown): string {
  return `  return ${printValue(value, 2, 9, ';')};`;
}

function header(sources: string[]): string {
  return `// Generated by scripts/import-deckhouse-data.ts from ${sources.map((s) => `../shared/${s}`).join(', ')}. Do not edit.\n`;
}

/** Builds the text of src/deckhouse/data/basic-rules.generated.ts from the shared rule list. */
function generateBasicRules(sharedDir: string): string {
  const raw = JSON.parse(fs.readFileSync(path.join(sharedDir, RULES_SOURCE), 'utf8')) as RawRule[];
  if (!Array.isArray(raw)) throw new Error(`${RULES_SOURCE}: expected a JSON list of rules`);

  const layers: Record<Layer, Record<string, unknown>[]> = { basic: [], virtualization: [], tail: [] };
  let serviceAccounts: string[] | undefined;
  let namespaces: string[] | undefined;
  let serviceAccountRuleIndex = -1;
  let namespaceRuleIndex = -1;
  let previous: Layer = 'basic';
  const order: Layer[] = ['basic', 'virtualization', 'tail'];

  raw.forEach((entry, i) => {
    const where = `${RULES_SOURCE}[${i}]`;
    const layer = layerOf(entry, i);
    if (order.indexOf(layer) < order.indexOf(previous)) throw new Error(`${where}: layers out of order`);
    previous = layer;
    const rule = canonicalRule(entry, where);
    const indexInLayer = layers[layer].length;
    // The two build-time lists, found by the same shapes readMergedAuditPolicy uses on a cluster's file.
    const users = rule.users === undefined ? [] : stringList(rule.users, `${where}.users`);
    const nss = rule.namespaces === undefined ? [] : stringList(rule.namespaces, `${where}.namespaces`);
    if (layer === 'basic' && isSystemServiceAccountRule(rule as unknown as PolicyRule)) {
      if (serviceAccounts) throw new Error(`${where}: a second system ServiceAccount rule`);
      serviceAccounts = users;
      serviceAccountRuleIndex = indexInLayer;
      rule.users = SA_PLACEHOLDER;
    }
    if (layer === 'basic' && isSystemNamespaceRule(rule as unknown as PolicyRule)) {
      if (namespaces) throw new Error(`${where}: a second system namespace rule`);
      namespaces = nss;
      namespaceRuleIndex = indexInLayer;
      rule.namespaces = NS_PLACEHOLDER;
    }
    layers[layer].push(rule);
  });
  if (!serviceAccounts || !namespaces) {
    throw new Error(
      `${RULES_SOURCE}: the system ServiceAccount rule or the system namespace rule is missing`,
    );
  }

  const stamp = snapshotStamp(raw);
  const source = `${header([RULES_SOURCE])}
import { PolicyRule } from '../../policy/types';

/** Where the built-in rules come from: the Deckhouse release, commit and pull requests the snapshot records. */
${constant('DECKHOUSE_DATA_SOURCE', '', stamp.source)}

/** The DKP minor release the snapshot's lists belong to. */
${constant('DECKHOUSE_RELEASE', '', stamp.release)}

/** A one-line stamp of the snapshot for headers, e.g. "DKP 1.77 (deckhouse main @567d8875)". */
${constant('DECKHOUSE_SNAPSHOT_STAMP', '', stamp.short)}

/** Deckhouse's build-time list of system namespaces (${namespaces.length} entries, used by basic rule index ${namespaceRuleIndex}). */
${constant('DECKHOUSE_SYSTEM_NAMESPACES', 'readonly string[]', namespaces)}

/** Deckhouse's build-time list of its own ServiceAccounts (${serviceAccounts.length} entries, used by basic rule index ${serviceAccountRuleIndex}). */
${constant('DECKHOUSE_SYSTEM_SERVICE_ACCOUNTS', 'readonly string[]', serviceAccounts)}

/** Index (in the basic layer) of the rule whose users are the system ServiceAccounts. */
export const SERVICE_ACCOUNT_RULE_INDEX = ${serviceAccountRuleIndex};

/** Index (in the basic layer) of the rule whose namespaces are the system namespaces. */
export const SYSTEM_NAMESPACE_RULE_INDEX = ${namespaceRuleIndex};

/** The lists the basic rules are built from. */
export interface DeckhouseSystemLists {
  systemNamespaces: readonly string[];
  systemServiceAccounts: readonly string[];
}

/** Deckhouse's basic rules (${layers.basic.length}), in order, built from the given lists. */
export function generatedBasicRules(lists: DeckhouseSystemLists): PolicyRule[] {
${returned(layers.basic)}
}

/** Deckhouse's virtualization rules (${layers.virtualization.length}), added whenever the basic rules are on. */
export function generatedVirtualizationRules(): PolicyRule[] {
${returned(layers.virtualization)}
}

/** Deckhouse's tail rules (${layers.tail.length}), appended after the custom rules when the basic rules are on. */
export function generatedTailRules(): PolicyRule[] {
${returned(layers.tail)}
}
`;
  return source;
}

interface ConfigValues {
  properties?: { kubernetesVersion?: { enum?: unknown } };
}

/** Builds the text of src/policy/kubernetes-versions.generated.ts from control-plane-manager's settings schema. */
function generateKubernetesVersions(sharedDir: string): string {
  const doc = parseYaml(fs.readFileSync(path.join(sharedDir, CONFIG_VALUES_SOURCE), 'utf8')) as ConfigValues;
  const values = stringList(
    doc.properties?.kubernetesVersion?.enum,
    `${CONFIG_VALUES_SOURCE}: properties.kubernetesVersion.enum`,
  );
  const versions = values.filter((v) => v !== 'Default');
  for (const v of versions) {
    if (!/^\d+\.\d+$/.test(v))
      throw new Error(`${CONFIG_VALUES_SOURCE}: unexpected kubernetesVersion "${v}"`);
  }
  versions.sort((a, b) => compareKubernetesVersions(parseKubernetesVersion(a)!, parseKubernetesVersion(b)!));
  const source = `${header([CONFIG_VALUES_SOURCE])}
/** Kubernetes versions the described Deckhouse release can run (control-plane-manager \`kubernetesVersion\`), oldest first. */
${constant('SUPPORTED_KUBERNETES_VERSIONS', 'readonly string[]', versions)}
`;
  return source;
}

/** Generates every output file's text (keyed by path relative to the repository root); writes nothing. */
export function generateDeckhouseData(sharedDir: string = DEFAULT_SHARED_DIR): Record<string, string> {
  return {
    [GENERATED_FILES.basicRules]: generateBasicRules(sharedDir),
    [GENERATED_FILES.kubernetesVersions]: generateKubernetesVersions(sharedDir),
  };
}

function main(): void {
  const files = generateDeckhouseData();
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(REPO_ROOT, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) {
  try {
    main();
  } catch (err: unknown) {
    console.error(`import-deckhouse-data: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
