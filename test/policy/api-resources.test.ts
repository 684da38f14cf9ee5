import { kubectlRequest } from '../../src/policy/request-info';

// Resources that became GA in Kubernetes 1.33-1.34 (networking.k8s.io/v1 ServiceCIDR and IPAddress;
// resource.k8s.io/v1 for dynamic resource allocation; storage.k8s.io/v1 VolumeAttributesClass): kubectl knows
// them by plural, singular and (VolumeAttributesClass only) the short name "vac", as kubernetes
// pkg/registry/*/storage/storage.go declares; the namespaced ones are ResourceClaim and ResourceClaimTemplate.
describe('kubectl names of the resources GA in Kubernetes 1.33-1.34', () => {
  it.each([
    ['get servicecidrs', 'networking.k8s.io', 'servicecidrs', ''],
    ['get ipaddress 10.96.0.10', 'networking.k8s.io', 'ipaddresses', ''],
    ['get resourceclaims -n ml', 'resource.k8s.io', 'resourceclaims', 'ml'],
    ['delete resourceclaimtemplate gpu -n ml', 'resource.k8s.io', 'resourceclaimtemplates', 'ml'],
    ['get deviceclasses', 'resource.k8s.io', 'deviceclasses', ''],
    ['get resourceslices', 'resource.k8s.io', 'resourceslices', ''],
    ['get vac', 'storage.k8s.io', 'volumeattributesclasses', ''],
    ['get volumeattributesclass fast', 'storage.k8s.io', 'volumeattributesclasses', ''],
  ])('%s', (command, apiGroup, resource, namespace) => {
    const { request, url } = kubectlRequest(command);
    expect(request).toMatchObject({ resourceRequest: true, apiGroup, resource, namespace });
    expect(url).toContain(`/apis/${apiGroup}/v1/`);
    // Cluster-scoped ones have no /namespaces/ segment even though kubectl has a default namespace.
    expect(url.includes('/namespaces/')).toBe(namespace !== '');
  });
});
