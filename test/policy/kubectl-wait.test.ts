import { kubectlRequest } from '../../src/policy/request-info';

// kubectl wait, checked against pkg/cmd/wait/wait.go: RunWait polls ResourceFinder for --for=create (GETs
// every 500ms, then one more visit through IsCreated, which sends nothing); the other conditions list the
// object by name and watch it from the list's resourceVersion unless the list already satisfies them.

describe('wait --for=create', () => {
  it.each(['create', 'Create'])('--for=%s is GETs of the object, no list and no watch', (cond) => {
    const r = kubectlRequest(`wait --for=${cond} pod/web-0 -n prod`);
    expect(`${r.method} ${r.url}`).toBe('GET /api/v1/namespaces/prod/pods/web-0');
    expect(r.notes.join(' ')).toContain('never lists or watches');
  });
});

describe('wait for a condition or deletion', () => {
  it('the watch is sent only when the list does not already satisfy the condition', () => {
    const r = kubectlRequest('wait --for=condition=Ready pod/web-0 -n prod');
    expect(`${r.method} ${r.url}`).toBe(
      'GET /api/v1/namespaces/prod/pods?fieldSelector=metadata.name%3Dweb-0&watch=true',
    );
    expect(r.notes.join(' ')).toContain('unless the condition already holds');
    expect(kubectlRequest('wait --for=delete pod/web-0').notes.join(' ')).toContain(
      'unless the object is already gone',
    );
  });
});

// client-go features/known_features.go: WatchListClient is on by default from 1.35, and a plain cache.ListWatch
// (kubectl wait and rollout status hand one to watchtools.UntilWithSync) does not opt out, so the reflector
// opens one watch with sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true
// instead of a list and a watch. kubectl get -w watches through resource.Helper, not a reflector: unchanged.
describe('kubectl 1.35 watch-list', () => {
  const WATCH_LIST =
    'allowWatchBookmarks=true&fieldSelector=metadata.name%3Dweb&resourceVersionMatch=NotOlderThan&' +
    'sendInitialEvents=true&timeoutSeconds=...&watch=true';
  it.each(['wait --for=condition=Available deploy/web -n prod', 'rollout status deploy/web -n prod'])(
    '%s: the note gives the single watch kubectl 1.35+ sends',
    (cmd) => {
      const r = kubectlRequest(cmd);
      expect(r.request.verb).toBe('watch');
      expect(r.notes.join('\n')).toContain(
        `kubectl 1.35 and later (client-go's WatchListClient, on by default from 1.35) send no list: the watch ` +
          `is GET /apis/apps/v1/namespaces/prod/deployments?${WATCH_LIST} (verb watch`,
      );
    },
  );

  it('get -w is not an informer: no watch-list note', () => {
    expect(kubectlRequest('get pods -w -n prod').notes.join('\n')).not.toContain('sendInitialEvents');
  });
});
