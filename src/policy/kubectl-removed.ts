import { RequestSpecError } from './request-spec-error';

// Commands and flags that old blog posts and runbooks still show but kubectl no longer has: the kubectl of a
// cluster today refuses them ("unknown flag", "unknown command") and sends nothing. Each says the release
// that removed it (kubernetes CHANGELOG-1.x and the pull request that removed it) and what to write now.

interface Removed {
  /** The release whose kubectl no longer has it. */
  removedIn: string;
  /** What to write instead, or why leaving it out changes nothing. */
  instead: string;
}

const REMOVED_COMMANDS: Record<string, Removed> = {
  // kubernetes#88051 (1.18); hidden and deprecated since 1.11. It worked on ReplicationControllers.
  'rolling-update': {
    removedIn: '1.18',
    instead:
      'a current kubectl refuses it and sends nothing; update a Deployment instead, e.g. "kubectl set image ' +
      'deployment/web web=nginx:1.27" or "kubectl rollout restart deployment/web"',
  },
  // Renamed to run after v0.17.0, before 1.0 (kubernetes#8319).
  'run-container': {
    removedIn: '0.18, renamed to run',
    instead: 'a current kubectl refuses it and sends nothing; write "kubectl run NAME --image=IMAGE"',
  },
  // kubectl/issues#725: removed from kubectl in 1.20, shipped since as the kubectl-convert plugin, which
  // converts manifests locally.
  convert: {
    removedIn: '1.20',
    instead:
      'it is now the separate kubectl-convert plugin (kubectl runs it when it is installed), which converts ' +
      'files locally and sends no request to kube-apiserver, so nothing is audited',
  },
};

const REMOVED_FLAGS: Record<string, Record<string, Removed>> = {
  // CHANGELOG-1.28, kubernetes#116720: the short output became the default.
  version: {
    '--short': {
      removedIn: '1.28',
      instead: 'leave it out: kubectl version prints the short form by default',
    },
  },
  get: {
    // Deprecated in 1.14 (kubernetes#73787), removed in 1.18 (kubernetes#88649).
    '--export': {
      removedIn: '1.18',
      instead: 'leave it out; -o yaml prints the object with its status, which you strip yourself',
    },
    // Deprecated in 1.10 and without effect since 1.11 (Pods of every phase are listed), removed in 1.14
    // (kubernetes#69255).
    '--show-all': { removedIn: '1.14', instead: 'leave it out: get lists Pods of every phase' },
    '-a': { removedIn: '1.14 (-a was --show-all)', instead: 'leave it out: get lists Pods of every phase' },
  },
  run: {
    // No effect since 1.18, when run started to create only Pods (kubernetes#87077); removed in 1.21
    // (kubernetes#99732) with --replicas, --schedule, --service-generator and --service-overrides.
    '--generator': {
      removedIn: '1.21',
      instead:
        'leave it out: kubectl run creates a Pod; for a Deployment, Job or CronJob use "kubectl create ' +
        'deployment|job|cronjob"',
    },
    '--replicas': {
      removedIn: '1.21',
      instead:
        'kubectl run creates one Pod; for replicas use "kubectl create deployment NAME --image=IMAGE --replicas=N"',
    },
    '--schedule': {
      removedIn: '1.21',
      instead: 'use "kubectl create cronjob NAME --image=IMAGE --schedule=..."',
    },
    '--service-generator': {
      removedIn: '1.21',
      instead: 'leave it out (with --expose kubectl makes a Service)',
    },
    '--service-overrides': { removedIn: '1.21', instead: 'leave it out' },
    // Deprecated in 1.21, without effect from 1.23, removed in 1.24 (kubernetes#108820).
    '--serviceaccount': { removedIn: '1.24', instead: 'use --overrides to set spec.serviceAccountName' },
    '--hostport': { removedIn: '1.24', instead: 'use --overrides to set the container port' },
    '--requests': {
      removedIn: '1.24',
      instead: 'use --overrides, or "kubectl set resources" on the Pod afterwards',
    },
    '--limits': {
      removedIn: '1.24',
      instead: 'use --overrides, or "kubectl set resources" on the Pod afterwards',
    },
  },
  // Deprecated in 1.20 for --delete-emptydir-data (kubernetes#95076); kubectl 1.31 no longer has it.
  drain: {
    '--delete-local-data': { removedIn: '1.31', instead: 'write --delete-emptydir-data' },
  },
};

/** Throws for a command kubectl no longer has (rolling-update, run-container, convert). */
export function refuseRemovedCommand(verb: string): void {
  const removed = Object.hasOwn(REMOVED_COMMANDS, verb) ? REMOVED_COMMANDS[verb] : undefined;
  if (removed === undefined) return;
  throw new RequestSpecError(
    `"kubectl ${verb}" was removed in kubectl ${removed.removedIn}: ${removed.instead}`,
  );
}

/** Throws for a flag the command no longer has (version --short, get --export, run --generator, ...). */
export function refuseRemovedFlags(verb: string, words: readonly string[]): void {
  const table = Object.hasOwn(REMOVED_FLAGS, verb) ? REMOVED_FLAGS[verb] : undefined;
  if (table === undefined) return;
  for (const word of words) {
    if (word === '--') return;
    const flag = word.split('=')[0];
    const removed = Object.hasOwn(table, flag) ? table[flag] : undefined;
    if (removed === undefined) continue;
    throw new RequestSpecError(
      `${flag} was removed from "kubectl ${verb}" in kubectl ${removed.removedIn}: kubectl refuses it ` +
        `("unknown flag: ${flag}") and sends nothing; ${removed.instead}`,
    );
  }
}

/**
 * --record is deprecated (kubernetes#102873, 1.22) but still accepted: the command line goes into the object's
 * kubernetes.io/change-cause annotation, within the change kubectl sends; scale sends it as a second request.
 */
export function recordNote(verb: string): string {
  return verb === 'scale'
    ? '--record (deprecated since kubectl 1.22, still accepted): after the scale kubectl sends a second ' +
        'request, a merge PATCH of the object itself (verb patch, no subresource) that sets its ' +
        'kubernetes.io/change-cause annotation'
    : '--record (deprecated since kubectl 1.22, still accepted): kubectl writes the command line into the ' +
        "object's kubernetes.io/change-cause annotation, in the same request";
}

// kubectl before 1.18 picked a generator from --restart: Always (the default) made a Deployment, OnFailure a
// Job, Never a Pod (kubectl conventions, "Generators"). kubernetes#87077 (1.18) removed the generators: run
// creates a Pod whatever --restart says, which is what old runbooks still expect otherwise.
const RESTART_MADE: Record<string, string> = { Always: 'a Deployment', OnFailure: 'a Job' };

/** The note for `run --restart=Always|OnFailure`, whose object changed in 1.18; undefined otherwise. */
export function runRestartNote(words: readonly string[]): string | undefined {
  let restart: string | undefined;
  for (let i = 0; i < words.length && words[i] !== '--'; i++) {
    if (words[i].startsWith('--restart=')) restart = words[i].slice('--restart='.length);
    else if (words[i] === '--restart') restart = words[i + 1];
  }
  const made = restart === undefined ? undefined : RESTART_MADE[restart];
  if (made === undefined) return undefined;
  return (
    `--restart=${restart}: kubectl before 1.18 created ${made} here; since 1.18 kubectl run creates a Pod ` +
    `(restartPolicy ${restart}), the POST above (for ${made === 'a Job' ? 'a Job use "kubectl create job"' : 'a Deployment use "kubectl create deployment"'})`
  );
}
