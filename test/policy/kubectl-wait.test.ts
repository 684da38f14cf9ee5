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
