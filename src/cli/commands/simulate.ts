import { simulate } from '../../replay/simulate';
import { CommandSpec, stringOption } from '../args';
import { CliError, EXIT_OK } from '../errors';
import { formatProblem } from '../format';
import { write } from '../io';
import { POLICY_OPTIONS, applyFileAuditLog, builtInRulesNotes, choosePolicy } from '../policy-choice';
import {
  ROTATION_OPTIONS,
  applyDeckhouseTruncation,
  replayInputs,
  replayOptions,
  malformedLogError,
  noEventError,
} from '../replay-input';
import { renderSimulationReport, simulationWarnings } from '../report';
import { refuseFileRotationFlags, refuseIgnoredRotationFlags } from '../rotation-flags';
import { refuseReportAsLog } from '../saved-report';
import { printJson } from '../shared';

/** `simulate`: replay recorded audit logs under a policy and report volume, rule hits and retention. */
export const simulateCommand: CommandSpec = {
  name: 'simulate',
  summary: 'replay audit logs under a policy: levels, bytes, rule hits, bytes/day, retention',
  usage: [
    'simulate (--policy FILE | --deckhouse [--policy FILE]) [--no-basic] [rotation options] [--json] LOG...',
    'simulate --built-in-rules MERGED [--policy FILE] [rotation options] [--json] LOG...',
  ],
  description:
    'Replays recorded audit logs (audit.k8s.io/v1 Events, or v1beta1 from Kubernetes before 1.24, one JSON object a line, plain or gzip, "-" for ' +
    "standard input; also kube-apiserver's container log or `kubectl logs` output, log shippers' records " +
    'holding the event in message, line, log or _source, EventLists and JSON arrays) under a policy, in ' +
    'constant memory, and reports what the policy would have written: events and bytes per level, hits ' +
    'per rule with its layer, top users, resources and requests by bytes, ' +
    "bytes per day over the log's time span and how long history lasts under log rotation (Deckhouse: " +
    '100 MB × 10 backups + the live file, 30 days). With --deckhouse the policy is the one Deckhouse runs ' +
    '(built-in rules, then --policy, then the tail); --deckhouse alone replays the built-in rules; ' +
    "--built-in-rules replays a cluster's merged policy file (its built-in rules, and its custom rules unless " +
    '--policy replaces them). A progress bar is drawn on stderr when it is a terminal. Each event is decided ' +
    'once on its request line (requestURI, verb and the authenticated user), as kube-apiserver decides it, ' +
    'and sized in its Go encoding. --max-size-mb 0 follows --kubernetes-version (100 MB up to 1.35, no ' +
    "rotation from 1.36); with --audit-log-output Stdout (or container-runtime or `kubectl logs` input) history is the kubelet's " +
    'container-log rotation. The same file given twice is read once. Exit status 1 when no event could be ' +
    'read (an empty input too), or when a LOG among several holds only malformed lines (see --allow-malformed-logs).',
  options: { ...POLICY_OPTIONS, ...ROTATION_OPTIONS },
  examples: [
    'deckhouse-audit simulate --deckhouse --policy policy.yaml /var/log/kube-audit/audit.log',
    'deckhouse-audit simulate --deckhouse audit.log.gz --json | jq .retention',
    'zcat audit-*.log.gz | deckhouse-audit simulate --policy policy.yaml --max-size-mb 500 -',
    'deckhouse-audit simulate --built-in-rules master-audit-policy.yaml /var/log/kube-audit/audit.log',
  ],
  positionals: true,
  async run({ args, io, json }) {
    const inputs = replayInputs(args.positionals, io, stringOption(args, 'policy') === '-');
    for (const log of args.positionals) refuseReportAsLog(log);
    const options = replayOptions(args, io);
    const chosen = await choosePolicy(args, io);
    // A policy file with ModuleConfig control-plane-manager says where the log goes (auditLog.output).
    applyFileAuditLog(options, [chosen], stringOption(args, 'audit-log-output'));
    refuseFileRotationFlags(options, args, args.positionals);
    applyDeckhouseTruncation(options, args, chosen.deckhouse);
    let report;
    try {
      report = await simulate(inputs, { ...options, policy: chosen.target });
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    // No event read: an error (exit 1, `{"error": …}` with --json), never a report of zeros.
    if (report.events === 0) throw noEventError(report);
    const malformed = malformedLogError(report, args);
    if (malformed) throw malformed;
    refuseIgnoredRotationFlags(report, options, args);
    // The policy's warnings go to stderr with --json too: stdout stays one JSON document, and a script that
    // keeps only stdout still gets the report's own caveats in `warnings`.
    for (const w of chosen.warnings) await write(io.stderr, formatProblem(w.label, w, 'warning') + '\n');
    for (const n of builtInRulesNotes(chosen)) await write(io.stderr, `note: ${n}\n`);
    if (json) {
      await printJson(io, {
        policy: chosen.description,
        ...(chosen.builtIn ? { builtInRules: chosen.builtIn } : {}),
        ...report,
        // The lines of the text report's "Warnings:" (a gap in the log, malformed lines, a span too short for
        // a daily rate...): without them a script reading bytesPerDay or retention takes them at face value.
        warnings: simulationWarnings(report),
      });
    } else {
      await write(io.stdout, renderSimulationReport(report, chosen.description, chosen.builtIn?.summary));
    }
    return EXIT_OK;
  },
};
