import { resolveResourceType } from './api-resources';
import { KubectlFlags } from './kubectl-flags';
import {
  Command,
  chunk,
  LIST_CHUNK,
  Plan,
  Target,
  listParams,
  namespaceOf,
  object,
  perObject,
  resourceUrl,
  unknownTypeNotes,
  watchListNote,
} from './kubectl-plan';
import { logs } from './kubectl-logs';
import { eventsForSelector } from './kubectl-events-for';
import { RequestSpecError } from './request-spec-error';

// kubectl commands that read: get (list, get, watch, --raw), describe, logs, top (metrics.k8s.io), auth
// (reviews, which are POSTs), version, events, wait, cluster-info; and proxy, which sends nothing of its own.

function get(args: readonly string[], flags: KubectlFlags): Plan {
  if (flags.raw !== undefined) {
    if (args.length > 0) throw new RequestSpecError('--raw takes no resource type or name');
    return { method: 'GET', url: flags.raw };
  }
  const t = object(args, 'get', flags, { nameRequired: false, allowAll: true });
  if (flags.subresource !== undefined) {
    if (t.name === '') throw new RequestSpecError('--subresource needs an object name');
    if (flags.watch) throw new RequestSpecError('--subresource cannot be watched');
  }
  const notes = unknownTypeNotes(t.type);
  if (t.name !== '') {
    if (flags.fieldSelector !== undefined || flags.labelSelector !== undefined) {
      throw new RequestSpecError('--field-selector and -l apply to a list or watch (no object name)');
    }
    if (!flags.watch) return { method: 'GET', url: resourceUrl(t, flags.subresource), notes };
    // cli-runtime Helper.WatchSingle: a watch of the collection narrowed to the name, from resourceVersion 0.
    const watchUrl = resourceUrl({ ...t, name: '' }, '', [
      ['fieldSelector', `metadata.name=${t.name}`],
      ['resourceVersion', '0'],
      ['watch', 'true'],
    ]);
    return {
      method: 'GET',
      url: watchUrl,
      // get.go watch(): the builder reads the object first, with --watch-only too (it only prints less).
      notes: [`kubectl first reads the object: GET ${resourceUrl(t)} (verb get)`, ...notes],
    };
  }
  const params = listParams(flags);
  if (!flags.watch) return { method: 'GET', url: resourceUrl(t, '', [...params, ...chunk(flags)]), notes };
  return {
    method: 'GET',
    url: resourceUrl(t, '', [...params, ['watch', 'true']]),
    notes: [
      `kubectl first lists them: GET ${resourceUrl(t, '', [...params, ...chunk(flags)])} (verb list), ` +
        "then watches from the list's resourceVersion (with --watch-only too: it only prints less)",
      ...notes,
    ],
  };
}

// describe.go: the builder reads (or lists) the objects, then the describer of each reads it again by name
// and, unless --show-events=false, lists the core Events about it (describe.go searchEvents: a list in the
// object's namespace, every namespace for a cluster-scoped one, narrowed by fieldSelector involvedObject.*,
// which sets no name attribute). A NAME not found is taken as a prefix: kubectl lists the type and
// describes every match.
function eventsNote(t: Target, name: string): string {
  const ns = t.type.namespaced ? t.namespace : '';
  const events = resourceUrl({ type: resolveResourceType('events'), namespace: ns, name: '' });
  const selector = encodeURIComponent(`involvedObject.name=${name},involvedObject.namespace=${ns},`);
  return (
    `GET ${events}?fieldSelector=${selector}...&limit=${LIST_CHUNK} (verb list${ns === '' ? ' in every namespace' : ''}, ` +
    "no name attribute; the selector also holds the object's uid and, but for a Pod, its kind)"
  );
}

function describe(args: readonly string[], flags: KubectlFlags): Plan {
  const t = object(args, 'describe', flags, { nameRequired: false, allowAll: true });
  if (t.name !== '') {
    const list = resourceUrl({ ...t, name: '' }, '', chunk(flags));
    return {
      method: 'GET',
      url: resourceUrl(t),
      notes: [
        flags.showEvents === false
          ? "the describer reads it again (--show-events=false: no Events list); some read more (a Node's Pods, " +
            "a Deployment's ReplicaSets, ...)"
          : `the describer reads it again and lists the Events about it: ${eventsNote(t, t.name)}; some read ` +
            "more (a Node's Pods, a Deployment's ReplicaSets, ...)",
        `if there is no object ${t.name}, kubectl lists them: GET ${list} (verb list), and describes those whose name starts with it`,
        ...unknownTypeNotes(t.type),
      ],
    };
  }
  // With -A each object is read in its own namespace (the list's URL has none).
  const each = {
    ...t,
    name: 'NAME',
    ...(t.type.namespaced && t.namespace === '' ? { namespace: 'NAMESPACE' } : {}),
  };
  return {
    method: 'GET',
    url: resourceUrl(t, '', [...listParams(flags), ...chunk(flags)]),
    notes: [
      // describe.go since kubernetes#137145 (March 2026): no Events when several objects are described,
      // unless --show-events is given.
      flags.showEvents === false
        ? `then describes each listed object: GET ${resourceUrl(each)} (verb get, with its name); ` +
          '--show-events=false: no Events list'
        : `then describes each listed object: GET ${resourceUrl(each)} (verb get, with its name), and the Events ` +
          `about it (kubectl before March 2026, --show-events=true, or only one object listed): ${eventsNote(each, 'NAME')}`,
      ...unknownTypeNotes(t.type),
    ],
  };
}

// cani.go Validate: what kubectl refuses before it sends the review.
function refuseCanIOptions(flags: KubectlFlags, args: readonly string[]): void {
  const quiet = flags.switches.has('-q') || flags.switches.has('--quiet');
  if (flags.list && (quiet || flags.allNamespaces || flags.subresource !== undefined)) {
    throw new RequestSpecError(
      'kubectl refuses "auth can-i --list" with -q, -A or --subresource ("list option can\'t be specified with ' +
        'neither quiet, all-namespaces nor subresource options"): leave them out (-n picks the namespace listed)',
    );
  }
  if (!flags.list && flags.switches.has('--no-headers')) {
    throw new RequestSpecError(
      'kubectl refuses "auth can-i --no-headers" without --list ("--no-headers cannot be set without --list ' +
        'specified"): leave --no-headers out',
    );
  }
  if (!flags.list && flags.subresource !== undefined && args[2]?.startsWith('/')) {
    throw new RequestSpecError(
      `kubectl refuses --subresource with the URL ${args[2]} ("--subresource can not be used with ` +
        'NonResourceURL"): leave --subresource out',
    );
  }
}

function auth(args: readonly string[], flags: KubectlFlags): Plan {
  const sub = args[0];
  const review = (group: string, resource: string): Plan => ({
    method: 'POST',
    url: resourceUrl({ type: resolveResourceType(`${resource}.${group}`), namespace: '', name: '' }),
  });
  if (sub === 'can-i') {
    refuseCanIOptions(flags, args);
    if (flags.list) {
      // SelfSubjectRulesReview is cluster-scoped; the namespace travels in its spec.
      return review('authorization.k8s.io', 'selfsubjectrulesreviews');
    }
    if (args.length < 3)
      throw new RequestSpecError('"auth can-i" needs VERB and TYPE, e.g. "auth can-i get pods"');
    const plan = review('authorization.k8s.io', 'selfsubjectaccessreviews');
    if (flags.subresource !== undefined) {
      plan.notes = [
        `--subresource ${flags.subresource} is part of the question (in the review's body), not of this request`,
      ];
    }
    return plan;
  }
  if (sub === 'whoami') return review('authentication.k8s.io', 'selfsubjectreviews');
  if (sub === 'reconcile') {
    throw new RequestSpecError(
      '"auth reconcile" reads RBAC objects from files (-f): for each one it reads it (GET) and creates or ' +
        'updates it (POST, PUT); describe one of them, e.g. "create clusterrole NAME" or "replace clusterrole NAME"',
    );
  }
  throw new RequestSpecError('supported: auth can-i VERB TYPE, auth can-i --list, auth whoami');
}

function top(args: readonly string[], flags: KubectlFlags): Plan {
  const [what, name, ...extra] = args;
  if (extra.length > 0)
    throw new RequestSpecError(`one object at a time: got names ${[name, ...extra].join(', ')}`);
  const kind =
    what === 'pod' || what === 'pods' || what === 'po'
      ? 'pods'
      : what === 'node' || what === 'nodes' || what === 'no'
        ? 'nodes'
        : undefined;
  if (!kind) throw new RequestSpecError('supported: top pod [NAME], top node [NAME]');
  const type = resolveResourceType(`${kind}.metrics.k8s.io`);
  // top_pod.go getMetricsFromMetricsAPI: with -A the namespace is NamespaceAll ("") for a NAME too, so a Pod's
  // metrics are read at .../pods/NAME without a namespace (a request no Pod's metrics answer).
  const allNamespaces = kind === 'pods' && flags.allNamespaces;
  const namespace = allNamespaces ? '' : namespaceOf(type, flags, (name ?? '') === '');
  const t: Target = { type, namespace, name: name ?? '' };
  const params: Array<[string, string]> =
    flags.labelSelector !== undefined ? [['labelSelector', flags.labelSelector]] : [];
  if (flags.fieldSelector !== undefined) {
    // top_node.go has no --field-selector; top_pod.go's changed meaning in kubernetes#139107 (May 2026).
    if (kind === 'nodes')
      throw new RequestSpecError('"top node" has no --field-selector flag (kubectl refuses it)');
    const withSelector = [...params, ['fieldSelector', flags.fieldSelector] as [string, string]];
    const corePods = resourceUrl({ ...t, type: resolveResourceType('pods') }, '', withSelector);
    throw new RequestSpecError(
      `"top pod --field-selector" depends on the kubectl release: up to 1.36 kubectl sends the selector to ` +
        `metrics.k8s.io (GET ${resourceUrl(t, '', withSelector)}, verb list); later releases list the metrics ` +
        `without it (GET ${resourceUrl(t, '', params)}) and then the Pods with it (GET ${corePods}, verb list). ` +
        'Give the request your kubectl sends as a URL',
    );
  }
  // top_node.go RunTopNode: after the metrics, kubectl reads the Nodes for their allocatable resources.
  const nodes = resourceUrl({ ...t, type: resolveResourceType('nodes') }, '', t.name === '' ? params : []);
  return {
    method: 'GET',
    url: resourceUrl(t, '', t.name === '' ? params : []),
    // kubectl pkg/cmd/top: SupportedMetricsAPIVersionAvailable looks for a metrics.k8s.io version it reads
    // in ServerGroups(): v1beta1 (kubectl since kubernetes#139726, July 2026: also v1, which it prefers).
    notes: [
      'kubectl top first asks discovery (GET /api, GET /apis) and stops with "Metrics API not available" ' +
        'unless the server offers metrics.k8s.io/v1beta1 (or, for kubectl built since July 2026, v1)',
      ...(kind === 'nodes'
        ? [`then reads the Nodes: GET ${nodes} (verb ${t.name === '' ? 'list' : 'get'})`]
        : []),
      ...(allNamespaces && t.name !== ''
        ? [`-A with a NAME: kubectl reads the metrics of ${t.name} without a namespace (-n gives the Pod's)`]
        : []),
    ],
  };
}

// kubectl events (pkg/cmd/events): a chunked list of core/v1 Events, or with -w a watch; --for TYPE/NAME
// narrows them with a fieldSelector on involvedObject, which sets no name attribute.
function events(args: readonly string[], flags: KubectlFlags): Plan {
  if (args.length > 0) {
    throw new RequestSpecError(`"events" takes no arguments, got ${args.join(' ')}; use --for TYPE/NAME`);
  }
  const type = resolveResourceType('events');
  const t: Target = { type, namespace: namespaceOf(type, flags, true), name: '' };
  const selector = flags.for === undefined ? undefined : eventsForSelector(flags.for);
  const notes =
    flags.for === undefined || selector !== undefined
      ? []
      : [
          `--for ${flags.for} adds fieldSelector=involvedObject.kind=...,involvedObject.apiVersion=...,involvedObject.name=... (no name attribute)`,
        ];
  // events.go lists with Limit: cmdutil.DefaultChunkSize; its --chunk-size flag is read but never used.
  const params: Array<[string, string]> = [['limit', String(LIST_CHUNK)]];
  if (selector !== undefined) params.push(['fieldSelector', selector]);
  if (flags.watch) params.push(['watch', 'true']);
  return { method: 'GET', url: resourceUrl(t, '', params), notes };
}

// kubectl wait (pkg/cmd/wait): reads the object, then lists and watches it narrowed to its name
// (fieldSelector=metadata.name=NAME) until the condition holds; the watch is the request that lasts.
function wait(args: readonly string[], flags: KubectlFlags): Plan {
  if (flags.for === undefined) {
    throw new RequestSpecError('"wait" needs --for, e.g. "wait --for=condition=Ready pod/web-0"');
  }
  if (flags.all || flags.labelSelector !== undefined || flags.fieldSelector !== undefined) {
    throw perObject('wait', args, flags, 'watch (GET ...?watch=true)');
  }
  const t = object(args, 'wait', flags, { nameRequired: true });
  if (flags.for.toLowerCase() === 'create') {
    // wait.go RunWait: --for=create polls ResourceFinder (a GET of the object) every 500ms until it is
    // found, then visits it once more with IsCreated, which needs nothing else: no list and no watch.
    return {
      method: 'GET',
      url: resourceUrl(t),
      notes: [
        `--for=create: kubectl sends this GET every half second until the object exists, then once more; ` +
          `it never lists or watches`,
        ...unknownTypeNotes(t.type),
      ],
    };
  }
  const byName: Array<[string, string]> = [['fieldSelector', `metadata.name=${t.name}`]];
  // wait.go (getObjAndCheckCondition, IsDeleted): the watch starts from the list's resourceVersion, and
  // only when the list does not already show the object in the wanted state.
  const already =
    flags.for.toLowerCase() === 'delete' ? 'the object is already gone' : 'the condition already holds';
  return {
    method: 'GET',
    url: resourceUrl({ ...t, name: '' }, '', [...byName, ['watch', 'true']]),
    notes: [
      `kubectl first reads the object: GET ${resourceUrl(t)} (verb get), then lists it by name: GET ` +
        `${resourceUrl({ ...t, name: '' }, '', byName)} (verb list), then watches it (this request), ` +
        `unless ${already} (then the list is the last request)`,
      watchListNote(t, byName),
      ...unknownTypeNotes(t.type),
    ],
  };
}

// kubectl cluster-info (pkg/cmd/clusterinfo): lists the Services labelled kubernetes.io/cluster-service=true
// in kube-system (or -n) and prints their proxy URLs. "cluster-info dump" reads most of the cluster.
function clusterInfo(args: readonly string[], flags: KubectlFlags): Plan {
  if (args[0] === 'dump') {
    throw new RequestSpecError(
      '"cluster-info dump" sends many requests (lists of Nodes, and Events, Pods, Services, Deployments, ... ' +
        'of each namespace, and every Pod\'s log): describe each one, e.g. "get pods -n kube-system", "logs POD -n NS"',
    );
  }
  if (args.length > 0) throw new RequestSpecError(`"cluster-info" takes no arguments, got ${args.join(' ')}`);
  const type = resolveResourceType('services');
  const t: Target = { type, namespace: flags.namespace ?? 'kube-system', name: '' };
  return {
    method: 'GET',
    url: resourceUrl(t, '', [['labelSelector', 'kubernetes.io/cluster-service=true']]),
  };
}

function version(args: readonly string[]): Plan {
  if (args.length > 0) throw new RequestSpecError('"version" takes no arguments');
  return { method: 'GET', url: '/version' };
}

function proxy(): Plan {
  throw new RequestSpecError(
    '"kubectl proxy" sends no request of its own: it forwards what you send to it, unchanged, with your ' +
      'credentials; describe that request as a URL, e.g. "GET /api/v1/namespaces/prod/services/web:80/proxy/"',
  );
}

/** The reading commands by name. */
export const READ_COMMANDS: Record<string, Command> = {
  get,
  describe,
  logs,
  auth,
  top,
  version,
  proxy,
  events,
  wait,
  'cluster-info': clusterInfo,
};
