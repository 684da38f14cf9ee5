#!/usr/bin/env node
'use strict';
// cdk8s.yaml's `app:` runner: `node scripts/run-app.cjs main.ts` runs a TypeScript cdk8s app the way
// `node --require tsx/cjs main.ts` does, but from one JavaScript file that esbuild bundled from the app's own
// sources and that is kept, with a V8 code cache, until one of those sources changes. Loading a hundred and
// fifty TypeScript modules one by one through a transpiling loader (resolve, read its cache, compile) took
// about as long as the synth itself; one cached bundle is read and compiled once (npm run bench:synth).
//
// What it keeps equal to running the sources directly:
// - Packages (bare imports such as `cdk8s`) are not bundled: they load from node_modules as usual, resolved
//   from the app's directory, so a changed or upgraded package is never stale.
// - The bundle is rebuilt when any bundled file, the list of names in a directory holding one (a file added
//   beside it can change how an import resolves), or a tsconfig.json / package.json on the way up from them changes (size, mtime,
//   ctime or inode), when esbuild, this runner or the Node.js major version changes.
// - `__dirname` and `__filename` in a bundled file name that file, not the bundle; `require.main === module`
//   holds in the app (as it does in every bundled file: they share one module).
// - Stack traces name the TypeScript sources (file:line:column): frames in the bundle are mapped through its
//   source map, read only when a stack trace is first formatted.
// - require.main, module.id/filename and process.mainModule name the entry file; `import.meta` is the file's
//   own { url, filename, dirname }; a run-time `require(variable)` / `require.resolve('./x')` resolves from the
//   source file that made it (tsx is registered then, so it may name a .ts file: a second copy of a module that
//   is also bundled).
// - Stamps of files changed since the build started are not trusted (racy-git style), so an edit during a
//   build, or twice within one tick of a coarse file-system clock, is never taken for the bundled content.
// Known differences that remain: `require('./dir/' + name)` (a string built inside the call) is bundled by
// esbuild as a glob of the files that exist, and needs the name with its extension, which tsx does not;
// top-level await is a compile error (tsx fails as well); circular imports follow ES module order in the bundle
// (CommonJS order under tsx); an uncaught error's first lines (Node's source excerpt) show the bundle's line.
// CDK8S_APP_NO_BUNDLE=1 runs the app through tsx instead (no bundle, no cache). The cache lives in
// node_modules/.cache/cdk8s-app/ of the nearest directory holding node_modules.

const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { Script } = require('node:vm');

/** Bumped when what the runner writes changes: a cache of another version is rebuilt. */
const RUNNER_VERSION = 1;

function fail(message) {
  process.stderr.write(`run-app: ${message}\n`);
  process.exit(1);
}

/**
 * What changes when a file's content changes: its size, mtime, ctime (which no tool can set back) and inode.
 * For a directory, the names it holds: its mtime also moves when a file comes and goes again (a synth stages
 * its output beside dist/), which changes no import.
 */
function stamp(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 'absent';
  if (stat.isDirectory()) return fs.readdirSync(file).sort().join('/');
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

/** FNV-1a (32 bits) of a string, as 8 hex digits: part of a directory name, not a secret. */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function readOptional(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

// A cache is an optimisation: a failure to write it (read-only tree, full disk) only costs the next run a
// rebuild. Written under a temporary name and renamed, so a concurrent run reads a whole file or none.
function writeAtomically(file, data) {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
    return true;
  } catch {
    return false;
  }
}

/** The nearest directory from `dir` upwards that holds node_modules (undefined if none). */
function projectRoot(dir) {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, 'node_modules'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

function cacheKey(entry, esbuildVersion) {
  return JSON.stringify({
    runner: RUNNER_VERSION,
    runnerFile: stamp(__filename),
    esbuild: esbuildVersion,
    node: process.versions.node.split('.')[0],
    entry,
  });
}

/** The files a tsconfig.json `extends` (relative or from a package), which esbuild reads as well. */
function extendedConfigs(config, seen = new Set()) {
  const text = readOptional(config);
  if (!text || seen.has(config)) return [...seen];
  seen.add(config);
  let parsed;
  try {
    // tsconfig.json is JSONC: drop comments (outside strings) and trailing commas.
    const json = text
      .toString('utf8')
      .replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_, string) => string ?? '')
      .replace(/,(\s*[}\]])/g, '$1');
    parsed = JSON.parse(json);
  } catch {
    return [...seen];
  }
  for (const target of [parsed?.extends ?? []].flat()) {
    if (typeof target !== 'string') continue;
    let file;
    try {
      const base = path.resolve(path.dirname(config), target);
      file =
        target.startsWith('.') || path.isAbsolute(target)
          ? fs.existsSync(base)
            ? base
            : `${base}.json`
          : require.resolve(target, { paths: [path.dirname(config)] });
    } catch {
      continue; // unresolvable: esbuild reports it (or ignores it), and the config itself is watched
    }
    extendedConfigs(file, seen);
  }
  return [...seen];
}

/** The files whose stamps decide freshness: the bundled inputs, their directories, and the configs above them. */
function watchedFiles(root, inputs) {
  const files = new Set(inputs);
  const dirs = new Set();
  for (const input of inputs) {
    for (let dir = path.dirname(input); !dirs.has(dir); dir = path.dirname(dir)) {
      dirs.add(dir);
      if (dir === root || path.dirname(dir) === dir) break;
    }
  }
  for (const dir of dirs) {
    files.add(dir);
    for (const config of extendedConfigs(path.join(dir, 'tsconfig.json'))) files.add(config);
    files.add(path.join(dir, 'tsconfig.json'));
    files.add(path.join(dir, 'jsconfig.json'));
    files.add(path.join(dir, 'package.json'));
  }
  return [...files].sort();
}

/** The cached bundle's path when its manifest matches `key` and every watched file is unchanged. */
function freshBundle(cacheDir, key) {
  const manifest = readOptional(path.join(cacheDir, 'manifest.json'));
  if (!manifest) return undefined;
  let parsed;
  try {
    parsed = JSON.parse(manifest.toString('utf8'));
  } catch {
    return undefined;
  }
  if (parsed.key !== key || typeof parsed.stamps !== 'object' || parsed.stamps === null) return undefined;
  if (typeof parsed.bundle !== 'string' || path.basename(parsed.bundle) !== parsed.bundle) return undefined;
  for (const [file, expected] of Object.entries(parsed.stamps))
    if (stamp(file) !== expected) return undefined;
  return path.join(cacheDir, parsed.bundle);
}

// esbuild replaces nothing in `__dirname`/`__filename`: in a bundle they would name the bundle. Each bundled
// file that uses one (and does not declare it itself) gets its own, holding its own path.
// `import.meta` (which esbuild empties in CommonJS output) becomes the file's own object, as tsx gives it.
const IDENTIFIER = /\b__(dirname|filename)\b|\bimport\.meta\b/;
const META = '__cdk8sAppImportMeta';
const LOADERS = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.cjs': 'js',
  '.mjs': 'js',
  '.jsx': 'jsx',
};
const ownPaths = {
  name: 'own-paths',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
      const text = fs.readFileSync(args.path, 'utf8');
      if (!IDENTIFIER.test(text)) return undefined;
      const declared = (name) => new RegExp(`\\b(const|let|var|function|class)\\s+${name}\\b`).test(text);
      const own = [];
      if (!declared('__dirname')) own.push(`__dirname = ${JSON.stringify(path.dirname(args.path))}`);
      if (!declared('__filename')) own.push(`__filename = ${JSON.stringify(args.path)}`);
      const url = require('node:url').pathToFileURL(args.path).href;
      const meta = { dirname: path.dirname(args.path), filename: args.path, url };
      if (/\bimport\.meta\b/.test(text)) own.push(`${META} = ${JSON.stringify(meta)}`);
      if (own.length === 0) return undefined;
      // On the first line (after a #! line), so that the source map's line numbers stay those of the file.
      const shebang = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
      const contents = `${text.slice(0, shebang)}const ${own.join(', ')}; ${text.slice(shebang)}`;
      return { contents, loader: LOADERS[path.extname(args.path)] ?? 'default' };
    });
  },
};

/**
 * Bundles `entry` into cacheDir/app-<build>.js (+ .map) and records what it was built from; exits with
 * esbuild's messages when the app does not compile; undefined when the cache directory cannot be written.
 * Every build has its own file names, named by the manifest (written last, by a rename): two runs that build
 * at once, or a run still executing an older bundle, never mix one build's bundle, map or code cache with
 * another's (V8 accepts a code cache for any source of the same length, so a mixed one ran stale code).
 */
async function build(esbuild, cacheDir, entry, root, key) {
  const id = `${Date.now().toString(36)}-${process.pid.toString(36)}`;
  const outfile = path.join(cacheDir, `app-${id}.js`);
  // The file system's clock at the start: a file changed since (during the build, or within the same tick of
  // a coarse clock) may have been read before its change with its stamp unchanged; its stamp is not trusted.
  const clock = path.join(cacheDir, `clock-${id}.tmp`);
  if (!writeAtomically(clock, '')) return undefined;
  const started = fs.statSync(clock).mtimeMs;
  fs.rmSync(clock, { force: true });
  let result;
  try {
    result = await esbuild.build({
      entryPoints: [entry],
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      sourcemap: 'external',
      sourcesContent: false,
      metafile: true,
      write: false,
      outfile,
      logLevel: 'silent',
      plugins: [ownPaths],
      define: { 'import.meta': META },
    });
  } catch (error) {
    if (!Array.isArray(error.errors) || error.errors.length === 0)
      fail(`esbuild failed (not a problem in the app; CDK8S_APP_NO_BUNDLE=1 skips it): ${error.message}`);
    const messages = esbuild.formatMessagesSync(error.errors, { kind: 'error', color: false }).join('');
    fail(`cannot compile ${path.relative(process.cwd(), entry) || entry}:\n${messages.trimEnd()}`);
  }
  for (const output of result.outputFiles)
    if (!writeAtomically(output.path, output.contents)) return undefined;
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes(':')) // esbuild's own namespaces, never files
    .map((input) => path.resolve(root, input));
  const stamps = {};
  for (const file of [...watchedFiles(root, inputs), outfile]) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    const racy = file !== outfile && stat && Math.max(stat.mtimeMs, stat.ctimeMs) >= started;
    stamps[file] = racy ? 'changed during the build' : stamp(file);
  }
  if (
    !writeAtomically(
      path.join(cacheDir, 'manifest.json'),
      JSON.stringify({ key, stamps, bundle: path.basename(outfile) }),
    )
  )
    return undefined;
  // Other builds' files go, unless recent: a run that started from one may still read its map or code cache.
  for (const old of fs.readdirSync(cacheDir)) {
    const file = path.join(cacheDir, old);
    if (old === 'manifest.json' || old.startsWith(`app-${id}.`)) continue;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > 10 * 60 * 1000) fs.rmSync(file, { force: true });
  }
  return outfile;
}

/**
 * Formats stack traces as Node does, with each frame in `bundleFile` mapped to its TypeScript source through
 * the bundle's source map (read on first use: a synth that formats no stack trace never reads it), and without
 * the runner's own frames. Returns the mapping of one frame: { source, line, column } or undefined.
 */
function mapStackTraces(bundleFile, wrapperLength) {
  let map;
  const sourceMap = () => {
    if (map === undefined) {
      const payload = readOptional(`${bundleFile}.map`);
      try {
        map = payload ? new Module.SourceMap(JSON.parse(payload.toString('utf8'))) : null;
      } catch {
        map = null;
      }
    }
    return map;
  };
  const original = (frame) => {
    if (frame.getFileName() !== bundleFile || sourceMap() === null) return undefined;
    const line = frame.getLineNumber();
    const column = frame.getColumnNumber();
    if (line === null || column === null) return undefined;
    const entry = map.findEntry(line - 1, line === 1 ? column - 1 - wrapperLength : column - 1);
    if (!entry || entry.originalSource === undefined) return undefined;
    const source = entry.originalSource.startsWith('file://')
      ? require('node:url').fileURLToPath(entry.originalSource)
      : path.resolve(path.dirname(bundleFile), entry.originalSource);
    return {
      source,
      at: `${bundleFile}:${line}:${column}`,
      line: entry.originalLine + 1,
      column: entry.originalColumn + 1,
    };
  };
  const frameText = (frame) => {
    const text = String(frame);
    const where = original(frame);
    return where ? text.replace(where.at, `${where.source}:${where.line}:${where.column}`) : text;
  };
  Error.prepareStackTrace = (error, frames) => {
    let head;
    try {
      head = Error.prototype.toString.call(error);
    } catch {
      head = '<error>';
    }
    const own = frames.findIndex((frame) => frame.getFileName() === __filename);
    const shown = own === -1 ? frames : frames.slice(0, own);
    return shown.length === 0 ? head : `${head}\n    at ${shown.map(frameText).join('\n    at ')}`;
  };
  return original;
}

/** The TypeScript source that called `fn` (a require function) from the bundle, or undefined. */
function callerSource(original, fn) {
  const saved = Error.prepareStackTrace;
  const holder = {};
  try {
    Error.prepareStackTrace = (_, frames) => frames;
    Error.captureStackTrace(holder, fn);
    for (const frame of holder.stack) {
      const where = original(frame);
      if (where) return where.source;
    }
  } finally {
    Error.prepareStackTrace = saved;
  }
  return undefined;
}

/** Runs the bundle as the main module, from the app's directory, with a V8 code cache beside it. */
function runBundle(bundleFile, entry) {
  const source = fs.readFileSync(bundleFile, 'utf8');
  const cacheFile = `${bundleFile}.${process.version}-${process.arch}.v8cache`;
  const cached = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : readOptional(cacheFile);
  const wrapped = Module.wrap(source);
  const original = mapStackTraces(bundleFile, wrapped.indexOf(source));
  const script = new Script(wrapped, { filename: bundleFile, cachedData: cached });
  // The main module as the app sees it (require.main, module.id, module.filename) is its entry file; packages
  // resolve from the app's directory, as they would for the unbundled app.
  const app = new Module('.', null);
  app.filename = entry;
  app.paths = Module._nodeModulePaths(path.dirname(entry));
  process.mainModule = app;
  // A request reaching require at run time that names a file (`require(computedPath)`, `require.resolve('./x')`:
  // esbuild bundles only literal ones) is resolved from the source file that made it, as unbundled, and may
  // name a TypeScript file: tsx is registered for it then (only then).
  let tsx = false;
  const requireFrom = (request, fn) => {
    if (!/^\.\.?(\/|\\|$)/.test(request)) return Module.createRequire(entry);
    if (!tsx) require(require.resolve('tsx/cjs/api', { paths: [path.dirname(entry), __dirname] })).register();
    tsx = true;
    return Module.createRequire(callerSource(original, fn) ?? entry);
  };
  const appRequire = (id) => (/^\.\.?(\/|\\|$)/.test(id) ? requireFrom(id, appRequire)(id) : app.require(id));
  appRequire.resolve = (request, options) =>
    requireFrom(request, appRequire.resolve).resolve(request, options);
  appRequire.resolve.paths = (request) => Module._resolveLookupPaths(request, app);
  appRequire.main = app;
  appRequire.cache = Module._cache;
  appRequire.extensions = Module._extensions;
  process.argv[1] = entry;
  script.runInThisContext().call(app.exports, app.exports, appRequire, app, entry, path.dirname(entry));
  app.loaded = true;
  // Written once after the app ran, so it holds the functions the synth compiled, not only the top level.
  if (!process.env.NODE_DISABLE_COMPILE_CACHE && (cached === undefined || script.cachedDataRejected)) {
    writeAtomically(cacheFile, script.createCachedData());
  }
}

function runWithTsx(entry) {
  require('tsx/cjs/api').register();
  process.argv[1] = entry;
  Module._load(entry, null, true);
}

/** esbuild's version, read from its package.json: loading esbuild itself is left to a rebuild. */
function esbuildVersion(root) {
  try {
    const file = require.resolve('esbuild/package.json', { paths: [root, __dirname] });
    return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  } catch {
    return undefined;
  }
}

async function main() {
  const [arg] = process.argv.slice(2);
  if (arg === undefined) fail('usage: node scripts/run-app.cjs <app.ts>');
  const entry = path.resolve(arg);
  if (!fs.statSync(entry, { throwIfNoEntry: false })?.isFile()) fail(`no such app file: ${arg}`);
  process.argv.splice(2, 1);
  const root = projectRoot(path.dirname(entry)) ?? path.dirname(entry);
  const version = process.env.CDK8S_APP_NO_BUNDLE ? undefined : esbuildVersion(root);
  // Without esbuild (dev dependencies not installed) the app still runs, unbundled.
  if (version === undefined) return runWithTsx(entry);
  // One cache per app file: two apps in one tree (or sharing node_modules through a link) never meet.
  const flat = entry.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-/, '');
  const name = flat.length <= 120 ? flat : `${fnv1a(entry)}-${flat.slice(-100)}`;
  const cacheDir = path.join(root, 'node_modules', '.cache', 'cdk8s-app', name);
  const key = cacheKey(entry, version);
  let bundle = freshBundle(cacheDir, key);
  if (bundle === undefined) {
    const esbuild = require(require.resolve('esbuild', { paths: [root, __dirname] }));
    bundle = await build(esbuild, cacheDir, entry, root, key);
  }
  if (bundle === undefined) return runWithTsx(entry); // no writable cache: run the sources
  return runBundle(bundle, entry);
}

main();
