import { fixture, runInProcess } from './helpers';
import { EXEC_URL } from './explain-helpers';

const F = fixture;

describe('explain', () => {
  test("Deckhouse's built-in rules do not record kubectl exec (it falls to the tail's None); --expect fails", async () => {
    const run = await runInProcess(['explain', '--deckhouse', '--url', EXEC_URL, '--expect', 'Request']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Request: get pods/exec "web-0" in namespace "prod" by user "user" (groups system:authenticated)',
    );
    expect(run.stdout).toContain('Policy:  Deckhouse built-in rules + tail rules');
    expect(run.stdout).toMatch(/^Level: +None$/m);
    expect(run.stdout).toMatch(/^Rule: +tail rule #1 \(rules\[27\]\): authenticated users at None$/m);
    expect(run.stdout.trimEnd().split('\n').at(-2)).toBe('FAIL: expected Request, got None');
    // The assumed user is said out loud, on stderr.
    expect(run.stderr).toContain('no user given: assumed an ordinary authenticated user "user"');
  });

  test('a --url without a method is read as GET, and the note says so (the method decides the verb)', async () => {
    const bare = await runInProcess([
      'explain',
      '--deckhouse',
      '--url',
      '/api/v1/namespaces/prod/pods',
      '--user',
      'alice',
    ]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('Request: list pods in namespace "prod" by user "alice"');
    expect(bare.stderr).toContain('--url: no HTTP method given: assumed GET (verb "list")');
    const given = await runInProcess([
      'explain',
      '--deckhouse',
      '--url',
      'POST /api/v1/namespaces/prod/pods',
      '--user',
      'alice',
    ]);
    expect(given.stdout).toContain('Request: create pods in namespace "prod" by user "alice"');
    expect(given.stderr).not.toContain('no HTTP method given');
  });

  test('a custom rule closes the gap: the deciding rule, its layer and where it is in the file', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--policy',
      F('policy.yaml'),
      '--url',
      EXEC_URL,
      '--user',
      'alice',
      '--expect',
      'Request',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Level: +Request$/m);
    expect(run.stdout).toMatch(/^Omitted: +RequestReceived$/m);
    expect(run.stdout).toMatch(/^Rule: +your rule #1 \(rules\[27\]\): pods\/exec, pods\/attach at Request$/m);
    expect(run.stdout).toContain(`  rules[27] is at ${F('policy.yaml')}:7:5`);
    expect(run.stdout).toContain('OK: recorded at Request');
  });

  test('a custom rule pre-empted by a built-in one is named with the level it wanted', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--policy',
      F('sensitive-policy.yaml'),
      '--json',
      '--verb',
      'list',
      '--resource',
      'secrets',
      '--namespace',
      'prod',
      '--user',
      'alice',
      '--group',
      'dev',
    ]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.request).toEqual({
      verb: 'list',
      resourceRequest: true,
      resource: 'secrets',
      apiGroup: '',
      namespace: 'prod',
      user: 'alice',
      groups: ['dev', 'system:authenticated'],
    });
    expect(doc.decision.level).toBe('Metadata');
    expect(doc.origin).toEqual({ layer: 'basic', index: 14 });
    expect(doc.location).toBeUndefined();
    expect(doc.preempted).toEqual([
      expect.objectContaining({
        wantedLevel: 'RequestResponse',
        origin: { layer: 'custom', index: 1 },
        location: `${F('sensitive-policy.yaml')}:8:5`,
      }),
      expect.objectContaining({ wantedLevel: 'Metadata', origin: { layer: 'custom', index: 2 } }),
    ]);
    expect(doc.notes).toEqual([]);
  });

  test('--extra-service-account adds a ServiceAccount to the built-in ServiceAccount rule, like the ConfigMap does', async () => {
    const argv = [
      'explain',
      '--deckhouse',
      '--json',
      '--kubectl',
      'delete configmap foo -n default',
      '--user',
      'system:serviceaccount:ci:deployer',
    ];
    const without = JSON.parse((await runInProcess(argv)).stdout);
    expect(without.decision.level).toBe('None');
    expect(without.origin).toEqual({ layer: 'tail', index: 0 });
    const withExtra = JSON.parse(
      (await runInProcess([...argv, '--extra-service-account', 'system:serviceaccount:ci:deployer'])).stdout,
    );
    expect(withExtra.decision.level).toBe('Metadata');
    expect(withExtra.origin).toEqual({ layer: 'basic', index: 11 });
    expect(
      (
        await runInProcess([
          ...argv.slice(0, 1),
          '--policy',
          fixture('policy.yaml'),
          '--extra-service-account',
          'x',
          '--url',
          'GET /healthz',
        ])
      ).code,
    ).toBe(2);
  });

  test('unauthenticated requests reach the Metadata catch-all of the tail', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--url',
      'GET /healthz',
      '--unauthenticated',
      '--json',
    ]);
    const doc = JSON.parse(run.stdout);
    expect(doc.request).toEqual({ verb: 'get', resourceRequest: false, path: '/healthz' });
    expect(doc.decision.level).toBe('Metadata');
    expect(doc.origin).toEqual({ layer: 'tail', index: 1 });
  });

  test('--no-basic without a policy: audit is off', async () => {
    const run = await runInProcess(['explain', '--deckhouse', '--no-basic', '--url', 'GET /api/v1/pods']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Policy:  no rules (audit off)');
    expect(run.stdout).toMatch(/^Level: +None \(audit is off\)$/m);
  });

  test('a plain policy from a Secret on stdin', async () => {
    const { readFileSync } = await import('node:fs');
    const run = await runInProcess(
      [
        'explain',
        '--policy',
        '-',
        '--verb',
        'create',
        '--resource',
        'clusterrolebindings',
        '--api-group',
        'rbac.authorization.k8s.io',
        '--user',
        'bob',
      ],
      {
        stdin: readFileSync(F('secret.yaml')),
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Level: +RequestResponse$/m);
    expect(run.stdout).toContain('rules[3] is at -[data.audit-policy.yaml]:17:5');
  });
});
