import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { checkAssertions } from '../../src/policy/assertions';
import { evaluatePolicy } from '../../src/policy/evaluate';
import { lintPolicy } from '../../src/policy/lint';
import { requestFromUrl } from '../../src/policy/request-info';
import { Policy, Stage } from '../../src/policy/types';
import { isLongRunning, writtenStages } from '../../src/policy/written-stages';

// Which stages write an event, from kube-apiserver (staging/src/k8s.io/apiserver/pkg/endpoints/filters/audit.go,
// WithAudit): RequestReceived is processed for every request; ResponseStarted only through the long-running sink
// (set when the long-running check says so); ResponseComplete when the handler returns; Panic only on a panic;
// processAuditEvent skips a stage listed in the decision's omitStages. kube-apiserver's long-running check is
// BasicLongRunningRequestCheck(verbs watch, proxy; subresources attach, exec, proxy, log, portforward)
// (pkg/controlplane/apiserver/config.go). The policy's omitStages are merged into every rule's (checker.go), and
// Deckhouse keeps the custom policy's omitStages, so they reach its built-in rules too (deckhouse-audit.md §3).
const policy = (omitStages: Stage[], rules: Policy['rules'] = [{ level: 'Metadata' }]): Policy => ({
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  omitStages,
  rules,
});

const DELETE_SECRET = requestFromUrl('DELETE /api/v1/namespaces/prod/secrets/db', { user: 'alice' });
const WATCH_PODS = requestFromUrl('GET /api/v1/namespaces/prod/pods?watch=true', { user: 'alice' });
const EXEC = requestFromUrl('POST /api/v1/namespaces/prod/pods/web-0/exec?command=sh', { user: 'alice' });

describe('stages a request writes', () => {
  test.each([
    ['DELETE a Secret', DELETE_SECRET, false],
    ['a watch', WATCH_PODS, true],
    ['exec', EXEC, true],
    ['pods/log', requestFromUrl('GET /api/v1/namespaces/prod/pods/web-0/log', { user: 'a' }), true],
    ['pods/status', requestFromUrl('GET /api/v1/namespaces/prod/pods/web-0/status', { user: 'a' }), false],
  ])('%s is long-running: %s', (_name, req, expected) => expect(isLongRunning(req)).toBe(expected));

  test('omitting RequestReceived and ResponseComplete leaves an ordinary request no event, a watch one', () => {
    const p = policy(['RequestReceived', 'ResponseComplete']);
    expect(writtenStages(DELETE_SECRET, evaluatePolicy(p, DELETE_SECRET))).toEqual([]);
    expect(writtenStages(WATCH_PODS, evaluatePolicy(p, WATCH_PODS))).toEqual(['ResponseStarted']);
    expect(writtenStages(DELETE_SECRET, evaluatePolicy(policy(['RequestReceived']), DELETE_SECRET))).toEqual([
      'ResponseComplete',
    ]);
  });
});

describe('an assertion that a request is recorded, when every stage it writes is omitted', () => {
  test('fails, says why, and the fix is about omitStages', () => {
    const [result] = checkAssertions(policy(['RequestReceived', 'ResponseComplete']), [
      { request: { url: 'DELETE /api/v1/namespaces/prod/secrets/db' }, atLeast: 'Metadata' },
    ]);
    expect(result.ok).toBe(false);
    expect(result.decision?.level).toBe('Metadata');
    expect(result.message).toContain(
      'level Metadata, but every stage this request reaches (RequestReceived, ResponseComplete) is omitted',
    );
    expect(result.fix).toContain('take ResponseComplete out of omitStages');
  });

  test('holds for exec (long-running: ResponseStarted is written) and with only RequestReceived omitted', () => {
    const results = checkAssertions(policy(['RequestReceived', 'ResponseComplete']), [
      { request: 'exec web-0 -n prod -- sh', atLeast: 'Metadata' },
      { request: { url: 'DELETE /api/v1/namespaces/prod/secrets/db' }, atMost: 'Metadata' },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const [once] = checkAssertions(policy(['RequestReceived']), [
      { request: { url: 'DELETE /api/v1/namespaces/prod/secrets/db' }, level: 'Metadata' },
    ]);
    expect(once.ok).toBe(true);
  });
});

describe('a request whose authentication failed (no user)', () => {
  // kube-apiserver's WithFailedAuthenticationAudit (filters/authn_audit.go) evaluates the policy for it and writes
  // one event, stage ResponseStarted, through a response writer that skips the decision's omitStages.
  const FAILED_LOGIN = requestFromUrl('GET /api/v1/namespaces/prod/secrets');
  const noUser = { ...FAILED_LOGIN, user: undefined, groups: undefined };

  test('is written at ResponseStarted only', () => {
    expect(writtenStages(noUser, evaluatePolicy(policy([]), noUser))).toEqual(['ResponseStarted']);
    expect(
      writtenStages(noUser, evaluatePolicy(policy(['RequestReceived', 'ResponseComplete']), noUser)),
    ).toEqual(['ResponseStarted']);
    expect(writtenStages(noUser, evaluatePolicy(policy(['ResponseStarted']), noUser))).toEqual([]);
  });

  test('an assertion that it is recorded fails when ResponseStarted is omitted, on Deckhouse too', () => {
    const effective = deckhouseEffectivePolicy({
      customPolicy: policy(['RequestReceived', 'ResponseStarted'], [{ level: 'Metadata' }]),
    });
    const [result] = checkAssertions(effective, [
      { request: { url: 'GET /api/v1/namespaces/prod/secrets', unauthenticated: true }, atLeast: 'Metadata' },
    ]);
    expect(result.ok).toBe(false);
    expect(result.message).toContain(
      'every stage this request reaches (ResponseStarted: kube-apiserver writes',
    );
    expect(result.fix).toContain('take ResponseStarted out of omitStages');
    const [withoutOmit] = checkAssertions(deckhouseEffectivePolicy({}), [
      { request: { url: 'GET /api/v1/namespaces/prod/secrets', unauthenticated: true }, atLeast: 'Metadata' },
    ]);
    expect(withoutOmit.ok).toBe(true);
  });
});

describe('withStage / emitsStages: a stage the request never reaches is not emitted', () => {
  test('ResponseStarted: written for exec and a watch, never for a DELETE, and alone for a failed login', () => {
    const results = checkAssertions(policy([]), [
      { request: 'exec web-0 -n prod -- sh', emitsStages: ['ResponseStarted'] },
      { request: { url: 'GET /api/v1/namespaces/prod/pods?watch=true' }, emitsStages: ['ResponseStarted'] },
      { request: { url: 'DELETE /api/v1/namespaces/prod/secrets/db' }, emitsStages: ['ResponseStarted'] },
      {
        request: { url: 'GET /api/v1/namespaces/prod/secrets', unauthenticated: true },
        emitsStages: ['ResponseComplete'],
      },
      {
        request: { url: 'GET /api/v1/namespaces/prod/secrets', unauthenticated: true },
        emitsStages: ['ResponseStarted'],
      },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false, false, true]);
    expect(results[2].message).toContain(
      'stage ResponseStarted is never written for this request, which reaches only RequestReceived, ResponseComplete',
    );
  });
});

describe('lint: policy-wide omitStages that leave ordinary requests without an event', () => {
  const disabled = (p: Parameters<typeof lintPolicy>[0]) =>
    lintPolicy(p).filter((f) => f.code === 'audit-disabled');

  test('a plain policy is reported once, policy-wide', () => {
    const [finding, ...rest] = disabled(policy(['RequestReceived', 'ResponseComplete']));
    expect(rest).toEqual([]);
    expect(finding.ruleIndex).toBe(-1);
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('kube-apiserver writes no event for an ordinary request');
    expect(finding.message).toContain('still write ResponseStarted');
    expect(finding.fix).toBe(
      'omit only RequestReceived (each request is then logged once, when it completes)',
    );
  });

  test("on Deckhouse the custom policy's omitStages silence the built-in rules too", () => {
    const custom = policy(['RequestReceived', 'ResponseStarted', 'ResponseComplete'], []);
    const [finding] = disabled(deckhouseEffectivePolicy({ customPolicy: custom }));
    expect(finding.message).toContain("Deckhouse's built-in ones included");
    expect(finding.message).toContain('not even long-running ones');
  });

  test.each<{ omitStages: Stage[] }>([
    { omitStages: ['RequestReceived'] },
    { omitStages: ['ResponseStarted', 'ResponseComplete'] },
    { omitStages: [] },
  ])('omitStages $omitStages are not reported', ({ omitStages }) =>
    expect(disabled(policy(omitStages))).toEqual([]),
  );
});

describe('lint: one rule whose omitStages leave ordinary requests without an event', () => {
  const secretsAt = (level: Policy['rules'][0]['level'], omitStages: Stage[]): Policy['rules'][0] => ({
    level,
    resources: [{ group: '', resources: ['secrets'] }],
    omitStages,
  });
  const codes = (p: Policy, code: string) => lintPolicy(p).filter((f) => f.code === code);

  test('the rule is reported at its index; it is no sensitive-body leak, since ResponseComplete carries the bodies', () => {
    const p = policy(
      [],
      [
        secretsAt('RequestResponse', ['RequestReceived', 'ResponseComplete']),
        { level: 'Metadata', omitStages: ['RequestReceived'] },
      ],
    );
    const [finding, ...rest] = codes(p, 'audit-disabled');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleIndex: 0, severity: 'warning' });
    expect(finding.message).toContain(
      'kube-apiserver writes no event for an ordinary one at RequestResponse',
    );
    expect(codes(p, 'sensitive-body')).toEqual([]);
    // The evaluator agrees: a create of a Secret under this rule writes no stage at all.
    const create = requestFromUrl('POST /api/v1/namespaces/prod/secrets', { user: 'alice' });
    expect(writtenStages(create, evaluatePolicy(p, create))).toEqual([]);
  });

  test("the policy's omitStages count with the rule's, and are reported once, for the policy, when they hold both", () => {
    const merged = policy(
      ['ResponseComplete'],
      [secretsAt('Request', ['RequestReceived']), { level: 'Metadata' }],
    );
    expect(codes(merged, 'audit-disabled').map((f) => f.ruleIndex)).toEqual([0]);
    expect(codes(merged, 'audit-disabled')[0].message).toContain("(with the policy's omitStages)");
    // The catch-all rule keeps RequestReceived and loses ResponseComplete: each request is logged once, not twice.
    expect(codes(merged, 'request-received-not-omitted')).toEqual([]);
    const both = policy(
      ['RequestReceived', 'ResponseComplete'],
      [secretsAt('Request', []), { level: 'Metadata' }],
    );
    expect(codes(both, 'audit-disabled').map((f) => f.ruleIndex)).toEqual([-1]);
  });

  test('a rule that still writes ResponseComplete keeps its sensitive-body error', () => {
    const p = policy(
      [],
      [
        secretsAt('RequestResponse', ['RequestReceived']),
        { level: 'Metadata', omitStages: ['RequestReceived'] },
      ],
    );
    expect(codes(p, 'audit-disabled')).toEqual([]);
    expect(codes(p, 'sensitive-body').map((f) => f.severity)).toContain('error');
  });
});
