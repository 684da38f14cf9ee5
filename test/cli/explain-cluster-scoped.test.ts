import { runInProcess } from './helpers';

// explain --url and --resource take the request as given, namespace included; for a resource the package knows
// to be cluster-scoped (here NodeGroup: deckhouse/deckhouse modules/040-node-manager/crds/node_group.yaml,
// scope: Cluster) a namespace names a URL no API server serves, and explain says so.
describe('explain: a namespace on a cluster-scoped resource', () => {
  test('--url with /namespaces/ on nodegroups', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--url',
      'GET /apis/deckhouse.io/v1/namespaces/x/nodegroups',
      '--user',
      'alice',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'note: --url: nodegroups.deckhouse.io are cluster-scoped: no API server serves them under a namespace',
    );
    expect(run.stdout).toContain('Request: list nodegroups.deckhouse.io in namespace "x"');
  });

  test('--resource ng --namespace x: the group from the CRD, and the note', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--verb',
      'list',
      '--resource',
      'ng',
      '--namespace',
      'x',
      '--user',
      'alice',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('note: --resource ng: taken as nodegroups in API group "deckhouse.io"');
    expect(run.stderr).toMatch(
      /note: --namespace: nodegroups\.deckhouse\.io are cluster-scoped: .*drop --namespace/,
    );
  });

  test('no note for a namespaced resource or a Namespace object', async () => {
    for (const args of [
      ['--verb', 'list', '--resource', 'dexauthenticators', '--namespace', 'x'],
      ['--verb', 'get', '--resource', 'namespaces', '--namespace', 'x', '--name', 'x'],
    ]) {
      const run = await runInProcess(['explain', '--deckhouse', ...args, '--user', 'alice']);
      expect(run.code).toBe(0);
      expect(run.stderr).not.toContain('cluster-scoped');
    }
  });
});
