import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { parse } from 'yaml';
import {
  DeckhouseClusterAudit,
  renderApp,
  renderManifestYaml,
  sortKeysDeep,
  synthesizeApp,
  SynthValidationError,
} from '../../src/constructs';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-test-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function appWith(props: ConstructorParameters<typeof DeckhouseClusterAudit>[2]): App {
  const app = new App({ outdir: tempDir() });
  new DeckhouseClusterAudit(new Chart(app, 'audit'), 'audit', { assertionPacks: [], ...props });
  return app;
}

describe('renderManifestYaml', () => {
  test('sorts keys at every depth and keeps array order', () => {
    expect(sortKeysDeep({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 0 } })).toEqual({
      a: { c: 0, d: [3, { y: 2, z: 1 }] },
      b: 1,
    });
    expect(renderManifestYaml([{ kind: 'X', apiVersion: 'v1', spec: { b: 1, a: 2 } }])).toBe(
      'apiVersion: v1\nkind: X\nspec:\n  a: 2\n  b: 1\n',
    );
  });

  test.each([
    'no',
    'on',
    'y',
    'Yes',
    'off',
    '0o17',
    '1_000',
    '2026-01-01',
    '-2',
    '1.32',
    '~',
    'null',
    '0x1F',
    '.inf',
  ])('quotes %j so that YAML 1.1 and 1.2 readers both read a string', (value) => {
    const text = renderManifestYaml([{ value }]);
    expect(text).toMatch(/^value: "/);
    expect(parse(text, { version: '1.1' })).toEqual({ value });
    expect(parse(text, { version: '1.2' })).toEqual({ value });
  });

  test('plain strings stay plain and long strings are not folded', () => {
    const long = 'a'.repeat(500);
    expect(renderManifestYaml([{ a: 'kube-audit', b: long }])).toBe(`a: kube-audit\nb: ${long}\n`);
  });

  test('documents are separated by ---', () => {
    expect(renderManifestYaml([{ a: 1 }, { b: 2 }])).toBe('a: 1\n---\nb: 2\n');
  });
});

describe('synthesizeApp', () => {
  const good = () =>
    appWith({ policy: { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] } });

  test('two synths of the same app are byte-identical', () => {
    const a = renderApp(good()).files;
    const b = renderApp(good()).files;
    expect([...a.keys()]).toEqual(['audit.k8s.yaml']);
    expect(a.get('audit.k8s.yaml')).toBe(b.get('audit.k8s.yaml'));
    expect(a.get('audit.k8s.yaml')).not.toContain('creationTimestamp');
  });

  test('writes the files, replaces stale manifests and keeps other files', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'old.k8s.yaml'), 'stale');
    fs.writeFileSync(path.join(dir, 'README.md'), 'keep');
    const log: string[] = [];
    const written = synthesizeApp(good(), { outdirs: [dir], log: (l) => log.push(l) });
    expect(written).toEqual([path.join(dir, 'audit.k8s.yaml')]);
    expect(fs.readdirSync(dir).sort()).toEqual(['README.md', 'audit.k8s.yaml']);
    expect(log[log.length - 1]).toMatch(/^wrote .*audit\.k8s\.yaml$/);
  });

  test('a validation failure writes nothing: the directory stays as it was', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'audit.k8s.yaml'), 'previous');
    const bad = appWith({ auditLog: { path: '/var/log/kube-audit/' } });
    expect(() => synthesizeApp(bad, { outdirs: [dir], log: () => undefined })).toThrow(SynthValidationError);
    expect(() => synthesizeApp(bad, { outdirs: [dir], log: () => undefined })).toThrow(
      /\[audit\/audit\/ControlPlane\] auditLog\.path: received "\/var\/log\/kube-audit\/".*Fix:/,
    );
    expect(fs.readdirSync(dir)).toEqual(['audit.k8s.yaml']);
    expect(fs.readFileSync(path.join(dir, 'audit.k8s.yaml'), 'utf8')).toBe('previous');
  });

  test('warnings are printed with the construct path; failOnWarnings stops the synth', () => {
    const log: string[] = [];
    const dir = tempDir();
    const warned = appWith({ assertionPacks: undefined });
    synthesizeApp(warned, { outdirs: [dir], log: (l) => log.push(l) });
    expect(log.some((l) => l.startsWith('warning: [audit/audit] assertion dvp.'))).toBe(true);
    const strictDir = tempDir();
    expect(() =>
      synthesizeApp(appWith({ assertionPacks: undefined }), {
        outdirs: [strictDir],
        failOnWarnings: true,
        log: () => undefined,
      }),
    ).toThrow(/failOnWarnings/);
    expect(fs.readdirSync(strictDir)).toEqual([]);
  });
});
