import { isClusterScoped } from './api-resources';
import { closestMatch } from './did-you-mean';
import { RequestIdentity } from './identity';
import { parseKubectlFlags, takesValue } from './kubectl-flags';
import { LOCAL_COMMAND_TABLE, REFUSED_WHATEVER_THE_FLAGS } from './kubectl-local-commands';
import { Command, DEFAULT_NAMESPACE, Plan, PodLookup, withQueryParam } from './kubectl-plan';
import { POD_COMMANDS } from './kubectl-pod-commands';
import { READ_COMMANDS } from './kubectl-read-commands';
import { WRITE_COMMANDS } from './kubectl-write-commands';
import { NODE_COMMANDS } from './kubectl-node-commands';
import { RequestSpecError } from './request-spec-error';
import { kubectlCommandLine } from './kubectl-command-line';
import { expansionError, expansionNotes } from './kubectl-expansions';
import { RequestAttributes } from './types';
import { requestFromUrl } from './url-request';
import { refuseRunOptions } from './kubectl-run-options';
import { directRequest, OTHER_PROGRAMS } from './kubectl-other-client';
import { refuseAllWithSelector, refuseNamesWithSelector } from './kubectl-selector-names';
import { recordNote, refuseRemovedCommand, refuseRemovedFlags, runRestartNote } from './kubectl-removed';

// A kubectl command line -> the HTTP request kubectl sends for it -> the attributes the audit policy sees.
// Each command is mapped to kubectl's real method and URL (read from kubernetes/kubectl pkg/cmd/* and
// k8s.io/cli-runtime's resource.Helper); the attributes are then derived from that URL by
// `requestFromUrl`, so they are exactly what RequestInfoFactory makes of what kubectl sends.

/** The API request a kubectl command sends, and what the audit policy sees of it. */
export interface KubectlRequest {
  /** The HTTP method kubectl uses (GET for a WebSocket upgrade). */
  method: string;
  /** The path and the query parameters that decide the attributes, e.g. `/api/v1/namespaces/prod/pods?limit=500`. */
  url: string;
  /** The attributes kube-apiserver's policy evaluates: those of `method url`, sent by the caller. */
  request: RequestAttributes;
  /**
   * Set when kubectl picks the Pod when it runs (`logs deploy/web`, `exec svc/web`, `logs -l app=web`): the URL
   * carries `POD` for its name and `request` has no name, since the decision may depend on a name not known here.
   */
  podLookup?: PodLookup;
  /** Who kubectl asks to act as (`--as`, `--as-group`); impersonation happens after the policy ran. */
  impersonate?: { user?: string; groups: string[] };
  /** The other requests of the command and other facts worth knowing, as sentences. */
  notes: string[];
}

const COMMANDS: Record<string, Command> = {
  ...READ_COMMANDS,
  ...WRITE_COMMANDS,
  ...NODE_COMMANDS,
  ...POD_COMMANDS,
  ...LOCAL_COMMAND_TABLE,
};

/** The kubectl commands `kubectlRequest` maps. */
export const KUBECTL_COMMANDS: readonly string[] = Object.keys(COMMANDS);

// Flags that only some commands take.
const WATCH_COMMANDS = new Set(['get', 'events', 'rollout']);

const SELECTOR_COMMANDS = new Set([
  ...['get', 'describe', 'delete', 'label', 'annotate', 'top', 'set', 'taint', 'wait', 'logs', 'scale'],
  ...['cordon', 'uncordon', 'drain', 'rollout'],
]);

const NO_FIELD_SELECTOR = new Set(['describe', 'taint', 'cordon', 'uncordon', 'drain']);

// Commands whose words after "--" are a container's command (exec, run, debug, create deployment|job|cronjob);
// for every other command they are ordinary arguments.
const DASH_COMMAND_COMMANDS = new Set(['exec', 'run', 'debug', 'create']);

const SUBRESOURCE_COMMANDS = new Set(['get', 'patch', 'edit', 'apply', 'replace']);

const SPDY_COMMANDS = new Set(['exec', 'attach', 'port-forward', 'cp']);

// A container command that is itself kubectl (exec POD -- kubectl get pods, run --image=bitnami/kubectl -- kubectl
// ...): it runs in the container with the credentials it finds there, its requests audited on their own.
function innerKubectlNote(command: readonly string[]): string | undefined {
  const program = command[0]?.split('/').pop();
  if (program !== 'kubectl' && program !== 'd8') return undefined;
  return (
    `the container's command runs ${program} inside the container: its requests to kube-apiserver are sent ` +
    "with the credentials it finds there (the Pod's ServiceAccount token unless a kubeconfig is given) and " +
    'audited on their own; explain each with --user system:serviceaccount:NAMESPACE:NAME'
  );
}

function commandWord(tokens: string[]): { command: string; rest: string[] } {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '--') break;
    if (!t.startsWith('-') || t === '-')
      return { command: t, rest: [...tokens.slice(0, i), ...tokens.slice(i + 1)] };
    if (takesValue(t)) i++;
  }
  if (tokens.includes('--help') || tokens.includes('-h')) {
    // "kubectl --help", "kubectl -h": cobra prints the usage.
    throw new RequestSpecError(
      '"kubectl --help" prints help: kubectl sends no request to kube-apiserver, so nothing is audited; give a ' +
        'kubectl command, e.g. "kubectl get pods -n prod"',
    );
  }
  throw new RequestSpecError('give a kubectl command, e.g. "get pods -n prod" or "exec web-0 -n prod -- sh"');
}

/**
 * Linux's limit on one argument of a program, in bytes (MAX_ARG_STRLEN, include/uapi/linux/binfmts.h: 32 pages):
 * execve refuses a longer one with E2BIG, so no kubectl run ever got such a word.
 */
const MAX_ARG_STRLEN = 131_072;

/**
 * Refuses a command line with a word longer than any process can be given (MAX_ARG_STRLEN), before it is read:
 * reading a word of megabytes costs time and memory for nothing (a 10 MB type word once failed with a RangeError
 * instead of this refusal). Counted in characters, each at least a byte, by a scan for runs without whitespace.
 */
function refuseOverlongWord(command: string): void {
  let run = 0;
  for (let i = 0; i < command.length; i++) {
    const c = command.charCodeAt(i);
    run = c === 0x20 || (c >= 0x09 && c <= 0x0d) ? 0 : run + 1;
    if (run > MAX_ARG_STRLEN) {
      throw new RequestSpecError(
        `a word of the command line is longer than ${MAX_ARG_STRLEN} bytes, the most Linux passes to a program ` +
          'as one argument (MAX_ARG_STRLEN): no kubectl run gets it; give the command as it is really run',
      );
    }
  }
}

/**
 * The API request a kubectl command line sends and the attributes kube-apiserver's audit policy sees for
 * it, e.g. `kubectlRequest('delete ns d8-monitoring')` → `DELETE /api/v1/namespaces/d8-monitoring` (verb
 * delete, namespace and name `d8-monitoring`). Commands: get (list; NAME: get; -w: watch; -A: every
 * namespace; --raw), describe, create (POST to the collection; create token: serviceaccounts/token), apply
 * (PATCH; --server-side), edit, patch, label, annotate (PATCH), replace (PUT), scale (PATCH scale), delete
 * (DELETE one object), exec, attach, port-forward, cp (WebSocket GET; `--spdy`: POST), logs, debug
 * (PATCH ephemeralcontainers), cordon, uncordon, drain (PATCH the Node), rollout, auth can-i/whoami (POST a
 * review), top (metrics.k8s.io), certificate approve/deny (PUT approval), run, expose, version, set
 * image|env|resources|serviceaccount|selector|subject and taint (PATCH), autoscale (POST an HPA), events,
 * wait (watch by name), cluster-info, api-resources/api-versions (GET /api), explain (GET /openapi/v3/...).
 * exec, attach, port-forward and logs also take a workload (`logs deploy/web`, `exec svc/web -- sh`) and logs
 * a label selector (`-l app=web`): kubectl reads the object and lists its Pods first (kubectl
 * pkg/polymorphichelpers), so the Pod's name is not known: `podLookup` says so and the request has no name.
 *
 * Who sends it: `identity` (default: an ordinary authenticated user; `--unauthenticated` in the command:
 * none). `--as`/`--as-group` are impersonation, which kube-apiserver applies after the audit policy ran:
 * the policy sees the caller, never the impersonated user; they are returned in `impersonate`. Namespaced
 * types default to namespace "default". Throws `RequestSpecError` for what kubectl would not send as one
 * request (e.g. `delete pods --all`: one DELETE per listed Pod) and for flags it does not model.
 */
export function kubectlRequest(command: string, identity: RequestIdentity = {}): KubectlRequest {
  if (typeof command !== 'string') {
    throw new TypeError(
      `kubectlRequest: command must be a string such as "get pods -n prod", got ${command === null ? 'null' : typeof command}`,
    );
  }
  refuseOverlongWord(command);
  const line = kubectlCommandLine(command.trim(), KUBECTL_COMMANDS);
  const tokens = line.words.map((w) => w.text);
  const { command: verb, rest } = commandWord(tokens);
  const handler = Object.prototype.hasOwnProperty.call(COMMANDS, verb) ? COMMANDS[verb] : undefined;
  const verbAt = line.words.findIndex((w) => w.text === verb);
  if (line.words[verbAt]?.expansion !== undefined) throw expansionError(line.words, verbAt);
  refuseRemovedCommand(verb);
  if (!handler) {
    const meant = closestMatch(verb, KUBECTL_COMMANDS);
    // kubectl runs an unknown command NAME as the plugin program kubectl-NAME (ctx, ns, neat, krew, ...), when
    // one is on PATH: a program of its own, whose requests are not kubectl's to describe.
    const plugin =
      meant === undefined && /^[a-z][a-z0-9_-]*$/.test(verb)
        ? ` (kubectl itself would run it as the plugin program "kubectl-${verb}" if one is installed, which sends ` +
          'requests of its own that are not known here)'
        : '';
    // curl or wget to kube-apiserver (no kubectl in the line) sends the URL itself.
    const direct = line.withoutProgram === true ? directRequest(tokens) : undefined;
    if (direct !== undefined) {
      throw new RequestSpecError(
        `"${command.trim()}" is not a kubectl command line: "${verb}" sends its own request to kube-apiserver, ` +
          `the URL in the line; describe it as that request, "${direct}" (explain --url '${direct}')`,
      );
    }
    if (line.withoutProgram === true && (meant === undefined || OTHER_PROGRAMS.has(verb))) {
      // "echo hi", "ls -la": no kubectl in the line, and its first word is no kubectl command (nor a typo of one)
      // either: the plugin hint would wrongly say kubectl runs it.
      throw new RequestSpecError(
        `"${command.trim()}" is not a kubectl command line: "${verb}" is neither kubectl nor one of its commands, ` +
          'and nothing in the line runs kubectl, so it sends no request to kube-apiserver that is known here; ' +
          'give a kubectl command, e.g. "kubectl get pods -n prod" (or only its words after kubectl: ' +
          '"get pods -n prod")',
      );
    }
    throw new RequestSpecError(
      meant === undefined
        ? `unknown command "${verb}"${plugin}; supported: ${KUBECTL_COMMANDS.join(', ')}`
        : `unknown command "${verb}"; did you mean "${meant}"? (supported: ${KUBECTL_COMMANDS.join(', ')})`,
    );
  }
  // config, kustomize, plugin, ... have flags of their own that no table lists: their refusal (nothing is
  // sent) is the answer, not "unsupported flag --minify".
  if (REFUSED_WHATEVER_THE_FLAGS.has(verb)) handler([], parseKubectlFlags([], verb));
  // proxy (--www, --api-prefix, --accept-hosts, ...) and cluster-info dump (--output-directory, ...) have flags
  // no table lists either: that they send nothing of their own, or many requests, is the answer.
  if (verb === 'proxy') handler([], parseKubectlFlags([], verb));
  if (verb === 'cluster-info' && rest.find((w) => !w.startsWith('-')) === 'dump') {
    handler(['dump'], parseKubectlFlags([], verb));
  }
  refuseRemovedFlags(verb, rest);
  const flags = parseKubectlFlags(rest, verb);
  if (!DASH_COMMAND_COMMANDS.has(verb)) {
    // pflag stops at "--" and cobra passes the words after it as arguments: "get pods -- web-0" reads web-0.
    flags.positionals.push(...flags.command);
    flags.command = [];
  }
  const shellNotes = expansionNotes(line.words, verb, flags);
  if (flags.offline !== undefined) {
    throw new RequestSpecError(
      `"${verb} ${flags.offline}" ${flags.offline === '--help' ? 'prints help' : 'runs locally'}: kubectl sends no request to kube-apiserver, so nothing is ` +
        `audited; leave ${flags.offline} out to describe the request it sends otherwise`,
    );
  }
  if (flags.watch && !WATCH_COMMANDS.has(verb))
    throw new RequestSpecError('-w/--watch is supported with "get", "events" and "rollout status" only');
  if (
    (flags.fieldSelector !== undefined || flags.labelSelector !== undefined) &&
    !SELECTOR_COMMANDS.has(verb)
  ) {
    const flag = flags.fieldSelector !== undefined ? '--field-selector' : '-l/--selector';
    // apply -l (apply.go): it picks which objects of the files are applied and pruned, and sends no list.
    if (verb === 'apply' && flags.fieldSelector === undefined) {
      throw new RequestSpecError(
        '-l/--selector with apply picks which objects of the files (-f) kubectl applies (and prunes); it sends ' +
          'no list for it: describe one object it applies, without -l, e.g. "apply deployment web -n prod"',
      );
    }
    throw new RequestSpecError(`${flag} applies to a list or watch (no object name), not to "${verb}"`);
  }
  if (flags.fieldSelector !== undefined && NO_FIELD_SELECTOR.has(verb)) {
    // describe.go, taint.go and drain.go (cordon, uncordon, drain) define -l but no --field-selector.
    throw new RequestSpecError(
      `kubectl ${verb} has no --field-selector flag (kubectl refuses it: "unknown flag: --field-selector") and ` +
        'sends nothing: select with -l, or name the object',
    );
  }
  if (flags.all && (verb === 'get' || verb === 'describe')) {
    // get.go and describe.go define no --all: pflag refuses it. A TYPE alone already lists every object.
    throw new RequestSpecError(
      `kubectl ${verb} has no --all flag (kubectl refuses it: "unknown flag: --all") and sends nothing: a type ` +
        `alone already ${verb === 'get' ? 'lists' : 'describes'} every object of the namespace (-A: of every namespace)`,
    );
  }
  // auth can-i has its own --subresource (cani.go: the subresource asked about, in the review's body).
  const canI = verb === 'auth' && flags.positionals[0] === 'can-i';
  if (flags.subresource !== undefined && !SUBRESOURCE_COMMANDS.has(verb) && !canI) {
    // cmdutil.AddSubresourceFlags is called by get, patch, edit, apply and replace only: kubectl refuses the
    // flag elsewhere ("unknown flag: --subresource") and sends nothing.
    throw new RequestSpecError(
      `--subresource applies to get, patch, edit, apply, replace and auth can-i only (kubectl refuses it for "${verb}"); leave it out`,
    );
  }
  if ((verb === 'run' || verb === 'debug') && flags.tty && !flags.stdin) {
    // run.go and debug.go Validate: a TTY for the new container needs its stdin.
    throw new RequestSpecError(
      `kubectl refuses "${verb}" with -t and no -i ("-i/--stdin is required for containers with -t/--tty=true"): ` +
        'give -it, or leave -t out',
    );
  }
  if (verb === 'run' && flags.offline === undefined) refuseRunOptions(flags);
  if (flags.spdy && !SPDY_COMMANDS.has(verb)) {
    throw new RequestSpecError('--spdy applies to exec, attach, port-forward and cp only');
  }
  if (flags.as === undefined && (flags.asGroups.length > 0 || flags.asUid !== undefined)) {
    // client-go clientcmd validateAuthInfo: "requesting uid, groups or user-extra for ... without
    // impersonating a user"; kubectl stops before sending anything.
    throw new RequestSpecError(
      '--as-group and --as-uid need --as: without it kubectl refuses the configuration ("requesting uid, ' +
        'groups or user-extra ... without impersonating a user") and sends nothing',
    );
  }
  if (flags.unauthenticated && (flags.as !== undefined || flags.asGroups.length > 0)) {
    throw new RequestSpecError(
      '--unauthenticated cannot be combined with --as or --as-group: a request without credentials is refused ' +
        '(401) before impersonation is considered',
    );
  }
  if (flags.unauthenticated && (identity.user !== undefined || (identity.groups?.length ?? 0) > 0)) {
    throw new RequestSpecError(
      '--unauthenticated in the command cannot be combined with a caller user or groups',
    );
  }
  refuseAllWithSelector(verb, flags.positionals, flags);
  refuseNamesWithSelector(verb, flags.positionals, flags);
  let plan: Plan;
  try {
    plan = handler(flags.positionals, flags);
  } catch (err) {
    // A value kubectl checks (--replicas=$N) refused as written: the shell's value is what is unknown.
    const at = line.words.findIndex((w) => w.expansion !== undefined && String(err).includes(w.expansion));
    throw at >= 0 ? expansionError(line.words, at) : err;
  }
  if (flags.dryRunClient !== undefined) plan = clientDryRun(plan, flags.dryRunClient, verb);
  if (flags.dryRunServer && plan.method !== 'GET') {
    // The change is sent with dryRun=All: admitted, audited and answered like the real one, not stored.
    plan.url = withQueryParam(plan.url, 'dryRun', 'All');
    plan.notes = [
      ...(plan.notes ?? []),
      '--dry-run=server: kube-apiserver receives the request with dryRun=All and audits it like the real one',
    ];
  }
  const caller: RequestIdentity = flags.unauthenticated ? { unauthenticated: true } : identity;
  const request = requestFromUrl(`${plan.method} ${plan.url}`, {
    ...caller,
    websocket: plan.websocket ?? false,
  });
  if (plan.url.includes('/VERSION/') && request.resourceRequest) delete request.apiVersion;
  // The Pod's name is kubectl's pick at run time: "POD" in the URL is a placeholder, not a name to evaluate.
  if (plan.podLookup) delete request.name;
  const notes = [...(plan.notes ?? []), ...line.notes, ...shellNotes];
  if (flags.switches.has('--record') && plan.method !== 'GET') notes.push(recordNote(verb));
  const inner = innerKubectlNote(flags.command);
  if (inner !== undefined) notes.push(inner);
  const restart = verb === 'run' ? runRestartNote(rest) : undefined;
  if (restart !== undefined) notes.push(restart);
  let impersonate: KubectlRequest['impersonate'];
  if (flags.as !== undefined || flags.asGroups.length > 0) {
    impersonate = { ...(flags.as !== undefined ? { user: flags.as } : {}), groups: [...flags.asGroups] };
    const who = [flags.as, ...flags.asGroups.map((g) => `group ${g}`)].filter(Boolean).join(', ');
    notes.unshift(
      `--as/--as-group: kubectl asks kube-apiserver to impersonate ${who}; the audit policy runs before ` +
        `impersonation, so it sees the caller (${request.user ?? 'unauthenticated'}), not ${who} ` +
        '(the event records the impersonated user as impersonatedUser)',
    );
  }
  // kubectl's namespace without -n is the kubeconfig context's (clientcmd: "default" when the context has none).
  if (
    flags.namespace === undefined &&
    request.resourceRequest &&
    request.namespace === DEFAULT_NAMESPACE &&
    request.resource !== 'namespaces'
  ) {
    notes.push(
      'no -n: kubectl uses the namespace of the kubeconfig context (taken as "default" here, which is what ' +
        'kubectl uses when the context sets none); give -n NAMESPACE if yours sets one',
    );
  }
  // A namespaced list that names a cluster-scoped kind is caught above; keep the namespace fact visible.
  if (
    request.resourceRequest &&
    isClusterScoped(request.resource ?? '', request.apiGroup) &&
    flags.namespace !== undefined
  ) {
    notes.push(
      verb === 'auth'
        ? `${flags.allNamespaces ? `-A: the review asks about every namespace (-n ${flags.namespace} is not used)` : `-n ${flags.namespace} is the namespace the review asks about (in its body)`}; ${request.resource} ` +
            'themselves are cluster-scoped, so the request has no namespace'
        : `-n ${flags.namespace} is ignored: ${request.resource} are cluster-scoped`,
    );
  }
  return {
    method: plan.method,
    url: plan.url,
    request,
    ...(plan.podLookup ? { podLookup: plan.podLookup } : {}),
    ...(impersonate ? { impersonate } : {}),
    notes,
  };
}

// GetDryRunStrategy (kubectl pkg/cmd/util/helpers.go): --dry-run=client, bare --dry-run and --dry-run=true are a
// client-side dry run. Each command then skips its change (`if o.DryRunStrategy != DryRunClient`) and prints
// the object; what it read first (the resource builder's GET: label, patch, scale, set, apply, cordon, ...) it
// still reads. delete (RequireObject(false)), create and run read nothing first: no request at all.
function clientDryRun(plan: Plan, given: string, verb: string): Plan {
  if (plan.read === undefined) {
    throw new RequestSpecError(
      `${given} is a client-side dry run: "${verb}" prints the object and sends no request to kube-apiserver ` +
        '(no change, no read), so nothing is audited; use --dry-run=server (sent with dryRun=All, audited like ' +
        'the real request) or leave it out',
    );
  }
  return {
    method: 'GET',
    url: plan.read,
    notes: [
      `${given} is a client-side dry run: kubectl only reads the object (this GET) and prints it as changed; it ` +
        `sends no ${plan.method} (use --dry-run=server to have the change itself sent and audited, with dryRun=All)`,
      ...(plan.readNotes ?? []),
    ],
  };
}

/** The attributes of the API request a kubectl command sends (see `kubectlRequest`). */
export function requestFromKubectl(command: string, identity: RequestIdentity = {}): RequestAttributes {
  return kubectlRequest(command, identity).request;
}
