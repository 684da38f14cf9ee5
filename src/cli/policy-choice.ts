import { deckhouseEffectivePolicy } from '../deckhouse/effective';
import {
  DECKHOUSE_BASIC_RULES,
  DeckhouseBasicRules,
  builtInRulesSummary,
  withExtraServiceAccounts,
} from '../deckhouse/basic-rules';
import { BuiltInRulesDifference, formatBuiltInRulesDifference } from '../deckhouse/built-in-rules-difference';
import { MergedAuditPolicy, readMergedAuditPolicy } from '../deckhouse/merged-policy';
import { EffectivePolicy, Policy } from '../policy/types';
import { ruleLabel } from '../policy/describe';
import { OptionSpec, ParsedArgs, flag, stringList, stringOption } from './args';
import { CliError, EXIT_FINDINGS, LocatedProblem, UsageError } from './errors';
import { CliIo } from './io';
import { loadSinglePolicy, readInputText, rulePositions } from './policy-input';
import { kubernetesVersionOption } from './shared';

/** Options that choose the policy a command works on. */
export const POLICY_OPTIONS: Record<string, OptionSpec> = {
  policy: {
    type: 'string',
    value: 'FILE',
    description: 'policy YAML, or a Secret manifest holding audit-policy.yaml',
  },
  deckhouse: {
    type: 'boolean',
    description: 'use the policy Deckhouse really runs: built-in rules + the --policy rules + the tail rules',
  },
  'no-basic': {
    type: 'boolean',
    description: 'with --deckhouse: basicAuditPolicyEnabled: false (no built-in rules)',
  },
  'built-in-rules': {
    type: 'string',
    value: 'FILE',
    description:
      "use a cluster's own built-in rules instead of the bundled snapshot: its merged policy " +
      '(/etc/kubernetes/deckhouse/extra-files/audit-policy.yaml from a master, or the dump of Secret ' +
      'kube-system/d8-control-plane-manager-config); implies --deckhouse; without --policy the custom rules ' +
      'in FILE are used too',
  },
  'extra-service-account': {
    type: 'string',
    multiple: true,
    value: 'SA',
    description:
      'with --deckhouse: a ServiceAccount added by an extra-audit-policy-config ConfigMap (system:serviceaccount:ns:name)',
  },
  'kubernetes-version': {
    type: 'string',
    value: 'X.Y',
    description: 'validate --policy for this Kubernetes version',
  },
};

/** The policy a command runs against. */
export interface ChosenPolicy {
  /** A plain policy, or the effective Deckhouse policy with its rule origins. */
  target: Policy | EffectivePolicy;
  /** A plain policy's rules (the effective policy's merged rules with --deckhouse). */
  policy: Policy;
  /** Human description: `policy.yaml`, `Deckhouse built-in rules + policy.yaml`, ... */
  description: string;
  /** The --policy file's label, if any. */
  source?: string;
  deckhouse: boolean;
  basic: boolean;
  /** Loader warnings and what the Deckhouse merge dropped. */
  warnings: LocatedProblem[];
  /** Where rule `index` of `policy` is: `file:line:column` for rules from the file, else its layer and index. */
  locateRule(index: number): string;
  /** True when rule `index` comes from the --policy file (not from Deckhouse's built-in layers). */
  isFromFile(index: number): boolean;
  /** The built-in rules in use (absent without them: no --deckhouse, or --no-basic). */
  builtIn?: ChosenBuiltInRules;
}

/** Which built-in rules a command runs with, and how they differ from the bundled snapshot. */
export interface ChosenBuiltInRules {
  /** One line: `bundled snapshot DKP 1.77 (...): 20 basic + 7 virtualization + 2 tail rules, ...`. */
  summary: string;
  /** The --built-in-rules file's label (absent for the bundled snapshot). */
  source?: string;
  /** How the file's built-in rules differ from the bundled snapshot (absent for the snapshot itself). */
  differences?: BuiltInRulesDifference;
}

/**
 * Lines for stderr about the built-in rules of a --built-in-rules file: that they differ from the bundled
 * snapshot, and how (none when they are the same or the snapshot is used).
 */
export function builtInRulesNotes(chosen: ChosenPolicy): string[] {
  const builtIn = chosen.builtIn;
  if (!builtIn?.differences || builtIn.differences.same) return [];
  return [
    `the built-in rules of ${builtIn.source} differ from the ${DECKHOUSE_BASIC_RULES.stamp}:`,
    ...formatBuiltInRulesDifference(builtIn.differences, 'the snapshot').map((line) => `  ${line}`),
  ];
}

// diff chooses two policies from one command line: the --built-in-rules file is read (stdin included) once.
const mergedFiles = new WeakMap<ParsedArgs, Promise<MergedAuditPolicy>>();

async function readBuiltInRulesFile(
  args: ParsedArgs,
  file: string,
  io: CliIo,
  kubernetesVersion: string,
): Promise<MergedAuditPolicy> {
  let pending = mergedFiles.get(args);
  if (!pending) {
    pending = readInputText(file, io).then((text) =>
      readMergedAuditPolicy(text, { source: file, kubernetesVersion }),
    );
    mergedFiles.set(args, pending);
  }
  const merged = await pending;
  if (merged.errors.length > 0) {
    const what = merged.errors.length === 1 ? 'an error' : `${merged.errors.length} errors`;
    throw new CliError(
      `--built-in-rules ${file === '-' ? 'on stdin' : file} has ${what}:`,
      EXIT_FINDINGS,
      undefined,
      merged.errors.map((p) => ({ label: merged.label, ...p })),
    );
  }
  return merged;
}

/**
 * Resolves `--policy FILE [--deckhouse [--no-basic]]` to the policy to evaluate; an invalid policy file is a
 * CliError listing every problem as file:line:column. `file` overrides `--policy` (a string: that file; null:
 * no file, i.e. the built-in rules alone).
 */
export async function choosePolicy(args: ParsedArgs, io: CliIo, file?: string | null): Promise<ChosenPolicy> {
  const builtInFile = stringOption(args, 'built-in-rules');
  const deckhouse = flag(args, 'deckhouse') || builtInFile !== undefined;
  const noBasic = flag(args, 'no-basic');
  const extras = stringList(args, 'extra-service-account');
  if (noBasic && !deckhouse) throw new UsageError('--no-basic only makes sense with --deckhouse');
  if (noBasic && builtInFile !== undefined)
    throw new UsageError('--built-in-rules gives the built-in rules: drop --no-basic');
  if (extras.length > 0 && !deckhouse)
    throw new UsageError('--extra-service-account only makes sense with --deckhouse');
  if (extras.length > 0 && noBasic)
    throw new UsageError('--extra-service-account extends the built-in rules: drop --no-basic');
  const kubernetesVersion = kubernetesVersionOption(stringOption(args, 'kubernetes-version'));
  const policyFile = file === null ? undefined : (file ?? stringOption(args, 'policy'));
  if (policyFile === undefined && !deckhouse)
    throw new UsageError('give --policy FILE, --deckhouse, or both');
  if (builtInFile === '-' && stringList(args, 'policy').concat(args.positionals).includes('-'))
    throw new UsageError('"-" (stdin) can be used once: give --built-in-rules or the policy as a file');

  const warnings: LocatedProblem[] = [];
  let custom: Policy | undefined;
  let source: string | undefined;
  let positions: ReturnType<typeof rulePositions> = [];
  if (policyFile !== undefined) {
    // With --deckhouse the file is the custom policy Deckhouse's hook reads: it needs no rules of its own.
    const loaded = await loadSinglePolicy(
      policyFile,
      io,
      kubernetesVersion,
      deckhouse ? 'deckhouse' : undefined,
    );
    custom = loaded.policy;
    source = loaded.source.label;
    positions = rulePositions(loaded.source.text);
    warnings.push(...loaded.warnings.map((w) => ({ label: loaded.source.label, ...w })));
  }
  const inFile = (customIndex: number): string => {
    const p = positions[customIndex];
    return p ? `${source}:${p.line}:${p.column}` : `${source} rule #${customIndex + 1}`;
  };
  if (!deckhouse) {
    return {
      target: custom!,
      policy: custom!,
      description: source!,
      source,
      deckhouse,
      basic: false,
      warnings,
      locateRule: (index) => (index < 0 ? source! : inFile(index)),
      isFromFile: (index) => index >= 0 && index < custom!.rules.length,
    };
  }

  let clusterRules: DeckhouseBasicRules | undefined;
  let builtIn: ChosenBuiltInRules | undefined;
  // Rules of the --built-in-rules file's own custom part are located in that file.
  let customOffsetInFile: number | undefined;
  if (builtInFile !== undefined) {
    const merged = await readBuiltInRulesFile(args, builtInFile, io, kubernetesVersion);
    warnings.push(...merged.warnings.map((w) => ({ label: merged.label, ...w })));
    clusterRules = merged.builtInRules!;
    builtIn = { summary: '', source: merged.label, differences: merged.differences };
    if (custom === undefined && merged.customPolicy !== undefined) {
      custom = merged.customPolicy;
      source = merged.label;
      positions = rulePositions(merged.text ?? '');
      customOffsetInFile = clusterRules.basic.length + clusterRules.virtualization.length;
    }
  }
  const rules = clusterRules ?? DECKHOUSE_BASIC_RULES;
  const basicRules = extras.length > 0 ? withExtraServiceAccounts(rules, extras) : rules;
  if (!noBasic) builtIn = { ...builtIn, summary: builtInRulesSummary(basicRules) };
  const effective = deckhouseEffectivePolicy({
    basicAuditPolicyEnabled: !noBasic,
    ...(custom ? { customPolicy: custom } : {}),
    basicRules,
  });
  warnings.push(...effective.warnings.map((w) => ({ label: source ?? 'deckhouse', ...w })));
  const parts = noBasic
    ? []
    : [clusterRules ? `built-in rules of ${builtIn!.source}` : 'Deckhouse built-in rules'];
  if (source) parts.push(customOffsetInFile !== undefined ? `its custom rules` : source);
  if (!noBasic && basicRules.tail.length > 0) parts.push('tail rules');
  const customAt = (customIndex: number) =>
    customOffsetInFile === undefined ? inFile(customIndex) : inFile(customOffsetInFile + customIndex);
  return {
    target: effective,
    policy: effective.policy,
    description: parts.length > 0 ? parts.join(' + ') : 'no rules (audit off)',
    source,
    deckhouse,
    basic: !noBasic,
    warnings,
    locateRule: (index) => {
      const origin = effective.origins[index];
      if (!origin) return source ?? 'deckhouse';
      return origin.layer === 'custom' ? customAt(origin.index) : `deckhouse ${ruleLabel(index, origin)}`;
    },
    isFromFile: (index) => effective.origins[index]?.layer === 'custom',
    ...(builtIn ? { builtIn } : {}),
  };
}
