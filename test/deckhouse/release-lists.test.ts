import * as fs from 'fs';
import * as path from 'path';
import { buildBasicRules } from '../../src/deckhouse/basic-rules';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { readMergedAuditPolicy } from '../../src/deckhouse/merged-policy';
import { listDependentLintNotes } from '../../src/deckhouse/release-list-lint';
import { listDependentDecisions } from '../../src/deckhouse/release-lists';
import { evaluatePolicy } from '../../src/policy/evaluate';
import { lintPolicy } from '../../src/policy/lint';
import { Policy, RequestAttributes } from '../../src/policy/types';

// The bundled snapshot (DKP 1.77) and a DKP 1.76-era merged file (test/fixtures/deckhouse/merged-policy-1.76.yaml:
// lists of deckhouse audit_policy_basic_targets_generated.go @00f9d115, which hold d8-ingress-nginx and the
// ingress-nginx and monitoring ServiceAccounts, and lack the snapshot's d8-control-plane-manager-control-plane-proxy).
// A decision that turns on a list entry the two releases hold differently must say so, and what it names as the
// other release's answer must be what the 1.76 rules decide.

const MERGED_176 = path.join(__dirname, '../fixtures/deckhouse/merged-policy-1.76.yaml');
const merged = readMergedAuditPolicy(fs.readFileSync(MERGED_176, 'utf8'));
const release176 = deckhouseEffectivePolicy({ basicRules: merged.builtInRules! });
const snapshot = deckhouseEffectivePolicy();

const sa = (ns: string, name: string) => ({
  user: `system:serviceaccount:${ns}:${name}`,
  groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
});
const alice = { user: 'alice', groups: ['system:authenticated'] };

const patchDaemonSet: RequestAttributes = {
  ...alice,
  verb: 'patch',
  resourceRequest: true,
  apiGroup: 'apps',
  resource: 'daemonsets',
  namespace: 'd8-ingress-nginx',
  name: 'controller-main',
};
const patchNode = (who: { user: string; groups: string[] }): RequestAttributes => ({
  ...who,
  verb: 'patch',
  resourceRequest: true,
  resource: 'nodes',
  name: 'worker-1',
});

describe('listDependentDecisions: decisions the per-release system lists change', () => {
  test('a mutation in d8-ingress-nginx: None by the snapshot, Metadata by the 1.76 system-namespace rule', () => {
    expect(evaluatePolicy(snapshot.policy, patchDaemonSet).level).toBe('None');
    const found = listDependentDecisions(snapshot, patchDaemonSet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ list: 'namespace', name: 'd8-ingress-nginx', listed: false });
    expect(found[0].otherwise.level).toBe('Metadata');
    expect(found[0].otherwise.omitStages).toEqual(['RequestReceived']);
    expect(found[0].otherwiseLabel).toBe('basic rule #14 (rules[13])');
    // What the note names is what a 1.76 cluster decides.
    const real = evaluatePolicy(release176.policy, patchDaemonSet);
    expect(real.level).toBe(found[0].otherwise.level);
    expect(real.omitStages).toEqual(found[0].otherwise.omitStages);
    expect(found[0].note).toContain('namespace d8-ingress-nginx is not among');
    expect(found[0].note).toContain('DKP 1.76 lists it');
    expect(found[0].note).toContain('--built-in-rules');
  });

  test('a Node patch by a monitoring ServiceAccount that 1.76 lists: Metadata on 1.76, None by the snapshot', () => {
    const request = patchNode(sa('d8-monitoring', 'prometheus'));
    const found = listDependentDecisions(snapshot, request);
    expect(found.map((f) => [f.list, f.name, f.listed, f.otherwise.level])).toEqual([
      ['ServiceAccount', 'system:serviceaccount:d8-monitoring:prometheus', false, 'Metadata'],
    ]);
    expect(found[0].otherwiseLabel).toBe('basic rule #12 (rules[11])');
    expect(evaluatePolicy(release176.policy, request).level).toBe('Metadata');
  });

  test('a snapshot entry 1.76 lacks: recorded by the snapshot, None on 1.76, and the note says so', () => {
    const request = patchNode(sa('kube-system', 'd8-control-plane-manager-control-plane-proxy'));
    expect(evaluatePolicy(snapshot.policy, request).level).toBe('Metadata');
    const found = listDependentDecisions(snapshot, request);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ list: 'ServiceAccount', listed: true });
    expect(found[0].otherwise.level).toBe('None');
    expect(found[0].note).toContain('DKP 1.76 does not list it');
    expect(evaluatePolicy(release176.policy, request).level).toBe('None');
  });

  test('nothing for what no list decides, or an entry every release has', () => {
    // An application namespace is in no release's list.
    expect(listDependentDecisions(snapshot, { ...patchDaemonSet, namespace: 'prod' })).toEqual([]);
    // A get is not among the list rules' verbs: every release decides it alike.
    expect(listDependentDecisions(snapshot, { ...patchDaemonSet, verb: 'get' })).toEqual([]);
    // Kubernetes' own controllers in kube-system are in no release's list (a Pod create by the ReplicaSet controller
    // is decided by basic rule #13 at Request, and would be Metadata if the ServiceAccount rule listed it).
    const replicaSetController = sa('kube-system', 'replicaset-controller');
    expect(
      listDependentDecisions(snapshot, {
        ...replicaSetController,
        verb: 'create',
        resourceRequest: true,
        resource: 'pods',
        namespace: 'prod',
      }),
    ).toEqual([]);
    // Deckhouse's own ServiceAccount is in every release's list.
    expect(listDependentDecisions(snapshot, patchNode(sa('d8-system', 'deckhouse')))).toEqual([]);
    // An earlier rule decides first whatever the list holds: d8-upmeter is dropped at None by basic rule #7.
    expect(listDependentDecisions(snapshot, { ...patchDaemonSet, namespace: 'd8-upmeter' })).toEqual([]);
  });

  test('a ServiceAccount the user declared (extra-audit-policy-config) is not flipped', () => {
    const withExtra = deckhouseEffectivePolicy({
      basicRules: buildBasicRules({
        extraServiceAccounts: ['system:serviceaccount:d8-monitoring:prometheus'],
      }),
    });
    expect(listDependentDecisions(withExtra, patchNode(sa('d8-monitoring', 'prometheus')))).toEqual([]);
  });
});

// A custom rule about d8-ingress-nginx is live with the snapshot's lists and dead on DKP 1.76, whose
// system-namespace rule records every mutation there first (lint of the 1.76 rules says so).
describe('listDependentLintNotes: custom rules whose lint verdict the lists decide', () => {
  const custom: Policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    rules: [
      { level: 'Metadata', namespaces: ['d8-ingress-nginx'], verbs: ['create', 'update', 'patch', 'delete'] },
      { level: 'Metadata', namespaces: ['prod'] },
    ],
  };

  test('a rule dead on 1.76 only is named, with the name and the release', () => {
    const withSnapshot = deckhouseEffectivePolicy({ customPolicy: custom });
    const notes = listDependentLintNotes(withSnapshot, lintPolicy(withSnapshot));
    expect(notes).toEqual([
      "your rule #1 (rules[27]) decides requests with the bundled snapshot's system lists, but on a release whose " +
        'lists differ for the names it selects (namespace d8-ingress-nginx listed: DKP 1.76 lists it; its module ' +
        "left the main repository in DKP 1.77) it can never decide a request: Deckhouse's list rules record them " +
        "first; lint the cluster's merged policy with --built-in-rules (builtInRules in code)",
    ]);
    const on176 = deckhouseEffectivePolicy({ basicRules: merged.builtInRules!, customPolicy: custom });
    const dead = lintPolicy(on176).filter((f) => f.code === 'shadowed-rule' && f.layer === 'custom');
    expect(dead.map((f) => on176.origins[f.ruleIndex])).toEqual([{ layer: 'custom', index: 0 }]);
  });

  test("nothing for rules about names no release lists, nor with a cluster's own lists", () => {
    const prodOnly: Policy = { ...custom, rules: [custom.rules[1]] };
    const withSnapshot = deckhouseEffectivePolicy({ customPolicy: prodOnly });
    expect(listDependentLintNotes(withSnapshot, lintPolicy(withSnapshot))).toEqual([]);
    const on176 = deckhouseEffectivePolicy({ basicRules: merged.builtInRules!, customPolicy: custom });
    expect(listDependentLintNotes(on176, lintPolicy(on176))).toEqual([]);
  });
});
