import { RequestSpecError } from './request-spec-error';

// The kubectl flags the package knows, as data: which take a value, what each one sets, and which mean
// something else under one command (kubectl's cobra/pflag definitions in kubernetes/kubectl pkg/cmd/*).
// A flag that is in no table is refused, so that a flag we do not model can never silently change the
// answer; a flag listed without a setter changes nothing the audit policy sees.

/** What the flags of one kubectl command line say. */
export interface KubectlFlags {
  /** Words that are not flags, in order (the command, its subcommand, types, names, ...). */
  positionals: string[];
  /** Words after `--` (the command of exec). */
  command: string[];
  /** Every flag that takes a value, as written (`-p`, `--replicas`): for kubectl's required-flag checks. */
  given: Set<string>;
  /** Boolean flags given as true, as written (`-q`, `--no-headers`): for kubectl's Validate checks. */
  switches: Set<string>;
  /** The last value of each flag that takes one, by the flag as written: for kubectl's Validate checks. */
  values: Map<string, string>;
  namespace?: string;
  allNamespaces: boolean;
  watch: boolean;
  /** `-w=false`/`--watch=false` given (rollout status, which watches by default). */
  watchOff: boolean;
  watchOnly: boolean;
  /** `--as`: the user kubectl asks kube-apiserver to impersonate. */
  as?: string;
  /** `--as-uid`: the UID to impersonate (only with --as). */
  asUid?: string;
  /** `--as-group`, in order. */
  asGroups: string[];
  /** `--unauthenticated` (not a kubectl flag): send no credentials. */
  unauthenticated: boolean;
  /** `--spdy` (not a kubectl flag): the pre-1.31 SPDY transport of exec/attach/port-forward. */
  spdy: boolean;
  subresource?: string;
  fieldSelector?: string;
  labelSelector?: string;
  raw?: string;
  container?: string;
  stdin: boolean;
  tty: boolean;
  all: boolean;
  serverSide: boolean;
  list: boolean;
  copyTo?: string;
  disableEviction: boolean;
  follow: boolean;
  previous: boolean;
  /** `--all-pods` of logs: the log of each Pod of the workload, not of one. */
  allPods: boolean;
  /** `--all-containers` of logs: one log request per container of the Pod. */
  allContainers: boolean;
  /** `--timestamps` of logs: timestamps=true in the log request's query. */
  timestamps?: boolean;
  /** `--dry-run=server`: the request is sent with dryRun=All (audited like the real one). */
  dryRunServer: boolean;
  /** `--dry-run=client` (or bare `--dry-run`, `--dry-run=true`) as written: kubectl sends no change. */
  dryRunClient?: string;
  /** `--from` of create job (cronjob/NAME), create secret/configmap (a source). */
  from?: string;
  /** `--for` of events (TYPE/NAME) and wait (a condition). */
  for?: string;
  /** `--pod-selector` of drain: the label selector of its Pod list. */
  podSelector?: string;
  /** How many -f/--filename create, replace and delete got (used with --raw only). */
  files?: number;
  /** `--attach` as given (debug: defaults to -i; run: to -i too); undefined when not given. */
  attach?: boolean;
  /** `--chunk-size` (the limit of chunked lists; "0" = none). */
  chunkSize?: string;
  /** `--expose` of run: also create a Service. */
  expose?: boolean;
  /** `--replace` of debug --copy-to: delete the original Pod. */
  replace?: boolean;
  /** `--api-version` of explain (GROUP/VERSION). */
  apiVersion?: string;
  /** `-o`/`--output` of explain (plaintext, plaintext-openapiv2). */
  output?: string;
  /** `--resolve` of set env --list: read the Secrets and ConfigMaps the variables refer to. */
  resolve?: boolean;
  /** `--wait` as given (delete waits for the object to go unless --wait=false); undefined when not given. */
  wait?: boolean;
  /** `--show-events` of describe as given (false: the describers list no Events). */
  showEvents?: boolean;
  /** `--now` of delete: --grace-period=1. */
  now?: boolean;
  /** `--rm` of run: delete the Pod after attaching. */
  rm: boolean;
  /** `--force` (replace: delete and re-create instead of PUT). */
  force: boolean;
  /** Flags after which kubectl sends nothing at all (`--local`, `version --client`), as written. */
  offline?: string;
}

/** Sets what a flag says; `value` is the flag's value ("true"/"false" for a flag without one). */
export type Setter = (flags: KubectlFlags, value: string) => void;

/** A flag: whether it takes a value, and what it sets (undefined: nothing the policy sees). */
export interface FlagSpec {
  readonly value: boolean;
  readonly set?: Setter;
}

const on = (set: (f: KubectlFlags) => void): Setter => {
  return (f, v) => {
    if (v === 'true') set(f);
  };
};

function table(
  values: Record<string, Setter | undefined>,
  bools: Record<string, Setter | undefined>,
): Record<string, FlagSpec> {
  const out: Record<string, FlagSpec> = {};
  for (const [flag, set] of Object.entries(values)) out[flag] = { value: true, ...(set ? { set } : {}) };
  for (const [flag, set] of Object.entries(bools)) out[flag] = { value: false, ...(set ? { set } : {}) };
  return out;
}

const NO_EFFECT_VALUES = [
  // Output and client behaviour.
  ...['-o', '--output', '--template', '-L', '--label-columns', '--sort-by'],
  ...['--request-timeout', '--timeout', '--pod-running-timeout', '-v', '--v', '--vmodule'],
  ...['--log-flush-frequency', '--profile-output', '--retries', '--address', '--field-manager'],
  // Which cluster: the same request goes elsewhere (credentials are CREDENTIAL_FLAGS).
  ...['--context', '--kubeconfig', '--cluster', '-s', '--server', '--cache-dir'],
  ...['--certificate-authority', '--tls-server-name'],
  // Request bodies and options that do not change method, URL path or verb.
  ...['--image', '--tail', '--since', '--since-time', '--limit-bytes', '--max-log-requests'],
  ...['--replicas', '--type', '-p', '--patch', '--patch-file', '--from-literal', '--from-file'],
  ...['--from-env-file', '--target', '--port', '--grace-period', '--duration'],
  ...['--to-revision', '--revision', '--env', '--restart', '--overrides', '--image-pull-policy'],
  ...['--target-port', '--protocol', '--external-ip', '--load-balancer-ip', '--session-affinity'],
  ...['--cluster-ip', '--name', '--min', '--max', '--cpu-percent', '--cpu', '--memory'],
  ...['--types', '--api-group', '--verbs', '--categories', '--api-version', '--limits'],
  ...['--requests', '--skip-wait-for-delete-timeout', '--set-image', '--custom'],
  ...['--profile', '--annotations', '--audience', '--prune-allowlist', '--applyset', '--kuberc'],
];

const NO_EFFECT_BOOLS = [
  ...['--force-conflicts', '--overwrite', '--ignore-not-found', '--interactive'],
  ...['--quiet', '-q', '--timestamps', '--prefix', '--all-containers', '--ignore-daemonsets'],
  ...['--delete-emptydir-data', '--delete-local-data', '--show-labels', '--no-headers'],
  ...['--insecure-skip-tls-verify', '--record', '--no-preserve', '--show-kind'],
  ...['--show-managed-fields', '--server-print', '--output-watch-events', '--ignore-errors'],
  ...['--allow-missing-template-keys', '--insecure-skip-tls-verify-backend', '-R', '--recursive'],
  ...['--prune', '--save-config', '--output-patch', '--windows-line-endings', '--share-processes'],
  ...['--replace', '--command', '--expose', '--privileged', '--leave-stdin-open'],
  ...['--disable-compression', '--match-server-version', '--warnings-as-errors', '--cached'],
  ...['--use-protocol-buffers', '--sum', '--show-capacity', '--keep-annotations', '--namespaced'],
  ...['--include-uninitialized', '--force-replace'],
];

/** Flags every command accepts the same way. */
export const FLAGS: Record<string, FlagSpec> = table(
  {
    ...Object.fromEntries(NO_EFFECT_VALUES.map((f) => [f, undefined])),
    // An empty -n is no override: kubectl keeps the context's namespace (clientcmd ignores "").
    '-n': (f, v) => (f.namespace = v === '' ? undefined : v),
    '--namespace': (f, v) => (f.namespace = v === '' ? undefined : v),
    '--as': (f, v) => (f.as = v),
    '--as-group': (f, v) => f.asGroups.push(v),
    '--as-uid': (f, v) => (f.asUid = v),
    '--subresource': (f, v) => (f.subresource = v),
    // The builder's LabelSelectorParam/FieldSelectorParam trim the value and ignore it when empty.
    '--field-selector': (f, v) => (f.fieldSelector = v.trim() === '' ? undefined : v.trim()),
    '-l': (f, v) => (f.labelSelector = v.trim() === '' ? undefined : v.trim()),
    '--selector': (f, v) => (f.labelSelector = v.trim() === '' ? undefined : v.trim()),
    '--raw': (f, v) => (f.raw = v),
    '-c': (f, v) => (f.container = v),
    '--container': (f, v) => (f.container = v),
    '--copy-to': (f, v) => (f.copyTo = v),
    // scale's precondition flags: their values (kept in `values`) decide it (scaleHasPrecondition).
    '--current-replicas': () => undefined,
    '--resource-version': () => undefined,
    '--for': (f, v) => (f.for = v),
    '--from': (f, v) => (f.from = v),
    '--pod-selector': (f, v) => (f.podSelector = v),
    '--chunk-size': (f, v) => {
      if (!/^[0-9]+$/.test(v))
        throw new RequestSpecError(`--chunk-size needs a whole number, got ${JSON.stringify(v)}`);
      f.chunkSize = String(Number(v));
    },
  },
  {
    ...Object.fromEntries(NO_EFFECT_BOOLS.map((f) => [f, undefined])),
    '-A': on((f) => (f.allNamespaces = true)),
    '--all-namespaces': on((f) => (f.allNamespaces = true)),
    '-w': (f, v) => (v === 'true' ? (f.watch = true) : (f.watchOff = true)),
    '--watch': (f, v) => (v === 'true' ? (f.watch = true) : (f.watchOff = true)),
    '--watch-only': on((f) => (f.watch = f.watchOnly = true)),
    '--unauthenticated': on((f) => (f.unauthenticated = true)),
    '--spdy': on((f) => (f.spdy = true)),
    '--force': on((f) => (f.force = true)),
    '--rm': on((f) => (f.rm = true)),
    '--attach': (f, v) => (f.attach = v === 'true'),
    '-h': on((f) => (f.offline = '--help')),
    '--help': on((f) => (f.offline = '--help')),
    '--all': on((f) => (f.all = true)),
    '--server-side': on((f) => (f.serverSide = true)),
    '--list': on((f) => (f.list = true)),
    '--disable-eviction': on((f) => (f.disableEviction = true)),
    '--follow': on((f) => (f.follow = true)),
    '--previous': on((f) => (f.previous = true)),
    '--local': on((f) => (f.offline = '--local')),
    '--wait': (f, v) => (f.wait = v === 'true'),
    '--now': (f, v) => (f.now = v === 'true'),
    '--show-events': (f, v) => (f.showEvents = v === 'true'),
  },
);

// Flags whose value is optional (pflag NoOptDefVal): only `--flag=value` gives one; a following word is
// an argument. Their value without "=".
export const OPTIONAL_VALUE_FLAGS: Record<string, string> = {
  '--dry-run': 'unchanged',
  '--cascade': 'background',
  '--validate': 'strict',
};

// Flags of `kubectl create <kind>`, `set subject` and friends that fill the new object's body (subjects,
// rules, labels, the Service selector of expose), not the request.
const BODY_VALUES = [
  ...['--verb', '--resource', '--resource-name', '--non-resource-url', '--aggregation-rule'],
  ...['--role', '--clusterrole', '--user', '--group', '--serviceaccount', '--schedule', '--tcp'],
  ...['--clusterip', '--external-name', '--node-port', '--rule', '--class', '--default-backend'],
  ...['--annotation', '--hard', '--scopes', '--value', '--description', '--global-default'],
  ...['--preemption-policy', '--selector', '--min-available', '--max-unavailable'],
  ...['--docker-server', '--docker-username', '--docker-password', '--docker-email', '--cert'],
  ...['--key', '--bound-object-kind', '--bound-object-name', '--bound-object-uid', '-l', '--labels'],
];
const BODY_FLAGS = table(Object.fromEntries(BODY_VALUES.map((f) => [f, undefined])), {});

// -i/-t of the commands that stream (exec, attach, run, debug; cp always sends stdin as it needs).
const STREAM_FLAGS = table(
  {},
  {
    '-i': on((f) => (f.stdin = true)),
    '--stdin': on((f) => (f.stdin = true)),
    '-t': on((f) => (f.tty = true)),
    '--tty': on((f) => (f.tty = true)),
  },
);
// delete and replace: -i is --interactive (a confirmation prompt), nothing the request shows.
const INTERACTIVE = table({}, { '-i': undefined });

// -f of create, replace and delete: the body of --raw (kubectl-raw.ts refuses it without --raw).
const countFile = (f: KubectlFlags) => (f.files = (f.files ?? 0) + 1);
const RAW_FILE = table({ '-f': countFile, '--filename': countFile }, {});

/** Per command, flags that mean something else than elsewhere (kubectl defines them per command). */
export const COMMAND_FLAGS: Record<string, Record<string, FlagSpec>> = {
  exec: STREAM_FLAGS,
  debug: {
    ...STREAM_FLAGS,
    ...table({}, { '--replace': on((f) => (f.replace = true)) }),
    // debug.go: what the debugging container or the Pod's copy keeps or runs (its body, not the request).
    ...table(
      {},
      Object.fromEntries(
        ['--arguments-only', '--same-node', '--keep-labels', '--keep-liveness', '--keep-readiness']
          .concat(['--keep-startup', '--keep-init-containers'])
          .map((f) => [f, undefined]),
      ),
    ),
  },
  delete: { ...INTERACTIVE, ...RAW_FILE },
  replace: { ...INTERACTIVE, ...RAW_FILE },
  logs: table(
    {},
    {
      '-f': on((f) => (f.follow = true)),
      '-p': on((f) => (f.previous = true)),
      '--all-pods': on((f) => (f.allPods = true)),
      '--all-containers': on((f) => (f.allContainers = true)),
      '--timestamps': on((f) => (f.timestamps = true)),
    },
  ),
  // create deployment -r (--replicas); create configmap/secret --append-hash (a hash in the new name).
  create: { ...BODY_FLAGS, ...RAW_FILE, ...table({ '-r': undefined }, { '--append-hash': undefined }) },
  run: { ...BODY_FLAGS, ...STREAM_FLAGS, ...table({}, { '--expose': on((f) => (f.expose = true)) }) },
  expose: BODY_FLAGS,
  set: table(
    {
      ...Object.fromEntries(
        ['--user', '--group', '--serviceaccount', '--containers'].map((f) => [f, undefined]),
      ),
      '-c': undefined,
      // set env: -e KEY=VALUE, and --keys/--prefix of what --from copies (--prefix takes a value here).
      ...Object.fromEntries(['-e', '--keys', '--prefix'].map((f) => [f, undefined])),
    },
    // --resolve (set env --list): read the Secrets and ConfigMaps the variables refer to, to show their values.
    { '--resolve': on((f) => (f.resolve = true)) },
  ),
  top: table({}, { '--containers': undefined }),
  // explain -r (--recursive, kubernetes#135283) and --max-depth (#138809); attach --detach-keys: output only.
  explain: table(
    {
      '--max-depth': undefined,
      // explain.go: --api-version picks the OpenAPI document; -o plaintext-openapiv2 reads /openapi/v2.
      '--api-version': (f, v) => (f.apiVersion = v),
      '-o': (f, v) => (f.output = v),
      '--output': (f, v) => (f.output = v),
    },
    { '-r': undefined },
  ),
  attach: { ...STREAM_FLAGS, ...table({ '--detach-keys': undefined }, {}) },
  // Commands that only work on files: their own refusal says which requests the files become.
  diff: table({ '-f': undefined, '--filename': undefined, '-k': undefined, '--kustomize': undefined }, {}),
  auth: table({ '-f': undefined, '--filename': undefined }, {}),
  version: table({}, { '--client': on((f) => (f.offline = '--client')) }),
};

// Flags that choose credentials: the authenticated user follows from them, but not in a way we can know.
export const CREDENTIAL_FLAGS = new Set([
  '--user',
  '--token',
  '--username',
  '--password',
  '--client-certificate',
  '--client-key',
]);

/** Commands that take --dry-run (the others refuse it, as kubectl does). */
export const DRY_RUN_COMMANDS = new Set([
  ...['create', 'apply', 'patch', 'replace', 'delete', 'label', 'annotate', 'scale', 'set', 'taint'],
  ...['autoscale', 'expose', 'run', 'drain', 'cordon', 'uncordon', 'rollout', 'auth'],
]);
