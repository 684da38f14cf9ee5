import { API_RESOURCES, isClusterScoped, resolveResourceType } from '../../src/policy/api-resources';
import { DECKHOUSE_CRD_RESOURCES } from '../../src/policy/deckhouse-crd-resources';
import { kubectlRequest } from '../../src/policy/kubectl-request';
import { lintPolicy } from '../../src/policy/lint';
import { GroupResources, Policy } from '../../src/policy/types';

// kubectl commands on Deckhouse custom resources. The expected URLs are written out from the CRD facts, not
// computed from the table: group, scope (a cluster-scoped kind has no /namespaces/ segment, and kubectl drops
// -n for it), the preferred served version, and only the names in spec.names (plural, singular, lower-cased
// kind, shortNames). Files in github.com/deckhouse/deckhouse unless marked virtualization
// (github.com/deckhouse/virtualization); the commit read is in src/policy/deckhouse-crd-resources.ts.
describe('kubectl on Deckhouse custom resources: URL from the CRD', () => {
  it.each([
    // modules/040-node-manager/crds/node_group.yaml: Cluster, shortNames [ng]
    ['get nodegroups', 'GET /apis/deckhouse.io/v1/nodegroups?limit=500', ''],
    ['get ng worker -n prod', 'GET /apis/deckhouse.io/v1/nodegroups/worker', ''],
    ['get NodeGroup worker', 'GET /apis/deckhouse.io/v1/nodegroups/worker', ''],
    // modules/040-node-manager/crds/nodegroupconfiguration.yaml: Cluster, v1alpha1, shortNames [ngc]
    ['delete ngc add-ca', 'DELETE /apis/deckhouse.io/v1alpha1/nodegroupconfigurations/add-ca', ''],
    // modules/040-node-manager/crds/staticinstance.yaml and sshcredentials.yaml: Cluster, v1alpha1
    ['get staticinstances', 'GET /apis/deckhouse.io/v1alpha1/staticinstances?limit=500', ''],
    ['get sshcredentials caps', 'GET /apis/deckhouse.io/v1alpha1/sshcredentials/caps', ''],
    // deckhouse-controller/crds/module-config.yaml: Cluster, v1alpha1, shortNames [mc]
    [
      'get mc control-plane-manager',
      'GET /apis/deckhouse.io/v1alpha1/moduleconfigs/control-plane-manager',
      '',
    ],
    // deckhouse-controller/crds/module-source.yaml [ms], module-update-policy.yaml [mup] (v1alpha2 served),
    // module-release.yaml [mr], module.yaml (v1beta1 not served), deckhouse-release.yaml: all Cluster
    ['get ms', 'GET /apis/deckhouse.io/v1alpha1/modulesources?limit=500', ''],
    ['get mup -n x', 'GET /apis/deckhouse.io/v1alpha2/moduleupdatepolicies?limit=500', ''],
    ['get mr', 'GET /apis/deckhouse.io/v1alpha1/modulereleases?limit=500', ''],
    ['get modules', 'GET /apis/deckhouse.io/v1alpha1/modules?limit=500', ''],
    ['get deckhousereleases', 'GET /apis/deckhouse.io/v1alpha1/deckhousereleases?limit=500', ''],
    // deckhouse-controller/crds/module-pull-override.yaml: Cluster, v1alpha1 served: false, v1alpha2 served,
    // shortNames [mpo]
    ['get mpo', 'GET /apis/deckhouse.io/v1alpha2/modulepulloverrides?limit=500', ''],
    [
      'delete modulepulloverride prompp -n x',
      'DELETE /apis/deckhouse.io/v1alpha2/modulepulloverrides/prompp',
      '',
    ],
    // modules/040-node-manager/crds/nodeuser.yaml: Cluster, v1alpha1 and v1 served, no shortNames
    ['get nodeusers', 'GET /apis/deckhouse.io/v1/nodeusers?limit=500', ''],
    ['edit nodeuser admin', 'PATCH /apis/deckhouse.io/v1/nodeusers/admin', ''],
    // modules/040-node-manager/crds/instance.yaml: Cluster, v1alpha1, no shortNames
    ['get instances', 'GET /apis/deckhouse.io/v1alpha1/instances?limit=500', ''],
    ['get instance.deckhouse.io worker-abc12', 'GET /apis/deckhouse.io/v1alpha1/instances/worker-abc12', ''],
    // modules/140-user-authz/crds/clusterauthorizationrule.yaml: Cluster, v1alpha1 and v1 served
    ['get clusterauthorizationrules', 'GET /apis/deckhouse.io/v1/clusterauthorizationrules?limit=500', ''],
    [
      'get clusterauthorizationrules.deckhouse.io admins -n foo',
      'GET /apis/deckhouse.io/v1/clusterauthorizationrules/admins',
      '',
    ],
    // modules/140-user-authz/crds/authorizationrule.yaml: Namespaced, v1alpha1
    [
      'get authorizationrules -n dev',
      'GET /apis/deckhouse.io/v1alpha1/namespaces/dev/authorizationrules?limit=500',
      'dev',
    ],
    // modules/150-user-authn/crds/user.yaml (v1 served), group.yaml, dex-provider.yaml (v1): Cluster
    ['get users', 'GET /apis/deckhouse.io/v1/users?limit=500', ''],
    ['delete user alice', 'DELETE /apis/deckhouse.io/v1/users/alice', ''],
    ['get groups admins', 'GET /apis/deckhouse.io/v1alpha1/groups/admins', ''],
    ['get dexproviders', 'GET /apis/deckhouse.io/v1/dexproviders?limit=500', ''],
    // modules/150-user-authn/crds/dex-authenticator.yaml: Namespaced, v1 served, shortNames [dex-auth]
    ['get dex-auth -n app', 'GET /apis/deckhouse.io/v1/namespaces/app/dexauthenticators?limit=500', 'app'],
    // modules/160-multitenancy-manager/crds/projects.yaml (v1alpha3), projecttemplate.yaml (v1alpha2): Cluster
    ['get projects', 'GET /apis/deckhouse.io/v1alpha3/projects?limit=500', ''],
    ['get projecttemplate default', 'GET /apis/deckhouse.io/v1alpha2/projecttemplates/default', ''],
    // modules/300-prometheus/crds/: customprometheusrules.yaml, grafanadashboarddefinition.yaml (v1),
    // clusteralerts.yaml (v1alpha1): Cluster
    ['get customprometheusrules', 'GET /apis/deckhouse.io/v1/customprometheusrules?limit=500', ''],
    [
      'get grafanadashboarddefinitions',
      'GET /apis/deckhouse.io/v1/grafanadashboarddefinitions?limit=500',
      '',
    ],
    ['get clusteralerts', 'GET /apis/deckhouse.io/v1alpha1/clusteralerts?limit=500', ''],
    // modules/402-ingress-nginx/crds/ingress-nginx.yaml: Cluster, v1alpha1 and v1 served
    ['get ingressnginxcontrollers', 'GET /apis/deckhouse.io/v1/ingressnginxcontrollers?limit=500', ''],
    // modules/460-log-shipper/crds/: cluster-log-destination.yaml, cluster-logging-config.yaml (Cluster),
    // pod-logging-config.yaml (Namespaced)
    ['get clusterlogdestinations', 'GET /apis/deckhouse.io/v1alpha1/clusterlogdestinations?limit=500', ''],
    ['get clusterloggingconfigs', 'GET /apis/deckhouse.io/v1alpha2/clusterloggingconfigs?limit=500', ''],
    [
      'get podloggingconfigs -n app',
      'GET /apis/deckhouse.io/v1alpha1/namespaces/app/podloggingconfigs?limit=500',
      'app',
    ],
    // virtualization crds/virtualmachines.yaml [vm], virtualdisks.yaml [vd], virtualimages.yaml [vi]: Namespaced
    [
      'get vm -n vms',
      'GET /apis/virtualization.deckhouse.io/v1alpha2/namespaces/vms/virtualmachines?limit=500',
      'vms',
    ],
    [
      'get vd disk -n x',
      'GET /apis/virtualization.deckhouse.io/v1alpha2/namespaces/x/virtualdisks/disk',
      'x',
    ],
    [
      'get vi -n x',
      'GET /apis/virtualization.deckhouse.io/v1alpha2/namespaces/x/virtualimages?limit=500',
      'x',
    ],
    // virtualization crds/virtualmachineblockdeviceattachments.yaml [vmbda], virtualmachineipaddresses.yaml
    // [vmip], virtualmachinemacaddresses.yaml [vmmac], virtualmachinepools.yaml [vmpool, vmpools],
    // usbdevices.yaml [usb]: Namespaced; virtualmachineipaddressleases.yaml [vmipl, vmiplease],
    // virtualmachinemacaddressleases.yaml [vmmacl, vmmaclease], nodeusbdevices.yaml [nusb]: Cluster; all v1alpha2
    [
      'delete vmbda attach-data -n vms',
      'DELETE /apis/virtualization.deckhouse.io/v1alpha2/namespaces/vms/virtualmachineblockdeviceattachments/attach-data',
      'vms',
    ],
    [
      'get vmip -n vms',
      'GET /apis/virtualization.deckhouse.io/v1alpha2/namespaces/vms/virtualmachineipaddresses?limit=500',
      'vms',
    ],
    [
      'get vmmac mac1 -n vms',
      'GET /apis/virtualization.deckhouse.io/v1alpha2/namespaces/vms/virtualmachinemacaddresses/mac1',
      'vms',
    ],
    [
      'get vmpools -n vms',
      'GET /apis/virtualization.deckhouse.io/v1alpha2/namespaces/vms/virtualmachinepools?limit=500',
      'vms',
    ],
    [
      'get usb -n vms',
      'GET /apis/virtualization.deckhouse.io/v1alpha2/namespaces/vms/usbdevices?limit=500',
      'vms',
    ],
    [
      'get vmipl -n vms',
      'GET /apis/virtualization.deckhouse.io/v1alpha2/virtualmachineipaddressleases?limit=500',
      '',
    ],
    [
      'get vmmaclease lease1',
      'GET /apis/virtualization.deckhouse.io/v1alpha2/virtualmachinemacaddressleases/lease1',
      '',
    ],
    ['get nusb', 'GET /apis/virtualization.deckhouse.io/v1alpha2/nodeusbdevices?limit=500', ''],
    // virtualization crds/virtualmachinesnapshots.yaml [vmsnapshot, vms], virtualdisksnapshots.yaml
    // [vdsnapshot, vds], virtualmachinesnapshotoperations.yaml [vmsop]: Namespaced, v1alpha2
    [
      'get vms -n vms',
      'GET /apis/virtualization.deckhouse.io/v1alpha2/namespaces/vms/virtualmachinesnapshots?limit=500',
      'vms',
    ],
    [
      'get vdsnapshot snap1 -n x',
      'GET /apis/virtualization.deckhouse.io/v1alpha2/namespaces/x/virtualdisksnapshots/snap1',
      'x',
    ],
    [
      'get vmsop -n x',
      'GET /apis/virtualization.deckhouse.io/v1alpha2/namespaces/x/virtualmachinesnapshotoperations?limit=500',
      'x',
    ],
    // virtualization crds/clustervirtualimages.yaml [cvi], virtualmachineclasses.yaml [vmc, vmclass] (v1alpha3)
    ['get cvi ubuntu -n x', 'GET /apis/virtualization.deckhouse.io/v1alpha2/clustervirtualimages/ubuntu', ''],
    [
      'get vmclass generic',
      'GET /apis/virtualization.deckhouse.io/v1alpha3/virtualmachineclasses/generic',
      '',
    ],
  ])('%s', (command, sent, namespace) => {
    const { method, url, request } = kubectlRequest(command);
    expect(`${method} ${url}`).toBe(sent);
    expect(request.namespace ?? '').toBe(namespace);
  });

  it('-n on a cluster-scoped kind is ignored, with a note', () => {
    const { notes, request } = kubectlRequest('get clusterauthorizationrules -n foo');
    expect(request.namespace ?? '').toBe('');
    expect(notes).toContain('-n foo is ignored: clusterauthorizationrules are cluster-scoped');
    // No guess: the type is known, so the "not a resource this package knows" note is gone.
    expect(notes.join('\n')).not.toMatch(/not a resource this package knows/);
  });

  it('only the CRD short names: former ones and guesses are refused', () => {
    // virtualization PR #1407 dropped vms, vds, vis, cvis, vmops, vmcs, vmclasses.
    expect(() => resolveResourceType('vmops')).toThrow(
      /earlier VirtualMachineOperation CRD .* write virtualmachineoperations or vmop/,
    );
    expect(() => resolveResourceType('vmsnapshots')).toThrow(
      /write virtualmachinesnapshots or vmsnapshot, vms/,
    );
    expect(() => resolveResourceType('car')).toThrow(/unknown resource type "car"/);
    expect(() => resolveResourceType('cars')).toThrow(/unknown resource type "cars"/);
  });

  // virtualization PR #1407 (3a290c71, 2025-09-01) moved vms from VirtualMachine to VirtualMachineSnapshot and
  // vds from VirtualDisk to VirtualDiskSnapshot: the current CRDs decide, and a note names the earlier meaning.
  it('a short name another CRD declared before (vms, vds) resolves as the current CRDs say, with a note', () => {
    for (const [word, now, before] of [
      ['vms', 'virtualmachinesnapshots', 'virtualmachines'],
      ['vds', 'virtualdisksnapshots', 'virtualdisks'],
    ]) {
      const { url, notes } = kubectlRequest(`get ${word} -n x`);
      expect(url).toBe(`/apis/virtualization.deckhouse.io/v1alpha2/namespaces/x/${now}?limit=500`);
      expect(notes.join('\n')).toContain(`"${word}" is a short name of ${now} in the current CRD`);
      expect(notes.join('\n')).toContain(`kubectl sends the request for ${before} instead`);
    }
    expect(kubectlRequest('get vm -n x').notes.join('\n')).not.toContain('short name of');
  });

  it('a category is refused with the types in it', () => {
    expect(() => kubectlRequest('get virtualization -n x')).toThrow(
      /"virtualization" is a category: .*\(virtualmachines, virtualdisks, virtualimages, virtualmachineoperations, virtualdisksnapshots, .*, nodeusbdevices\)/,
    );
  });

  it('an unknown custom resource is still a namespaced guess, with the note', () => {
    const { url, notes } = kubectlRequest('get widgets.example.com');
    expect(url).toBe('/apis/example.com/VERSION/namespaces/default/widgets?limit=500');
    expect(notes.join('\n')).toMatch(/widgets\.example\.com is not a resource this package knows/);
  });

  it('every row names its CRD file, and no name resolves to two Deckhouse resources', () => {
    for (const r of DECKHOUSE_CRD_RESOURCES) {
      expect(r.source).toMatch(/^deckhouse\/(deckhouse|virtualization):[\w./-]+\.yaml@[0-9a-f]{40}$/);
      expect(isClusterScoped(r.resource, r.group)).toBe(!r.namespaced);
    }
    const names = API_RESOURCES.flatMap((r) => [r.resource, ...r.aliases].map((n) => `${r.group} ${n}`));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('lint with the Deckhouse custom resources', () => {
  const policy = (resources: GroupResources[]): Policy => ({
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    omitStages: ['RequestReceived'],
    rules: [{ level: 'Metadata', resources }, { level: 'None' }],
  });
  const codes = (resources: GroupResources[]) =>
    lintPolicy(policy(resources))
      .filter((f) => f.code === 'resource-group-mismatch' || f.code === 'unreachable-resource-spec')
      .map((f) => `${f.code}: ${f.fix ?? ''}`);

  it('the core group for a Deckhouse plural is a forgotten group', () => {
    expect(codes([{ group: '', resources: ['clusterauthorizationrules'] }])).toEqual([
      'resource-group-mismatch: add an entry { group: "deckhouse.io", resources: ["clusterauthorizationrules"] }',
    ]);
    expect(codes([{ group: '', resources: ['ng'] }])).toContain(
      'unreachable-resource-spec: write "nodegroups" in group "deckhouse.io"',
    );
  });

  it('another group may have the same plural (users.user.openshift.io): no finding', () => {
    expect(codes([{ group: 'user.openshift.io', resources: ['users', 'groups'] }])).toEqual([]);
    expect(codes([{ group: 'deckhouse.io', resources: ['users', 'groups', 'projects'] }])).toEqual([]);
  });
});
