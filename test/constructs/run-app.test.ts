import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// scripts/run-app.cjs, cdk8s.yaml's `app:` runner: it runs a TypeScript app from a cached esbuild bundle.
// These tests run it as `cdk8s synth` does (a child process in the app's directory) on small apps in scratch
// directories inside the repository, and check that what the app sees and prints is what running its
// sources would give, across edits.

const REPO = path.resolve(__dirname, '../..');
const RUNNER = path.join(REPO, 'scripts', 'run-app.cjs');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(REPO, '.synth-cli-test-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  const cache = path.join(REPO, 'node_modules', '.cache', 'cdk8s-app');
  fs.rmSync(path.join(cache, cacheName('app.ts')), { recursive: true, force: true });
});

/** The runner's cache directory name for an app file in the scratch directory. */
function cacheName(file: string): string {
  return path
    .join(dir, file)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-/, '');
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

function runAsync(env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RUNNER, 'app.ts'], { cwd: dir, env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('close', (status) => resolve({ status, stdout }));
  });
}

function run(env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [RUNNER, 'app.ts'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/run-app.cjs (the app runner of cdk8s.yaml)', () => {
  test('an edit of an imported file, or a new file that an import now resolves to, is run, not the cached bundle', () => {
    write('app.ts', "import { name } from './helper';\nconsole.log(name);\n");
    write('helper/index.ts', "export const name = 'index';\n");
    expect(run()).toMatchObject({ status: 0, stdout: 'index\n' });
    expect(run()).toMatchObject({ status: 0, stdout: 'index\n' });
    // Same size, so only the file's times tell the change.
    write('helper/index.ts', "export const name = 'INDEX';\n");
    expect(run()).toMatchObject({ status: 0, stdout: 'INDEX\n' });
    // './helper' resolves to helper.ts before helper/index.ts: a file that did not exist decides.
    write('helper.ts', "export const name = 'file';\n");
    expect(run()).toMatchObject({ status: 0, stdout: 'file\n' });
  }, 60000);

  test('__dirname and __filename name the source file; require.main is the app', () => {
    write(
      'app.ts',
      "import { where } from './lib/where';\nconsole.log(where(), __filename, require.main === module);\n",
    );
    write('lib/where.ts', 'export const where = () => __dirname;\n');
    const result = run();
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${path.join(dir, 'lib')} ${path.join(dir, 'app.ts')} true\n`);
  }, 60000);

  test("a builder error names the app's own line, not the library's or the bundle's", () => {
    write(
      'app.ts',
      [
        "import { App, Chart } from 'cdk8s';",
        "import { DeckhouseClusterAudit, policy, runSynth } from '../src';",
        'runSynth(() => {',
        "  const app = new App({ outdir: 'dist' });",
        "  const custom = policy().none({ verb: ['list'] } as never);",
        "  new DeckhouseClusterAudit(new Chart(app, 'audit'), 'audit', { policy: custom, assertionPacks: [] });",
        '  return app;',
        '});',
        '',
      ].join('\n'),
    );
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('synth failed: 1 problem');
    expect(result.stderr).toMatch(/\n {4}at app\.ts:5:\d+\n/);
    expect(result.stderr).not.toContain('.cache');
  }, 60000);

  test('an uncaught error shows frames in the TypeScript sources', () => {
    write('app.ts', "import { boom } from './boom';\nboom();\n");
    write('boom.ts', "export function boom(): never {\n  throw new Error('kaboom');\n}\n");
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Error: kaboom');
    expect(result.stderr).toContain(`${path.join(dir, 'boom.ts')}:2:9`);
    expect(result.stderr).toContain(`${path.join(dir, 'app.ts')}:2:`);
  }, 60000);

  test('an app that does not compile gets esbuild’s message with file, line and column, and no stack trace', () => {
    write('app.ts', "import { x } from './broken';\nconsole.log(x);\n");
    write('broken.ts', 'export const x = (;\n');
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('run-app: cannot compile app.ts');
    expect(result.stderr).toMatch(/broken\.ts:1:\d+/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // Fixed, it runs.
    write('broken.ts', 'export const x = 1;\n');
    expect(run()).toMatchObject({ status: 0, stdout: '1\n' });
  }, 60000);

  test('CDK8S_APP_NO_BUNDLE=1 runs the sources through tsx, with the same result', () => {
    write('app.ts', "import { where } from './lib/where';\nconsole.log(where(), require.main === module);\n");
    write('lib/where.ts', 'export const where = () => __dirname;\n');
    expect(run({ CDK8S_APP_NO_BUNDLE: '1' })).toMatchObject({
      status: 0,
      stdout: `${path.join(dir, 'lib')} true\n`,
    });
  }, 60000);

  test('require.main, module.id, import.meta and run-time require / require.resolve of a file see the sources', () => {
    write(
      'app.ts',
      [
        "import { load, whereIs } from './lib/load';",
        'console.log(require.main === module, require.main?.filename, module.id);',
        'console.log(import.meta.url, import.meta.dirname);',
        "console.log(load('x'), whereIs('./x'), require.resolve('./lib/x'));",
        '',
      ].join('\n'),
    );
    write(
      'lib/load.ts',
      'export const load = (name: string) => {\n  const file = `./${name}`;\n  return require(file).v;\n};\nexport const whereIs = (p: string) => require.resolve(p);\n',
    );
    write('lib/x.ts', "export const v = 'x.ts';\n");
    const lib = path.join(dir, 'lib');
    const expected = [
      `true ${path.join(dir, 'app.ts')} .`,
      `file://${path.join(dir, 'app.ts')} ${dir}`,
      `x.ts ${path.join(lib, 'x.ts')} ${path.join(lib, 'x.ts')}`,
      '',
    ].join('\n');
    expect(run({ CDK8S_APP_NO_BUNDLE: '1' })).toMatchObject({ status: 0, stdout: expected });
    expect(run()).toMatchObject({ status: 0, stdout: expected });
  }, 60000);

  test('a run still executing an older bundle never leaves its code cache to a newer one', async () => {
    // The app waits (when asked) for a file before it finishes, as a long synth would.
    write(
      'app.ts',
      [
        "import * as fs from 'fs';",
        "import { name } from './helper';",
        "while (process.env.WAIT && !fs.existsSync('go')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);",
        'console.log(name);',
        '',
      ].join('\n'),
    );
    write('helper.ts', "export const name = 'old';\n");
    const slow = runAsync({ WAIT: '1' });
    await new Promise((resolve) => setTimeout(resolve, 3000)); // built, and waiting
    write('helper.ts', "export const name = 'new';\n"); // same length
    expect(run()).toMatchObject({ status: 0, stdout: 'new\n' });
    write('go', '');
    expect(await slow).toMatchObject({ status: 0, stdout: 'old\n' });
    expect(run()).toMatchObject({ status: 0, stdout: 'new\n' });
  }, 60000);

  test('an edit of a tsconfig.json that the app’s tsconfig.json extends from elsewhere is seen', () => {
    write('base/tsconfig.json', '{ "compilerOptions": { "paths": { "@x": ["../app/a"] } } }\n');
    write('app/tsconfig.json', '{\n  // comment\n  "extends": "../base/tsconfig.json",\n}\n');
    write('app/a.ts', "export const v = 'a';\n");
    write('app/b.ts', "export const v = 'b';\n");
    write('app.ts', "import { v } from '@x';\nconsole.log(v);\n");
    fs.renameSync(path.join(dir, 'app.ts'), path.join(dir, 'app', 'app.ts'));
    const runIn = () =>
      spawnSync(process.execPath, [RUNNER, 'app.ts'], { cwd: path.join(dir, 'app'), encoding: 'utf8' });
    expect(runIn()).toMatchObject({ status: 0, stdout: 'a\n' });
    write('base/tsconfig.json', '{ "compilerOptions": { "paths": { "@x": ["../app/b"] } } }\n');
    expect(runIn()).toMatchObject({ status: 0, stdout: 'b\n' });
    fs.rmSync(path.join(REPO, 'node_modules', '.cache', 'cdk8s-app', cacheName('app/app.ts')), {
      recursive: true,
      force: true,
    });
  }, 60000);

  test('esbuild that cannot start is reported as such, not as a compile error of the app', () => {
    write('app.ts', 'console.log(1);\n');
    write('no-esbuild', 'not a program\n');
    const result = run({ ESBUILD_BINARY_PATH: path.join(dir, 'no-esbuild') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('run-app: esbuild failed');
    expect(result.stderr).not.toContain('cannot compile');
  }, 60000);

  test('a file changed within the tick of a coarse file-system clock is not taken as unchanged', () => {
    // Times rounded down to whole 1000-second steps: a clock as coarse as some file systems', and worse.
    write(
      'coarse.js',
      [
        "const fs = require('fs');",
        'const statSync = fs.statSync;',
        'fs.statSync = (...args) => {',
        '  const stat = statSync(...args);',
        '  if (stat) for (const key of ["mtimeMs", "ctimeMs"]) stat[key] = Math.floor(stat[key] / 1e6) * 1e6;',
        '  return stat;',
        '};',
        '',
      ].join('\n'),
    );
    const env = { NODE_OPTIONS: `--require ${path.join(dir, 'coarse.js')}` };
    write('app.ts', "import { name } from './helper';\nconsole.log(name);\n");
    write('helper.ts', "export const name = 'one';\n");
    expect(run(env)).toMatchObject({ status: 0, stdout: 'one\n' });
    write('helper.ts', "export const name = 'two';\n");
    expect(run(env)).toMatchObject({ status: 0, stdout: 'two\n' });
  }, 60000);
});
