import { kubectlRequest } from '../../src/policy/request-info';

// kubectl drain/cordon, and debug/run attaching, checked against kubectl's source (expected requests derived from it, not from our
// output): pkg/cmd/drain/drain.go (Complete, RunCordonOrUncordon) and pkg/drain/drain.go
// (GetPodsForDeletion, CheckEvictionSupport, evictPods, deletePods, waitForDelete).

const notes = (cmd: string) => kubectlRequest(cmd).notes.join('\n');

describe('drain: the Pod list (pkg/drain/drain.go GetPodsForDeletion)', () => {
  // ListOptions{FieldSelector: spec.nodeName=NODE, Limit: d.ChunkSize}, ChunkSize from AddChunkSizeFlag
  // (500 by default), Pods(metav1.NamespaceAll).
  it('carries the chunk limit, 500 by default', () => {
    expect(notes('drain worker-1 --ignore-daemonsets')).toContain(
      'GET /api/v1/pods?fieldSelector=spec.nodeName%3Dworker-1&limit=500 (verb list, every namespace)',
    );
  });

  it('--chunk-size sets the limit, 0 drops it', () => {
    expect(notes('drain worker-1 --chunk-size=50')).toContain('spec.nodeName%3Dworker-1&limit=50 ');
    expect(notes('drain worker-1 --chunk-size=0')).toContain(
      'GET /api/v1/pods?fieldSelector=spec.nodeName%3Dworker-1 (verb list',
    );
  });

  // LabelSelector: labels.Parse(d.PodSelector).String()
  it('--pod-selector is the label selector of the list', () => {
    expect(notes('drain worker-1 --pod-selector=app=web')).toContain(
      'GET /api/v1/pods?fieldSelector=spec.nodeName%3Dworker-1&labelSelector=app%3Dweb&limit=500',
    );
  });
});

describe('drain: the other requests', () => {
  // Complete: the builder (ResourceNames("nodes", args...)) reads the Node before anything else.
  it('reads the Node first, and cordons it only when it is not cordoned yet (UpdateIfRequired)', () => {
    const n = notes('drain worker-1');
    expect(n).toContain('GET /api/v1/nodes/worker-1 (verb get)');
    expect(n).toContain('not already in that state (else no PATCH is sent)');
  });

  // CheckEvictionSupport: discoveryClient.ServerResourcesForGroupVersion("v1") is GET /api/v1.
  it('reads the core discovery document before evicting', () => {
    expect(notes('drain worker-1')).toContain('GET /api/v1 (discovery');
    expect(notes('drain worker-1 --disable-eviction')).not.toContain('GET /api/v1 (discovery');
  });

  // pkg/drain/filters.go daemonSetFilter: DaemonSets(pod.Namespace).Get(controllerRef.Name) per running Pod
  // a DaemonSet controls, before --ignore-daemonsets decides whether the Pod is skipped.
  it('reads the DaemonSet of each DaemonSet Pod on the Node', () => {
    expect(notes('drain worker-1 --ignore-daemonsets')).toContain(
      'GET /apis/apps/v1/namespaces/NAMESPACE/daemonsets/NAME (verb get)',
    );
  });

  // waitForDelete: getPodFn (Pods(ns).Get) per Pod every second until it is gone.
  it('polls each Pod by name until it is gone', () => {
    expect(notes('drain worker-1')).toContain('GET /api/v1/namespaces/NAMESPACE/pods/POD (verb get)');
  });

  // makeDeleteOptions: DryRun=[All] with --dry-run=server, and evictPods/deletePods return before waiting.
  it('--dry-run=server: evictions and deletions carry dryRun=All and nothing is polled', () => {
    expect(notes('drain worker-1 --dry-run=server')).toContain('/pods/POD/eviction?dryRun=All (verb create');
    expect(notes('drain worker-1 --dry-run=server --disable-eviction')).toContain(
      'DELETE /api/v1/namespaces/NAMESPACE/pods/POD?dryRun=All (verb delete)',
    );
    expect(notes('drain worker-1 --dry-run=server')).not.toContain('polls each Pod');
  });
});

describe('cordon/uncordon (drain.go RunCordonOrUncordon)', () => {
  it.each(['cordon worker-1', 'uncordon worker-1'])('%s reads the Node and patches only if needed', (cmd) => {
    const r = kubectlRequest(cmd);
    expect(`${r.method} ${r.url}`).toBe('PATCH /api/v1/nodes/worker-1');
    expect(r.notes.join('\n')).toContain('GET /api/v1/nodes/worker-1 (verb get)');
    expect(r.notes.join('\n')).toContain('else no PATCH is sent');
  });
});

describe('debug and run: waiting for the container before attaching', () => {
  // debug.go Complete: `if !attachFlag.Changed && o.Interactive { o.Attach = true }`; Run calls AttachFunc
  // (handleAttachPod) when o.Attach; handleAttachPod first runs waitForContainer: a ListWatch with
  // fields.OneTermEqualSelector("metadata.name", podName) (a list, then a watch), and falls back to
  // logOpts (the container's log) when the container has terminated or the attach fails.
  it('debug -i lists and watches the Pod by name, then attaches (or reads the log)', () => {
    const n = notes('debug web-0 -it --image=busybox -n prod');
    expect(n).toContain('GET /api/v1/namespaces/prod/pods?fieldSelector=metadata.name%3Dweb-0 (verb list)');
    expect(n).toContain('a watch of it (verb watch)');
    expect(n).toContain('GET .../pods/web-0/attach?... (verb get, pods/attach)');
    expect(n).toContain('/pods/web-0/log, verb get, pods/log');
  });

  // debug.go AddFlags: --arguments-only, --same-node and the --keep-* flags shape the debugging container or
  // the Pod's copy (the POST's body), not the request.
  it('debug takes the flags that shape the copy or the container', () => {
    const r = kubectlRequest(
      'debug web-0 -n prod --image=busybox --copy-to=dbg --same-node --keep-labels --keep-liveness ' +
        '--keep-readiness --keep-startup --keep-init-containers=false --arguments-only -- --verbose',
    );
    expect(`${r.method} ${r.url}`).toBe('POST /api/v1/namespaces/prod/pods');
  });

  it('debug --copy-to -i waits for the copy, in the Pod namespace', () => {
    expect(notes('debug web-0 -n prod -i --image=busybox --copy-to=web-dbg')).toContain(
      'GET /api/v1/namespaces/prod/pods?fieldSelector=metadata.name%3Dweb-dbg (verb list)',
    );
  });

  it('debug --attach without -i attaches too; --attach=false with -i does not', () => {
    expect(notes('debug node/worker-1 --image=busybox --attach')).toContain('pods/attach');
    expect(notes('debug web-0 -i --image=busybox --attach=false')).not.toContain('pods/attach');
    expect(notes('debug web-0 --image=busybox')).not.toContain('pods/attach');
  });

  // run.go Complete: the same --attach default; waitForPod: UntilWithSync on a ListWatch of the Pod by name.
  it('run -i lists and watches the Pod by name before attaching; --attach alone attaches', () => {
    expect(notes('run tmp --image=busybox -it --rm -n prod')).toContain(
      'GET /api/v1/namespaces/prod/pods?fieldSelector=metadata.name%3Dtmp, verb list',
    );
    expect(notes('run tmp --image=busybox --attach')).toContain('pods/attach');
    expect(notes('run tmp --image=busybox -i --attach=false')).not.toContain('pods/attach');
  });
});
