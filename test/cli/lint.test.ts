import { readFileSync } from 'node:fs';
import { fixture, runInProcess } from './helpers';

const F = fixture;

describe('lint', () => {
  test('a policy that records Secret bodies: the error at the rule position, exit 1', async () => {
    const run = await runInProcess(['lint', F('sensitive-policy.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    // Errors come first; rule 1 (`- level: RequestResponse`) starts at line 8, column 5.
    expect(lines[0]).toMatch(
      new RegExp(`^${esc(F('sensitive-policy.yaml'))}:8:5: error sensitive-body: .*secrets`),
    );
    expect(lines[1]).toMatch(/^ {4}fix: /);
    expect(run.stdout).toContain(`${F('sensitive-policy.yaml')}:4:5: warning request-received-not-omitted:`);
    expect(lines[lines.length - 1]).toBe(`${F('sensitive-policy.yaml')}: 1 error, 3 warnings, 0 info`);
  });

  test('--ignore drops a code; --strict fails on warnings', async () => {
    const ignored = await runInProcess(['lint', '--ignore', 'sensitive-body', F('sensitive-policy.yaml')]);
    expect(ignored.code).toBe(0);
    expect(ignored.stdout).not.toContain('sensitive-body');
    expect(ignored.stdout.trimEnd().split('\n').pop()).toBe(
      `${F('sensitive-policy.yaml')}: 0 errors, 3 warnings, 0 info — OK`,
    );
    const strict = await runInProcess([
      'lint',
      '--strict',
      '--ignore',
      'sensitive-body',
      F('sensitive-policy.yaml'),
    ]);
    expect(strict.code).toBe(1);
  });

  test('lint --deckhouse alone lints the built-in rules and finds their dead rules', async () => {
    const run = await runInProcess(['lint', '--deckhouse']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('deckhouse basic rule #20 (rules[19]): warning shadowed-rule:');
    expect(run.stdout).toContain('deckhouse virtualization rule #5 (rules[24]): warning shadowed-rule:');
    expect(run.stdout.trimEnd().split('\n').pop()).toMatch(
      /^Deckhouse built-in rules \+ tail rules: 0 errors, \d+ warnings, \d+ info — OK$/,
    );
  });

  test('--quiet hides info findings but still counts them', async () => {
    const loud = await runInProcess(['lint', '--deckhouse']);
    const quiet = await runInProcess(['lint', '--deckhouse', '--quiet']);
    expect(loud.stdout).toMatch(/: info /);
    expect(quiet.stdout).not.toMatch(/: info /);
    expect(quiet.stdout.trimEnd().split('\n').pop()).toBe(loud.stdout.trimEnd().split('\n').pop());
  });

  test('--deckhouse with a Secret: custom findings point into the decoded policy; --json', async () => {
    const run = await runInProcess(['lint', '--deckhouse', '--json', F('secret.yaml')]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.policy).toBe(
      `Deckhouse built-in rules + ${F('secret.yaml')}[data.audit-policy.yaml] + tail rules`,
    );
    expect(doc.ok).toBe(true);
    const custom0 = doc.findings.find((f: { code: string; layer?: string; location: string }) =>
      f.location.endsWith('[data.audit-policy.yaml]:7:5'),
    );
    // The exec rule (custom rule 0, effective index 27) is partly pre-empted by built-in rules.
    expect(custom0).toMatchObject({ code: 'partially-shadowed-rule', ruleIndex: 27, severity: 'warning' });
    expect(doc.counts.error).toBe(0);
  });

  test('stdin, and an invalid policy reports load errors at file:line:column with exit 1', async () => {
    const run = await runInProcess(['lint', '-'], { stdin: readFileSync(F('invalid-policy.yaml')) });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('-:8:12: rules[1].level: Unsupported value: "Everything"');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.stderr.split('\n')[0]).toBe('deckhouse-audit lint: the policy on stdin has 2 errors:');

    const json = await runInProcess(['lint', '--json', F('bundle-invalid.yaml')]);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(doc.error.kind).toBe('input');
    expect(
      doc.error.problems.map((p: { label: string; line: number; column: number }) => [
        p.label,
        p.line,
        p.column,
      ]),
    ).toEqual([
      [`${F('bundle-invalid.yaml')}[data.audit-policy.yaml]`, 8, 12],
      [`${F('bundle-invalid.yaml')}[data.audit-policy.yaml]`, 11, 18],
    ]);
  });

  test('usage errors exit 2', async () => {
    expect((await runInProcess(['lint'])).code).toBe(2);
    const noBasic = await runInProcess(['lint', '--no-basic', F('policy.yaml')]);
    expect(noBasic.code).toBe(2);
    expect(noBasic.stderr).toContain('--no-basic only makes sense with --deckhouse');
    expect((await runInProcess(['lint', F('policy.yaml'), F('policy.yaml')])).code).toBe(2);
  });
});

function esc(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
