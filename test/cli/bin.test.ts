import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type * as Launch from '../../src/cli/launch';
import {
  CACHED_COMMANDS,
  COMMAND_BUNDLES,
  MAX_CACHE_FILES,
  REFRESH_RUNS,
  seedCacheFile,
} from '../../src/cli/launch';
import { COMMANDS } from '../../src/cli/main';
import { ensureBuiltLib } from './built-lib';
import { REPO, fixture, json, runBin } from './helpers';

// These tests run the package's real bin (`node bin/deckhouse-audit.js`) in a child process, against lib/ as
// `npm run build` (and `npm ci`, through `prepare`) produces it. lib/ is rebuilt only when the sources changed
// since the last build (ensureBuiltLib); behaviour that needs no child process is tested in-process.
const F = fixture;
const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string })
  .version;

beforeAll(() => {
  ensureBuiltLib();
  // The bin keeps its code cache in the user's cache directory: keep the tests' runs out of $HOME.
  process.env.XDG_CACHE_HOME = mkdtempSync(path.join(tmpdir(), 'deckhouse-audit-bin-test-'));
}, 120_000);

describe('the deckhouse-audit bin', () => {
  test('the module the bin requires is what the build emits', () => {
    const bin = readFileSync(path.join(REPO, 'bin/deckhouse-audit.js'), 'utf8');
    const target = /require\(['"]([^'"]+)['"]\)/.exec(bin)?.[1];
    expect(target).toBeDefined();
    const resolved = path.resolve(REPO, 'bin', target!);
    // tsconfig.build.json decides where src/cli/main.ts lands (lib/cli/ with rootDir src, lib/src/cli/ with rootDir .).
    expect({ requires: path.relative(REPO, resolved), exists: existsSync(resolved) }).toEqual({
      requires: path.relative(REPO, resolved),
      exists: true,
    });
  });

  test('src/cli/main.ts run as a script (npx tsx, from a checkout) is the CLI, not a silent exit 0', () => {
    const tsx = path.join(REPO, 'node_modules/.bin/tsx');
    const main = path.join(REPO, 'src/cli/main.ts');
    const version = spawnSync(tsx, [main, '--version'], { encoding: 'utf8' });
    expect({ code: version.status, stdout: version.stdout }).toEqual({ code: 0, stdout: `${VERSION}\n` });
    const empty = path.join(mkdtempSync(path.join(tmpdir(), 'deckhouse-audit-main-')), 'empty.log');
    writeFileSync(empty, '');
    const r = spawnSync(tsx, [main, 'simulate', '--deckhouse', empty], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the input is empty');
  });

  test('an unbuilt checkout (no lib/) gets one line naming the build command, not a module-not-found trace', () => {
    const checkout = mkdtempSync(path.join(tmpdir(), 'deckhouse-audit-unbuilt-'));
    mkdirSync(path.join(checkout, 'bin'));
    const bin = path.join(checkout, 'bin/deckhouse-audit.js');
    writeFileSync(bin, readFileSync(path.join(REPO, 'bin/deckhouse-audit.js')));
    const r = spawnSync(process.execPath, [bin, 'validate', 'policy.yaml'], { encoding: 'utf8' });
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `deckhouse-audit: the CLI is not built: ${checkout}/lib/src/cli/launch.js is missing. ` +
        `Fix: run \`npm run build\` in ${checkout}\n`,
    });
  });

  test('--version prints the package version; --help lists every command', () => {
    expect(runBin(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const help = runBin(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['validate', 'explain', 'lint', 'simulate', 'diff']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    }
    const commandHelp = runBin(['simulate', '--help']);
    expect(commandHelp.code).toBe(0);
    expect(commandHelp.stdout).toMatch(/^Usage: deckhouse-audit simulate /);
    expect(commandHelp.stdout).toContain('--max-size-mb MB');
  });

  test('no command, an unknown command or option: usage on stderr, exit 2', () => {
    const none = runBin([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^Usage: deckhouse-audit <command>/);
    const unknown = runBin(['frobnicate']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(
      /^deckhouse-audit: unknown command 'frobnicate'\nusage: deckhouse-audit <command> \[options\]\n/,
    );
    const option = runBin(['validate', '--frobnicate', F('policy.yaml')]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("deckhouse-audit validate: Unknown option '--frobnicate'\n");
    const typo = runBin(['lint', '--deckhous']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(
      "deckhouse-audit lint: Unknown option '--deckhous'; did you mean --deckhouse?\n",
    );
    expect(runBin(['explain', '--kubernetes-versoin', '1.33']).stderr).toContain(
      'did you mean --kubernetes-version?',
    );
    const json = runBin(['lint', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { kind: 'usage' } });
  });

  test('validate: errors as file:line:column with fixes, exit 1; a Secret manifest on stdin, exit 0', () => {
    const bad = runBin(['validate', 'test/fixtures/cli/invalid-policy.yaml']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      /^test\/fixtures\/cli\/invalid-policy\.yaml:8:12: rules\[1\]\.level: Unsupported value: "Everything"/,
    );
    expect(bad.stdout).toMatch(/\n {4}fix: /);
    const secret = runBin(['validate', '-'], { stdin: readFileSync(F('secret.yaml')) });
    expect(secret).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^-\[data\.audit-policy\.yaml\]: OK \(5 rules, /),
      stderr: '',
    });
    const missing = runBin(['validate', 'nope.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe(`nope.yaml: no such file\n    fix: check the path (relative to ${REPO})\n`);
  });

  test('explain --deckhouse --policy --url: the journey of the security engineer', () => {
    const run = runBin([
      'explain',
      '--deckhouse',
      '--policy',
      'test/fixtures/cli/secret.yaml',
      '--url',
      'GET /api/v1/namespaces/prod/pods/web-0/exec?command=sh',
      '--user',
      'alice',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const doc = JSON.parse(run.stdout);
    expect(doc.decision.level).toBe('Request');
    expect(doc.origin).toEqual({ layer: 'custom', index: 0 });
    expect(doc.location).toBe('test/fixtures/cli/secret.yaml[data.audit-policy.yaml]:7:5');
  });

  test('lint --json: findings with locations, exit 1 on an error', () => {
    const run = runBin(['lint', '--json', 'test/fixtures/cli/sensitive-policy.yaml']);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.findings[0]).toMatchObject({
      code: 'sensitive-body',
      severity: 'error',
      location: 'test/fixtures/cli/sensitive-policy.yaml:8:5',
    });
  });

  test('simulate a .gz log with --json', () => {
    const run = runBin(['simulate', '--policy', F('policy.yaml'), '--json', F('audit.log.gz')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(''); // not a terminal: no progress bar
    const r = JSON.parse(run.stdout);
    expect(r).toMatchObject({ events: 8, unmatched: 0, imagesWithoutDigest: 1 });
    expect(r.written.byLevel).toEqual({ Metadata: 4, Request: 1, RequestResponse: 1 });
    expect(r.retention).toMatchObject({ hours: 720, limitedBy: 'age' });
    expect(r.sources[0]).toMatchObject({ gzip: true });
  });

  test('diff --format markdown for a pull-request comment', () => {
    const run = runBin([
      'diff',
      '--deckhouse',
      '--policy',
      F('policy.yaml'),
      '--policy',
      F('sensitive-policy.yaml'),
      '--format',
      'markdown',
      F('audit.log'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^### Audit policy change: .*1 new lint error\n/);
  });

  test('the bundled CLI runs with a code cache per command in the user cache directory; a bad cache is replaced', () => {
    const cacheHome = mkdtempSync(path.join(tmpdir(), 'deckhouse-audit-cache-'));
    const run = (argv: string[], env: Record<string, string> = {}) => {
      const r = spawnSync(process.execPath, [path.join(REPO, 'bin/deckhouse-audit.js'), ...argv], {
        cwd: REPO,
        encoding: 'utf8',
        env: { ...process.env, XDG_CACHE_HOME: cacheHome, ...env },
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const caches = () => readdirSync(path.join(cacheHome, 'deckhouse-audit')).sort();
    const validate = ['validate', 'test/fixtures/cli/policy.yaml'];
    const expected = {
      code: 0,
      stdout: 'test/fixtures/cli/policy.yaml: OK (5 rules, Kubernetes 1.32)\n',
      stderr: '',
    };
    // Help and usage errors compile little of a command: they leave no cache behind.
    expect(run(['validate', '--help']).code).toBe(0);
    expect(run(['frobnicate']).code).toBe(2);
    expect(existsSync(path.join(cacheHome, 'deckhouse-audit'))).toBe(false);
    expect(run(validate)).toEqual(expected);
    expect(caches()).toEqual([
      expect.stringMatching(/^[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+-validate-[0-9a-f]{8}\.v8cache$/),
    ]);
    expect(run(validate)).toEqual(expected); // from the cache
    expect(run(['lint', '--deckhouse', '--json']).code).toBe(0);
    expect(run(['--version']).code).toBe(0); // not a command: the shared cache
    expect(run(['lint', '--json', '--deckhouse']).code).toBe(0); // the same option set: the same cache
    expect(run(['lint', 'test/fixtures/cli/sensitive-policy.yaml']).code).toBe(1); // findings: a real run
    expect(
      caches()
        .map((c) => c.replace(/^.*-v\d+\.\d+\.\d+-\w+-/, '').replace(/-[0-9a-f]{8}\./, '.'))
        .sort(),
    ).toEqual(['lint.v8cache', 'lint.v8cache', 'other.v8cache', 'validate.v8cache']);
    // A corrupt cache is rejected by V8: the run still answers, and the cache is written anew.
    const validateCache = path.join(
      cacheHome,
      'deckhouse-audit',
      caches().find((c) => /-validate-[0-9a-f]{8}\.v8cache$/.test(c))!,
    );
    writeFileSync(validateCache, 'not a code cache');
    expect(run(validate)).toEqual(expected);
    expect(readFileSync(validateCache).length).toBeGreaterThan(1000);
    expect(readFileSync(validateCache)[0]).toBe(1); // a fresh cache: written by one run
    // The first REFRESH_RUNS real runs refresh it (what they loaded plus what they compiled), then it stays.
    for (let i = 0; i < REFRESH_RUNS + 2; i++) expect(run(validate)).toEqual(expected);
    expect(readFileSync(validateCache)[0]).toBe(REFRESH_RUNS);
    // NODE_DISABLE_COMPILE_CACHE (Node's own switch) turns it off.
    const off = mkdtempSync(path.join(tmpdir(), 'deckhouse-audit-nocache-'));
    expect(run(validate, { XDG_CACHE_HOME: off, NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual(expected);
    expect(existsSync(path.join(off, 'deckhouse-audit'))).toBe(false);
  });

  test('the build leaves a seed code cache beside each command bundle, which V8 accepts for this Node', () => {
    for (const command of COMMAND_BUNDLES) {
      const bundleFile = path.join(REPO, 'lib/cli', `${command}.js`);
      const hash = readFileSync(`${bundleFile}.sha256`, 'utf8').trim().slice(0, 16);
      const seed = seedCacheFile(bundleFile, hash);
      expect(path.basename(seed)).toBe(`${command}.js.${hash}-${process.version}-${process.arch}.v8cache`);
      // Compiled in a plain node process, as the bin compiles it: rejected data would be silently ignored.
      const check = spawnSync(
        process.execPath,
        [
          '-e',
          `const fs = require('fs'), vm = require('vm'), Module = require('module');
           const [file, seed] = process.argv.slice(1);
           const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), {
             filename: file, cachedData: fs.readFileSync(seed).subarray(1) });
           process.stdout.write(String(script.cachedDataRejected));`,
          bundleFile,
          seed,
        ],
        { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
      );
      expect({ command, rejected: check.stdout, stderr: check.stderr }).toEqual({
        command,
        rejected: 'false',
        stderr: '',
      });
    }
    // A run with an empty cache directory (the seed's first use) answers as any other and writes the user cache.
    const cacheHome = mkdtempSync(path.join(tmpdir(), 'deckhouse-audit-seeded-'));
    const r = spawnSync(
      process.execPath,
      [path.join(REPO, 'bin/deckhouse-audit.js'), 'validate', 'test/fixtures/cli/policy.yaml'],
      { cwd: REPO, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } },
    );
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 0,
      stdout: 'test/fixtures/cli/policy.yaml: OK (5 rules, Kubernetes 1.32)\n',
      stderr: '',
    });
    const written = readdirSync(path.join(cacheHome, 'deckhouse-audit'));
    expect(written).toEqual([expect.stringMatching(/-validate-[0-9a-f]{8}\.v8cache$/)]);
    // The seed V8 accepted becomes the user's cache as it is (generation 0), without serializing anew ...
    const bundleFile = path.join(REPO, 'lib/cli/validate.js');
    const seed = readFileSync(
      seedCacheFile(bundleFile, readFileSync(`${bundleFile}.sha256`, 'utf8').slice(0, 16)),
    );
    const userCache = path.join(cacheHome, 'deckhouse-audit', written[0]);
    expect(readFileSync(userCache)[0]).toBe(0);
    expect(readFileSync(userCache).subarray(1).equals(seed.subarray(1))).toBe(true);
    // ... and the next run refreshes it with what it compiled.
    spawnSync(
      process.execPath,
      [path.join(REPO, 'bin/deckhouse-audit.js'), 'validate', 'test/fixtures/cli/policy.yaml'],
      { cwd: REPO, env: { ...process.env, XDG_CACHE_HOME: cacheHome } },
    );
    expect(readFileSync(userCache)[0]).toBe(1);
  });

  test('a full cache directory loses its least recently used caches, not the new build its cache', () => {
    // Each build, Node version and option set adds a file: after some upgrades the directory is full, and the
    // current build's commands must still get their caches (they once stopped at the cap and never got one).
    const cacheHome = mkdtempSync(path.join(tmpdir(), 'deckhouse-audit-full-cache-'));
    const dir = path.join(cacheHome, 'deckhouse-audit');
    mkdirSync(dir);
    const day = 86_400;
    const old = Date.now() / 1000 - 30 * day;
    const stale = Array.from({ length: MAX_CACHE_FILES }, (_, i) => {
      const name = `${i.toString(16).padStart(16, '0')}-v20.0.0-x64-explain-00000000.v8cache`;
      writeFileSync(path.join(dir, name), 'an older build');
      utimesSync(path.join(dir, name), old + i * day, old + i * day); // file 0 is the least recently used
      return name;
    });
    writeFileSync(path.join(dir, 'README'), 'not a cache'); // not ours: neither counted nor deleted
    const run = () =>
      spawnSync(process.execPath, [path.join(REPO, 'bin/deckhouse-audit.js'), 'validate', F('policy.yaml')], {
        encoding: 'utf8',
        env: { ...process.env, XDG_CACHE_HOME: cacheHome },
      }).status;
    expect(run()).toBe(0);
    const after = readdirSync(dir);
    const fresh = after.filter((f) => !stale.includes(f) && f !== 'README');
    expect(fresh).toEqual([expect.stringMatching(/-validate-[0-9a-f]{8}\.v8cache$/)]);
    expect(after.filter((f) => f.endsWith('.v8cache'))).toHaveLength(MAX_CACHE_FILES);
    expect(after).not.toContain(stale[0]);
    expect(after).toContain(stale[1]);
    expect(after).toContain('README');
    // A run that uses a cache without rewriting it marks it used, so the caches in use are the ones kept.
    const cache = path.join(dir, fresh[0]!);
    for (let i = 0; i < REFRESH_RUNS; i++) expect(run()).toBe(0); // the refresh runs rewrite it
    utimesSync(cache, old, old);
    expect(run()).toBe(0);
    expect(statSync(cache).mtimeMs).toBeGreaterThan(Date.now() - day * 1000);
  });

  test('validate, explain and lint run from bundles of their own, without the replay engine', async () => {
    // The compiled launcher: where it looks for bundles is relative to lib/src/cli.
    const { BUNDLE, bundleFor } = (await import(path.join(REPO, 'lib/src/cli/launch.js'))) as typeof Launch;
    for (const command of COMMAND_BUNDLES) {
      expect(bundleFor([command, '--json'])).toBe(path.join(REPO, `lib/cli/${command}.js`));
      const own = readFileSync(path.join(REPO, `lib/cli/${command}.js`), 'utf8');
      // The command's own definition (the bundles are minified: no space after the colon).
      expect(own).toContain(`name:"${command}"`);
      // One byte per character for V8, and 30% less to read and compile than the unminified build.
      expect(own).not.toMatch(/[\u0080-\uffff]/);
      expect(own.split('\n').length).toBeLessThan(own.length / 1000);
      expect(own).not.toContain('src/replay/accumulator');
      expect(own.length).toBeLessThan(readFileSync(BUNDLE, 'utf8').length * 0.8);
    }
    for (const argv of [['simulate'], ['diff'], ['--help'], ['help', 'explain'], []]) {
      expect(bundleFor(argv)).toBe(BUNDLE);
    }
    // The help of every command still comes from the whole CLI.
    const help = runBin(['--help']);
    expect(help.code).toBe(0);
    for (const c of COMMANDS) expect(help.stdout).toContain(`  ${c.name}`);
  });

  test('simulate on the installed bin uses worker threads, with the report of one thread', () => {
    const log = path.join(REPO, 'test/fixtures/replay/deckhouse.log');
    const run = (jobs: string) => {
      const r = runBin(['simulate', '--deckhouse', '--json', '--jobs', jobs, log]);
      expect(r.code).toBe(0);
      return json<{ sources: Array<{ threads: number }> }>(r);
    };
    const one = run('1');
    const two = run('2');
    // The worker script ships beside the bundle (lib/cli/replay-worker.js): without it the bin fell back to
    // one thread whatever --jobs said.
    expect(two.sources[0].threads).toBe(2);
    expect(one.sources[0].threads).toBe(1);
    expect({ ...two, sources: [] }).toEqual({ ...one, sources: [] });
  });

  test('inputs that are not regular files: a directory, a pipe as /dev/stdin, a FIFO', () => {
    // validate reports each file on stdout, a refused one too.
    expect(runBin(['validate', path.join(REPO, 'test')])).toEqual({
      code: 1,
      stdout: `${path.join(REPO, 'test')}: is a directory, expected a policy file\n    fix: name a policy file inside it\n`,
      stderr: '',
    });
    // A shell pipe (spawnSync's own stdin is a socket, which /dev/stdin cannot open).
    const bin = path.join(REPO, 'bin/deckhouse-audit.js');
    const piped = spawnSync(
      'sh',
      ['-c', 'cat "$1" | "$2" "$3" validate /dev/stdin', 'sh', F('policy.yaml'), process.execPath, bin],
      {
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect({ code: piped.status, stdout: piped.stdout, stderr: piped.stderr }).toEqual({
      code: 0,
      stdout: '/dev/stdin: OK (5 rules, Kubernetes 1.32)\n',
      stderr: '',
    });
    const fifo = path.join(mkdtempSync(path.join(tmpdir(), 'bin-fifo-')), 'policy.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const run = spawnSync(
      'sh',
      ['-c', 'cat "$1" > "$2" & exec "$3" "$4" explain --policy "$2" --url "GET /api/v1/pods"', 'sh'].concat([
        F('policy.yaml'),
        fifo,
        process.execPath,
        bin,
      ]),
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect({ code: run.status, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    expect(run.stdout).toContain(`Policy:  ${fifo}`);
  });

  test('no bundle keeps a dynamic import(): the launcher runs bundles without a module loader', () => {
    for (const file of readdirSync(path.join(REPO, 'lib/cli')).filter((f) => f.endsWith('.js'))) {
      expect({
        file,
        imports: readFileSync(path.join(REPO, 'lib/cli', file), 'utf8').match(/\bimport\(/g),
      }).toEqual({
        file,
        imports: null,
      });
    }
  });

  test('every command has a code cache of its own', () => {
    expect(CACHED_COMMANDS).toEqual(COMMANDS.map((c) => c.name));
  });

  test('the bundle is the build of the CLI, with the licence of the code it inlines', () => {
    const bundle = readFileSync(path.join(REPO, 'lib/cli/deckhouse-audit.js'), 'utf8');
    expect(bundle).toContain('node_modules/yaml/');
    expect(bundle).not.toMatch(/node_modules\/(ajv|cdk8s|constructs)\//);
    expect(readFileSync(path.join(REPO, 'lib/cli/LICENSE.yaml'), 'utf8')).toMatch(/^Copyright Eemeli Aro/);
  });
});
