// Deckhouse's hook (modules/040-control-plane-manager/hooks/audit_policy.go) watches every ConfigMap matching
// the label selector {control-plane-manager.deckhouse.io/extra-audit-policy-config: ""} (MatchLabels: the value
// must be empty) and appends the serviceAccounts of its data.basicAuditPolicy to the built-in ServiceAccount
// rule — only when basicAuditPolicyEnabled. A manifest that holds such a ConfigMap describes that cluster.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO, fixture, runInProcess } from './helpers';

const patchConfigMap = (user: string) => [
  'explain',
  '--json',
  '--kubectl',
  'patch configmap cfg -n app -p {}',
  '--user',
  user,
  '--group',
  'system:serviceaccounts',
];

describe('extra-audit-policy-config ConfigMaps in a --policy manifest', () => {
  test('their ServiceAccounts join the built-in ServiceAccount rule with --deckhouse', async () => {
    const run = await runInProcess([
      ...patchConfigMap('system:serviceaccount:d8-istio:istiod-v1x21x6'),
      '--deckhouse',
      '--policy',
      fixture('extra-audit-config.yaml'),
    ]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.decision.level).toBe('Metadata');
    expect(out.origin.layer).toBe('basic');
  });

  test('a ConfigMap whose label value is not empty is not selected by the hook, and says so', async () => {
    const run = await runInProcess([
      ...patchConfigMap('system:serviceaccount:ci:deployer'),
      '--deckhouse',
      '--policy',
      fixture('extra-audit-config.yaml'),
    ]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.decision.level).toBe('None');
    expect(JSON.stringify(out.warnings)).toMatch(/ConfigMap ci\/not-selected.*label value is empty/);
  });

  test('a broken data.basicAuditPolicy is an error naming the ConfigMap and the field', async () => {
    const broken = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: broken',
      '  namespace: ci',
      '  labels:',
      '    control-plane-manager.deckhouse.io/extra-audit-policy-config: ""',
      'data:',
      '  basicAuditPolicy: "serviceAccounts: system:serviceaccount:ci:deployer"',
      '',
    ].join('\n');
    const run = await runInProcess(
      [...patchConfigMap('system:serviceaccount:ci:deployer'), '--deckhouse', '--policy', '-'],
      { stdin: broken },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /-:9:\d+: ConfigMap ci\/broken: data\.basicAuditPolicy\.serviceAccounts: expected a list/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('with basicAuditPolicyEnabled: false the hook does not read them, and says so', async () => {
    const text = readFileSync(fixture('extra-audit-config.yaml'), 'utf8').replace(
      'auditPolicyEnabled: false',
      'auditPolicyEnabled: false\n      basicAuditPolicyEnabled: false',
    );
    const run = await runInProcess(
      [...patchConfigMap('system:serviceaccount:d8-istio:istiod-v1x21x6'), '--deckhouse', '--policy', '-'],
      { stdin: text },
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.decision.level).toBe('None');
    expect(JSON.stringify(out.warnings)).toMatch(/reads them only with basicAuditPolicyEnabled: true/);
  });

  test('--extra-service-account warns about a value no ServiceAccount can have (it is still used verbatim)', async () => {
    const run = await runInProcess([
      ...patchConfigMap('system:serviceaccount:ci:deployer'),
      '--deckhouse',
      '--extra-service-account',
      'ci:deployer',
    ]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.decision.level).toBe('None');
    expect(out.warnings).toEqual([
      expect.objectContaining({
        label: '--extra-service-account',
        fix: 'write "system:serviceaccount:ci:deployer"',
      }),
    ]);
  });

  test('with --built-in-rules, a ServiceAccount the merged file already lists is not counted again', async () => {
    // The merged file is the cluster's state: the ConfigMaps it was built with are already in its rule.
    const manifest = readFileSync(fixture('extra-audit-config.yaml'), 'utf8').replace(
      'istiod-v1x21x6',
      'cni\n    - system:serviceaccount:d8-istio:istiod-v1x21x6',
    );
    const run = await runInProcess(
      [
        ...patchConfigMap('system:serviceaccount:d8-istio:istiod-v1x21x6'),
        '--built-in-rules',
        path.join(REPO, 'test/fixtures/deckhouse/merged-policy-1.76.yaml'),
        '--policy',
        '-',
      ],
      { stdin: manifest },
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.decision.level).toBe('Metadata');
    expect(out.builtInRules.summary).toMatch(/127 system ServiceAccounts \(\+1 extra\)$/);
  });

  test('validate reports what the hook does with the ConfigMaps of a manifest', async () => {
    const run = await runInProcess(['validate', '--json', fixture('extra-audit-config.yaml')]);
    const out = JSON.stringify(JSON.parse(run.stdout));
    expect(out).toMatch(/ConfigMap ci\/not-selected is labelled/);
  });

  test('two manifests of one ConfigMap: the cluster keeps the last one', async () => {
    const text = readFileSync(fixture('extra-audit-config.yaml'), 'utf8');
    const second = text.split('\n---\n')[1].replace('istiod-v1x21x6', 'istiod-v1x19x7');
    const run = await runInProcess(
      [...patchConfigMap('system:serviceaccount:d8-istio:istiod-v1x21x6'), '--deckhouse', '--policy', '-'],
      { stdin: `${text}---\n${second}` },
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.decision.level).toBe('None');
    expect(JSON.stringify(out.warnings)).toMatch(/ConfigMap d8-istio\/istio-audit appears twice/);
  });
});
