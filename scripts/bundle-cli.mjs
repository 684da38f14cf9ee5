// npm run build, second step: bundles the compiled CLI (lib/src/cli/main.js and everything it loads, the `yaml`
// package included) into one file, lib/cli/deckhouse-audit.js, which the bin runs through src/cli/launch.ts.
// One file instead of a hundred modules, and a V8 code cache per command, are what make the CLI start within
// 1.5x of a bare `node -e 0` (npm run bench). Commands stay lazily initialised inside the bundle.
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(repo, 'lib/cli/deckhouse-audit.js');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));

buildSync({
  entryPoints: [join(repo, 'lib/src/cli/main.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: `node${pkg.engines.node.replace(/[^0-9.]/g, '').split('.')[0]}`,
  legalComments: 'eof',
  logLevel: 'warning',
});

// The launcher names its code cache by this hash (V8 itself checks a cache only against the source's length).
const hash = createHash('sha256').update(readFileSync(outfile)).digest('hex');
writeFileSync(`${outfile}.sha256`, `${hash}\n`);

// The bundle carries code of the runtime dependencies it inlines: ship their licences beside it.
const require = createRequire(import.meta.url);
mkdirSync(join(repo, 'lib/cli'), { recursive: true });
for (const dependency of ['yaml']) {
  const licence = join(dirname(require.resolve(`${dependency}/package.json`)), 'LICENSE');
  copyFileSync(licence, join(repo, `lib/cli/LICENSE.${dependency}`));
}
