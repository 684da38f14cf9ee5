import { spawnSync } from 'child_process';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..');

/**
 * `npm run build` (tsc, then the CLI bundles): the benchmarks measure the compiled package, as `npx
 * deckhouse-audit` and a library user run it. Throws with the build's output when it fails.
 */
export function buildLib(): void {
  const tsc = require.resolve('typescript/bin/tsc');
  for (const step of [[tsc, '-p', 'tsconfig.build.json'], ['scripts/bundle-cli.mjs']]) {
    const result = spawnSync(process.execPath, step, { cwd: REPO, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
  }
}
