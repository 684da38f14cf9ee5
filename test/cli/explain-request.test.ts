import { runInProcess } from './helpers';

describe('explain', () => {
  test('--resource knows the API group of well-known resources and takes kubectl-style resource.group', async () => {
    const short = await runInProcess([
      'explain',
      '--deckhouse',
      '--verb',
      'deletecollection',
      '--resource',
      'deploy',
      '-n',
      'prod',
      '--user',
      'alice',
      '--json',
    ]);
    const doc = JSON.parse(short.stdout);
    expect(doc.request).toMatchObject({ resource: 'deployments', apiGroup: 'apps' });
    expect(doc.notes).toEqual([
      '--resource deploy: taken as deployments in API group "apps" (set --api-group to override)',
    ]);
    const dotted = JSON.parse(
      (
        await runInProcess([
          'explain',
          '--deckhouse',
          '--verb',
          'list',
          '--resource',
          'widgets.example.com',
          '--user',
          'a',
          '--json',
        ])
      ).stdout,
    );
    expect(dotted.request).toMatchObject({ resource: 'widgets', apiGroup: 'example.com' });
    const explicit = JSON.parse(
      (
        await runInProcess([
          'explain',
          '--deckhouse',
          '--verb',
          'list',
          '--resource',
          'deployments',
          '--api-group',
          'extensions',
          '--user',
          'a',
          '--json',
        ])
      ).stdout,
    );
    expect(explicit.request).toMatchObject({ resource: 'deployments', apiGroup: 'extensions' });
    expect(explicit.notes).toEqual([]);
  });

  test('--kubectl: the request kubectl sends; --as is impersonation, the caller comes from --user', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--kubectl',
      'delete node worker-1 --as admin',
      '--user',
      'alice',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    // kube-apiserver evaluates the policy before impersonation (k8s-audit-semantics §5.1): alice, not admin.
    expect(doc.request).toMatchObject({ verb: 'delete', resource: 'nodes', name: 'worker-1', user: 'alice' });
    expect(doc.kubectl).toEqual({
      method: 'DELETE',
      url: '/api/v1/nodes/worker-1',
      impersonate: { user: 'admin', groups: [] },
    });
    expect(doc.notes[0]).toContain('sees the caller (alice), not admin');
    expect(doc.decision.level).toBe('RequestResponse');
    expect(doc.origin.layer).toBe('basic');

    const text = await runInProcess([
      'explain',
      '--deckhouse',
      '--kubectl',
      'delete ns d8-monitoring --as admin',
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'Request: delete namespaces "d8-monitoring" in namespace "d8-monitoring" by user "user" (groups system:authenticated)',
    );
    expect(text.stdout).toContain('Sent:    DELETE /api/v1/namespaces/d8-monitoring (what kubectl sends)');
    expect(text.stdout).toContain('As:      admin (impersonated after the policy ran: not what it sees)');
    // The namespace of "delete ns" is the namespace itself, so the system-namespace rule records it.
    expect(text.stdout).toMatch(/^Level: +Metadata$/m);
  });

  // A kubelet authenticates with a client certificate whose organization is system:nodes: the CSR approver
  // (pkg/controller/certificates/approver) and the Node authorizer (pkg/auth/nodeidentifier: a node is a user
  // named system:node:<name> in group system:nodes) require it. GCE's policy audits node status writes by that
  // group (cluster/gce/gci/configure-helper.sh, rule "userGroups: system:nodes ... nodes/status").
  describe('a node user (system:node:NAME) is in group system:nodes unless --group says otherwise', () => {
    const NODE_POLICY = [
      'apiVersion: audit.k8s.io/v1',
      'kind: Policy',
      'rules:',
      '  - level: Request',
      '    userGroups: ["system:nodes"]',
      '    verbs: ["update", "patch"]',
      '    resources: [{ group: "", resources: ["nodes/status"] }]',
      '  - level: RequestResponse',
      '',
    ].join('\n');
    const explain = (...identity: string[]) =>
      runInProcess(['explain', '--policy', '-', '--url', 'PATCH /api/v1/nodes/n1/status', ...identity], {
        stdin: NODE_POLICY,
      });

    test('--user system:node:n1 alone: the kubelet, decided by the system:nodes rule', async () => {
      const run = await explain('--user', 'system:node:n1');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('by user "system:node:n1" (groups system:nodes,system:authenticated)');
      expect(run.stdout).toMatch(/^Level: +Request$/m);
      expect(run.stderr).toContain('assumed group system:nodes');
    });

    test('with --group the groups are as given, and a missing system:nodes is said', async () => {
      const run = await explain('--user', 'system:node:n1', '--group', 'ops');
      expect(run.stdout).toContain('(groups ops,system:authenticated)');
      expect(run.stdout).toMatch(/^Level: +RequestResponse$/m);
      expect(run.stderr).toContain('not in group system:nodes');
      const given = await explain('--user', 'system:node:n1', '--group', 'system:nodes');
      expect(given.stdout).toMatch(/^Level: +Request$/m);
      expect(given.stderr).toBe('');
    });
  });

  // requestinfo.go: for /api/v1/namespaces/NAME (and its status and finalize) the namespace attribute is NAME
  // itself, so a rule with namespaces: [kube-system] matches changes to the kube-system Namespace object
  // (k8s-audit-semantics.md §4.4 and §5.2 step 5).
  describe('--resource namespaces --name NS: the request kube-apiserver sees is in namespace NS', () => {
    const POLICY = [
      'apiVersion: audit.k8s.io/v1',
      'kind: Policy',
      'rules:',
      '  - level: RequestResponse',
      '    namespaces: ["kube-system"]',
      '  - level: None',
      '',
    ].join('\n');
    const explain = (...args: string[]) =>
      runInProcess(['explain', '--policy', '-', '--user', 'u', ...args], { stdin: POLICY });

    test.each([
      [['--resource', 'namespaces'], 'update namespaces "kube-system" in namespace "kube-system"'],
      [
        ['--resource', 'namespaces/status'],
        'update namespaces/status "kube-system" in namespace "kube-system"',
      ],
      [
        ['--resource', 'ns', '-n', 'kube-system'],
        'update namespaces "kube-system" in namespace "kube-system"',
      ],
    ])('%j agrees with --url', async (flags, described) => {
      const run = await explain('--verb', 'update', ...flags, '--name', 'kube-system');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Request: ${described} by user "u"`);
      expect(run.stdout).toMatch(/^Level: +RequestResponse$/m);
      const url = await explain('--url', 'PUT /api/v1/namespaces/kube-system');
      expect(url.stdout).toMatch(/^Level: +RequestResponse$/m);
    });

    test('-n naming another namespace is a usage error: no request has it', async () => {
      const run = await explain('--verb', 'get', '--resource', 'namespaces', '--name', 'a', '-n', 'b');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("a Namespace object's requests are in the namespace of its own name");
    });

    // requestinfo.go step 7: a list names a namespace only by fieldSelector, on the cluster-wide URL.
    test('a list of namespaces named by fieldSelector stays cluster-wide, as --url gives it', async () => {
      const run = await explain('--verb', 'list', '--resource', 'namespaces', '--name', 'kube-system');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('list namespaces "kube-system" (cluster-wide)');
      expect(run.stdout).toMatch(/^Level: +None$/m);
      const url = await explain('--url', 'GET /api/v1/namespaces?fieldSelector=metadata.name=kube-system');
      expect(url.stdout).toContain('list namespaces "kube-system" (cluster-wide)');
      expect(url.stdout).toMatch(/^Level: +None$/m);
      const named = await explain('--verb', 'list', '--resource', 'namespaces', '--name', 'a', '-n', 'a');
      expect(named.code).toBe(2);
      expect(named.stderr).toContain('a list names a namespace only by fieldSelector');
    });

    test('a list of namespaces stays cluster-wide', async () => {
      const run = await explain('--verb', 'list', '--resource', 'namespaces');
      expect(run.stdout).toContain('list namespaces (cluster-wide)');
      expect(run.stdout).toMatch(/^Level: +None$/m);
    });
  });

  // The policy matches nonResourceURLs on the URL path alone: Go's URL.Path, percent-decoded, no query
  // (k8s-audit-semantics.md §4.4); /api/v1/... and /apis/G/V/... are resource requests (§5.2 step 2).
  describe('--path is the path kube-apiserver matches', () => {
    const POLICY = [
      'apiVersion: audit.k8s.io/v1',
      'kind: Policy',
      'rules:',
      '  - level: None',
      '    nonResourceURLs: ["/version"]',
      '  - level: Metadata',
      '',
    ].join('\n');
    const explain = (path: string) =>
      runInProcess(['explain', '--policy', '-', '--user', 'u', '--verb', 'get', '--path', path], {
        stdin: POLICY,
      });

    test.each(['/version?timeout=32s', '/version#x', '/ver%73ion'])(
      '%s is matched as /version',
      async (path) => {
        const run = await explain(path);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('Request: get /version (non-resource URL)');
        expect(run.stdout).toMatch(/^Level: +None$/m);
        expect(run.stderr).toContain('--path: matched as /version');
      },
    );

    test('a resource path is a usage error that points to --url', async () => {
      const run = await explain('/api/v1/namespaces/x/pods');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('is a resource request');
    });
  });
  test("an identity no authenticator gives: the fix is in this command's flags, not a library option", async () => {
    // AuthenticatedGroupAdder and the anonymous authenticator decide the groups (k8s-audit-semantics.md); the
    // CLI adds them itself, so the way out is --user/--group, not requestIdentity's impliedGroups option.
    for (const args of [
      ['--url', 'GET /api/v1/pods'],
      ['--verb', 'list', '--resource', 'pods'],
    ]) {
      const run = await runInProcess([
        'explain',
        '--deckhouse',
        ...args,
        '--user',
        'system:anonymous',
        '--group',
        'devs',
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('system:anonymous (an anonymous request) is in exactly one group');
      expect(run.stderr).toContain("Fix: give --user and --group as the user's credentials carry them");
      expect(run.stderr).not.toContain('impliedGroups');
    }
  });
});

describe('explain: a user whose credentials carry system:unauthenticated', () => {
  // x509.go takes a client certificate's organizations as the groups, and AuthenticatedGroupAdder adds no
  // system:authenticated to a user already in system:unauthenticated (authenticated_group_adder.go). Deckhouse's
  // tail rule #1 (None for system:authenticated) then misses it and the catch-all tail rule #2 (Metadata) decides.
  test('is answered: Deckhouse logs it at Metadata by tail rule #2, and a note says why', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--url',
      'GET /api/v1/namespaces/prod/pods/web-0',
      '--user',
      'alice',
      '--group',
      'system:unauthenticated',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('by user "alice" (groups system:unauthenticated)');
    expect(run.stdout).toMatch(/^Level: +Metadata$/m);
    expect(run.stdout).toContain('tail rule #2');
    expect(run.stderr).toContain('kube-apiserver then adds no system:authenticated');
  });

  test('the same user with system:authenticated is dropped by tail rule #1', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--url',
      'GET /api/v1/namespaces/prod/pods/web-0',
      '--user',
      'alice',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Level: +None$/m);
    expect(run.stdout).toContain('tail rule #1');
  });
});

describe('explain: a user named like a ServiceAccount that is not one', () => {
  // serviceaccount.SplitUsername (k8s.io/apiserver pkg/authentication/serviceaccount/util.go) needs exactly
  // system:serviceaccount:<namespace>:<name>; another name is an ordinary user, without system:serviceaccounts.
  test('is an ordinary user, and a note says why', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--url',
      'GET /api/v1/pods',
      '--user',
      'system:serviceaccount:prod',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('by user "system:serviceaccount:prod" (groups system:authenticated)');
    expect(run.stderr).toContain('is not a ServiceAccount user name (system:serviceaccount:NAMESPACE:NAME');
    const real = await runInProcess([
      'explain',
      '--deckhouse',
      '--url',
      'GET /api/v1/pods',
      '--user',
      'system:serviceaccount:prod:web',
    ]);
    expect(real.stderr).not.toContain('is not a ServiceAccount user name');
    expect(real.stdout).toContain('system:serviceaccounts:prod');
  });
});

describe('explain --kubectl exec/attach/port-forward: the SPDY fallback when the policy tells the verbs apart', () => {
  // kubectl ≥ 1.31 opens exec, attach and port-forward as a WebSocket upgrade (GET: verb get) and falls back to
  // SPDY (POST: verb create) when the upgrade fails; older kubectl sends only the POST (requestinfo.go maps GET to
  // get and POST to create). A rule with verbs [create] only decides the second.
  const POLICY =
    'apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]\nrules:\n' +
    '- level: Request\n  verbs: [create]\n  resources: [{group: "", resources: [pods/exec, pods/portforward]}]\n' +
    '- level: None\n';
  test.each(['exec -it web-0 -n prod -- sh', 'port-forward pod/web-0 8080:80 -n prod'])(
    '%s: the WebSocket decision, and a note with the SPDY one',
    async (command) => {
      const run = await runInProcess(['explain', '--policy', '-', '--kubectl', command, '--user', 'alice'], {
        stdin: POLICY,
      });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Level: +None$/m);
      expect(run.stderr).toContain(
        'the request is a POST, verb create, and gets another decision: Level Request, decided by rule #1 (rules[0])',
      );
    },
  );

  test('no note when both transports get the same decision', async () => {
    const run = await runInProcess(
      ['explain', '--policy', '-', '--kubectl', 'attach web-0 -n prod', '--user', 'alice'],
      {
        stdin: POLICY,
      },
    );
    expect(run.stderr).not.toContain('gets another decision');
  });
});
