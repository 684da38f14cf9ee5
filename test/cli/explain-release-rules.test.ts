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
