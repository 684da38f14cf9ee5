import { resolveResourceType } from './api-resources';
import { RequestSpecError } from './request-spec-error';

// kubectl events --for TYPE/NAME (pkg/cmd/events/events.go Run): the list's fieldSelector is
// involvedObject.kind=KIND,involvedObject.apiVersion=GROUP/VERSION,involvedObject.name=NAME, with the kind and
// version kubectl's RESTMapper gives the type. The kinds of the workload and core types people ask about;
// for another type the selector is only described.
const KINDS: Record<string, string> = {
  '/pods': 'Pod',
  '/nodes': 'Node',
  '/services': 'Service',
  '/namespaces': 'Namespace',
  '/configmaps': 'ConfigMap',
  '/secrets': 'Secret',
  '/serviceaccounts': 'ServiceAccount',
  '/persistentvolumeclaims': 'PersistentVolumeClaim',
  '/persistentvolumes': 'PersistentVolume',
  '/endpoints': 'Endpoints',
  '/replicationcontrollers': 'ReplicationController',
  'apps/deployments': 'Deployment',
  'apps/statefulsets': 'StatefulSet',
  'apps/daemonsets': 'DaemonSet',
  'apps/replicasets': 'ReplicaSet',
  'batch/jobs': 'Job',
  'batch/cronjobs': 'CronJob',
  'networking.k8s.io/ingresses': 'Ingress',
  'autoscaling/horizontalpodautoscalers': 'HorizontalPodAutoscaler',
  'policy/poddisruptionbudgets': 'PodDisruptionBudget',
};

/** The fieldSelector of `events --for TYPE/NAME`, or undefined when the type's kind is not in the table. */
export function eventsForSelector(forObject: string): string | undefined {
  const slash = forObject.indexOf('/');
  if (slash <= 0 || slash === forObject.length - 1) {
    // events.go decodeResourceTypeName: "--for must be in resource/name form".
    throw new RequestSpecError(`--for ${forObject}: kubectl events takes TYPE/NAME, e.g. --for pod/web-0`);
  }
  const type = resolveResourceType(forObject.slice(0, slash));
  const kind = KINDS[`${type.group}/${type.resource}`];
  if (kind === undefined || type.version === undefined) return undefined;
  const apiVersion = type.group === '' ? type.version : `${type.group}/${type.version}`;
  // fields.AndSelectors(...).String(): the terms joined by ",", in kubectl's order.
  return `involvedObject.kind=${kind},involvedObject.apiVersion=${apiVersion},involvedObject.name=${forObject.slice(slash + 1)}`;
}
