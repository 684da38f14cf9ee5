import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { readMergedAuditPolicy } from '../../src/deckhouse/merged-policy';
import { simulate } from '../../src/replay';
import { runInProcess } from '../cli/helpers';

// A log from a cluster replayed under the bundled snapshot (DKP 1.77): events whose decision turns on its
// per-release system lists are counted, and what they are counted as is what a DKP 1.76 cluster decides
// (test/fixtures/deckhouse/merged-policy-1.76.yaml: lists of deckhouse audit_policy_basic_targets_generated.go
// @00f9d115, which hold d8-ingress-nginx and ServiceAccount d8-ingress-nginx:ingress-nginx).

const MERGED_176 = path.resolve(__dirname, '../fixtures/deckhouse/merged-policy-1.76.yaml');
const release176 = deckhouseEffectivePolicy({
  basicRules: readMergedAuditPolicy(fs.readFileSync(MERGED_176, 'utf8')).builtInRules!,
});

// Lines as kube-apiserver writes them (members in types.go order, ResponseComplete, Metadata).
function line(
  id: string,
  verb: string,
  uri: string,
  user: string,
  groups: string[],
  objectRef: object,
): string {
  return JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: id,
    stage: 'ResponseComplete',
    requestURI: uri,
    verb,
    user: { username: user, groups },
    sourceIPs: ['10.12.0.7'],
    userAgent: 'nginx-ingress-controller/v1.10.1 (linux/amd64) ingress-nginx/4f7d2a9',
    objectRef,
    responseStatus: { metadata: {}, code: 200 },
    requestReceivedTimestamp: `2026-11-30T10:00:0${id.slice(-1)}.000000Z`,
    stageTimestamp: `2026-11-30T10:00:0${id.slice(-1)}.004000Z`,
    annotations: { 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': '' },
  });
}
const saGroups = (ns: string) => [
  'system:serviceaccounts',
  `system:serviceaccounts:${ns}`,
  'system:authenticated',
];
const INGRESS_SA = 'system:serviceaccount:d8-ingress-nginx:ingress-nginx';
const LOG_LINES = [
  // ingress-nginx writes the load balancer address into the Ingress status of an application namespace.
  ...['e1', 'e2'].map((id) =>
    line(
      id,
      'update',
      '/apis/networking.k8s.io/v1/namespaces/prod/ingresses/web/status',
      INGRESS_SA,
      saGroups('d8-ingress-nginx'),
      {
        resource: 'ingresses',
        namespace: 'prod',
        name: 'web',
        apiGroup: 'networking.k8s.io',
        apiVersion: 'v1',
        subresource: 'status',
      },
    ),
  ),
  // An administrator scales the controller's DaemonSet (a mutation in the module's namespace).
  line(
    'e3',
    'patch',
    '/apis/apps/v1/namespaces/d8-ingress-nginx/daemonsets/controller-main',
    'alice',
    ['admins', 'system:authenticated'],
    {
      resource: 'daemonsets',
      namespace: 'd8-ingress-nginx',
      name: 'controller-main',
      apiGroup: 'apps',
      apiVersion: 'v1',
    },
  ),
  // Deckhouse itself, listed by every release: no list decides it otherwise.
  line(
    'e4',
    'update',
    '/api/v1/namespaces/d8-system/configmaps/deckhouse',
    'system:serviceaccount:d8-system:deckhouse',
    saGroups('d8-system'),
    {
      resource: 'configmaps',
      namespace: 'd8-system',
      name: 'deckhouse',
      apiVersion: 'v1',
    },
  ),
  // An application namespace no release lists.
  line(
    'e5',
    'patch',
    '/apis/apps/v1/namespaces/prod/deployments/web',
    'alice',
    ['admins', 'system:authenticated'],
    {
      resource: 'deployments',
      namespace: 'prod',
      name: 'web',
      apiGroup: 'apps',
      apiVersion: 'v1',
    },
  ),
];

describe('simulate under the bundled snapshot: decisions its per-release lists turn', () => {
  let log: string;
  beforeAll(() => {
    log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-lists-')), 'audit.log');
    fs.writeFileSync(log, LOG_LINES.join('\n') + '\n');
  });

  test('are counted per name, and equal what the 1.76 rules decide differently', async () => {
    const snapshot = await simulate([log], { policy: deckhouseEffectivePolicy() });
    expect(snapshot.snapshotListDecisions).toEqual({
      events: 3,
      byName: {
        [`ServiceAccount ${INGRESS_SA}: None->Metadata`]: 2,
        'namespace d8-ingress-nginx: None->Metadata': 1,
      },
    });
    const on176 = await simulate([log], { policy: release176 });
    // The 1.76 cluster records exactly those three at Metadata; the rest is decided alike.
    expect(snapshot.decided).toEqual({ None: 4, Metadata: 1, Request: 0, RequestResponse: 0 });
    expect(on176.decided).toEqual({ None: 1, Metadata: 4, Request: 0, RequestResponse: 0 });
    // Its own lists are the cluster's: nothing to count.
    expect(on176.snapshotListDecisions).toBeUndefined();
  });

  test('simulate --deckhouse warns with the names and the fix; --built-in-rules does not', async () => {
    const run = await runInProcess(['simulate', '--deckhouse', log]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "  - 3 events are decided by the bundled snapshot's system lists, which Deckhouse generates per release from " +
        'the modules it ships (modules add ServiceAccounts with extra-audit-policy-config ConfigMaps): on a cluster ' +
        'whose lists hold the name the other way they are decided otherwise ' +
        `(ServiceAccount ${INGRESS_SA}: None → Metadata: 2; namespace d8-ingress-nginx: None → Metadata: 1); ` +
        "replay with the cluster's merged policy (--built-in-rules " +
        '/etc/kubernetes/deckhouse/extra-files/audit-policy.yaml from a master) for its counts\n',
    );
    const own = await runInProcess(['simulate', '--built-in-rules', MERGED_176, log]);
    expect(own.stdout).not.toContain('bundled snapshot');
  });

  // Worker threads load the replay from source through tsx, so the threaded runs happen in a child process.
  test('worker threads merge the counts: 1 and 2 threads give the same', () => {
    const big = path.join(path.dirname(log), 'big.log');
    fs.writeFileSync(big, Array.from({ length: 400 }, () => LOG_LINES.join('\n')).join('\n') + '\n');
    const script = `
      const { simulate } = require('./src/replay');
      const { deckhouseEffectivePolicy } = require('./src/deckhouse/effective');
      (async () => {
        const out = [];
        for (const jobs of [1, 2]) {
          const r = await simulate([process.argv[1]], { policy: deckhouseEffectivePolicy(), jobs });
          out.push([r.sources[0].threads, r.snapshotListDecisions]);
        }
        process.stdout.write(JSON.stringify(out));
      })();`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, big], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).toBe('');
    const [[oneThread, one], [twoThreads, two]] = JSON.parse(r.stdout);
    expect([oneThread, twoThreads]).toEqual([1, 2]);
    expect(one).toEqual({
      events: 1200,
      byName: {
        [`ServiceAccount ${INGRESS_SA}: None->Metadata`]: 800,
        'namespace d8-ingress-nginx: None->Metadata': 400,
      },
    });
    expect(two).toEqual(one);
  });
});
