import { resolveResourceType } from './api-resources';
import { KubectlFlags } from './kubectl-flags';
import { PodLookup, Target, namespaceOf, resourceUrl } from './kubectl-plan';
import { RequestSpecError } from './request-spec-error';

// kubectl logs, exec, attach and port-forward take POD or TYPE/NAME. For anything but a Pod kubectl reads the
// object (cli-runtime's builder: ResourceNames("pods", arg)), lists the Pods its label selector selects and
// picks one (kubectl pkg/polymorphichelpers: attachablepodforobject.go, logsforobject.go, helpers.go
// SelectorsForObject/GetFirstPod/GetPodList). Which Pod it picks depends on the Pods' state when it runs, so
// the name of the Pod the pods/<subresource> request goes to is not known here.

/** The Pod name of a request whose Pod kubectl picks when it runs: upper case, so never a real Pod's name. */
export const UNKNOWN_POD = 'POD';

/** The Pod a command talks to and, when the argument names a workload, that workload. */
export interface PodSource {
  /** The Pod; its name is UNKNOWN_POD when kubectl picks it from `owner`'s Pods. */
  pod: Target;
  /** The object kubectl reads first and whose Pods it lists. */
  owner?: Target;
}

// kubectl pkg/polymorphichelpers/helpers.go SelectorsForObject: the kinds whose Pods kubectl can find (by
// spec.selector). For any other kind kubectl reads the object and then fails ("selector for *T not implemented").
const POD_OWNERS: ReadonlySet<string> = new Set([
  'replicationcontrollers',
  'services',
  'apps/deployments',
  'apps/replicasets',
  'apps/statefulsets',
  'apps/daemonsets',
  'extensions/deployments',
  'extensions/replicasets',
  'extensions/daemonsets',
  'batch/jobs',
]);

const OWNER_KINDS = 'Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, Service or ReplicationController';

/**
 * The Pod of `POD`, `pod/POD` or `TYPE/NAME` (and attach's `TYPE NAME`: `typeText` and `name` apart), as kubectl
 * logs/exec/attach/port-forward resolve it (kubectl pkg/polymorphichelpers/helpers.go SelectorsForObject).
 */
export function podSource(
  word: string | undefined,
  command: string,
  flags: KubectlFlags,
  name?: string,
): PodSource {
  if (word === undefined) {
    throw new RequestSpecError(
      `"${command}" needs a Pod name or TYPE/NAME, e.g. "${command} web-0" or "${command} deploy/web"`,
    );
  }
  const pods = resolveResourceType('pods');
  let typeText = 'pods';
  let objectName = word;
  if (name !== undefined) {
    typeText = word;
    objectName = name;
  } else {
    const slash = word.indexOf('/');
    if (slash >= 0) {
      typeText = word.slice(0, slash);
      objectName = word.slice(slash + 1);
      // cli-runtime's builder refuses "a/b/c" and "a/".
      if (typeText === '' || objectName === '' || objectName.includes('/')) {
        throw new RequestSpecError(`"${word}" is not POD or TYPE/NAME`);
      }
    }
  }
  const type = resolveResourceType(typeText);
  const namespace = namespaceOf(pods, flags, false);
  if (type.resource === 'pods' && type.group === '') {
    return { pod: { type: pods, namespace, name: objectName } };
  }
  const key = type.group === '' ? type.resource : `${type.group}/${type.resource}`;
  if (!POD_OWNERS.has(key)) {
    throw new RequestSpecError(
      `"${command} ${typeText}/${objectName}": kubectl finds the Pods of a ${OWNER_KINDS} only ` +
        `(kubectl polymorphichelpers SelectorsForObject); for ${type.resource} it reads the object and then ` +
        `fails: give a Pod, e.g. "${command} POD", or one of those, e.g. "${command} deploy/NAME"`,
    );
  }
  return {
    pod: { type: pods, namespace, name: UNKNOWN_POD },
    owner: { type, namespace: namespaceOf(type, flags, false), name: objectName },
  };
}

/** Which Pod kubectl takes from the list: logs (podutils.ByLogging) and the streams (reverse ActivePods). */
export type PodOrder = 'logs' | 'stream';

// kubectl pkg/util/podutils/podutils.go: logsforobject.go sorts by ByLogging, attachablepodforobject.go by
// sort.Reverse(ActivePods); both put scheduled, Running, ready Pods first.
const ORDER_TEXT: Record<PodOrder, string> = {
  logs: 'podutils.ByLogging (scheduled, Running, ready for longest first)',
  stream: 'reverse podutils.ActivePods (scheduled, Running, ready, not being deleted first)',
};

/** `GET .../pods?labelSelector=<selector>`: kubectl's GetPodList sends no limit (not a chunked list). */
export function podListUrl(namespace: string, selector: string): string {
  return `${resourceUrl({ type: resolveResourceType('pods'), namespace, name: '' })}?labelSelector=${selector}`;
}

/**
 * The requests kubectl sends to find the Pod of `owner` (kubectl pkg/polymorphichelpers helpers.go GetFirstPod):
 * the object's GET, the LIST of the Pods its selector selects, the WATCH while there is none, and the pick.
 */
export function lookupNotes(owner: Target, order: PodOrder, pods: PodLookup['pods']): string[] {
  const object = `${owner.type.resource}/${owner.name}`;
  const list = podListUrl(owner.namespace, `<spec.selector of ${object}>`);
  return [
    `kubectl first reads ${object}: GET ${resourceUrl(owner)} (verb get)`,
    `then lists the Pods its selector selects: GET ${list} (verb list), and while there is none yet watches ` +
      `for one: GET ${list}&resourceVersion=RV&watch=true (verb watch), up to --pod-running-timeout`,
    pods === 'one'
      ? `kubectl takes the first Pod in ${ORDER_TEXT[order]} order; which Pod that is, and so its name, is ` +
        'known only when kubectl runs (so the request has no name)'
      : 'kubectl reads the log of each of those Pods: one request per Pod like this one, each with that ' +
        "Pod's name (not known here, so the request has none)",
  ];
}

/** The lookup of `source` for the plan, when kubectl picks its Pod. */
export function podLookup(source: PodSource, pods: PodLookup['pods'] = 'one'): PodLookup | undefined {
  const owner = source.owner;
  return owner ? { from: `${owner.type.resource}/${owner.name}`, pods } : undefined;
}
