import {
  authenticatedGroups,
  requestIdentity,
  serviceAccountNamespace,
  unrealisticIdentity,
} from '../../src/policy/identity';
import { requestFromKubectl, requestFromUrl } from '../../src/policy/request-info';
import { RequestSpecError } from '../../src/policy/request-spec-error';

// The identity model, decided from kubernetes/apiserver: AuthenticatedGroupAdder
// (pkg/authentication/group/authenticated_group_adder.go), the anonymous authenticator
// (pkg/authentication/request/anonymous) and serviceaccount.SplitUsername/MakeGroupNames.

describe('authenticatedGroups', () => {
  it.each<[string, string[], string[]]>([
    // AuthenticatedGroupAdder appends system:authenticated to any other user...
    ['alice', [], ['system:authenticated']],
    ['alice', ['dev', 'ops'], ['dev', 'ops', 'system:authenticated']],
    // ...unless it is already there or the user is in system:unauthenticated.
    ['alice', ['system:authenticated', 'dev'], ['system:authenticated', 'dev']],
    ['alice', ['system:unauthenticated'], ['system:unauthenticated']],
    // system:anonymous comes from the anonymous authenticator, in system:unauthenticated, never authenticated.
    ['system:anonymous', [], ['system:unauthenticated']],
    // ServiceAccounts: the token authenticator's two groups, then system:authenticated.
    [
      'system:serviceaccount:kube-system:deployer',
      [],
      ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
    ],
    [
      'system:serviceaccount:ci:builder.v2',
      ['extra'],
      ['extra', 'system:serviceaccounts', 'system:serviceaccounts:ci', 'system:authenticated'],
    ],
    // Names SplitUsername rejects are not ServiceAccounts.
    ['system:serviceaccount:Ci:bot', [], ['system:authenticated']],
    ['system:serviceaccount:ci:bot:x', [], ['system:authenticated']],
    ['system:serviceaccount::bot', [], ['system:authenticated']],
    ['system:serviceaccounts:ci', [], ['system:authenticated']],
  ])('%s %j → %j', (user, groups, expected) => {
    expect(authenticatedGroups(user, groups)).toEqual(expected);
  });

  it('is idempotent and always yields a principal the model calls realistic (property, 2,000 cases)', () => {
    const users = [
      'alice',
      'system:anonymous',
      'system:serviceaccount:a:b',
      'system:serviceaccount:x',
      'node:1',
    ];
    const groups = ['dev', 'system:authenticated', 'system:serviceaccounts', 'system:serviceaccounts:a', 'g'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2000; n++) {
      const user = users[Math.floor(next() * users.length)];
      const given = groups.filter(() => next() < 0.3);
      const once = authenticatedGroups(user, given);
      expect(authenticatedGroups(user, once)).toEqual(once);
      for (const g of given) expect(once).toContain(g);
      if (user === 'system:anonymous') {
        // The anonymous authenticator gives exactly system:unauthenticated.
        if (given.length === 0) expect(unrealisticIdentity(user, once)).toBeUndefined();
        else expect(unrealisticIdentity(user, once)).toMatch(/exactly one group/);
      } else {
        expect(unrealisticIdentity(user, once)).toBeUndefined();
        expect(once).toContain('system:authenticated');
      }
    }
  });
});

describe('serviceAccountNamespace', () => {
  it('follows SplitUsername: DNS-1123 label namespace, DNS-1123 subdomain name, exactly two parts', () => {
    expect(serviceAccountNamespace('system:serviceaccount:d8-system:deckhouse')).toBe('d8-system');
    expect(serviceAccountNamespace(`system:serviceaccount:${'a'.repeat(63)}:x`)).toBe('a'.repeat(63));
    expect(serviceAccountNamespace(`system:serviceaccount:${'a'.repeat(64)}:x`)).toBeUndefined();
    expect(serviceAccountNamespace('system:serviceaccount:ns.dot:x')).toBeUndefined();
    expect(serviceAccountNamespace('system:serviceaccount:ns:x_y')).toBeUndefined();
    expect(serviceAccountNamespace('alice')).toBeUndefined();
  });
});

describe('requestIdentity', () => {
  it('defaults to an ordinary authenticated user; unauthenticated has no user info', () => {
    expect(requestIdentity()).toEqual({ user: 'user', groups: ['system:authenticated'] });
    expect(requestIdentity({ unauthenticated: true })).toEqual({});
    expect(requestIdentity({ user: 'system:anonymous' })).toEqual({
      user: 'system:anonymous',
      groups: ['system:unauthenticated'],
    });
  });

  it.each<[object, RegExp]>([
    [{ unauthenticated: true, user: 'x' }, /no user or groups/],
    [{ user: '' }, /empty/],
    [{ user: 'system:anonymous', groups: ['dev'] }, /exactly one group/],
  ])('refuses %j', (identity, message) => {
    expect(() => requestIdentity(identity)).toThrow(RequestSpecError);
    expect(() => requestIdentity(identity)).toThrow(message);
  });

  it('takes a user whose credentials carry system:unauthenticated, without system:authenticated', () => {
    // x509.go takes a client certificate's organizations as the groups (CN=alice, O=system:unauthenticated),
    // and AuthenticatedGroupAdder returns such a user unchanged (authenticated_group_adder.go).
    expect(requestIdentity({ user: 'alice', groups: ['system:unauthenticated'] })).toEqual({
      user: 'alice',
      groups: ['system:unauthenticated'],
    });
    expect(requestIdentity({ user: 'alice', groups: ['ops', 'system:unauthenticated'] })).toEqual({
      user: 'alice',
      groups: ['ops', 'system:unauthenticated'],
    });
    expect(unrealisticIdentity('alice', ['system:unauthenticated'])).toBeUndefined();
  });

  // A caller is a user name and a list of groups: `groups: 'admins'` (a string) used to become the groups
  // a, d, m, i, n, s, so a rule on userGroups [admins] seemed not to match. Every request builder takes
  // the caller through requestIdentity; a wrong shape is a TypeError naming the field.
  it.each<[string, object, RegExp]>([
    [
      'groups as a string',
      { user: 'alice', groups: 'admins' },
      /groups must be a list of strings.*got a string/,
    ],
    [
      'a group that is not a string',
      { user: 'alice', groups: ['dev', 5] },
      /groups must be a list of strings/,
    ],
    ['user as a number', { user: 5 }, /user must be a string.*got a number/],
    ['unauthenticated as a string', { unauthenticated: 'yes' }, /unauthenticated must be true or false/],
    [
      'impliedGroups as a string',
      { user: 'a', impliedGroups: 'false' },
      /impliedGroups must be true or false/,
    ],
  ])('%s: a TypeError naming the field', (_name, identity, message) => {
    expect(() => requestIdentity(identity as never)).toThrow(TypeError);
    expect(() => requestIdentity(identity as never)).toThrow(message);
    expect(() => requestFromUrl('GET /api/v1/pods', identity as never)).toThrow(message);
    expect(() => requestFromKubectl('get pods', identity as never)).toThrow(message);
  });

  it('impliedGroups: false takes the identity as given', () => {
    expect(
      requestIdentity({ user: 'alice', groups: ['system:unauthenticated'], impliedGroups: false }),
    ).toEqual({
      user: 'alice',
      groups: ['system:unauthenticated'],
    });
  });
});
