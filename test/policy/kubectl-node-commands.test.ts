import { kubectlRequest } from '../../src/policy/request-info';

// kubectl drain/cordon checked against kubectl's source (expected requests derived from it, not from our
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
