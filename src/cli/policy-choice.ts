import { deckhouseEffectivePolicy } from '../deckhouse/effective';
import { DECKHOUSE_BASIC_RULES, withExtraServiceAccounts } from '../deckhouse/basic-rules';
import { EffectivePolicy, Policy } from '../policy/types';
import { layerRuleName } from '../policy/describe';
import { OptionSpec, ParsedArgs, flag, stringList, stringOption } from './args';
import { LocatedProblem, UsageError } from './errors';
import { CliIo } from './io';
import { loadSinglePolicy, rulePositions } from './policy-input';
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
}

/**
 * Resolves `--policy FILE [--deckhouse [--no-basic]]` to the policy to evaluate; an invalid policy file is a
 * CliError listing every problem as file:line:column. `file` overrides `--policy` (a string: that file; null:
 * no file, i.e. the built-in rules alone).
 */
export async function choosePolicy(args: ParsedArgs, io: CliIo, file?: string | null): Promise<ChosenPolicy> {
  const deckhouse = flag(args, 'deckhouse');
  const noBasic = flag(args, 'no-basic');
  const extras = stringList(args, 'extra-service-account');
  if (noBasic && !deckhouse) throw new UsageError('--no-basic only makes sense with --deckhouse');
  if (extras.length > 0 && !deckhouse)
    throw new UsageError('--extra-service-account only makes sense with --deckhouse');
  if (extras.length > 0 && noBasic)
    throw new UsageError('--extra-service-account extends the built-in rules: drop --no-basic');
  const kubernetesVersion = kubernetesVersionOption(stringOption(args, 'kubernetes-version'));
  const policyFile = file === null ? undefined : (file ?? stringOption(args, 'policy'));
  if (policyFile === undefined && !deckhouse)
    throw new UsageError('give --policy FILE, --deckhouse, or both');

  const warnings: LocatedProblem[] = [];
  let custom: Policy | undefined;
  let source: string | undefined;
  let positions: ReturnType<typeof rulePositions> = [];
  if (policyFile !== undefined) {
    const loaded = await loadSinglePolicy(policyFile, io, kubernetesVersion);
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

  const basicRules =
    extras.length > 0 ? withExtraServiceAccounts(DECKHOUSE_BASIC_RULES, extras) : DECKHOUSE_BASIC_RULES;
  const effective = deckhouseEffectivePolicy({
    basicAuditPolicyEnabled: !noBasic,
    ...(custom ? { customPolicy: custom } : {}),
    basicRules,
  });
  warnings.push(...effective.warnings.map((w) => ({ label: source ?? 'deckhouse', ...w })));
  const parts = noBasic ? [] : ['Deckhouse built-in rules'];
  if (source) parts.push(source);
  if (!noBasic) parts.push('tail rules');
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
      return origin.layer === 'custom' ? inFile(origin.index) : `deckhouse ${layerRuleName(index, origin)}`;
    },
    isFromFile: (index) => effective.origins[index]?.layer === 'custom',
  };
}
