/** Exit codes shared by every command. */
export const EXIT_OK = 0;
/** Findings, invalid input, or a check that failed. */
export const EXIT_FINDINGS = 1;
/** The command line itself is wrong. */
export const EXIT_USAGE = 2;

import { Problem } from '../policy/types';

/** A problem in a named input (a file, or a policy decoded from a Secret key). */
export interface LocatedProblem extends Problem {
  label: string;
}

/**
 * An error the CLI reports as a plain message (never a stack trace) with a fixed exit code, optionally with
 * the problems found in the input (printed as file:line:column: message, and included in --json output).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FINDINGS,
    readonly fix?: string,
    readonly problems: LocatedProblem[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A wrong command line: the message is followed by a hint to run `--help`. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT_USAGE);
    this.name = 'UsageError';
  }
}
