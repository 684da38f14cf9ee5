// npm run build, second step: bundles the CLI (src/cli/main.ts and everything it loads, the `yaml` package
// included; esbuild compiles the TypeScript, which tsconfig's isolatedModules keeps equivalent to tsc's output
// in lib/src) into one file, lib/cli/deckhouse-audit.js, which the bin runs through src/cli/launch.ts;
// and each command of launch.ts's COMMAND_BUNDLES into a file of its own, lib/cli/<command>.js, in which the
// other commands are stubs. One file instead of a hundred modules, no code of other commands to pre-parse,
// and a V8 code cache per command are what make the CLI start within 1.5x of a bare `node -e 0`
// (npm run bench). Commands stay lazily initialised inside a bundle.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const main = join(repo, 'src/cli/main.ts');
const { COMMANDS } = require(join(repo, 'lib/src/cli/main.js'));
const { COMMAND_BUNDLES } = require(join(repo, 'lib/src/cli/launch.js'));
const commands = COMMANDS.map((c) => c.name);
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: `node${pkg.engines.node.replace(/[^0-9.]/g, '').split('.')[0]}`,
  legalComments: 'eof',
  logLevel: 'warning',
  // Start-up reads and compiles the whole file: without comments and indentation it is 30% smaller, which
  // saves about 9 ms of every `explain` (npm run bench). Names stay, so a stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  // Non-ASCII characters become escapes, so V8 holds the source as one byte per character.
  charset: 'ascii',
};

/** Bundles main.js into `outfile`; with `only`, every other command module is a stub that says so. */
async function bundle(outfile, only) {
  const plugins = only
    ? [
        {
          name: 'one-command',
          setup(b) {
            b.onResolve({ filter: /^\.\/commands\/[a-z-]+$/ }, (args) => {
              const name = basename(args.path);
              if (args.importer !== main || name === only || !commands.includes(name)) return undefined;
              return { path: name, namespace: 'other-command' };
            });
            // The launcher runs this bundle only for `only`, so main.ts never loads another command here.
            b.onLoad({ filter: /.*/, namespace: 'other-command' }, (args) => ({
              contents: `throw new Error(${JSON.stringify(`the ${only} bundle has no '${args.path}' command`)});\n`,
              loader: 'js',
            }));
          },
        },
      ]
    : [];
  await build({ ...common, entryPoints: [main], outfile, plugins });
  // A single non-ASCII character (a legal comment kept at the end) would double the source in memory.
  const nonAscii = /[\u0080-\uffff]/.exec(readFileSync(outfile, 'latin1'));
  if (nonAscii) throw new Error(`${outfile}: non-ASCII byte at offset ${nonAscii.index}`);
  // The launcher names its code cache by this hash (V8 itself checks a cache only against the source's length).
  const hash = createHash('sha256').update(readFileSync(outfile)).digest('hex');
  writeFileSync(`${outfile}.sha256`, `${hash}\n`);
}

mkdirSync(join(repo, 'lib/cli'), { recursive: true });
await bundle(join(repo, 'lib/cli/deckhouse-audit.js'));
// simulate's worker threads run replay-worker.js from beside the module that starts them, which in the bundle
// is lib/cli/ (src/replay/parallel.ts): without this file the bundled CLI would always read on one thread.
await build({
  ...common,
  entryPoints: [join(repo, 'src/replay/replay-worker.ts')],
  outfile: join(repo, 'lib/cli/replay-worker.js'),
});
for (const command of COMMAND_BUNDLES) {
  if (!commands.includes(command)) throw new Error(`COMMAND_BUNDLES names '${command}', not a command`);
  await bundle(join(repo, `lib/cli/${command}.js`), command);
}

// The bundles carry code of the runtime dependencies they inline: ship their licences beside them.
for (const dependency of ['yaml']) {
  const licence = join(dirname(require.resolve(`${dependency}/package.json`)), 'LICENSE');
  copyFileSync(licence, join(repo, `lib/cli/LICENSE.${dependency}`));
}
