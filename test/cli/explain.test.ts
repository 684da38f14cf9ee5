import { fixture, runInProcess } from './helpers';

const F = fixture;
const EXEC_URL = 'GET /api/v1/namespaces/prod/pods/web-0/exec?command=sh&stdin=true&tty=true';

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

  test('usage errors exit 2', async () => {
    const none = await runInProcess(['explain', '--deckhouse']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('describe the request with --url, --kubectl, or --verb');
    const two = await runInProcess(['explain', '--deckhouse', '--url', 'GET /healthz', '--verb', 'get']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain(
      'give the request one way only, got --url, --verb: drop the other flags or write them into the --url path',
    );
    const kubectl = await runInProcess([
      'explain',
      '--deckhouse',
      '--kubectl',
      'get pods',
      '--namespace',
      'prod',
    ]);
    expect(kubectl.stderr).toContain(
      'got --kubectl, --namespace: drop the other flags or write them into --kubectl (e.g. -n prod)',
    );
    expect(
      (await runInProcess(['explain', '--deckhouse', '--url', EXEC_URL, '--expect', 'Everything'])).code,
    ).toBe(2);
    expect((await runInProcess(['explain', '--url', EXEC_URL])).code).toBe(2);
    const kubectlUser = await runInProcess(['explain', '--deckhouse', '--kubectl', 'get pods --user x']);
    expect(kubectlUser.code).toBe(2);
    expect(kubectlUser.stderr).toContain('--kubectl: --user chooses kubeconfig credentials');
    const typo = await runInProcess(['explain', '--deckhouse', '--verb', 'gett', '--resource', 'pods']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(
      '--verb: "gett" is not a verb kube-apiserver gives a resource request (did you mean "get"?)',
    );
    // kubectl resolves deploy/deployment in apps to deployments (its discovery), the plural a rule must list.
    const singular = await runInProcess([
      'explain',
      '--deckhouse',
      '--verb',
      'list',
      '--resource',
      'deployment.apps',
      '-n',
      'x',
      '--json',
    ]);
    expect(singular.code).toBe(0);
    expect(JSON.parse(singular.stdout).request).toMatchObject({ resource: 'deployments', apiGroup: 'apps' });
    for (const url of ['FETCH /api/v1/pods', 'FOO /x']) {
      const bad = await runInProcess(['explain', '--deckhouse', '--url', url]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('unknown HTTP method');
    }
    const badUrl = await runInProcess(['explain', '--deckhouse', '--url', 'pods please']);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/--url: /);
    expect((await runInProcess(['explain', '--deckhouse', '--verb', 'get'])).code).toBe(2);
  });

  // RequestInfoFactory (k8s-audit-semantics.md §5.2): a subresource only after a name, never with the proxy
  // verb; a GET without a name is a list or watch, a DELETE without one a deletecollection. --verb/--resource
  // naming such a request would be answered for attributes kube-apiserver never builds (a rule with
  // resourceNames, or one for list, decides the real request otherwise).
  test.each([
    [['--verb', 'get', '--resource', 'pods/exec', '-n', 'prod'], 'subresource "exec" without an object name'],
    [
      ['--verb', 'create', '--resource', 'apps/deployments', '-n', 'prod'],
      'write RESOURCE.GROUP (deployments.apps)',
    ],
    [
      ['--verb', 'list', '--resource', 'pods/log', '--name', 'web-0', '-n', 'prod'],
      'a list request has no subresource',
    ],
    [
      ['--verb', 'proxy', '--resource', 'pods/exec', '--name', 'web-0', '-n', 'p'],
      'a proxy request has no subresource',
    ],
    [['--verb', 'get', '--resource', 'secrets', '-n', 'prod'], 'calls a GET without a name a list'],
    [
      ['--verb', 'delete', '--resource', 'pods', '-n', 'prod'],
      'calls a DELETE without a name a deletecollection',
    ],
  ])('%j describes no request kube-apiserver builds: usage error', async (flags, message) => {
    const run = await runInProcess(['explain', '--deckhouse', ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  test('the same requests, as kube-apiserver builds them, are accepted', async () => {
    for (const flags of [
      ['--verb', 'get', '--resource', 'pods/exec', '--name', 'web-0', '-n', 'prod'],
      ['--verb', 'watch', '--resource', 'pods/status', '--name', 'web-0', '-n', 'prod'],
      ['--verb', 'list', '--resource', 'secrets', '-n', 'prod'],
      ['--verb', 'get', '--resource', 'secrets', '--name', 's', '-n', 'prod'],
      ['--verb', 'update', '--resource', 'namespaces/finalize', '--name', 'x'],
    ]) {
      expect((await runInProcess(['explain', '--deckhouse', ...flags])).code).toBe(0);
    }
  });
});

describe('explain --url follows --kubernetes-version when it derives the request', () => {
  // labels.Parse accepts "x in (a,,)" from Kubernetes 1.35; before, the failed list-options decode drops
  // the fieldSelector name, so the list carries no name.
  const url = 'GET /api/v1/namespaces/prod/pods?fieldSelector=metadata.name%3Dweb-0&labelSelector=x+in+(a,,)';
  test.each([
    ['1.36', 'web-0'],
    ['1.34', undefined],
  ])('Kubernetes %s: name %s', async (version, name) => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--kubernetes-version',
      version,
      '--url',
      url,
      '--json',
    ]);
    expect(run.code).toBe(0);
    const request = (JSON.parse(run.stdout) as { request: { verb: string; name?: string } }).request;
    expect(request.verb).toBe('list');
    expect(request.name || undefined).toBe(name);
  });
});
