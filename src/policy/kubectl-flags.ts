import {
  COMMAND_FLAGS,
  CREDENTIAL_FLAGS,
  DRY_RUN_COMMANDS,
  FLAGS,
  FlagSpec,
  KubectlFlags,
  OPTIONAL_VALUE_FLAGS,
} from './kubectl-flag-tables';
import { RequestSpecError } from './request-spec-error';

// Reads a kubectl command line's flags as pflag (the flag library of kubectl) does: `--flag value`,
// `--flag=value`, boolean `--flag` or `--flag=false`, and short flags in every form pflag accepts —
// `-n prod`, `-n=prod`, `-nprod`, bundled booleans `-it`, and a bundle ending in a flag with its value
// (`-itn prod`, `-itnprod`). What the flags mean is data (kubectl-flag-tables.ts).

export type { KubectlFlags } from './kubectl-flag-tables';

export function flagSpec(flag: string, command: string): FlagSpec | undefined {
  return COMMAND_FLAGS[command]?.[flag] ?? (Object.hasOwn(FLAGS, flag) ? FLAGS[flag] : undefined);
}

/** Whether the word is a flag followed by its value as the next word (for finding the command word). */
export function takesValue(word: string): boolean {
  // The credential flags are refused when the flags are read, but each takes a value all the same: in
  // "--token abc get pods" the command is get, not abc.
  if (word.startsWith('--'))
    return !word.includes('=') && (flagSpec(word, '')?.value === true || CREDENTIAL_FLAGS.has(word));
  // A short bundle: the value is the next word when the first flag taking one ends the word.
  for (let j = 1; j < word.length; j++) {
    const s = flagSpec(`-${word[j]}`, '');
    if (s === undefined) return false;
    if (s.value) return j === word.length - 1;
  }
  return false;
}

function unsupported(flag: string): RequestSpecError {
  return new RequestSpecError(
    `unsupported flag ${flag}; supported: -n, -A, -w, --watch-only, -l, --field-selector, --subresource, ` +
      '--raw, -c, -i/-t (exec, attach, run, debug), --all, --server-side, --dry-run=server, --as, --as-group, ' +
      '--unauthenticated, --spdy (and flags that change nothing the policy sees, such as -o, --image, --context)',
  );
}

function refuseSpecial(flag: string, command: string): void {
  if (flag === '-f' || flag === '--filename' || flag === '-k' || flag === '--kustomize') {
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
}

// kubectl's GetDryRunStrategy (pkg/cmd/util/helpers.go): server, none, client, and the deprecated
// booleans (true = client, false = none) and bare --dry-run (client).
function dryRun(flags: KubectlFlags, value: string, given: string, command: string): void {
  if (!DRY_RUN_COMMANDS.has(command)) {
    throw new RequestSpecError(`"${command}" has no --dry-run flag (kubectl refuses it)`);
  }
  if (value === 'server') flags.dryRunServer = true;
  else if (value === 'client' || value === 'unchanged' || value === 'true') flags.dryRunClient = given;
  else if (value !== 'none' && value !== 'false') {
    throw new RequestSpecError(`${given}: kubectl accepts --dry-run=none, server or client`);
  }
}

// pflag's boolean flags read their value with strconv.ParseBool.
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

function setBool(flags: KubectlFlags, flag: string, s: FlagSpec, value: string | undefined): void {
  if (value !== undefined && !GO_TRUE.has(value) && !GO_FALSE.has(value)) {
    throw new RequestSpecError(
      `${flag} takes no value (or =true/=false), got ${JSON.stringify(value)} (kubectl: strconv.ParseBool: invalid syntax)`,
    );
  }
  const on = value === undefined || GO_TRUE.has(value);
  if (on) flags.switches.add(flag);
  else flags.switches.delete(flag);
  s.set?.(flags, on ? 'true' : 'false');
}

/** Reads the flags and positionals of a kubectl command line (after the word `kubectl`). */
export function parseKubectlFlags(tokens: readonly string[], command: string): KubectlFlags {
  const flags: KubectlFlags = {
    positionals: [],
    command: [],
    given: new Set(),
    switches: new Set(),
    values: new Map(),
    allNamespaces: false,
    watch: false,
    watchOff: false,
    watchOnly: false,
    asGroups: [],
    unauthenticated: false,
    spdy: false,
    stdin: false,
    tty: false,
    all: false,
    serverSide: false,
    list: false,
    disableEviction: false,
    follow: false,
    previous: false,
    allPods: false,
    allContainers: false,
    dryRunServer: false,
    force: false,
    rm: false,
  };
  const nextValue = (flag: string, i: number): string => {
    const next = tokens[i + 1];
    // pflag takes the next word as the value whatever it is; a negative number ("--tail -1") is surely one,
    // while another word that starts with "-" is more likely a flag after a forgotten value.
    if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-[0-9]/.test(next))) {
      throw new RequestSpecError(`${flag} needs a value`);
    }
    return next;
  };
  // --local (label, annotate, set ...) changes the object of the file (-f/-k) on this machine: the files are no
  // reason to refuse, the offline answer (nothing is sent) is given once the flags are read.
  const dash = tokens.indexOf('--');
  const local = (dash < 0 ? tokens : tokens.slice(0, dash)).some(
    (t) => t === '--local' || t === '--local=true',
  );
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === '--') {
      flags.command = tokens.slice(i + 1);
      break;
    }
    if (local && /^(?:-f|-k|--filename|--kustomize)(?:=|$)/.test(token)) {
      if (!token.includes('=')) i++;
      continue;
    }
    if (local && /^-[fk]./.test(token)) continue;
    if (!token.startsWith('-') || token === '-') {
      flags.positionals.push(token);
      continue;
    }
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const flag = eq < 0 ? token : token.slice(0, eq);
      const value = eq < 0 ? undefined : token.slice(eq + 1);
      if (Object.hasOwn(OPTIONAL_VALUE_FLAGS, flag)) {
        if (flag === '--dry-run') dryRun(flags, value ?? OPTIONAL_VALUE_FLAGS[flag], token, command);
        continue;
      }
      const s = flagSpec(flag, command);
      if (s === undefined) {
        refuseSpecial(flag, command);
        throw unsupported(flag);
      }
      if (!s.value) setBool(flags, flag, s, value);
      else {
        // Read the value before setting: a flag without a setter still consumes its value word.
        const v = value ?? nextValue(flag, i++);
        flags.given.add(flag);
        flags.values.set(flag, v);
        s.set?.(flags, v);
      }
      continue;
    }
    // Short flags (pflag parseShortArg): booleans until the first flag that takes a value, which takes
    // the rest of the word (without a leading "=") or else the next word; "-x=v" gives any flag a value.
    for (let j = 1; j < token.length; j++) {
      const flag = `-${token[j]}`;
      const s = flagSpec(flag, command);
      if (s === undefined) {
        refuseSpecial(flag, command);
        throw unsupported(token.length > 2 ? `${flag} (in ${token})` : flag);
      }
      const rest = token.slice(j + 1);
      if (s.value) flags.given.add(flag);
      if (rest.startsWith('=')) {
        if (s.value) flags.values.set(flag, rest.slice(1));
        if (s.value) s.set?.(flags, rest.slice(1));
        else setBool(flags, flag, s, rest.slice(1));
        break;
      }
      if (!s.value) {
        flags.switches.add(flag);
        s.set?.(flags, 'true');
        continue;
      }
      const v = rest !== '' ? rest : nextValue(flag, i++);
      flags.values.set(flag, v);
      s.set?.(flags, v);
      break;
    }
  }
  return flags;
}
