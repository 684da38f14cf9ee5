import { fixture, runInProcess } from './helpers';

// explain --kubectl with a workload instead of a Pod. kubectl reads the workload, lists its Pods by label
// selector and takes one (kubectl pkg/polymorphichelpers/helpers.go, logsforobject.go,
// attachablepodforobject.go), so the pods/<subresource> request goes to a Pod whose name is not known here.
// pod-names-policy.yaml lists db-0 and db-1 for pods/exec and pods/log (RequestResponse), and everything else
// of pods/exec, log, attach, portforward at Metadata: by checker.go's resourceNames matching, only those two
// names decide differently.

const F = fixture;

describe('explain --kubectl TYPE/NAME', () => {
  test('logs deploy/web on Deckhouse: the lookups as notes, one decision whichever Pod', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--kubectl',
      'logs deploy/web -n prod',
      '--user',
      'alice',
      '--expect',
      'Metadata',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Request: get pods/log in namespace "prod" by user "alice" (groups system:authenticated)',
    );
    expect(run.stdout).toContain('Sent:    GET /api/v1/namespaces/prod/pods/POD/log (what kubectl sends)');
    expect(run.stdout).toContain(
      'Pod:     one Pod of deployments/web, picked when kubectl runs (name not known)',
    );
    expect(run.stdout).toContain('Whichever Pod kubectl picks, the decision is the same');
    // Deckhouse's audit_policy.go: pods/log at Metadata (basic rule #11).
    expect(run.stdout).toMatch(/^Rule: +basic rule #11 \(rules\[10\]\): pods\/log at Metadata$/m);
    expect(run.stdout).toContain('OK: recorded at Metadata');
    expect(run.stderr).toContain(
      'note: kubectl first reads deployments/web: GET /apis/apps/v1/namespaces/prod/deployments/web (verb get)\n',
    );
    expect(run.stderr).toContain(
      'note: then lists the Pods its selector selects: GET /api/v1/namespaces/prod/pods?labelSelector=<spec.selector of deployments/web> (verb list)',
    );
  });

  test('a policy that names Pods: the decision depends on the name, said plainly; --expect checks each', async () => {
    const run = await runInProcess([
      'explain',
      '--policy',
      F('pod-names-policy.yaml'),
      '--kubectl',
      'exec sts/db -n data -- sh',
      '--user',
      'alice',
      '--expect',
      'Metadata',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("The decision depends on the Pod's name, known only when kubectl runs");
    expect(run.stdout).toContain(
      '  - Pods named db-0, db-1: Level RequestResponse, decided by rule #1 (rules[0]): pods/exec, pods/log named db-0, db-1 at RequestResponse\n' +
        '  - any other Pod: Level Metadata, as follows\n',
    );
    expect(run.stdout).toMatch(/^Level: +Metadata$/m);
    expect(run.stdout).toContain(`  rules[0] is at ${F('pod-names-policy.yaml')}:5:5`);
    expect(run.stdout).toContain(`  rules[2] is at ${F('pod-names-policy.yaml')}:16:5`);
    expect(run.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      'FAIL: expected Metadata, got RequestResponse for Pods named db-0, db-1',
      '    fix: rule #1 (rules[0]) decides first: change its level, or put a rule at Metadata for this request before it',
    ]);
  });

  test('--expect passes when every Pod gets the level (attach: no rule names Pods for pods/attach)', async () => {
    const run = await runInProcess([
      'explain',
      '--policy',
      F('pod-names-policy.yaml'),
      '--kubectl',
      'attach deployment web -n data',
      '--expect',
      'Metadata',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Whichever Pod kubectl picks, the decision is the same');
    expect(run.stdout).toContain('OK: recorded at Metadata');
  });

  test('the Pod line says one Pod or each, and from what', async () => {
    const pod = async (kubectl: string) =>
      (await runInProcess(['explain', '--policy', F('pod-names-policy.yaml'), '--kubectl', kubectl])).stdout
        .split('\n')
        .find((l) => l.startsWith('Pod:'));
    expect(await pod('logs -l app=db -n data')).toBe(
      'Pod:     each Pod that -l app=db selects, listed when kubectl runs (names not known)',
    );
    expect(await pod('logs sts/db --all-pods -n data')).toBe(
      'Pod:     each Pod of statefulsets/db, listed when kubectl runs (names not known)',
    );
    expect(await pod('port-forward svc/db 5432 -n data')).toBe(
      'Pod:     one Pod of services/db, picked when kubectl runs (name not known)',
    );
    expect(await pod('logs db-0 -n data')).toBeUndefined();
  });

  test('--json: the request has no name, kubectl.podLookup says why, podName lists the names that decide', async () => {
    const run = await runInProcess([
      'explain',
      '--policy',
      F('pod-names-policy.yaml'),
      '--kubectl',
      'logs -l app=db -n data',
      '--user',
      'alice',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.request).toEqual({
      user: 'alice',
      groups: ['system:authenticated'],
      verb: 'get',
      resourceRequest: true,
      namespace: 'data',
      apiGroup: '',
      apiVersion: 'v1',
      resource: 'pods',
      subresource: 'log',
    });
    // logs.go ToLogOptions: -l without --tail asks for selectorTail (10) lines.
    expect(doc.kubectl).toEqual({
      method: 'GET',
      url: '/api/v1/namespaces/data/pods/POD/log?tailLines=10',
      podLookup: { from: '-l app=db', pods: 'each' },
    });
    expect(doc.decision).toEqual({
      level: 'Metadata',
      omitStages: [],
      omitManagedFields: false,
      ruleIndex: 2,
    });
    expect(doc.podName).toEqual({
      known: false,
      decisionDependsOnName: true,
      listedNames: [
        {
          names: ['db-0', 'db-1'],
          decision: { level: 'RequestResponse', omitStages: [], omitManagedFields: false, ruleIndex: 0 },
          ruleIndex: 0,
          label: 'rule #1 (rules[0])',
          title: 'pods/exec, pods/log named db-0, db-1 at RequestResponse',
        },
      ],
    });
    expect(doc.notes[0]).toBe(
      'kubectl first lists the Pods: GET /api/v1/namespaces/data/pods?labelSelector=app%3Ddb (verb list)',
    );
  });

  test('--json for a named Pod keeps the shape it had: a name, no podLookup, no podName', async () => {
    const run = await runInProcess([
      'explain',
      '--policy',
      F('pod-names-policy.yaml'),
      '--kubectl',
      'logs db-0 -n data',
      '--json',
    ]);
    const doc = JSON.parse(run.stdout);
    expect(doc.request.name).toBe('db-0');
    expect(doc.kubectl).toEqual({ method: 'GET', url: '/api/v1/namespaces/data/pods/db-0/log' });
    expect(doc.podName).toBeUndefined();
    expect(doc.decision.level).toBe('RequestResponse');
  });

  test.each([
    [
      'logs cronjob/nightly',
      'kubectl finds the Pods of a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job',
    ],
    ['debug deploy/web', 'kubectl debug works on a Pod or a Node only'],
    ['port-forward svc/web', '"port-forward" needs TYPE/NAME (or POD) and a list of ports'],
  ])('%j is a usage error that names the fix, without a stack trace', async (kubectl, message) => {
    const run = await runInProcess(['explain', '--deckhouse', '--kubectl', kubectl]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`deckhouse-audit explain: --kubectl: "${kubectl.split(' ')[0]}`);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
