import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// npm run bench:synth: wall time of `npx cdk8s synth` on the example app (main.ts) against its anchor, a
// trivial one-ConfigMap chart synthesized by the same tool chain (same cdk8s CLI, same cdk8s.yaml `app`
// runner), measured alternately in one run. Target: the example within 1.2x of the anchor.

const REPO = path.resolve(__dirname, '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const TARGET = 1.2;

function scratchApp(): string {
  const dir = path.join(REPO, '.bench', 'synth-trivial');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), fs.readFileSync(path.join(REPO, 'cdk8s.yaml'), 'utf8'));
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

function timeSynth(cwd: string): number {
  const start = process.hrtime.bigint();
  const run = spawnSync('npx', ['cdk8s', 'synth', '--check-upgrade=false'], { cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`cdk8s synth failed in ${cwd}:\n${run.stdout}\n${run.stderr}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const trivial = scratchApp();
  const example: number[] = [];
  const anchor: number[] = [];
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
  const ratio = median(example) / median(anchor);
  console.log(`npx cdk8s synth, ${ROUNDS} rounds, medians (same run, alternating):`);
  console.log(`  trivial one-ConfigMap chart (anchor)  ${median(anchor).toFixed(0)} ms`);
  console.log(`  the example app (main.ts)             ${median(example).toFixed(0)} ms`);
  console.log(`  ratio ${ratio.toFixed(2)}x (target <= ${TARGET}x): ${ratio <= TARGET ? 'met' : 'NOT met'}`);
}

main();
