import { resolveResourceType } from './api-resources';
import { KubectlFlags } from './kubectl-flags';
import {
  Command,
  LIST_CHUNK,
  Plan,
  Target,
  listParams,
  namespaceOf,
  object,
  pod,
  resourceUrl,
  unknownTypeNotes,
} from './kubectl-plan';
import { RequestSpecError } from './request-spec-error';

// kubectl commands that read: get (list, get, watch, --raw), describe, logs, top (metrics.k8s.io), auth
// (reviews, which are POSTs), version; and proxy, which sends nothing of its own.

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
      notes: [
        ...(flags.watchOnly ? [] : [`kubectl first reads the object: GET ${resourceUrl(t)} (verb get)`]),
        ...notes,
      ],
    };
  }
  const params = listParams(flags);
  if (!flags.watch)
    return { method: 'GET', url: resourceUrl(t, '', [...params, ['limit', String(LIST_CHUNK)]]), notes };
  return {
    method: 'GET',
    url: resourceUrl(t, '', [...params, ['watch', 'true']]),
    notes: [
      ...(flags.watchOnly
        ? []
        : [
            `kubectl first lists them: GET ${resourceUrl(t, '', [...params, ['limit', String(LIST_CHUNK)]])} (verb list), ` +
              "then watches from the list's resourceVersion",
          ]),
      ...notes,
    ],
  };
}

function describe(args: readonly string[], flags: KubectlFlags): Plan {
  const t = object(args, 'describe', flags, { nameRequired: false, allowAll: true });
  if (t.name !== '') return { method: 'GET', url: resourceUrl(t), notes: unknownTypeNotes(t.type) };
  return {
    method: 'GET',
    url: resourceUrl(t, '', [...listParams(flags), ['limit', String(LIST_CHUNK)]]),
    notes: unknownTypeNotes(t.type),
  };
}

function logs(args: readonly string[], flags: KubectlFlags): Plan {
  const target = pod(args, 'logs', flags);
  const params: Array<[string, string]> = [];
  if (flags.container !== undefined) params.push(['container', flags.container]);
  if (flags.follow) params.push(['follow', 'true']);
  if (flags.previous) params.push(['previous', 'true']);
  return {
    method: 'GET',
    url: resourceUrl(target, 'log', params),
    notes: [`kubectl first reads the Pod: GET ${resourceUrl(target)} (verb get)`],
  };
}

function auth(args: readonly string[], flags: KubectlFlags): Plan {
  const sub = args[0];
  const review = (group: string, resource: string): Plan => ({
    method: 'POST',
    url: resourceUrl({ type: resolveResourceType(`${resource}.${group}`), namespace: '', name: '' }),
  });
  if (sub === 'can-i') {
    if (flags.list) {
      // SelfSubjectRulesReview is cluster-scoped; the namespace travels in its spec.
      return review('authorization.k8s.io', 'selfsubjectrulesreviews');
    }
    if (args.length < 3)
      throw new RequestSpecError('"auth can-i" needs VERB and TYPE, e.g. "auth can-i get pods"');
    return review('authorization.k8s.io', 'selfsubjectaccessreviews');
  }
  if (sub === 'whoami') return review('authentication.k8s.io', 'selfsubjectreviews');
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
  const t: Target = { type, namespace: namespaceOf(type, flags, (name ?? '') === ''), name: name ?? '' };
  const params: Array<[string, string]> =
    flags.labelSelector !== undefined ? [['labelSelector', flags.labelSelector]] : [];
  return {
    method: 'GET',
    url: resourceUrl(t, '', t.name === '' ? params : []),
    notes: [
      'kubectl top first asks discovery (GET /api, GET /apis) and uses metrics.k8s.io/v1 where the server has it',
    ],
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
};
