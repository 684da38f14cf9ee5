import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO } from './helpers';

// What the compiled lib/ is built from (tsconfig.build.json's include, the configs it reads, the bundler).
const INPUTS = [
  'src',
  'imports',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'scripts/bundle-cli.mjs',
];
const FINGERPRINT = path.join(REPO, 'lib/.build-fingerprint');

/**
 * Makes sure lib/ is the build of the current sources, building it only when they changed since the last
 * build this function made (a content hash of the inputs is kept in lib/), so the bin tests reuse one build
 * across runs instead of compiling the package every time.
 */
export function ensureBuiltLib(): void {
  const fingerprint = inputsFingerprint();
  const main = path.join(REPO, 'lib/cli/deckhouse-audit.js');
  const fresh = () =>
    existsSync(main) && existsSync(FINGERPRINT) && readFileSync(FINGERPRINT, 'utf8') === fingerprint;
  if (fresh()) return;
  // Jest runs test files in parallel workers: one builds while the others wait for it (mkdir is atomic),
  // so two builds never write lib/ at the same time.
  const deadline = Date.now() + 5 * 60_000;
  while (!tryLock()) {
    if (Date.now() > deadline) throw new Error(`lib/ build lock ${LOCK} held for 5 minutes: remove it`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
  try {
    if (fresh()) return; // built by the worker that held the lock
    // npm run build: tsc, then the CLI bundle.
    const tsc = require.resolve('typescript/bin/tsc');
    for (const step of [[tsc, '-p', 'tsconfig.build.json'], ['scripts/bundle-cli.mjs']]) {
      const build = spawnSync(process.execPath, step, { cwd: REPO, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
    }
    writeFileSync(FINGERPRINT, fingerprint);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

const LOCK = path.join(REPO, '.lib-build-lock');

function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch (error) {
    // A lock left by a killed run (older than a build can take) is stale.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (Date.now() - statSync(LOCK).mtimeMs > 10 * 60_000) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

function inputsFingerprint(): string {
  const hash = createHash('sha256');
  const visit = (relative: string) => {
    const full = path.join(REPO, relative);
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) visit(path.join(relative, entry));
    } else {
      hash.update(`${relative}\0${readFileSync(full).length}\0`).update(readFileSync(full));
    }
  };
  for (const input of INPUTS) if (existsSync(path.join(REPO, input))) visit(input);
  return hash.digest('hex');
}
