import { kubectlRequest, requestFromKubectl, requestFromUrl } from '../../src/policy/request-info';

// kubectl subcommands beyond the basic table of kubectl-request-table.ts, each mapped to the request kubectl
// sends (read from kubernetes/kubectl pkg/cmd/<command>): set * (builder GET, then one strategic merge
// PATCH), taint (GET + PATCH of the Node), autoscale (GET the target, POST an autoscaling/v2 HPA), rollout
// history (GET, then the revisions), events (chunked list of core/v1 Events, -w a watch), wait (GET, list
// and then watch by metadata.name), cluster-info (Services labelled kubernetes.io/cluster-service=true in
// kube-system), api-resources/api-versions (discovery: GET /api first), explain (OpenAPI v3 of the group
// version). The attributes are written out by requestinfo.go's rules (k8s-audit-semantics.md §5.2).
const TABLE: Array<[kubectl: string, method: string, url: string, attributes: Record<string, unknown>]> = [
  [
    'set image deploy/web app=nginx:1.27 -n prod',
    'PATCH',
    '/apis/apps/v1/namespaces/prod/deployments/web',
    { verb: 'patch', apiGroup: 'apps', resource: 'deployments', namespace: 'prod', name: 'web' },
  ],
  [
    'set image deployment web app=nginx:1.27 sidecar=envoy:1',
    'PATCH',
    '/apis/apps/v1/namespaces/default/deployments/web',
    { verb: 'patch', resource: 'deployments', namespace: 'default', name: 'web' },
  ],
  [
    'set env deploy/web LOG=debug OLD- -n prod',
    'PATCH',
    '/apis/apps/v1/namespaces/prod/deployments/web',
    { verb: 'patch', resource: 'deployments', name: 'web' },
  ],
  [
    'set resources deploy web -c app --limits=cpu=200m,memory=512Mi',
    'PATCH',
    '/apis/apps/v1/namespaces/default/deployments/web',
    { verb: 'patch', resource: 'deployments', name: 'web' },
  ],
  [
    'set serviceaccount deployment web builder',
    'PATCH',
    '/apis/apps/v1/namespaces/default/deployments/web',
    { verb: 'patch', resource: 'deployments', name: 'web' },
  ],
  [
    'set sa sts/db builder -n data',
    'PATCH',
    '/apis/apps/v1/namespaces/data/statefulsets/db',
    { verb: 'patch', resource: 'statefulsets', namespace: 'data', name: 'db' },
  ],
  [
    'set selector svc web app=web',
    'PATCH',
    '/api/v1/namespaces/default/services/web',
    { verb: 'patch', apiGroup: '', resource: 'services', name: 'web' },
  ],
  [
    'set subject clusterrolebinding admins --user=alice --group=ops',
    'PATCH',
    '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/admins',
    {
      verb: 'patch',
      apiGroup: 'rbac.authorization.k8s.io',
      resource: 'clusterrolebindings',
      namespace: '',
      name: 'admins',
    },
  ],
  [
    'taint nodes worker-1 dedicated=db:NoSchedule',
    'PATCH',
    '/api/v1/nodes/worker-1',
    { verb: 'patch', resource: 'nodes', namespace: '', name: 'worker-1' },
  ],
  [
    'taint node/worker-1 dedicated:NoSchedule-',
    'PATCH',
    '/api/v1/nodes/worker-1',
    { verb: 'patch', resource: 'nodes', name: 'worker-1' },
  ],
  [
    'autoscale deploy web --min=2 --max=5 --cpu-percent=80 -n prod',
    'POST',
    '/apis/autoscaling/v2/namespaces/prod/horizontalpodautoscalers',
    {
      verb: 'create',
      apiGroup: 'autoscaling',
      resource: 'horizontalpodautoscalers',
      namespace: 'prod',
      name: '',
    },
  ],
  [
    'autoscale deploy web --min=3 --max=3 -n prod',
    'POST',
    '/apis/autoscaling/v2/namespaces/prod/horizontalpodautoscalers',
    { verb: 'create', resource: 'horizontalpodautoscalers', namespace: 'prod' },
  ],
  [
    // Scaling to zero is allowed (scale.go Validate: Replicas < 0 is refused).
    'scale --replicas=0 deployment/web -n prod',
    'PATCH',
    '/apis/apps/v1/namespaces/prod/deployments/web/scale',
    { verb: 'patch', resource: 'deployments', subresource: 'scale', name: 'web' },
  ],
  // scale.go RunScale: a precondition (GET + PUT) only when --current-replicas is not its default -1 or
  // --resource-version is set; -1 is a blind merge PATCH.
  [
    'scale deploy/web --replicas=3 --current-replicas=-1 -n prod',
    'PATCH',
    '/apis/apps/v1/namespaces/prod/deployments/web/scale',
    { verb: 'patch', subresource: 'scale', name: 'web' },
  ],
  [
    'scale deploy/web --replicas=3 --current-replicas=2 -n prod',
    'PUT',
    '/apis/apps/v1/namespaces/prod/deployments/web/scale',
    { verb: 'update', subresource: 'scale', name: 'web' },
  ],
  // label.go parseLabels checks only the value (an empty one is valid); annotate.go's ParsePairs checks neither
  // key nor value. A bad key is sent: the API server audits the PATCH and refuses it with 422.
  [
    'label pods web-0 team= -n prod',
    'PATCH',
    '/api/v1/namespaces/prod/pods/web-0',
    { verb: 'patch', resource: 'pods', name: 'web-0' },
  ],
  [
    "label pods web-0 'bad key=web' -n prod",
    'PATCH',
    '/api/v1/namespaces/prod/pods/web-0',
    { verb: 'patch', resource: 'pods', name: 'web-0' },
  ],
  [
    "annotate pods web-0 'bad key=free text, any length' -n prod",
    'PATCH',
    '/api/v1/namespaces/prod/pods/web-0',
    { verb: 'patch', resource: 'pods', name: 'web-0' },
  ],
  [
    'rollout history deploy/web -n prod',
    'GET',
    '/apis/apps/v1/namespaces/prod/deployments/web',
    { verb: 'get', resource: 'deployments', namespace: 'prod', name: 'web' },
  ],
  [
    'events -n prod',
    'GET',
    '/api/v1/namespaces/prod/events?limit=500',
    { verb: 'list', apiGroup: '', resource: 'events', namespace: 'prod', name: '' },
  ],
  [
    'events -A --watch',
    'GET',
    '/api/v1/events?limit=500&watch=true',
    { verb: 'watch', resource: 'events', namespace: '' },
  ],
  [
    'events --for pod/web-0 -n prod',
    'GET',
    // events.go Run: fieldSelector involvedObject.kind, .apiVersion and .name of the --for object.
    '/api/v1/namespaces/prod/events?fieldSelector=involvedObject.kind%3DPod%2CinvolvedObject.apiVersion%3Dv1%2CinvolvedObject.name%3Dweb-0&limit=500',
    { verb: 'list', resource: 'events', namespace: 'prod', name: '' },
  ],
  [
    'events --for deployment/web -n prod -w',
    'GET',
    '/api/v1/namespaces/prod/events?fieldSelector=involvedObject.kind%3DDeployment%2CinvolvedObject.apiVersion%3Dapps%2Fv1%2CinvolvedObject.name%3Dweb&limit=500&watch=true',
    { verb: 'watch', resource: 'events', namespace: 'prod', name: '' },
  ],
  [
    'wait --for=condition=Ready pod/web-0 -n prod --timeout=60s',
    'GET',
    '/api/v1/namespaces/prod/pods?fieldSelector=metadata.name%3Dweb-0&watch=true',
    { verb: 'watch', resource: 'pods', namespace: 'prod', name: 'web-0' },
  ],
  [
    'wait --for=delete ns team-a',
    'GET',
    '/api/v1/namespaces?fieldSelector=metadata.name%3Dteam-a&watch=true',
    { verb: 'watch', resource: 'namespaces', namespace: '', name: 'team-a' },
  ],
  [
    'cluster-info',
    'GET',
    '/api/v1/namespaces/kube-system/services?labelSelector=kubernetes.io%2Fcluster-service%3Dtrue',
    { verb: 'list', resource: 'services', namespace: 'kube-system', name: '' },
  ],
  ['api-resources', 'GET', '/api', { verb: 'get', resourceRequest: false, path: '/api' }],
  ['api-resources --namespaced=true -o wide', 'GET', '/api', { verb: 'get', path: '/api' }],
  ['api-versions', 'GET', '/api', { verb: 'get', path: '/api' }],
  [
    'explain deploy.spec.replicas',
    'GET',
    '/openapi/v3/apis/apps/v1',
    { verb: 'get', resourceRequest: false, path: '/openapi/v3/apis/apps/v1' },
  ],
  ['explain pods --recursive', 'GET', '/openapi/v3/api/v1', { verb: 'get', path: '/openapi/v3/api/v1' }],
  // label.go/annotate.go: with --list the objects are read and their labels printed; no PATCH is sent.
  [
    'label pods web-0 --list -n prod',
    'GET',
    '/api/v1/namespaces/prod/pods/web-0',
    { verb: 'get', resource: 'pods', namespace: 'prod', name: 'web-0' },
  ],
  [
    'annotate deploy/web --list -n prod',
    'GET',
    '/apis/apps/v1/namespaces/prod/deployments/web',
    { verb: 'get', resource: 'deployments', name: 'web' },
  ],
  [
    'label pods -l app=web --list -n prod',
    'GET',
    '/api/v1/namespaces/prod/pods?labelSelector=app%3Dweb',
    { verb: 'list', resource: 'pods', namespace: 'prod', name: '' },
  ],
  [
    'apply view-last-applied deploy/web -n prod -o json',
    'GET',
    '/apis/apps/v1/namespaces/prod/deployments/web',
    { verb: 'get', resource: 'deployments', name: 'web' },
  ],
  [
    'apply edit-last-applied deploy/web -n prod',
    'PATCH',
    '/apis/apps/v1/namespaces/prod/deployments/web',
    { verb: 'patch', resource: 'deployments', name: 'web' },
  ],
  // rollout_status.go: watchtools.UntilWithSync lists the object by name (metadata.name field selector), then
  // watches it while o.Watch (default true) and the rollout is not done; -w=false returns at the list's event.
  [
    'rollout status deploy/web',
    'GET',
    '/apis/apps/v1/namespaces/default/deployments?fieldSelector=metadata.name%3Dweb&watch=true',
    { verb: 'watch', name: 'web' },
  ],
  [
    'rollout status deploy/web -w=false',
    'GET',
    '/apis/apps/v1/namespaces/default/deployments?fieldSelector=metadata.name%3Dweb',
    { verb: 'list', name: 'web' },
  ],
  [
    // pflag reads a boolean with strconv.ParseBool: 0, f, F, FALSE, False are false too.
    'rollout status deploy/web --watch=0',
    'GET',
    '/apis/apps/v1/namespaces/default/deployments?fieldSelector=metadata.name%3Dweb',
    { verb: 'list', name: 'web' },
  ],
  [
    'rollout status deploy/web -w=False',
    'GET',
    '/apis/apps/v1/namespaces/default/deployments?fieldSelector=metadata.name%3Dweb',
    { verb: 'list', name: 'web' },
  ],
  [
    'rollout status deploy/web --watch=T',
    'GET',
    '/apis/apps/v1/namespaces/default/deployments?fieldSelector=metadata.name%3Dweb&watch=true',
    { verb: 'watch', name: 'web' },
  ],
  [
    'rollout status --watch=false statefulset web -n db',
    'GET',
    '/apis/apps/v1/namespaces/db/statefulsets?fieldSelector=metadata.name%3Dweb',
    { verb: 'list', namespace: 'db', name: 'web' },
  ],
];

describe('kubectlRequest: more kubectl commands', () => {
  it.each(TABLE)('%s → %s %s', (cmd, method, url, attributes) => {
    const sent = kubectlRequest(cmd);
    expect([sent.method, sent.url]).toEqual([method, url]);
    expect(sent.request).toMatchObject(attributes);
    expect(sent.request).toEqual(requestFromUrl(`${method} ${url}`));
  });

  it('logs POD CONTAINER names the container as -c does (logs.go: args[1])', () => {
    expect(kubectlRequest('logs web-0 app -n prod').url).toBe(
      '/api/v1/namespaces/prod/pods/web-0/log?container=app',
    );
    expect(() => requestFromKubectl('logs web-0 app -c sidecar')).toThrow(/give the container once/);
  });

  const notes = (cmd: string) => kubectlRequest(cmd).notes.join(' ');
  it('says which other requests they send', () => {
    expect(notes('create job once --from=cronjob/nightly -n ci')).toContain(
      'GET /apis/batch/v1/namespaces/ci/cronjobs/nightly (verb get)',
    );
    expect(notes('set image deploy/web app=x')).toContain(
      'GET /apis/apps/v1/namespaces/default/deployments/web (verb get)',
    );
    expect(notes('taint nodes n1 a=b:NoSchedule')).toContain('GET /api/v1/nodes/n1 (verb get)');
    expect(notes('autoscale deploy web --max=3')).toContain(
      'GET /apis/apps/v1/namespaces/default/deployments/web (verb get)',
    );
    expect(notes('rollout history deploy/web')).toContain('/apis/apps/v1/namespaces/default/replicasets');
    expect(notes('rollout history sts/db')).toContain('controllerrevisions');
    expect(notes('wait --for=condition=Ready pod/p')).toContain(
      'GET /api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dp (verb list)',
    );
    expect(notes('api-resources')).toContain('GET /apis');
    expect(notes('explain pods')).toContain('GET /openapi/v3');
  });
});
