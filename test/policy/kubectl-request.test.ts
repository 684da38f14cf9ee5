import {
  DEFAULT_REQUEST_USER,
  KUBECTL_COMMANDS,
  RequestSpecError,
  kubectlRequest,
  requestFromKubectl,
  requestFromUrl,
} from '../../src/policy/request-info';
import { RequestAttributes } from '../../src/policy/types';

// kubectl form ↔ the method and URL kubectl sends for it ↔ the attributes the audit policy sees. The URLs
// are kubectl's (kubernetes/kubectl pkg/cmd/*, k8s.io/cli-runtime resource.Helper: lists with
// limit=500, single-object watches as a fieldSelector=metadata.name watch from resourceVersion 0, exec and
// friends as a WebSocket GET since kubectl 1.31, scale as a PATCH of the scale subresource, ...). The
// attributes are written out from requestinfo.go's rules (k8s-audit-semantics.md §5.2), not computed.

type Attributes = [
  verb: string,
  group: string,
  version: string | undefined,
  namespace: string,
  resource: string,
  sub: string,
  name: string,
];
const fields = (a: RequestAttributes): Attributes => [
  a.verb,
  a.apiGroup!,
  a.apiVersion,
  a.namespace!,
  a.resource!,
  a.subresource!,
  a.name!,
];

const TABLE: Array<[kubectl: string, method: string, url: string, attributes: Attributes]> = [
  // get: list (chunked), single object, all namespaces, watch, selectors, subresources, --raw.
  [
    'get pods',
    'GET',
    '/api/v1/namespaces/default/pods?limit=500',
    ['list', '', 'v1', 'default', 'pods', '', ''],
  ],
  ['get pods -n x', 'GET', '/api/v1/namespaces/x/pods?limit=500', ['list', '', 'v1', 'x', 'pods', '', '']],
  [
    'kubectl get po --namespace=x',
    'GET',
    '/api/v1/namespaces/x/pods?limit=500',
    ['list', '', 'v1', 'x', 'pods', '', ''],
  ],
  [
    'kubectl -n x get pods',
    'GET',
    '/api/v1/namespaces/x/pods?limit=500',
    ['list', '', 'v1', 'x', 'pods', '', ''],
  ],
  ['get pod p -n x', 'GET', '/api/v1/namespaces/x/pods/p', ['get', '', 'v1', 'x', 'pods', '', 'p']],
  ['get pod/p -n x', 'GET', '/api/v1/namespaces/x/pods/p', ['get', '', 'v1', 'x', 'pods', '', 'p']],
  ['get pods -A', 'GET', '/api/v1/pods?limit=500', ['list', '', 'v1', '', 'pods', '', '']],
  ['get pods --all-namespaces', 'GET', '/api/v1/pods?limit=500', ['list', '', 'v1', '', 'pods', '', '']],
  [
    'get pods -w',
    'GET',
    '/api/v1/namespaces/default/pods?watch=true',
    ['watch', '', 'v1', 'default', 'pods', '', ''],
  ],
  ['get pods -A --watch-only', 'GET', '/api/v1/pods?watch=true', ['watch', '', 'v1', '', 'pods', '', '']],
  [
    'get pod p -w',
    'GET',
    '/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dp&resourceVersion=0&watch=true',
    ['watch', '', 'v1', 'default', 'pods', '', 'p'],
  ],
  [
    'get pods --field-selector metadata.name=web',
    'GET',
    '/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dweb&limit=500',
    ['list', '', 'v1', 'default', 'pods', '', 'web'],
  ],
  [
    'get pods -l app=web',
    'GET',
    '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb&limit=500',
    ['list', '', 'v1', 'default', 'pods', '', ''],
  ],
  [
    'get deploy -n prod -o yaml',
    'GET',
    '/apis/apps/v1/namespaces/prod/deployments?limit=500',
    ['list', 'apps', 'v1', 'prod', 'deployments', '', ''],
  ],
  [
    'get secrets -n x',
    'GET',
    '/api/v1/namespaces/x/secrets?limit=500',
    ['list', '', 'v1', 'x', 'secrets', '', ''],
  ],
  [
    'get cm',
    'GET',
    '/api/v1/namespaces/default/configmaps?limit=500',
    ['list', '', 'v1', 'default', 'configmaps', '', ''],
  ],
  [
    'get svc',
    'GET',
    '/api/v1/namespaces/default/services?limit=500',
    ['list', '', 'v1', 'default', 'services', '', ''],
  ],
  [
    'get sa',
    'GET',
    '/api/v1/namespaces/default/serviceaccounts?limit=500',
    ['list', '', 'v1', 'default', 'serviceaccounts', '', ''],
  ],
  [
    'get events',
    'GET',
    '/api/v1/namespaces/default/events?limit=500',
    ['list', '', 'v1', 'default', 'events', '', ''],
  ],
  // Cluster-scoped kinds: no namespace segment, -n ignored; the Namespace object is its own namespace.
  ['get nodes -n ignored', 'GET', '/api/v1/nodes?limit=500', ['list', '', 'v1', '', 'nodes', '', '']],
  ['get no n1', 'GET', '/api/v1/nodes/n1', ['get', '', 'v1', '', 'nodes', '', 'n1']],
  ['get ns', 'GET', '/api/v1/namespaces?limit=500', ['list', '', 'v1', '', 'namespaces', '', '']],
  ['get ns foo', 'GET', '/api/v1/namespaces/foo', ['get', '', 'v1', 'foo', 'namespaces', '', 'foo']],
  [
    'delete ns d8-monitoring',
    'DELETE',
    '/api/v1/namespaces/d8-monitoring',
    ['delete', '', 'v1', 'd8-monitoring', 'namespaces', '', 'd8-monitoring'],
  ],
  [
    'label ns prod team=a',
    'PATCH',
    '/api/v1/namespaces/prod',
    ['patch', '', 'v1', 'prod', 'namespaces', '', 'prod'],
  ],
  [
    'get crds',
    'GET',
    '/apis/apiextensions.k8s.io/v1/customresourcedefinitions?limit=500',
    ['list', 'apiextensions.k8s.io', 'v1', '', 'customresourcedefinitions', '', ''],
  ],
  [
    'get clusterrolebindings',
    'GET',
    '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings?limit=500',
    ['list', 'rbac.authorization.k8s.io', 'v1', '', 'clusterrolebindings', '', ''],
  ],
  [
    'get rolebindings -n x',
    'GET',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/x/rolebindings?limit=500',
    ['list', 'rbac.authorization.k8s.io', 'v1', 'x', 'rolebindings', '', ''],
  ],
  [
    'get leases -n kube-system',
    'GET',
    '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases?limit=500',
    ['list', 'coordination.k8s.io', 'v1', 'kube-system', 'leases', '', ''],
  ],
  [
    'get mc',
    'GET',
    '/apis/deckhouse.io/v1alpha1/moduleconfigs?limit=500',
    ['list', 'deckhouse.io', 'v1alpha1', '', 'moduleconfigs', '', ''],
  ],
  // Short names and kind.group / kind.version.group forms.
  [
    'get deployments.apps d',
    'GET',
    '/apis/apps/v1/namespaces/default/deployments/d',
    ['get', 'apps', 'v1', 'default', 'deployments', '', 'd'],
  ],
  [
    'get deployments.v1.apps d',
    'GET',
    '/apis/apps/v1/namespaces/default/deployments/d',
    ['get', 'apps', 'v1', 'default', 'deployments', '', 'd'],
  ],
  [
    'get hpa',
    'GET',
    '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers?limit=500',
    ['list', 'autoscaling', 'v2', 'default', 'horizontalpodautoscalers', '', ''],
  ],
  [
    'get virtualmachines.virtualization.deckhouse.io -n vms',
    'GET',
    '/apis/virtualization.deckhouse.io/v1alpha2/namespaces/vms/virtualmachines?limit=500',
    ['list', 'virtualization.deckhouse.io', 'v1alpha2', 'vms', 'virtualmachines', '', ''],
  ],
  [
    'get widgets.v1beta1.example.com w1',
    'GET',
    '/apis/example.com/v1beta1/namespaces/default/widgets/w1',
    ['get', 'example.com', 'v1beta1', 'default', 'widgets', '', 'w1'],
  ],
  [
    'get deploy web --subresource scale',
    'GET',
    '/apis/apps/v1/namespaces/default/deployments/web/scale',
    ['get', 'apps', 'v1', 'default', 'deployments', 'scale', 'web'],
  ],
  ['get --raw /healthz', 'GET', '/healthz', ['get', '', undefined, '', '', '', '']],
  ['get --raw /api/v1/pods', 'GET', '/api/v1/pods', ['list', '', 'v1', '', 'pods', '', '']],
  [
    'describe pod p',
    'GET',
    '/api/v1/namespaces/default/pods/p',
    ['get', '', 'v1', 'default', 'pods', '', 'p'],
  ],
  // Writes: create POSTs to the collection (the new name is only in the body).
  [
    'create deployment web --image=nginx -n prod',
    'POST',
    '/apis/apps/v1/namespaces/prod/deployments',
    ['create', 'apps', 'v1', 'prod', 'deployments', '', ''],
  ],
  [
    'create secret generic s --from-literal=a=b',
    'POST',
    '/api/v1/namespaces/default/secrets',
    ['create', '', 'v1', 'default', 'secrets', '', ''],
  ],
  ['create namespace team-a', 'POST', '/api/v1/namespaces', ['create', '', 'v1', '', 'namespaces', '', '']],
  [
    'create clusterrole reader --verb=get --resource=pods',
    'POST',
    '/apis/rbac.authorization.k8s.io/v1/clusterroles',
    ['create', 'rbac.authorization.k8s.io', 'v1', '', 'clusterroles', '', ''],
  ],
  [
    'create token builder -n ci',
    'POST',
    '/api/v1/namespaces/ci/serviceaccounts/builder/token',
    ['create', '', 'v1', 'ci', 'serviceaccounts', 'token', 'builder'],
  ],
  [
    'run debug --image=busybox -n x',
    'POST',
    '/api/v1/namespaces/x/pods',
    ['create', '', 'v1', 'x', 'pods', '', ''],
  ],
  [
    'expose deploy web --port=80',
    'POST',
    '/api/v1/namespaces/default/services',
    ['create', '', 'v1', 'default', 'services', '', ''],
  ],
  // apply: client-side GET + PATCH (or POST when new); server-side apply is one PATCH.
  [
    'apply deployment/web -n prod',
    'PATCH',
    '/apis/apps/v1/namespaces/prod/deployments/web',
    ['patch', 'apps', 'v1', 'prod', 'deployments', '', 'web'],
  ],
  [
    'apply deployment/web -n prod --server-side --force-conflicts',
    'PATCH',
    '/apis/apps/v1/namespaces/prod/deployments/web',
    ['patch', 'apps', 'v1', 'prod', 'deployments', '', 'web'],
  ],
  [
    'edit cm settings',
    'PATCH',
    '/api/v1/namespaces/default/configmaps/settings',
    ['patch', '', 'v1', 'default', 'configmaps', '', 'settings'],
  ],
  [
    'patch deploy web -p {}',
    'PATCH',
    '/apis/apps/v1/namespaces/default/deployments/web',
    ['patch', 'apps', 'v1', 'default', 'deployments', '', 'web'],
  ],
  [
    'patch deploy web --subresource status -p {}',
    'PATCH',
    '/apis/apps/v1/namespaces/default/deployments/web/status',
    ['patch', 'apps', 'v1', 'default', 'deployments', 'status', 'web'],
  ],
  ['label node n1 role=x', 'PATCH', '/api/v1/nodes/n1', ['patch', '', 'v1', '', 'nodes', '', 'n1']],
  [
    'annotate pod web-0 note- -n prod',
    'PATCH',
    '/api/v1/namespaces/prod/pods/web-0',
    ['patch', '', 'v1', 'prod', 'pods', '', 'web-0'],
  ],
  [
    'replace cm settings',
    'PUT',
    '/api/v1/namespaces/default/configmaps/settings',
    ['update', '', 'v1', 'default', 'configmaps', '', 'settings'],
  ],
  [
    'scale deploy web --replicas=3',
    'PATCH',
    '/apis/apps/v1/namespaces/default/deployments/web/scale',
    ['patch', 'apps', 'v1', 'default', 'deployments', 'scale', 'web'],
  ],
  [
    'scale deploy web --replicas=3 --current-replicas=2',
    'PUT',
    '/apis/apps/v1/namespaces/default/deployments/web/scale',
    ['update', 'apps', 'v1', 'default', 'deployments', 'scale', 'web'],
  ],
  [
    'rollout restart deploy/web -n prod',
    'PATCH',
    '/apis/apps/v1/namespaces/prod/deployments/web',
    ['patch', 'apps', 'v1', 'prod', 'deployments', '', 'web'],
  ],
  [
    'rollout status deploy/web',
    'GET',
    '/apis/apps/v1/namespaces/default/deployments?fieldSelector=metadata.name%3Dweb&watch=true',
    ['watch', 'apps', 'v1', 'default', 'deployments', '', 'web'],
  ],
  ['delete pod p -n x', 'DELETE', '/api/v1/namespaces/x/pods/p', ['delete', '', 'v1', 'x', 'pods', '', 'p']],
  [
    'delete --raw /api/v1/namespaces/x/pods',
    'DELETE',
    '/api/v1/namespaces/x/pods',
    ['deletecollection', '', 'v1', 'x', 'pods', '', ''],
  ],
  // Pod access: WebSocket GET (kubectl ≥ 1.31), SPDY POST with --spdy.
  [
    'exec web-0 -n prod -it -- sh -c "ls -l"',
    'GET',
    '/api/v1/namespaces/prod/pods/web-0/exec?command=sh&command=-c&command=ls+-l&stdin=true&stdout=true&tty=true',
    ['get', '', 'v1', 'prod', 'pods', 'exec', 'web-0'],
  ],
  [
    'exec web-0 -n prod -c app -- ls',
    'GET',
    '/api/v1/namespaces/prod/pods/web-0/exec?command=ls&container=app&stderr=true&stdout=true',
    ['get', '', 'v1', 'prod', 'pods', 'exec', 'web-0'],
  ],
  [
    'exec web-0 -n prod --spdy -- ls',
    'POST',
    '/api/v1/namespaces/prod/pods/web-0/exec?command=ls&stderr=true&stdout=true',
    ['create', '', 'v1', 'prod', 'pods', 'exec', 'web-0'],
  ],
  [
    'attach pod/web-0',
    'GET',
    '/api/v1/namespaces/default/pods/web-0/attach?stderr=true&stdout=true',
    ['get', '', 'v1', 'default', 'pods', 'attach', 'web-0'],
  ],
  [
    'port-forward web-0 8080:80',
    'GET',
    '/api/v1/namespaces/default/pods/web-0/portforward',
    ['get', '', 'v1', 'default', 'pods', 'portforward', 'web-0'],
  ],
  [
    'port-forward pod/web-0 8080:80 --spdy',
    'POST',
    '/api/v1/namespaces/default/pods/web-0/portforward',
    ['create', '', 'v1', 'default', 'pods', 'portforward', 'web-0'],
  ],
  [
    'cp prod/web-0:/etc/hosts ./hosts',
    'GET',
    '/api/v1/namespaces/prod/pods/web-0/exec?command=tar&command=cf&command=-&command=%2Fetc%2Fhosts&stderr=true&stdout=true',
    ['get', '', 'v1', 'prod', 'pods', 'exec', 'web-0'],
  ],
  [
    'cp ./app.conf web-0:/etc/app/app.conf -n prod',
    'GET',
    '/api/v1/namespaces/prod/pods/web-0/exec?command=tar&command=-xmf&command=-&command=-C&command=%2Fetc%2Fapp&stderr=true&stdin=true&stdout=true',
    ['get', '', 'v1', 'prod', 'pods', 'exec', 'web-0'],
  ],
  [
    'logs web-0 -f -c app',
    'GET',
    '/api/v1/namespaces/default/pods/web-0/log?container=app&follow=true',
    ['get', '', 'v1', 'default', 'pods', 'log', 'web-0'],
  ],
  [
    'debug web-0 --image=busybox',
    'PATCH',
    '/api/v1/namespaces/default/pods/web-0/ephemeralcontainers',
    ['patch', '', 'v1', 'default', 'pods', 'ephemeralcontainers', 'web-0'],
  ],
  [
    'debug web-0 --image=busybox --copy-to=web-0-debug',
    'POST',
    '/api/v1/namespaces/default/pods',
    ['create', '', 'v1', 'default', 'pods', '', ''],
  ],
  [
    'debug node/n1 --image=busybox',
    'POST',
    '/api/v1/namespaces/default/pods',
    ['create', '', 'v1', 'default', 'pods', '', ''],
  ],
  // Nodes, reviews, metrics, certificates.
  ['cordon n1', 'PATCH', '/api/v1/nodes/n1', ['patch', '', 'v1', '', 'nodes', '', 'n1']],
  ['uncordon node/n1', 'PATCH', '/api/v1/nodes/n1', ['patch', '', 'v1', '', 'nodes', '', 'n1']],
  ['drain n1 --ignore-daemonsets', 'PATCH', '/api/v1/nodes/n1', ['patch', '', 'v1', '', 'nodes', '', 'n1']],
  [
    'auth can-i get pods',
    'POST',
    '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    ['create', 'authorization.k8s.io', 'v1', '', 'selfsubjectaccessreviews', '', ''],
  ],
  [
    'auth can-i --list -n prod',
    'POST',
    '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
    ['create', 'authorization.k8s.io', 'v1', '', 'selfsubjectrulesreviews', '', ''],
  ],
  [
    'auth whoami',
    'POST',
    '/apis/authentication.k8s.io/v1/selfsubjectreviews',
    ['create', 'authentication.k8s.io', 'v1', '', 'selfsubjectreviews', '', ''],
  ],
  [
    'top pods -n x',
    'GET',
    '/apis/metrics.k8s.io/v1beta1/namespaces/x/pods',
    ['list', 'metrics.k8s.io', 'v1beta1', 'x', 'pods', '', ''],
  ],
  [
    'top pod web-0 -n x',
    'GET',
    '/apis/metrics.k8s.io/v1beta1/namespaces/x/pods/web-0',
    ['get', 'metrics.k8s.io', 'v1beta1', 'x', 'pods', '', 'web-0'],
  ],
  [
    'top nodes',
    'GET',
    '/apis/metrics.k8s.io/v1beta1/nodes',
    ['list', 'metrics.k8s.io', 'v1beta1', '', 'nodes', '', ''],
  ],
  [
    'certificate approve csr-1',
    'PUT',
    '/apis/certificates.k8s.io/v1/certificatesigningrequests/csr-1/approval',
    ['update', 'certificates.k8s.io', 'v1', '', 'certificatesigningrequests', 'approval', 'csr-1'],
  ],
  ['version', 'GET', '/version', ['get', '', undefined, '', '', '', '']],
];

describe('kubectlRequest: kubectl form ↔ method + URL ↔ attributes', () => {
  it.each(TABLE)('%s → %s %s', (cmd, method, url, attributes) => {
    const sent = kubectlRequest(cmd);
    expect([sent.method, sent.url]).toEqual([method, url]);
    const a = sent.request;
    if (a.resourceRequest) expect(fields(a)).toEqual(attributes);
    else expect([a.verb, a.path]).toEqual([attributes[0], url]);
    // The attributes are exactly those of the URL kubectl sends (a WebSocket GET for exec and friends).
    expect(a).toEqual(requestFromUrl(`${method} ${url}`, { websocket: method === 'GET' }));
    expect(requestFromKubectl(cmd)).toEqual(a);
  });

  it('covers every command it accepts', () => {
    const covered = new Set(TABLE.map(([cmd]) => cmd.replace(/^kubectl (-n x )?/, '').split(' ')[0]));
    // Covered by kubectl-commands.test.ts (mapped or refused with the reason).
    const elsewhere = new Set(
      ['events', 'wait', 'cluster-info', 'set', 'taint', 'autoscale', 'api-resources', 'api-versions'].concat(
        [
          'explain',
          'diff',
          'config',
          'kustomize',
          'completion',
          'plugin',
          'options',
          'help',
          'kuberc',
          'alpha',
        ],
      ),
    );
    expect(KUBECTL_COMMANDS.filter((c) => c !== 'proxy' && !covered.has(c) && !elsewhere.has(c))).toEqual([]);
  });

  it('leaves the version out for a custom resource kubectl would look up by discovery', () => {
    const sent = kubectlRequest('get widgets.example.com w1');
    expect(sent.url).toBe('/apis/example.com/VERSION/namespaces/default/widgets/w1');
    expect(fields(sent.request)).toEqual(['get', 'example.com', undefined, 'default', 'widgets', '', 'w1']);
    expect(sent.notes.join(' ')).toContain('not a resource this package knows');
  });

  it('says which other requests a command sends', () => {
    expect(kubectlRequest('apply deployment/web -n prod').notes.join(' ')).toContain(
      'POST /apis/apps/v1/namespaces/prod/deployments (verb create)',
    );
    expect(kubectlRequest('exec web-0 -- sh').notes.join(' ')).toContain(
      'GET /api/v1/namespaces/default/pods/web-0 (verb get)',
    );
    expect(kubectlRequest('drain n1').notes.join(' ')).toContain(
      'GET /api/v1/pods?fieldSelector=spec.nodeName%3Dn1',
    );
    expect(kubectlRequest('drain n1').notes.join(' ')).toContain('/eviction (verb create, pods/eviction)');
    expect(kubectlRequest('get pods -w').notes.join(' ')).toContain('(verb list)');
  });

  it('kubectl top reads metrics.k8s.io/v1beta1 only: no note promises a v1 (kubectl pkg/cmd/top)', () => {
    for (const command of ['top pods -n x', 'top nodes']) {
      const sent = kubectlRequest(command);
      expect(sent.url).toContain('/apis/metrics.k8s.io/v1beta1/');
      const notes = sent.notes.join(' ');
      expect(notes).not.toMatch(/metrics\.k8s\.io\/v1(?!beta1)/);
      expect(notes).toContain('metrics.k8s.io/v1beta1');
    }
  });
});

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

describe('requestFromKubectl: refusals', () => {
  it.each([
    ['', /give a kubectl command/],
    ['frobnicate pods', /"frobnicate pods" is not a kubectl command line/],
    ['kubectl frobnicate pods', /unknown command "frobnicate"/],
    ['get', /needs a resource type/],
    ['get foos', /unknown resource type "foos"/],
    ['get pods a b', /one object at a time/],
    ['get pods,svc', /one resource type at a time/],
    ['delete -f x.yaml', /files are not read/],
    ['apply -f x.yaml', /files are not read/],
    ['edit deploy', /needs an object name/],
    ['exec', /needs a Pod name or TYPE\/NAME/],
    ['get pods --bogus', /unsupported flag --bogus/],
    ['get pods -n', /-n needs a value/],
    // resource.Builder visitByName: "a resource cannot be retrieved by name across all namespaces".
    ['get pod p -A', /"a resource cannot be retrieved by name across all namespaces"/],
    ['delete pod/p -A', /"a resource cannot be retrieved by name across all namespaces"/],
    ['describe pods p --all-namespaces', /"a resource cannot be retrieved by name across all namespaces"/],
    ['wait --for=delete pod/p -A', /"a resource cannot be retrieved by name across all namespaces"/],
    ['get pods --as x --unauthenticated', /cannot be combined/],
    ['get pods "unterminated', /unterminated/],
    ['create pods --field-selector metadata.name=x', /--field-selector applies/],
    ['logs web-0 -w', /-w\/--watch is supported with "get", "events" and "rollout status" only/],
    // kubectl delete --all / -l lists the objects and deletes each by name (delete.go deleteResource);
    // it never sends a deletecollection.
    ['delete pods -n x --all', /one DELETE per object by name/],
    ['delete pods -l app=web', /one DELETE per object by name/],
    ['label pods --all team=a', /one PATCH per object by name/],
    ['delete pods', /needs an object name/],
    ['proxy', /sends no request of its own/],
    ['get pods --dry-run=client', /"get" has no --dry-run flag/],
    ['delete pod p --dry-run=client', /sends no request to kube-apiserver/],
    ['auth can-i', /needs VERB and TYPE/],
    ['rollout frobnicate deploy/web', /supported: rollout/],
    ['cp a b', /exactly one of SOURCE, DESTINATION/],
    ['get pods --spdy', /--spdy applies/],
  ])('rejects %j', (cmd, message) => {
    expect(() => requestFromKubectl(cmd)).toThrow(RequestSpecError);
    expect(() => requestFromKubectl(cmd)).toThrow(message);
  });

  // A refusal echoes what it refuses; like the loader's echoes it must stay short and must not carry
  // characters that drive a terminal, whatever the input (a 10 MB argument, an ANSI escape).
  it.each<[string, () => unknown]>([
    ['a 10 MB resource type', () => requestFromKubectl(`get ${'a'.repeat(10_000_000)}`)],
    ['a million object names', () => requestFromKubectl(`get pods ${'x '.repeat(1_000_000)}`)],
    ['a 1 MB flag', () => requestFromKubectl(`get pods --${'x'.repeat(1_000_000)}=1`)],
    [
      'a million bad percent-escapes',
      () => requestFromUrl(`GET /api/v1/namespaces/${'%zz'.repeat(1_000_000)}/pods`),
    ],
    ['an ANSI escape in a resource type', () => requestFromKubectl('get \u001b[2Jpods')],
    ['a right-to-left override in a command', () => requestFromKubectl('frob\u202enicate pods')],
  ])('%s: the refusal is short and escaped', (_name, call) => {
    let message = '';
    try {
      call();
    } catch (error) {
      expect(error).toBeInstanceOf(RequestSpecError);
      message = (error as Error).message;
    }
    expect(message).not.toBe('');
    expect(message.length).toBeLessThan(2500);
    // eslint-disable-next-line no-control-regex
    expect(message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('throws a TypeError for a command that is not a string', () => {
    expect(() => requestFromKubectl(undefined as unknown as string)).toThrow(TypeError);
    expect(() => requestFromKubectl(undefined as unknown as string)).toThrow(/command must be a string/);
  });
});
