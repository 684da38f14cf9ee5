import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import {
  AuditAssertionError,
  assertionFindings,
  checkAssertions,
  expectAudit,
  ruleForRequest,
  toRequestAttributes,
} from '../../src/policy/assertions';
import { evaluatePolicy } from '../../src/policy/evaluate';
import { requestFromUrl } from '../../src/policy/request-info';
import { Policy, PolicyRule } from '../../src/policy/types';

const policy = (rules: PolicyRule[], extra: Partial<Policy> = {}): Policy => ({
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  rules,
  ...extra,
});

const EXEC_RULE: PolicyRule = {
  level: 'Request',
  verbs: ['get', 'create'],
  resources: [{ group: '', resources: ['pods/exec'] }],
  namespaces: ['prod'],
  omitStages: ['RequestReceived'],
};

function thrown(fn: () => unknown): AuditAssertionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AuditAssertionError) return e;
    throw e;
  }
  throw new Error('expected an AuditAssertionError');
}

describe('toRequestAttributes', () => {
  it('fills partial attributes with an ordinary authenticated user', () => {
    expect(toRequestAttributes({ verb: 'create', resource: 'pods', namespace: 'prod' })).toEqual({
      user: 'user',
      groups: ['system:authenticated'],
      verb: 'create',
      resourceRequest: true,
      namespace: 'prod',
      apiGroup: '',
      resource: 'pods',
      subresource: '',
      name: '',
    });
  });

  // requestinfo.go: /api/v1/namespaces/NAME (and /status, /finalize) is in namespace NAME (k8s-audit-semantics.md
  // §5.2 step 5), so a spec for a Namespace object is what requestFromUrl gives for its URL.
  it('a Namespace object is in the namespace of its own name, as kube-apiserver reads its URL', () => {
    const spec = toRequestAttributes({ verb: 'delete', resource: 'namespaces', name: 'kube-system' });
    const url = requestFromUrl('DELETE /api/v1/namespaces/kube-system');
    expect(spec).toEqual(expect.objectContaining({ namespace: 'kube-system', resource: 'namespaces' }));
    expect(spec.namespace).toBe(url.namespace);
    expect(
      toRequestAttributes({ verb: 'update', resource: 'namespaces', subresource: 'finalize', name: 'x' })
        .namespace,
    ).toBe('x');
    expect(toRequestAttributes({ verb: 'list', resource: 'namespaces' }).namespace).toBe('');
    expect(() =>
      toRequestAttributes({ verb: 'get', resource: 'namespaces', name: 'a', namespace: 'b' }),
    ).toThrow(/namespace "b".*its own name/);
  });

  // requestinfo.go step 7: a list names a namespace only by fieldSelector, on the cluster-wide URL.
  it('a list of namespaces named by fieldSelector is cluster-wide, as kube-apiserver reads its URL', () => {
    const url = requestFromUrl('GET /api/v1/namespaces?fieldSelector=metadata.name=kube-system');
    const spec = toRequestAttributes({ verb: 'list', resource: 'namespaces', name: 'kube-system' });
    expect(url).toMatchObject({ verb: 'list', namespace: '', name: 'kube-system' });
    expect(spec).toMatchObject({ verb: url.verb, namespace: url.namespace, name: url.name });
    expect(() =>
      toRequestAttributes({ verb: 'list', resource: 'namespaces', name: 'a', namespace: 'a' }),
    ).toThrow(/a list names a namespace only by fieldSelector/);
  });

  it('adds the groups the authenticators add; unauthenticated requests have no user at all', () => {
    expect(
      toRequestAttributes({ user: 'system:serviceaccount:d8-system:deckhouse', verb: 'get' }).groups,
    ).toEqual(['system:serviceaccounts', 'system:serviceaccounts:d8-system', 'system:authenticated']);
    expect(toRequestAttributes({ user: 'system:anonymous', verb: 'get' }).groups).toEqual([
      'system:unauthenticated',
    ]);
    const anon = toRequestAttributes({ verb: 'get', path: '/healthz', unauthenticated: true });
    expect(anon).toEqual({ verb: 'get', resourceRequest: false, path: '/healthz' });
    expect(
      toRequestAttributes({ user: 'x', groups: ['g'], impliedGroups: false, verb: 'get' }).groups,
    ).toEqual(['g']);
  });

  it('takes complete attributes exactly: no user means unauthenticated', () => {
    const anon = requestFromUrl('GET /api/v1/namespaces/x/pods/p', { unauthenticated: true });
    expect(toRequestAttributes(anon)).toEqual(anon);
    const eff = deckhouseEffectivePolicy({});
    expect(() =>
      expectAudit(eff).request(anon).recordedAt('Metadata').decidedBy({ layer: 'tail', index: 1 }),
    ).not.toThrow();
  });

  it('asks for the Pod when kubectl picks it at run time: one assertion checks one decision', () => {
    // kubectl exec deploy/web takes one of the Deployment's Pods (polymorphichelpers attachablepodforobject.go);
    // a rule naming Pods (resourceNames) could decide that request either way.
    expect(() => toRequestAttributes('exec deploy/web -n prod -- sh')).toThrow(
      /kubectl picks the Pod \(of deployments\/web\) when it runs.*name the Pod instead/,
    );
    expect(() => toRequestAttributes({ kubectl: 'logs -l app=web', user: 'ops' })).toThrow(
      /kubectl picks the Pod \(of -l app=web\)/,
    );
    expect(toRequestAttributes('exec pod/web-0 -n prod -- sh')).toMatchObject({ name: 'web-0' });
  });

  it('refuses a request spec kube-apiserver never builds: a subresource without a name, or with list, deletecollection, proxy', () => {
    // RequestInfoFactory reads RESOURCE/NAME/SUBRESOURCE (k8s-audit-semantics.md §5.2).
    expect(() =>
      toRequestAttributes({ verb: 'create', resource: 'pods', subresource: 'exec', namespace: 'prod' }),
    ).toThrow(/subresource "exec" without an object name/);
    expect(() =>
      toRequestAttributes({
        verb: 'list',
        resource: 'pods',
        subresource: 'log',
        name: 'web-0',
        namespace: 'prod',
      }),
    ).toThrow(/a list request has no subresource/);
    expect(() =>
      toRequestAttributes({
        verb: 'proxy',
        resource: 'pods',
        subresource: 'log',
        name: 'web-0',
        namespace: 'prod',
      }),
    ).toThrow(/a proxy request has no subresource/);
    expect(
      toRequestAttributes({
        verb: 'create',
        resource: 'pods',
        subresource: 'exec',
        name: 'web-0',
        namespace: 'prod',
      }),
    ).toMatchObject({ subresource: 'exec', name: 'web-0' });
  });

  it('accepts a URL or a kubectl command', () => {
    expect(toRequestAttributes('GET /api/v1/namespaces/prod/pods/web-0/exec?command=ls')).toMatchObject({
      verb: 'get',
      resource: 'pods',
      subresource: 'exec',
      namespace: 'prod',
      name: 'web-0',
    });
    expect(toRequestAttributes('get secrets -n prod')).toMatchObject({ verb: 'list', resource: 'secrets' });
    // A command that starts with a path to kubectl is a command, not a URL.
    expect(toRequestAttributes('/usr/local/bin/kubectl get secrets -n prod')).toMatchObject({
      verb: 'list',
      resource: 'secrets',
      namespace: 'prod',
    });
    expect(toRequestAttributes('/api/v1/namespaces/prod/secrets')).toMatchObject({
      verb: 'list',
      namespace: 'prod',
    });
    expect(
      toRequestAttributes({ url: 'POST /api/v1/namespaces/prod/pods/web-0/exec', user: 'ops' }),
    ).toMatchObject({
      verb: 'create',
      user: 'ops',
    });
  });
});

describe('expectAudit (fluent, throwing)', () => {
  const p = policy([EXEC_RULE, { level: 'Metadata', omitStages: ['RequestReceived'] }]);

  it('passes and chains when the expectations hold', () => {
    expect(() =>
      expectAudit(p)
        .request({ verb: 'get', resource: 'pods', subresource: 'exec', namespace: 'prod', name: 'web-0' })
        .recordedAt('Request')
        .recordedAtLeast('Metadata')
        .recordedAtMost('RequestResponse')
        .decidedBy({ index: 0 })
        .withoutStage('RequestReceived')
        .withStage('ResponseComplete'),
    ).not.toThrow();
    expect(() => expectAudit(p).request('exec web-0 -n prod -- sh').recordedAt('Request')).not.toThrow();
  });

  it('explains a failure: request, expected, actual level, deciding rule', () => {
    const e = thrown(() => expectAudit(p).request('exec web-0 -n staging -- sh').recordedAt('Request'));
    expect(e.message).toBe(
      [
        'FAILS: audit assertion',
        '  request:  get pods/exec "web-0" in namespace "staging" by user "user" (groups system:authenticated)',
        '  expected: recorded at Request',
        '  actual:   recorded at Metadata (omitted stages: RequestReceived)',
        '  decided by rule #2 (rules[1]): everything at Metadata',
        '  - level is Metadata, expected Request',
        '  fix: add {"level":"Request","verbs":["get"],"resources":[{"group":"","resources":["pods/exec"]}],' +
          '"omitStages":["RequestReceived"]} before rule #2 (rules[1])',
      ].join('\n'),
    );
    expect(e.result.decision?.ruleIndex).toBe(1);
  });

  it('notRecorded and stages', () => {
    const q = policy([{ level: 'None', users: ['system:kube-proxy'] }, { level: 'Metadata' }]);
    expect(() =>
      expectAudit(q)
        .request({ user: 'system:kube-proxy', verb: 'watch', resource: 'endpoints' })
        .notRecorded(),
    ).not.toThrow();
    expect(
      thrown(() => expectAudit(q).request({ verb: 'get', resource: 'pods' }).notRecorded()).message,
    ).toContain('level is Metadata, expected None');
    expect(
      thrown(() => expectAudit(q).request({ verb: 'get', resource: 'pods' }).withoutStage('RequestReceived'))
        .message,
    ).toContain('stage RequestReceived is not omitted');
    // A request that is not recorded emits no stage at all, so "without stage" holds trivially.
    expect(() =>
      expectAudit(q)
        .request({ user: 'system:kube-proxy', verb: 'get', resource: 'pods' })
        .withoutStage('RequestReceived'),
    ).not.toThrow();
  });

  it('on the effective Deckhouse policy: layer-relative decidedBy and pre-empted custom rules', () => {
    const eff = deckhouseEffectivePolicy({
      customPolicy: policy([{ level: 'RequestResponse', resources: [{ group: '', resources: ['pods'] }] }]),
    });
    const create = expectAudit(eff).request({ verb: 'create', resource: 'pods', namespace: 'prod' });
    expect(() => create.recordedAt('Request').decidedBy({ layer: 'basic', index: 12 })).not.toThrow();
    const e = thrown(() => create.recordedAt('RequestResponse'));
    expect(e.message).toContain(
      'decided by basic rule #13 (rules[12]): pods create/delete/patch/update at Request',
    );
    expect(e.message).toContain('pre-empted: your rule #1 (rules[27]) wanted RequestResponse');
    expect(e.message).toContain('cannot be overridden');
    expect(thrown(() => create.decidedBy({ layer: 'custom' })).message).toContain('instead');
    expect(create.decision.ruleIndex).toBe(12);
  });

  it('unauthenticated requests on Deckhouse reach the Metadata catch-all', () => {
    const eff = deckhouseEffectivePolicy({});
    expect(() =>
      expectAudit(eff)
        .request({ url: 'GET /api/v1/namespaces/x/secrets/db', unauthenticated: true })
        .recordedAt('Metadata')
        .decidedBy({ layer: 'tail', index: 1 }),
    ).not.toThrow();
  });
});

describe('checkAssertions (data, non-throwing)', () => {
  it('returns one result per assertion with id, name, ok, message, fix', () => {
    const p = policy([{ level: 'Metadata' }]);
    const results = checkAssertions(p, [
      {
        id: 'a',
        name: 'secrets at Metadata',
        request: 'get secret db -n prod',
        level: 'Metadata',
      },
      {
        id: 'b',
        name: 'pod bodies',
        request: { verb: 'create', resource: 'pods' },
        atLeast: 'Request',
        fix: 'custom fix',
      },
      { id: 'c', name: 'bad url', request: 'GET not-a-path', level: 'None' },
    ]);
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      ['a', true],
      ['b', false],
      ['c', false],
    ]);
    expect(results[0].fix).toBeUndefined();
    expect(results[1].fix).toBe('custom fix');
    expect(results[2].message).toContain('cannot build the request');
  });

  it('failed results convert to findings', () => {
    const eff = deckhouseEffectivePolicy({});
    const results = checkAssertions(eff, [
      {
        name: 'exec audited',
        request: 'exec web-0 -n prod -- sh',
        atLeast: 'Metadata',
        fixRules: [EXEC_RULE],
      },
      { name: 'pods audited', request: 'delete pod web-0 -n prod', atLeast: 'Metadata' },
    ]);
    expect(assertionFindings(results)).toEqual([
      {
        code: 'assertion-failed',
        severity: 'error',
        ruleIndex: 27,
        layer: 'tail',
        message: results[0].message,
        fix: results[0].fix,
      },
    ]);
  });

  it('a suggested fix rule really fixes the request', () => {
    const p = policy([{ level: 'None', userGroups: ['system:authenticated'] }]);
    const req = toRequestAttributes('exec web-0 -n prod -- sh');
    const rule = ruleForRequest(req, 'Request');
    expect(evaluatePolicy(policy([rule, ...p.rules]), req).level).toBe('Request');
  });

  it('fixRules: a failed result offers only the rules that match its request at a level the outcome accepts', () => {
    // One fix list for a statement about several requests: the exec rule closes neither attach nor a
    // Metadata rule an atLeast Request; EXEC_RULE is for namespace prod only.
    const attach: PolicyRule = {
      level: 'Request',
      resources: [{ group: '', resources: ['pods/attach'] }],
    };
    const tooLow: PolicyRule = { level: 'Metadata', resources: [{ group: '', resources: ['pods/exec'] }] };
    const fixRules = [EXEC_RULE, attach, tooLow];
    const [execProd, attachProd, execDev] = checkAssertions(policy([{ level: 'None' }]), [
      { request: 'exec web-0 -n prod -- sh', atLeast: 'Request', fixRules },
      { request: 'attach web-0 -n prod', atLeast: 'Request', fixRules },
      { request: 'exec web-0 -n dev -- sh', atLeast: 'Request', fixRules },
    ]);
    expect(execProd.fixRules).toEqual([EXEC_RULE]);
    expect(attachProd.fixRules).toEqual([attach]);
    // None of them closes it: no rules are offered, the fix made for the request is.
    expect(execDev.fixRules).toBeUndefined();
    expect(execDev.fix).toContain('"pods/exec"');
  });
});
