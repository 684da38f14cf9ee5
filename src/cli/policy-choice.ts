import type { AuditLogSettings, AuditSettings } from '../deckhouse/audit-settings';
import { deckhouseEffectivePolicy } from '../deckhouse/effective';
import {
  DECKHOUSE_BASIC_RULES,
  DeckhouseBasicRules,
  builtInRulesSummary,
  serviceAccountRuleIndex,
  withExtraServiceAccounts,
} from '../deckhouse/basic-rules';
import { BuiltInRulesDifference, formatBuiltInRulesDifference } from '../deckhouse/built-in-rules-difference';
import { serviceAccountUserProblem } from '../deckhouse/extra-audit-policy-config';
import type { MergedAuditPolicy } from '../deckhouse/merged-policy';
import { EffectivePolicy, Policy, Problem } from '../policy/types';
import type { ReplayOptions } from '../replay/types';
import { ruleLabel } from '../policy/describe';
import { OptionSpec, ParsedArgs, flag, stringList, stringOption } from './args';
import { LocatedProblem, UsageError } from './errors';
import { CliIo } from './io';
import { readBuiltInRulesFile } from './built-in-rules-file';
import { refuseMergedAsCustom } from './merged-as-custom';
import {
  KUBERNETES_VERSION_RANGE,
  MAX_POLICY_BYTES_OPTION,
  kubernetesVersionOption,
  maxPolicyBytesOption,
} from './shared';

/** Options that choose the policy a command works on. */
export const POLICY_OPTIONS: Record<string, OptionSpec> = {
  policy: {
    type: 'string',
    value: 'FILE',
    description:
      'policy YAML, or a manifest holding Secret kube-system/audit-policy (and ModuleConfig control-plane-manager, whose audit settings are then used)',
  },
  deckhouse: {
    type: 'boolean',
    description: 'use the policy Deckhouse really runs: built-in rules + the --policy rules + the tail rules',
  },
  'no-basic': {
    type: 'boolean',
    description:
      'with --deckhouse: basicAuditPolicyEnabled: false (no built-in rules); a ModuleConfig in the file that says otherwise is an error',
  },
  'built-in-rules': {
    type: 'string',
    value: 'MERGED',
    description:
      "use a cluster's own built-in rules instead of the bundled snapshot: its merged policy " +
      '(/etc/kubernetes/deckhouse/extra-files/audit-policy.yaml from a master, or the dump of Secret ' +
      'kube-system/d8-control-plane-manager-config); implies --deckhouse; without --policy the custom rules ' +
      'in MERGED are used too',
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
    description: `the cluster's Kubernetes version, ${KUBERNETES_VERSION_RANGE}: the policy is validated for it`,
  },
  'max-policy-bytes': MAX_POLICY_BYTES_OPTION,
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
  /** The audit settings of the file's ModuleConfig control-plane-manager, when it holds one. */
  settings?: AuditSettings;
  /** Where kube-apiserver writes the log (from the file's ModuleConfig), for the retention model. */
  auditLog?: AuditLogSettings;
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
  // The file lists the release's ServiceAccounts and those its extra-audit-policy-config ConfigMaps appended
  // as one list: an added name need not be the release's.
  const extra =
    builtIn.differences.serviceAccounts.added.length > 0
      ? [
          '  (a ServiceAccount added may be one an extra-audit-policy-config ConfigMap appended: the file ' +
            "does not tell them from the release's own)",
        ]
      : [];
  return [
    `the built-in rules of ${builtIn.source} differ from the ${DECKHOUSE_BASIC_RULES.stamp}:`,
    ...formatBuiltInRulesDifference(builtIn.differences, 'the snapshot').map((line) => `  ${line}`),
    ...extra,
  ];
}

/**
 * Resolves `--policy FILE [--deckhouse [--no-basic]]` to the policy to evaluate; an invalid policy file is a
 * CliError listing every problem as file:line:column. `file` overrides `--policy` (a string: that file; null:
 * no file, i.e. the built-in rules alone). A ModuleConfig control-plane-manager in the file decides
 * `basicAuditPolicyEnabled` and `auditPolicyEnabled` as on the cluster; a flag that contradicts it is a usage
 * error.
 */
export async function choosePolicy(args: ParsedArgs, io: CliIo, file?: string | null): Promise<ChosenPolicy> {
  const builtInFile = stringOption(args, 'built-in-rules');
  const deckhouse = flag(args, 'deckhouse') || builtInFile !== undefined;
  const noBasicFlag = flag(args, 'no-basic');
  const extras = stringList(args, 'extra-service-account');
  if (noBasicFlag && !deckhouse)
    throw new UsageError(
      '--no-basic only makes sense with --deckhouse: add --deckhouse (the merge without built-in rules) or drop --no-basic',
    );
  if (extras.length > 0 && !deckhouse)
    throw new UsageError(
      '--extra-service-account only makes sense with --deckhouse (it extends a built-in rule): add --deckhouse',
    );
  if (extras.length > 0 && noBasicFlag)
    throw new UsageError('--extra-service-account extends the built-in rules: drop --no-basic');
  const kubernetesVersion = kubernetesVersionOption(stringOption(args, 'kubernetes-version'));
  const maxPolicyBytes = maxPolicyBytesOption(args);
  const policyFile = file === null ? undefined : (file ?? stringOption(args, 'policy'));
  if (policyFile === undefined && !deckhouse)
    throw new UsageError('give --policy FILE, --deckhouse, or both');
  if (builtInFile === '-' && stringList(args, 'policy').concat(args.positionals).includes('-'))
    throw new UsageError('"-" (stdin) can be used once: give --built-in-rules or the policy as a file');

  const warnings: LocatedProblem[] = [];
  let custom: Policy | undefined;
  let source: string | undefined;
  let settings: AuditSettings | undefined;
  let positions: Array<{ line: number; column: number } | undefined> = [];
  let fileExtras: string[] | undefined;
  if (policyFile !== undefined) {
    // The YAML reader is loaded only when there is a file to read.
    const { loadSinglePolicy } = await import('./policy-input');
    const loaded = await loadSinglePolicy(policyFile, io, {
      kubernetesVersion,
      maxPolicyBytes,
      // With --deckhouse the file is the custom policy Deckhouse's hook reads: it needs no rules of its own.
      ...(deckhouse ? { target: 'deckhouse' as const } : {}),
      allowSettingsOnly: deckhouse,
    });
    custom = loaded.policy;
    settings = loaded.settings;
    fileExtras = loaded.extraServiceAccounts;
    source = loaded.source?.label ?? policyFile;
    positions = loaded.rulePositions ?? [];
    warnings.push(...loaded.warnings);
  }
  const fromFile = settings ? { settings, auditLog: settings.auditLog } : {};
  const inFile = (customIndex: number): string => {
    const p = positions[customIndex];
    return p ? `${source}:${p.line}:${p.column}` : `${source} rule #${customIndex + 1}`;
  };
  if (!deckhouse) {
    if (settings) warnings.push({ label: policyFile!, ...plainModeWarning(settings) });
    return {
      target: custom!,
      policy: custom!,
      description: source!,
      source,
      deckhouse,
      basic: false,
      ...fromFile,
      warnings,
      locateRule: (index) => (index < 0 ? source! : inFile(index)),
      isFromFile: (index) => index >= 0 && index < custom!.rules.length,
    };
  }

  let basic = settings ? settings.basicAuditPolicyEnabled : !noBasicFlag;
  const merged =
    builtInFile === undefined
      ? undefined
      : await readBuiltInRulesFile(args, builtInFile, io, kubernetesVersion);
  // A merged file without built-in rules agrees with a ModuleConfig or --no-basic that turns them off.
  const givesBuiltIn = merged?.noBuiltInRules ? undefined : builtInFile;
  if (noBasicFlag && givesBuiltIn !== undefined)
    throw new UsageError('--built-in-rules gives the built-in rules: drop --no-basic');
  if (settings) checkFlagsAgainstFile(policyFile!, settings, noBasicFlag, extras, givesBuiltIn);
  let clusterRules: DeckhouseBasicRules | undefined;
  let builtIn: ChosenBuiltInRules | undefined;
  // Rules of the --built-in-rules file's own custom part are located in that file.
  let customOffsetInFile: number | undefined;
  if (merged !== undefined) {
    warnings.push(...merged.warnings.map((w) => ({ label: merged.label, ...w })));
    if (merged.noBuiltInRules) {
      // The merged file of a cluster with basicAuditPolicyEnabled: false (or with audit off): kube-apiserver
      // runs its rules alone, so they are evaluated without built-in rules and without the tail. The ModuleConfig says the cluster runs built-in rules; this file says it runs none: one of them is not
      // the cluster's.
      if (settings?.basicAuditPolicyEnabled) {
        const where = settings.positions.basicAuditPolicyEnabled;
        throw new UsageError(
          `${merged.label} holds no built-in rules (a cluster with basicAuditPolicyEnabled: false), but ` +
            `ModuleConfig control-plane-manager in ${policyFile} ${where ? `(line ${where.line}) sets` : 'leaves'} ` +
            `basicAuditPolicyEnabled ${where ? '' : 'at its default, '}true; drop --built-in-rules (the bundled ` +
            'built-in rules are used) or pass the merged file of a master that runs them',
        );
      }
      if (extras.length > 0)
        throw new UsageError(
          `--extra-service-account extends the built-in rules, but ${merged.label} holds none; drop --extra-service-account`,
        );
      warnings.push({ label: merged.label, ...noBuiltInRulesNote(merged) });
      basic = false;
      if (custom === undefined && settings === undefined && merged.customPolicy !== undefined) {
        const { rulePositions } = await import('./rule-positions');
        custom = merged.customPolicy;
        source = merged.label;
        positions = rulePositions(merged.text ?? '');
        customOffsetInFile = 0;
      }
    } else {
      clusterRules = merged.builtInRules!;
      builtIn = { summary: '', source: merged.label, differences: merged.differences };
      if (custom === undefined && settings === undefined && merged.customPolicy !== undefined) {
        const { rulePositions } = await import('./rule-positions');
        custom = merged.customPolicy;
        source = merged.label;
        positions = rulePositions(merged.text ?? '');
        customOffsetInFile = clusterRules.basic.length + clusterRules.virtualization.length;
      }
    }
  }
  if (customOffsetInFile === undefined && (basic || merged?.noBuiltInRules))
    refuseMergedAsCustom(
      custom,
      source ?? policyFile ?? '',
      merged?.noBuiltInRules ? builtInFile : undefined,
    );
  const readSecret = settings ? settings.auditPolicyEnabled : custom !== undefined;
  if (settings?.auditPolicyEnabled && !custom)
    warnings.push({ label: policyFile!, ...secretNotInFile(settings) });
  const rules = clusterRules ?? DECKHOUSE_BASIC_RULES;
  if (fileExtras !== undefined && !basic) warnings.push({ label: policyFile!, ...configMapsUnread() });
  // The hook appends the ServiceAccounts of the file's extra-audit-policy-config ConfigMaps; the flags add more.
  for (const sa of basic ? extras : []) {
    const problem = serviceAccountUserProblem(sa);
    if (problem) warnings.push({ label: '--extra-service-account', ...problem });
  }
  // A merged file (--built-in-rules) already holds the ServiceAccounts of the ConfigMaps applied when it was
  // written: the file's ConfigMaps add only those it lacks, as re-applying the same ConfigMap would.
  const listed = new Set(
    clusterRules ? (clusterRules.basic[serviceAccountRuleIndex(clusterRules)]?.users ?? []) : [],
  );
  const fromConfigMaps = (basic ? (fileExtras ?? []) : []).filter((sa) => !listed.has(sa));
  const allExtras = [...fromConfigMaps, ...extras];
  const basicRules = allExtras.length > 0 ? withExtraServiceAccounts(rules, allExtras) : rules;
  if (basic) builtIn = { ...builtIn, summary: builtInRulesSummary(basicRules) };
  const effective = deckhouseEffectivePolicy({
    basicAuditPolicyEnabled: basic,
    // A Secret Deckhouse does not read is left out; findPolicies already warned about it, at its position.
    ...(custom && readSecret ? { customPolicy: custom } : {}),
    // Without the Secret in the file its rules are unknown, not absent (secretNotInFile says so).
    auditPolicyEnabled: readSecret && custom !== undefined,
    basicRules,
  });
  warnings.push(...effective.warnings.map((w) => ({ label: source ?? 'deckhouse', ...w })));
  const parts = basic
    ? [clusterRules ? `built-in rules of ${builtIn!.source}` : 'Deckhouse built-in rules']
    : [];
  if (source && custom && readSecret)
    parts.push(
      customOffsetInFile === undefined
        ? source
        : basic
          ? 'its custom rules'
          : `the rules of ${source} (no built-in rules: basicAuditPolicyEnabled: false)`,
    );
  if (basic && basicRules.tail.length > 0) parts.push('tail rules');
  let description = parts.length > 0 ? parts.join(' + ') : 'no rules (audit off)';
  if (settings) description += ` (settings: ModuleConfig control-plane-manager in ${policyFile})`;
  const customAt = (customIndex: number) =>
    customOffsetInFile === undefined ? inFile(customIndex) : inFile(customOffsetInFile + customIndex);
  return {
    target: effective,
    policy: effective.policy,
    description,
    source,
    deckhouse,
    basic,
    ...fromFile,
    warnings,
    locateRule: (index) => {
      const origin = effective.origins[index];
      if (!origin) return source ?? 'deckhouse';
      return origin.layer === 'custom' ? customAt(origin.index) : `deckhouse ${ruleLabel(index, origin)}`;
    },
    isFromFile: (index) => effective.origins[index]?.layer === 'custom',
    ...(builtIn && basic ? { builtIn } : {}),
  };
}

// The file states the cluster's settings: a flag that says otherwise would describe a different cluster.
function checkFlagsAgainstFile(
  file: string,
  settings: AuditSettings,
  noBasic: boolean,
  extras: string[],
  builtInFile: string | undefined,
): void {
  const where = settings.positions.basicAuditPolicyEnabled;
  const stated = where
    ? `${file}:${where.line}:${where.column} sets basicAuditPolicyEnabled: ${settings.basicAuditPolicyEnabled}`
    : `ModuleConfig control-plane-manager in ${file} leaves basicAuditPolicyEnabled at its default, true`;
  if (noBasic && settings.basicAuditPolicyEnabled) {
    throw new UsageError(`--no-basic contradicts the file: ${stated}; drop --no-basic or change the file`);
  }
  if (builtInFile !== undefined && !settings.basicAuditPolicyEnabled) {
    throw new UsageError(`--built-in-rules gives the built-in rules, but ${stated}; drop --built-in-rules`);
  }
  if (extras.length > 0 && !settings.basicAuditPolicyEnabled) {
    throw new UsageError(
      `--extra-service-account extends the built-in rules, but ${stated}; drop --extra-service-account`,
    );
  }
}

// Said on stderr, as the differences of a file with built-in rules are: what the file was read as, and why.
function noBuiltInRulesNote(merged: MergedAuditPolicy): Problem {
  if ((merged.policy?.rules.length ?? 0) === 0) {
    return {
      message:
        'the file holds no rules: kube-apiserver gets no audit policy from Deckhouse then (basic rules off and ' +
        'no custom rules), so it is read as a cluster whose audit is off',
      field: 'rules',
      fix: 'if the cluster audits requests, pass the merged file of one of its masters instead',
    };
  }
  return {
    message:
      'the file holds no built-in rules (no system ServiceAccount rule, no system-namespace rule): it is read ' +
      'as the merged policy of a cluster with basicAuditPolicyEnabled: false, its own rules alone with no tail, ' +
      'as kube-apiserver runs it',
    field: 'rules',
    fix: 'if the cluster runs the built-in rules, pass the merged file of one of its masters instead',
  };
}

function configMapsUnread(): Problem {
  return {
    message:
      'the file holds extra-audit-policy-config ConfigMaps, but Deckhouse reads them only with ' +
      'basicAuditPolicyEnabled: true (their ServiceAccounts extend a built-in rule): they are not used',
    fix: 'remove the ConfigMaps, or enable the built-in rules',
  };
}

function secretNotInFile(settings: AuditSettings): Problem {
  return {
    message:
      'ModuleConfig control-plane-manager sets auditPolicyEnabled: true, but this file holds no Secret ' +
      'kube-system/audit-policy: the custom rules the cluster reads from it are left out',
    ...(settings.positions.auditPolicyEnabled ?? {}),
    fix: 'add the Secret manifest to the file (as synth writes dist/), or pass a file that holds it',
  };
}

function plainModeWarning(settings: AuditSettings): Problem {
  const where = settings.positions.basicAuditPolicyEnabled ?? settings.positions.auditPolicyEnabled ?? {};
  return {
    message:
      'the file holds ModuleConfig control-plane-manager: the cluster runs the policy Deckhouse merges ' +
      `(built-in rules ${settings.basicAuditPolicyEnabled ? 'on' : 'off'}, custom policy ${settings.auditPolicyEnabled ? 'read' : 'not read'}), not this policy alone`,
    ...where,
    fix: 'add --deckhouse to check the policy the cluster runs',
  };
}

/**
 * Where the audit log goes for the retention model: `--audit-log-output` when given, else the file's
 * `auditLog.output` (ModuleConfig control-plane-manager), else undefined (the replay's own default). A flag
 * that contradicts the file is a usage error: the file states what the cluster does.
 */
export function auditLogOutput(
  chosen: ChosenPolicy,
  flagValue: string | undefined,
): 'File' | 'Stdout' | undefined {
  const fromFile = chosen.auditLog?.output;
  if (flagValue !== undefined && fromFile !== undefined && flagValue !== fromFile) {
    const where = chosen.settings?.positions.auditLog;
    throw new UsageError(
      `--audit-log-output ${flagValue} contradicts the file: ModuleConfig control-plane-manager ` +
        `${where ? `(line ${where.line}) sets` : 'leaves'} auditLog.output ${where ? '' : 'at its default, '}${fromFile}`,
    );
  }
  if (flagValue === 'File' || flagValue === 'Stdout') return flagValue;
  return fromFile;
}

/**
 * Sets the replay's `output` from the policy files' ModuleConfig (see auditLogOutput) for simulate and diff;
 * two files that configure different outputs, or kubelet container-log flags beside a File output, are usage
 * errors.
 */
export function applyFileAuditLog(
  options: ReplayOptions,
  chosen: ChosenPolicy[],
  flagValue: string | undefined,
): void {
  const outputs = [
    ...new Set(chosen.map((c) => auditLogOutput(c, flagValue)).filter((o) => o !== undefined)),
  ];
  if (outputs.length > 1) {
    throw new UsageError(
      'the policy files configure different auditLog.output (File and Stdout): one log cannot be replayed under both; give --audit-log-output',
    );
  }
  if (outputs.length === 0) return;
  options.output = outputs[0];
  if (options.output === 'File' && options.containerLog !== undefined) {
    // A ModuleConfig that does not mention auditLog still decides File (its default): say which it is.
    const where = chosen.find((c) => c.auditLog?.output === 'File')?.settings?.positions.auditLog;
    throw new UsageError(
      "--container-log-max-size/--container-log-max-files describe Stdout output, but the policy file's " +
        `ModuleConfig control-plane-manager ${where ? `(line ${where.line}) sets auditLog.output File` : 'leaves auditLog.output at its default, File'}: ` +
        'set spec.settings.apiserver.auditLog.output: Stdout there, or leave the container-log flags out',
    );
  }
}
