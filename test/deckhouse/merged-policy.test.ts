import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { DECKHOUSE_BASIC_RULES, buildBasicRules } from '../../src/deckhouse/basic-rules';
import { formatBuiltInRulesDifference } from '../../src/deckhouse/built-in-rules-difference';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { explain } from '../../src/deckhouse/explain';
import { readMergedAuditPolicy } from '../../src/deckhouse/merged-policy';
import { requestFromUrl } from '../../src/policy/request-info';
import { Policy, PolicyRule, RequestAttributes } from '../../src/policy/types';
import { simulate } from '../../src/replay/simulate';
import { renderAsDeckhouseWrites } from '../support/deckhouse-merged-file';

const FIXTURE_176 = path.resolve(__dirname, '../fixtures/deckhouse/merged-policy-1.76.yaml');
const SNAPSHOT = DECKHOUSE_BASIC_RULES;

const custom = (rules: PolicyRule[], extra: Partial<Policy> = {}): Policy => ({
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  rules,
  ...extra,
});
const EXEC_AT_REQUEST: PolicyRule = {
  level: 'Request',
  verbs: ['get', 'create'],
  resources: [{ resources: ['pods/exec'] }],
};
const SECRETS_AT_METADATA: PolicyRule = { level: 'Metadata', resources: [{ resources: ['secrets'] }] };

const alice = (url: string): RequestAttributes => requestFromUrl(url, { user: 'alice@example.com' });
const layersOf = (origins: Array<{ layer: string }>) =>
  origins.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o.layer]: (acc[o.layer] ?? 0) + 1 }), {});

/**
 * A cluster whose built-in lists differ from the snapshot: a system namespace added (d8-new-module), a
 * ServiceAccount removed (cert-manager's cainjector), and the always-shadowed second pods/log rule gone.
 */
function differingCluster() {
  const rules = buildBasicRules({
    systemNamespaces: [...SNAPSHOT.systemNamespaces, 'd8-new-module'],
    systemServiceAccounts: SNAPSHOT.systemServiceAccounts.filter(
      (sa) => sa !== 'system:serviceaccount:d8-cert-manager:cainjector',
    ),
  });
  rules.basic = rules.basic.slice(0, 19);
  rules.titles!.basic = rules.titles!.basic.slice(0, 19);
  const effective = deckhouseEffectivePolicy({
    basicRules: rules,
    customPolicy: custom([EXEC_AT_REQUEST, SECRETS_AT_METADATA], { omitStages: ['RequestReceived'] }),
  });
  return { rules, effective, text: renderAsDeckhouseWrites(effective.policy) };
}

describe('readMergedAuditPolicy: the bundled snapshot merged with a custom policy', () => {
  const customPolicy = custom([EXEC_AT_REQUEST], { omitStages: ['RequestReceived'] });
  const written = deckhouseEffectivePolicy({ customPolicy });
  const merged = readMergedAuditPolicy(renderAsDeckhouseWrites(written.policy), {
    source: 'audit-policy.yaml',
  });

  it('finds every layer and the same lists, with no difference', () => {
    expect(merged.errors).toEqual([]);
    expect(merged.warnings).toEqual([]);
    expect(merged.origins).toEqual(written.origins);
    expect(merged.builtInRules!.systemNamespaces).toEqual(SNAPSHOT.systemNamespaces);
    expect(merged.builtInRules!.systemServiceAccounts).toEqual(SNAPSHOT.systemServiceAccounts);
    expect(merged.builtInRules!.titles).toEqual(SNAPSHOT.titles);
    expect(merged.differences!.same).toBe(true);
    expect(formatBuiltInRulesDifference(merged.differences!)).toEqual([]);
  });

  it('gives back the custom policy, so deckhouseEffectivePolicy reproduces the file', () => {
    expect(merged.customPolicy).toEqual({ ...customPolicy, rules: [{ ...EXEC_AT_REQUEST }] });
    const again = deckhouseEffectivePolicy({
      basicRules: merged.builtInRules,
      customPolicy: merged.customPolicy,
    });
    expect(again.policy.rules).toEqual(merged.policy!.rules);
    expect(again.policy.omitStages).toEqual(['RequestReceived']);
    expect(again.origins).toEqual(merged.origins);
  });

  it('reads a file without custom rules (no Secret) as built-in rules only', () => {
    const plain = readMergedAuditPolicy(renderAsDeckhouseWrites(deckhouseEffectivePolicy().policy));
    expect(plain.errors).toEqual([]);
    expect(plain.customPolicy).toBeUndefined();
    expect(layersOf(plain.origins)).toEqual({ basic: 20, virtualization: 7, tail: 2 });
  });
});

describe('readMergedAuditPolicy: a cluster whose lists and rules differ from the snapshot', () => {
  const cluster = differingCluster();
  const merged = readMergedAuditPolicy(cluster.text, { source: 'master-1.yaml' });
  const effective = deckhouseEffectivePolicy({
    basicRules: merged.builtInRules,
    customPolicy: merged.customPolicy,
  });
  const snapshotEffective = deckhouseEffectivePolicy({ customPolicy: merged.customPolicy });

  it('uses the cluster exact lists and its 19 basic rules', () => {
    expect(merged.errors).toEqual([]);
    const rules = merged.builtInRules!;
    expect(rules.systemNamespaces).toContain('d8-new-module');
    expect(rules.systemServiceAccounts).not.toContain('system:serviceaccount:d8-cert-manager:cainjector');
    expect(layersOf(merged.origins)).toEqual({ basic: 19, virtualization: 7, custom: 2, tail: 2 });
    expect(rules.stamp).toBe('merged policy master-1.yaml');
    expect(effective.policy.rules).toEqual(merged.policy!.rules);
  });

  it('says how it differs from the snapshot', () => {
    expect(merged.differences!.namespaces).toEqual({ added: ['d8-new-module'], removed: [] });
    expect(merged.differences!.serviceAccounts).toEqual({
      added: [],
      removed: ['system:serviceaccount:d8-cert-manager:cainjector'],
    });
    expect(formatBuiltInRulesDifference(merged.differences!, 'the snapshot')).toEqual([
      'system namespaces added (1): d8-new-module',
      'system ServiceAccounts removed (1): system:serviceaccount:d8-cert-manager:cainjector',
      'basic rule #20 `pods/log get at Request` of the snapshot is gone',
    ]);
  });

  it('explains requests with the cluster rules and layers, where the snapshot would answer differently', () => {
    // A write in the added system namespace is recorded by the cluster's namespace rule ...
    const write = alice('PATCH /apis/apps/v1/namespaces/d8-new-module/deployments/controller');
    const byCluster = explain(effective, write);
    expect(byCluster.decision.level).toBe('Metadata');
    expect(byCluster.origin).toEqual({ layer: 'basic', index: 13 });
    expect(byCluster.label).toBe('basic rule #14 (rules[13])');
    expect(byCluster.title).toBe('system namespaces mutations at Metadata');
    // ... and dropped by the snapshot's tail.
    expect(explain(snapshotEffective, write).origin).toEqual({ layer: 'tail', index: 0 });

    // The removed ServiceAccount's writes in a user namespace now fall to the tail (None).
    const cainjector = requestFromUrl('PATCH /api/v1/namespaces/app/configmaps/x', {
      user: 'system:serviceaccount:d8-cert-manager:cainjector',
    });
    expect(explain(effective, cainjector).decision.level).toBe('None');
    expect(explain(snapshotEffective, cainjector).origin).toEqual({ layer: 'basic', index: 11 });

    // Custom and tail rules sit one place earlier than with the snapshot's 20 basic rules.
    const exec = explain(effective, alice('GET /api/v1/namespaces/prod/pods/web-0/exec?command=sh'));
    expect(exec.ruleIndex).toBe(26);
    expect(exec.origin).toEqual({ layer: 'custom', index: 0 });
    expect(
      explain(snapshotEffective, alice('GET /api/v1/namespaces/prod/pods/web-0/exec?command=sh')).ruleIndex,
    ).toBe(27);
  });

  it('replays an audit log with the cluster rules and layers', async () => {
    const event = (id: string, verb: string, uri: string, user: string, objectRef: Record<string, string>) =>
      JSON.stringify({
        kind: 'Event',
        apiVersion: 'audit.k8s.io/v1',
        level: 'RequestResponse',
        auditID: id,
        stage: 'ResponseComplete',
        requestURI: uri,
        verb,
        user: { username: user, groups: ['system:authenticated'] },
        objectRef,
        requestReceivedTimestamp: '2026-06-01T12:00:00.000000Z',
        stageTimestamp: '2026-06-01T12:00:00.000000Z',
      });
    const log = [
      event('1', 'patch', '/apis/apps/v1/namespaces/d8-new-module/deployments/c', 'alice', {
        resource: 'deployments',
        namespace: 'd8-new-module',
        name: 'c',
        apiGroup: 'apps',
        apiVersion: 'v1',
      }),
      event('2', 'get', '/api/v1/namespaces/prod/pods/web-0/log', 'alice', {
        resource: 'pods',
        subresource: 'log',
        namespace: 'prod',
        name: 'web-0',
        apiVersion: 'v1',
      }),
      event('3', 'get', '/api/v1/namespaces/prod/secrets/s', 'alice', {
        resource: 'secrets',
        namespace: 'prod',
        name: 's',
        apiVersion: 'v1',
      }),
    ].join('\n');
    const report = await simulate([{ name: 'audit.log', stream: Readable.from([log]) }], {
      policy: effective,
    });
    const hits = report.rules
      .filter((r) => r.hits > 0)
      .map((r) => [r.index, r.layer, r.layerIndex, r.hits, r.title ?? r.summary]);
    expect(hits).toEqual([
      [10, 'basic', 10, 1, 'pods/log at Metadata'],
      [13, 'basic', 13, 1, 'system namespaces mutations at Metadata'],
      [27, 'custom', 1, 1, expect.any(String)],
    ]);
  });
});

describe('readMergedAuditPolicy: a DKP 1.76-era file (test/fixtures/deckhouse/merged-policy-1.76.yaml)', () => {
  const merged = readMergedAuditPolicy(fs.readFileSync(FIXTURE_176, 'utf8'), {
    source: 'merged-policy-1.76.yaml',
  });
  const effective = deckhouseEffectivePolicy({
    basicRules: merged.builtInRules,
    customPolicy: merged.customPolicy,
  });

  it('has 38 namespaces incl. d8-ingress-nginx, d8-log-shipper and d8-operator-prometheus, 127 ServiceAccounts, 18 basic rules', () => {
    expect(merged.errors).toEqual([]);
    const rules = merged.builtInRules!;
    expect(rules.systemNamespaces).toHaveLength(38);
    expect(rules.systemNamespaces).toEqual(
      expect.arrayContaining(['d8-ingress-nginx', 'd8-log-shipper', 'd8-operator-prometheus']),
    );
    expect(rules.systemServiceAccounts).toHaveLength(127);
    expect(layersOf(merged.origins)).toEqual({ basic: 18, virtualization: 7, custom: 2, tail: 2 });
    expect(merged.customPolicy!.omitStages).toEqual(['RequestReceived']);
    expect(effective.policy.rules).toEqual(merged.policy!.rules);
    expect(effective.policy.omitStages).toEqual(['RequestReceived']);
  });

  it('reports the lists and both pods/log rules as differences from the snapshot', () => {
    const d = merged.differences!;
    expect(d.namespaces).toEqual({
      added: ['d8-ingress-nginx', 'd8-log-shipper', 'd8-operator-prometheus'],
      removed: [],
    });
    expect(d.serviceAccounts.added).toHaveLength(24);
    expect(d.serviceAccounts.removed).toEqual([
      'system:serviceaccount:d8-cloud-instance-manager:integrity-controller',
      'system:serviceaccount:d8-cloud-provider-yandex:capy-controller-manager',
      'system:serviceaccount:d8-istio:alliance-healthcheck',
      'system:serviceaccount:d8-istio:waypoint-controller',
      'system:serviceaccount:kube-system:d8-control-plane-manager-control-plane-proxy',
    ]);
    expect(d.rules).toEqual([
      { layer: 'basic', change: 'removed', fromIndex: 10, fromTitle: 'pods/log at Metadata' },
      { layer: 'basic', change: 'removed', fromIndex: 19, fromTitle: 'pods/log get at Request' },
    ]);
    expect(formatBuiltInRulesDifference(d, 'the snapshot').slice(-2)).toEqual([
      'basic rule #11 `pods/log at Metadata` of the snapshot is gone',
      'basic rule #20 `pods/log get at Request` of the snapshot is gone',
    ]);
  });

  it('explains with 1.76 rules: kubectl logs is not recorded, ingress-nginx writes are', () => {
    const logs = explain(effective, alice('GET /api/v1/namespaces/prod/pods/web-0/log'));
    expect(logs.decision.level).toBe('None');
    expect(logs.origin).toEqual({ layer: 'tail', index: 0 });
    const ingress = explain(
      effective,
      alice('PATCH /apis/apps/v1/namespaces/d8-ingress-nginx/daemonsets/controller-main'),
    );
    expect(ingress.decision.level).toBe('Metadata');
    expect(ingress.origin).toEqual({ layer: 'basic', index: 12 });
    const secrets = explain(effective, alice('GET /api/v1/namespaces/prod/secrets/db'));
    expect(secrets.origin).toEqual({ layer: 'custom', index: 0 });
    expect(secrets.decision.omitStages).toEqual(['RequestReceived']);
  });

  it('replays a log with the 1.76 layers, and titles that follow the file (one rule earlier than the snapshot)', async () => {
    const report = await simulate([path.resolve(__dirname, '../fixtures/replay/deckhouse.log')], {
      policy: effective,
    });
    expect(
      report.rules.filter((r) => r.hits > 0).map((r) => [r.index, r.layer, r.layerIndex, r.title]),
    ).toEqual([
      [1, 'basic', 1, 'leases at None'],
      [11, 'basic', 11, 'pods create/delete/patch/update at Request'],
      [13, 'basic', 13, 'list at Metadata'],
      [25, 'custom', 0, undefined],
      [26, 'custom', 1, undefined],
      [28, 'tail', 1, 'everything else (unauthenticated) at Metadata'],
    ]);
  });
});

describe('readMergedAuditPolicy never throws (its contract): input that is not text is an error', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['an object', { rules: [] }],
  ])('%s', (_name, input) => {
    let merged: ReturnType<typeof readMergedAuditPolicy> | undefined;
    expect(() => (merged = readMergedAuditPolicy(input as never))).not.toThrow();
    expect(merged!.builtInRules).toBeUndefined();
    expect(merged!.errors.map((e) => e.message).join('\n')).toMatch(
      /expected the merged policy as text \(a string or bytes\)/,
    );
  });

  it('the file read as bytes (readFileSync without an encoding) reads like the text', () => {
    const text = renderAsDeckhouseWrites(deckhouseEffectivePolicy({}).policy);
    const fromBytes = readMergedAuditPolicy(Buffer.from(text, 'utf8') as never);
    expect(fromBytes.errors).toEqual([]);
    expect(fromBytes.builtInRules?.basic).toEqual(readMergedAuditPolicy(text).builtInRules?.basic);
  });
});
