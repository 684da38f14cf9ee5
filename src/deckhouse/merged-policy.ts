import { shapeOf } from '../policy/arguments';
import { echo } from '../policy/echo';
import { loadPolicy } from '../policy/parse';
import { Policy, PolicyRule, Problem, RuleLayer, RuleOrigin } from '../policy/types';
import { DECKHOUSE_BASIC_RULES, DeckhouseBasicRules } from './basic-rules';
import {
  isSystemNamespaceRule,
  isSystemServiceAccountRule,
  isTailPair,
  EARLIER_BASIC_RULES,
  isVirtualizationShaped,
  nonServiceAccountUsers,
  ruleKey,
} from './built-in-rule-shapes';
import { BuiltInRulesDifference, builtInRulesDifference } from './built-in-rules-difference';
import { MERGED_POLICY_PATH, mergedPolicyText } from './merged-policy-text';
import { AUDIT_POLICY_SECRET_NAME } from './policy-secret-location';
import { describeRule } from '../policy/describe';

/** Options of {@link readMergedAuditPolicy}. */
export interface ReadMergedAuditPolicyOptions {
  /**
   * What messages call the input (a file name).
   * @default 'merged policy'
   */
  source?: string;
  /**
   * Kubernetes version the file is validated for (kube-apiserver loads it).
   * @default - the engine's default version
   */
  kubernetesVersion?: string;
  /**
   * The built-in rules the file is compared with (`differences`) and whose titles its rules borrow.
   * @default DECKHOUSE_BASIC_RULES
   */
  reference?: DeckhouseBasicRules;
}

/** A cluster's merged audit policy split into Deckhouse's layers. */
export interface MergedAuditPolicy {
  /** What messages call the policy: the source, or `source[data.extra-file-audit-policy.yaml]` for a dump. */
  label: string;
  /** The policy's text (the input, or the value decoded from a dump), for positions of its rules. */
  text?: string;
  /** The policy as the file holds it (present when it could be decoded). */
  policy?: Policy;
  /** The cluster's built-in rules: its basic, virtualization and tail rules and its exact lists (no errors). */
  builtInRules?: DeckhouseBasicRules;
  /**
   * The custom policy the file was merged from: its rules and policy-level omitStages (undefined when the
   * file holds neither). `deckhouseEffectivePolicy({ basicRules: builtInRules, customPolicy })` gives back
   * the file's rules and omitStages.
   */
  customPolicy?: Policy;
  /** origins[i] is the layer of the file's rules[i] and its index inside the layer. */
  origins: RuleOrigin[];
  /** How the built-in part differs from `reference` (the bundled snapshot by default). */
  differences?: BuiltInRulesDifference;
  /** Non-empty = the input is not a merged Deckhouse policy (or not one kube-apiserver loads). */
  errors: Problem[];
  /**
   * True when the file loads but holds no built-in rules: the merged file of a cluster with
   * basicAuditPolicyEnabled: false, which is the custom policy alone (then `customPolicy` is the whole file,
   * every origin is custom, and `errors` says why no built-in rules can be taken from it).
   */
  noBuiltInRules?: boolean;
  /** The loader's warnings, and what the file cannot say for sure (hand-edited fields, an ambiguous rule). */
  warnings: Problem[];
}

// Top-level fields Deckhouse's hook writes: it keeps the custom policy's omitStages and nothing else.
const WRITTEN_FIELDS = new Set(['apiVersion', 'kind', 'metadata', 'omitStages', 'rules']);

/**
 * Reads the merged policy of a Deckhouse cluster (`/etc/kubernetes/deckhouse/extra-files/audit-policy.yaml`
 * from a master: plain YAML, or a Secret/ConfigMap dump holding it) and recognises its layers the way
 * control-plane-manager's audit_policy hook builds them (deckhouse-audit.md §3), by shape rather than by
 * index, so that releases with added or removed rules are read right:
 * - the system ServiceAccount rule and the system-namespace rule anchor the basic rules, which start at
 *   rules[0];
 * - the virtualization rules are the run from the first to the last known virtualization rule after the
 *   anchors (with rules that select a virtualization group in between or right before it); everything
 *   before it is basic; without it the basic rules end with the last known basic rule after the anchors;
 * - the tail is the last two rules when they are `None` for `system:authenticated` then a `Metadata`
 *   catch-all;
 * - everything between the virtualization (or basic) rules and the tail is custom;
 * - but when the virtualization run ends the file (no tail) after rules that are not built-in, the file is read
 *   as written by a release before deckhouse PR #15603 (basic, custom, virtualization): those rules are custom
 *   and `builtInRules.virtualizationAfterCustom` is set, with a warning.
 * The hook writes each built-in rule once, so a custom rule that copies one the file already has (a basic
 * rule, a virtualization rule) ends the layer it copies and is custom. The file cannot tell a custom rule
 * identical to a known virtualization rule the run lacks, right after it, from a built-in one, nor a virtualization rule a newer release appends after the known ones from a custom rule:
 * the first is counted as built-in, the second as custom with a warning. Never throws; problems are in `errors`.
 */
export function readMergedAuditPolicy(
  input: string,
  options: ReadMergedAuditPolicyOptions = {},
): MergedAuditPolicy {
  const source = options.source ?? 'merged policy';
  const reference = options.reference ?? DECKHOUSE_BASIC_RULES;
  // Untyped callers: bytes (readFileSync without an encoding) are the file; anything else is an error.
  const given: unknown = input;
  if (typeof given !== 'string' && !(given instanceof Uint8Array)) {
    return {
      label: source,
      origins: [],
      errors: [
        {
          message: `expected the merged policy as text (a string or bytes), got ${shapeOf(given)}`,
          fix: `pass the content of ${MERGED_POLICY_PATH}, e.g. readFileSync(path, 'utf8')`,
        },
      ],
      warnings: [],
    };
  }
  const text: string = typeof given === 'string' ? given : Buffer.from(given).toString('utf8');
  const found = mergedPolicyText(text, source);
  const result: MergedAuditPolicy = { label: found.label, origins: [], errors: found.errors, warnings: [] };
  if (found.text === undefined) return result;
  result.text = found.text;

  // Deckhouse's target: a file without rules is refused below with the reason that fits a merged file.
  const loaded = loadPolicy(found.text, {
    target: 'deckhouse',
    ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}),
  });
  result.warnings.push(...loaded.warnings);
  if (loaded.errors.length > 0 || !loaded.policy) {
    result.errors.push(...loaded.errors);
    return result;
  }
  const policy = loaded.policy;
  result.policy = policy;
  const rules = policy.rules;

  const saIndex = rules.findIndex(isSystemServiceAccountRule);
  const nsIndex = rules.findIndex(isSystemNamespaceRule);
  if (rules.length === 0) {
    // With no rules at all Deckhouse passes kube-apiserver no audit flags (deckhouse-audit.md §3), which
    // refuses a policy without rules anyway: such a file stands for a cluster whose audit is off.
    result.noBuiltInRules = true;
    result.errors.push({
      message:
        `${found.label} holds no rules: Deckhouse gives kube-apiserver no audit policy then (audit off), ` +
        'so it has no built-in rules to take',
      field: 'rules',
      fix: `pass the merged file ${MERGED_POLICY_PATH} of a master whose audit is on`,
    });
    return result;
  }
  // Secret kube-system/audit-policy holds the custom policy Deckhouse reads, not the policy it writes.
  const customSecret = found.object === `Secret kube-system/${AUDIT_POLICY_SECRET_NAME}`;
  if (saIndex < 0 || nsIndex < 0) {
    // Without its two list rules the file is not built on the basic rules: it is the merged file of a cluster
    // with basicAuditPolicyEnabled: false (the custom policy alone, no tail), which kube-apiserver runs as it is.
    if (!customSecret) {
      result.noBuiltInRules = true;
      result.origins = rules.map((_, index) => ({ layer: 'custom' as RuleLayer, index }));
      result.customPolicy = {
        apiVersion: 'audit.k8s.io/v1',
        kind: 'Policy',
        rules: [...rules],
        ...(policy.omitStages && policy.omitStages.length > 0 ? { omitStages: [...policy.omitStages] } : {}),
      };
    }
    const missing = [
      saIndex < 0 ? 'the system ServiceAccount rule (users with group system:serviceaccounts)' : '',
      nsIndex < 0 ? 'the system-namespace rule (namespaces kube-system and d8-*)' : '',
    ].filter(Boolean);
    result.errors.push({
      message:
        `${found.label} is not a merged Deckhouse policy: it lacks ${missing.join(' and ')}, which ` +
        "Deckhouse's basic rules always include (a custom policy alone, or a cluster with " +
        'basicAuditPolicyEnabled: false, has no built-in rules to take)',
      field: 'rules',
      fix:
        `pass the merged file ${MERGED_POLICY_PATH} from a master, or the dump of Secret ` +
        'kube-system/d8-control-plane-manager-config; if the cluster runs with basicAuditPolicyEnabled: false, ' +
        'this file is its custom policy alone: use it as the policy, without built-in rules ' +
        `(CLI: --deckhouse --no-basic --policy ${found.label === source ? source : 'FILE'})`,
    });
    return result;
  }

  const layout = layerBoundaries(rules, Math.max(saIndex, nsIndex), reference);
  const layer = (from: number, to: number) => rules.slice(from, to);
  const basic = layer(0, layout.basicEnd);
  const virtualization = layer(layout.virtualizationStart, layout.virtualizationEnd);
  const custom = layout.virtualizationAfterCustom
    ? layer(layout.basicEnd, layout.virtualizationStart)
    : layer(layout.virtualizationEnd, layout.tailStart);
  const tail = layer(layout.tailStart, rules.length);
  const spans: Array<[RuleLayer, PolicyRule[]]> = layout.virtualizationAfterCustom
    ? [
        ['basic', basic],
        ['custom', custom],
        ['virtualization', virtualization],
        ['tail', tail],
      ]
    : [
        ['basic', basic],
        ['virtualization', virtualization],
        ['custom', custom],
        ['tail', tail],
      ];
  result.origins = spans.flatMap(([name, list]) => list.map((_, index) => ({ layer: name, index })));

  const builtInRules: DeckhouseBasicRules = {
    deckhouseVersion: `merged policy ${found.label}`,
    stamp: `merged policy ${found.label}`,
    basic,
    virtualization,
    tail,
    ...(layout.virtualizationAfterCustom ? { virtualizationAfterCustom: true } : {}),
    systemNamespaces: [...(rules[nsIndex].namespaces ?? [])],
    // The file cannot tell build-time entries from those extra-audit-policy-config ConfigMaps appended.
    systemServiceAccounts: [...(rules[saIndex].users ?? [])],
    extraServiceAccounts: [],
    serviceAccountRuleIndex: saIndex,
    titles: {
      basic: titlesOf(basic, reference.basic, reference.titles?.basic),
      virtualization: titlesOf(virtualization, reference.virtualization, reference.titles?.virtualization),
      tail: titlesOf(tail, reference.tail, reference.titles?.tail),
    },
  };
  result.builtInRules = builtInRules;
  const omitStages = policy.omitStages ?? [];
  if (custom.length > 0 || omitStages.length > 0) {
    result.customPolicy = {
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: custom,
      ...(omitStages.length > 0 ? { omitStages: [...omitStages] } : {}),
    };
  }
  for (const field of Object.keys(policy)) {
    const value = (policy as unknown as Record<string, unknown>)[field];
    // A zero value (omitManagedFields: false) is what a marshaller without omitempty writes, not an edit.
    if (WRITTEN_FIELDS.has(field) || value === undefined || value === false) continue;
    result.warnings.push({
      message:
        `${found.label}: ${field} is not written by Deckhouse (its hook keeps only the rules and omitStages), ` +
        'so the file was edited by hand; the layers are read from its rules alone',
      field,
    });
  }
  const strays = nonServiceAccountUsers(rules[saIndex]);
  if (strays.length > 0) {
    result.warnings.push({
      message:
        `${found.label}: rules[${saIndex}], the system ServiceAccount rule, lists ${strays.length} ${strays.length === 1 ? 'user that is' : 'users that are'} ` +
        `not ServiceAccount user names (system:serviceaccount:<namespace>:<name>): ${shortList(strays.map((u) => echo(u)))}; ` +
        'kube-apiserver compares users exactly, so the rule records no mutation by them (Deckhouse releases ' +
        'before PR #7342 wrote bare names: deckhouse issue #6183)',
      field: `rules[${saIndex}].users`,
      fix:
        'upgrade Deckhouse, or add a custom rule with userGroups ["system:serviceaccounts:<namespace>"] for the ' +
        'ServiceAccounts to record; an entry added by an extra-audit-policy-config ConfigMap is fixed there',
    });
  }
  if (tail.length > 0 && virtualization.length === 0) {
    const at = layout.tailStart;
    result.warnings.push({
      message:
        `${found.label}: rules[${at}] and rules[${at + 1}] are read as the tail Deckhouse appends after the custom ` +
        'rules (PR #16714, 2025-11), but the file has no virtualization rules, which every release since PR ' +
        '#13086 (2025-04) writes: if it comes from an older release, these two rules are your custom rules, and ' +
        'a custom policy evaluated with these built-in rules gets a tail the cluster does not have',
      field: `rules[${at}]`,
      fix: 'check the Deckhouse release of the cluster; before PR #16714, drop the tail from builtInRules (tail: [])',
    });
  }
  if (layout.virtualizationAfterCustom) {
    const first = layout.basicEnd;
    result.warnings.push({
      message:
        `${found.label}: the virtualization rules (rules[${layout.virtualizationStart}] to ` +
        `rules[${layout.virtualizationEnd - 1}]) come after ${custom.length} ${custom.length === 1 ? 'rule that is' : 'rules that are'} ` +
        'not built-in and end the file: it is read as written by a Deckhouse release before PR #15603, which ' +
        'put the custom rules before the virtualization rules, so ' +
        (custom.length === 1
          ? `rules[${first}] is your custom rule and runs first`
          : `rules[${first}] to rules[${layout.virtualizationStart - 1}] are your custom rules and run first`),
      field: `rules[${first}]`,
    });
  }
  if (
    !layout.virtualizationAfterCustom &&
    virtualization.length > 0 &&
    custom.length > 0 &&
    isVirtualizationShaped(custom[0])
  ) {
    result.warnings.push({
      message:
        `${found.label}: rules[${layout.virtualizationEnd}] selects virtualization resources right after ` +
        "Deckhouse's virtualization rules; it is read as your first custom rule (if it is a virtualization rule " +
        'of a newer Deckhouse release, it is built-in and runs whatever your custom policy says)',
      field: `rules[${layout.virtualizationEnd}]`,
    });
  }
  result.differences = builtInRulesDifference(reference, builtInRules);
  return result;
}

function shortList(items: readonly string[], max = 10): string {
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

interface LayerBoundaries {
  /** rules[0, basicEnd) are basic. */
  basicEnd: number;
  /** rules[virtualizationStart, virtualizationEnd) are virtualization rules. */
  virtualizationStart: number;
  virtualizationEnd: number;
  /** rules[tailStart, end) are the tail. */
  tailStart: number;
  /** The custom rules are rules[basicEnd, virtualizationStart), before the virtualization rules (before PR #15603). */
  virtualizationAfterCustom: boolean;
}

function layerBoundaries(
  rules: readonly PolicyRule[],
  lastAnchor: number,
  reference: DeckhouseBasicRules,
): LayerBoundaries {
  const n = rules.length;
  const tailStart = n - 2 > lastAnchor && isTailPair(rules[n - 2], rules[n - 1]) ? n - 2 : n;
  const knownVirtualization = new Set(reference.virtualization.map((r) => ruleKey(r)));
  const knownBasic = new Set(
    [...reference.basic, ...EARLIER_BASIC_RULES].map((r) => ruleKey(r, 'placeholder')),
  );
  // The basic rules end with the last known basic rule after the anchors. The hook writes each basic rule
  // once, so a known rule the file already had is a user's copy of it (e.g. leases at None as the first
  // custom rule): the basic rules end before it.
  const seen = new Set(rules.slice(0, lastAnchor + 1).map((r) => ruleKey(r, 'placeholder')));
  let knownBasicEnd = lastAnchor + 1;
  while (knownBasicEnd < tailStart) {
    const key = ruleKey(rules[knownBasicEnd], 'placeholder');
    if (!knownBasic.has(key) || seen.has(key)) break;
    seen.add(key);
    knownBasicEnd++;
  }

  // The hook writes the virtualization rules together: of the runs that start at a known virtualization rule,
  // the one with the most known rules is Deckhouse's (a user's copy of one elsewhere, e.g. among the custom
  // rules that came before the run in releases before PR #15603, makes a shorter one).
  let best: { start: number; end: number; known: number } | undefined;
  for (let i = lastAnchor + 1; i < tailStart; i++) {
    if (!knownVirtualization.has(ruleKey(rules[i]))) continue;
    const run = virtualizationRun(rules, i, lastAnchor, tailStart, knownVirtualization);
    if (!best || run.known > best.known) best = run;
    i = run.end - 1;
  }
  if (!best) {
    return {
      basicEnd: knownBasicEnd,
      virtualizationStart: knownBasicEnd,
      virtualizationEnd: knownBasicEnd,
      tailStart,
      virtualizationAfterCustom: false,
    };
  }
  const { start, end } = best;
  // Releases before deckhouse PR #15603 wrote basic, custom, virtualization (and no tail, which came later):
  // a run that ends the file after rules no release has is read that way.
  if (end === n && tailStart === n && knownBasicEnd < start) {
    return {
      basicEnd: knownBasicEnd,
      virtualizationStart: start,
      virtualizationEnd: end,
      tailStart,
      virtualizationAfterCustom: true,
    };
  }
  return {
    basicEnd: start,
    virtualizationStart: start,
    virtualizationEnd: end,
    tailStart,
    virtualizationAfterCustom: false,
  };
}

/** The virtualization run that holds the known rule rules[first], and how many known rules it has. */
function virtualizationRun(
  rules: readonly PolicyRule[],
  first: number,
  lastAnchor: number,
  tailStart: number,
  knownVirtualization: ReadonlySet<string>,
): { start: number; end: number; known: number } {
  // A rule a release put before the known ones still belongs to the run when it has the virtualization shape.
  let start = first;
  while (start - 1 > lastAnchor && isVirtualizationShaped(rules[start - 1])) start--;
  // The run ends with its last known rule: rules of an unknown shape in between belong to it, but after
  // it a rule about virtualization resources is far more likely a user's own rule than a new built-in one.
  // Each virtualization rule is written once: a known one the run already has is a user's copy, and ends it.
  let end = first + 1;
  let known = 1;
  const inRun = new Set([ruleKey(rules[first])]);
  for (let i = first + 1; i < tailStart; i++) {
    const key = ruleKey(rules[i]);
    const isKnown = knownVirtualization.has(key);
    if ((!isKnown && !isVirtualizationShaped(rules[i])) || inRun.has(key)) break;
    inRun.add(key);
    if (isKnown) {
      end = i + 1;
      known++;
    }
  }
  return { start, end, known };
}

/** Titles of a layer's rules: the reference's title for a rule it has (lists compared by shape), else generated. */
function titlesOf(
  rules: readonly PolicyRule[],
  known: readonly PolicyRule[],
  titles?: readonly string[],
): string[] {
  const byKey = new Map<string, string>();
  known.forEach((rule, i) => {
    const key = ruleKey(rule, 'placeholder');
    if (titles?.[i] !== undefined && !byKey.has(key)) byKey.set(key, titles[i]);
  });
  return rules.map((rule) => byKey.get(ruleKey(rule, 'placeholder')) ?? describeRule(rule));
}

/**
 * The built-in rules of a cluster's merged policy (see readMergedAuditPolicy), for code that wants a value or
 * an exception, e.g. the `builtInRules` prop of DeckhouseClusterAudit.
 * @throws Error naming the source and listing each problem as `source:line:column: message (fix: ...)`
 */
export function builtInRulesFromMergedPolicy(
  input: string,
  options: ReadMergedAuditPolicyOptions = {},
): DeckhouseBasicRules {
  const merged = readMergedAuditPolicy(input, options);
  if (merged.builtInRules && merged.errors.length === 0) return merged.builtInRules;
  const lines = merged.errors.map((p) => {
    const at = p.line === undefined ? '' : `:${p.line}${p.column === undefined ? '' : `:${p.column}`}`;
    const where = at === '' && p.message.startsWith(merged.label) ? '' : `${merged.label}${at}: `;
    return `  ${where}${p.message}${p.fix ? ` (fix: ${p.fix})` : ''}`;
  });
  throw new Error(`${merged.label}: no built-in rules can be taken from it:\n${lines.join('\n')}`);
}
