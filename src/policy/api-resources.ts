import {
  crdAliases,
  crdCategory,
  crdOfFormerShortName,
  DECKHOUSE_CRD_RESOURCES,
} from './deckhouse-crd-resources';
import { RequestSpecError } from './request-spec-error';

// The API resources the package knows by name: what `kubectl api-resources` lists on a Deckhouse
// cluster for the built-in Kubernetes groups, and the Deckhouse custom resources operators commonly name
// (deckhouse-crd-resources.ts, each row read from its CRD). Facts as data: kubectl's names and short names,
// the preferred version, and whether the resource is namespaced.

/** One resource of the table. */
export interface ApiResource {
  /** The plural resource name, as in URLs and audit rules. */
  readonly resource: string;
  /** API group ("" = core). */
  readonly group: string;
  /** The version kubectl uses (the preferred one). */
  readonly version: string;
  readonly namespaced: boolean;
  /** Singular and short names kubectl accepts. */
  readonly aliases: readonly string[];
  /** For a custom resource: the CRD file its row was read from (deckhouse-crd-resources.ts). */
  readonly source?: string;
}

type Row = [resource: string, group: string, version: string, namespaced: boolean, ...aliases: string[]];

// Order matters where a plural exists in several groups: the first row is what kubectl picks for the
// bare name (core events before events.k8s.io, core pods before metrics.k8s.io).
const ROWS: readonly Row[] = [
  ['pods', '', 'v1', true, 'pod', 'po'],
  ['services', '', 'v1', true, 'service', 'svc'],
  ['configmaps', '', 'v1', true, 'configmap', 'cm'],
  ['secrets', '', 'v1', true, 'secret'],
  ['serviceaccounts', '', 'v1', true, 'serviceaccount', 'sa'],
  ['events', '', 'v1', true, 'event', 'ev'],
  ['endpoints', '', 'v1', true, 'ep'],
  ['persistentvolumeclaims', '', 'v1', true, 'persistentvolumeclaim', 'pvc'],
  ['replicationcontrollers', '', 'v1', true, 'replicationcontroller', 'rc'],
  ['resourcequotas', '', 'v1', true, 'resourcequota', 'quota'],
  ['limitranges', '', 'v1', true, 'limitrange', 'limits'],
  ['podtemplates', '', 'v1', true, 'podtemplate'],
  ['namespaces', '', 'v1', false, 'namespace', 'ns'],
  ['nodes', '', 'v1', false, 'node', 'no'],
  ['persistentvolumes', '', 'v1', false, 'persistentvolume', 'pv'],
  ['componentstatuses', '', 'v1', false, 'componentstatus', 'cs'],
  ['deployments', 'apps', 'v1', true, 'deployment', 'deploy'],
  ['replicasets', 'apps', 'v1', true, 'replicaset', 'rs'],
  ['statefulsets', 'apps', 'v1', true, 'statefulset', 'sts'],
  ['daemonsets', 'apps', 'v1', true, 'daemonset', 'ds'],
  ['controllerrevisions', 'apps', 'v1', true, 'controllerrevision'],
  ['jobs', 'batch', 'v1', true, 'job'],
  ['cronjobs', 'batch', 'v1', true, 'cronjob', 'cj'],
  ['horizontalpodautoscalers', 'autoscaling', 'v2', true, 'horizontalpodautoscaler', 'hpa'],
  ['poddisruptionbudgets', 'policy', 'v1', true, 'poddisruptionbudget', 'pdb'],
  ['ingresses', 'networking.k8s.io', 'v1', true, 'ingress', 'ing'],
  ['networkpolicies', 'networking.k8s.io', 'v1', true, 'networkpolicy', 'netpol'],
  ['ingressclasses', 'networking.k8s.io', 'v1', false, 'ingressclass'],
  ['endpointslices', 'discovery.k8s.io', 'v1', true, 'endpointslice'],
  ['events', 'events.k8s.io', 'v1', true, 'event', 'ev'],
  ['roles', 'rbac.authorization.k8s.io', 'v1', true, 'role'],
  ['rolebindings', 'rbac.authorization.k8s.io', 'v1', true, 'rolebinding'],
  ['clusterroles', 'rbac.authorization.k8s.io', 'v1', false, 'clusterrole'],
  ['clusterrolebindings', 'rbac.authorization.k8s.io', 'v1', false, 'clusterrolebinding'],
  ['leases', 'coordination.k8s.io', 'v1', true, 'lease'],
  [
    'customresourcedefinitions',
    'apiextensions.k8s.io',
    'v1',
    false,
    'customresourcedefinition',
    'crd',
    'crds',
  ],
  ['storageclasses', 'storage.k8s.io', 'v1', false, 'storageclass', 'sc'],
  ['volumeattachments', 'storage.k8s.io', 'v1', false, 'volumeattachment'],
  ['csidrivers', 'storage.k8s.io', 'v1', false, 'csidriver'],
  ['csinodes', 'storage.k8s.io', 'v1', false, 'csinode'],
  ['csistoragecapacities', 'storage.k8s.io', 'v1', true, 'csistoragecapacity'],
  ['priorityclasses', 'scheduling.k8s.io', 'v1', false, 'priorityclass', 'pc'],
  ['runtimeclasses', 'node.k8s.io', 'v1', false, 'runtimeclass'],
  ['certificatesigningrequests', 'certificates.k8s.io', 'v1', false, 'certificatesigningrequest', 'csr'],
  [
    'validatingwebhookconfigurations',
    'admissionregistration.k8s.io',
    'v1',
    false,
    'validatingwebhookconfiguration',
  ],
  [
    'mutatingwebhookconfigurations',
    'admissionregistration.k8s.io',
    'v1',
    false,
    'mutatingwebhookconfiguration',
  ],
  ['validatingadmissionpolicies', 'admissionregistration.k8s.io', 'v1', false, 'validatingadmissionpolicy'],
  [
    'validatingadmissionpolicybindings',
    'admissionregistration.k8s.io',
    'v1',
    false,
    'validatingadmissionpolicybinding',
  ],
  ['tokenreviews', 'authentication.k8s.io', 'v1', false, 'tokenreview'],
  ['selfsubjectreviews', 'authentication.k8s.io', 'v1', false, 'selfsubjectreview'],
  ['subjectaccessreviews', 'authorization.k8s.io', 'v1', false, 'subjectaccessreview'],
  ['selfsubjectaccessreviews', 'authorization.k8s.io', 'v1', false, 'selfsubjectaccessreview'],
  ['selfsubjectrulesreviews', 'authorization.k8s.io', 'v1', false, 'selfsubjectrulesreview'],
  ['localsubjectaccessreviews', 'authorization.k8s.io', 'v1', true, 'localsubjectaccessreview'],
  ['apiservices', 'apiregistration.k8s.io', 'v1', false, 'apiservice'],
  ['flowschemas', 'flowcontrol.apiserver.k8s.io', 'v1', false, 'flowschema'],
  ['prioritylevelconfigurations', 'flowcontrol.apiserver.k8s.io', 'v1', false, 'prioritylevelconfiguration'],
  // GA in Kubernetes 1.33 (ServiceCIDR, IPAddress) and 1.34 (dynamic resource allocation, VolumeAttributesClass);
  // earlier releases serve them as beta versions behind feature gates. Names and short names are those of
  // kubernetes pkg/registry/*/storage/storage.go (SingularQualifiedResource, ShortNames: only "vac").
  ['servicecidrs', 'networking.k8s.io', 'v1', false, 'servicecidr'],
  ['ipaddresses', 'networking.k8s.io', 'v1', false, 'ipaddress'],
  ['resourceclaims', 'resource.k8s.io', 'v1', true, 'resourceclaim'],
  ['resourceclaimtemplates', 'resource.k8s.io', 'v1', true, 'resourceclaimtemplate'],
  ['deviceclasses', 'resource.k8s.io', 'v1', false, 'deviceclass'],
  ['resourceslices', 'resource.k8s.io', 'v1', false, 'resourceslice'],
  ['volumeattributesclasses', 'storage.k8s.io', 'v1', false, 'volumeattributesclass', 'vac'],
  ['pods', 'metrics.k8s.io', 'v1beta1', true, 'pod', 'po'],
  ['nodes', 'metrics.k8s.io', 'v1beta1', false, 'node', 'no'],
];

/** The known API resources (see the comment above the table for its order). */
export const API_RESOURCES: readonly ApiResource[] = [
  ...ROWS.map(([resource, group, version, namespaced, ...aliases]) => ({
    resource,
    group,
    version,
    namespaced,
    aliases,
  })),
  ...DECKHOUSE_CRD_RESOURCES.map((r) => ({
    resource: r.resource,
    group: r.group,
    version: r.version,
    namespaced: r.namespaced,
    aliases: crdAliases(r),
    source: r.source,
  })),
];

/** The API groups each known resource name exists in, first (kubectl's pick) first. */
export function knownGroupsOf(resource: string): readonly string[] {
  return API_RESOURCES.filter((r) => r.resource === resource).map((r) => r.group);
}

/**
 * Whether every known resource of this plural is a custom resource (a CRD row): another API group may define a
 * resource of the same plural (users, groups, projects), so its group is not a mistake by itself.
 */
export function onlyCustomResources(resource: string): boolean {
  const rows = API_RESOURCES.filter((r) => r.resource === resource);
  return rows.length > 0 && rows.every((r) => r.source !== undefined);
}

/** Whether a known resource exists only cluster-wide (undefined for an unknown resource). */
export function isClusterScoped(resource: string, group?: string): boolean | undefined {
  const known = API_RESOURCES.find(
    (r) => r.resource === resource && (group === undefined || r.group === group),
  );
  return known === undefined ? undefined : !known.namespaced;
}

/** A resource type as a kubectl argument names it; `version` is absent when unknown. */
export interface ResourceType {
  resource: string;
  group: string;
  version?: string;
  namespaced: boolean;
  /** False for a `resource.group` kubectl would look up by discovery (assumed namespaced). */
  known: boolean;
  /** The short name given was another resource's in an earlier release of its CRD: which one. */
  formerly?: { word: string; kind: string; resource: string };
}

const VERSION_SEGMENT = /^v\d+((alpha|beta)\d+)?$/;

/** Whether `word` names the row: its plural, or one of its singular and short names. */
function names(r: ApiResource, word: string): boolean {
  return r.resource === word || r.aliases.includes(word);
}

/** Whether `word` is a short name of the row (po, deploy), not its plural or singular (pods, pod). */
function isShortName(r: ApiResource, word: string): boolean {
  const plurals = [word, `${word}s`, `${word}es`, `${word.replace(/y$/, '')}ies`];
  return !plurals.includes(r.resource);
}

/**
 * The known row for resource `word` in `group`, as the RESTMapper finds it: the group named exactly, else the
 * first group that starts with it (meta.DefaultRESTMapper.KindsFor: "deployments.app" is apps,
 * "storageclasses.storage" is storage.k8s.io). An empty group matches any group, first row first.
 */
function rowIn(word: string, group: string): ApiResource | undefined {
  const rows = API_RESOURCES.filter((r) => names(r, word));
  return rows.find((r) => r.group === group) ?? rows.find((r) => r.group.startsWith(group));
}

/**
 * Resolves a kubectl type argument, `resource[.version][.group]` as cli-runtime's Builder.mappingFor reads it:
 * `pods`, `po`, `pods.` and `pods.v1.` (the core group), `deploy`, `deployments.apps`, `deployments.v1.apps`,
 * `cronjobs.v1.batch`, `ingresses.networking.k8s.io`, `virtualmachines.virtualization.deckhouse.io`, or
 * `widgets.example.com` (an unknown resource, taken as a namespaced plural). Throws `RequestSpecError` for an
 * unknown name without a group, and for `pods.v1`, which kubectl reads as resource pods of API group "v1".
 */
export function resolveResourceType(text: string): ResourceType {
  const type = text.toLowerCase();
  const dot = type.indexOf('.');
  if (dot < 0) return bareType(text, type);
  const resource = type.slice(0, dot);
  if (resource === '' || type.endsWith('/')) {
    // ".apps": schema.ParseGroupResource gives an empty resource, which the RESTMapper cannot map.
    throw new RequestSpecError(
      `"${text}" is not a resource type: write the plural, optionally with its API group, e.g. deployments ` +
        'or deployments.apps',
    );
  }
  // schema.ParseResourceArg: with two dots or more, RESOURCE.VERSION.GROUP is tried first ("pods.v1." is core
  // v1, "deployments..apps" has no version); kubectl falls back to RESOURCE.GROUP (the rest after the first
  // dot: "ingresses.networking.k8s.io").
  const parts = type.split('.');
  if (parts.length >= 3) {
    const version = parts[1];
    const group = parts.slice(2).join('.');
    // No group ("pods.v1beta1."): the RESTMapper matches the resource in any group serving that version.
    const byVersion =
      group === '' ? API_RESOURCES.find((r) => names(r, resource) && r.version === version) : undefined;
    const known =
      version === '' || VERSION_SEGMENT.test(version) ? (byVersion ?? rowIn(resource, group)) : undefined;
    if (known !== undefined && (group === '' || known.group === group)) {
      // shortcutExpander rewrites a short name (deploy) to its resource and drops the version given with it.
      const given = version !== '' && !isShortName(known, resource);
      return { ...fields(known), ...(given ? { version } : {}), known: true };
    }
  }
  const group = type.slice(dot + 1);
  if (group === '') return bareType(text, resource);
  const known = rowIn(resource, group);
  if (known) return { ...fields(known), known: true };
  if (VERSION_SEGMENT.test(group)) throw versionAsGroup(text, resource, group);
  const [first, ...others] = group.split('.');
  if (VERSION_SEGMENT.test(first) && others.length > 0) {
    return { resource, group: others.join('.'), version: first, namespaced: true, known: false };
  }
  return { resource, group, namespaced: true, known: false };
}

// "pods.v1": one dot, so schema.ParseGroupResource reads API group "v1", which no cluster serves (a CRD's group
// needs a dot); Builder.mappingFor then fails and kubectl sends no request for the type.
function versionAsGroup(text: string, resource: string, version: string): RequestSpecError {
  const known = API_RESOURCES.find((r) => names(r, resource));
  const spelled =
    known === undefined
      ? `${resource}.${version}.GROUP`
      : known.group === ''
        ? `${known.resource}, or ${known.resource}.${version}. (with the trailing dot) to give the version`
        : `${known.resource}.${known.group}, or ${known.resource}.${version}.${known.group} to give the version`;
  return new RequestSpecError(
    `"${text}" is resource ${resource} in an API group named "${version}" to kubectl (RESOURCE.GROUP; the ` +
      `version goes between them: RESOURCE.VERSION.GROUP, "." ending the core group): no such group exists, so ` +
      `kubectl answers 'the server doesn't have a resource type "${resource}"' and sends no request for it; write ${spelled}`,
  );
}

/** A type word without a group: a known plural, singular or short name, first row first. */
function bareType(text: string, type: string): ResourceType {
  const known = API_RESOURCES.find((k) => names(k, type));
  if (!known && type === 'all') {
    throw new RequestSpecError(
      '"all" is a category: kubectl expands it by discovery and sends one list per type in it (pods, ' +
        'services, deployments, ...); describe one of them, e.g. "get pods"',
    );
  }
  const category = known ? [] : crdCategory(type);
  if (category.length > 0) {
    throw new RequestSpecError(
      `"${type}" is a category: kubectl expands it by discovery and sends one list per type in it ` +
        `(${category.map((r) => r.resource).join(', ')}); describe one of them, e.g. "get ${category[0].resource}"`,
    );
  }
  const renamed = known ? undefined : crdOfFormerShortName(type);
  if (renamed) {
    throw new RequestSpecError(
      `unknown resource type "${text}": an earlier ${renamed.kind} CRD declared it as a short name, the ` +
        `current one does not (kubectl says the server has no such type); write ${renamed.resource}` +
        (renamed.shortNames.length > 0 ? ` or ${renamed.shortNames.join(', ')}` : ''),
    );
  }
  if (!known) {
    throw new RequestSpecError(
      `unknown resource type "${text}": use a known name (pods, deploy, cm, secrets, ...) or the ` +
        'plural resource with its API group, e.g. widgets.example.com',
    );
  }
  // A short name one CRD lost and another took (virtualization PR #1407: vms, vds): an older release still
  // resolves it to the first.
  const before = crdOfFormerShortName(type);
  return {
    ...fields(known),
    known: true,
    ...(before && before.resource !== known.resource
      ? { formerly: { word: type, kind: before.kind, resource: before.resource } }
      : {}),
  };
}

function fields(r: ApiResource): Omit<ResourceType, 'known'> {
  return { resource: r.resource, group: r.group, version: r.version, namespaced: r.namespaced };
}
