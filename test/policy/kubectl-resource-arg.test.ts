import { resolveResourceType } from '../../src/policy/api-resources';
import { RequestSpecError, kubectlRequest } from '../../src/policy/request-info';

// kubectl's TYPE argument is RESOURCE[.VERSION][.GROUP] as cli-runtime's Builder.mappingFor reads it:
// schema.ParseResourceArg tries RESOURCE.VERSION.GROUP when the word has two dots or more (SplitN into three),
// then RESOURCE.GROUP with everything after the first dot as the group (schema.ParseGroupResource), and the
// RESTMapper matches a group exactly or else by prefix (meta.DefaultRESTMapper.KindsFor). Expected URLs are
// those of the resources' API groups and preferred versions (kubectl api-resources).

const sent = (cmd: string) => {
  const r = kubectlRequest(cmd);
  return `${r.method} ${r.url}`;
};

describe('RESOURCE.VERSION.GROUP and RESOURCE.GROUP in every command that takes a TYPE', () => {
  it.each([
    ['get pods.v1. web', 'GET /api/v1/namespaces/default/pods/web'],
    ['get pods. web', 'GET /api/v1/namespaces/default/pods/web'],
    ['get deployments.v1.apps -n prod', 'GET /apis/apps/v1/namespaces/prod/deployments?limit=500'],
    ['describe deployments.apps web -n prod', 'GET /apis/apps/v1/namespaces/prod/deployments/web'],
    ['delete cronjobs.v1.batch nightly -n ops', 'DELETE /apis/batch/v1/namespaces/ops/cronjobs/nightly'],
    ['edit deployments.v1.apps/web', 'PATCH /apis/apps/v1/namespaces/default/deployments/web'],
    ['label deployments.v1.apps web tier=fe', 'PATCH /apis/apps/v1/namespaces/default/deployments/web'],
    [
      'annotate ingresses.networking.k8s.io web a=b',
      'PATCH /apis/networking.k8s.io/v1/namespaces/default/ingresses/web',
    ],
    [
      'patch ingresses.v1.networking.k8s.io/web -p {}',
      'PATCH /apis/networking.k8s.io/v1/namespaces/default/ingresses/web',
    ],
    [
      'scale statefulsets.v1.apps/db --replicas=3',
      'PATCH /apis/apps/v1/namespaces/default/statefulsets/db/scale',
    ],
    // A version the resource is also served at is the one in the URL (autoscaling/v1 beside v2).
    [
      'get horizontalpodautoscalers.v1.autoscaling web',
      'GET /apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/web',
    ],
    ['explain deployments.v1.apps', 'GET /openapi/v3/apis/apps/v1'],
  ])('%s', (cmd, expected) => {
    expect(sent(cmd)).toBe(expected);
  });
});

describe('how the RESTMapper completes a partial word', () => {
  it('a group is matched by prefix when no group has that exact name', () => {
    // KindsFor: "This allows storageclass.storage to match storageclass.storage.k8s.io".
    expect(resolveResourceType('storageclasses.storage')).toMatchObject({ group: 'storage.k8s.io' });
    expect(resolveResourceType('deployments.app')).toMatchObject({ group: 'apps', resource: 'deployments' });
  });

  it('an empty group matches any group: "deployments." is apps, "deployments..apps" is deployments.apps', () => {
    expect(resolveResourceType('deployments.')).toMatchObject({ group: 'apps', version: 'v1' });
    expect(resolveResourceType('deployments..apps')).toMatchObject({ group: 'apps', version: 'v1' });
  });

  it('RESOURCE.VERSION. (no group) is the resource in the group that serves that version', () => {
    expect(resolveResourceType('pods.v1.')).toMatchObject({ group: '', version: 'v1' });
    expect(resolveResourceType('pods.v1beta1.')).toMatchObject({ group: 'metrics.k8s.io' });
  });

  it("a short name loses the version given with it (shortcutExpander keeps only the long form's group)", () => {
    expect(resolveResourceType('hpa.v1.autoscaling')).toMatchObject({ version: 'v2' });
    expect(resolveResourceType('horizontalpodautoscaler.v1.autoscaling')).toMatchObject({ version: 'v1' });
  });
});

describe('RESOURCE.VERSION with one dot is a group named like a version', () => {
  // ParseResourceArg("pods.v1") has one dot: no GroupVersionResource, GroupResource{pods, "v1"}; no API group
  // "v1" exists, so mappingFor fails with 'the server doesn't have a resource type "pods"'.
  it.each([
    ['get pods.v1', /resource type "pods".*write pods, or pods\.v1\. \(with the trailing dot\)/],
    ['get deployments.v1 -n prod', /write deployments\.apps, or deployments\.v1\.apps/],
    ['delete pods.v1/web-0', /API group named "v1"/],
    ['describe services.v1 web', /API group named "v1"/],
  ])('%s is refused with the spelling kubectl reads', (cmd, message) => {
    expect(() => kubectlRequest(cmd)).toThrow(RequestSpecError);
    expect(() => kubectlRequest(cmd)).toThrow(message);
  });
});
