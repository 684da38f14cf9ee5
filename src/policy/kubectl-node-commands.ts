import { resolveResourceType } from './api-resources';
import { KubectlFlags } from './kubectl-flags';
import { Command, Plan, chunk, node, perObject, resourceUrl } from './kubectl-plan';

// kubectl cordon, uncordon and drain (kubectl pkg/cmd/drain/drain.go, pkg/drain/drain.go and cordon.go):
// each reads the Node through the resource builder and patches spec.unschedulable only when it has to.

// drain.go RunCordonOrUncordon: CordonHelper.UpdateIfRequired is false when spec.unschedulable already has
// the wanted value, and then kubectl prints "already cordoned" and sends no PATCH at all.
const ONLY_IF_CHANGED = 'only if the Node is not already in that state (else no PATCH is sent)';

function cordon(command: string): Command {
  return (args: readonly string[], flags: KubectlFlags): Plan => {
    // drain.go: --selector picks the Nodes, which kubectl lists and then patches one by one.
    if (flags.labelSelector !== undefined) throw perObject(command, ['nodes'], flags, 'PATCH');
    const t = node(args, command);
    return {
      method: 'PATCH',
      url: resourceUrl(t),
      read: resourceUrl(t),
      notes: [
        `kubectl first reads the Node: GET ${resourceUrl(t)} (verb get); then this PATCH, ${ONLY_IF_CHANGED}`,
      ],
    };
  };
}

function drain(args: readonly string[], flags: KubectlFlags): Plan {
  if (flags.labelSelector !== undefined)
    throw perObject('drain', ['nodes'], flags, 'PATCH (cordon), then evictions,');
  const t = node(args, 'drain');
  // pkg/drain/drain.go GetPodsForDeletion: one list of every namespace's Pods with the Node's field
  // selector, --pod-selector as the label selector and --chunk-size (500 by default) as the limit.
  const pods = resourceUrl({ type: resolveResourceType('pods'), namespace: '', name: '' }, '', [
    ['fieldSelector', `spec.nodeName=${t.name}`],
    ...(flags.podSelector ? ([['labelSelector', flags.podSelector]] as Array<[string, string]>) : []),
    ...chunk(flags),
  ]);
  const dryRun = flags.dryRunServer ? '?dryRun=All' : '';
  // DeleteOrEvictPods: eviction unless --disable-eviction, after CheckEvictionSupport reads the core
  // group's discovery document (ServerResourcesForGroupVersion("v1"): GET /api/v1).
  const each = flags.disableEviction
    ? `deletes each Pod: DELETE /api/v1/namespaces/NAMESPACE/pods/POD${dryRun} (verb delete)`
    : `reads GET /api/v1 (discovery: is there pods/eviction?) and evicts each Pod: POST ` +
      `/api/v1/namespaces/NAMESPACE/pods/POD/eviction${dryRun} (verb create, pods/eviction)`;
  // waitForDelete polls each Pod by name until it is gone; evictPods also re-reads a Pod after a refused
  // eviction (429) before retrying. A server dry run returns before waiting.
  const wait = flags.dryRunServer
    ? 'no wait follows a server dry run'
    : 'then polls each Pod until it is gone: GET /api/v1/namespaces/NAMESPACE/pods/POD (verb get), every second';
  // Under --dry-run=client drain still reads the Node and lists its Pods, then prints "evicting pod ... (dry
  // run)" for each (drain.go deleteOrEvictPodsSimple): no cordon PATCH, no eviction.
  return {
    method: 'PATCH',
    url: resourceUrl(t),
    read: resourceUrl(t),
    readNotes: [
      `then lists the Pods on it: GET ${pods} (verb list, every namespace), and prints each eviction unsent`,
    ],
    notes: [
      `drain first reads the Node: GET ${resourceUrl(t)} (verb get), then cordons it (this PATCH), ${ONLY_IF_CHANGED}`,
      `then lists the Pods on it: GET ${pods} (verb list, every namespace)`,
      // pkg/drain/filters.go daemonSetFilter: a running Pod whose controller is a DaemonSet makes kubectl
      // read that DaemonSet (an orphan is deleted only with --force), with or without --ignore-daemonsets.
      'and reads the DaemonSet of each running DaemonSet Pod: GET ' +
        '/apis/apps/v1/namespaces/NAMESPACE/daemonsets/NAME (verb get)',
      `then ${each}; explain one of them with its URL`,
      wait,
    ],
  };
}

/** The Node commands by name. */
export const NODE_COMMANDS: Record<string, Command> = {
  cordon: cordon('cordon'),
  uncordon: cordon('uncordon'),
  drain,
};
