/**
 * How the `deckhouse-audit` bin starts the CLI quickly. Start-up is mostly compiling JavaScript: the engine
 * and the `yaml` package are a hundred modules, each resolved, read and compiled on every run. `npm run build`
 * bundles the CLI into one file (lib/cli/deckhouse-audit.js, scripts/bundle-cli.mjs); this launcher runs that
 * bundle with a V8 code cache kept per command in the user's cache directory, written after a run so it holds
 * every function the command compiled. Without the bundle (a plain `tsc` build) it runs lib/src/cli/main.js.
 * `NODE_DISABLE_COMPILE_CACHE=1` (Node's own switch for its compile cache) turns the cache off.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';

type RunCli = (argv: string[]) => Promise<number>;

/** The commands that get code caches of their own (main.ts's COMMANDS; anything else shares one). */
export const CACHED_COMMANDS: readonly string[] = ['validate', 'explain', 'lint', 'simulate', 'diff'];

/** How many cache files the cache directory may hold before no new one is written. */
export const MAX_CACHE_FILES = 64;

/** How many real runs of a command refresh its code cache (each costs a few milliseconds more). */
export const REFRESH_RUNS = 4;

/** Where the build writes the bundled CLI, relative to this module (lib/src/cli/launch.js). */
export const BUNDLE = path.resolve(__dirname, '../../cli/deckhouse-audit.js');

/** Runs the CLI on `argv` (without node and script) and resolves to its exit code. */
export async function launch(argv: string[]): Promise<number> {
  if (!existsSync(BUNDLE)) return ((await import('./main')).runCli as RunCli)(argv);
  const source = readFileSync(BUNDLE, 'utf8');
  const cacheFile = codeCacheFile(source, argv);
  // The cache file is one byte counting the runs that wrote it, then V8's data.
  const file = cacheFile ? readOptional(cacheFile) : undefined;
  const generation = file && file.length > 1 ? file[0] : 0;
  const cached = file && file.length > 1 ? file.subarray(1) : undefined;
  // Module.wrap gives the bundle the CommonJS function scope (exports, require, module, __filename, __dirname).
  const script = new Script(Module.wrap(source), { filename: BUNDLE, cachedData: cached });
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  bundle.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    path.dirname(BUNDLE),
  );
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(
    bundle.exports,
    bundle.exports,
    (id: string) => bundle.require(id),
    bundle,
    BUNDLE,
    path.dirname(BUNDLE),
  );
  const code = await (bundle.exports as { runCli: RunCli }).runCli(argv);
  // After the run the cache holds what this command compiled, not only the top-level code; so it is written
  // after a real run (exit 0 or 1), not after help or a usage error, which compile little of the command. The
  // first REFRESH_RUNS real runs each rewrite it with what they loaded plus what they compiled, so a cache
  // first written by `explain --url` also comes to hold what `explain --policy FILE` needs.
  const realRun = (code === 0 || code === 1) && !argv.some((a) => a === '--help' || a === '-h');
  if (
    cacheFile &&
    realRun &&
    (cached === undefined || script.cachedDataRejected || generation < REFRESH_RUNS)
  ) {
    const next = cached === undefined || script.cachedDataRejected ? 1 : generation + 1;
    writeAtomically(cacheFile, Buffer.concat([Buffer.from([next]), script.createCachedData()]));
  }
  return code;
}

/**
 * The cache file for this bundle, Node and command, or undefined when caching is off. V8 checks a cache only
 * against the source's length, so the bundle's content hash is part of the name: a rebuilt bundle never
 * runs another build's code.
 */
function codeCacheFile(source: string, argv: string[]): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  // The build writes the bundle's hash beside it; hashing 600 KB on every start would cost milliseconds.
  const hash = (
    readOptional(`${BUNDLE}.sha256`)?.toString('utf8').trim() ??
    createHash('sha256').update(source).digest('hex')
  ).slice(0, 16);
  const [command] = argv;
  const name = command !== undefined && CACHED_COMMANDS.includes(command) ? command : 'other';
  // The options used decide much of what runs (`explain --url` vs `explain --policy FILE --url`: the YAML
  // reader or not), so each set of option names has its own cache; option values do not matter.
  const options = [
    ...new Set(
      argv
        .slice(1)
        .filter((a) => /^--?[a-z]/.test(a))
        .map((a) => a.split('=')[0]),
    ),
  ];
  const profile = createHash('sha256').update(options.sort().join(' ')).digest('hex').slice(0, 8);
  return path.join(
    base,
    'deckhouse-audit',
    `${hash}-${process.version}-${process.arch}-${name}-${profile}.v8cache`,
  );
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

// A cache is an optimisation: any failure to write it (read-only home, full disk) is ignored. The directory
// is the user's own (0700): a code cache is code.
function writeAtomically(file: string, data: Buffer): void {
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Bounded: past MAX_CACHE_FILES (option sets, Node versions, builds) no new cache is started.
    if (!existsSync(file) && readdirSync(dir).length >= MAX_CACHE_FILES) return;
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // no cache this time
  }
}
