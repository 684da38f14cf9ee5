import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixture, runInProcess } from './helpers';

// explain --expect that fails says what to change: Deckhouse runs the built-in rules, then the custom
// policy, then the tail rules (deckhouse-audit.md), so where the deciding rule sits decides the fix.
describe('explain --expect: the fix printed with FAIL', () => {
  test('decided by a tail rule: a custom rule can record the request', async () => {
    // Without a custom policy, kubectl exec by an ordinary user falls through to the tail rule that drops
    // authenticated users' requests (None).
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--kubectl',
      'exec web-0 -n prod -- sh',
      '--user',
      'alice',
      '--expect',
      'Request',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'FAIL: expected Request, got None\n    fix: add a rule at Request that matches this request to your custom ' +
        'policy (custom rules run before the tail rules)\n',
    );
  });

  test('decided by a built-in rule: no custom rule can change it', async () => {
    // The first basic rule drops endpoints, endpointslices and events at None.
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--kubectl',
      'get endpoints -n prod',
      '--user',
      'alice',
      '--expect',
      'Request',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '    fix: basic rule #1 (rules[0]) (built-in) decides this request before any custom rule, so no rule of ' +
        'yours can change it',
    );
  });

  test('decided by a rule of the policy: that rule is named', async () => {
    // policy.yaml's third rule records secrets and configmaps at Metadata.
    const run = await runInProcess([
      'explain',
      '--policy',
      fixture('policy.yaml'),
      '--verb',
      'list',
      '--resource',
      'secrets',
      '--namespace',
      'prod',
      '--user',
      'bob',
      '--expect',
      'None',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '    fix: rule #3 (rules[2]) decides first: change its level, or put a rule at None for this request before it\n',
    );
  });

  test('--json carries the same fix', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--kubectl',
      'exec web-0 -n prod -- sh',
      '--user',
      'alice',
      '--expect',
      'Request',
      '--json',
    ]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      expected: 'Request',
      ok: false,
      fix: 'add a rule at Request that matches this request to your custom policy (custom rules run before the tail rules)',
    });
  });

  test('the decided level with every stage the request reaches omitted writes no event: FAIL, fix about omitStages', async () => {
    // kube-apiserver writes an event only at a stage the decision does not omit (filters/audit.go); exec by
    // kubectl >= 1.31 reaches RequestReceived, ResponseStarted and ResponseComplete.
    const dir = mkdtempSync(path.join(tmpdir(), 'expect-silent-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(
      file,
      'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Request\n' +
        '    omitStages: [RequestReceived, ResponseStarted, ResponseComplete]\n',
    );
    const run = await runInProcess([
      'explain',
      '--policy',
      file,
      '--kubectl',
      'exec web-0 -n prod -- sh',
      '--expect',
      'Request',
    ]);
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'FAIL: expected Request, got Request, but no event is written (every stage it reaches is omitted)\n' +
        '    fix: take ResponseComplete out of omitStages',
    );
  });

  test('a failed login is written at ResponseStarted only: omitting it policy-wide fails --expect', async () => {
    // WithFailedAuthenticationAudit (filters/authn_audit.go) decides a request whose authentication failed
    // and writes it with stage ResponseStarted, unless the decision omits that stage; the policy's omitStages
    // reach Deckhouse's built-in rules too.
    const dir = mkdtempSync(path.join(tmpdir(), 'expect-failed-login-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(
      file,
      'apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived, ResponseStarted]\nrules:\n  - level: Metadata\n',
    );
    const args = [
      'explain',
      '--deckhouse',
      '--url',
      'GET /api/v1/namespaces/prod/secrets',
      '--unauthenticated',
    ];
    const omitted = await runInProcess([...args, '--policy', file, '--expect', 'Metadata']);
    const kept = await runInProcess([...args, '--expect', 'Metadata']);
    rmSync(dir, { recursive: true, force: true });
    expect(omitted.code).toBe(1);
    expect(omitted.stdout).toContain(
      'every stage it reaches (ResponseStarted: kube-apiserver writes a request whose authentication failed at that ' +
        'stage only) is omitted.',
    );
    expect(omitted.stdout).toContain('    fix: take ResponseStarted out of omitStages');
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain('OK: recorded at Metadata');
  });
});
