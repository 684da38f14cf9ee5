import { spawnSync } from 'child_process';
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
  const own = path
    .join(dir, 'app.ts')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-/, '');
  fs.rmSync(path.join(cache, own), { recursive: true, force: true });
});

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
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
});
