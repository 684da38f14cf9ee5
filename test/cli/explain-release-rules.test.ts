import { runInProcess } from './helpers';

// The bundled snapshot is DKP 1.77; its two pods/log rules (basic #11 and #20) shipped in v1.77.0 (deckhouse PRs
// #20016 and #20274; test/fixtures/deckhouse/merged-policy-1.76.yaml is a 1.76 file without them). A decision
// made by such a rule is not what an older cluster does, and explain says so.
describe('explain --deckhouse: a decision by a rule that older releases lack', () => {
  test('kubectl logs is decided by basic rule #11, which exists only since DKP 1.77: a note says so', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--kubectl',
      'logs web-0 -n prod',
      '--user',
      'alice',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Rule: +basic rule #11 \(rules\[10\]\): pods\/log at Metadata$/m);
    expect(run.stderr).toContain(
      'note: basic rule #11 (rules[10]), which decides this request, exists only since DKP 1.77 (deckhouse PRs ' +
        '#20016 and #20274): a cluster of an older release decides it by a later rule; pass its merged policy ' +
        'with --built-in-rules to see that decision\n',
    );
  });

  test('the note is in the JSON notes too', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--kubectl',
      'logs web-0 -n prod',
      '--user',
      'alice',
      '--json',
    ]);
    const doc = JSON.parse(run.stdout) as { notes: string[] };
    expect(
      doc.notes.some((n) => n.startsWith('basic rule #11 (rules[10]), which decides this request')),
    ).toBe(true);
  });

  test('a decision by a rule every release has carries no such note', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--url',
      'POST /api/v1/namespaces/prod/pods',
      '--user',
      'alice',
    ]);
    expect(run.stdout).toMatch(/^Rule: +basic rule #13 \(rules\[12\]\)/m);
    expect(run.stderr).not.toContain('exists only since');
  });
});

// The system lists are per release too: DKP 1.76 lists d8-ingress-nginx (deckhouse
// audit_policy_basic_targets_generated.go @00f9d115; test/fixtures/deckhouse/merged-policy-1.76.yaml), the snapshot
// does not. A check passed against the snapshot's lists says that it holds only for them.
describe('explain --deckhouse: a decision the per-release system lists change', () => {
  const args = [
    'explain',
    '--deckhouse',
    '--url',
    'PATCH /apis/apps/v1/namespaces/d8-ingress-nginx/daemonsets/controller-main',
    '--user',
    'alice',
    '--expect',
    'None',
  ];

  test('the snapshot answer None carries a note with the 1.76 answer, and the OK says whose lists it used', async () => {
    const run = await runInProcess(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Level: +None$/m);
    expect(run.stderr).toContain(
      "note: namespace d8-ingress-nginx is not among the bundled snapshot's system namespaces, which Deckhouse " +
        'generates per release from the modules it ships (DKP 1.76 lists it; its module left the main repository ' +
        'in DKP 1.77): on a cluster whose release lists it, this request is decided by basic rule #14 ' +
        '(rules[13]) at Metadata (omitting RequestReceived), not None;',
    );
    expect(run.stdout).toContain(
      "OK: recorded at None by the bundled snapshot's lists (a cluster's release may differ: see the note)",
    );
  });

  test("the 1.76 cluster's merged file gives the answer the note names", async () => {
    const run = await runInProcess([
      'explain',
      '--built-in-rules',
      'test/fixtures/deckhouse/merged-policy-1.76.yaml',
      ...args.slice(2, 6),
    ]);
    expect(run.stdout).toMatch(/^Level: +Metadata$/m);
    expect(run.stdout).toMatch(/^Omitted: +RequestReceived$/m);
    expect(run.stderr).not.toContain('is not among the bundled snapshot');
  });

  test('a namespace no release lists gets no such note', async () => {
    const run = await runInProcess([
      'explain',
      '--deckhouse',
      '--url',
      'PATCH /apis/apps/v1/namespaces/prod/daemonsets/web',
      '--user',
      'alice',
      '--expect',
      'None',
    ]);
    expect(run.stderr).not.toContain('bundled snapshot');
    expect(run.stdout).toMatch(/^OK: recorded at None$/m);
  });
});
