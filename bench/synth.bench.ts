import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// npm run bench:synth: wall time of `npx cdk8s synth` on the example app (main.ts) against its anchor, a
// trivial one-ConfigMap chart synthesized by the same tool chain (same cdk8s CLI, same cdk8s.yaml `app`
// runner), measured alternately in one run. Target: the example within 1.2x of the anchor.
// On Linux the CPU time of each run (npx, the CLI and the app, from /proc/self/stat) is shown beside it:
// on a loaded machine the wall ratio moves with the load, the CPU ratio much less.

const REPO = path.resolve(__dirname, '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const TARGET = 1.2;

// cdk8s.yaml names its app runner relative to the repository; the scratch app runs the same file.
function withRunnerPath(config: string): string {
  return config.replace('scripts/run-app.cjs', path.join(REPO, 'scripts', 'run-app.cjs'));
}

function scratchApp(): string {
  const dir = path.join(REPO, '.bench', 'synth-trivial');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'cdk8s.yaml'),
    withRunnerPath(fs.readFileSync(path.join(REPO, 'cdk8s.yaml'), 'utf8')),
  );
  fs.writeFileSync(
    path.join(dir, 'main.ts'),
    `import { ApiObject, App, Chart } from 'cdk8s';
const app = new App();
new ApiObject(new Chart(app, 'trivial'), 'cm', {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'trivial' },
  data: { a: 'b' },
});
app.synth();
`,
  );
  const modules = path.join(dir, 'node_modules');
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(REPO, 'node_modules'), modules, 'dir');
  return dir;
}

// User + system CPU seconds of this process's waited-for children (and theirs), or undefined off Linux.
function childrenCpu(): number | undefined {
  try {
    // proc(5): after the command name (in parentheses, may hold spaces) come state ... utime stime cutime
    // cstime: cutime and cstime are fields 16 and 17, the 14th and 15th after the name.
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // clock ticks: USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

interface Sample {
  readonly ms: number;
  readonly cpu?: number;
}

function timeSynth(cwd: string): Sample {
  const cpuBefore = childrenCpu();
  const start = process.hrtime.bigint();
  const run = spawnSync('npx', ['cdk8s', 'synth', '--check-upgrade=false'], { cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuAfter = childrenCpu();
  if (run.status !== 0) throw new Error(`cdk8s synth failed in ${cwd}:\n${run.stdout}\n${run.stderr}`);
  return { ms, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const trivial = scratchApp();
  const example: Sample[] = [];
  const anchor: Sample[] = [];
  const load = os.loadavg()[0];
  timeSynth(REPO); // warm the tsx cache and the file system
  timeSynth(trivial);
  for (let i = 0; i < ROUNDS; i++) {
    // Alternate the order so that a slow phase of the machine hits both sides alike.
    if (i % 2 === 0) {
      example.push(timeSynth(REPO));
      anchor.push(timeSynth(trivial));
    } else {
      anchor.push(timeSynth(trivial));
      example.push(timeSynth(REPO));
    }
  }
  const wall = (samples: Sample[]) => median(samples.map((s) => s.ms));
  const cpu = (samples: Sample[]) =>
    samples.every((s) => s.cpu !== undefined) ? median(samples.map((s) => s.cpu as number)) : undefined;
  const ratio = wall(example) / wall(anchor);
  const cpuAnchor = cpu(anchor);
  const cpuExample = cpu(example);
  const cpuText = (seconds: number | undefined) =>
    seconds === undefined ? '' : `  (CPU ${(seconds * 1000).toFixed(0)} ms)`;
  console.log(
    `npx cdk8s synth, ${ROUNDS} rounds, medians (same run, alternating), ${os.cpus().length} cores, ` +
      `load average ${load.toFixed(1)} -> ${os.loadavg()[0].toFixed(1)}:`,
  );
  console.log(`  trivial one-ConfigMap chart (anchor)  ${wall(anchor).toFixed(0)} ms${cpuText(cpuAnchor)}`);
  console.log(`  the example app (main.ts)             ${wall(example).toFixed(0)} ms${cpuText(cpuExample)}`);
  console.log(`  ratio ${ratio.toFixed(2)}x (target <= ${TARGET}x): ${ratio <= TARGET ? 'met' : 'NOT met'}`);
  if (cpuAnchor !== undefined && cpuExample !== undefined && cpuAnchor > 0)
    console.log(`  CPU time ratio ${(cpuExample / cpuAnchor).toFixed(2)}x`);
}

main();
