import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildLib } from './build-lib';

// npm run bench (second part): how long `deckhouse-audit explain` and `validate` of one input take to start
// and answer, side by side with a bare `node -e 0` in the same run (issue 11: target ≤ 1.5×). The commands run
// interleaved, round after round, so a busy machine slows each of them alike; BENCH_HYPERFINE=1 uses hyperfine
// instead (wall and CPU time, but one command after the other). Builds lib/ first: the bin runs the compiled
// package, exactly as `npx deckhouse-audit` does.

const REPO = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 30);
const TARGET = 1.5;

const bin = path.join(REPO, 'bin/deckhouse-audit.js');
const policy = path.join(REPO, 'test/fixtures/cli/policy.yaml');
const secret = path.join(REPO, 'test/fixtures/cli/secret.yaml');
const COMMANDS: Array<{ label: string; argv: string[] }> = [
  { label: 'node -e 0 (anchor)', argv: ['-e', '0'] },
  { label: 'validate policy.yaml', argv: [bin, 'validate', policy] },
  { label: 'validate secret.yaml', argv: [bin, 'validate', secret] },
  {
    label: 'explain --deckhouse --url',
    argv: [
      bin,
      'explain',
      '--deckhouse',
      '--url',
      'GET /api/v1/namespaces/prod/pods/web-0/exec',
      '--user',
      'alice',
    ],
  },
  {
    label: 'explain --deckhouse --policy --url',
    argv: [
      bin,
      'explain',
      '--deckhouse',
      '--policy',
      policy,
      '--url',
      'GET /api/v1/namespaces/prod/pods/web-0/exec',
    ],
  },
  {
    label: 'explain --policy --kubectl',
    argv: [bin, 'explain', '--policy', policy, '--kubectl', 'get secrets -n prod'],
  },
];

interface Timing {
  label: string;
  wallMs: number;
  cpuMs?: number;
}

function hyperfineAvailable(): boolean {
  return spawnSync('hyperfine', ['--version'], { encoding: 'utf8' }).status === 0;
}

function withHyperfine(env: NodeJS.ProcessEnv): Timing[] {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'startup-bench-')), 'h.json');
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const commands = COMMANDS.map((c) => [process.execPath, ...c.argv].map(quote).join(' '));
  const run = spawnSync(
    'hyperfine',
    ['-N', '-i', '-w', '3', '-r', String(RUNS), '--export-json', out, ...commands],
    {
      cwd: REPO,
      encoding: 'utf8',
      env,
    },
  );
  if (run.status !== 0) throw new Error(`hyperfine failed:\n${run.stderr}`);
  const results = (
    JSON.parse(fs.readFileSync(out, 'utf8')) as {
      results: Array<{ median: number; user: number; system: number }>;
    }
  ).results;
  return results.map((r, i) => ({
    label: COMMANDS[i].label,
    wallMs: r.median * 1000,
    cpuMs: (r.user + r.system) * 1000,
  }));
}

/** The environment of one run: the same for every run, or made afresh for each (round i, command j). */
type RunEnv = NodeJS.ProcessEnv | ((i: number, j: number) => NodeJS.ProcessEnv);

function withNode(env: RunEnv, commands = COMMANDS): Timing[] {
  const samples = commands.map(() => [] as number[]);
  for (let i = 0; i < RUNS + 3; i++) {
    commands.forEach((c, j) => {
      const runEnv = typeof env === 'function' ? env(i, j) : env;
      const start = process.hrtime.bigint();
      spawnSync(process.execPath, c.argv, { cwd: REPO, stdio: 'ignore', env: runEnv });
      if (i >= 3) samples[j].push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return samples.map((s, j) => ({ label: commands[j].label, wallMs: median(s) }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

buildLib();
const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-bench-cache-'));
const noDirectory = path.join(cacheHome, 'a-file');
fs.writeFileSync(noDirectory, '');
// A Node other than the build's finds no seed it can use (the seed's name holds the build's Node version): a
// copy of the launcher and bundles without the seeds stands for that install. Each of its runs gets an empty
// cache directory of its own, so each compiles everything and then writes its cache, as a user's first run does.
const unseeded = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-bench-unseeded-'));
for (const dir of ['bin', 'lib/src/cli', 'lib/cli'])
  fs.mkdirSync(path.join(unseeded, dir), { recursive: true });
fs.copyFileSync(bin, path.join(unseeded, 'bin/deckhouse-audit.js'));
fs.copyFileSync(path.join(REPO, 'lib/src/cli/launch.js'), path.join(unseeded, 'lib/src/cli/launch.js'));
for (const entry of fs.readdirSync(path.join(REPO, 'lib/cli')).filter((e) => !e.endsWith('.v8cache')))
  fs.copyFileSync(path.join(REPO, 'lib/cli', entry), path.join(unseeded, 'lib/cli', entry));
fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(unseeded, 'node_modules'));
const unseededCommands = COMMANDS.map((c) => ({
  label: c.label,
  argv: c.argv.map((a) => (a === bin ? path.join(unseeded, 'bin/deckhouse-audit.js') : a)),
}));
const freshCache = (i: number, j: number): NodeJS.ProcessEnv => ({
  ...process.env,
  XDG_CACHE_HOME: fs.mkdtempSync(path.join(cacheHome, `fresh-${i}-${j}-`)),
});
const passes: Array<[string, RunEnv, typeof COMMANDS?]> = [
  [
    'with the code cache (every run after the first of a command)',
    { ...process.env, XDG_CACHE_HOME: cacheHome },
  ],
  [
    "on a first run (no user cache: the build's seed beside the bundle)",
    // A cache directory under a regular file can be neither read nor created: every run is a first run.
    { ...process.env, XDG_CACHE_HOME: path.join(noDirectory, 'cache') },
  ],
  [
    "on a first run on a Node other than the build's (no usable seed, an empty cache directory: the run compiles everything, then writes its cache)",
    freshCache,
    unseededCommands,
  ],
  [
    'without any code cache (NODE_DISABLE_COMPILE_CACHE=1: nothing read, nothing written)',
    { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' },
  ],
];
const useHyperfine = process.env.BENCH_HYPERFINE === '1' && hyperfineAvailable();
for (const [title, env, commands] of passes) {
  // hyperfine runs each command with one environment: the per-run fresh cache directories need our own loop.
  const hyperfine = useHyperfine && typeof env !== 'function' && commands === undefined;
  const tool = hyperfine ? 'hyperfine' : 'interleaved rounds';
  const timings = hyperfine ? withHyperfine(env) : withNode(env, commands);
  const [anchor] = timings;
  console.log(`\nCLI start-up ${title}, median of ${RUNS} runs (${tool}), target ≤ ${TARGET}× node -e 0:`);
  for (const t of timings) {
    const wall = `${t.wallMs.toFixed(1).padStart(7)} ms  ${(t.wallMs / anchor.wallMs).toFixed(2)}×`;
    const cpu =
      t.cpuMs !== undefined && anchor.cpuMs !== undefined
        ? `   cpu ${t.cpuMs.toFixed(1).padStart(7)} ms  ${(t.cpuMs / anchor.cpuMs).toFixed(2)}×`
        : '';
    console.log(`  ${t.label.padEnd(36)}${wall}${cpu}`);
  }
}
fs.rmSync(cacheHome, { recursive: true, force: true });
fs.rmSync(unseeded, { recursive: true, force: true });
