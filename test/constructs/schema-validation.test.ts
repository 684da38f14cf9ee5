import { spawnSync } from 'child_process';
import * as path from 'path';
import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { AuditLogShipping, DeckhouseClusterAudit } from '../../src/constructs';

// Synth-time schema validation: props the constructs pass through without a check of their own
// (other control-plane-manager settings, log-shipper module settings) still cannot produce an object
// that its Deckhouse schema would refuse.
function synthErrors(build: (chart: Chart) => void): string {
  const app = Testing.app();
  build(new Chart(app, 'chart'));
  try {
    app.synth();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('schema validation at synth', () => {
  test('unknown and mistyped control-plane-manager settings fail synth with the construct path', () => {
    const message = synthErrors(
      (chart) =>
        new DeckhouseClusterAudit(chart, 'audit', {
          assertionPacks: [],
          controlPlaneSettings: { apiserver: { auditPolicyEnable: true }, etcd: { maxDbSize: 'huge' } },
        }),
    );
    expect(message).toContain(
      '[chart/audit/ControlPlane] ModuleConfig/control-plane-manager: settings/apiserver must NOT have ' +
        'additional properties: "auditPolicyEnable"',
    );
    expect(message).toContain('settings/etcd/maxDbSize must be number');
    expect(message).toContain('Fix: correct the prop that sets this field');
    // The pass-through prop is named as the user wrote it (DeckhouseClusterAudit's controlPlaneSettings).
    expect(message).toContain(
      '(controlPlaneSettings.apiserver.auditPolicyEnable; see the schemas in node_modules/cdk8s-deckhouse-audit/lib/imports/schemas/',
    );
    expect(message).toContain(
      '(controlPlaneSettings.etcd.maxDbSize; see the schemas in node_modules/cdk8s-deckhouse-audit/lib/imports/schemas/',
    );
  });

  test('a valid app with shipping passes', () => {
    expect(
      synthErrors(
        (chart) =>
          new DeckhouseClusterAudit(chart, 'audit', {
            assertionPacks: [],
            destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }],
          }),
      ),
    ).toBe('');
  });

  test('log-shipper objects are checked against the CRD schemas too, escape-hatch patches included', () => {
    const message = synthErrors((chart) => {
      const shipping = new AuditLogShipping(chart, 'shipping', {
        destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }],
      });
      const destination = shipping.node
        .findAll()
        .find((c): c is ApiObject => ApiObject.isApiObject(c) && c.kind === 'ClusterLogDestination');
      (destination as ApiObject).addJsonPatch(
        JsonPatch.add('/spec/buffer', { type: 'Memory', whenFull: 'Sometimes' }),
      );
    });
    expect(message).toContain(
      '[chart/shipping] ClusterLogDestination/loki: /spec/buffer/whenFull must be equal to one of the allowed ' +
        'values: "DropNewest", "Block"',
    );
  });
});

// The bundled schemas are checked by the validators `npm run import` precompiled: a synth never loads ajv
// (its load and compile of the schemas cost more than the rest of the checks). Only a validator given other
// schemas compiles them with ajv. Checked in a fresh process: the loaded modules are that process's.
describe('the modules a synth loads', () => {
  const REPO = path.resolve(__dirname, '../..');

  function run(script: string): { ajv: boolean; output: unknown } {
    const result = spawnSync(
      process.execPath,
      [
        '--require',
        'tsx/cjs',
        '-e',
        `${script}
const loaded = Object.keys(require.cache).map((f) => f.split(require('path').sep).join('/'));
process.stdout.write(JSON.stringify({
  ajv: loaded.some((f) => /\\/node_modules\\/ajv\\/dist\\/(ajv|core)\\.js$/.test(f)),
  output,
}));`,
      ],
      { cwd: REPO, encoding: 'utf8', timeout: 60000, env: { ...process.env, CDK8S_OUTDIR: '' } },
    );
    if (result.status !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout) as { ajv: boolean; output: unknown };
  }

  const OBJECTS = `[
  { apiVersion: 'deckhouse.io/v1alpha1', kind: 'ClusterLogDestination', metadata: { name: 'd' },
    spec: { type: 'Loki', loki: { endpoint: 'https://l', url: 'x' } } },
  { apiVersion: 'deckhouse.io/v1alpha1', kind: 'ModuleConfig', metadata: { name: 'control-plane-manager' },
    spec: { version: 2, settings: { apiserver: { auditLog: { output: 'Files' } } } } },
]`;

  test('the example app validates without ajv', () => {
    const { ajv, output } = run(
      `const { buildExampleApp } = require('./main');
const { validateApp } = require('./src/constructs/synth');
const output = validateApp(buildExampleApp('.scratch/never-written'));`,
    );
    expect(output).toEqual([]);
    expect(ajv).toBe(false);
  });

  test('the bundled validators find the errors without ajv; a validator given schemas compiles them with ajv', () => {
    const expected = [
      'ClusterLogDestination/d: /spec/loki must NOT have additional properties: "url"',
      'ModuleConfig/control-plane-manager: settings/apiserver/auditLog/output must be equal to one of the ' +
        'allowed values: "File", "Stdout"',
    ];
    const bundled = run(
      `const { ManifestValidator } = require('./src/constructs/schema-validation');
const output = new ManifestValidator().validateAll(${OBJECTS});`,
    );
    expect(bundled).toEqual({ ajv: false, output: expected });
    const given = run(
      `const { bundledSchema, ManifestValidator } = require('./src/constructs/schema-validation');
const output = new ManifestValidator(bundledSchema).validateAll(${OBJECTS});`,
    );
    expect(given).toEqual({ ajv: true, output: expected });
  });
});
