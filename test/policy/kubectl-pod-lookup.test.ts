import { RequestSpecError, kubectlRequest, requestFromUrl } from '../../src/policy/request-info';

// kubectl logs, exec, attach and port-forward given TYPE/NAME instead of a Pod. What kubectl sends, read from
// kubernetes/kubectl:
// - pkg/cmd/logs/logs.go, exec/exec.go, attach/attach.go, portforward/portforward.go: the builder reads the
//   object by name (ResourceNames("pods", arg): a bare word is a Pod, TYPE/NAME anything; attach also TYPE NAME);
// - pkg/polymorphichelpers/helpers.go SelectorsForObject: only ReplicaSet, ReplicationController, StatefulSet,
//   DaemonSet, Deployment, Job and Service have Pods kubectl can find; GetPodList lists the Pods of the
//   object's namespace with ListOptions{LabelSelector} only (no limit), and watches while there is none;
// - attachablepodforobject.go / logsforobject.go: one Pod is taken from that list (logs --all-pods: each);
// - portforward.go RunPortForwardContext: the taken Pod is read again by name before the portforward request;
// - logs.go with -l: the builder lists the Pods (no chunking: no limit) and reads each one's log.
// The request to pods/<subresource> then goes to a Pod whose name kubectl learns only when it runs: the URL
// carries "POD" and the attributes have no name. The attributes are written out from requestinfo.go's rules
// (k8s-audit-semantics.md §5.2): a WebSocket GET of exec/attach/portforward is verb get, SPDY's POST create.

type Row = [
  kubectl: string,
  method: string,
  url: string,
  attributes: { verb: string; apiGroup: string; namespace: string; resource: string; subresource: string },
  lookup: { from: string; pods: 'one' | 'each' },
  objectGet: string,
];

const TABLE: Row[] = [
  [
    'logs deploy/web -n prod',
    'GET',
    '/api/v1/namespaces/prod/pods/POD/log',
    { verb: 'get', apiGroup: '', namespace: 'prod', resource: 'pods', subresource: 'log' },
    { from: 'deployments/web', pods: 'one' },
    'GET /apis/apps/v1/namespaces/prod/deployments/web (verb get)',
  ],
  [
    // logs.go example: "kubectl logs job/hello".
    'logs job/hello',
    'GET',
    '/api/v1/namespaces/default/pods/POD/log',
    { verb: 'get', apiGroup: '', namespace: 'default', resource: 'pods', subresource: 'log' },
    { from: 'jobs/hello', pods: 'one' },
    'GET /apis/batch/v1/namespaces/default/jobs/hello (verb get)',
  ],
  [
    'logs statefulset/db -n data -f',
    'GET',
    '/api/v1/namespaces/data/pods/POD/log?follow=true',
    { verb: 'get', apiGroup: '', namespace: 'data', resource: 'pods', subresource: 'log' },
    { from: 'statefulsets/db', pods: 'one' },
    'GET /apis/apps/v1/namespaces/data/statefulsets/db (verb get)',
  ],
  [
    // logs.go example: "kubectl logs deployment/nginx -c nginx-1".
    'logs deployment/nginx -c nginx-1',
    'GET',
    '/api/v1/namespaces/default/pods/POD/log?container=nginx-1',
    { verb: 'get', apiGroup: '', namespace: 'default', resource: 'pods', subresource: 'log' },
    { from: 'deployments/nginx', pods: 'one' },
    'GET /apis/apps/v1/namespaces/default/deployments/nginx (verb get)',
  ],
  [
    // logs.go example: "kubectl logs deployment/nginx --all-pods=true".
    'logs deployment/nginx --all-pods=true',
    'GET',
    '/api/v1/namespaces/default/pods/POD/log',
    { verb: 'get', apiGroup: '', namespace: 'default', resource: 'pods', subresource: 'log' },
    { from: 'deployments/nginx', pods: 'each' },
    'GET /apis/apps/v1/namespaces/default/deployments/nginx (verb get)',
  ],
  [
    'logs ds/node-exporter -n monitoring',
    'GET',
    '/api/v1/namespaces/monitoring/pods/POD/log',
    { verb: 'get', apiGroup: '', namespace: 'monitoring', resource: 'pods', subresource: 'log' },
    { from: 'daemonsets/node-exporter', pods: 'one' },
    'GET /apis/apps/v1/namespaces/monitoring/daemonsets/node-exporter (verb get)',
  ],
  [
    'logs rc/legacy',
    'GET',
    '/api/v1/namespaces/default/pods/POD/log',
    { verb: 'get', apiGroup: '', namespace: 'default', resource: 'pods', subresource: 'log' },
    { from: 'replicationcontrollers/legacy', pods: 'one' },
    'GET /api/v1/namespaces/default/replicationcontrollers/legacy (verb get)',
  ],
  [
    'exec deploy/web -n prod -- ls',
    'GET',
    '/api/v1/namespaces/prod/pods/POD/exec?command=ls&stderr=true&stdout=true',
    { verb: 'get', apiGroup: '', namespace: 'prod', resource: 'pods', subresource: 'exec' },
    { from: 'deployments/web', pods: 'one' },
    'GET /apis/apps/v1/namespaces/prod/deployments/web (verb get)',
  ],
  [
    'exec -it rs/web-5d9f -n prod -- sh',
    'GET',
    '/api/v1/namespaces/prod/pods/POD/exec?command=sh&stdin=true&stdout=true&tty=true',
    { verb: 'get', apiGroup: '', namespace: 'prod', resource: 'pods', subresource: 'exec' },
    { from: 'replicasets/web-5d9f', pods: 'one' },
    'GET /apis/apps/v1/namespaces/prod/replicasets/web-5d9f (verb get)',
  ],
  [
    'exec svc/web --spdy -- ls',
    'POST',
    '/api/v1/namespaces/default/pods/POD/exec?command=ls&stderr=true&stdout=true',
    { verb: 'create', apiGroup: '', namespace: 'default', resource: 'pods', subresource: 'exec' },
    { from: 'services/web', pods: 'one' },
    'GET /api/v1/namespaces/default/services/web (verb get)',
  ],
  [
    // attach.go example: "kubectl attach rs/nginx".
    'attach rs/nginx',
    'GET',
    '/api/v1/namespaces/default/pods/POD/attach?stderr=true&stdout=true',
    { verb: 'get', apiGroup: '', namespace: 'default', resource: 'pods', subresource: 'attach' },
    { from: 'replicasets/nginx', pods: 'one' },
    'GET /apis/apps/v1/namespaces/default/replicasets/nginx (verb get)',
  ],
  [
    // attach.go Run: two arguments are TYPE NAME (b.ResourceNames(Resources[0], Resources[1])).
    'attach deployment web -n prod',
    'GET',
    '/api/v1/namespaces/prod/pods/POD/attach?stderr=true&stdout=true',
    { verb: 'get', apiGroup: '', namespace: 'prod', resource: 'pods', subresource: 'attach' },
    { from: 'deployments/web', pods: 'one' },
    'GET /apis/apps/v1/namespaces/prod/deployments/web (verb get)',
  ],
  [
    'port-forward svc/web 8080:80 -n prod',
    'GET',
    '/api/v1/namespaces/prod/pods/POD/portforward',
    { verb: 'get', apiGroup: '', namespace: 'prod', resource: 'pods', subresource: 'portforward' },
    { from: 'services/web', pods: 'one' },
    'GET /api/v1/namespaces/prod/services/web (verb get)',
  ],
  [
    'port-forward deployment/web 5000 6000 --spdy',
    'POST',
    '/api/v1/namespaces/default/pods/POD/portforward',
    { verb: 'create', apiGroup: '', namespace: 'default', resource: 'pods', subresource: 'portforward' },
    { from: 'deployments/web', pods: 'one' },
    'GET /apis/apps/v1/namespaces/default/deployments/web (verb get)',
  ],
];

describe('kubectlRequest: TYPE/NAME for logs, exec, attach, port-forward', () => {
  it.each(TABLE)('%s → %s %s', (cmd, method, url, attributes, lookup, objectGet) => {
    const sent = kubectlRequest(cmd, { user: 'alice' });
    expect([sent.method, sent.url]).toEqual([method, url]);
    expect(sent.podLookup).toEqual(lookup);
    // The attributes of the URL kubectl sends, except the name: "POD" stands for a Pod not known yet.
    expect(sent.request).toEqual({
      user: 'alice',
      groups: ['system:authenticated'],
      resourceRequest: true,
      apiVersion: 'v1',
      ...attributes,
    });
    const { name, ...fromUrl } = requestFromUrl(`${method} ${url}`, {
      user: 'alice',
      websocket: method === 'GET',
    });
    expect(name).toBe('POD');
    expect(sent.request).toEqual(fromUrl);
    // The lookups: the object's GET, then the LIST of its Pods by label selector without a limit.
    const notes = sent.notes.join('\n');
    expect(notes).toContain(objectGet);
    const ns = attributes.namespace;
    expect(notes).toContain(
      `GET /api/v1/namespaces/${ns}/pods?labelSelector=<spec.selector of ${lookup.from}> (verb list)`,
    );
    expect(notes).toContain('&resourceVersion=RV&watch=true (verb watch)');
    expect(notes).not.toContain('limit=');
  });

  it('port-forward reads the Pod it took by name before forwarding (portforward.go RunPortForwardContext)', () => {
    const notes = kubectlRequest('port-forward svc/web 8080:80 -n prod').notes;
    const read = notes.findIndex((n) => n.includes('GET /api/v1/namespaces/prod/pods/POD (verb get'));
    const list = notes.findIndex((n) => n.includes('(verb list)'));
    expect(list).toBeGreaterThanOrEqual(0);
    expect(read).toBeGreaterThan(list);
    // exec and attach use the Pod from the list itself (exec.go Run, attach.go Run): no second read.
    expect(kubectlRequest('exec deploy/web -- ls').notes.join('\n')).not.toContain('/pods/POD (verb get');
  });

  it('says which Pod kubectl takes: logs by podutils.ByLogging, the streams by reverse ActivePods', () => {
    expect(kubectlRequest('logs deploy/web').notes.join('\n')).toContain('podutils.ByLogging');
    expect(kubectlRequest('exec deploy/web -- ls').notes.join('\n')).toContain('reverse podutils.ActivePods');
  });

  it('a Pod named as a bare word, pod/NAME or (attach) pod NAME keeps its name and needs no lookup', () => {
    for (const cmd of ['logs web-0 -n prod', 'logs pod/web-0 -n prod', 'logs po/web-0 -n prod']) {
      const sent = kubectlRequest(cmd);
      expect(sent.url).toBe('/api/v1/namespaces/prod/pods/web-0/log');
      expect(sent.request.name).toBe('web-0');
      expect(sent.podLookup).toBeUndefined();
    }
    const attach = kubectlRequest('attach pod web-0 -n prod');
    expect(attach.url).toBe('/api/v1/namespaces/prod/pods/web-0/attach?stderr=true&stdout=true');
    expect(attach.request.name).toBe('web-0');
  });
});

describe('kubectlRequest: logs -l, --all-containers (logs.go)', () => {
  it('-l lists the Pods (the builder: labelSelector, no limit) and reads the log of each', () => {
    const sent = kubectlRequest('logs -l app=nginx -n prod');
    // logs.go ToLogOptions: with -l and no --tail, TailLines = selectorTail (10), sent as tailLines.
    expect([sent.method, sent.url]).toEqual(['GET', '/api/v1/namespaces/prod/pods/POD/log?tailLines=10']);
    expect(sent.podLookup).toEqual({ from: '-l app=nginx', pods: 'each' });
    expect(sent.request).toMatchObject({
      verb: 'get',
      resource: 'pods',
      subresource: 'log',
      namespace: 'prod',
    });
    expect(sent.request.name).toBeUndefined();
    expect(sent.notes[0]).toBe(
      'kubectl first lists the Pods: GET /api/v1/namespaces/prod/pods?labelSelector=app%3Dnginx (verb list)',
    );
    // logs.go selectorTail = 10.
    expect(sent.notes.join('\n')).toContain('only the last 10 lines');
  });

  it('-l with -f: kubectl refuses more than --max-log-requests (default 5) streams', () => {
    expect(kubectlRequest('logs -f -l app=nginx').notes.join('\n')).toContain('--max-log-requests (5)');
  });

  it('--all-containers: one request per container, the attributes the same', () => {
    const sent = kubectlRequest('logs web-0 --all-containers');
    expect(sent.url).toBe('/api/v1/namespaces/default/pods/web-0/log');
    expect(sent.request.name).toBe('web-0');
    expect(sent.notes.join('\n')).toContain('one such request per container of the Pod');
  });
});

describe('kubectlRequest: cp takes no TYPE/NAME (cp.go extractFileSpec: [NAMESPACE/]POD:PATH)', () => {
  it('"deploy/web:/tmp/x" is Pod web in namespace deploy, as kubectl reads it, and the note says so', () => {
    const sent = kubectlRequest('cp deploy/web:/tmp/x ./x');
    expect(sent.url).toBe(
      '/api/v1/namespaces/deploy/pods/web/exec?command=tar&command=cf&command=-&command=%2Ftmp%2Fx&stderr=true&stdout=true',
    );
    expect(sent.request).toMatchObject({ namespace: 'deploy', name: 'web', subresource: 'exec' });
    expect(sent.podLookup).toBeUndefined();
    expect(sent.notes.join('\n')).toContain(
      '"deploy/web:" is Pod web in namespace deploy (not deployments/web)',
    );
    expect(kubectlRequest('cp prod/web-0:/tmp/x ./x').notes.join('\n')).not.toContain('TYPE/NAME');
  });
});

describe('kubectlRequest: TYPE/NAME forms kubectl refuses', () => {
  it.each<[string, RegExp]>([
    // SelectorsForObject has no case for CronJob, ConfigMap, Node: "selector for *T not implemented".
    [
      'logs cronjob/nightly',
      /kubectl finds the Pods of a Deployment, .* only .*for cronjobs .*"logs deploy\/NAME"/,
    ],
    ['exec cm/settings -- ls', /for configmaps it reads the object and then fails/],
    ['attach node/worker-1', /for nodes it reads the object and then fails/],
    ['port-forward secret/x 8080', /for secrets it reads the object and then fails/],
    // debug.go visits Pods and Nodes only.
    ['debug deploy/web -it --image=busybox', /works on a Pod or a Node only/],
    // logs.go Complete and Validate.
    ['logs -l app=web web-0', /only a selector \(-l\) or a POD name is allowed/],
    ['logs deploy/web --all-containers -c app', /--all-containers reads every container/],
    ['logs deploy/web app --all-containers', /--all-containers reads every container/],
    ['logs deploy/web a b', /takes \(POD \| TYPE\/NAME\) \[CONTAINER\]/],
    ['logs', /needs a Pod name or TYPE\/NAME/],
    // logs.go defines neither -A nor --field-selector.
    ['logs -l app=web -A', /kubectl logs has no -A/],
    ['logs -l app=web --field-selector status.phase=Running', /no --field-selector flag/],
    // attach.go Validate: at most 2 arguments; portforward.go Complete: ports are required.
    ['attach deployment web extra', /at most 2 arguments/],
    ['port-forward svc/web', /a list of ports/],
    // The builder's form: one slash.
    ['exec deploy/web/x -- ls', /is not POD or TYPE\/NAME/],
    ['exec deploy/ -- ls', /is not POD or TYPE\/NAME/],
    ['logs widgets/x', /unknown resource type "widgets"/],
  ])('refuses %j', (cmd, message) => {
    expect(() => kubectlRequest(cmd)).toThrow(RequestSpecError);
    expect(() => kubectlRequest(cmd)).toThrow(message);
  });
});
