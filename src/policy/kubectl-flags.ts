import { RequestSpecError } from './request-spec-error';

// The flags of a kubectl command line that change which API request kubectl sends (or who sends it), and
// the ones that change nothing the audit policy sees. Anything else is refused, so that a flag we do not
// model can never silently change the answer.

/** What the flags of one kubectl command line say. */
export interface KubectlFlags {
  /** Words that are not flags, in order (the command, its subcommand, types, names, ...). */
  positionals: string[];
  /** Words after `--` (the command of exec). */
  command: string[];
  namespace?: string;
  allNamespaces: boolean;
  watch: boolean;
  watchOnly: boolean;
  /** `--as`: the user kubectl asks kube-apiserver to impersonate. */
  as?: string;
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
  /** `--current-replicas` or `--resource-version` of scale: a precondition (GET, then PUT). */
  scalePrecondition: boolean;
  disableEviction: boolean;
  follow: boolean;
  previous: boolean;
}

type Setter = (flags: KubectlFlags, value: string) => void;

// Flags that take a value, and what they set (undefined: nothing the policy sees).
const VALUE_FLAGS: Record<string, Setter | undefined> = {
  '-n': (f, v) => (f.namespace = v),
  '--namespace': (f, v) => (f.namespace = v),
  '--as': (f, v) => (f.as = v),
  '--as-group': (f, v) => f.asGroups.push(v),
  '--as-uid': undefined,
  '--subresource': (f, v) => (f.subresource = v),
  '--field-selector': (f, v) => (f.fieldSelector = v),
  '-l': (f, v) => (f.labelSelector = v),
  '--selector': (f, v) => (f.labelSelector = v),
  '--raw': (f, v) => (f.raw = v),
  '-c': (f, v) => (f.container = v),
  '--container': (f, v) => (f.container = v),
  '--copy-to': (f, v) => (f.copyTo = v),
  '--current-replicas': (f) => (f.scalePrecondition = true),
  '--resource-version': (f) => (f.scalePrecondition = true),
  '-o': undefined,
  '--output': undefined,
  '--image': undefined,
  '--context': undefined,
  '--kubeconfig': undefined,
  '--cluster': undefined,
  '-s': undefined,
  '--server': undefined,
  '--tail': undefined,
  '--since': undefined,
  '--since-time': undefined,
  '--replicas': undefined,
  '--type': undefined,
  '-p': undefined,
  '--patch': undefined,
  '--from-literal': undefined,
  '--from-file': undefined,
  '--from-env-file': undefined,
  '--from': undefined,
  '--target': undefined,
  '--sort-by': undefined,
  '--request-timeout': undefined,
  '--field-manager': undefined,
  '--timeout': undefined,
  '--port': undefined,
  '--grace-period': undefined,
  '--cascade': undefined,
  '--duration': undefined,
  '--to-revision': undefined,
  '-v': undefined,
  '--v': undefined,
};

// Flags without a value.
const BOOL_FLAGS: Record<string, Setter | undefined> = {
  '-A': (f) => (f.allNamespaces = true),
  '--all-namespaces': (f) => (f.allNamespaces = true),
  '-w': (f) => (f.watch = true),
  '--watch': (f) => (f.watch = true),
  '--watch-only': (f) => {
    f.watch = true;
    f.watchOnly = true;
  },
  '--unauthenticated': (f) => (f.unauthenticated = true),
  '--spdy': (f) => (f.spdy = true),
  '-i': (f) => (f.stdin = true),
  '--stdin': (f) => (f.stdin = true),
  '-t': (f) => (f.tty = true),
  '--tty': (f) => (f.tty = true),
  '-it': (f) => (f.stdin = f.tty = true),
  '-ti': (f) => (f.stdin = f.tty = true),
  '--all': (f) => (f.all = true),
  '--server-side': (f) => (f.serverSide = true),
  '--list': (f) => (f.list = true),
  '--disable-eviction': (f) => (f.disableEviction = true),
  '--follow': (f) => (f.follow = true),
  '--previous': (f) => (f.previous = true),
  '--force-conflicts': undefined,
  '--overwrite': undefined,
  '--ignore-not-found': undefined,
  '--now': undefined,
  '--force': undefined,
  '--wait': undefined,
  '--quiet': undefined,
  '-q': undefined,
  '--timestamps': undefined,
  '--prefix': undefined,
  '--all-containers': undefined,
  '--ignore-daemonsets': undefined,
  '--delete-emptydir-data': undefined,
  '--show-labels': undefined,
  '--no-headers': undefined,
  '--insecure-skip-tls-verify': undefined,
  '--record': undefined,
  '--rm': undefined,
  '--no-preserve': undefined,
};

// Flags that choose credentials: the authenticated user follows from them, but not in a way we can know.
const CREDENTIAL_FLAGS = new Set([
  '--user',
  '--token',
  '--username',
  '--password',
  '--client-certificate',
  '--client-key',
]);

// Per command, short flags that mean something else than elsewhere.
const COMMAND_BOOL_FLAGS: Record<string, Record<string, Setter>> = {
  logs: { '-f': (f) => (f.follow = true), '-p': (f) => (f.previous = true) },
};

// Flags of `kubectl create <kind>` that fill the new object's body (subjects, rules, ...), not the request.
const CREATE_BODY_FLAGS = new Set([
  '--verb',
  '--resource',
  '--resource-name',
  '--non-resource-url',
  '--aggregation-rule',
  '--role',
  '--clusterrole',
  '--user',
  '--group',
  '--serviceaccount',
  '--schedule',
  '--restart',
  '--tcp',
  '--clusterip',
  '--external-name',
  '--node-port',
  '--rule',
  '--class',
  '--default-backend',
  '--annotation',
  '--hard',
  '--scopes',
  '--value',
  '--description',
  '--global-default',
  '--preemption-policy',
  '--selector',
  '--min-available',
  '--max-unavailable',
  '--docker-server',
  '--docker-username',
  '--docker-password',
  '--docker-email',
  '--cert',
  '--key',
  '--audience',
  '--bound-object-kind',
  '--bound-object-name',
  '--bound-object-uid',
]);

/** Whether the word is a flag that takes a separate value (for finding the command word). */
export function takesValue(word: string): boolean {
  return !word.includes('=') && word in VALUE_FLAGS;
}

/** Reads the flags and positionals of a kubectl command line (after the word `kubectl`). */
export function parseKubectlFlags(tokens: readonly string[], command: string): KubectlFlags {
  const flags: KubectlFlags = {
    positionals: [],
    command: [],
    allNamespaces: false,
    watch: false,
    watchOnly: false,
    asGroups: [],
    unauthenticated: false,
    spdy: false,
    stdin: false,
    tty: false,
    all: false,
    serverSide: false,
    list: false,
    scalePrecondition: false,
    disableEviction: false,
    follow: false,
    previous: false,
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === '--') {
      flags.command = tokens.slice(i + 1);
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      flags.positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const flag = eq < 0 ? token : token.slice(0, eq);
    const commandFlag = COMMAND_BOOL_FLAGS[command]?.[flag];
    if (commandFlag && eq < 0) {
      commandFlag(flags, '');
      continue;
    }
    if (command === 'create' && CREATE_BODY_FLAGS.has(flag)) {
      if (eq < 0) i++;
      continue;
    }
    if (flag === '-f' || flag === '--filename') {
      throw new RequestSpecError(
        `${flag}: files are not read; name the object instead, e.g. "${command} deployment web -n prod"`,
      );
    }
    if (CREDENTIAL_FLAGS.has(flag)) {
      throw new RequestSpecError(
        `${flag} chooses kubeconfig credentials, which do not say which user kube-apiserver authenticates: ` +
          'give the caller as the user of the request instead (explain --user/--group, or the identity argument)',
      );
    }
    if (flag === '--dry-run') {
      const mode = eq < 0 ? 'unchanged' : token.slice(eq + 1);
      if (mode !== 'server') {
        throw new RequestSpecError(
          `--dry-run${eq < 0 ? '' : `=${mode}`} sends no change to kube-apiserver at all; use --dry-run=server ` +
            '(audited like the real request) or leave it out',
        );
      }
      continue;
    }
    if (flag in VALUE_FLAGS) {
      let value: string;
      if (eq >= 0) value = token.slice(eq + 1);
      else {
        const next = tokens[i + 1];
        if (next === undefined || (next.startsWith('-') && next !== '-')) {
          throw new RequestSpecError(`${flag} needs a value`);
        }
        value = next;
        i++;
      }
      VALUE_FLAGS[flag]?.(flags, value);
    } else if (flag in BOOL_FLAGS) {
      if (eq >= 0 && !/^(true|false)$/.test(token.slice(eq + 1))) {
        throw new RequestSpecError(`${flag} takes no value (or =true/=false), got ${JSON.stringify(token)}`);
      }
      if (eq < 0 || token.slice(eq + 1) === 'true') BOOL_FLAGS[flag]?.(flags, '');
    } else {
      throw new RequestSpecError(
        `unsupported flag ${flag}; supported: -n, -A, -w, --watch-only, -l, --field-selector, --subresource, ` +
          '--raw, -c, -i, -t, --all, --server-side, --as, --as-group, --unauthenticated, --spdy (and flags that ' +
          'change nothing the policy sees, such as -o, --image, --context)',
      );
    }
  }
  return flags;
}
