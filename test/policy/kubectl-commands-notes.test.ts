import { kubectlRequest } from '../../src/policy/request-info';

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

  // rollout_restart.go, rollout_pause.go, rollout_resume.go: the builder has Latest(), so each object is read
  // before its PATCH; pause and resume skip the PATCH when set.CalculatePatches gives an empty one ("already
  // paused"), and the rollbackers of undo skip it for the current revision ("skipped rollback").
  it.each<[string, string]>([
    ['rollout restart deploy/web -n prod', 'GET /apis/apps/v1/namespaces/prod/deployments/web (verb get)'],
    ['rollout pause deployment web -n prod', 'GET /apis/apps/v1/namespaces/prod/deployments/web (verb get)'],
    ['rollout resume ds/agent -n prod', 'GET /apis/apps/v1/namespaces/prod/daemonsets/agent (verb get)'],
  ])('%s reads the object first: %s', (cmd, read) => {
    const r = kubectlRequest(cmd);
    expect(r.method).toBe('PATCH');
    expect(notes(cmd)).toContain(`kubectl first reads the object: ${read}`);
  });

  it('rollout pause/resume/undo say when no PATCH is sent', () => {
    expect(notes('rollout pause deploy/web')).toContain('only if the object is not already paused');
    expect(notes('rollout resume deploy/web')).toContain('only if the object is not already resumed');
    expect(notes('rollout undo deploy/web')).toContain('no PATCH is sent when the object already runs');
    expect(notes('rollout restart deploy/web')).not.toContain('no PATCH is sent');
  });

  // apply/prune.go: with --prune, after applying kubectl lists the objects it may prune (per type, by the
  // selector or the ApplySet parent) and deletes those the input no longer holds.
  it('apply --prune notes the lists and DELETEs that follow the apply', () => {
    for (const cmd of [
      'apply deployment web -n prod --prune --all',
      'apply deployment web --server-side --prune',
    ]) {
      expect(kubectlRequest(cmd).method).toBe('PATCH');
      expect(notes(cmd)).toContain('--prune: after applying, kubectl lists the objects it may prune');
    }
    expect(notes('apply deployment web -n prod')).not.toContain('--prune');
  });

  // exec.go and attach.go name a container in PodExecOptions/PodAttachOptions even without -c: the one
  // podcmd.FindOrDefaultContainerByName picks (the kubectl.kubernetes.io/default-container annotation, else the
  // first); logs does the same (polymorphichelpers/logsforobject.go). The name is known only when kubectl runs.
  it.each([
    ['exec web-0 -n prod -- date', true],
    ['exec web-0 -c app -n prod -- date', false],
    ['attach web-0 -n prod', true],
    ['logs web-0 -n prod', true],
    ['logs web-0 app -n prod', false],
    ['logs web-0 --all-containers -n prod', false],
    ['cp web-0:/etc/hosts ./hosts -n prod', true],
    ['port-forward web-0 8080:80 -n prod', false],
  ])('%s: notes the default container? %s', (cmd, noted) => {
    expect(notes(cmd).includes('without -c kubectl also sends container=NAME')).toBe(noted);
  });

  // exec sends the container's command as command= parameters (PodExecOptions.Command); when that command is
  // kubectl, it runs in the container, where client-go's InClusterConfig reads the Pod's ServiceAccount token.
  it.each([
    'exec web-0 -n prod -- kubectl get pods -A',
    'exec -n d8-system deploy/deckhouse -- /usr/bin/kubectl -n kube-system get secret audit-policy',
    'run tools --image=bitnami/kubectl -it --rm -- kubectl get pods',
  ])('%s: notes that the inner kubectl sends requests of its own', (cmd) => {
    expect(notes(cmd)).toContain("the container's command runs kubectl inside the container");
    expect(notes(cmd)).toContain('--user system:serviceaccount:NAMESPACE:NAME');
  });

  it('exec of another command has no such note', () => {
    expect(notes('exec web-0 -n prod -- ls /')).not.toContain('inside the container');
    expect(notes('get pods -n prod')).not.toContain('inside the container');
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
