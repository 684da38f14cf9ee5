import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CommandSpec, commandHelp, parseCommandArgs } from './args';
import { diffCommand } from './commands/diff';
import { explainCommand } from './commands/explain';
import { lintCommand } from './commands/lint';
import { simulateCommand } from './commands/simulate';
import { validateCommand } from './commands/validate';
import { CliError, EXIT_OK, EXIT_USAGE, LocatedProblem, UsageError } from './errors';
import { formatProblem } from './format';
import { CliIo, processIo, write } from './io';

/** The program name used in help and messages. */
export const PROGRAM = 'deckhouse-audit';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: CommandSpec[] = [
  validateCommand,
  explainCommand,
  lintCommand,
  simulateCommand,
  diffCommand,
];

/** The package version, read from the package.json this module ships in. */
export function packageVersion(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cdk8s-deckhouse-audit' && pkg.version) return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

/** The top-level `--help` text. */
export function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Kubernetes API audit policies for Deckhouse clusters: validate, explain, lint, and replay audit logs.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Global options:',
    '  -h, --help     show help (also: <command> --help)',
    '  -V, --version  print the version',
    '',
    'Exit status: 0 ok, 1 findings or invalid input, 2 usage error. Every command accepts --json.',
    '',
  ].join('\n');
}

/**
 * Runs the command line `argv` (without node and script) and resolves to the exit code; output goes to
 * `io` (the process's streams by default), and no error escapes as a stack trace.
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    await write(io.stderr, globalHelp());
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    await write(io.stdout, globalHelp());
    return EXIT_OK;
  }
  if (first === '--version' || first === '-V') {
    await write(io.stdout, `${packageVersion()}\n`);
    return EXIT_OK;
  }
  if (first === 'help') {
    const target = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.name === rest[0]);
    if (rest[0] !== undefined && !target)
      return usageFailure(io, `unknown command '${rest[0]}'`, undefined, false);
    await write(io.stdout, target ? commandHelp(PROGRAM, target) : globalHelp());
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === first);
  const json = rest.includes('--json');
  if (!command) {
    const hint = first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`;
    return usageFailure(io, hint, undefined, json);
  }

  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help === true) {
      await write(io.stdout, commandHelp(PROGRAM, command));
      return EXIT_OK;
    }
    return await command.run({ args, io, json: args.values.json === true });
  } catch (err) {
    if (err instanceof UsageError) return usageFailure(io, err.message, command, json);
    if (err instanceof CliError) {
      const lines = [`${PROGRAM} ${command.name}: ${err.message}`];
      if (err.fix) lines.push(`    fix: ${err.fix}`);
      for (const p of err.problems) lines.push(formatProblem(p.label, p));
      await write(io.stderr, lines.join('\n') + '\n');
      if (json) await writeJsonError(io, 'input', err.message, err.problems);
      return err.exitCode;
    }
    // Anything else is a bug in this program; still no stack trace for the user.
    const message = err instanceof Error ? err.message : String(err);
    await write(io.stderr, `${PROGRAM} ${command.name}: internal error: ${message}\n`);
    if (json) await writeJsonError(io, 'internal', message);
    return EXIT_USAGE;
  }
}

async function usageFailure(io: CliIo, message: string, command: CommandSpec | undefined, json: boolean) {
  const name = command ? `${PROGRAM} ${command.name}` : PROGRAM;
  const usage = command
    ? command.usage.map((u) => `usage: ${PROGRAM} ${u}`).join('\n')
    : `usage: ${PROGRAM} <command> [options]\ncommands: ${COMMANDS.map((c) => c.name).join(', ')}`;
  await write(io.stderr, `${name}: ${message}\n${usage}\nRun '${name} --help' for details.\n`);
  if (json) await writeJsonError(io, 'usage', message);
  return EXIT_USAGE;
}

// With --json, stdout carries exactly one document even when the command could not run.
function writeJsonError(
  io: CliIo,
  kind: 'usage' | 'input' | 'internal',
  message: string,
  problems: LocatedProblem[] = [],
): Promise<void> {
  const error = problems.length > 0 ? { kind, message, problems } : { kind, message };
  return write(io.stdout, JSON.stringify({ error }, null, 2) + '\n');
}
