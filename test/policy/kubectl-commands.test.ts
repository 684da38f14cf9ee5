import {
  RequestSpecError,
  kubectlRequest,
  requestFromKubectl,
  requestFromUrl,
} from '../../src/policy/request-info';

// kubectl subcommands beyond the basic table of kubectl-request.test.ts, each mapped to the request kubectl
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

describe('kubectlRequest: commands that send no single request are refused with the reason', () => {
  it.each<[string, RegExp]>([
    ['config view', /runs locally: kubectl sends no request/],
    ['config use-context prod', /runs locally/],
    // cani.go Validate.
    [
      'auth can-i --list -A',
      /"list option can't be specified with neither quiet, all-namespaces nor subresource/,
    ],
    ['auth can-i --list -q', /"list option can't be specified/],
    ['auth can-i --list --subresource=log', /"list option can't be specified/],
    ['auth can-i get pods --no-headers', /"--no-headers cannot be set without --list specified"/],
    ['auth can-i get /logs --subresource=x', /"--subresource can not be used with NonResourceURL"/],
    // run.go: "--image is required", "--port must be set when exposing a service", "--rm should only be used
    // for attached containers" (--attach defaults to -i).
    ['run tmp', /"--image is required"/],
    ['run web --image=nginx --expose', /"--port must be set when exposing a service"/],
    [
      'run tmp --image=busybox --rm --restart=Never -- true',
      /"--rm should only be used for attached containers"/,
    ],
    [
      'run tmp --image=busybox --rm -i --attach=false -- sh',
      /"--rm should only be used for attached containers"/,
    ],
    // run.go and debug.go Validate: "-i/--stdin is required for containers with -t/--tty=true".
    ['run tmp --image=busybox -t -- sh', /kubectl refuses "run" with -t and no -i/],
    ['debug web-0 --image=busybox -t', /kubectl refuses "debug" with -t and no -i/],
    // delete.go Complete/Validate: --now is --grace-period=1; --force takes only a grace period of 0; -o only name.
    [
      'delete pod x --force --grace-period=30',
      /"--force and --grace-period greater than 0 cannot be specified/,
    ],
    ['delete pod x --now --force', /--force with --grace-period=1 \(--now\)/],
    ['delete pod x --now --grace-period=5', /"--now and --grace-period cannot be specified together"/],
    ['delete pod x -o yaml', /"unexpected -o output mode: yaml\. We only support '-o name'"/],
    // Each local command has flags of its own (config view --minify, config set-context --current, plugin
    // list --name-only, kustomize --enable-helm): it still sends nothing, whatever they are.
    ['config view --minify --flatten', /"config" runs locally/],
    ['config set-context --current --namespace=prod', /"config" runs locally/],
    ['plugin list --name-only', /"plugin" runs locally/],
    ['kustomize --enable-helm ./overlay', /"kustomize" runs locally/],
    ['diff -k ./overlay -l app=web --prune', /"diff" compares files/],
    ['kustomize ./overlay', /runs locally/],
    ['completion bash', /runs locally/],
    ['set image deploy/web app=nginx:2 --local', /runs locally/],
    ['diff -f app.yaml', /dry-run apply \(PATCH \.\.\.\?dryRun=All, verb patch/],
    ['auth reconcile -f rbac.yaml', /"auth reconcile" reads RBAC objects from files/],
    ['cluster-info dump', /sends many requests/],
    ['scale deploy --all --replicas=0', /one PATCH per object by name/],
    ['set image deploy -l app=web app=nginx:2', /one PATCH per object by name/],
    ['taint nodes --all dedicated=db:NoSchedule', /one PATCH per object by name/],
    ['wait pods -l app=web --for=condition=Ready', /lists the objects/],
    ['wait pod/web-0', /"wait" needs --for/],
    ['taint deploy web a=b:NoSchedule', /works on Nodes only/],
    ['set frobnicate deploy/web', /supported: set image/],
    // kubectl exec Complete(): "exec [POD] [COMMAND] is not supported anymore".
    ['exec web-0 ls /tmp', /exec \[POD\] \[COMMAND\] is not supported anymore.*exec web-0 -- ls \/tmp/],
    // Required arguments kubectl checks (Complete/Validate) before it sends anything.
    ['exec -it web-0', /you must specify at least one command for the container.*"exec web-0 -- sh"/],
    ['exec -n prod deploy/web -c app --', /you must specify at least one command for the container/],
    ['scale deploy/web', /The --replicas=COUNT flag is required/],
    ['scale deploy --all', /The --replicas=COUNT flag is required/],
    [
      'patch deploy web --type=merge',
      /must specify --patch or --patch-file containing the contents of the patch/,
    ],
    ['label pods', /at least one label update is required/],
    [
      'label node worker-1 --overwrite',
      /at least one label update is required.*"label node worker-1 team=web"/,
    ],
    ['annotate deploy/web -n prod', /at least one annotation update is required/],
    ['autoscale deploy web --min=2 --cpu-percent=80', /--max=MAXPODS is required and must be at least 1/],
    ['set image deploy/web', /at least one image update is required.*"set image deploy\/web app=nginx:1.27"/],
    // The values kubectl's Validate checks (scale.go, autoscale.go, patch.go) and pflag's integer parsing.
    ['scale deploy/web --replicas=-1', /"scale --replicas=-1".*COUNT must be greater than or equal to 0/],
    ['scale deploy/web --replicas three', /invalid argument "three" for "--replicas" flag.*invalid syntax/],
    ['autoscale deploy web --max=0', /--max=MAXPODS is required and must be at least 1, max: 0/],
    [
      'autoscale deploy web --min=5 --max=3',
      /--max=MAXPODS must be larger or equal to --min=MINPODS, max: 3, min: 5.*raise --max to 5/,
    ],
    ["patch deploy web -p ''", /must specify --patch or --patch-file containing the contents of the patch/],
    ['label pods web-0 app=web app-', /can not both modify and remove a label in the same command/],
    // label.go parseLabels: IsValidLabelValue (apimachinery validation.go) and one "=" per word, before any request.
    [
      'label pods web-0 team=web_',
      /"invalid label value: "team=web_": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '\.', and must start and end with an alphanumeric character \(e\.g\. 'MyValue', {2}or 'my_value', {2}or '12345', regex used for validation is '\(\(\[A-Za-z0-9\]\[-A-Za-z0-9_\.\]\*\)\?\[A-Za-z0-9\]\)\?'\)"/,
    ],
    ["label pods web-0 'note=hello world'", /invalid label value/],
    [`label pods web-0 id=${'a'.repeat(64)}`, /must be no more than 63 characters"/],
    ['label pods web-0 a=b=c', /"invalid label spec: a=b=c"/],
    // scale.go Validate: --current-replicas below -1 (its default, no precondition).
    [
      'scale deploy/web --replicas=3 --current-replicas=-2',
      /"scale --current-replicas=-2" \("The --current-replicas must specify an integer of -1 or greater"\)/,
    ],
    [
      'annotate pods web-0 owner=team-a owner-',
      /can not both modify and remove the following annotation\(s\) in the same command: owner"\): keep either owner=VALUE or owner-/,
    ],
    [
      'patch deploy web -p \'{"spec":{"replicas":2}}\' --patch-file patch.yaml',
      /cannot specify --patch and --patch-file together/,
    ],
    ['events pod/web-0', /takes no arguments/],
    ['apply set-last-applied deploy/web', /"apply set-last-applied" takes the objects from files/],
    // Several objects or types: one request each; the refusal names one to describe.
    ['delete pods a b -n x', /one request per name\); describe one of them, e.g. "delete pods a"/],
    ['delete pod/a pod/b', /one request per object\); describe one of them, e.g. "delete pod\/a"/],
    ['get pods,svc -n x', /one request per type\); describe one of them, e.g. "get pods"/],
    ['get all -n prod', /"all" is a category.*e.g. "get pods"/],
    // replace.go forceReplace(): DELETE, then POST; no single request to describe.
    [
      'replace cm settings --force',
      /DELETE \/api\/v1\/namespaces\/default\/configmaps\/settings, verb delete.*POST \/api\/v1\/namespaces\/default\/configmaps, verb create/,
    ],
  ])('%j', (cmd, message) => {
    expect(() => requestFromKubectl(cmd)).toThrow(RequestSpecError);
    expect(() => requestFromKubectl(cmd)).toThrow(message);
  });
});

describe('kubectlRequest: the other requests of a command, as kubectl sends them', () => {
  const notes = (cmd: string) => kubectlRequest(cmd).notes.join(' | ');

  // cli-runtime's Builder reads each named object first (requireObject defaults to true; RetrieveLazy):
  // patch, scale, label, ... send a GET before their change. delete and replace say RequireObject(false).
  it('patch and scale read the object first; delete does not, then waits for it to go', () => {
    expect(notes('patch deploy web -p {}')).toContain(
      'GET /apis/apps/v1/namespaces/default/deployments/web (verb get)',
    );
    expect(notes('scale deploy web --replicas=2')).toContain(
      'GET /apis/apps/v1/namespaces/default/deployments/web (verb get)',
    );
    expect(notes('delete pod web-0 -n prod')).not.toContain('first reads');
    expect(notes('delete pod web-0 -n prod')).toContain(
      'GET /api/v1/namespaces/prod/pods?fieldSelector=metadata.name%3Dweb-0 (verb list)',
    );
    expect(notes('replace cm settings')).not.toContain('first reads');
  });

  // delete.go DeleteResult: "if !o.WaitForDeletion { return nil }" before the wait.
  it.each<string>([
    'delete pod x --grace-period=0 --force',
    'delete pod x --force',
    'delete pod x --now',
    'delete pod x --grace-period=0',
    'delete pod x -o name',
  ])('%s: kubectl sends the DELETE', (cmd) => {
    const r = kubectlRequest(cmd);
    expect(`${r.method} ${r.url}`).toBe('DELETE /api/v1/namespaces/default/pods/x');
  });

  // StreamOptions.SetupTTY (pkg/cmd/exec): without stdin kubectl sets TTY to false, so the request asks for
  // stderr and no tty.
  it.each<[string, string]>([
    [
      'exec -t web-0 -- date',
      'GET /api/v1/namespaces/default/pods/web-0/exec?command=date&stderr=true&stdout=true',
    ],
    ['attach web-0 -t', 'GET /api/v1/namespaces/default/pods/web-0/attach?stderr=true&stdout=true'],
    [
      'exec -it web-0 -- sh',
      'GET /api/v1/namespaces/default/pods/web-0/exec?command=sh&stdin=true&stdout=true&tty=true',
    ],
  ])('%s → %s', (cmd, request) => {
    const r = kubectlRequest(cmd);
    expect(`${r.method} ${r.url}`).toBe(request);
  });

  it('delete --wait=false sends the DELETE and no wait', () => {
    const r = kubectlRequest('delete pod web-0 -n prod --wait=false');
    expect(`${r.method} ${r.url}`).toBe('DELETE /api/v1/namespaces/prod/pods/web-0');
    expect(notes('delete pod web-0 -n prod --wait=false')).not.toContain('fieldSelector');
    expect(notes('delete pod web-0 -n prod --wait=false')).toMatch(
      /--wait=false: kubectl returns after this DELETE/,
    );
    expect(notes('delete pod web-0 -n prod --wait=true')).toContain('fieldSelector=metadata.name%3Dweb-0');
  });

  // get.go watch(): r.Infos() and r.Object() run before r.Watch() whatever --watch-only says.
  it('get --watch-only still lists or reads first', () => {
    expect(notes('get pods --watch-only -n x')).toContain(
      'GET /api/v1/namespaces/x/pods?limit=500 (verb list)',
    );
    expect(notes('get pod p --watch-only -n x')).toContain('GET /api/v1/namespaces/x/pods/p (verb get)');
  });

  it('describe reads related objects and lists by prefix when the name is not found', () => {
    expect(notes('describe pod web -n prod')).toContain('Events');
    expect(notes('describe pod web -n prod')).toContain(
      'GET /api/v1/namespaces/prod/pods?limit=500 (verb list)',
    );
  });

  // describe -A lists in every namespace; each object is then read in its own namespace (a namespaced GET).
  it('describe -A reads each listed object in its namespace', () => {
    expect(notes('describe pods -A')).toContain('GET /api/v1/namespaces/NAMESPACE/pods/NAME (verb get');
    expect(notes('describe pods -A')).not.toContain('GET /api/v1/pods/NAME');
  });

  // cani.go Complete: o.Namespace = "" unless !o.AllNamespaces: -A asks about every namespace, whatever -n says.
  it('auth can-i -A asks about every namespace, not the -n one', () => {
    expect(notes('auth can-i get pods -A -n prod')).toMatch(/-A: the review asks about every namespace/);
    expect(notes('auth can-i get pods -A -n prod')).not.toMatch(
      /-n prod is the namespace the review asks about/,
    );
  });

  // describe.go: DescriberSettings{ShowEvents: o.DescriberSettings.ShowEvents}; each describer lists the
  // Events only "if describerSettings.ShowEvents".
  it('describe --show-events=false lists no Events', () => {
    expect(notes('describe pod web -n prod --show-events=false')).not.toContain('/events');
    expect(notes('describe pods -n prod --show-events=false')).not.toContain('/events');
    expect(notes('describe pods -n prod --show-events=false')).toContain(
      'GET /api/v1/namespaces/prod/pods/NAME (verb get, with its name)',
    );
    expect(notes('describe pod web -n prod --show-events=true')).toContain('/events');
  });

  // kubectl takes the namespace from the kubeconfig context when -n is absent (clientcmd
  // DirectClientConfig.Namespace: "default" only when the context sets none).
  it('says that the namespace without -n is the context namespace, taken as default', () => {
    expect(notes('get secrets')).toContain('kubeconfig context');
    expect(notes('get secrets --context prod')).toContain('kubeconfig context');
    expect(notes('get secrets -n default')).not.toContain('kubeconfig context');
    expect(notes('get nodes')).not.toContain('kubeconfig context');
    expect(notes('get ns default')).not.toContain('kubeconfig context');
  });
});

describe('kubectlRequest: notes that say what a flag does', () => {
  const notes = (cmd: string) => kubectlRequest(cmd).notes.join(' ');

  // auth can-i -n puts the namespace into the SelfSubjectAccessReview's spec.resourceAttributes.
  it('auth can-i -n is the namespace asked about, not ignored', () => {
    expect(notes('auth can-i get secrets -n prod')).toContain(
      '-n prod is the namespace the review asks about',
    );
    expect(notes('auth can-i get secrets -n prod')).not.toContain('is ignored');
    expect(notes('get nodes -n prod')).toContain('-n prod is ignored');
  });

  // debug.go: the builder reads the Node or Pod first; -i (--attach defaults to it) attaches afterwards.
  it('debug reads the Node or Pod first and with -i attaches', () => {
    expect(notes('debug node/n1 -it --image=busybox')).toContain('GET /api/v1/nodes/n1 (verb get)');
    expect(notes('debug web-0 -it --image=busybox -n x')).toContain(
      '/pods/web-0/attach?... (verb get, pods/attach)',
    );
    expect(notes('debug web-0 --image=busybox -n x')).not.toContain('attach');
  });

  // run.go: -i/--stdin implies --attach (wait for the Pod, then attach); --rm deletes the Pod afterwards.
  it('run -i attaches to the new Pod and --rm deletes it', () => {
    expect(notes('run debug --image=busybox -it --rm -n x -- sh')).toContain(
      'GET /api/v1/namespaces/x/pods/debug/attach?... (verb get, pods/attach), then deletes it: DELETE /api/v1/namespaces/x/pods/debug (verb delete)',
    );
    expect(notes('run web --image=nginx -n x')).not.toContain('attach');
  });
});
