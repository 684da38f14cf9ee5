import { compileRules } from '../../src/policy/compiled-policy';
import { ruleMatchesRequest } from '../../src/policy/evaluate';
import { PolicyRule, RequestAttributes } from '../../src/policy/types';
import {
  decide,
  nonResourceRequest as nonRes,
  policyOf,
  resourceRequest as res,
} from '../support/evaluation';

// The traps of the semantics doc (§4.4), one assertion each.

// The matcher's answer for one rule, checked against the compiled evaluator. Some rules here are ones
// validation refuses (kinds mixed, resourceNames without resources, "/api**"): the public entry points
// refuse such policies, so the internal compiler is asked, to pin what the matcher itself does.
function matches(rule: Omit<PolicyRule, 'level'>, req: RequestAttributes): boolean {
  const full = { level: 'Metadata', ...rule } as PolicyRule;
  const viaCompiled = compileRules(policyOf([full])).evaluate(req).ruleIndex === 0;
  expect(ruleMatchesRequest(full, req)).toBe(viaCompiled);
  return viaCompiled;
}

describe('traps', () => {
  test('first match wins: a later, more specific rule never overrides', () => {
    const p = policyOf([
      { level: 'Metadata' },
      { level: 'RequestResponse', resources: [{ resources: ['secrets'] }] },
    ]);
    expect(decide(p, res('secrets'))).toMatchObject({ level: 'Metadata', ruleIndex: 0 });
  });

  test('pods matches only the bare resource', () => {
    expect(matches({ resources: [{ resources: ['pods'] }] }, res('pods'))).toBe(true);
    expect(matches({ resources: [{ resources: ['pods'] }] }, res('pods', { subresource: 'log' }))).toBe(
      false,
    );
    expect(matches({ resources: [{ resources: ['pods'] }] }, res('pods', { subresource: 'exec' }))).toBe(
      false,
    );
  });

  test('pods/* matches bare pods and every pods subresource, nothing else', () => {
    const rule = { resources: [{ resources: ['pods/*'] }] };
    expect(matches(rule, res('pods'))).toBe(true);
    expect(matches(rule, res('pods', { subresource: 'exec' }))).toBe(true);
    expect(matches(rule, res('services', { subresource: 'proxy' }))).toBe(false);
  });

  test('*/scale needs that subresource; */* ** and pods/log/* match nothing', () => {
    expect(
      matches(
        { resources: [{ group: 'apps', resources: ['*/scale'] }] },
        res('deployments', { apiGroup: 'apps', subresource: 'scale' }),
      ),
    ).toBe(true);
    expect(
      matches(
        { resources: [{ group: 'apps', resources: ['*/scale'] }] },
        res('deployments', { apiGroup: 'apps' }),
      ),
    ).toBe(false);
    for (const spec of ['*/*', '**', 'pods/log/*']) {
      expect(matches({ resources: [{ resources: [spec] }] }, res('pods'))).toBe(false);
      expect(matches({ resources: [{ resources: [spec] }] }, res('pods', { subresource: 'log' }))).toBe(
        false,
      );
    }
  });

  test('* matches every resource and subresource of the selected group only', () => {
    expect(matches({ resources: [{ resources: ['*'] }] }, res('pods', { subresource: 'exec' }))).toBe(true);
    expect(matches({ resources: [{ resources: ['*'] }] }, res('deployments', { apiGroup: 'apps' }))).toBe(
      false,
    );
  });

  test('group omitted or "" is the core group only; exact match otherwise; "*" is every group', () => {
    expect(
      matches({ resources: [{ resources: ['deployments'] }] }, res('deployments', { apiGroup: 'apps' })),
    ).toBe(false);
    expect(matches({ resources: [{ group: '', resources: ['secrets'] }] }, res('secrets'))).toBe(true);
    expect(
      matches({ resources: [{ group: 'k8s.io' }] }, res('x', { apiGroup: 'rbac.authorization.k8s.io' })),
    ).toBe(false);
    expect(
      matches({ resources: [{ group: '*' }] }, res('x', { apiGroup: 'rbac.authorization.k8s.io' })),
    ).toBe(true);
    expect(matches({ resources: [{ group: '*', resources: ['secrets'] }] }, res('secrets'))).toBe(true);
  });

  test('a group entry without resources matches every resource and subresource, ignoring resourceNames', () => {
    const rule = { resources: [{ group: 'apps', resourceNames: ['only-this'] }] };
    expect(matches(rule, res('deployments', { apiGroup: 'apps', subresource: 'scale', name: 'other' }))).toBe(
      true,
    );
  });

  test('the API version is never matched', () => {
    const rule = { resources: [{ group: 'apps', resources: ['deployments'] }] };
    expect(matches(rule, res('deployments', { apiGroup: 'apps', apiVersion: 'v1beta1' }))).toBe(true);
  });

  test('resourceNames: the name must be listed; unnamed list/create never match', () => {
    const rule = { resources: [{ resources: ['configmaps'], resourceNames: ['cfg'] }] };
    expect(matches(rule, res('configmaps', { name: 'cfg' }))).toBe(true);
    expect(matches(rule, res('configmaps', { name: 'other' }))).toBe(false);
    expect(matches(rule, res('configmaps', { verb: 'list' }))).toBe(false);
    expect(matches(rule, res('configmaps', { verb: 'create', name: '' }))).toBe(false);
  });

  test('resourceNames are per entry: another entry without names still matches', () => {
    const rule = {
      resources: [
        { resources: ['configmaps'], resourceNames: ['cfg'] },
        { resources: ['configmaps', 'secrets'] },
      ],
    };
    expect(matches(rule, res('configmaps', { name: 'other' }))).toBe(true);
  });

  test('users, verbs and namespaces have no wildcard: "*" is a literal', () => {
    expect(matches({ users: ['*'] }, res('pods'))).toBe(false);
    expect(matches({ users: ['*'] }, res('pods', {}, { user: '*' }))).toBe(true);
    expect(matches({ verbs: ['*'] }, res('pods'))).toBe(false);
    expect(matches({ namespaces: ['*'] }, res('pods'))).toBe(false);
    expect(matches({ userGroups: ['*'] }, res('pods'))).toBe(false);
    expect(
      matches(
        { resources: [{ resources: ['configmaps'], resourceNames: ['*'] }] },
        res('configmaps', { name: 'x' }),
      ),
    ).toBe(false);
  });

  test('verbs are case-sensitive (GET is not get)', () => {
    expect(matches({ verbs: ['GET'] }, nonRes('/healthz'))).toBe(false);
  });

  test('namespaces [""] matches cluster-scoped and cross-namespace requests only', () => {
    expect(matches({ namespaces: [''] }, res('nodes', { namespace: '' }))).toBe(true);
    expect(matches({ namespaces: [''] }, res('pods', { verb: 'list', namespace: undefined }))).toBe(true);
    expect(matches({ namespaces: [''] }, res('pods'))).toBe(false);
    expect(matches({ namespaces: [''] }, nonRes('/healthz'))).toBe(false);
  });

  test('the Namespace object itself carries its own name as namespace', () => {
    const req = res('namespaces', { namespace: 'kube-system', name: 'kube-system' });
    expect(matches({ namespaces: ['kube-system'] }, req)).toBe(true);
    expect(matches({ namespaces: [''] }, req)).toBe(false);
  });

  test('non-resource URLs: * any, exact, raw prefix with all trailing * removed', () => {
    expect(matches({ nonResourceURLs: ['*'] }, nonRes('/anything'))).toBe(true);
    expect(matches({ nonResourceURLs: ['/healthz*'] }, nonRes('/healthz'))).toBe(true);
    expect(matches({ nonResourceURLs: ['/healthz*'] }, nonRes('/healthz/etcd'))).toBe(true);
    expect(matches({ nonResourceURLs: ['/healthz*'] }, nonRes('/healthzfoo'))).toBe(true);
    expect(matches({ nonResourceURLs: ['/api/*'] }, nonRes('/api/v1'))).toBe(true);
    expect(matches({ nonResourceURLs: ['/api/*'] }, nonRes('/api'))).toBe(false);
    expect(matches({ nonResourceURLs: ['/metrics'] }, nonRes('/metrics/'))).toBe(false);
    expect(matches({ nonResourceURLs: ['/api**'] }, nonRes('/apis'))).toBe(true);
    expect(matches({ nonResourceURLs: ['/metrics'] }, res('metrics'))).toBe(false);
  });

  test('unauthenticated requests never match users or userGroups rules', () => {
    const anonymous = res('pods', {}, {});
    expect(matches({ users: ['system:anonymous'] }, anonymous)).toBe(false);
    expect(matches({ userGroups: ['system:unauthenticated'] }, anonymous)).toBe(false);
    // Groups without a user are still "no user info".
    expect(matches({ userGroups: ['g'] }, res('pods', {}, { groups: ['g'] }))).toBe(false);
    expect(matches({ verbs: ['get'] }, anonymous)).toBe(true);
  });

  test('users and userGroups must both hold; any one group suffices', () => {
    const rule = { users: ['alice'], userGroups: ['a', 'b'] };
    expect(matches(rule, res('pods', {}, { user: 'alice', groups: ['x', 'b'] }))).toBe(true);
    expect(matches(rule, res('pods', {}, { user: 'alice', groups: ['x'] }))).toBe(false);
    expect(matches(rule, res('pods', {}, { user: 'bob', groups: ['a'] }))).toBe(false);
  });

  test('rule kind by field presence', () => {
    // resources or namespaces: resource requests only, nonResourceURLs then ignored.
    const both = { namespaces: ['default'], nonResourceURLs: ['/healthz'] };
    expect(matches(both, nonRes('/healthz'))).toBe(false);
    expect(matches(both, res('pods'))).toBe(true);
    // only nonResourceURLs: non-resource requests only.
    expect(matches({ nonResourceURLs: ['*'] }, res('pods'))).toBe(false);
    // none of the three: both kinds.
    expect(matches({ verbs: ['get'] }, res('pods'))).toBe(true);
    expect(matches({ verbs: ['get'] }, nonRes('/healthz'))).toBe(true);
    // empty lists are "absent".
    expect(matches({ resources: [], namespaces: [], nonResourceURLs: [] }, nonRes('/x'))).toBe(true);
  });
});
