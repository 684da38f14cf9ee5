import { AuditEvent, eventProblem, eventToRequest, podCreateWithoutDigest } from '../../src/replay/event';

const ev = (fields: Record<string, unknown>): AuditEvent =>
  ({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    stage: 'ResponseComplete',
    ...fields,
  }) as AuditEvent;

describe('eventToRequest: request attributes as kube-apiserver built them', () => {
  test('resource request: objectRef fields, authenticated user, path without query', () => {
    expect(
      eventToRequest(
        ev({
          verb: 'list',
          requestURI: '/apis/apps/v1/namespaces/prod/deployments?limit=500&labelSelector=a%3Db',
          user: { username: 'alice', uid: 'u', groups: ['admins', 'system:authenticated'] },
          impersonatedUser: { username: 'bob', groups: ['developers'] },
          objectRef: { resource: 'deployments', namespace: 'prod', apiGroup: 'apps', apiVersion: 'v1' },
        }),
      ),
    ).toEqual({
      user: 'alice',
      groups: ['admins', 'system:authenticated'],
      verb: 'list',
      resourceRequest: true,
      path: '/apis/apps/v1/namespaces/prod/deployments',
      apiGroup: 'apps',
      apiVersion: 'v1',
      resource: 'deployments',
      subresource: '',
      namespace: 'prod',
      name: '',
    });
  });

  test('subresource and name', () => {
    const req = eventToRequest(
      ev({
        verb: 'get',
        requestURI: '/api/v1/namespaces/prod/pods/web-0/exec?command=sh',
        user: { username: 'alice' },
        objectRef: {
          resource: 'pods',
          namespace: 'prod',
          name: 'web-0',
          subresource: 'exec',
          apiVersion: 'v1',
        },
      }),
    );
    expect(req).toMatchObject({
      resource: 'pods',
      subresource: 'exec',
      name: 'web-0',
      apiGroup: '',
      groups: [],
    });
  });

  test('non-resource request: no objectRef', () => {
    expect(
      eventToRequest(ev({ verb: 'get', requestURI: '/healthz?verbose', user: { username: 'u' } })),
    ).toEqual({
      user: 'u',
      groups: [],
      verb: 'get',
      resourceRequest: false,
      path: '/healthz',
    });
  });

  test('failed authentication (user {}) and missing user map to no user at all', () => {
    expect(eventToRequest(ev({ verb: 'get', requestURI: '/api', user: {} })).user).toBeUndefined();
    expect(
      eventToRequest(ev({ verb: 'get', requestURI: '/api', user: { username: '' } })).user,
    ).toBeUndefined();
    expect(eventToRequest(ev({ verb: 'get', requestURI: '/api' }))).toEqual({
      verb: 'get',
      resourceRequest: false,
      path: '/api',
    });
  });

  test('system:anonymous is an authenticated identity as far as the policy is concerned', () => {
    const req = eventToRequest(
      ev({
        verb: 'get',
        requestURI: '/version',
        user: { username: 'system:anonymous', groups: ['system:unauthenticated'] },
      }),
    );
    expect(req).toMatchObject({ user: 'system:anonymous', groups: ['system:unauthenticated'] });
  });
});

describe('eventProblem', () => {
  test.each([
    [[1, 2], 'not a JSON object'],
    ['text', 'not a JSON object'],
    [null, 'not a JSON object'],
    [{ kind: 'Pod', verb: 'get', stage: 'ResponseComplete' }, 'kind is "Pod", expected "Event"'],
    [{ apiVersion: 'audit.k8s.io/v1alpha1', verb: 'get', stage: 'ResponseComplete' }, 'apiVersion is'],
    [{ stage: 'ResponseComplete' }, 'missing verb'],
    [{ verb: null, stage: 'ResponseComplete' }, 'verb is null, expected a string'],
    [{ verb: 'get' }, 'missing stage'],
    [{ verb: 'get', stage: 'Done' }, 'unknown stage "Done"'],
    [{ verb: 'get', stage: 'Panic', objectRef: 'pods' }, 'objectRef is not an object'],
  ])('%j -> %s', (value, reason) => {
    expect(eventProblem(value)).toContain(reason);
  });

  test('a complete event, and one without kind/apiVersion (stripped by a log shipper), are fine', () => {
    expect(eventProblem(ev({ verb: 'get' }))).toBeUndefined();
    expect(eventProblem({ verb: 'get', stage: 'RequestReceived' })).toBeUndefined();
  });
});

describe('podCreateWithoutDigest', () => {
  const DIGEST = 'registry.example.com/app@sha256:' + 'a'.repeat(64);
  const create = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ev({
      verb: 'create',
      objectRef: { resource: 'pods', namespace: 'prod', apiVersion: 'v1' },
      requestObject: { kind: 'Pod', spec },
      ...extra,
    });

  test.each([
    ['container without digest', { containers: [{ image: 'nginx:1.27' }] }, true],
    [
      'init container without digest',
      { containers: [{ image: DIGEST }], initContainers: [{ image: 'busybox' }] },
      true,
    ],
    [
      'ephemeral container without digest',
      { containers: [{ image: DIGEST }], ephemeralContainers: [{ image: 'busybox:1.36' }] },
      true,
    ],
    [
      'every image pinned',
      {
        containers: [{ image: DIGEST }],
        initContainers: [{ image: DIGEST }],
        ephemeralContainers: [{ image: DIGEST }],
      },
      false,
    ],
    ['tag and digest', { containers: [{ image: 'nginx:1.27@sha256:' + 'b'.repeat(64) }] }, false],
    ['no containers', {}, false],
  ])('%s', (_name, spec, expected) => {
    expect(podCreateWithoutDigest(create(spec))).toBe(expected);
  });

  test('only Pod creates with a body count', () => {
    const spec = { containers: [{ image: 'nginx' }] };
    expect(podCreateWithoutDigest(create(spec, { verb: 'update' }))).toBe(false);
    expect(podCreateWithoutDigest(create(spec, { requestObject: undefined }))).toBe(false);
    expect(
      podCreateWithoutDigest(
        create(spec, { objectRef: { resource: 'pods', subresource: 'ephemeralcontainers', name: 'p' } }),
      ),
    ).toBe(false);
    expect(
      podCreateWithoutDigest(create(spec, { objectRef: { resource: 'deployments', apiGroup: 'apps' } })),
    ).toBe(false);
  });
});
