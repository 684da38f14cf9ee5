import { DEFAULT_REQUEST_USER, kubectlRequest, requestFromKubectl } from '../../src/policy/request-info';

describe('kubectlRequest: who sends it', () => {
  it('--as/--as-group are impersonation: the policy sees the caller, never the impersonated user', () => {
    const sent = kubectlRequest('get pods -n x --as alice --as-group dev');
    expect(sent.request).toMatchObject({ user: DEFAULT_REQUEST_USER, groups: ['system:authenticated'] });
    expect(sent.impersonate).toEqual({ user: 'alice', groups: ['dev'] });
    expect(sent.notes[0]).toContain('sees the caller (user), not alice');
    const byCaller = kubectlRequest('get pods -n x --as alice', { user: 'bob', groups: ['ops'] });
    expect(byCaller.request).toMatchObject({ user: 'bob', groups: ['ops', 'system:authenticated'] });
  });

  it('the caller carries the groups the authenticators add', () => {
    expect(
      requestFromKubectl('get pods', { user: 'system:serviceaccount:d8-system:deckhouse' }).groups,
    ).toEqual(['system:serviceaccounts', 'system:serviceaccounts:d8-system', 'system:authenticated']);
    expect(requestFromKubectl('get pods')).toMatchObject({
      user: DEFAULT_REQUEST_USER,
      groups: ['system:authenticated'],
    });
    const anon = requestFromKubectl('get pods --unauthenticated');
    expect(anon.user).toBeUndefined();
    expect(anon.groups).toBeUndefined();
    expect(() => requestFromKubectl('get pods --unauthenticated', { user: 'bob' })).toThrow(
      /cannot be combined/,
    );
  });

  it('refuses flags that choose credentials: they do not say who kube-apiserver authenticates', () => {
    expect(() => requestFromKubectl('get pods --user admin')).toThrow(/kubeconfig credentials/);
    expect(() => requestFromKubectl('get pods --token abc')).toThrow(/kubeconfig credentials/);
  });
});
