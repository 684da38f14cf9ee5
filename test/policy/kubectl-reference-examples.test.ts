import { RequestSpecError, kubectlRequest } from '../../src/policy/request-info';

// Command lines from kubernetes.io's kubectl quick reference (kubernetes/website
// content/en/docs/reference/kubectl/quick-reference.md) and from kubectl's own Example blocks
// (staging/src/k8s.io/kubectl/pkg/cmd/*), with the request kubectl sends for each: lists chunked with
// limit=500 (cmdutil.DefaultChunkSize), the resource's API group and preferred version, scale through the
// scale subresource, exec and port-forward on the Pod's subresource.

const sent = (cmd: string) => {
  const r = kubectlRequest(cmd);
  return `${r.method} ${r.url}`;
};

describe('quick reference and Example lines send what kubectl sends', () => {
  it.each([
    ['kubectl get deployments.v1.apps -o json', 'GET /apis/apps/v1/namespaces/default/deployments?limit=500'],
    ['kubectl edit job.v1.batch/myjob -o json', 'PATCH /apis/batch/v1/namespaces/default/jobs/myjob'],
    [
      'kubectl get deployment nginx-deployment --subresource=status',
      'GET /apis/apps/v1/namespaces/default/deployments/nginx-deployment/status',
    ],
    [
      "kubectl get node --selector='!node-role.kubernetes.io/control-plane'",
      'GET /api/v1/nodes?labelSelector=%21node-role.kubernetes.io%2Fcontrol-plane&limit=500',
    ],
    [
      'kubectl get pods --field-selector=status.phase=Running',
      'GET /api/v1/namespaces/default/pods?fieldSelector=status.phase%3DRunning&limit=500',
    ],
    [
      "kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{\"spec\":{\"replicas\":2}}'",
      'PATCH /apis/apps/v1/namespaces/default/deployments/nginx-deployment/scale',
    ],
    ['kubectl scale --replicas=3 rs/foo', 'PATCH /apis/apps/v1/namespaces/default/replicasets/foo/scale'],
    [
      'kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub',
      'POST /api/v1/namespaces/default/secrets',
    ],
    [
      'kubectl create token myapp --namespace myns',
      'POST /api/v1/namespaces/myns/serviceaccounts/myapp/token',
    ],
    [
      'kubectl certificate approve csr-sqgzp',
      'PUT /apis/certificates.k8s.io/v1/certificatesigningrequests/csr-sqgzp/approval',
    ],
    ['kubectl top pod --namespace=NAMESPACE', 'GET /apis/metrics.k8s.io/v1beta1/namespaces/NAMESPACE/pods'],
    ['kubectl explain deployments --api-version=apps/v1', 'GET /openapi/v3/apis/apps/v1'],
  ])('%s', (cmd, expected) => {
    expect(sent(cmd)).toBe(expected);
  });
});

describe('commands with flags of their own that send nothing, or too much to describe', () => {
  // proxy.go's --www, --api-prefix, --accept-hosts and cluster-info dump's --output-directory are no flags the
  // tables list: "unsupported flag" hid the real answer.
  it.each([
    'kubectl proxy --port=8011 --www=./local/www/',
    'kubectl proxy --api-prefix=/k8s-api',
    "kubectl proxy --address='0.0.0.0' --accept-hosts='^*$'",
  ])('%s: proxy sends no request of its own', (cmd) => {
    expect(() => kubectlRequest(cmd)).toThrow(RequestSpecError);
    expect(() => kubectlRequest(cmd)).toThrow(/"kubectl proxy" sends no request of its own/);
  });

  it('cluster-info dump --output-directory: the dump sends many requests', () => {
    expect(() =>
      kubectlRequest('kubectl cluster-info dump --output-directory=/path/to/cluster-state'),
    ).toThrow(/"cluster-info dump" sends many requests/);
  });

  it('cluster-info itself is still read with its flags', () => {
    expect(sent('kubectl cluster-info -n kube-system')).toBe(
      'GET /api/v1/namespaces/kube-system/services?labelSelector=kubernetes.io%2Fcluster-service%3Dtrue',
    );
  });
});

describe('flags the command does not have', () => {
  // describe.go registers -l, -A, --show-events and --chunk-size; taint.go and drain.go -l: no --field-selector.
  it.each([
    'kubectl describe pods --field-selector status.phase=Running',
    'kubectl taint nodes --field-selector spec.unschedulable=false dedicated=x:NoSchedule',
    'kubectl drain --field-selector metadata.name=worker-1',
  ])('%s is refused', (cmd) => {
    expect(() => kubectlRequest(cmd)).toThrow(/has no --field-selector flag \(kubectl refuses it/);
  });

  // get.go and describe.go register no --all (delete, label, annotate, scale, set, taint and wait do).
  it.each(['kubectl get pods --all', 'kubectl describe pods --all -n prod'])('%s is refused', (cmd) => {
    expect(() => kubectlRequest(cmd)).toThrow(
      /has no --all flag \(kubectl refuses it: "unknown flag: --all"\)/,
    );
  });
});

describe('kubectl run NAME ARGS without "--"', () => {
  // run.go: params["args"] = args[1:]: the words after NAME are the container's arguments, in the Pod's body.
  it.each([
    'kubectl run -it --rm --restart=Never busybox --image=gcr.io/google-containers/busybox sh',
    'kubectl run sleeper --image=busybox sleep 3600',
  ])('%s creates the Pod', (cmd) => {
    expect(sent(cmd)).toBe('POST /api/v1/namespaces/default/pods');
  });

  it('without NAME kubectl refuses ("NAME is required for run")', () => {
    expect(() => kubectlRequest('kubectl run --image=busybox -- sh')).toThrow(/NAME is required for run/);
  });
});

describe('discovery commands', () => {
  // apiresources.go: Invalidate() unless --cached; apiversions.go: Invalidate(), then ServerGroups, which reads
  // the group lists only (GET /api, GET /apis), never a group version's resources.
  it('api-resources --cached may be answered from the discovery cache', () => {
    expect(kubectlRequest('kubectl api-resources --cached').notes.join('\n')).toMatch(
      /--cached: kubectl answers from its discovery cache/,
    );
    expect(kubectlRequest('kubectl api-resources').notes.join('\n')).not.toMatch(/--cached/);
  });

  it('api-versions reads /api and /apis only', () => {
    const r = kubectlRequest('kubectl api-versions');
    expect(`${r.method} ${r.url}`).toBe('GET /api');
    expect(r.notes).toEqual(['then GET /apis']);
  });
});

describe('rollout SUBCOMMAND TYPE without a name', () => {
  // history.go, pause.go, resume.go, undo.go and restart.go build with ResourceTypeOrNameArgs(true, ...): a type
  // alone selects every object of it, listed, then handled one by one by name.
  it.each([
    ['kubectl rollout history deployment -n prod', 'GET'],
    ['kubectl rollout undo deployment -n prod', 'PATCH'],
    ['kubectl rollout pause deployment -n prod', 'PATCH'],
    ['kubectl rollout resume deployment -n prod', 'PATCH'],
  ])('%s lists the Deployments, then one %s each', (cmd, method) => {
    expect(() => kubectlRequest(cmd)).toThrow(
      `lists the objects (GET /apis/apps/v1/namespaces/prod/deployments) and then sends one ${method} per object by name`,
    );
  });
});

describe('top pod NAME -A', () => {
  // top_pod.go getMetricsFromMetricsAPI: ns is NamespaceAll with -A, and PodMetricses("").Get(NAME) reads
  // .../pods/NAME with no namespace segment.
  it('reads the PodMetrics by name without a namespace', () => {
    const r = kubectlRequest('kubectl top pod web-0 -A');
    expect(`${r.method} ${r.url}`).toBe('GET /apis/metrics.k8s.io/v1beta1/pods/web-0');
    expect(r.request).toMatchObject({ verb: 'get', resource: 'pods', name: 'web-0', namespace: '' });
  });
});
