import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CommandSpec } from './args';
import { CliError, EXIT_OK, EXIT_USAGE, LocatedProblem, UsageError } from './errors';
import { cappedList, formatProblem, printable } from './format';
import { CliIo, processIo, write } from './io';

/** The program name used in help and messages. */
export const PROGRAM = 'deckhouse-audit';

/**
 * Every subcommand, in the order `--help` lists them, loaded only when it runs: a command's module pulls in
 * what it needs (the YAML reader, the replay engine, zlib...), and a run should pay only for its own.
 */
export const COMMANDS: ReadonlyArray<{ name: string; load(): Promise<CommandSpec> }> = [
  { name: 'validate', load: async () => (await import('./commands/validate')).validateCommand },
  { name: 'explain', load: async () => (await import('./commands/explain')).explainCommand },
  { name: 'lint', load: async () => (await import('./commands/lint')).lintCommand },
  { name: 'simulate', load: async () => (await import('./commands/simulate')).simulateCommand },
  { name: 'diff', load: async () => (await import('./commands/diff')).diffCommand },
];

/** The package version, read from the package.json this module ships in. */
export function packageVersion(): string {
  let dir = __dirname;
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'cdk8s-deckhouse-audit' && pkg.version) return pkg.version;
    } catch {
      // no (readable) package.json here: look further up
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

/** The top-level `--help` text (loads every command for its summary: help is not a hot path). */
export async function globalHelp(): Promise<string> {
  const specs = await Promise.all(COMMANDS.map((c) => c.load()));
  const width = Math.max(...specs.map((c) => c.name.length)) + 2;
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Kubernetes API audit policies for Deckhouse clusters: validate, explain, lint, and replay audit logs.',
    '',
    'Commands:',
    ...specs.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Global options:',
    '  -h, --help     show help (also: <command> --help)',
    '  -V, --version  print the version',
    '',
    'Exit status: 0 ok, 1 findings or invalid input, 2 usage error. Every command accepts --json (exactly',
    'one JSON document on stdout, also for errors). Numbers are plain decimal; a policy file is read as bytes',
    'and refused over the Secret size limit (1 MiB, --max-policy-bytes) before parsing.',
    '',
  ].join('\n');
}

/**
 * Runs the command line `argv` (without node and script) and resolves to the exit code; output goes to
 * `io` (the process's streams by default), and no error escapes as a stack trace. With `--json` anywhere
 * on the line, stdout carries exactly one JSON document, whatever happens.
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  // `--` ends the options: a `--json` after it is a file name.
  const end = argv.indexOf('--');
  const json = (end < 0 ? argv : argv.slice(0, end)).includes('--json');
  try {
    return await dispatch(argv, io, json);
  } catch (err) {
    // A bug in this program; still no stack trace for the user, and still one JSON document.
    const message = err instanceof Error ? err.message : String(err);
    await write(io.stderr, `${PROGRAM}: internal error: ${printable(message)}\n`);
    if (json) await writeJsonError(io, 'internal', message);
    return EXIT_USAGE;
  }
}

async function dispatch(argv: string[], io: CliIo, json: boolean): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || (first === '--json' && rest.length === 0)) {
    await write(io.stderr, await globalHelp());
    if (json) await writeJsonError(io, 'usage', 'no command given');
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    await write(io.stdout, json ? jsonDocument({ help: await globalHelp() }) : await globalHelp());
    return EXIT_OK;
  }
  if (first === '--version' || first === '-V') {
    await write(io.stdout, json ? jsonDocument({ version: packageVersion() }) : `${packageVersion()}\n`);
    return EXIT_OK;
  }
  if (first === 'help') {
    const entry = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.name === rest[0]);
    if (rest[0] !== undefined && !entry)
      return usageFailure(io, await unknownCommand(rest[0]), undefined, json);
    const { commandHelp } = await import('./args');
    const text = entry ? commandHelp(PROGRAM, await entry.load()) : await globalHelp();
    await write(io.stdout, json ? jsonDocument({ help: text }) : text);
    return EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === first);
  if (!entry) {
    // `deckhouse-audit --deckhouse simulate ...`: a command's options come after the command's name.
    const later = first.startsWith('-') ? rest.find((a) => COMMANDS.some((c) => c.name === a)) : undefined;
    const hint = !first.startsWith('-')
      ? await unknownCommand(first)
      : later !== undefined
        ? `unknown option '${first}' before the command: options go after it (${PROGRAM} ${later} ${first} ...)`
        : `unknown option '${first}'`;
    return usageFailure(io, hint, undefined, json);
  }
  const [command, { commandHelp, parseCommandArgs }] = await Promise.all([entry.load(), import('./args')]);
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help === true) {
      const text = commandHelp(PROGRAM, command);
      await write(io.stdout, json ? jsonDocument({ help: text }) : text);
      return EXIT_OK;
    }
    return await command.run({ args, io, json: args.values.json === true });
  } catch (err) {
    if (err instanceof UsageError) return usageFailure(io, err.message, command, json);
    if (err instanceof CliError) return inputFailure(io, err, command, json);
    throw err;
  }
}

// `simulat` → "unknown command 'simulat'; did you mean 'simulate'?"
async function unknownCommand(name: string): Promise<string> {
  const { closestMatch } = await import('../policy/did-you-mean');
  const meant = closestMatch(
    name,
    COMMANDS.map((c) => c.name),
  );
  return `unknown command '${name}'${meant ? `; did you mean '${meant}'?` : ''}`;
}

async function inputFailure(io: CliIo, err: CliError, command: CommandSpec, json: boolean): Promise<number> {
  const lines = [`${PROGRAM} ${command.name}: ${printable(err.message)}`];
  if (err.fix) lines.push(`    fix: ${printable(err.fix)}`);
  lines.push(...cappedList(err.problems, (p) => formatProblem(p.label, p), 'problem'));
  await write(io.stderr, lines.join('\n') + '\n');
  if (json) await writeJsonError(io, 'input', err.message, err.problems, err.fix);
  return err.exitCode;
}

async function usageFailure(io: CliIo, message: string, command: CommandSpec | undefined, json: boolean) {
  const name = command ? `${PROGRAM} ${command.name}` : PROGRAM;
  const usage = command
    ? command.usage.map((u) => `usage: ${PROGRAM} ${u}`).join('\n')
    : `usage: ${PROGRAM} <command> [options]\ncommands: ${COMMANDS.map((c) => c.name).join(', ')}`;
  await write(io.stderr, `${name}: ${printable(message)}\n${usage}\nRun '${name} --help' for details.\n`);
  if (json) await writeJsonError(io, 'usage', message);
  return EXIT_USAGE;
}

function jsonDocument(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

// With --json, stdout carries exactly one document even when the command could not run.
function writeJsonError(
  io: CliIo,
  kind: 'usage' | 'input' | 'internal',
  message: string,
  problems: LocatedProblem[] = [],
  fix?: string,
): Promise<void> {
  const error = { kind, message, ...(fix ? { fix } : {}), ...(problems.length > 0 ? { problems } : {}) };
  return write(io.stdout, jsonDocument({ error }));
}

// Run as a script (`npx tsx src/cli/main.ts simulate …` in a checkout), this file is the CLI, as the bin is;
// imported (the bin's launcher, a bundle, tests), it only exports runCli. Without this, such a run printed
// nothing and exited 0.
if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
