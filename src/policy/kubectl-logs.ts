import { resolveResourceType } from './api-resources';
import { SELECTOR_TAIL, logOptionParams } from './kubectl-log-options';
import { KubectlFlags } from './kubectl-flags';
import { DEFAULT_CONTAINER_NOTE, Plan, Target, namespaceOf, resourceUrl } from './kubectl-plan';
import { UNKNOWN_POD, lookupNotes, podLookup, podSource } from './kubectl-pod-lookup';
import { RequestSpecError } from './request-spec-error';

// kubectl logs (kubernetes/kubectl pkg/cmd/logs/logs.go): `logs (POD | TYPE/NAME) [CONTAINER]` or `logs -l
// SELECTOR`. A Pod is read by name first (the builder's GET); a workload is read, then its Pods are listed and
// one is picked, or each with --all-pods (pkg/polymorphichelpers/logsforobject.go); -l lists the Pods and reads
// each one's log. Each log is one GET of pods/log, one per container with --all-containers.

/** logs.go MaxFollowConcurrency: -f follows at most this many logs at once unless --max-log-requests says more. */
const MAX_FOLLOW = 5;

function checkArguments(args: readonly string[], flags: KubectlFlags): string | undefined {
  // logs.go defines -l but neither --field-selector nor -A; pflag refuses flags a command lacks.
  if (flags.fieldSelector !== undefined) {
    throw new RequestSpecError('kubectl logs has no --field-selector flag: select the Pods with -l');
  }
  if (flags.allNamespaces) {
    throw new RequestSpecError(
      'kubectl logs has no -A/--all-namespaces flag: it reads the Pods of one namespace (-n)',
    );
  }
  // logs.go Complete: one argument and a selector is refused; more than two arguments too. POD CONTAINER with a
  // selector passes that check, and the builder (ResourceNames("pods", POD) beside the selector) refuses it.
  const selector = flags.labelSelector === '' ? undefined : flags.labelSelector;
  if (selector !== undefined && args.length === 2) {
    throw new RequestSpecError(
      `kubectl refuses "logs ${args[0]} ${args[1]}" with -l ${selector} ("selectors and the all flag cannot be used ` +
        `when passing resource/name arguments") and sends nothing: drop "${args[0]}" (and give the container ` +
        `with -c) or -l`,
    );
  }
  if (selector !== undefined && args.length > 0) {
    throw new RequestSpecError(
      `"logs": only a selector (-l) or a POD name is allowed (kubectl refuses both): drop "${args[0]}" or -l`,
    );
  }
  if (args.length > 2) {
    throw new RequestSpecError(`"logs" takes (POD | TYPE/NAME) [CONTAINER], got ${args.join(' ')}`);
  }
  if (args.length === 2 && flags.container !== undefined) {
    throw new RequestSpecError(
      `"logs": give the container once, as -c ${flags.container} or as "${args[1]}"`,
    );
  }
  // logs.go Validate.
  const container = flags.container ?? args[1];
  if (flags.allContainers && container !== undefined) {
    throw new RequestSpecError(
      `"logs": --all-containers reads every container, and kubectl refuses it with a container name (${container}): ` +
        'drop one of them',
    );
  }
  return selector;
}

function logParams(
  flags: KubectlFlags,
  container: string | undefined,
  bySelector = false,
): Array<[string, string]> {
  const params: Array<[string, string]> = [];
  if (container !== undefined) params.push(['container', container]);
  if (flags.follow) params.push(['follow', 'true']);
  if (flags.previous) params.push(['previous', 'true']);
  return [...params, ...logOptionParams(flags, bySelector)];
}

function containerNotes(flags: KubectlFlags, container: string | undefined): string[] {
  if (flags.allContainers) {
    return [
      '--all-containers: one such request per container of the Pod (init, regular, then ephemeral ' +
        'containers), each with container=NAME in the query; the attributes are the same for each',
    ];
  }
  return container === undefined ? [DEFAULT_CONTAINER_NOTE] : [];
}

function bySelector(selector: string, flags: KubectlFlags): Plan {
  const type = resolveResourceType('pods');
  const namespace = namespaceOf(type, flags, false);
  const target: Target = { type, namespace, name: UNKNOWN_POD };
  // The builder's list (no --chunk-size in logs.go, so no limit).
  const list = resourceUrl({ ...target, name: '' }, '', [['labelSelector', selector]]);
  return {
    method: 'GET',
    url: resourceUrl(target, 'log', logParams(flags, flags.container, true)),
    podLookup: { from: `-l ${selector}`, pods: 'each' },
    notes: [
      `kubectl first lists the Pods: GET ${list} (verb list)`,
      "then reads the log of each of them: one request per Pod like this one, each with that Pod's name " +
        `(not known here, so the request has none); without --tail only the last ${SELECTOR_TAIL} lines ` +
        '(tailLines, logs.go selectorTail)',
      ...(flags.follow
        ? [`with -f kubectl refuses to follow more than --max-log-requests (${MAX_FOLLOW}) logs at once`]
        : []),
      ...containerNotes(flags, flags.container),
    ],
  };
}

/** `kubectl logs`: the GET of pods/log, after the lookups the arguments need (kubectl pkg/cmd/logs/logs.go). */
export function logs(args: readonly string[], flags: KubectlFlags): Plan {
  const selector = checkArguments(args, flags);
  if (selector !== undefined) return bySelector(selector, flags);
  const source = podSource(args[0], 'logs', flags);
  const url = resourceUrl(source.pod, 'log', logParams(flags, flags.container ?? args[1]));
  if (source.owner === undefined) {
    return {
      method: 'GET',
      url,
      notes: [
        `kubectl first reads the Pod: GET ${resourceUrl(source.pod)} (verb get)`,
        ...containerNotes(flags, flags.container ?? args[1]),
      ],
    };
  }
  const pods = flags.allPods ? 'each' : 'one';
  return {
    method: 'GET',
    url,
    podLookup: podLookup(source, pods),
    notes: [
      ...lookupNotes(source.owner, 'logs', pods),
      ...(flags.allPods
        ? [
            '--all-pods: with more than one Pod kubectl lists them a second time (the same LIST) before reading each',
          ]
        : []),
      ...containerNotes(flags, flags.container ?? args[1]),
    ],
  };
}
