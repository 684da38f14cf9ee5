import { resolveResourceType } from './api-resources';
import { KubectlFlags } from './kubectl-flags';
import { Command, Plan } from './kubectl-plan';
import { RequestSpecError } from './request-spec-error';

// kubectl commands that read discovery and OpenAPI documents (non-resource URLs): api-resources,
// api-versions, explain; and the commands that send nothing to kube-apiserver at all (config, kustomize,
// completion, ...) or only for objects read from files (diff), which are refused with the reason.

const DISCOVERY_NOTE =
  'then GET /apis; without aggregated discovery (kube-apiserver before 1.30) also GET /api/v1 and ' +
  'GET /apis/GROUP/VERSION for every group version';

// api-resources and api-versions invalidate kubectl's discovery cache (~/.kube/cache) and read discovery
// again: GET /api first (client-go discovery), then /apis. `api-resources --cached` may send nothing.
function discovery(command: string) {
  return (args: readonly string[], flags: KubectlFlags): Plan => {
    if (args.length > 0) throw new RequestSpecError(`"${command}" takes no arguments, got ${args.join(' ')}`);
    // apiresources.go: --cached skips the Invalidate() of the discovery cache.
    const cached = flags.switches.has('--cached')
      ? [
          '--cached: kubectl answers from its discovery cache (~/.kube/cache/discovery) and sends these requests ' +
            'only when that cache is missing or has expired',
        ]
      : [];
    // api-versions reads only the group lists (DiscoveryClient.ServerGroups): GET /api and GET /apis.
    const discoveryNote = command === 'api-versions' ? 'then GET /apis' : DISCOVERY_NOTE;
    return { method: 'GET', url: '/api', notes: [discoveryNote, ...cached] };
  };
}

// explain RESOURCE[.FIELD...] (pkg/cmd/explain): the OpenAPI v3 document of the resource's group version
// (--api-version: that group version instead), found through the index at /openapi/v3; with
// -o plaintext-openapiv2 the OpenAPI v2 document, GET /openapi/v2.
function explain(args: readonly string[], flags: KubectlFlags): Plan {
  const [path, ...extra] = args;
  if (path === undefined) throw new RequestSpecError('"explain" needs a resource, e.g. "explain pods.spec"');
  if (extra.length > 0)
    throw new RequestSpecError(`"explain" takes one RESOURCE[.FIELD], got ${args.join(' ')}`);
  const type = resolveResourceType(path.split('.')[0]);
  if (flags.output === 'plaintext-openapiv2') {
    return {
      method: 'GET',
      url: '/openapi/v2',
      notes: ['-o plaintext-openapiv2 reads the OpenAPI v2 document'],
    };
  }
  let gv = type.group === '' ? `api/${type.version}` : `apis/${type.group}/${type.version}`;
  if (flags.apiVersion !== undefined) {
    // schema.ParseGroupVersion: "group/version", or "version" of the core group.
    const parts = flags.apiVersion.split('/');
    if (parts.length > 2 || parts.some((p) => p === '')) {
      throw new RequestSpecError(
        `--api-version takes GROUP/VERSION or VERSION, got ${JSON.stringify(flags.apiVersion)}`,
      );
    }
    gv = parts.length === 1 ? `api/${parts[0]}` : `apis/${parts[0]}/${parts[1]}`;
  }
  return {
    method: 'GET',
    url: `/openapi/v3/${gv}`,
    notes: [
      'kubectl first reads discovery (GET /api, GET /apis, unless cached) and the OpenAPI index: GET /openapi/v3',
    ],
  };
}

function diff(): Plan {
  throw new RequestSpecError(
    '"diff" compares files (-f/-k) with the cluster: for each object it reads it (GET, verb get) and sends a ' +
      'dry-run apply (PATCH ...?dryRun=All, verb patch; POST for a new object); describe one of them, e.g. ' +
      '"apply deployment/web -n prod --server-side --dry-run=server"',
  );
}

const LOCAL_COMMANDS = ['config', 'kustomize', 'completion', 'plugin', 'options', 'help', 'kuberc', 'alpha'];

function local(command: string) {
  return (): Plan => {
    throw new RequestSpecError(
      `"${command}" runs locally: kubectl sends no request to kube-apiserver, so nothing is audited` +
        (command === 'kustomize' ? ' (apply -k sends the objects it builds: describe each one)' : ''),
    );
  };
}

/**
 * Commands refused whatever their flags say (they send nothing, or only for files): refused before the
 * flags are read, since each has flags of its own (config view --minify, plugin list --name-only, ...).
 */
export const REFUSED_WHATEVER_THE_FLAGS: ReadonlySet<string> = new Set([...LOCAL_COMMANDS, 'diff']);

/** The discovery and local commands by name. */
export const LOCAL_COMMAND_TABLE: Record<string, Command> = {
  'api-resources': discovery('api-resources'),
  'api-versions': discovery('api-versions'),
  explain,
  diff,
  ...Object.fromEntries(LOCAL_COMMANDS.map((c) => [c, local(c)])),
};
