import {
  DEFAULT_REQUEST_USER,
  RequestSpecError,
  parseFieldSelector,
  requestFromUrl,
} from '../../src/policy/request-info';

type Expected = [
  verb: string,
  group: string,
  version: string,
  namespace: string,
  resource: string,
  sub: string,
  name: string,
];

/** Resource attributes of a request, in a compact comparable form. */
function info(spec: string): Expected {
  const a = requestFromUrl(spec);
  expect(a.resourceRequest).toBe(true);
  return [a.verb, a.apiGroup!, a.apiVersion!, a.namespace!, a.resource!, a.subresource!, a.name!];
}

describe('requestFromUrl: resource requests (cases of upstream requestinfo_test.go, restated)', () => {
  const cases: Array<[string, Expected]> = [
    // Collections and single objects, namespaced and cluster-wide.
    ['GET /api/v1/namespaces', ['list', '', 'v1', '', 'namespaces', '', '']],
    ['GET /api/v1/namespaces/other', ['get', '', 'v1', 'other', 'namespaces', '', 'other']],
    ['GET /api/v1/namespaces/other/pods', ['list', '', 'v1', 'other', 'pods', '', '']],
    ['GET /api/v1/namespaces/other/pods/foo', ['get', '', 'v1', 'other', 'pods', '', 'foo']],
    ['HEAD /api/v1/namespaces/other/pods/foo', ['get', '', 'v1', 'other', 'pods', '', 'foo']],
    ['GET /api/v1/pods', ['list', '', 'v1', '', 'pods', '', '']],
    ['HEAD /api/v1/pods', ['list', '', 'v1', '', 'pods', '', '']],
    // The namespace object itself: its own name is also its namespace (current upstream code sets both;
    // an older version of the upstream table expected an empty namespace here).
    [
      'PATCH /api/v1/namespaces/new-namespace',
      ['patch', '', 'v1', 'new-namespace', 'namespaces', '', 'new-namespace'],
    ],
    // Verbs given as a path segment.
    ['GET /api/v1/proxy/namespaces/other/pods/foo', ['proxy', '', 'v1', 'other', 'pods', '', 'foo']],
    [
      'GET /api/v1/proxy/namespaces/other/pods/foo/subpath/not/a/subresource',
      ['proxy', '', 'v1', 'other', 'pods', '', 'foo'],
    ],
    ['GET /api/v1/watch/pods', ['watch', '', 'v1', '', 'pods', '', '']],
    ['GET /api/v1/pods?watch=true', ['watch', '', 'v1', '', 'pods', '', '']],
    ['GET /api/v1/pods?watch=false', ['list', '', 'v1', '', 'pods', '', '']],
    ['GET /api/v1/watch/namespaces/other/pods', ['watch', '', 'v1', 'other', 'pods', '', '']],
    ['GET /api/v1/namespaces/other/pods?watch=1', ['watch', '', 'v1', 'other', 'pods', '', '']],
    ['GET /api/v1/namespaces/other/pods?watch=0', ['list', '', 'v1', 'other', 'pods', '', '']],
    // Subresources; everything after the third part is ignored.
    ['GET /api/v1/namespaces/other/pods/foo/status', ['get', '', 'v1', 'other', 'pods', 'status', 'foo']],
    [
      'GET /api/v1/namespaces/other/pods/foo/proxy/subpath',
      ['get', '', 'v1', 'other', 'pods', 'proxy', 'foo'],
    ],
    [
      'PUT /api/v1/namespaces/other/finalize',
      ['update', '', 'v1', 'other', 'namespaces', 'finalize', 'other'],
    ],
    ['PUT /api/v1/namespaces/other/status', ['update', '', 'v1', 'other', 'namespaces', 'status', 'other']],
    // Methods.
    ['PATCH /api/v1/namespaces/other/pods/foo', ['patch', '', 'v1', 'other', 'pods', '', 'foo']],
    ['DELETE /api/v1/namespaces/other/pods/foo', ['delete', '', 'v1', 'other', 'pods', '', 'foo']],
    ['POST /api/v1/namespaces/other/pods', ['create', '', 'v1', 'other', 'pods', '', '']],
    // DELETE on a collection.
    ['DELETE /api/v1/nodes', ['deletecollection', '', 'v1', '', 'nodes', '', '']],
    ['DELETE /api/v1/namespaces', ['deletecollection', '', 'v1', '', 'namespaces', '', '']],
    ['DELETE /api/v1/namespaces/other/pods', ['deletecollection', '', 'v1', 'other', 'pods', '', '']],
    [
      'DELETE /apis/extensions/v1/namespaces/other/pods',
      ['deletecollection', 'extensions', 'v1', 'other', 'pods', '', ''],
    ],
    // Group and version come from the path.
    [
      'POST /apis/extensions/v1/namespaces/other/pods',
      ['create', 'extensions', 'v1', 'other', 'pods', '', ''],
    ],
    [
      'POST /apis/extensions/v1beta3/namespaces/other/pods',
      ['create', 'extensions', 'v1beta3', 'other', 'pods', '', ''],
    ],
  ];
  it.each(cases)('%s', (spec, expected) => expect(info(spec)).toEqual(expected));
});

describe('requestFromUrl: the examples table of k8s-audit-semantics §5.2', () => {
  const cases: Array<[string, boolean, Expected]> = [
    ['GET /api/v1/pods', false, ['list', '', 'v1', '', 'pods', '', '']],
    ['GET /api/v1/namespaces/ns/pods?watch=1', false, ['watch', '', 'v1', 'ns', 'pods', '', '']],
    ['GET /api/v1/watch/namespaces/ns/pods', false, ['watch', '', 'v1', 'ns', 'pods', '', '']],
    ['POST /api/v1/namespaces/ns/pods', false, ['create', '', 'v1', 'ns', 'pods', '', '']],
    ['DELETE /api/v1/namespaces/ns/pods', false, ['deletecollection', '', 'v1', 'ns', 'pods', '', '']],
    ['PUT /api/v1/namespaces/ns/status', false, ['update', '', 'v1', 'ns', 'namespaces', 'status', 'ns']],
    ['POST /api/v1/namespaces/ns/pods/p/exec', false, ['create', '', 'v1', 'ns', 'pods', 'exec', 'p']],
    ['GET /api/v1/namespaces/ns/pods/p/exec', true, ['get', '', 'v1', 'ns', 'pods', 'exec', 'p']],
    [
      'GET /api/v1/namespaces/ns/pods/p/portforward',
      false,
      ['get', '', 'v1', 'ns', 'pods', 'portforward', 'p'],
    ],
    ['POST /api/v1/namespaces/ns/pods/p/attach', false, ['create', '', 'v1', 'ns', 'pods', 'attach', 'p']],
    ['GET /api/v1/namespaces/ns/pods/p/log', false, ['get', '', 'v1', 'ns', 'pods', 'log', 'p']],
    [
      'POST /api/v1/namespaces/ns/serviceaccounts/sa/token',
      false,
      ['create', '', 'v1', 'ns', 'serviceaccounts', 'token', 'sa'],
    ],
    [
      'GET /api/v1/namespaces/ns/services/web:80/proxy/x',
      false,
      ['get', '', 'v1', 'ns', 'services', 'proxy', 'web:80'],
    ],
    ['GET /api/v1/proxy/nodes/n1/metrics', false, ['proxy', '', 'v1', '', 'nodes', '', 'n1']],
    [
      'PUT /apis/apps/v1/namespaces/ns/deployments/d/scale',
      false,
      ['update', 'apps', 'v1', 'ns', 'deployments', 'scale', 'd'],
    ],
  ];
  it.each(cases)('%s (websocket %s)', (spec, websocket, expected) => {
    const a = requestFromUrl(spec, { websocket });
    expect([a.verb, a.apiGroup, a.apiVersion, a.namespace, a.resource, a.subresource, a.name]).toEqual(
      expected,
    );
  });
});

describe('requestFromUrl: non-resource requests', () => {
  it.each([
    '/',
    '/api',
    '/api/v1',
    '/api/v1/',
    '/apis',
    '/apis/apps',
    '/apis/apps/v1',
    '/apis/extensions/v1beta1/',
    '/healthz',
    '/openapi/v2',
    '/version',
    '/logs/kube-apiserver.log',
    '/badprefix/version/resource',
    '/apis/version/resource',
    '/not-api/version/resource',
  ])('%s', (path) => {
    const a = requestFromUrl(`GET ${path}?verbose=1`);
    expect(a).toEqual({
      user: DEFAULT_REQUEST_USER,
      groups: ['system:authenticated'],
      verb: 'get',
      resourceRequest: false,
      path,
    });
  });

  it('uses the lower-cased method as verb (no list/create mapping)', () => {
    expect(requestFromUrl('POST /healthz').verb).toBe('post');
    expect(requestFromUrl('OPTIONS /version').verb).toBe('options');
    expect(requestFromUrl('HEAD /readyz').verb).toBe('head');
  });

  it('counts enough segments for resource requests exactly like upstream', () => {
    const resource = (path: string) => requestFromUrl(path).resourceRequest;
    expect(resource('/api/version/resource')).toBe(true);
    expect(resource('/apis/group/version/resource/name/subresource')).toBe(true);
    expect(resource('/api/version/resource/name/subresource')).toBe(true);
    expect(resource('/apis/batch/v1/job')).toBe(true);
    expect(resource('/apis/batch/v1/job/foo')).toBe(true);
    expect(resource('/apis/batch/v1/job/foo/scale')).toBe(true);
    expect(resource('/api/version')).toBe(false);
  });
});

describe('requestFromUrl: list, watch and names from the query', () => {
  it.each([
    ['?watch', 'watch'],
    ['?watch=', 'watch'],
    ['?watch=no', 'watch'],
    ['?watch=FALSE', 'list'],
    ['?watch=0&watch=1', 'list'],
    ['?watch=1&watch=0', 'watch'],
    ['?watch;x=1', 'list'],
    ['?labelSelector=a%3Db', 'list'],
  ])('GET /api/v1/pods%s is %s', (query, verb) => {
    expect(requestFromUrl(`GET /api/v1/pods${query}`).verb).toBe(verb);
  });

  it('ignores watch on a named GET', () => {
    expect(info('GET /api/v1/namespaces/ns/pods/p?watch=1')).toEqual([
      'get',
      '',
      'v1',
      'ns',
      'pods',
      '',
      'p',
    ]);
  });

  // Field selector cases of upstream's TestFieldSelectorParsing, restated.
  it.each([
    ['/apis/group/version/resource', 'list', ''],
    ['/apis/group/version/resource?fieldSelector=metadata.name=name1', 'list', 'name1'],
    ['/apis/group/version/resource?watch=true&fieldSelector=metadata.name=name1', 'watch', 'name1'],
    ['/apis/group/version/resource?fieldSelector=foo=bar', 'list', ''],
    ['/apis/group/version/resource?fieldSelector=metadata.name=name1,foo', 'list', ''],
    ['/apis/group/version/resource?fieldSelector=metadata.name=name1,foo&watch=true', 'watch', ''],
    ['/apis/group/version/resource?fieldSelector=metadata.name=name1,foo&watch=false', 'list', ''],
    ['/apis/group/version/resource?fieldSelector=foo=bar&labelSelector=baz=qux', 'list', ''],
    [
      '/apis/group/version/resource?fieldSelector=metadata.name=foo&fieldSelector=metadata.name=bar',
      'list',
      'foo',
    ],
    ['/apis/group/version/resource/name?fieldSelector=metadata.name=foo', 'get', 'name'],
    // The deprecated watch path verb skips the list-options step: no name from the selector.
    ['/apis/group/version/watch/resource?fieldSelector=metadata.name=foo', 'watch', ''],
    ['/apis/group/version/watch/resource/name?fieldSelector=metadata.name=foo', 'watch', 'name'],
    // More of the same rules: "==" counts, "!=" does not, names must be path segments, bad options void it.
    ['/api/v1/pods?fieldSelector=metadata.name%3D%3Dweb', 'list', 'web'],
    ['/api/v1/pods?fieldSelector=metadata.name!%3Dweb', 'list', ''],
    ['/api/v1/pods?fieldSelector=spec.nodeName%3Dn1,metadata.name%3Dweb', 'list', 'web'],
    ['/api/v1/pods?fieldSelector=metadata.name%3D..', 'list', ''],
    ['/api/v1/pods?fieldSelector=metadata.name%3Da%252Fb', 'list', ''],
    ['/api/v1/pods?fieldSelector=metadata.name%3Dweb&limit=abc', 'list', ''],
    ['/api/v1/pods?fieldSelector=metadata.name%3Dweb&limit=500', 'list', 'web'],
  ])('%s -> %s name "%s"', (url, verb, name) => {
    const a = requestFromUrl(`GET ${url}`);
    expect([a.verb, a.name]).toEqual([verb, name]);
  });

  it('keeps deletecollection with a field selector (the name comes only for list and watch)', () => {
    expect(info('DELETE /api/v1/namespaces/ns/pods?fieldSelector=metadata.name%3Dweb')[0]).toBe(
      'deletecollection',
    );
  });
});

describe('requestFromUrl: parsing details', () => {
  it('maps unknown methods to an empty verb on resource paths', () => {
    expect(info('OPTIONS /api/v1/pods')[0]).toBe('');
    expect(info('CONNECT /api/v1/namespaces/ns/pods/p/exec')[0]).toBe('');
  });

  it('strips the query and fragment from the path, decodes escapes, accepts full URLs', () => {
    expect(requestFromUrl('GET /version?x=1#frag').path).toBe('/version');
    expect(info('GET https://10.0.0.1:6443/api/v1/namespaces/a%2Db/pods')).toEqual([
      'list',
      '',
      'v1',
      'a-b',
      'pods',
      '',
      '',
    ]);
    // An escaped slash becomes a real one before splitting, as Go's URL.Path does.
    expect(info('GET /api/v1/namespaces/ns/pods/a%2Fb')).toEqual(['get', '', 'v1', 'ns', 'pods', 'b', 'a']);
  });

  it('takes full URLs as clients send them and refuses an origin no client can send to', () => {
    // WebSocket exec (kubectl >= 1.30 speaks it), an IPv6 host, kubectl proxy's plain HTTP
    expect(info('GET wss://10.0.0.1:6443/api/v1/namespaces/a/pods/b/exec?command=sh')[4]).toBe('pods');
    expect(info('GET https://[fd00::1]:6443/api/v1/pods')[0]).toBe('list');
    expect(info('GET http://127.0.0.1:8001/api/v1/pods')[0]).toBe('list');
    // An unclosed IPv6 bracket and a port that is not a number: curl refuses both ("URL rejected"), nothing
    // reaches the apiserver; an ftp:// URL is not a way to it.
    for (const url of [
      'GET http://[::1/api/v1/pods',
      'GET https://host:notaport/api',
      'GET ftp://host/api',
    ]) {
      expect(() => requestFromUrl(url)).toThrow(RequestSpecError);
    }
    expect(() => requestFromUrl('GET https://host:notaport/api')).toThrow(
      /not a valid scheme:\/\/host\[:port\]/,
    );
  });

  it('defaults the method to GET and accepts a lower-case method', () => {
    expect(info('/api/v1/pods')[0]).toBe('list');
    expect(info('post /api/v1/namespaces/ns/pods')[0]).toBe('create');
  });

  it('sets the identity: default user, given user with implied groups, unauthenticated', () => {
    expect(requestFromUrl('/api/v1/pods', { user: 'alice', groups: ['dev'] })).toMatchObject({
      user: 'alice',
      groups: ['dev', 'system:authenticated'],
    });
    expect(requestFromUrl('/api/v1/pods', { user: 'system:serviceaccount:ns1:bot' }).groups).toEqual([
      'system:serviceaccounts',
      'system:serviceaccounts:ns1',
      'system:authenticated',
    ]);
    expect(requestFromUrl('/api/v1/pods', { user: 'system:anonymous' }).groups).toEqual([
      'system:unauthenticated',
    ]);
    expect(
      requestFromUrl('/api/v1/pods', { user: 'bob', groups: ['g'], impliedGroups: false }).groups,
    ).toEqual(['g']);
    const anon = requestFromUrl('/api/v1/pods', { unauthenticated: true });
    expect(anon.user).toBeUndefined();
    expect(anon.groups).toBeUndefined();
  });

  it('refuses methods outside the HTTP standards instead of silently giving them the verb ""', () => {
    // requestinfo.go maps any other method to verb "" for resource requests and lower-cases it for
    // non-resource ones; no client sends these, so they are typos.
    for (const spec of [
      'FETCH /api/v1/pods',
      'FOO /x',
      'GETT /api/v1/namespaces/x/pods/p',
      'gett /healthz',
    ]) {
      expect(() => requestFromUrl(spec)).toThrow(RequestSpecError);
      expect(() => requestFromUrl(spec)).toThrow(/unknown HTTP method .*verb ""/);
    }
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE']) {
      expect(() => requestFromUrl(`${method} /api/v1/pods`)).not.toThrow();
    }
  });

  // A Kubernetes verb in the method's place (as an audit event's verb beside its requestURI): requestinfo.go
  // derives the verb from the method (GET/HEAD get, POST create, PUT update, DELETE delete) and the URL (no name:
  // list, ?watch: watch, DELETE without a name: deletecollection); the fix names the method.
  it.each<[string, RegExp]>([
    [
      'list /api/v1/pods',
      /"list" is a Kubernetes verb, not an HTTP method.*a list is GET \/\.\.\. \(no name\)/,
    ],
    ['WATCH /api/v1/pods', /a watch is GET \/\.\.\.\?watch=true/],
    ['create /api/v1/namespaces/x/pods', /a create is POST/],
    ['update /api/v1/namespaces/x/pods/p', /an update is PUT/],
    ['deletecollection /api/v1/namespaces/x/pods', /a deletecollection is DELETE \/\.\.\. \(no name\)/],
  ])('%s: refused with the HTTP method that carries the verb', (spec, message) => {
    expect(() => requestFromUrl(spec)).toThrow(message);
  });

  // kubectl -v=6 prints each request as client-go's debuggingRoundTripper logs it (transport/round_trippers.go:
  // klog.Infof("%s %s %s in %d milliseconds", verb, URL, status, ms)); curl -v and access logs show the HTTP
  // request line ("GET /path HTTP/1.1"). Both carry exactly the method and URL sent.
  it('reads the method and URL of a kubectl -v=6 line and of an HTTP request line', () => {
    const klogLine =
      'I1203 12:00:00.000000   12345 round_trippers.go:553] GET https://10.0.0.1:6443/api/v1/namespaces/prod/pods?limit=500 200 OK in 5 milliseconds';
    expect(requestFromUrl(klogLine)).toMatchObject({ verb: 'list', namespace: 'prod', resource: 'pods' });
    expect(requestFromUrl('> DELETE /api/v1/namespaces/x/pods/p HTTP/2')).toMatchObject({
      verb: 'delete',
      name: 'p',
    });
    expect(requestFromUrl('POST /api/v1/namespaces/x/pods/p/exec?command=sh HTTP/1.1')).toMatchObject({
      verb: 'create',
      subresource: 'exec',
    });
    expect(() => requestFromUrl('GET /api/v1/pods extra words')).toThrow(/expected "METHOD URL"/);
    // curl's method is -X/--request, else POST with a body (-d, --data, --json), else GET.
    expect(
      requestFromUrl("curl -k -X DELETE 'https://10.0.0.1:6443/api/v1/namespaces/x/pods/p'"),
    ).toMatchObject({ verb: 'delete', name: 'p' });
    expect(
      requestFromUrl(
        'curl -sk -H "Authorization: Bearer $T" https://10.0.0.1:6443/api/v1/namespaces/x/secrets',
      ),
    ).toMatchObject({ verb: 'list', resource: 'secrets', namespace: 'x' });
  });

  it('refuses identities no authenticator produces', () => {
    // A certificate's organizations are the user's groups (x509.go): alice in system:unauthenticated is real,
    // and AuthenticatedGroupAdder adds no system:authenticated to her.
    expect(
      requestFromUrl('/api/v1/pods', { user: 'alice', groups: ['system:unauthenticated'] }).groups,
    ).toEqual(['system:unauthenticated']);
    expect(() => requestFromUrl('/api/v1/pods', { user: 'system:anonymous', groups: ['devs'] })).toThrow(
      /exactly one group/,
    );
    expect(
      requestFromUrl('/api/v1/pods', {
        user: 'alice',
        groups: ['system:unauthenticated'],
        impliedGroups: false,
      }).groups,
    ).toEqual(['system:unauthenticated']);
  });

  it('throws a TypeError for a request that is not a string', () => {
    expect(() => requestFromUrl(42 as unknown as string)).toThrow(TypeError);
  });

  it('rejects what is not a request with a RequestSpecError', () => {
    const bad =
      (spec: string, opts = {}) =>
      () =>
        requestFromUrl(spec, opts);
    expect(bad('')).toThrow(RequestSpecError);
    expect(bad('GET api/v1/pods')).toThrow(/starting with "\/"/);
    expect(bad('GET /api/v1/pods extra')).toThrow(/METHOD URL/);
    expect(bad('G(T /api/v1/pods')).toThrow(/not an HTTP method/);
    expect(bad('GET /api/v1/%zz')).toThrow(/percent-escape/);
    expect(bad('GET /api/v1/watch')).toThrow(/audits nothing/);
    expect(bad('POST /api/v1/namespaces/ns/pods/p/exec', { websocket: true })).toThrow(/WebSocket/);
    expect(bad('/api/v1/pods', { unauthenticated: true, user: 'x' })).toThrow(/no user/);
  });
});

describe('parseFieldSelector', () => {
  it('follows the apimachinery grammar', () => {
    expect(parseFieldSelector('a=b,c!=d')).toEqual([
      { field: 'a', op: '=', value: 'b' },
      { field: 'c', op: '!=', value: 'd' },
    ]);
    expect(parseFieldSelector('a==x\\,y')).toEqual([{ field: 'a', op: '==', value: 'x,y' }]);
    expect(parseFieldSelector('')).toEqual([]);
    expect(parseFieldSelector('a')).toBeUndefined();
    expect(parseFieldSelector('a=b=c')).toBeUndefined();
    expect(parseFieldSelector('a=\\q')).toBeUndefined();
  });
});

// RequestInfoFactory decodes all list options (metav1.ListOptions -> internal ListOptions) before it takes
// a name from the field selector; any decode error voids the options, so the name is lost and only
// `watch` is read back. The decode parses `labelSelector` with labels.Parse and `limit`/`timeoutSeconds`
// with strconv.ParseInt(s, 10, 64) (apimachinery meta/v1 and meta/internalversion conversions).
describe('requestFromUrl: list options that fail to decode drop the field-selector name', () => {
  const named = (query: string, opts = {}) =>
    requestFromUrl(`GET /api/v1/pods?fieldSelector=metadata.name%3Dweb&${query}`, opts).name;

  it.each([
    ['limit=9223372036854775807', 'web'],
    ['limit=-9223372036854775808', 'web'],
    ['limit=%2B5', 'web'],
    ['limit=9223372036854775808', ''],
    ['timeoutSeconds=-9223372036854775809', ''],
    ['limit=1_000', ''],
  ])('int64 parameter %s -> name "%s"', (query, name) => {
    expect(named(query)).toBe(name);
  });

  it.each([
    // Valid selectors (labels.Parse grammar): the name stays.
    ['labelSelector=app%3Dweb', 'web'],
    ['labelSelector=app%3D%3Dweb,tier!%3Dfront', 'web'],
    ['labelSelector=app', 'web'],
    ['labelSelector=!app', 'web'],
    ['labelSelector=app%3D', 'web'],
    ['labelSelector=', 'web'],
    ['labelSelector=app+in+(a,b),env+notin+()', 'web'],
    ['labelSelector=in%3Dnotin', 'web'],
    ['labelSelector=example.com/app%3Dx', 'web'],
    ['labelSelector=replicas>1', 'web'],
    // A NUL byte ends the lexer's input when it is read where a token starts.
    ['labelSelector=app%3Dx+%00!!', 'web'],
    ['labelSelector=app%3D%00x', 'web'],
    // Invalid selectors: the whole decode fails, the name is lost, the verb is still list.
    ['labelSelector=!!', ''],
    ['labelSelector=a%3D%3D%3Db', ''],
    ['labelSelector=a%3Db%3Dc', ''],
    ['labelSelector=a+b', ''],
    ['labelSelector=,a', ''],
    ['labelSelector=a,', ''],
    ['labelSelector=!a%3Db', ''],
    ['labelSelector=a%3D(b)', ''],
    ['labelSelector=replicas>one', ''],
    ['labelSelector=-app%3Dx', ''],
    ['labelSelector=Example.com/app', ''],
    ['labelSelector=a/b/c', ''],
    ['labelSelector=/app', ''],
    [`labelSelector=app%3D${'v'.repeat(64)}`, ''],
    [`labelSelector=${'k'.repeat(64)}`, ''],
    ['labelSelector=app+in+a', ''],
    ['labelSelector=app+in+(a', ''],
  ])('%s -> name "%s"', (query, name) => {
    const a = requestFromUrl(`GET /api/v1/pods?fieldSelector=metadata.name%3Dweb&${query}`);
    expect([a.verb, a.name]).toEqual(['list', name]);
  });

  it('keeps watch when the decode fails', () => {
    const a = requestFromUrl('GET /api/v1/pods?fieldSelector=metadata.name%3Dweb&labelSelector=!!&watch=1');
    expect([a.verb, a.name]).toEqual(['watch', '']);
  });

  it('parses "in (a,,)" as Kubernetes 1.35+ does, and refuses it as 1.32-1.34 do', () => {
    // apimachinery d4f8bebd (first in 1.35): consecutive commas in a value list no longer fail.
    const q = 'labelSelector=x+in+(a,,)';
    expect(named(q)).toBe('web');
    expect(named(q, { kubernetesVersion: '1.36' })).toBe('web');
    expect(named(q, { kubernetesVersion: '1.35' })).toBe('web');
    expect(named(q, { kubernetesVersion: '1.34' })).toBe('');
    expect(named(q, { kubernetesVersion: 'v1.32.4' })).toBe('');
    expect(named('labelSelector=x+notin+(a,,b)', { kubernetesVersion: '1.32' })).toBe('web');
    expect(() => named(q, { kubernetesVersion: '1.20' })).toThrow(RequestSpecError);
    expect(() => named(q, { kubernetesVersion: '1.20' })).toThrow(/kubernetesVersion.*1\.32 to 1\.36/);
  });

  it('orders field selector terms by bytes, as Go sorts them, before taking the first name', () => {
    // U+FF01 is EF BC 81 in UTF-8, U+1F600 is F0 9F 98 80: bytewise FF01 sorts first (UTF-16 would not).
    const a = requestFromUrl(
      'GET /api/v1/pods?fieldSelector=metadata.name%3D%F0%9F%98%80,metadata.name%3D%EF%BC%81',
    );
    expect(a.name).toBe('\uff01');
  });
});
