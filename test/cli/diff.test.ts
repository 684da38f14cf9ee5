import { fixture, runInProcess } from './helpers';

const F = fixture;

// A = policy.yaml (exec and attach at Request, Secrets at Metadata), B = sensitive-policy.yaml (exec only,
// Secret bodies at RequestResponse, no policy-level omitStages). Under Deckhouse on test/fixtures/cli/audit.log
// B additionally writes the exec RequestReceived event (its stage is no longer omitted): one more Request event.
const AB = ['--deckhouse', '--policy', F('policy.yaml'), '--policy', F('sensitive-policy.yaml')];

describe('diff', () => {
  test('table: headline, per-level deltas, changed rules, and the new sensitive-body error of B (exit 1)', async () => {
    const run = await runInProcess(['diff', ...AB, F('audit.log')]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^\+[\d.]+ (B|KiB)\/day, retention unchanged \(30 d\), 1 new lint error$/);
    expect(run.stdout).toContain(`A: Deckhouse built-in rules + ${F('policy.yaml')} + tail rules`);
    expect(run.stdout).toMatch(/^Request +3 +4 +\+1 /m);
    expect(run.stdout).toMatch(/^written +6 +7 +\+1 /m);
    expect(run.stdout).toMatch(/^new → your rule #1 \(rules\[27\]\) +Request +0 +2 +\+2 /m);
    expect(run.stdout).toMatch(/^your rule #1 \(rules\[27\]\) → removed +Request +2 +0 +-1 /m);
    expect(run.stdout).toContain('New lint errors in B (1):');
    expect(run.stdout).toContain(`  ${F('sensitive-policy.yaml')}:8:5: error sensitive-body:`);
  });

  test('--format markdown is a pull-request comment', async () => {
    const run = await runInProcess(['diff', ...AB, '--format', 'markdown', F('audit.log')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^### Audit policy change: \+[\d.]+ (B|KiB)\/day, retention unchanged \(30 d\), 1 new lint error\n/,
    );
    expect(run.stdout).toContain('**1 new lint error in B:**');
    expect(run.stdout).toContain(`- :x: \`sensitive-body\` at \`${F('sensitive-policy.yaml')}:8:5\``);
    expect(run.stdout).toContain('| level | events A | events B | Δ events | bytes A | bytes B | Δ bytes |');
    expect(run.stdout).toMatch(/^\| Request \| 3 \| 4 \| \+1 \|/m);
    expect(run.stdout).toContain('| rule (A → B) | level |');
  });

  test('--json: the diff object, both descriptions, the headline and the new lint errors', async () => {
    const run = await runInProcess(['diff', ...AB, '--json', F('audit.log.gz')]);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc.diff.written.events).toEqual({ a: 6, b: 7, delta: 1 });
    // Both decide the exec RequestReceived event at Request; only B writes it.
    expect(doc.diff.decided.Request).toEqual({ a: 4, b: 4, delta: 0 });
    expect(doc.diff.written.byLevel.Request).toEqual({ a: 3, b: 4, delta: 1 });
    expect(doc.diff.differentInputs).toBe(false);
    expect(doc.diff.bytesPerDay.delta).toBeCloseTo(doc.diff.written.bytes.delta * 24, 6);
    expect(doc.lint.newErrors).toHaveLength(1);
    expect(doc.lint.newErrors[0]).toMatchObject({
      code: 'sensitive-body',
      location: `${F('sensitive-policy.yaml')}:8:5`,
    });
    expect(doc.headline).toMatch(/1 new lint error$/);
    // The same unloggedStages as simulate reports for each policy alone.
    for (const [side, policy] of [
      ['a', 'policy.yaml'],
      ['b', 'sensitive-policy.yaml'],
    ] as const) {
      const alone = await runInProcess([
        'simulate',
        '--deckhouse',
        '--policy',
        F(policy),
        '--json',
        F('audit.log'),
      ]);
      const report = JSON.parse(alone.stdout);
      expect(report.unloggedStages).toBeDefined();
      expect(doc.unloggedStages[side]).toEqual(report.unloggedStages);
    }
  });

  test('the same policy twice: nothing changes, exit 0', async () => {
    const run = await runInProcess([
      'diff',
      '--policy',
      F('policy.yaml'),
      '--policy',
      F('secret.yaml'),
      F('audit.log'),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('±0 B/day, retention unchanged (30 d)');
    expect(run.stdout).toContain('No rule changed what it decides in this log.');
  });

  test('--deckhouse with one --policy compares with the built-in rules alone', async () => {
    const run = await runInProcess([
      'diff',
      '--deckhouse',
      '--policy',
      F('policy.yaml'),
      '--json',
      F('audit.log'),
    ]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.a).toBe('Deckhouse built-in rules + tail rules');
    expect(doc.b).toBe(`Deckhouse built-in rules + ${F('policy.yaml')} + tail rules`);
    expect(doc.diff.rules.filter((r: { status: string }) => r.status === 'added')).toHaveLength(5);
  });

  test('usage errors exit 2', async () => {
    const one = await runInProcess(['diff', '--policy', F('policy.yaml'), F('audit.log')]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('give --policy A --policy B');
    const format = await runInProcess(['diff', ...AB, '--format', 'html', F('audit.log')]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format needs table or markdown, got 'html'");
    expect((await runInProcess(['diff', ...AB])).code).toBe(2);
  });
});
