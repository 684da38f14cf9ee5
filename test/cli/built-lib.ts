import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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
  if (existsSync(main) && existsSync(FINGERPRINT) && readFileSync(FINGERPRINT, 'utf8') === fingerprint)
    return;
  // npm run build: tsc, then the CLI bundle.
  const tsc = require.resolve('typescript/bin/tsc');
  for (const step of [[tsc, '-p', 'tsconfig.build.json'], ['scripts/bundle-cli.mjs']]) {
    const build = spawnSync(process.execPath, step, { cwd: REPO, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  }
  writeFileSync(FINGERPRINT, fingerprint);
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
