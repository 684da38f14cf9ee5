import type { SimulationReport } from '../replay';
import { isCriLine } from '../replay/cri-line';
import { ReplayOptions } from '../replay/types';
import { ParsedArgs } from './args';
import { UsageError } from './errors';
import { logHeadText } from './swapped-input';

/**
 * kube-apiserver's file-rotation flags (--audit-log-maxsize/maxbackup/maxage, here --max-size-mb, --max-backups,
 * --max-age-days) describe auditLog.output File. With Stdout the kubelet's container-log rotation keeps the
 * history, and the replay estimates that one: the flags would be ignored without a word, so they are refused
 * wherever the output is Stdout, whether a flag or ModuleConfig says so or the LOG is kube-apiserver's container
 * output (container-runtime lines, or `kubectl logs` of it: its own lines among the events), which makes the
 * replay's output Stdout unless --audit-log-output says otherwise.
 */

const FILE_ROTATION_FLAGS = ['max-size-mb', 'max-backups', 'max-age-days'];

function givenFlags(args: ParsedArgs): string[] {
  return FILE_ROTATION_FLAGS.filter((n) => args.values[n] !== undefined);
}

function describe(given: string[]): string {
  return (
    `${given.map((n) => `--${n}`).join(', ')} describe${given.length === 1 ? 's' : ''} kube-apiserver's ` +
    'rotation of the audit log file (auditLog.output File)'
  );
}

/** The refusal when the LOGs named are kube-apiserver's container output; `how` tells how that shows. */
function containerLogError(given: string[], logs: string[], how = 'container-runtime lines'): UsageError {
  const one = logs.length === 1;
  return new UsageError(
    `${describe(given)}, but LOG ${logs.join(', ')} ${one ? 'is' : 'are'} kube-apiserver's container log ` +
      `(${how}: auditLog.output Stdout), whose history the kubelet's container-log rotation keeps: use ` +
      '--container-log-max-size/--container-log-max-files, or add --audit-log-output File to estimate File ' +
      "output's history with these flags",
  );
}

/** The first non-blank line of a regular file given as LOG is a container-runtime line. */
function startsAsContainerLog(log: string): boolean {
  if (log === '-') return false;
  const first = logHeadText(log)
    ?.split('\n')
    .find((line) => line.trim() !== '');
  return first !== undefined && isCriLine(first);
}

/**
 * Refuses the file-rotation flags before the replay when the output is Stdout: stated (a flag, ModuleConfig), or
 * left to the input and a LOG file starts as a container log.
 */
export function refuseFileRotationFlags(
  options: ReplayOptions,
  args: ParsedArgs,
  logs: readonly string[],
): void {
  if (options.output === 'File') return;
  const given = givenFlags(args);
  if (given.length === 0) return;
  if (options.output === 'Stdout') {
    throw new UsageError(
      `${describe(given)}, but the output is Stdout, where the kubelet's container-log rotation decides: use ` +
        '--container-log-max-size/--container-log-max-files instead',
    );
  }
  const containerLogs = logs.filter(startsAsContainerLog);
  if (containerLogs.length > 0) throw containerLogError(given, containerLogs);
}

/**
 * After the replay: the flags, when the input turned out to be container output that no file head showed (standard
 * input, a pipe, container-runtime lines after the first, `kubectl logs` output), so Stdout retention ignored them.
 */
export function refuseIgnoredRotationFlags(
  report: SimulationReport,
  options: ReplayOptions,
  args: ParsedArgs,
): void {
  if (options.output !== undefined || report.retention.output !== 'Stdout') return;
  const given = givenFlags(args);
  if (given.length === 0) return;
  const cri = report.sources.filter((s) => s.criLines > 0).map((s) => s.source);
  if (cri.length > 0) throw containerLogError(given, cri);
  // No container-runtime framing: kube-apiserver's own lines among the events (`kubectl logs` of it) made it Stdout.
  const mixed = report.sources.filter((s) => s.events > 0 && s.otherLines > 0).map((s) => s.source);
  throw containerLogError(
    given,
    mixed,
    "its own log lines among the events, which only its container's output holds",
  );
}
