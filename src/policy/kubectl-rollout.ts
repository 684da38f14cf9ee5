import { resolveResourceType } from './api-resources';
import { KubectlFlags } from './kubectl-flags';
import { Plan, object, perObject, resourceUrl, watchListNote } from './kubectl-plan';
import { RequestSpecError } from './request-spec-error';

// kubectl rollout (kubernetes/kubectl pkg/cmd/rollout): restart, pause, resume and undo PATCH the object, status
// watches it, history reads it and lists its revisions.

const ROLLOUT_PATCHES = new Set(['restart', 'pause', 'resume', 'undo']);

/** kubectl rollout SUBCOMMAND TYPE/NAME: the request it sends, or a refusal naming the requests. */
export function rollout(args: readonly string[], flags: KubectlFlags): Plan {
  const [sub, ...rest] = args;
  if (flags.labelSelector !== undefined || flags.fieldSelector !== undefined) {
    // Every rollout subcommand takes -l (cmdutil.AddLabelSelectorFlagVar): the builder lists the objects and
    // kubectl acts on each by name.
    if (flags.fieldSelector !== undefined)
      throw new RequestSpecError('"rollout" has no --field-selector flag');
    throw perObject(
      `rollout ${sub ?? ''}`.trim(),
      rest,
      flags,
      sub === 'status' ? 'watch' : sub !== undefined && ROLLOUT_PATCHES.has(sub) ? 'PATCH' : 'request',
    );
  }
  if ((sub === 'history' || ROLLOUT_PATCHES.has(sub)) && rest.length === 1 && !rest[0].includes('/')) {
    // rollout restart/pause/resume/undo/history: ResourceTypeOrNameArgs(true, ...), a type alone is all its objects.
    throw perObject(`rollout ${sub}`, rest, flags, sub === 'history' ? 'GET' : 'PATCH');
  }
  if (sub !== undefined && ROLLOUT_PATCHES.has(sub)) {
    const t = object(rest, `rollout ${sub}`, flags, { nameRequired: true });
    // rollout_*.go: the builder reads the object (Latest()), also under --dry-run=client; pause/resume send no
    // PATCH for an empty patch ("already paused"), undo none for the current revision ("skipped rollback").
    const read = `kubectl first reads the object: GET ${resourceUrl(t)} (verb get)`;
    const notes =
      sub === 'restart'
        ? [read, 'rollout restart patches the Pod template annotation kubectl.kubernetes.io/restartedAt']
        : sub === 'undo'
          ? [
              'rollout undo first reads the object and its revisions (ReplicaSets or ControllerRevisions); ' +
                'no PATCH is sent when the object already runs the revision asked for',
            ]
          : [
              `${read}; then this PATCH, only if the object is not already ${sub === 'pause' ? 'paused' : 'resumed'} ` +
                '(else no PATCH is sent)',
            ];
    return { method: 'PATCH', url: resourceUrl(t), read: resourceUrl(t), notes };
  }
  if (sub === 'status') {
    // rollout_status.go Run: the builder reads the object (Latest()), then watchtools.UntilWithSync runs an
    // informer on it by name: a list, then a watch. --watch=false ends at the list's first event, when the
    // rollout is reported once; the informer may by then have opened its watch, which is closed at once.
    const t = object(rest, 'rollout status', flags, { nameRequired: true });
    const byName: Array<[string, string]> = [['fieldSelector', `metadata.name=${t.name}`]];
    const read = `rollout status first reads the object: GET ${resourceUrl(t)} (verb get)`;
    if (flags.watchOff) {
      return {
        method: 'GET',
        url: resourceUrl({ ...t, name: '' }, '', byName),
        notes: [
          read,
          'then lists it by name (this request, verb list) and, with --watch=false, stops at the first status it prints; ' +
            'its informer may already have opened a watch (verb watch) that is closed at once',
        ],
      };
    }
    return {
      method: 'GET',
      url: resourceUrl({ ...t, name: '' }, '', [...byName, ['watch', 'true']]),
      notes: [
        read,
        `then lists it by name: GET ${resourceUrl({ ...t, name: '' }, '', byName)} (verb list), and watches it (this request, verb watch) until the rollout is done`,
        watchListNote(t, byName),
      ],
    };
  }
  if (sub === 'history') {
    // rollout history reads the object, then lists its revisions (ReplicaSets of a Deployment,
    // ControllerRevisions of a StatefulSet or DaemonSet) by the object's label selector.
    const t = object(rest, 'rollout history', flags, { nameRequired: true });
    const revisions = t.type.resource === 'deployments' ? 'replicasets' : 'controllerrevisions';
    const list = resourceUrl({
      type: resolveResourceType(`${revisions}.apps`),
      namespace: t.namespace,
      name: '',
    });
    return {
      method: 'GET',
      url: resourceUrl(t),
      notes: [`then lists its revisions: GET ${list}?labelSelector=... (verb list, ${revisions})`],
    };
  }
  throw new RequestSpecError('supported: rollout restart|pause|resume|undo|status|history TYPE/NAME');
}

// set image|env|resources|serviceaccount|selector|subject (kubernetes/kubectl pkg/cmd/set): the builder
// reads the object, kubectl computes the change and sends it as one strategic merge PATCH.
