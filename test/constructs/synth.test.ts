import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, JsonPatch, Testing, Yaml, YamlOutputType } from 'cdk8s';
import { DeckhouseClusterAudit, runSynth, synthesizeApp } from '../../src/constructs';
import { policy, resources } from '../../src/policy/builder';
import { onWarnings } from '../../src/constructs/warnings';
import { sortKeysDeep, canonicalManifest } from '../../src/constructs/synth';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-test-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

type Props = ConstructorParameters<typeof DeckhouseClusterAudit>[2];
const GOOD: Props = {
  policy: { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] },
};
const BAD: Props = { auditLog: { path: '/var/log/kube-audit/' } };

function appWith(props: Props, appProps: ConstructorParameters<typeof App>[0] = {}): App {
  const app = new App({ outdir: tempDir(), ...appProps });
  new DeckhouseClusterAudit(new Chart(app, 'audit'), 'audit', { assertionPacks: [], ...props });
  return app;
}

const quiet = { log: () => undefined };

describe('sorted keys', () => {
  test('sortKeysDeep sorts at every depth and keeps array order', () => {
    expect(sortKeysDeep({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 0 } })).toEqual({
      a: { c: 0, d: [3, { y: 2, z: 1 }] },
      b: 1,
    });
  });

  test('canonicalManifest makes an ApiObject render sorted, escape-hatch patches included', () => {
    const chart = Testing.chart();
    const object = new ApiObject(chart, 'x', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'x' },
    });
    object.addJsonPatch(JsonPatch.add('/data', { b: '1', a: '2' }));
    canonicalManifest(object);
    expect(Yaml.stringify(...Testing.synth(chart))).toBe(
      'apiVersion: v1\ndata:\n  a: "2"\n  b: "1"\nkind: ConfigMap\nmetadata:\n  name: x\n',
    );
  });
});

describe('plain app.synth()', () => {
  test('writes byte-stable manifests into the App outdir, exactly as synthesizeApp does', () => {
    const plain = appWith(GOOD);
    onWarnings(plain, () => undefined);
    plain.synth();
    const staged = appWith(GOOD);
    synthesizeApp(staged, quiet);
    const read = (app: App) => fs.readFileSync(path.join(app.outdir, 'audit.k8s.yaml'), 'utf8');
    expect(read(plain)).toBe(read(staged));
    expect(read(plain)).toContain('name: control-plane-manager');
    expect(read(plain)).not.toContain('creationTimestamp');
  });

  test('refuses errors with construct path, field and fix, before writing anything', () => {
    const app = appWith(BAD);
    expect(() => app.synth()).toThrow(
      /\[audit\/audit\/ControlPlane\] auditLog\.path: received "\/var\/log\/kube-audit\/".*Fix:/,
    );
    expect(fs.readdirSync(app.outdir)).toEqual([]);
  });

  test('prints each warning once, however often the app is synthesized', () => {
    const app = appWith({ assertionPacks: undefined });
    const seen: string[] = [];
    onWarnings(app, (w) => seen.push(w));
    app.synth();
    app.synthYaml();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((w) => w.startsWith('[audit/audit] assertion-failed: dvp.'))).toBe(true);
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('warnings go to stderr by default', () => {
    const app = appWith({ assertionPacks: undefined });
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      app.synthYaml();
      const printed = spy.mock.calls.map((c) => String(c[0])).join('');
      expect(printed).toMatch(/^warning: \[audit\/audit\] assertion-failed: dvp\./m);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('synthesizeApp', () => {
  test('two synths of the same app are byte-identical', () => {
    const a = appWith(GOOD);
    const b = appWith(GOOD);
    synthesizeApp(a, quiet);
    synthesizeApp(b, quiet);
    expect(fs.readFileSync(path.join(a.outdir, 'audit.k8s.yaml'), 'utf8')).toBe(
      fs.readFileSync(path.join(b.outdir, 'audit.k8s.yaml'), 'utf8'),
    );
  });

  test('writes the files, replaces stale manifests, keeps other files, leaves no staging directory', () => {
    const app = appWith(GOOD);
    fs.writeFileSync(path.join(app.outdir, 'old.k8s.yaml'), 'stale');
    fs.writeFileSync(path.join(app.outdir, 'README.md'), 'keep');
    const log: string[] = [];
    const result = synthesizeApp(app, { log: (l) => log.push(l) });
    expect(result.ok).toBe(true);
    expect(fs.readdirSync(app.outdir).sort()).toEqual(['README.md', 'audit.k8s.yaml']);
    expect(log[log.length - 1]).toMatch(/^wrote .*audit\.k8s\.yaml$/);
    const siblings = fs.readdirSync(path.dirname(app.outdir));
    expect(siblings.filter((e) => e.includes('staging'))).toEqual([]);
  });

  test('with a common extension, the files beside the manifests stay: a kustomization.yaml is not a stale manifest', () => {
    // Argo CD and Flux read a kustomization.yaml in the synced directory; with outputFileExtension '.yaml' it ends
    // like the manifests, and it was removed as one an earlier synth left.
    const app = appWith(GOOD, { outputFileExtension: '.yaml' });
    const put = (name: string, text: string) => fs.writeFileSync(path.join(app.outdir, name), text);
    put('kustomization.yaml', 'resources:\n  - audit.yaml\n');
    put(
      'component.yaml',
      'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nmetadata:\n  name: c\n',
    );
    put('values.yaml', 'replicas: 2\n');
    // An object an earlier synth wrote, in a chart this one no longer has: a stale manifest.
    put(
      'old.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: old\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n',
    );
    expect(synthesizeApp(app, quiet).ok).toBe(true);
    expect(fs.readdirSync(app.outdir).sort()).toEqual([
      'audit.yaml',
      'component.yaml',
      'kustomization.yaml',
      'values.yaml',
    ]);
  });

  test('honours the App yamlOutputType and file extension', () => {
    const app = appWith(GOOD, {
      yamlOutputType: YamlOutputType.FILE_PER_RESOURCE,
      outputFileExtension: '.yml',
    });
    synthesizeApp(app, quiet);
    expect(fs.readdirSync(app.outdir).sort()).toEqual([
      'ModuleConfig.control-plane-manager.yml',
      'Secret.audit-policy.yml',
    ]);
  });

  test('a validation failure writes nothing: the directory stays as it was', () => {
    const app = appWith(BAD);
    fs.writeFileSync(path.join(app.outdir, 'audit.k8s.yaml'), 'previous');
    const result = synthesizeApp(app, quiet);
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(/auditLog\.path: received "\/var\/log\/kube-audit\/".*Fix:/);
    expect(fs.readdirSync(app.outdir)).toEqual(['audit.k8s.yaml']);
    expect(fs.readFileSync(path.join(app.outdir, 'audit.k8s.yaml'), 'utf8')).toBe('previous');
  });

  test('failOnWarnings stops the synth', () => {
    const app = appWith({ assertionPacks: undefined });
    const result = synthesizeApp(app, { ...quiet, failOnWarnings: true });
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toContain('(failOnWarnings)');
    expect(fs.readdirSync(app.outdir)).toEqual([]);
  });

  test("removes a crashed run's staging directory, never a live one", () => {
    const parent = tempDir();
    const stale = path.join(parent, '.cdk8s-deckhouse-audit-staging-999999999-abc');
    const live = path.join(parent, `.cdk8s-deckhouse-audit-staging-${process.ppid}-abc`);
    fs.mkdirSync(stale);
    fs.mkdirSync(live);
    const app = appWith(GOOD, { outdir: path.join(parent, 'dist') });
    synthesizeApp(app, quiet);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
  });
});

describe('runSynth', () => {
  const saved = process.env.CDK8S_OUTDIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.CDK8S_OUTDIR;
    else process.env.CDK8S_OUTDIR = saved;
    process.exitCode = undefined;
  });

  function captureStderr(run: () => void): string {
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      run();
      return spy.mock.calls.map((c) => String(c[0])).join('');
    } finally {
      spy.mockRestore();
    }
  }

  test('a failure prints every problem, says the output directory was not changed, and exits 1', () => {
    delete process.env.CDK8S_OUTDIR;
    const printed = captureStderr(() => runSynth(() => appWith(BAD), quiet));
    expect(printed).toMatch(
      /^synth failed: \d+ problems?, no manifests were written:\n {2}\[audit\/audit\/ControlPlane\] /,
    );
    expect(printed).toContain('auditLog.path');
    expect(printed).toMatch(/was not changed\.\n$/);
    expect(process.exitCode).toBe(1);
  });

  test('under `cdk8s synth` with output = the App outdir, it says the CLI removed it and how to restore', () => {
    const gone = path.join(tempDir(), 'dist');
    process.env.CDK8S_OUTDIR = gone;
    const printed = captureStderr(() => runSynth(() => appWith(BAD, { outdir: gone }), quiet));
    expect(printed).toContain('`cdk8s synth` removed');
    expect(printed).toContain('git checkout --');
    expect(printed).not.toContain('was not changed');
  });

  test('`cdk8s synth --stdout` (an existing temporary CDK8S_OUTDIR): writes only there', () => {
    const cli = tempDir();
    const own = path.join(tempDir(), 'dist');
    process.env.CDK8S_OUTDIR = cli;
    const result = runSynth(() => appWith(GOOD, { outdir: own }), quiet);
    expect(result.ok).toBe(true);
    expect(fs.readdirSync(cli)).toEqual(['audit.k8s.yaml']);
    expect(fs.existsSync(own)).toBe(false);
  });

  test('a normal `cdk8s synth` with another output directory gets a copy beside the App outdir', () => {
    const cli = path.join(tempDir(), 'cdk.out');
    const own = path.join(tempDir(), 'dist');
    process.env.CDK8S_OUTDIR = cli;
    runSynth(() => appWith(GOOD, { outdir: own }), quiet);
    expect(fs.readFileSync(path.join(cli, 'audit.k8s.yaml'), 'utf8')).toBe(
      fs.readFileSync(path.join(own, 'audit.k8s.yaml'), 'utf8'),
    );
  });

  test('a builder error prints its rule, field, fix and the line that wrote it, not a stack trace', () => {
    delete process.env.CDK8S_OUTDIR;
    const printed = captureStderr(() =>
      runSynth(() => {
        policy().request({ resources: [resources.group('rbac.authorization.k8s.io/v1', 'roles')] });
        return new App();
      }),
    );
    expect(printed).toContain('rules[0].resources.group');
    expect(printed).toContain('fix: write the group without its version');
    expect(printed).toMatch(/\n {4}at test\/constructs\/synth\.test\.ts:\d+:\d+\n/);
    expect(printed.match(/\n\s+at /g)).toHaveLength(1);
    expect(process.exitCode).toBe(1);
  });

  test('a build function that forgot `return app` is told so, not "Cannot read properties of undefined"', () => {
    delete process.env.CDK8S_OUTDIR;
    let result: ReturnType<typeof runSynth> | undefined;
    const printed = captureStderr(() => {
      result = runSynth((() => {
        const app = new App({ outdir: tempDir() });
        new DeckhouseClusterAudit(new Chart(app, 'audit'), 'Audit', { assertionPacks: [] });
      }) as unknown as () => App);
    });
    expect(result?.ok).toBe(false);
    expect(printed).toContain(
      'runSynth: the build function returned undefined, expected the cdk8s App it built. Fix: end it with `return app`',
    );
    expect(printed).not.toMatch(/\n\s+at /);
    expect(process.exitCode).toBe(1);
    expect(() => synthesizeApp(null as never)).toThrow('synthesizeApp: app must be a cdk8s App, got null');
    expect(() => onWarnings(undefined as never, () => undefined)).toThrow(
      'onWarnings: scope must be a construct (the App or one in it), got undefined',
    );
    expect(() => onWarnings(new App(), 'print' as never)).toThrow('onWarnings: handler must be a function');
  });

  test('props a construct refuses print the construct, prop and fix with the line that wrote them', () => {
    delete process.env.CDK8S_OUTDIR;
    const printed = captureStderr(() =>
      runSynth(() => {
        const app = new App();
        new DeckhouseClusterAudit(new Chart(app, 'audit'), 'Audit', {
          basicAuditPolicyEnable: false,
        } as never);
        return app;
      }),
    );
    expect(printed).toContain(
      '[audit/Audit] props.basicAuditPolicyEnable: not a known prop, and would be ignored; did you mean "basicAuditPolicyEnabled"?',
    );
    expect(printed).toMatch(/\n {4}at test\/constructs\/synth\.test\.ts:\d+:\d+\n/);
    expect(printed.match(/\n\s+at /g)).toHaveLength(1);
    expect(process.exitCode).toBe(1);
  });

  // This repository's own set-up (README): cdk8s.yaml `output: cdk.out` is a scratch directory the CLI
  // empties, the committed manifests go to `new App({ outdir: 'dist' })`. When the builder throws, the App
  // never existed, so its outdir is unknown: the note must not tell the user that cdk.out held committed
  // manifests to restore with git, nor to set up what they already have.
  test('a builder error under `cdk8s synth` does not claim the committed manifests were removed', () => {
    process.env.CDK8S_OUTDIR = path.join(tempDir(), 'cdk.out'); // removed by the CLI before the app runs
    const printed = captureStderr(() =>
      runSynth(() => {
        policy().request({ resources: [resources.group('rbac.authorization.k8s.io/v1', 'roles')] });
        return new App({ outdir: path.join(tempDir(), 'dist') });
      }),
    );
    expect(printed).toContain('no manifests were written');
    expect(printed).not.toContain('restore the committed manifests with');
    expect(printed).toMatch(/`cdk8s synth` removed its output directory .*cdk\.out\/ before running the app/);
    expect(printed).toContain('an App with its own outdir kept it unchanged');
  });

  test('an exception thrown while building the app keeps its stack trace', () => {
    const bug = new Error('bug in the app');
    expect(() =>
      runSynth(() => {
        throw bug;
      }),
    ).toThrow(bug);
  });
});

describe('strings go-yaml would misread', () => {
  test.each([
    ['0X1F', 'the number 0X1F'],
    ['0o17', 'the number 0o17'],
  ])(
    '%j in a manifest fails synth with the field (cdk8s writes it unquoted, go-yaml reads a number)',
    (value, readAs) => {
      expect(Yaml.stringify({ value })).toBe(`value: ${value}\n`); // cdk8s's writer leaves it plain
      const chart = Testing.chart();
      const object = new ApiObject(chart, 'x', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'x' },
      });
      object.addJsonPatch(JsonPatch.add('/data', { [value]: value }));
      canonicalManifest(object);
      let message = '';
      try {
        Testing.synth(chart);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain(`ConfigMap/x: data.${value}: "${value}" is written unquoted`);
      expect(message).toContain(`read it as ${readAs}`);
      expect(message).toContain(`data.${value} (the key)`);
    },
  );

  test.each(['0x1f', 'no', '1:20', '2001-12-14', 'kube-audit', '1.32', '08'])(
    '%j is quoted by cdk8s or is a string to go-yaml: no error',
    (value) => {
      const chart = Testing.chart();
      const object = new ApiObject(chart, 'x', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'x' },
      });
      object.addJsonPatch(JsonPatch.add('/data', { v: value }));
      canonicalManifest(object);
      expect(() => Testing.synth(chart)).not.toThrow();
    },
  );
});
