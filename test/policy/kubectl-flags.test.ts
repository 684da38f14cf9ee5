import { RequestSpecError, kubectlRequest, requestFromKubectl } from '../../src/policy/request-info';

// kubectl parses its flags with spf13/pflag: a short flag takes its value attached (-nprod), after "="
// (-n=prod) or as the next word (-n prod); boolean short flags bundle (-it) and a bundle may end in a flag
// taking a value (-itn prod). --dry-run follows kubectl's GetDryRunStrategy (pkg/cmd/util/helpers.go):
// none/false send the real request, server sends it with dryRun=All (audited like the real one), and
// client/true/bare --dry-run send nothing.
const sent = (cmd: string) => {
  const r = kubectlRequest(cmd);
  return `${r.method} ${r.url}`;
};

describe('kubectl flags as pflag reads them', () => {
  it.each<[string, string]>([
    ['get secrets -nprod', 'GET /api/v1/namespaces/prod/secrets?limit=500'],
    ['get secrets -n=prod', 'GET /api/v1/namespaces/prod/secrets?limit=500'],
    ['kubectl -nprod get secrets', 'GET /api/v1/namespaces/prod/secrets?limit=500'],
    ['get secrets -oyaml -nprod', 'GET /api/v1/namespaces/prod/secrets?limit=500'],
    ['get pods -lapp=web', 'GET /api/v1/namespaces/default/pods?labelSelector=app%3Dweb&limit=500'],
    ['get pods -l=app=web', 'GET /api/v1/namespaces/default/pods?labelSelector=app%3Dweb&limit=500'],
    ['get pods -Aw', 'GET /api/v1/pods?watch=true'],
    ['get pods -v=8', 'GET /api/v1/namespaces/default/pods?limit=500'],
    // An empty namespace is no override (the context's namespace stays): never every namespace.
    ['get secrets --namespace=', 'GET /api/v1/namespaces/default/secrets?limit=500'],
    ['get secrets -n ""', 'GET /api/v1/namespaces/default/secrets?limit=500'],
    ['get pods -v8', 'GET /api/v1/namespaces/default/pods?limit=500'],
    ['get pods -w=false', 'GET /api/v1/namespaces/default/pods?limit=500'],
    [
      'exec -itn prod web-0 -- sh',
      'GET /api/v1/namespaces/prod/pods/web-0/exec?command=sh&stdin=true&stdout=true&tty=true',
    ],
    [
      'exec -itnprod web-0 -capp -- sh',
      'GET /api/v1/namespaces/prod/pods/web-0/exec?command=sh&container=app&stdin=true&stdout=true&tty=true',
    ],
    ['logs -fp web-0', 'GET /api/v1/namespaces/default/pods/web-0/log?follow=true&previous=true'],
    ['get pods --show-kind -L app', 'GET /api/v1/namespaces/default/pods?limit=500'],
    // --chunk-size sets the limit of a chunked list; 0 turns chunking off (cmdutil.AddChunkSizeFlag).
    ['get pods --chunk-size=0 -n x', 'GET /api/v1/namespaces/x/pods'],
    ['get pods --chunk-size 100 -n x', 'GET /api/v1/namespaces/x/pods?limit=100'],
    // events.go lists with cmdutil.DefaultChunkSize whatever --chunk-size says.
    ['events --chunk-size=0 -n x', 'GET /api/v1/namespaces/x/events?limit=500'],
    ['port-forward web-0 8080:80 --address 0.0.0.0', 'GET /api/v1/namespaces/default/pods/web-0/portforward'],
    ['top pod --containers -n x', 'GET /apis/metrics.k8s.io/v1beta1/namespaces/x/pods'],
    // run -l and expose -l/--selector set the new object's labels/selector, not a list selector.
    ['run web --image=nginx -l app=web', 'POST /api/v1/namespaces/default/pods'],
    ['expose deploy web --port=80 --selector app=web', 'POST /api/v1/namespaces/default/services'],
    // --cascade, --validate take a value only after "=": a following word is an argument.
    ['delete deploy web --cascade=orphan', 'DELETE /apis/apps/v1/namespaces/default/deployments/web'],
    ['delete deploy --cascade web', 'DELETE /apis/apps/v1/namespaces/default/deployments/web'],
    // pflag takes the word after a flag that needs a value as that value, even one starting with "-":
    // --tail -1 is logs.go's own default (every line), so no tailLines is sent.
    // cli-runtime Builder.LabelSelectorParam / FieldSelectorParam: strings.TrimSpace, then nothing when empty.
    ['get pods -l "" -n x', 'GET /api/v1/namespaces/x/pods?limit=500'],
    ['get pods --selector= --field-selector= -n x', 'GET /api/v1/namespaces/x/pods?limit=500'],
    ['get pods -l " app=web " -n x', 'GET /api/v1/namespaces/x/pods?labelSelector=app%3Dweb&limit=500'],
    ['logs web-0 --tail -1', 'GET /api/v1/namespaces/default/pods/web-0/log'],
    ['logs web-0 --tail -1 -n prod', 'GET /api/v1/namespaces/prod/pods/web-0/log'],
    // create_deployment.go: Int32VarP(&o.Replicas, "replicas", "r", ...); create_configmap.go and
    // create_secret*.go: BoolVar(&o.AppendHash, "append-hash", ...). Both fill the body of the POST.
    ['create deployment web --image=nginx -r 3 -n prod', 'POST /apis/apps/v1/namespaces/prod/deployments'],
    [
      'create configmap cfg --from-file=./dir --append-hash -n prod',
      'POST /api/v1/namespaces/prod/configmaps',
    ],
    [
      'create secret tls t --cert=a.crt --key=a.key --append-hash=true -n prod',
      'POST /api/v1/namespaces/prod/secrets',
    ],
  ])('%s → %s', (cmd, request) => {
    expect(sent(cmd)).toBe(request);
  });

  it.each<[string, RegExp]>([
    ['get pods -x', /unsupported flag -x/],
    ['get pods -Ax', /unsupported flag -x \(in -Ax\)/],
    ['get pods -k ./overlay', /-k: files are not read/],
    ['apply -k ./overlay', /-k: files are not read/],
    ['get pods -n', /-n needs a value/],
    // strconv.ParseBool takes 1/0/t/f/TRUE/False... but not yes.
    ['exec web-0 -ti=yes -- sh', /-i takes no value/],
    // -i/-t exist only where kubectl defines them (exec, attach, run, debug; -i of delete is --interactive).
    ['get pods -it', /unsupported flag -i \(in -it\)/],
    // label --local and version --client (pkg/cmd/label, pkg/cmd/version) never contact the server.
    ['label pod web-0 app=x --local', /runs locally: kubectl sends no request/],
    ['version --client', /runs locally: kubectl sends no request/],
    ['get pods --help', /prints help: kubectl sends no request/],
    ['get pods -h', /prints help/],
    ['get pods --chunk-size=x', /--chunk-size needs a whole number/],
    // The credential flags before the command take their value (the next word): the refusal names the
    // flag, and never calls its value an unknown command.
    ['kubectl --token abc get pods', /--token chooses kubeconfig credentials/],
    ['kubectl --user admin get pods -n prod', /--user chooses kubeconfig credentials/],
    ['--client-certificate c.crt --client-key c.key get pods', /--client-certificate chooses kubeconfig/],
    ['--username admin --password secret get nodes', /--username chooses kubeconfig credentials/],
  ])('refuses %j', (cmd, message) => {
    expect(() => requestFromKubectl(cmd)).toThrow(RequestSpecError);
    expect(() => requestFromKubectl(cmd)).toThrow(message);
  });
});

describe('--dry-run as kubectl reads it', () => {
  it('--dry-run=server sends the request with dryRun=All: audited with the real attributes', () => {
    const r = kubectlRequest('delete secret s -n prod --dry-run=server');
    expect(`${r.method} ${r.url}`).toBe('DELETE /api/v1/namespaces/prod/secrets/s?dryRun=All');
    expect(r.request).toMatchObject({ verb: 'delete', resource: 'secrets', namespace: 'prod', name: 's' });
    expect(r.notes.join(' ')).toContain('dryRun=All');
    expect(sent('create deployment web --image=nginx --dry-run=server')).toBe(
      'POST /apis/apps/v1/namespaces/default/deployments?dryRun=All',
    );
    expect(sent('scale deploy web --replicas=2 --dry-run=server')).toBe(
      'PATCH /apis/apps/v1/namespaces/default/deployments/web/scale?dryRun=All',
    );
  });

  it.each(['--dry-run=none', '--dry-run=false'])('%s sends the real request', (flag) => {
    expect(sent(`delete secret s -n prod ${flag}`)).toBe('DELETE /api/v1/namespaces/prod/secrets/s');
  });

  // delete's builder has RequireObject(false) and DeleteResult returns before the DELETE under a client dry run.
  it.each(['--dry-run', '--dry-run=client', '--dry-run=true'])(
    '%s: delete sends nothing: refused',
    (flag) => {
      expect(() => requestFromKubectl(`delete secret s ${flag}`)).toThrow(
        /client-side dry run: "delete" prints the object and sends no request .*use --dry-run=server/,
      );
    },
  );

  // Client dry run skips only the change ("if o.DryRunStrategy != cmdutil.DryRunClient"): what the resource
  // builder read first (RetrieveLazy/Latest: a GET by name) is still sent, and is the only request.
  it.each<[string, string]>([
    ['label pod web-0 -n prod team=a --dry-run=client', 'GET /api/v1/namespaces/prod/pods/web-0'],
    ['annotate pod web-0 -n prod a=b --dry-run', 'GET /api/v1/namespaces/prod/pods/web-0'],
    [
      'scale deploy web -n prod --replicas=3 --dry-run=client',
      'GET /apis/apps/v1/namespaces/prod/deployments/web',
    ],
    [
      'set image deploy/web -n prod web=nginx:1.27 --dry-run=client',
      'GET /apis/apps/v1/namespaces/prod/deployments/web',
    ],
    ['apply deployment web -n prod --dry-run=client', 'GET /apis/apps/v1/namespaces/prod/deployments/web'],
    [
      'rollout restart deploy/web -n prod --dry-run=client',
      'GET /apis/apps/v1/namespaces/prod/deployments/web',
    ],
    ['cordon worker-1 --dry-run=client', 'GET /api/v1/nodes/worker-1'],
    ['drain worker-1 --ignore-daemonsets --dry-run=client', 'GET /api/v1/nodes/worker-1'],
    [
      'expose deploy web -n prod --port=80 --dry-run=client',
      'GET /apis/apps/v1/namespaces/prod/deployments/web',
    ],
    [
      'create job once -n prod --from=cronjob/nightly --dry-run=client',
      'GET /apis/batch/v1/namespaces/prod/cronjobs/nightly',
    ],
  ])('%s reads only: %s', (cmd, request) => {
    const r = kubectlRequest(cmd);
    expect(`${r.method} ${r.url}`).toBe(request);
    expect(r.request.verb).toBe('get');
    expect(r.notes.join(' ')).toMatch(
      /client-side dry run: kubectl only reads the object .* it sends no (PATCH|POST)/,
    );
  });

  it('drain --dry-run=client still lists the Pods on the Node (deleteOrEvictPodsSimple)', () => {
    expect(kubectlRequest('drain worker-1 --dry-run=client').notes.join(' ')).toContain(
      'GET /api/v1/pods?fieldSelector=spec.nodeName%3Dworker-1&limit=500',
    );
  });

  it.each([
    'create deployment web -n prod --image=nginx --dry-run=client -o yaml',
    'create secret generic s -n prod --from-literal=a=b --dry-run=client -o yaml',
    'run web -n prod --image=nginx --dry-run=client',
  ])('%s builds the object locally: no request', (cmd) => {
    expect(() => requestFromKubectl(cmd)).toThrow(/sends no request to kube-apiserver/);
  });

  it('apply --server-side --dry-run=client is refused by kubectl (apply.go Validate)', () => {
    expect(() => requestFromKubectl('apply deployment web --server-side --dry-run=client')).toThrow(
      /doesn't work with --server-side \(did you mean --dry-run=server instead\?\)/,
    );
  });

  it('delete --dry-run=server does not wait for the object to go (DeleteResult returns first)', () => {
    const r = kubectlRequest('delete pod web-0 -n prod --dry-run=server');
    expect(r.url).toBe('/api/v1/namespaces/prod/pods/web-0?dryRun=All');
    expect(r.notes.join(' ')).not.toMatch(/waits for it to go/);
  });

  it('refuses other values and commands without --dry-run, as kubectl does', () => {
    expect(() => requestFromKubectl('delete secret s --dry-run=yes')).toThrow(/none, server or client/);
    expect(() => requestFromKubectl('get secrets --dry-run=server')).toThrow(/"get" has no --dry-run/);
  });
});
