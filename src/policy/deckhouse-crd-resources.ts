// The Deckhouse custom resources operators commonly name on the command line (`kubectl get ng`, `d8 k edit mc
// control-plane-manager`, `kubectl get clusterauthorizationrules`), as their CustomResourceDefinitions declare
// them. Facts only, each row read from the CRD file named in `source` (repository:path@commit of the stored
// version read): spec.group, spec.scope, spec.names (plural, singular, kind, shortNames, categories) and the
// version kubectl uses, the preferred one: of the served versions, the highest by Kubernetes version priority
// (GA > beta > alpha, then the higher number), which discovery lists first. A version that is not served
// (`served: false`) is never picked. Short names are only those in the CRD's `shortNames`.
//
// Scope and names are stable across Deckhouse releases; the version is the newest read and may differ on an
// older cluster (the audit policy never matches on the version, only the URL kubectl prints shows it).

import { VIRTUALIZATION_ROWS } from './virtualization-crd-resources';

/** One Deckhouse custom resource, as its CRD declares it. */
export interface DeckhouseCrdResource {
  readonly resource: string;
  readonly group: string;
  readonly version: string;
  readonly namespaced: boolean;
  readonly kind: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  /** `spec.names.categories`: kubectl expands a category to every type in it. */
  readonly categories: readonly string[];
  /** The upstream CRD file the row was read from: `owner/repo:path@commit`. */
  readonly source: string;
  /** Short names an earlier release of the CRD declared and the current one no longer does. */
  readonly formerShortNames: readonly string[];
}

/** One CRD's facts, in the order of DeckhouseCrdResource (scope as the CRD writes it). */
export type Row = [
  resource: string,
  group: string,
  version: string,
  scope: 'Cluster' | 'Namespaced',
  kind: string,
  singular: string,
  shortNames: string[],
  source: string,
  categories?: string[],
  formerShortNames?: string[],
];

const DH = 'deckhouse/deckhouse:';
const DH_GROUP = 'deckhouse.io';

const ROWS: readonly Row[] = [
  // deckhouse-controller: modules and releases. The first also in ../shared/upstream/deckhouse/crds.
  [
    'moduleconfigs',
    DH_GROUP,
    'v1alpha1',
    'Cluster',
    'ModuleConfig',
    'moduleconfig',
    ['mc'],
    `${DH}deckhouse-controller/crds/module-config.yaml@12b3a5b790f8ef5241b4042e5ea5527d8cc419ba`,
  ],
  [
    'modulesources',
    DH_GROUP,
    'v1alpha1',
    'Cluster',
    'ModuleSource',
    'modulesource',
    ['ms'],
    `${DH}deckhouse-controller/crds/module-source.yaml@0441994045eb07f978a6df46222365018d7b0027`,
  ],
  // v1alpha1 (served, deprecated) and v1alpha2 (served, storage).
  [
    'moduleupdatepolicies',
    DH_GROUP,
    'v1alpha2',
    'Cluster',
    'ModuleUpdatePolicy',
    'moduleupdatepolicy',
    ['mup'],
    `${DH}deckhouse-controller/crds/module-update-policy.yaml@1058178c5b28ae22910199cea6390ac09340a625`,
  ],
  [
    'modulereleases',
    DH_GROUP,
    'v1alpha1',
    'Cluster',
    'ModuleRelease',
    'modulerelease',
    ['mr'],
    `${DH}deckhouse-controller/crds/module-release.yaml@006290ce6ead5545bd25513eff1a46fb8f8d05d6`,
  ],
  // v1alpha1 served; v1beta1 declared with served: false.
  [
    'modules',
    DH_GROUP,
    'v1alpha1',
    'Cluster',
    'Module',
    'module',
    [],
    `${DH}deckhouse-controller/crds/module.yaml@05af09cc8665e449b2772f13afb459904abd3024`,
  ],
  // v1alpha1 declared with served: false; v1alpha2 served.
  [
    'modulepulloverrides',
    DH_GROUP,
    'v1alpha2',
    'Cluster',
    'ModulePullOverride',
    'modulepulloverride',
    ['mpo'],
    `${DH}deckhouse-controller/crds/module-pull-override.yaml@0012036b358746f95f846c6eaa8d90fa5658227c`,
  ],
  [
    'deckhousereleases',
    DH_GROUP,
    'v1alpha1',
    'Cluster',
    'DeckhouseRelease',
    'deckhouserelease',
    [],
    `${DH}deckhouse-controller/crds/deckhouse-release.yaml@3ab100bf0449a85c1c36f91ca55d3fe5ca1ee561`,
  ],
  // node-manager. NodeGroup: names and scope read; v1alpha1 is served, and v1 (the version the CRD's own
  // documentation links, #nodegroup-v1-...) was kept from the earlier table, not read in the versions list.
  [
    'nodegroups',
    DH_GROUP,
    'v1',
    'Cluster',
    'NodeGroup',
    'nodegroup',
    ['ng'],
    `${DH}modules/040-node-manager/crds/node_group.yaml@00d5bc369310070b77d3cdedae323a863b53fcbf`,
  ],
  [
    'nodegroupconfigurations',
    DH_GROUP,
    'v1alpha1',
    'Cluster',
    'NodeGroupConfiguration',
    'nodegroupconfiguration',
    ['ngc'],
    `${DH}modules/040-node-manager/crds/nodegroupconfiguration.yaml@115e12c86b3884659fe0174e4af39c2c76d2f4bf`,
  ],
  [
    'staticinstances',
    DH_GROUP,
    'v1alpha1',
    'Cluster',
    'StaticInstance',
    'staticinstance',
    [],
    `${DH}modules/040-node-manager/crds/staticinstance.yaml@084fd5ce728112fedf832fa85c712d2557f033eb`,
  ],
  [
    'instances',
    DH_GROUP,
    'v1alpha1',
    'Cluster',
    'Instance',
    'instance',
    [],
    `${DH}modules/040-node-manager/crds/instance.yaml@50d4fe1f610bacf377980e6cf8350d67e387503d`,
  ],
  [
    'sshcredentials',
    DH_GROUP,
    'v1alpha1',
    'Cluster',
    'SSHCredentials',
    'sshcredentials',
    [],
    `${DH}modules/040-node-manager/crds/sshcredentials.yaml@00e352c2c4ba18e62217857b91241610177d38bd`,
  ],
  // v1alpha1 and v1 served: the Linux users (with SSH keys and sudo) node-manager creates on the nodes.
  [
    'nodeusers',
    DH_GROUP,
    'v1',
    'Cluster',
    'NodeUser',
    'nodeuser',
    [],
    `${DH}modules/040-node-manager/crds/nodeuser.yaml@7261f9a616ee91945eab99c91e130d0930140b25`,
  ],
  // user-authz: v1alpha1 and v1 served.
  [
    'clusterauthorizationrules',
    DH_GROUP,
    'v1',
    'Cluster',
    'ClusterAuthorizationRule',
    'clusterauthorizationrule',
    [],
    `${DH}modules/140-user-authz/crds/clusterauthorizationrule.yaml@0427d8d65f3d24debc6b7dfb62a4e38eef392ca2`,
  ],
  [
    'authorizationrules',
    DH_GROUP,
    'v1alpha1',
    'Namespaced',
    'AuthorizationRule',
    'authorizationrule',
    [],
    `${DH}modules/140-user-authz/crds/authorizationrule.yaml@0098f4e9d91bc81deec88cc41031145441c74903`,
  ],
  // user-authn. User: v1alpha1 (deprecated) and v1 served. DexAuthenticator: v1alpha1, v2alpha1 and v1 served.
  [
    'users',
    DH_GROUP,
    'v1',
    'Cluster',
    'User',
    'user',
    [],
    `${DH}modules/150-user-authn/crds/user.yaml@0f605f6f13c6b2ca4ee85cd173a5872fba321caa`,
  ],
  [
    'groups',
    DH_GROUP,
    'v1alpha1',
    'Cluster',
    'Group',
    'group',
    [],
    `${DH}modules/150-user-authn/crds/group.yaml@36cbb6a206f4ecfcd019bc82b2540c358325672d`,
  ],
  [
    'dexauthenticators',
    DH_GROUP,
    'v1',
    'Namespaced',
    'DexAuthenticator',
    'dexauthenticator',
    ['dex-auth'],
    `${DH}modules/150-user-authn/crds/dex-authenticator.yaml@0380a1709e1f07e60310a98024c8fa99e0b98676`,
  ],
  [
    'dexproviders',
    DH_GROUP,
    'v1',
    'Cluster',
    'DexProvider',
    'dexprovider',
    [],
    `${DH}modules/150-user-authn/crds/dex-provider.yaml@07c5c4f4f55f31977ba2e934f9359e39a4e67cc0`,
  ],
  // multitenancy-manager. Project: v1alpha1 not served, v1alpha2 and v1alpha3 served.
  [
    'projects',
    DH_GROUP,
    'v1alpha3',
    'Cluster',
    'Project',
    'project',
    [],
    `${DH}modules/160-multitenancy-manager/crds/projects.yaml@0834c7b8f8df55f9c0fc90e28a00c97f9371addb`,
  ],
  [
    'projecttemplates',
    DH_GROUP,
    'v1alpha2',
    'Cluster',
    'ProjectTemplate',
    'projecttemplate',
    [],
    `${DH}modules/160-multitenancy-manager/crds/projecttemplate.yaml@0834c7b8f8df55f9c0fc90e28a00c97f9371addb`,
  ],
  // prometheus: v1alpha1 and v1 served for the first two.
  [
    'customprometheusrules',
    DH_GROUP,
    'v1',
    'Cluster',
    'CustomPrometheusRules',
    'customprometheusrule',
    [],
    `${DH}modules/300-prometheus/crds/customprometheusrules.yaml@09086c0f72ee23622ee609cd411d4f83e5ee7ce7`,
  ],
  [
    'grafanadashboarddefinitions',
    DH_GROUP,
    'v1',
    'Cluster',
    'GrafanaDashboardDefinition',
    'grafanadashboarddefinition',
    [],
    `${DH}modules/300-prometheus/crds/grafanadashboarddefinition.yaml@230e82395da7a9f6283ad69389562f8741d578d5`,
  ],
  [
    'clusteralerts',
    DH_GROUP,
    'v1alpha1',
    'Cluster',
    'ClusterAlert',
    'clusteralert',
    [],
    `${DH}modules/300-prometheus/crds/clusteralerts.yaml@3ab100bf0449a85c1c36f91ca55d3fe5ca1ee561`,
  ],
  // ingress-nginx: v1alpha1 (deprecated) and v1 served.
  [
    'ingressnginxcontrollers',
    DH_GROUP,
    'v1',
    'Cluster',
    'IngressNginxController',
    'ingressnginxcontroller',
    [],
    `${DH}modules/402-ingress-nginx/crds/ingress-nginx.yaml@0134bb51f2cf8af30c171d40ec6f4df4cabeefc2`,
  ],
  // log-shipper (../shared/upstream/deckhouse/crds, SOURCES.md). ClusterLoggingConfig: v1alpha1 and v1alpha2 served.
  [
    'clusterlogdestinations',
    DH_GROUP,
    'v1alpha1',
    'Cluster',
    'ClusterLogDestination',
    'clusterlogdestination',
    [],
    `${DH}modules/460-log-shipper/crds/cluster-log-destination.yaml@b1e1538ab3704a506a8a89f9312a3519c8cdbdc8`,
  ],
  [
    'clusterloggingconfigs',
    DH_GROUP,
    'v1alpha2',
    'Cluster',
    'ClusterLoggingConfig',
    'clusterloggingconfig',
    [],
    `${DH}modules/460-log-shipper/crds/cluster-logging-config.yaml@002e71c1200254587bb3871000b8564ae734200a`,
  ],
  [
    'podloggingconfigs',
    DH_GROUP,
    'v1alpha1',
    'Namespaced',
    'PodLoggingConfig',
    'podloggingconfig',
    [],
    `${DH}modules/460-log-shipper/crds/pod-logging-config.yaml@3ab100bf0449a85c1c36f91ca55d3fe5ca1ee561`,
  ],
  ...VIRTUALIZATION_ROWS,
];

/** The Deckhouse custom resources the package knows (see the comment at the top of this file). */
export const DECKHOUSE_CRD_RESOURCES: readonly DeckhouseCrdResource[] = ROWS.map(
  ([resource, group, version, scope, kind, singular, shortNames, source, categories, former]) => ({
    resource,
    group,
    version,
    namespaced: scope === 'Namespaced',
    kind,
    singular,
    shortNames,
    categories: categories ?? [],
    source,
    formerShortNames: former ?? [],
  }),
);

/** The names kubectl resolves to the resource besides its plural: singular, lower-cased kind, short names. */
export function crdAliases(r: DeckhouseCrdResource): string[] {
  const names = [r.singular, r.kind.toLowerCase(), ...r.shortNames];
  return [...new Set(names)].filter((n) => n !== r.resource);
}

/** The categories of the known custom resources, each with the resources in it. */
export function crdCategory(name: string): readonly DeckhouseCrdResource[] {
  return DECKHOUSE_CRD_RESOURCES.filter((r) => r.categories.includes(name));
}

/** The resource whose CRD once declared this short name and no longer does (undefined: none). */
export function crdOfFormerShortName(name: string): DeckhouseCrdResource | undefined {
  return DECKHOUSE_CRD_RESOURCES.find((r) => r.formerShortNames.includes(name));
}
