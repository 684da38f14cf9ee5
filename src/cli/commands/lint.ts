import { closestMatch } from '../../policy/did-you-mean';
import { echo } from '../../policy/echo';
import { listDependentLintNotes } from '../../deckhouse/release-list-lint';
import { LINT_CODES, LintCode, lintPolicy } from '../../policy/lint';
import { isEffectivePolicy } from '../../policy/types';
import { Finding } from '../../policy/types';
import { CommandSpec, flag, stringList, stringOption } from '../args';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../errors';
import { formatProblem, plural } from '../format';
import { write } from '../io';
import { POLICY_OPTIONS, builtInRulesNotes, choosePolicy } from '../policy-choice';
import { KUBERNETES_VERSION_RANGE, printJson } from '../shared';

// A mistyped --ignore would silently ignore nothing: the finding it was meant for would still fail the run.
function lintCode(text: string): LintCode {
  if ((LINT_CODES as readonly string[]).includes(text)) return text as LintCode;
  const guess = closestMatch(text, LINT_CODES);
  throw new UsageError(
    `--ignore ${echo(text)}: no finding has this code${guess ? `; did you mean ${guess}?` : ''} (the codes: ${LINT_CODES.join(', ')})`,
  );
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** `lint`: findings about a policy (dead rules, Secret bodies in the log, literal wildcards, ...). */
export const lintCommand: CommandSpec = {
  name: 'lint',
  summary: 'find dead or shadowed rules, credentials recorded in the log, and other mistakes',
  usage: [
    'lint [--deckhouse [--no-basic]] [--strict] [--json] FILE',
    'lint --deckhouse [--json]',
    'lint --built-in-rules MERGED [FILE]',
  ],
  description:
    'Lints a policy (YAML or Secret manifest; "-" reads standard input): shadowed and partially shadowed ' +
    'rules, Secret/ConfigMap/token bodies recorded at Request or above, literal "*" wildcards, unknown verbs, ' +
    'exec rules that miss WebSocket exec, RequestReceived not omitted, no catch-all rule. With --deckhouse the ' +
    'effective policy Deckhouse runs is linted (built-in + FILE + tail), so a custom rule pre-empted by a ' +
    'built-in one is reported; "lint --deckhouse" alone lints the built-in rules. When FILE holds ModuleConfig ' +
    'control-plane-manager (a synthesized dist/ file), its basicAuditPolicyEnabled and auditPolicyEnabled decide ' +
    'the merge as on the cluster (a Secret Deckhouse does not read is left out, and said so); --no-basic, ' +
    '--extra-service-account or --built-in-rules that contradict its basicAuditPolicyEnabled are a usage ' +
    "error. Each finding is printed at its rule's file:line:column. --built-in-rules lints with a cluster's " +
    'own built-in rules (and, without FILE, its custom rules) read from its merged policy file. Exit status 1 ' +
    'when there is an error finding (or a warning, with --strict).',
  options: {
    deckhouse: {
      ...POLICY_OPTIONS.deckhouse,
      description:
        'lint the policy Deckhouse really runs: built-in rules + the rules of FILE + the tail rules',
    },
    'no-basic': POLICY_OPTIONS['no-basic'],
    'built-in-rules': {
      ...POLICY_OPTIONS['built-in-rules'],
      description: POLICY_OPTIONS['built-in-rules'].description.replace(
        'without --policy the custom rules in MERGED are used too',
        'without FILE the custom rules in MERGED are linted too',
      ),
    },
    'extra-service-account': POLICY_OPTIONS['extra-service-account'],
    'kubernetes-version': {
      ...POLICY_OPTIONS['kubernetes-version'],
      description: `the cluster's Kubernetes version, ${KUBERNETES_VERSION_RANGE}: FILE is validated for it`,
    },
    'max-policy-bytes': POLICY_OPTIONS['max-policy-bytes'],
    strict: { type: 'boolean', description: 'exit 1 on warnings too' },
    quiet: { type: 'boolean', description: 'do not print info findings (they are still counted)' },
    ignore: { type: 'string', multiple: true, value: 'CODE', description: 'do not report this finding code' },
  },
  examples: [
    'deckhouse-audit lint policy.yaml',
    'deckhouse-audit lint --deckhouse dist/deckhouse-audit.k8s.yaml',
    'deckhouse-audit lint --deckhouse --json',
    'deckhouse-audit lint --built-in-rules master-audit-policy.yaml policy.yaml',
  ],
  positionals: true,
  async run({ args, io, json }) {
    if (args.positionals.length > 1)
      throw new UsageError('lint takes one FILE: run it once per file (validate takes several)');
    const file = args.positionals[0];
    if (file === undefined && !flag(args, 'deckhouse') && stringOption(args, 'built-in-rules') === undefined)
      throw new UsageError('lint needs a FILE (or --deckhouse)');
    const chosen = await choosePolicy(args, io, file);
    const ignore = stringList(args, 'ignore').map(lintCode);
    const findings = [...lintPolicy(chosen.target, { ignore })].sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ruleIndex - b.ruleIndex,
    );
    // Custom rules about a module's namespace or ServiceAccount: their verdict may be the snapshot's lists' alone.
    const notes =
      chosen.builtIn !== undefined && chosen.builtIn.source === undefined && isEffectivePolicy(chosen.target)
        ? listDependentLintNotes(chosen.target, findings, { ignore })
        : [];
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings) counts[f.severity]++;
    const failed = counts.error > 0 || (flag(args, 'strict') && counts.warning > 0);

    if (json) {
      await printJson(io, {
        policy: chosen.description,
        ok: !failed,
        counts,
        findings: findings.map((f) => ({ ...f, location: chosen.locateRule(f.ruleIndex) })),
        warnings: chosen.warnings,
        ...(notes.length > 0 ? { notes } : {}),
        ...(chosen.builtIn ? { builtInRules: chosen.builtIn } : {}),
      });
    } else {
      const out: string[] = chosen.builtIn ? [`Built-in rules: ${chosen.builtIn.summary}`] : [];
      for (const n of [...builtInRulesNotes(chosen), ...notes]) await write(io.stderr, `note: ${n}\n`);
      for (const w of chosen.warnings) out.push(formatProblem(w.label, w, 'warning'));
      for (const f of findings.filter((x) => !(flag(args, 'quiet') && x.severity === 'info'))) {
        out.push(`${chosen.locateRule(f.ruleIndex)}: ${f.severity} ${f.code}: ${f.message}`);
        if (f.fix) out.push(`    fix: ${f.fix}`);
      }
      out.push(
        `${chosen.description}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info` +
          (failed
            ? ''
            : notes.length > 0
              ? " — OK with the bundled snapshot's system lists (a cluster's release may differ: see the notes)"
              : ' — OK'),
      );
      await write(io.stdout, out.join('\n') + '\n');
    }
    return failed ? EXIT_FINDINGS : EXIT_OK;
  },
};
