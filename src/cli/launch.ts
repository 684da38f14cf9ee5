/**
 * How the `deckhouse-audit` bin starts the CLI quickly. Start-up is mostly compiling JavaScript: the engine
 * and the `yaml` package are a hundred modules, each resolved, read and compiled on every run. `npm run build`
 * bundles the CLI into one file (lib/cli/deckhouse-audit.js, scripts/bundle-cli.mjs), and each command of
 * COMMAND_BUNDLES also into a smaller file holding that command only (lib/cli/<command>.js): V8 pre-parses
 * every function of the file it compiles, so `explain` should not pay for the replay engine. This launcher
 * runs the bundle with a V8 code cache kept per command in the user's cache directory, written after a run so
 * it holds every function the command compiled. Without the bundle (a plain `tsc` build) it runs
 * lib/src/cli/main.js. The build also runs each command once and keeps the resulting cache beside its bundle
 * (seedCacheFile), so that a command's first run after an install or a build does not compile from nothing.
 * `NODE_DISABLE_COMPILE_CACHE=1` (Node's own switch for its compile cache) turns both caches off. The launcher itself loads only `fs`, `module`, `path` and `vm`: `crypto` alone costs a bare
 * `node -e 0` about 5% more.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';

type RunCli = (argv: string[]) => Promise<number>;

/** The commands that get code caches of their own (main.ts's COMMANDS; anything else shares one). */
export const CACHED_COMMANDS: readonly string[] = ['validate', 'explain', 'lint', 'simulate', 'diff'];

/**
 * How many cache files the cache directory may hold: writing one more first deletes the least recently used
 * (oldest modification time; a run that uses a cache without rewriting it touches it). Builds, Node versions
 * and option sets each add files, so a directory that simply stopped at the cap would, after a few upgrades,
 * leave every new build without a cache.
 */
export const MAX_CACHE_FILES = 64;

/** How many real runs of a command refresh its code cache (each costs a few milliseconds more). */
export const REFRESH_RUNS = 4;

/**
 * The commands the build also bundles on their own (lib/cli/<command>.js): the ones a user runs on one input
 * and waits for. `simulate` and `diff` read whole audit logs, where start-up does not count.
 */
export const COMMAND_BUNDLES: readonly string[] = ['validate', 'explain', 'lint'];

/** Where the build writes the bundled CLI, relative to this module (lib/src/cli/launch.js). */
export const BUNDLE = path.resolve(__dirname, '../../cli/deckhouse-audit.js');

/** The bundle that runs `argv`: the command's own when the build made one, else the whole CLI. */
export function bundleFor(argv: readonly string[]): string {
  const [command] = argv;
  if (command === undefined || !COMMAND_BUNDLES.includes(command)) return BUNDLE;
  const own = path.join(path.dirname(BUNDLE), `${command}.js`);
  return existsSync(own) ? own : BUNDLE;
}

/** Runs the CLI on `argv` (without node and script) and resolves to its exit code. */
export async function launch(argv: string[]): Promise<number> {
  if (!existsSync(BUNDLE)) return ((await import('./main')).runCli as RunCli)(argv);
  const bundleFile = bundleFor(argv);
  const source = readFileSync(bundleFile, 'utf8');
  // NODE_DISABLE_COMPILE_CACHE turns every code cache off: the user's and the build's seed.
  const hash = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : bundleHash(bundleFile, source);
  const cacheFile = hash === undefined ? undefined : codeCacheFile(hash, argv);
  // The cache file is one byte counting the runs that wrote it, then V8's data. A set of options run for the
  // first time starts from the cache of another set of the same command and bundle (V8 takes any cache of the
  // same source, whatever ran when it was written); a command's very first run, from the build's seed.
  const own = cacheFile ? readOptional(cacheFile) : undefined;
  const sibling = cacheFile && own === undefined ? siblingCacheFile(cacheFile) : undefined;
  // A command's first run in this cache directory starts from the seed the build wrote beside the bundle.
  const seed =
    hash !== undefined && own === undefined && sibling === undefined
      ? readOptional(seedCacheFile(bundleFile, hash))
      : undefined;
  const file = own ?? (sibling ? readOptional(sibling) : seed);
  const generation = own && own.length > 1 ? own[0] : 0;
  const cached = file && file.length > 1 ? file.subarray(1) : undefined;
  // Module.wrap gives the bundle the CommonJS function scope (exports, require, module, __filename, __dirname).
  const script = new Script(Module.wrap(source), { filename: bundleFile, cachedData: cached });
  const bundle = new Module(bundleFile, module);
  bundle.filename = bundleFile;
  bundle.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    path.dirname(bundleFile),
  );
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(
    bundle.exports,
    bundle.exports,
    (id: string) => bundle.require(id),
    bundle,
    bundleFile,
    path.dirname(bundleFile),
  );
  const code = await (bundle.exports as { runCli: RunCli }).runCli(argv);
  // After the run the cache holds what this command compiled, not only the top-level code; so it is written
  // after a real run (exit 0 or 1), not after help or a usage error, which compile little of the command. The
  // first REFRESH_RUNS real runs each rewrite it with what they loaded plus what they compiled, so a cache
  // first written by `explain --url` also comes to hold what `explain --policy FILE` needs.
  const realRun = (code === 0 || code === 1) && !argv.some((a) => a === '--help' || a === '-h');
  if (cacheFile && realRun && own === undefined && cached !== undefined && !script.cachedDataRejected) {
    // The first run of this set of options started from a cache V8 accepted (another set's, or the build's
    // seed): that cache, as generation 0, becomes this set's own. Serializing what this run compiled would
    // cost ~12 ms of this run; the next run, a refresh, does it.
    writeAtomically(cacheFile, Buffer.concat([Buffer.from([0]), cached]));
  } else if (cacheFile && realRun && (script.cachedDataRejected || generation < REFRESH_RUNS)) {
    const next = generation === 0 || script.cachedDataRejected ? 1 : generation + 1;
    writeAtomically(cacheFile, Buffer.concat([Buffer.from([next]), script.createCachedData()]));
  } else if (cacheFile && own !== undefined) {
    markUsed(cacheFile);
  }
  return code;
}

/**
 * The user cache file for a bundle (`hash`: bundleHash), this Node and a command. V8 checks a cache only against the
 * source's length, so the bundle's content hash is part of the name: a rebuilt bundle never runs another
 * build's code.
 */
function codeCacheFile(hash: string, argv: string[]): string {
  const home = process.env.HOME || process.getBuiltinModule('node:os').homedir();
  const base = process.env.XDG_CACHE_HOME || path.join(home, '.cache');
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
  const profile = fnv1a(options.sort().join(' '));
  return path.join(
    base,
    'deckhouse-audit',
    `${hash}-${process.version}-${process.arch}-${name}-${profile}.v8cache`,
  );
}

/** The first 16 hex digits of the bundle's SHA-256, which names its caches. */
function bundleHash(bundleFile: string, source: string): string {
  // The build writes the hash beside the bundle; hashing 600 KB on every start would cost milliseconds.
  return (
    readOptional(`${bundleFile}.sha256`)?.toString('utf8').trim() ??
    process.getBuiltinModule('node:crypto').createHash('sha256').update(source).digest('hex')
  ).slice(0, 16);
}

/**
 * The seed cache of a bundle: written by `npm run build` (scripts/bundle-cli.mjs) beside the bundle, after
 * running the command on sample inputs, for the Node version and architecture that built it (V8 rejects a
 * cache of another V8 or other flags; the name keeps another Node from even reading it). Same format as a
 * user cache: a generation byte, then V8's data.
 */
export function seedCacheFile(bundleFile: string, hash: string): string {
  return `${bundleFile}.${hash}-${process.version}-${process.arch}.v8cache`;
}

/**
 * The largest cache file of the same bundle, Node, architecture and command as `cacheFile` but another set of
 * options (the last `-` field of the name), or undefined when there is none.
 */
export function siblingCacheFile(cacheFile: string): string | undefined {
  const dir = path.dirname(cacheFile);
  const base = path.basename(cacheFile);
  const prefix = base.slice(0, base.lastIndexOf('-') + 1);
  let best: { file: string; size: number } | undefined;
  try {
    for (const entry of readdirSync(dir)) {
      if (!entry.startsWith(prefix) || !entry.endsWith('.v8cache') || entry === base) continue;
      const size = statSync(path.join(dir, entry)).size;
      if (best === undefined || size > best.size) best = { file: path.join(dir, entry), size };
    }
  } catch {
    return undefined; // no cache directory yet
  }
  return best?.file;
}

/** FNV-1a (32 bits) of a string's UTF-16 code units, as 8 hex digits: a file name, not a secret. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Sets a cache file's modification time to now, so that makeRoom keeps the caches still in use. */
function markUsed(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // a read-only cache directory: the cache still works, it is only evicted sooner
  }
}

/**
 * Deletes the least recently used cache files of `dir` (`.v8cache`, and `.tmp` files of writes that never
 * finished) until at most MAX_CACHE_FILES - 1 remain, so that `keep` (about to be written) fits. Other files in
 * the directory are not ours and are neither counted nor touched. Throws what `readdirSync` throws.
 */
export function makeRoom(dir: string, keep: string): void {
  const ours = readdirSync(dir).filter(
    (entry) => entry !== keep && (entry.endsWith('.v8cache') || entry.endsWith('.tmp')),
  );
  if (ours.length < MAX_CACHE_FILES) return;
  const aged: Array<{ file: string; mtime: number }> = [];
  for (const entry of ours) {
    const file = path.join(dir, entry);
    try {
      aged.push({ file, mtime: statSync(file).mtimeMs });
    } catch {
      // deleted meanwhile by another run
    }
  }
  aged.sort((a, b) => a.mtime - b.mtime);
  for (const { file } of aged.slice(0, aged.length - (MAX_CACHE_FILES - 1))) {
    try {
      unlinkSync(file);
    } catch {
      // deleted meanwhile by another run
    }
  }
}

// A cache is an optimisation: any failure to write it (read-only home, full disk) is ignored. The directory
// is the user's own (0700): a code cache is code.
function writeAtomically(file: string, data: Buffer): void {
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Bounded: the directory keeps the MAX_CACHE_FILES most recently used caches.
    if (!existsSync(file)) makeRoom(dir, path.basename(file));
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // no cache this time
  }
}
