import { createProgressReporter } from '../replay/progress';
import { ReplayInput, ReplayOptions } from '../replay/types';
import { OptionSpec, ParsedArgs, numberOption } from './args';
import { UsageError } from './errors';
import { CliIo } from './io';

/** Rotation flags (Deckhouse's kube-apiserver settings by default). */
export const ROTATION_OPTIONS: Record<string, OptionSpec> = {
  'max-size-mb': {
    type: 'string',
    value: 'MB',
    description: 'rotate the audit log at this size (default 100)',
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
      "model kube-apiserver's truncate backend (--audit-log-truncate-enabled, which Deckhouse sets): oversized events lose their bodies or are dropped",
  },
  'truncate-max-event-bytes': {
    type: 'string',
    value: 'BYTES',
    description: 'with --truncate: the event size limit (default 102400)',
  },
  top: {
    type: 'string',
    value: 'N',
    description: 'length of the top users/resources/requests lists (default 10)',
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
  };
  const maxEventBytes = args.values['truncate-max-event-bytes'];
  if (maxEventBytes !== undefined && args.values.truncate !== true) {
    throw new UsageError('--truncate-max-event-bytes only makes sense with --truncate');
  }
  if (args.values.truncate === true) {
    options.truncate =
      maxEventBytes === undefined ? true : { maxEventBytes: integer(args, 'truncate-max-event-bytes', 0) };
  }
  if (io.isTTY) {
    const stderr = io.stderr as CliIo['stderr'] & { columns?: number };
    options.onProgress = createProgressReporter({
      isTTY: true,
      columns: stderr.columns,
      write: (text) => stderr.write(text),
    });
  }
  return options;
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
  return logs.map((log) => (log === '-' ? { name: '<stdin>', stream: io.stdin } : log));
}
