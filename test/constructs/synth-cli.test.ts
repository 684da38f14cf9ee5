import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../..');
const CDK8S = path.join(REPO, 'node_modules', '.bin', 'cdk8s');
const CACHE = path.join(REPO, 'node_modules', '.cache', 'cdk8s-app');

// Runs the real `cdk8s synth` (which empties its output directory first) on a small app in a
// scratch directory inside the repository, so that module resolution finds node_modules.
function runCdk8sSynth(appSource: string): { status: number | null; output: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(REPO, '.synth-cli-test-'));
  fs.writeFileSync(
    path.join(dir, 'cdk8s.yaml'),
    fs
      .readFileSync(path.join(REPO, 'cdk8s.yaml'), 'utf8')
      .replace('main.ts', 'app.ts')
      .replace('scripts/run-app.cjs', path.join(REPO, 'scripts', 'run-app.cjs')),
  );
  fs.writeFileSync(path.join(dir, 'app.ts'), appSource);
  fs.mkdirSync(path.join(dir, 'dist'));
  fs.writeFileSync(path.join(dir, 'dist', 'audit.k8s.yaml'), 'previous\n');
  const result = spawnSync(CDK8S, ['synth', '--check-upgrade=false'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, dir };
}

// Removes the scratch app and the bundle scripts/run-app.cjs cached for it (node_modules/.cache/cdk8s-app/,
// one directory per app path: left behind, every test run would add a few MB there).
function cleanUp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  const cacheName = path
    .join(dir, 'app.ts')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-/, '');
  fs.rmSync(path.join(CACHE, cacheName), { recursive: true, force: true });
}

function app(props: string): string {
  return `import { App, Chart } from 'cdk8s';
import { DeckhouseClusterAudit, runSynth } from '../src/constructs';
runSynth(() => {
  const app = new App({ outdir: 'dist' });
  new DeckhouseClusterAudit(new Chart(app, 'audit'), 'audit', ${props});
  return app;
});
`;
}

describe("npx cdk8s synth with this repository's cdk8s.yaml", () => {
  test('a validation failure exits non-zero, names path, field and fix, and leaves dist/ untouched', () => {
    const run = runCdk8sSynth(
      app(
        `{ assertionPacks: [], auditLog: { path: '/opt/audit' }, destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki' }] }`,
      ),
    );
    try {
      expect(run.status).not.toBe(0);
      expect(run.output).toContain('[audit/audit/Shipping] auditLog.path: received "/opt/audit"');
      expect(run.output).toContain('Fix:');
      expect(run.output).not.toMatch(/\n\s+at .*\.(ts|js):\d+/); // no stack trace, ours or the CLI's
      expect(run.output).toContain('dist/ was not changed');
      expect(fs.readdirSync(path.join(run.dir, 'dist'))).toEqual(['audit.k8s.yaml']);
      expect(fs.readFileSync(path.join(run.dir, 'dist', 'audit.k8s.yaml'), 'utf8')).toBe('previous\n');
    } finally {
      cleanUp(run.dir);
    }
  }, 60000);

  test('a valid app replaces dist/ with the synthesized manifests', () => {
    const run = runCdk8sSynth(app(`{ assertionPacks: [] }`));
    try {
      expect(run.status).toBe(0);
      const text = fs.readFileSync(path.join(run.dir, 'dist', 'audit.k8s.yaml'), 'utf8');
      expect(text).toContain('name: control-plane-manager');
      expect(run.output).toContain('wrote dist/audit.k8s.yaml');
    } finally {
      cleanUp(run.dir);
    }
    expect(fs.readdirSync(CACHE).filter((name) => name.includes(path.basename(run.dir)))).toEqual([]);
  }, 60000);
});
