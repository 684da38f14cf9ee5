import { ResourceType, resolveResourceType } from './api-resources';
import { KubectlFlags } from './kubectl-flags';
import {
  Command,
  DEFAULT_CONTAINER_NOTE,
  DEFAULT_NAMESPACE,
  Plan,
  Target,
  WATCH_LIST_IN_BRIEF,
  pod,
  resourceUrl,
} from './kubectl-plan';
import { PodSource, lookupNotes, podLookup, podSource } from './kubectl-pod-lookup';
import { RequestSpecError } from './request-spec-error';

// kubectl commands that reach into a Pod: exec, attach, port-forward and cp (exec of tar) stream over a
// WebSocket upgrade (a GET) since kubectl 1.31 and over SPDY (a POST) before; debug adds an ephemeral
// container (PATCH) or creates a Pod.

/**
 * exec, attach, port-forward: a WebSocket GET (kubectl ≥ 1.31), or the SPDY POST of older clients, after the
 * Pod's GET or, for a workload, the lookup of one of its Pods (kubectl pkg/polymorphichelpers/attachablepodforobject.go).
 */
function stream(
  subresource: string,
  params: Array<[string, string]>,
  source: PodSource,
  flags: KubectlFlags,
): Plan {
  const url = resourceUrl(source.pod, subresource, params);
  const lookup = source.owner
    ? lookupNotes(source.owner, 'stream', 'one')
    : [`kubectl first reads the Pod: GET ${resourceUrl(source.pod)} (verb get)`];
  const podLookupOf = podLookup(source);
  return {
    method: flags.spdy ? 'POST' : 'GET',
    url,
    websocket: !flags.spdy,
    ...(podLookupOf ? { podLookup: podLookupOf } : {}),
    notes: [
      ...lookup,
      // port-forward names no container (the ports travel in headers).
      ...(subresource !== 'portforward' && flags.container === undefined ? [DEFAULT_CONTAINER_NOTE] : []),
      flags.spdy
        ? 'SPDY (kubectl before 1.31, or a WebSocket upgrade that failed) is a POST: verb create'
        : 'kubectl ≥ 1.31 upgrades to a WebSocket (an HTTP GET: verb get) and falls back to SPDY (POST: verb create)',
    ],
  };
}

// corev1.PodExecOptions / PodAttachOptions as query parameters: false booleans are omitted (omitempty);
// with a TTY stderr travels over stdout, so kubectl does not ask for it. StreamOptions.SetupTTY drops -t
// without -i ("if !o.Stdin { ... o.TTY = false }"): exec -t / attach -t ask for no TTY, and for stderr.
function streamParams(flags: KubectlFlags, command: readonly string[]): Array<[string, string]> {
  const params: Array<[string, string]> = command.map((c) => ['command', c]);
  const tty = flags.tty && flags.stdin;
  if (flags.container !== undefined) params.push(['container', flags.container]);
  if (!tty) params.push(['stderr', 'true']);
  params.push(['stdout', 'true']);
  if (flags.stdin) params.push(['stdin', 'true']);
  if (tty) params.push(['tty', 'true']);
  return params;
}

function exec(args: readonly string[], flags: KubectlFlags): Plan {
  if (args.length > 1) {
    // kubectl exec Complete(): the command must follow "--" since kubectl 1.x dropped the old form.
    throw new RequestSpecError(
      `exec [POD] [COMMAND] is not supported anymore (kubectl refuses it): use "exec ${args[0]} -- ${args.slice(1).join(' ')}"`,
    );
  }
  if (args.length > 0 && flags.command.length === 0) {
    // exec.go Validate: kubectl stops before any request.
    throw new RequestSpecError(
      `kubectl refuses "exec" without a command ("you must specify at least one command for the container"): ` +
        `write it after "--", e.g. "exec ${args[0]} -- sh"`,
    );
  }
  return stream('exec', streamParams(flags, flags.command), podSource(args[0], 'exec', flags), flags);
}

function attach(args: readonly string[], flags: KubectlFlags): Plan {
  // attach.go Validate and Run: POD, TYPE/NAME or TYPE NAME.
  if (args.length > 2) {
    throw new RequestSpecError(
      `"attach" takes POD, TYPE/NAME or TYPE NAME (at most 2 arguments), got ${args.join(' ')}`,
    );
  }
  return stream('attach', streamParams(flags, []), podSource(args[0], 'attach', flags, args[1]), flags);
}

function portForward(args: readonly string[], flags: KubectlFlags): Plan {
  // portforward.go Complete: the object, then at least one port.
  if (args.length < 2) {
    throw new RequestSpecError(
      '"port-forward" needs TYPE/NAME (or POD) and a list of ports, e.g. "port-forward svc/web 8080:80"',
    );
  }
  const source = podSource(args[0], 'port-forward', flags);
  // The ports travel in headers; the URL has no query.
  const plan = stream('portforward', [], source, flags);
  if (source.owner === undefined) return plan;
  // portforward.go RunPortForwardContext reads the picked Pod by name before forwarding.
  const [transport] = plan.notes!.slice(-1);
  return {
    ...plan,
    notes: [
      ...plan.notes!.slice(0, -1),
      `then reads the Pod it took: GET ${resourceUrl(source.pod)} (verb get, with that Pod's name)`,
      transport,
    ],
  };
}

function cp(args: readonly string[], flags: KubectlFlags): Plan {
  if (args.length !== 2)
    throw new RequestSpecError('"cp" needs SOURCE and DESTINATION, one of them POD:PATH');
  // cp.go extractFileSpec: "[namespace/]pod:path"; a word without ":" is a local path.
  const remote = args.map((a) => {
    const i = a.indexOf(':');
    if (i === 0) throw new RequestSpecError(`"${a}" is not [NAMESPACE/]POD:PATH`);
    if (i < 0) return undefined;
    const pieces = a.slice(0, i).split('/');
    if (pieces.length > 2) throw new RequestSpecError(`"${a}" is not [NAMESPACE/]POD:PATH`);
    return {
      namespace: pieces.length === 2 ? pieces[0] : undefined,
      pod: pieces[pieces.length - 1],
      path: a.slice(i + 1),
    };
  });
  const [from, to] = remote;
  if ((from === undefined) === (to === undefined)) {
    throw new RequestSpecError(
      '"cp" copies between a Pod and the local machine: exactly one of SOURCE, DESTINATION is POD:PATH',
    );
  }
  const spec = (from ?? to)!;
  const type = resolveResourceType('pods');
  const target: Target = {
    type,
    namespace: spec.namespace ?? flags.namespace ?? DEFAULT_NAMESPACE,
    name: spec.pod,
  };
  const dir = spec.path.replace(/\/[^/]*$/, '');
  const command = from
    ? ['tar', 'cf', '-', spec.path]
    : ['tar', '-xmf', '-', ...(dir !== '' ? ['-C', dir] : [])];
  const plan = stream(
    'exec',
    streamParams({ ...flags, stdin: to !== undefined, tty: false }, command),
    { pod: target },
    flags,
  );
  return {
    ...plan,
    notes: [
      'kubectl cp runs tar in the container through exec (pods/exec)' +
        (to ? `, after an exec of "test -d ${spec.path}"` : ''),
      ...cpWorkloadNote(spec),
      ...plan.notes!,
    ],
  };
}

// cp.go extractFileSpec takes no TYPE/NAME: "deploy/web:/tmp" is namespace "deploy", Pod "web". Say so when
// the namespace reads like a resource type, since kubectl logs/exec take that form for a workload.
function cpWorkloadNote(spec: { namespace?: string; pod: string }): string[] {
  if (spec.namespace === undefined) return [];
  let type: ResourceType;
  try {
    type = resolveResourceType(spec.namespace);
  } catch {
    return [];
  }
  if (!type.known) return [];
  return [
    `kubectl cp takes [NAMESPACE/]POD:PATH, never TYPE/NAME: "${spec.namespace}/${spec.pod}:" is Pod ` +
      `${spec.pod} in namespace ${spec.namespace} (not ${type.resource}/${spec.pod})`,
  ];
}

// debug.go Complete: --attach defaults to -i; Run attaches when it is set (handleAttachPod). Before attaching,
// waitForContainer lists and watches the Pod by name (watchtools.UntilWithSync on a ListWatch with the
// field selector metadata.name=POD) until the debugging container runs; if it has already terminated, or
// the attach fails, kubectl streams the container's log instead (logOpts).
function attachNote(flags: KubectlFlags, namespace: string, podName: string): string[] {
  if (!(flags.attach ?? flags.stdin)) return [];
  const pods = resourceUrl({ type: resolveResourceType('pods'), namespace, name: '' }, '', [
    ['fieldSelector', `metadata.name=${podName}`],
  ]);
  return [
    `with ${flags.attach === undefined ? '-i' : '--attach'} kubectl then waits for the debugging container: ` +
      `GET ${pods} (verb list) and a watch of it (verb watch) ${WATCH_LIST_IN_BRIEF}, then attaches: GET .../pods/${podName}/attach?... ` +
      `(verb get, pods/attach), or reads its log (GET .../pods/${podName}/log, verb get, pods/log) if it has ` +
      `already exited or the attach fails`,
  ];
}

function debug(args: readonly string[], flags: KubectlFlags): Plan {
  const first = args[0] ?? '';
  const pods = resolveResourceType('pods');
  const nodeName = /^(node|nodes|no)\/(.+)$/.exec(first)?.[2];
  if (nodeName !== undefined) {
    // Debugging a node reads the Node, then creates a Pod on it in the current namespace.
    const nodeUrl = resourceUrl({ type: resolveResourceType('nodes'), namespace: '', name: nodeName });
    return {
      method: 'POST',
      url: resourceUrl({ type: pods, namespace: flags.namespace ?? DEFAULT_NAMESPACE, name: '' }),
      notes: [
        `kubectl first reads the Node: GET ${nodeUrl} (verb get), then creates a debugging Pod on it`,
        ...attachNote(flags, flags.namespace ?? DEFAULT_NAMESPACE, 'NODE-DEBUGGER-POD'),
      ],
    };
  }
  const target = pod(args, 'debug', flags);
  if (flags.copyTo !== undefined) {
    return {
      method: 'POST',
      url: resourceUrl({ ...target, name: '' }),
      notes: [
        `kubectl first reads the Pod: GET ${resourceUrl(target)} (verb get), then creates its copy`,
        // debug.go: --replace deletes the original Pod once the copy is created.
        ...(flags.replace
          ? [`--replace: then deletes the original: DELETE ${resourceUrl(target)} (verb delete)`]
          : []),
        ...attachNote(flags, target.namespace, flags.copyTo),
      ],
    };
  }
  return {
    method: 'PATCH',
    url: resourceUrl(target, 'ephemeralcontainers'),
    notes: [
      `kubectl first reads the Pod: GET ${resourceUrl(target)} (verb get)`,
      ...attachNote(flags, target.namespace, target.name),
    ],
  };
}

/** The Pod access commands by name. */
export const POD_COMMANDS: Record<string, Command> = {
  exec,
  attach,
  'port-forward': portForward,
  cp,
  debug,
};
