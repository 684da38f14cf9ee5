import { lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CliError } from './errors';

/**
 * Every LOG path is checked before the replay reads any: a typo in the fifth of ten rotated files, or the log
 * directory itself (/var/log/kube-audit), used to fail only once the replay reached it, after minutes of
 * reading the others, and a directory with no word on which of its files to give.
 */

/** Names in a log directory shown in the fix at most. */
const SHOWN_NAMES = 5;

/** Throws the error for the first LOG that does not exist, cannot be read or is a directory. */
export function checkLogPaths(logs: readonly string[]): void {
  for (const log of logs) {
    if (log === '-') continue;
    let isDirectory: boolean;
    try {
      isDirectory = statSync(log).isDirectory();
    } catch (err) {
      throw missingLog(log, err);
    }
    if (isDirectory) throw directoryLog(log);
  }
}

function where(log: string): string {
  return log.startsWith('/') ? '' : ` (relative to ${process.cwd()})`;
}

function missingLog(log: string, err: unknown): CliError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES') {
    return new CliError(
      `${log}: permission denied`,
      undefined,
      'on a master /var/log/kube-audit is readable by root only: run the command with sudo, or copy the files first',
    );
  }
  if (code !== 'ENOENT') return new CliError(`${log}: cannot read: ${(err as Error).message}`);
  // A symbolic link whose target is gone (kube-apiserver rotated or deleted the file it pointed at).
  let target: string | undefined;
  try {
    if (lstatSync(log).isSymbolicLink()) target = readlinkSync(log);
  } catch {
    target = undefined;
  }
  if (target !== undefined) {
    return new CliError(
      `${log}: a symbolic link to ${target}, which does not exist`,
      undefined,
      'give the file itself (rotation renames and deletes audit-*.log files: list the directory again)',
    );
  }
  return new CliError(`${log}: no such file`, undefined, `check the path${where(log)}`);
}

function directoryLog(dir: string): CliError {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => /\.(log|gz)$/.test(n))
      .sort();
  } catch {
    names = [];
  }
  const shown = names.slice(0, SHOWN_NAMES).join(', ') + (names.length > SHOWN_NAMES ? ', …' : '');
  const patterns = ['log', 'gz'].filter((ext) => names.some((n) => n.endsWith(`.${ext}`)));
  const glob = patterns.map((ext) => path.join(dir, `*.${ext}`)).join(' ');
  return new CliError(
    `${dir}: is a directory, expected an audit log file`,
    undefined,
    names.length > 0
      ? `give the log files in it, e.g. ${glob} (${names.length} there: ${shown})`
      : 'give the audit log files themselves (kube-apiserver writes audit.log and its rotated copies audit-<time>.log)',
  );
}
