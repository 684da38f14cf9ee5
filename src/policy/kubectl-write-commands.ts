import { resolveResourceType } from './api-resources';
import { KubectlFlags } from './kubectl-flags';
import {
  refuseAutoscaleWithoutMax,
  refuseLabelWithoutChange,
  refusePatchWithoutPatch,
  refuseScaleWithoutReplicas,
  scaleHasPrecondition,
  refuseSetImageWithoutChange,
} from './kubectl-required-args';
import {
  Command,
  DEFAULT_NAMESPACE,
  Plan,
  Target,
  namespaceOf,
  listParams,
  noSelectors,
  object,
  objectArgs,
  perObject,
  resourceUrl,
  unknownTypeNotes,
  WATCH_LIST_IN_BRIEF,
} from './kubectl-plan';
import { rawRequest } from './kubectl-raw';
import { rollout } from './kubectl-rollout';
import { deleteWaitNote, refuseDeleteOptions } from './kubectl-delete-options';
import { RequestSpecError } from './request-spec-error';

// kubectl commands that change objects: create (POST to the collection), apply, edit, patch, label,
// annotate (PATCH), replace (PUT), scale, delete (one DELETE per named object), rollout (kubectl-rollout.ts),
// certificate approve/deny, run, expose, set, taint, autoscale.

// kubectl create subcommands whose first word after the type picks a generator, not a name.
const CREATE_GENERATORS: Record<string, readonly string[]> = {
  secrets: ['generic', 'tls', 'docker-registry'],
  services: ['clusterip', 'nodeport', 'loadbalancer', 'externalname'],
};

// kubectl create subcommands that take "-- COMMAND [args...]" for the container (create_deployment.go, ...).
const CREATE_WITH_COMMAND = new Set(['deployments', 'jobs', 'cronjobs']);

function create(args: readonly string[], flags: KubectlFlags): Plan {
  const raw = rawRequest('create', args, flags);
  if (raw) return raw;
  if (args[0] === 'token') {
    const sa = args[1];
    if (!sa)
      throw new RequestSpecError(
        '"create token" needs a ServiceAccount name, e.g. "create token builder -n ci"',
      );
    const t: Target = {
      type: resolveResourceType('serviceaccounts'),
      namespace: flags.namespace ?? DEFAULT_NAMESPACE,
      name: sa,
    };
    return { method: 'POST', url: resourceUrl(t, 'token') };
  }
  if (args.length === 0)
    throw new RequestSpecError('"create" needs a resource type, e.g. "create deployment web --image=nginx"');
  const type = resolveResourceType(args[0]);
  if (flags.command.length > 0 && !CREATE_WITH_COMMAND.has(type.resource)) {
    // Only create deployment|job|cronjob take "-- COMMAND"; for the others cobra passes the words as more
    // names, which kubectl refuses ("exactly one NAME is required").
    throw new RequestSpecError(
      `"create ${args[0]}" takes no command after "--" (only create deployment, job and cronjob do); got ` +
        flags.command.join(' '),
    );
  }
  const generators = CREATE_GENERATORS[type.resource];
  const rest = generators && generators.includes(args[1]) ? args.slice(2) : args.slice(1);
  if (rest.length > 1) throw new RequestSpecError(`one object at a time: got names ${rest.join(', ')}`);
  // A POST goes to the collection: the new object's name is only in the body, not in the attributes.
  const t: Target = { type, namespace: namespaceOf(type, flags, false), name: '' };
  const notes = unknownTypeNotes(type);
  const from = flags.from;
  if (type.resource === 'jobs' && from !== undefined) {
    // create_job.go --from=cronjob/NAME: reads the CronJob to copy its job template.
    const cronJob = resolveResourceType('cronjobs');
    const source = resourceUrl({ type: cronJob, namespace: t.namespace, name: from.replace(/^[^/]*\//, '') });
    notes.push(`kubectl first reads the CronJob: GET ${source} (verb get)`);
    return { method: 'POST', url: resourceUrl(t), read: source, notes };
  }
  return { method: 'POST', url: resourceUrl(t), notes };
}

function apply(args: readonly string[], flags: KubectlFlags): Plan {
  // apply view-last-applied reads the object (its last-applied-configuration annotation); edit-last-applied
  // reads it and patches the annotation, as edit does (pkg/cmd/apply, pkg/cmd/util/editor).
  if (args[0] === 'view-last-applied' || args[0] === 'edit-last-applied') {
    const t = object(args.slice(1), `apply ${args[0]}`, flags, { nameRequired: true });
    if (args[0] === 'view-last-applied') return { method: 'GET', url: resourceUrl(t) };
    return {
      method: 'PATCH',
      url: resourceUrl(t),
      read: resourceUrl(t),
      notes: [`kubectl first reads the object: GET ${resourceUrl(t)} (verb get)`],
    };
  }
  if (args[0] === 'set-last-applied') {
    throw new RequestSpecError(
      '"apply set-last-applied" takes the objects from files (-f): for each it reads the object and patches ' +
        'its last-applied-configuration annotation; describe one with "patch TYPE NAME"',
    );
  }
  const t = object(args, 'apply', flags, { nameRequired: true });
  const url = resourceUrl(t, flags.serverSide ? (flags.subresource ?? '') : '');
  // apply/prune.go: after the objects are applied, every type it may prune is listed (label selector, or the
  // ApplySet's parent with --applyset) and each object the files no longer hold is deleted.
  const prune = flags.switches.has('--prune')
    ? [
        '--prune: after applying, kubectl lists the objects it may prune (one list per type, by the -l selector or ' +
          'the --applyset parent) and sends a DELETE for each one the files no longer hold, each audited on its own',
      ]
    : [];
  if (flags.serverSide && flags.dryRunClient !== undefined) {
    // apply.go Validate refuses the pair before anything is sent.
    throw new RequestSpecError(
      `kubectl refuses ${flags.dryRunClient} with --server-side ("--dry-run=client doesn't work with ` +
        '--server-side (did you mean --dry-run=server instead?)") and sends nothing; use --dry-run=server',
    );
  }
  if (flags.serverSide) {
    return {
      method: 'PATCH',
      url,
      notes: [
        'server-side apply is one PATCH (application/apply-patch+yaml), which also creates a new object',
        ...prune,
      ],
    };
  }
  if (flags.subresource !== undefined)
    throw new RequestSpecError('--subresource needs --server-side with apply');
  return {
    method: 'PATCH',
    url,
    read: url,
    notes: [
      `kubectl first reads the object: GET ${url} (verb get); a new object is created instead of patched: ` +
        `POST ${resourceUrl({ ...t, name: '' })} (verb create)`,
      ...prune,
    ],
  };
}

// label/annotate --list (label.go, annotate.go): the objects are read and their labels printed; no PATCH.
function listOnly(command: string, objects: readonly string[], flags: KubectlFlags): Plan {
  const t = object(objects, command, flags, {
    nameRequired: !flags.all && flags.labelSelector === undefined,
    allowAll: true,
  });
  const params: Array<[string, string]> = t.name === '' ? listParams(flags) : [];
  return {
    method: 'GET',
    url: resourceUrl(t, '', params),
    notes: [`${command} --list only reads and prints; it sends no PATCH`, ...unknownTypeNotes(t.type)],
  };
}

function patchLike(command: string, method: 'PATCH' | 'PUT', readFirst: boolean) {
  return (args: readonly string[], flags: KubectlFlags): Plan => {
    const raw = command === 'replace' ? rawRequest(command, args, flags) : undefined;
    if (raw) return raw;
    // label/annotate: "key=value" and "key-" words are the change, not object names.
    const labels = command === 'label' || command === 'annotate';
    const objects = labels ? args.filter((a) => !/=|-$/.test(a)) : args;
    if (labels && flags.list) return listOnly(command, objects, flags);
    if (labels) refuseLabelWithoutChange(command, objects, args);
    if (command === 'patch') refusePatchWithoutPatch(args, flags);
    if (labels && (flags.all || flags.labelSelector !== undefined)) {
      throw perObject(command, objects, flags, method);
    }
    noSelectors(flags, command);
    const t = object(objects, command, flags, { nameRequired: true });
    if (command === 'replace' && flags.force) {
      // replace.go forceReplace(): DELETE the object, wait for it to go, then POST it anew.
      throw new RequestSpecError(
        `"replace --force" deletes the object (DELETE ${resourceUrl(t)}, verb delete) and creates it again ` +
          `(POST ${resourceUrl({ ...t, name: '' })}, verb create); describe each one, e.g. ` +
          `"delete ${objects.join(' ')}" and "create ..."`,
      );
    }
    const url = resourceUrl(t, flags.subresource ?? '');
    return {
      method,
      url,
      ...(readFirst ? { read: url } : {}),
      notes: [
        ...(readFirst ? [`kubectl first reads the object: GET ${url} (verb get)`] : []),
        ...unknownTypeNotes(t.type),
      ],
    };
  };
}

function del(args: readonly string[], flags: KubectlFlags): Plan {
  refuseDeleteOptions(flags);
  const raw = rawRequest('delete', args, flags);
  if (raw) return raw;
  const { name } = objectArgs(args, 'delete');
  if (name === '' && (flags.all || flags.labelSelector !== undefined || flags.fieldSelector !== undefined)) {
    throw perObject('delete', args, flags, 'DELETE');
  }
  if (name === '') {
    throw new RequestSpecError(
      '"delete TYPE" needs an object name (kubectl refuses "resource(s) were provided, but no name was specified")',
    );
  }
  noSelectors(flags, 'delete');
  const t = object(args, 'delete', flags, { nameRequired: true });
  // delete.go: no read first (RequireObject(false)); with --wait (the default) kubectl then waits for the
  // object to go: GET, list and watch it by name, as "wait --for=delete". DeleteResult returns before that
  // wait in a dry run ("If we are dry-running, then we don't want to wait").
  const byName = resourceUrl({ ...t, name: '' }, '', [['fieldSelector', `metadata.name=${t.name}`]]);
  return {
    method: 'DELETE',
    url: resourceUrl(t),
    notes: [deleteWaitNote(flags, resourceUrl(t), byName, WATCH_LIST_IN_BRIEF), ...unknownTypeNotes(t.type)],
  };
}

function scale(args: readonly string[], flags: KubectlFlags): Plan {
  refuseScaleWithoutReplicas(flags);
  if (flags.all || flags.labelSelector !== undefined) throw perObject('scale', args, flags, 'PATCH');
  const t = object(args, 'scale', flags, { nameRequired: true });
  const url = resourceUrl(t, 'scale');
  // The builder reads the object; kubectl's scaler then sends a merge patch of the scale subresource, or
  // GET + PUT of it with a precondition.
  const read = `kubectl first reads the object: GET ${resourceUrl(t)} (verb get)`;
  if (scaleHasPrecondition(flags)) {
    return {
      method: 'PUT',
      url,
      read: resourceUrl(t),
      notes: [read, `then reads the scale: GET ${url} (verb get)`],
    };
  }
  return { method: 'PATCH', url, read: resourceUrl(t), notes: [read] };
}

const SET_SUBCOMMANDS: Record<string, (words: readonly string[]) => string[]> = {
  image: (w) => w.filter((a) => !a.includes('=')),
  env: (w) => w.filter((a) => !a.includes('=') && !a.endsWith('-')),
  resources: (w) => [...w],
  // TYPE NAME SERVICEACCOUNT or TYPE/NAME SERVICEACCOUNT; TYPE NAME SELECTOR or TYPE/NAME SELECTOR.
  serviceaccount: (w) => w.slice(0, w[0]?.includes('/') ? 1 : 2),
  sa: (w) => w.slice(0, w[0]?.includes('/') ? 1 : 2),
  selector: (w) => w.slice(0, w[0]?.includes('/') ? 1 : 2),
  subject: (w) => [...w],
};

function set(args: readonly string[], flags: KubectlFlags): Plan {
  const [sub, ...rest] = args;
  const objectWords =
    sub !== undefined && Object.hasOwn(SET_SUBCOMMANDS, sub) ? SET_SUBCOMMANDS[sub] : undefined;
  if (!objectWords) {
    throw new RequestSpecError(
      'supported: set image|env|resources|serviceaccount|selector|subject TYPE/NAME ..., e.g. "set image deploy/web app=nginx:1.27"',
    );
  }
  if (sub === 'image') refuseSetImageWithoutChange(rest);
  if (flags.all || flags.labelSelector !== undefined) throw perObject(`set ${sub}`, rest, flags, 'PATCH');
  const t = object(objectWords(rest), `set ${sub}`, flags, { nameRequired: true });
  const url = resourceUrl(t);
  if (sub === 'env' && flags.list) {
    // set_env.go: with --list the builder reads the object, kubectl prints its environment and returns
    // before any PATCH ("if o.List { return nil }"); --resolve reads what valueFrom refers to
    // (envutil.GetEnvVarRefValue: a GET of the Secret or ConfigMap by name).
    const refs = ['secrets', 'configmaps'].map((r) =>
      resourceUrl({ type: resolveResourceType(r), namespace: t.namespace, name: 'NAME' }),
    );
    return {
      method: 'GET',
      url,
      notes: [
        'set env --list only reads and prints; it sends no PATCH',
        ...(flags.resolve
          ? [
              `--resolve: kubectl also reads each Secret and ConfigMap a variable refers to: GET ${refs[0]}, ` +
                `GET ${refs[1]} (verb get, with their names)`,
            ]
          : []),
        ...unknownTypeNotes(t.type),
      ],
    };
  }
  return {
    method: 'PATCH',
    url,
    read: url,
    notes: [
      `kubectl first reads the object: GET ${url} (verb get)`,
      ...(sub === 'env' && flags.from !== undefined ? [fromNote(flags.from, t.namespace)] : []),
      ...unknownTypeNotes(t.type),
    ],
  };
}

// set env --from=secret/NAME (or configmap/NAME): the builder reads that object to copy its keys.
function fromNote(from: string, namespace: string): string {
  const slash = from.indexOf('/');
  const type = slash > 0 ? resolveResourceType(from.slice(0, slash)) : undefined;
  if (type === undefined || slash === from.length - 1) {
    throw new RequestSpecError(`--from takes TYPE/NAME, e.g. --from=secret/db, got ${JSON.stringify(from)}`);
  }
  const source = resourceUrl({ type, namespace, name: from.slice(slash + 1) });
  return `--from ${from}: kubectl also reads it to copy its keys: GET ${source} (verb get)`;
}

// taint NODE KEY=VALUE:EFFECT | KEY:EFFECT- (pkg/cmd/taint): GET the Node, PATCH it (strategic merge).
function taint(args: readonly string[], flags: KubectlFlags): Plan {
  const objects = args.filter((a) => !a.includes(':') && !a.includes('=') && !a.endsWith('-'));
  if (flags.all || flags.labelSelector !== undefined) throw perObject('taint', objects, flags, 'PATCH');
  const t = object(objects, 'taint', flags, { nameRequired: true });
  if (t.type.resource !== 'nodes' || t.type.group !== '') {
    throw new RequestSpecError(
      `"taint" works on Nodes only, got ${t.type.resource}; e.g. "taint nodes worker-1 key=value:NoSchedule"`,
    );
  }
  return {
    method: 'PATCH',
    url: resourceUrl(t),
    read: resourceUrl(t),
    notes: [`kubectl first reads the Node: GET ${resourceUrl(t)} (verb get)`],
  };
}

// autoscale TYPE NAME (pkg/cmd/autoscale): GET the target, POST an autoscaling/v2 HorizontalPodAutoscaler
// in its namespace (autoscaling/v1 only if v2 fails).
function autoscale(args: readonly string[], flags: KubectlFlags): Plan {
  refuseAutoscaleWithoutMax(flags);
  const target = object(args, 'autoscale', flags, { nameRequired: true });
  const hpa = resolveResourceType('horizontalpodautoscalers.autoscaling');
  return {
    method: 'POST',
    url: resourceUrl({ type: hpa, namespace: target.namespace || DEFAULT_NAMESPACE, name: '' }),
    read: resourceUrl(target),
    notes: [`kubectl first reads the target: GET ${resourceUrl(target)} (verb get)`],
  };
}

function certificate(args: readonly string[]): Plan {
  const [sub, name, ...extra] = args;
  if (sub === 'approve' || sub === 'deny') {
    if (!name) {
      throw new RequestSpecError(
        `"certificate ${sub}" needs a CSR name, e.g. "certificate ${sub} csr-abc12"`,
      );
    }
    if (extra.length > 0) {
      // certificates.go: ResourceNames("certificatesigningrequest", args...): one GET and one PUT per CSR.
      throw new RequestSpecError(
        `one CSR at a time: got ${[name, ...extra].join(', ')} (kubectl sends one request per CSR); describe one ` +
          `of them, e.g. "certificate ${sub} ${name}"`,
      );
    }
  } else {
    throw new RequestSpecError(
      `"certificate ${sub ?? ''}" is not a kubectl command; supported: certificate approve|deny CSR_NAME`,
    );
  }
  const t: Target = { type: resolveResourceType('csr'), namespace: '', name };
  return {
    method: 'PUT',
    url: resourceUrl(t, 'approval'),
    notes: [`kubectl first reads the CertificateSigningRequest: GET ${resourceUrl(t)} (verb get)`],
  };
}

function run(args: readonly string[], flags: KubectlFlags): Plan {
  // run.go: NAME, then the container's arguments, with or without "--" (params["args"] = args[1:]).
  if (args.length === 0)
    throw new RequestSpecError(
      '"run" needs a Pod name ("NAME is required for run"), e.g. "run debug --image=busybox"',
    );
  const type = resolveResourceType('pods');
  const t: Target = { type, namespace: namespaceOf(type, flags, false), name: args[0] };
  // run.go Complete: --attach defaults to -i (so --attach alone attaches, --attach=false with -i does not);
  // waitForPod lists and watches the Pod by name (UntilWithSync, field selector metadata.name) before
  // attaching; --rm then deletes it.
  const byName = resourceUrl({ ...t, name: '' }, '', [['fieldSelector', `metadata.name=${t.name}`]]);
  const notes =
    (flags.attach ?? flags.stdin)
      ? [
          `then waits for the Pod to run (GET ${byName}, verb list, and a watch of it) and attaches: ` +
            `GET ${resourceUrl(t, 'attach')}?... (verb get, pods/attach)` +
            (flags.rm ? `, then deletes it: DELETE ${resourceUrl(t)} (verb delete)` : ''),
        ]
      : [];
  if (flags.expose) {
    // run.go: --expose creates a ClusterIP Service after the Pod (and --rm deletes it too).
    const svc = resourceUrl({ type: resolveResourceType('services'), namespace: t.namespace, name: '' });
    notes.unshift(`--expose: kubectl also creates a Service: POST ${svc} (verb create)`);
  }
  return { method: 'POST', url: resourceUrl({ ...t, name: '' }), notes };
}

function expose(args: readonly string[], flags: KubectlFlags): Plan {
  const exposed = object(args, 'expose', flags, { nameRequired: true });
  const type = resolveResourceType('services');
  return {
    method: 'POST',
    url: resourceUrl({ type, namespace: namespaceOf(type, flags, false), name: '' }),
    read: resourceUrl(exposed),
    notes: [`kubectl first reads the exposed object: GET ${resourceUrl(exposed)} (verb get)`],
  };
}

/** The changing commands by name. */
export const WRITE_COMMANDS: Record<string, Command> = {
  create,
  apply,
  edit: patchLike('edit', 'PATCH', true),
  patch: patchLike('patch', 'PATCH', true),
  label: patchLike('label', 'PATCH', true),
  annotate: patchLike('annotate', 'PATCH', true),
  replace: patchLike('replace', 'PUT', false),
  scale,
  delete: del,
  rollout,
  certificate,
  run,
  expose,
  set,
  taint,
  autoscale,
};
