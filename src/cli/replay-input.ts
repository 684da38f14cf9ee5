import type { SimulationReport } from '../replay';
import { NO_EVENT_STREAM_BYTES, isNoEventStreamWarning } from '../replay/endless-input';
import { createProgressReporter } from '../replay/progress';
import { ReplayInput, ReplayOptions } from '../replay/types';
import type { FileOutputTruncationOptions } from '../replay/output-truncation';
import { OptionSpec, ParsedArgs, numberOption, stringOption } from './args';
import { CliError, EXIT_FINDINGS, LocatedProblem, UsageError } from './errors';
import { CliIo } from './io';
import { KUBERNETES_VERSION_RANGE, kubernetesVersionOption } from './shared';
import { checkLogPaths } from './log-paths';
import { refusePolicyAsLog } from './swapped-input';

/** Rotation flags (Deckhouse's kube-apiserver settings by default). */
export const ROTATION_OPTIONS: Record<string, OptionSpec> = {
  // Replaces the policy options' entry (same key): in a replay the version also decides --max-size-mb 0.
  'kubernetes-version': {
    type: 'string',
    value: 'X.Y',
    description:
      `the cluster's Kubernetes version, ${KUBERNETES_VERSION_RANGE}: the policy is validated for it, and ` +
      '--max-size-mb 0 follows it',
  },
  'max-size-mb': {
    type: 'string',
    value: 'MB',
    description:
      'rotate the audit log at this size (default 100); 0 means 100 MB up to Kubernetes 1.35 and no rotation (history unbounded) from 1.36 (see --kubernetes-version)',
  },
  'max-backups': {
    type: 'string',
    value: 'N',
    description: 'rotated files kept besides the live one (default 10)',
  },
  'max-age-days': {
    type: 'string',
    value: 'DAYS',
    description: 'rotated files older than this are deleted (default 30)',
  },
  truncate: {
    type: 'boolean',
    description:
      "model kube-apiserver's truncate backend (--audit-log-truncate-enabled): oversized events lose their bodies or are dropped (default: on with --deckhouse and File output, which is where Deckhouse sets the flag; off for input that shows Stdout output: container-runtime lines, kubectl logs)",
  },
  'no-truncate': {
    type: 'boolean',
    description: 'do not model the truncate backend (overrides the --deckhouse default)',
  },
  'truncate-max-event-bytes': {
    type: 'string',
    value: 'BYTES',
    description: 'with --truncate: the event size limit (default 102400)',
  },
  'audit-log-output': {
    type: 'string',
    value: 'File|Stdout',
    description:
      "Deckhouse's auditLog.output: with Stdout history is the kubelet's container log (shared with kube-apiserver's own lines), not the file rotation (default: the auditLog.output of ModuleConfig control-plane-manager in the --policy file, which a contradicting flag may not override; else Stdout for container-runtime input (CRI lines, Docker json-file records, a shipper's records naming the stream) or input with kube-apiserver's own log lines among its events (kubectl logs), else File)",
  },
  'container-log-max-size': {
    type: 'string',
    value: 'SIZE',
    description:
      "with Stdout (which it implies): the kubelet's containerLogMaxSize, e.g. 50Mi (default 50Mi, Deckhouse's NodeGroup default)",
  },
  'container-log-max-files': {
    type: 'string',
    value: 'N',
    description:
      "with Stdout (which it implies): the kubelet's containerLogMaxFiles (default 4, Deckhouse's NodeGroup default)",
  },
  jobs: {
    type: 'string',
    value: 'N',
    description:
      'threads for a large log file, this one and N-1 workers (default: one below 64 MiB, or 6 MiB for .gz, else as many as cores are free once reading starts, at most 4, or 2 for .gz; results are identical)',
  },
  top: {
    type: 'string',
    value: 'N',
    description: 'length of the top users/resources/requests lists (default 10)',
  },
  'allow-malformed-logs': {
    type: 'boolean',
    description:
      'replay the other LOGs when one of several holds only malformed lines (no audit event: a wrong file among ' +
      'the logs), counting them as malformed with a warning (default: an error naming it, exit 1)',
  },
};

/** The replay options the command line asks for: rotation, list lengths and (on a terminal) a progress bar. */
export function replayOptions(args: ParsedArgs, io: CliIo): ReplayOptions {
  const options: ReplayOptions = {
    rotation: {
      maxSizeMB: numberOption(args, 'max-size-mb', 100),
      maxBackups: integer(args, 'max-backups', 10),
      maxAgeDays: numberOption(args, 'max-age-days', 30),
    },
    topN: integer(args, 'top', 10),
    kubernetesVersion: kubernetesVersionOption(stringOption(args, 'kubernetes-version')),
  };
  const output = stringOption(args, 'audit-log-output');
  if (output !== undefined) {
    if (output !== 'File' && output !== 'Stdout') {
      const cased = ['File', 'Stdout'].find((o) => o.toLowerCase() === output.toLowerCase());
      throw new UsageError(
        `--audit-log-output needs File or Stdout (auditLog.output), got '${output}'${cased ? `; did you mean ${cased}?` : ''}`,
      );
    }
    options.output = output;
  }
  const maxSize = stringOption(args, 'container-log-max-size');
  const maxFiles = args.values['container-log-max-files'];
  if ((maxSize !== undefined || maxFiles !== undefined) && output === 'File') {
    throw new UsageError(
      '--container-log-max-size/--container-log-max-files describe Stdout output, not File',
    );
  }
  if (maxSize !== undefined || maxFiles !== undefined) {
    // They describe Stdout output: given alone they mean it (a File default would ignore them without a word);
    // a policy file's ModuleConfig that says File is refused in applyFileAuditLog.
    options.output ??= 'Stdout';
    options.containerLog = {};
    if (maxSize !== undefined)
      options.containerLog.maxSizeBytes = quantityBytes('container-log-max-size', maxSize);
    if (maxFiles !== undefined) {
      const n = integer(args, 'container-log-max-files', 4);
      if (n < 2)
        throw new UsageError(`--container-log-max-files needs at least 2 (the kubelet's minimum), got ${n}`);
      options.containerLog.maxFiles = n;
    }
  }
  if (args.values.jobs !== undefined) {
    const jobs = integer(args, 'jobs', 1);
    if (jobs < 1) throw new UsageError(`--jobs needs at least 1, got ${jobs}`);
    options.jobs = jobs;
  }
  const maxEventBytes = args.values['truncate-max-event-bytes'];
  if (maxEventBytes !== undefined && args.values.truncate !== true) {
    throw new UsageError('--truncate-max-event-bytes only makes sense with --truncate');
  }
  if (args.values.truncate === true && args.values['no-truncate'] === true) {
    throw new UsageError('--truncate and --no-truncate contradict each other: give one');
  }
  if (args.values.truncate === true) {
    options.truncate =
      maxEventBytes === undefined ? true : { maxEventBytes: integer(args, 'truncate-max-event-bytes', 0) };
  }
  if (io.isTTY) {
    const stderr = io.stderr;
    options.onProgress = createProgressReporter({
      isTTY: true,
      columns: stderr.columns,
      write: (text) => stderr.write(text),
    });
  }
  return options;
}

const QUANTITY_UNITS: Record<string, number> = {
  '': 1,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  k: 1000,
  K: 1000,
  M: 1000 ** 2,
  G: 1000 ** 3,
};

/** A Kubernetes quantity of bytes as the kubelet takes containerLogMaxSize: 50Mi, 100M, 1Gi, 10485760. */
function quantityBytes(name: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|K|M|G)?$/.exec(text.trim());
  const bytes = m ? Number(m[1]) * QUANTITY_UNITS[m[2] ?? ''] : NaN;
  if (!Number.isFinite(bytes) || bytes <= 0) {
    throw new UsageError(`--${name} needs a size like 50Mi, 100M or 10485760, got '${text}'`);
  }
  return bytes;
}

function integer(args: ParsedArgs, name: string, fallback: number): number {
  const n = numberOption(args, name, fallback);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} needs a whole number, got '${n}'`);
  return n;
}

/** Log arguments as replay inputs; `-` becomes the command's stdin (so tests and pipes work alike). */
export function replayInputs(logs: string[], io: CliIo, stdinTaken = false): ReplayInput[] {
  if (logs.length === 0) throw new UsageError('needs at least one audit LOG file ("-" for standard input)');
  const dashes = logs.filter((l) => l === '-').length;
  if (dashes > 1 || (dashes > 0 && stdinTaken)) throw new UsageError('"-" (stdin) can be used once');
  checkLogPaths(logs);
  for (const log of logs) refusePolicyAsLog(log);
  // `-` with nothing piped in waits for the terminal without a word, like a hang: say what it waits for.
  if (dashes > 0 && (io.stdin as { isTTY?: boolean }).isTTY === true) {
    io.stderr.write(
      'note: reading the audit LOG "-" from standard input, which is a terminal: paste its lines and end with ' +
        'Ctrl-D, or pipe the log in (zcat audit-*.log.gz | deckhouse-audit … -)\n',
    );
  }
  return logs.map((log) => (log === '-' ? { name: '<stdin>', stream: io.stdin } : log));
}

/**
 * Deckhouse runs kube-apiserver with --audit-log-truncate-enabled=true when auditLog.output is File, and not
 * with Stdout (docs/deckhouse-audit.md §4): a --deckhouse replay models it unless --truncate/--no-truncate say
 * otherwise. Called once the flags and the policy file's ModuleConfig have said what they know of the output;
 * when they said nothing, the replay takes Stdout from container-runtime input and stops truncating there.
 */
export function applyDeckhouseTruncation(
  options: ReplayOptions & FileOutputTruncationOptions,
  args: ParsedArgs,
  deckhouse: boolean,
): void {
  if (args.values.truncate === true || args.values['no-truncate'] === true) return;
  if (deckhouse && options.output !== 'Stdout') {
    options.truncate = true;
    options.truncateFileOutputOnly = true;
  }
}

/** `N things` with the noun in the right number. */
function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What was read from each input, for a replay that found no event: `audit.log: 3 lines, 3 malformed`. */
function readSummary(report: SimulationReport): string {
  const parts = report.sources.map((s) => {
    if (s.lines === 0 && s.otherLines === 0 && s.criLines === 0) {
      return `${s.source}: ${s.bytes === 0 ? 'empty' : `${counted(s.bytes, 'byte', 'bytes')}, no line`}`;
    }
    const what = s.lines > 0 ? [counted(s.lines, 'line', 'lines')] : [];
    if (s.malformed > 0) what.push(`${s.malformed} malformed`);
    if (s.otherLines > 0)
      what.push(counted(s.otherLines, 'kube-apiserver log line', 'kube-apiserver log lines'));
    if (s.criLines > 0) what.push(counted(s.criLines, 'container log line', 'container log lines'));
    return `${s.source}: ${what.join(', ')}`;
  });
  for (const skipped of report.skippedInputs) parts.push(`${skipped.source}: not read (${skipped.reason})`);
  return parts.length === 0 ? 'no input' : parts.join('; ');
}

// The start of zeroBlockWarning's text (src/replay/line-framing.ts).
const ZERO_BYTES = /^\d+ zero bytes \(NUL\) at line \d+ skipped/;

/**
 * The error of a replay that read no audit event (an empty input, kube-apiserver's own log, the legacy text
 * format, records of another kind): its reason and what was read from each input, the malformed lines and the
 * inputs' warnings as problems, and the fix. simulate and diff fail with it (exit 1, `{"error": …}` with --json)
 * instead of printing a report of zeros that would read as a successful replay.
 */
export function noEventError(report: SimulationReport): CliError {
  const { reason, fix } = noEventReason(report);
  // An input's warnings explain its malformed lines (zstd, a tar archive, damaged gzip): listed first, before the lines
  // the printed list may cut off. Without malformed lines, the reason says all.
  const problems: LocatedProblem[] = [];
  if (report.malformed.count > 0) {
    for (const s of report.sources)
      for (const w of s.warnings) problems.push({ label: s.source, message: `warning: ${w}` });
  }
  for (const m of report.malformed.lines) problems.push({ label: m.source, line: m.line, message: m.reason });
  return new CliError(`${reason} (read: ${readSummary(report)})`, EXIT_FINDINGS, fix, problems);
}

// The start of noEventNote's text (src/replay/input-notes.ts).
const NO_EVENT_NOTE = 'no audit event read from this input';

/**
 * The error of a replay where some LOGs gave events but one or more, given among them, gave none and held
 * malformed lines only (a policy, notes, another tool's log or the legacy text format given with the logs, e.g.
 * by a glob): a lone such LOG fails the replay (noEventError), and among others it would only shrink the report
 * without a word but a warning; undefined when there is none, or with --allow-malformed-logs.
 */
export function malformedLogError(report: SimulationReport, args: ParsedArgs): CliError | undefined {
  if (args.values['allow-malformed-logs'] === true || report.events === 0) return undefined;
  const bad = report.sources.filter((s) => s.events === 0 && s.malformed > 0);
  if (bad.length === 0) return undefined;
  const names = new Set(bad.map((s) => s.source));
  const problems: LocatedProblem[] = [];
  // Its warnings say what it is (YAML, legacy format, another compression); the note that it gave no event is
  // this error's message.
  for (const s of bad)
    for (const w of s.warnings)
      if (!w.startsWith(NO_EVENT_NOTE)) problems.push({ label: s.source, message: `warning: ${w}` });
  for (const m of report.malformed.lines)
    if (names.has(m.source)) problems.push({ label: m.source, line: m.line, message: m.reason });
  const one = bad.length === 1;
  const what = bad.map((s) => `${s.source} (${counted(s.malformed, 'malformed line', 'malformed lines')})`);
  return new CliError(
    `${one ? 'LOG' : 'LOGs'} ${what.join(', ')} held no audit event, while the other LOGs held ` +
      `${counted(report.events, 'event', 'events')}: ${one ? 'it is' : 'they are'} not an audit log, and the ` +
      `report would not cover ${one ? 'it' : 'them'}`,
    EXIT_FINDINGS,
    `give kube-apiserver's audit log in ${one ? 'its' : 'their'} place (JSON lines, e.g. ` +
      `/var/log/kube-audit/audit-*.log), leave ${one ? 'it' : 'them'} out, or add --allow-malformed-logs to ` +
      `replay the other LOGs and count ${one ? 'its' : 'their'} lines as malformed`,
    problems,
  );
}

function noEventReason(report: SimulationReport): { reason: string; fix?: string } {
  const legacy = report.sources.reduce((n, s) => n + s.legacyLines, 0);
  if (legacy > 0 && legacy === report.malformed.count) {
    return {
      reason:
        "no audit event could be read: the input is kube-apiserver's legacy audit text format " +
        '(--audit-log-format=legacy), which has no level, objectRef, bodies or sizes to replay',
      fix:
        'replay a log written with --audit-log-format=json, which is what Deckhouse sets (on a master: ' +
        '/var/log/kube-audit/audit.log)',
    };
  }
  const endless = report.sources.find((s) => s.warnings.some(isNoEventStreamWarning));
  if (endless !== undefined) {
    return {
      reason:
        `${endless.source} gave no audit event in its first ${NO_EVENT_STREAM_BYTES} bytes and may never end ` +
        '(a device such as /dev/zero, or a pipe of something else): reading it was stopped',
      fix: 'give an audit log: audit.k8s.io Events as kube-apiserver writes them, one JSON object a line',
    };
  }
  if (report.malformed.count > 0) {
    return {
      reason: `no audit event could be read from the input: ${counted(report.malformed.count, 'malformed line', 'malformed lines')}`,
      fix: 'replay audit.k8s.io/v1 Events as kube-apiserver writes them (--audit-log-format=json), one JSON object a line',
    };
  }
  const own = report.sources.reduce((n, s) => n + s.otherLines + (s.criLines > 0 ? s.criLines : 0), 0);
  if (own > 0) {
    return {
      reason:
        "the input holds no audit event, only kube-apiserver's own log lines (klog, stderr): with auditLog.output " +
        'File the events are in /var/log/kube-audit/audit.log on each master, not in kubectl logs',
    };
  }
  // zeroBlockWarning's text: a file a crash left zero-filled has no line either, but it is not "blank".
  if (report.sources.some((s) => s.warnings.some((w) => ZERO_BYTES.test(w)))) {
    return {
      reason:
        'the input holds only zero bytes (NUL) and blank lines, as a node crash or power loss leaves a file ' +
        'that was being written, or it is not a log',
      fix: 'replay the other rotated files (audit-*.log) of that master, or the log of another master',
    };
  }
  const blank = report.sources.some((s) => s.bytes > 0);
  return { reason: blank ? 'the input holds only blank lines' : 'the input is empty' };
}
