import { RequestSpecError, kubectlRequest, requestFromKubectl } from '../../src/policy/request-info';

// Command lines as operators type them, checked against what kubectl really sends (kubernetes/kubectl
// pkg/cmd/*, cobra/pflag argument handling, cli-runtime's resource.Builder). Each case here was answered
// wrongly once: a request kubectl never sends, or one of several requests silently dropped.

const sent = (cmd: string) => {
  const r = kubectlRequest(cmd);
  return `${r.method} ${r.url}`;
};

describe('words after "--" are arguments unless the command runs a command', () => {
  // pflag stops reading flags at "--" and cobra hands the words after it to the command as arguments
  // (ArgsLenAtDash only tells where the dash was). get.go takes them as TYPE and NAME like any other:
  // "kubectl get pods -n prod -- web-0" reads Pod web-0, it does not list the Pods.
  it('get pods -n prod -- web-0 reads the Pod web-0', () => {
    expect(sent('get pods -n prod -- web-0')).toBe('GET /api/v1/namespaces/prod/pods/web-0');
    expect(requestFromKubectl('get pods -n prod -- web-0')).toMatchObject({ verb: 'get', name: 'web-0' });
  });

  it('get -- pods lists the Pods', () => {
    expect(sent('get -n prod -- pods')).toBe('GET /api/v1/namespaces/prod/pods?limit=500');
  });

  it('delete pod -- web-0 deletes Pod web-0', () => {
    expect(requestFromKubectl('delete pod -n prod -- web-0')).toMatchObject({
      verb: 'delete',
      name: 'web-0',
    });
  });

  // exec, run, debug and create deployment|job|cronjob take the words after "--" as the container's command.
  it.each([
    [
      'exec web-0 -n prod -- ls -la',
      'GET /api/v1/namespaces/prod/pods/web-0/exec?command=ls&command=-la&stderr=true&stdout=true',
    ],
    ['run tmp --image=busybox -- sleep 10', 'POST /api/v1/namespaces/default/pods'],
    ['create deployment web --image=busybox -- date', 'POST /apis/apps/v1/namespaces/default/deployments'],
    ['create job once --image=busybox -- date', 'POST /apis/batch/v1/namespaces/default/jobs'],
    [
      'debug web-0 -it --image=busybox -- sh',
      'PATCH /api/v1/namespaces/default/pods/web-0/ephemeralcontainers',
    ],
  ])('%s keeps its command', (cmd, expected) => {
    expect(sent(cmd)).toBe(expected);
  });
});

describe('resource type words kubectl cannot map are refused, not guessed', () => {
  // schema.ParseGroupResource(".apps") is resource "" in group apps: kubectl finds no such resource. The
  // answer was a GET of the namespace "default" (the empty resource made "namespaces" the resource).
  // ("deployments." and "deployments..apps" are mapped: kubectl-resource-arg.test.ts.)
  it.each(['.apps', 'pods/'])('get %s', (type) => {
    expect(() => requestFromKubectl(`get ${type}`)).toThrow(RequestSpecError);
  });
});

describe('cordon, uncordon and drain take several Nodes (drain.go ResourceNames("nodes", args...))', () => {
  // One PATCH per Node: answering for the first Node only dropped the others silently.
  it.each(['cordon worker-1 worker-2', 'uncordon worker-1 worker-2', 'drain worker-1 worker-2'])(
    '%s is refused with one Node to describe',
    (cmd) => {
      expect(() => requestFromKubectl(cmd)).toThrow(/one request per Node.*worker-1/);
    },
  );

  // drain.go Complete: the builder's object must be a Node ("expected resource of type node"); we sent
  // /api/v1/nodes/deploy/web, i.e. Node "deploy", subresource "web".
  it.each(['cordon deploy/web', 'drain pod/web-0', 'uncordon ns/prod'])('%s is refused', (cmd) => {
    expect(() => requestFromKubectl(cmd)).toThrow(/works on Nodes only/);
  });

  it('cordon no/worker-1 and node/worker-1 still name the Node', () => {
    expect(sent('cordon no/worker-1')).toBe('PATCH /api/v1/nodes/worker-1');
    expect(sent('drain node/worker-1 --ignore-daemonsets')).toBe('PATCH /api/v1/nodes/worker-1');
  });
});

describe('set env --list only reads (set_env.go: "if o.List { return nil }" before any PATCH)', () => {
  it('set env deploy/web --list is the GET of the Deployment', () => {
    expect(sent('set env deploy/web --list -n prod')).toBe(
      'GET /apis/apps/v1/namespaces/prod/deployments/web',
    );
    expect(requestFromKubectl('set env deploy/web --list -n prod')).toMatchObject({
      verb: 'get',
      name: 'web',
    });
  });

  it('set env without --list still patches', () => {
    expect(sent('set env deploy/web FOO=bar -n prod')).toBe(
      'PATCH /apis/apps/v1/namespaces/prod/deployments/web',
    );
  });
});

describe('describe reads each object and lists its Events (pkg/describe/describe.go searchEvents)', () => {
  const notes = (cmd: string) => kubectlRequest(cmd).notes.join(' | ');

  // PodDescriber.Describe: GET the Pod, then a list of core Events in its namespace narrowed by
  // fieldSelector involvedObject.* (verb list: no name attribute, the selector is not metadata.name).
  it('describe pod names the Events list it sends', () => {
    expect(notes('describe pod web-0 -n prod')).toContain(
      'GET /api/v1/namespaces/prod/events?fieldSelector=involvedObject.name%3Dweb-0%2CinvolvedObject.namespace%3Dprod%2C...&limit=500 (verb list',
    );
  });

  // A Node's reference has no namespace: client.Events("") lists Events of every namespace.
  it('describe node lists Events in every namespace', () => {
    expect(notes('describe node worker-1')).toContain(
      'GET /api/v1/events?fieldSelector=involvedObject.name%3Dworker-1%2CinvolvedObject.namespace%3D%2C...&limit=500 (verb list',
    );
  });

  // describe without a name lists, then describes every listed object: a GET and an Events list each.
  it('describe pods -n prod says it then reads each Pod and its Events', () => {
    expect(kubectlRequest('describe pods -n prod')).toMatchObject({
      method: 'GET',
      url: '/api/v1/namespaces/prod/pods?limit=500',
    });
    expect(notes('describe pods -n prod')).toMatch(
      /then describes each.*GET \/api\/v1\/namespaces\/prod\/pods\/NAME \(verb get.*\/events\?fieldSelector=involvedObject/,
    );
  });
});

describe('--subresource exists on get, patch, edit, apply and replace only (cmdutil.AddSubresourceFlags)', () => {
  // label.go has no --subresource: kubectl stops with "unknown flag"; we answered PATCH .../pods/web-0/status.
  it.each([
    'label pod web-0 a=b --subresource=status',
    'annotate pod web-0 a=b --subresource status',
    'delete pod web-0 --subresource=status',
    'scale deploy web --replicas=2 --subresource=scale',
  ])('%s is refused', (cmd) => {
    expect(() => requestFromKubectl(cmd)).toThrow(/--subresource/);
  });

  it('patch and get keep it', () => {
    expect(sent('patch pod web-0 --subresource=status -p {}')).toBe(
      'PATCH /api/v1/namespaces/default/pods/web-0/status',
    );
    expect(sent('get deploy web --subresource=scale')).toBe(
      'GET /apis/apps/v1/namespaces/default/deployments/web/scale',
    );
  });
});

describe("the Deckhouse CLI's embedded kubectl", () => {
  // The Deckhouse documentation writes kubectl commands as "d8 k ..." (d8 embeds kubectl); we refused them
  // as the unknown command "d8".
  it.each([
    [
      'd8 k -n kube-system get secrets kubernetes-api-ca-key-pair -oyaml',
      'GET /api/v1/namespaces/kube-system/secrets/kubernetes-api-ca-key-pair',
    ],
    [
      'd8 k edit mc control-plane-manager',
      'PATCH /apis/deckhouse.io/v1alpha1/moduleconfigs/control-plane-manager',
    ],
    ['$ d8 kubectl get ng', 'GET /apis/deckhouse.io/v1/nodegroups?limit=500'],
  ])('%s', (cmd, expected) => {
    expect(sent(cmd)).toBe(expected);
  });

  it('a pipe into d8 k is another kubectl command', () => {
    expect(() => requestFromKubectl('get cm x -o yaml | d8 k apply -f -')).toThrow(/runs 2 kubectl commands/);
  });
});

describe('set env reads the Secrets and ConfigMaps it takes values from (pkg/cmd/set/set_env.go)', () => {
  const notes = (cmd: string) => kubectlRequest(cmd).notes.join(' | ');

  // --from=secret/db: the builder reads that object to copy its keys (then the Deployment is patched).
  it('set env --from=secret/db says kubectl reads the Secret', () => {
    expect(sent('set env deploy/web --from=secret/db --prefix=DB_ -n prod')).toBe(
      'PATCH /apis/apps/v1/namespaces/prod/deployments/web',
    );
    expect(notes('set env deploy/web --from=secret/db --prefix=DB_ -n prod')).toContain(
      'GET /api/v1/namespaces/prod/secrets/db (verb get)',
    );
  });

  // --list --resolve: envutil.GetEnvVarRefValue reads every Secret and ConfigMap a variable refers to.
  it('set env --list --resolve says kubectl reads the referenced Secrets and ConfigMaps', () => {
    expect(notes('set env deploy/web --list --resolve -n prod')).toMatch(
      /--resolve.*GET \/api\/v1\/namespaces\/prod\/secrets\/NAME/,
    );
  });

  // set env's own flags: -e/--env KEY=VALUE, --keys, --prefix VALUE (a value here, unlike logs --prefix).
  it.each([
    'set env deploy/web -e FOO=bar',
    'set env deploy/web --env FOO=bar',
    'set env deploy/web --from=configmap/cfg --keys=a,b',
    'set env deploy/web --from configmap/cfg --prefix CFG_',
  ])('%s is a PATCH of the Deployment', (cmd) => {
    expect(sent(cmd)).toBe('PATCH /apis/apps/v1/namespaces/default/deployments/web');
  });
});

describe('top (pkg/cmd/top)', () => {
  const notes = (cmd: string) => kubectlRequest(cmd).notes.join(' | ');

  // top pod --field-selector: kubectl 1.22-1.36 put it on the metrics.k8s.io list (so metadata.name=web-0
  // named the request); since kubernetes#139107 (May 2026) it lists the metrics unfiltered and then the
  // core Pods with the selector. We dropped the selector: a list with no name under either kubectl.
  it('top pod --field-selector is refused with both kubectl behaviours', () => {
    expect(() => requestFromKubectl('top pod --field-selector metadata.name=web-0 -n prod')).toThrow(
      /fieldSelector=metadata.name%3Dweb-0.*\/api\/v1\/namespaces\/prod\/pods\?fieldSelector=metadata.name%3Dweb-0/,
    );
  });

  // top node has no --field-selector flag: kubectl stops with "unknown flag".
  it('top node --field-selector is refused', () => {
    expect(() => requestFromKubectl('top node --field-selector metadata.name=x')).toThrow(RequestSpecError);
  });

  // top_node.go RunTopNode: after the metrics it reads the Nodes themselves (allocatable resources).
  it('top node says it then reads the Nodes', () => {
    expect(notes('top node')).toContain('GET /api/v1/nodes (verb list)');
    expect(notes('top node worker-1')).toContain('GET /api/v1/nodes/worker-1 (verb get)');
  });
});

describe('flags of recent kubectl releases that change nothing the policy sees', () => {
  it.each([
    ['explain deployments.spec -r', 'GET /openapi/v3/apis/apps/v1'],
    ['explain pods --recursive --max-depth=2', 'GET /openapi/v3/api/v1'],
    [
      'attach web-0 -it --detach-keys=ctrl-p,ctrl-q',
      'GET /api/v1/namespaces/default/pods/web-0/attach?stdin=true&stdout=true&tty=true',
    ],
  ])('%s', (cmd, expected) => {
    expect(sent(cmd)).toBe(expected);
  });
});

describe('cordon/drain --selector (drain.go: LabelSelectorParam on nodes)', () => {
  // kubectl lists the Nodes and patches each by name; the refusal said -l applied "to a list or watch" only.
  it.each([
    'cordon -l node.deckhouse.io/group=worker',
    'drain -l node.deckhouse.io/group=worker --ignore-daemonsets',
  ])('%s is refused as one request per Node', (cmd) => {
    expect(() => requestFromKubectl(cmd)).toThrow(
      /lists the objects \(GET \/api\/v1\/nodes\?labelSelector=node.deckhouse.io%2Fgroup%3Dworker\).*per object by name/,
    );
  });
});

describe('explain: --api-version and the OpenAPI v2 output (pkg/cmd/explain/explain.go Run)', () => {
  // With --api-version kubectl reads that group version's OpenAPI v3 document; the path is a
  // non-resource URL the policy matches as written, and we ignored the flag.
  it.each([
    ['explain nodegroups --api-version=deckhouse.io/v1alpha1', 'GET /openapi/v3/apis/deckhouse.io/v1alpha1'],
    ['explain hpa --api-version autoscaling/v1', 'GET /openapi/v3/apis/autoscaling/v1'],
    ['explain pods --api-version=v1', 'GET /openapi/v3/api/v1'],
  ])('%s', (cmd, expected) => {
    expect(sent(cmd)).toBe(expected);
  });

  // -o plaintext-openapiv2 renders from the OpenAPI v2 document: GET /openapi/v2, not /openapi/v3/...
  it.each(['explain pods --output=plaintext-openapiv2', 'explain deploy -o plaintext-openapiv2'])(
    '%s',
    (cmd) => {
      expect(sent(cmd)).toBe('GET /openapi/v2');
    },
  );

  it('explain -o plaintext stays on v3', () => {
    expect(sent('explain deploy.spec -o plaintext')).toBe('GET /openapi/v3/apis/apps/v1');
  });
});

describe('second changes some flags make (run --expose, debug --copy-to --replace)', () => {
  const notes = (cmd: string) => kubectlRequest(cmd).notes.join(' | ');

  // run.go: with --expose kubectl also creates a ClusterIP Service after the Pod.
  it('run --expose notes the Service it creates', () => {
    expect(sent('run web --image=nginx --port=80 --expose -n prod')).toBe(
      'POST /api/v1/namespaces/prod/pods',
    );
    expect(notes('run web --image=nginx --port=80 --expose -n prod')).toContain(
      'POST /api/v1/namespaces/prod/services (verb create)',
    );
  });

  // debug.go: with --copy-to and --replace kubectl deletes the original Pod after creating the copy.
  it('debug --copy-to --replace notes the DELETE of the original Pod', () => {
    expect(notes('debug web-0 -n prod --copy-to=web-debug --replace --image=busybox')).toContain(
      'DELETE /api/v1/namespaces/prod/pods/web-0 (verb delete)',
    );
  });
});

describe('--as-group or --as-uid without --as (client-go clientcmd validateAuthInfo)', () => {
  // "requesting uid, groups or user-extra for NAME without impersonating a user": kubectl stops before
  // sending anything, while we answered with an impersonated group.
  it.each(['get pods --as-group=system:masters', 'delete ns prod --as-uid=1234'])('%s is refused', (cmd) => {
    expect(() => requestFromKubectl(cmd)).toThrow(/need --as.*sends nothing/);
  });

  it('with --as they are impersonation', () => {
    expect(kubectlRequest('get pods --as=admin --as-group=system:masters --as-uid=1').impersonate).toEqual({
      user: 'admin',
      groups: ['system:masters'],
    });
  });
});

describe('rollout -l (every rollout subcommand: cmdutil.AddLabelSelectorFlagVar)', () => {
  // The builder lists the Deployments by the selector and kubectl restarts each by name; the refusal said
  // -l applied "to a list or watch (no object name), not to rollout".
  it('rollout restart deploy -l app=web is refused as one request per listed object', () => {
    expect(() => requestFromKubectl('rollout restart deploy -l app=web -n prod')).toThrow(
      /lists the objects \(GET \/apis\/apps\/v1\/namespaces\/prod\/deployments\?labelSelector=app%3Dweb\).*per object by name/,
    );
  });
});
