import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/main';

/** What a CLI run produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The repository root. */
export const REPO = path.resolve(__dirname, '../..');

/** A fixture file path under test/fixtures/cli. */
export function fixture(name: string): string {
  return path.join(REPO, 'test/fixtures/cli', name);
}

/** Runs the CLI in-process with captured streams (fast; exercises the same runCli the bin calls). */
export async function runInProcess(
  argv: string[],
  options: { stdin?: string | Buffer; isTTY?: boolean } = {},
) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const code = await runCli(argv, { stdout, stderr, stdin, isTTY: options.isTTY ?? false });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** Runs the real bin (`node bin/deckhouse-audit.js`) in a child process; lib/ must be built. */
export function runBin(argv: string[], options: { stdin?: string | Buffer; cwd?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [path.join(REPO, 'bin/deckhouse-audit.js'), ...argv], {
    cwd: options.cwd ?? REPO,
    input: options.stdin,
    encoding: 'utf8',
    timeout: 60_000,
    // Jest gives each test file its own process.env; a child would otherwise get the worker's.
    env: process.env,
  });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Parses stdout as exactly one JSON document (fails the test otherwise). */
export function json<T = Record<string, unknown>>(run: CliRun): T {
  return JSON.parse(run.stdout) as T;
}
