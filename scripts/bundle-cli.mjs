// npm run build, second step: bundles the CLI (src/cli/main.ts and everything it loads, the `yaml` package
// included; esbuild compiles the TypeScript, which tsconfig's isolatedModules keeps equivalent to tsc's output
// in lib/src) into one file, lib/cli/deckhouse-audit.js, which the bin runs through src/cli/launch.ts;
// and each command of launch.ts's COMMAND_BUNDLES into a file of its own, lib/cli/<command>.js, in which the
// other commands are stubs. One file instead of a hundred modules, no code of other commands to pre-parse,
// and a V8 code cache per command are what make the CLI start within 1.5x of a bare `node -e 0`
// (npm run bench). Commands stay lazily initialised inside a bundle.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { Buffer } from 'node:buffer';
import { tmpdir } from 'node:os';
import process from 'node:process';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const main = join(repo, 'src/cli/main.ts');
const { COMMANDS } = require(join(repo, 'lib/src/cli/main.js'));
const { COMMAND_BUNDLES, seedCacheFile } = require(join(repo, 'lib/src/cli/launch.js'));
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

// Seed code caches (src/cli/launch.ts, seedCacheFile): each command bundle run on sample inputs through the bin,
// in a cache directory of its own, and the largest cache it left kept beside the bundle. A first run then
// deserializes what these runs compiled instead of pre-parsing the whole bundle and compiling every function
// it calls (npm run bench: the first-run pass). The samples are written here, not taken from test fixtures, so
// that the packed package's seeds do not depend on files it does not ship.
const SAMPLE_POLICY = `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: ["RequestReceived"]
rules:
  - level: None
    users: ["system:kube-proxy"]
    verbs: ["watch"]
  - level: Metadata
    resources:
      - group: ""
        resources: ["secrets", "configmaps", "serviceaccounts/token"]
  - level: Request
    verbs: ["create", "update", "patch", "delete"]
    resources:
      - group: ""
        resources: ["pods/exec", "pods/attach", "pods/portforward"]
      - group: "apps"
    namespaces: ["prod"]
  - level: RequestResponse
    resources:
      - group: rbac.authorization.k8s.io
        resources: ["roles", "rolebindings", "clusterroles", "clusterrolebindings"]
  - level: Metadata
    nonResourceURLs: ["/api*", "/version"]
  - level: Metadata
`;
const sampleSecret = (policy) => `apiVersion: v1
kind: Secret
metadata:
  name: audit-policy
  namespace: kube-system
type: Opaque
data:
  audit-policy.yaml: ${Buffer.from(policy).toString('base64')}
`;

function seedCodeCaches() {
  const work = mkdtempSync(join(tmpdir(), 'deckhouse-audit-seed-'));
  try {
    const policy = join(work, 'policy.yaml');
    const secret = join(work, 'secret.yaml');
    writeFileSync(policy, SAMPLE_POLICY);
    writeFileSync(secret, sampleSecret(SAMPLE_POLICY));
    const url = ['--url', 'GET /api/v1/namespaces/prod/pods/web-0/exec?command=sh', '--user', 'admin'];
    const runs = {
      validate: [
        ['validate', policy],
        ['validate', secret],
      ],
      explain: [
        ['explain', '--deckhouse', ...url],
        ['explain', '--deckhouse', '--policy', policy, ...url],
        ['explain', '--policy', policy, '--kubectl', 'delete deployment web -n prod'],
        [
          'explain',
          '--policy',
          secret,
          '--verb',
          'get',
          '--resource',
          'secrets',
          '--namespace',
          'default',
          '--name',
          'db',
        ],
      ],
      lint: [
        ['lint', policy],
        ['lint', '--deckhouse', policy],
      ],
    };
    const cacheHome = join(work, 'cache');
    const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
    delete env.NODE_DISABLE_COMPILE_CACHE;
    delete env.NODE_OPTIONS; // a V8 flag in it would make the seed's flags differ from a plain run's
    for (const command of COMMAND_BUNDLES) {
      const bundleFile = join(repo, `lib/cli/${command}.js`);
      const hash = readFileSync(`${bundleFile}.sha256`, 'utf8').trim().slice(0, 16);
      for (const old of readdirSync(dirname(bundleFile)))
        if (old.startsWith(`${command}.js.`) && old.endsWith('.v8cache'))
          unlinkSync(join(dirname(bundleFile), old));
      // Each twice: a first run of a set of options keeps the cache it started from (another set's, src/cli/launch.ts),
      // the second adds what that set compiles; so the last set's cache holds what all of them compiled.
      for (const argv of (runs[command] ?? []).flatMap((a) => [a, a])) {
        const run = spawnSync(process.execPath, [join(repo, 'bin/deckhouse-audit.js'), ...argv], {
          env,
          encoding: 'utf8',
        });
        if (run.status !== 0 && run.status !== 1)
          throw new Error(
            `seeding the ${command} code cache: ${argv.join(' ')} exited ${run.status}:\n${run.stderr}`,
          );
      }
      const dir = join(cacheHome, 'deckhouse-audit');
      const prefix = `${hash}-${process.version}-${process.arch}-${command}-`;
      const written = readdirSync(dir)
        .filter((f) => f.startsWith(prefix) && f.endsWith('.v8cache'))
        .map((f) => ({ file: join(dir, f), size: statSync(join(dir, f)).size }))
        .sort((a, b) => b.size - a.size);
      if (written.length === 0) throw new Error(`seeding the ${command} code cache: the runs wrote none`);
      // Read and written, not copied: the user cache's 0600 would travel into the packed package.
      writeFileSync(seedCacheFile(bundleFile, hash), readFileSync(written[0].file));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

seedCodeCaches();
