import { runInProcess } from './helpers';
import { EXEC_URL } from './explain-helpers';

describe('explain', () => {
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
