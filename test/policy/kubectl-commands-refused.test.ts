import { RequestSpecError, requestFromKubectl } from '../../src/policy/request-info';

describe('kubectlRequest: commands that send no single request are refused with the reason', () => {
  it.each<[string, RegExp]>([
    ['config view', /runs locally: kubectl sends no request/],
    // apply.go: -l filters the objects read from -f (and the prune candidates); no list is sent for it.
    ['apply deployment web -n prod -l app=web', /-l\/--selector with apply picks which objects of the files/],
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
