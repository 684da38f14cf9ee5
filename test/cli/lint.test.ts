import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO, fixture, runInProcess } from './helpers';

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

describe('lint --deckhouse on a synthesized file: the ModuleConfig beside the Secret decides the merge', () => {
  test('basicAuditPolicyEnabled: true (the default): the custom leases rule is shadowed by basic rule #2', async () => {
    const run = await runInProcess(['lint', '--deckhouse', F('dist-basic-on.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${F('dist-basic-on.yaml')}[data.audit-policy.yaml]:6:5: error shadowed-rule: your rule #1 (rules[27])`,
    );
  });

  test('basicAuditPolicyEnabled: false in the file: no built-in rules are merged, so no false shadowed-rule error', async () => {
    const run = await runInProcess(['lint', '--deckhouse', '--json', F('dist-basic-off.yaml')]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.policy).toBe(
      `${F('dist-basic-off.yaml')}[data.audit-policy.yaml] (settings: ModuleConfig control-plane-manager in ${F('dist-basic-off.yaml')})`,
    );
    expect(doc.findings.filter((f: { code: string }) => f.code === 'shadowed-rule')).toEqual([]);
    expect(doc.findings.every((f: { location: string }) => !f.location.startsWith('deckhouse '))).toBe(true);
    // The same as saying --no-basic, which agrees with the file.
    const flagged = await runInProcess([
      'lint',
      '--deckhouse',
      '--no-basic',
      '--json',
      F('dist-basic-off.yaml'),
    ]);
    expect(JSON.parse(flagged.stdout).findings).toEqual(doc.findings);
  });

  test('a flag that contradicts the file is a usage error naming the setting', async () => {
    const stated = await runInProcess(['lint', '--deckhouse', '--no-basic', F('dist-secret-not-read.yaml')]);
    expect(stated.code).toBe(2);
    expect(stated.stderr).toContain(
      `--no-basic contradicts the file: ${F('dist-secret-not-read.yaml')}:18:32 sets basicAuditPolicyEnabled: true`,
    );
    const defaulted = await runInProcess(['lint', '--deckhouse', '--no-basic', F('dist-basic-on.yaml')]);
    expect(defaulted.code).toBe(2);
    expect(defaulted.stderr).toContain('leaves basicAuditPolicyEnabled at its default, true');
    const extra = await runInProcess([
      'lint',
      '--deckhouse',
      '--extra-service-account',
      'system:serviceaccount:a:b',
      F('dist-basic-off.yaml'),
    ]);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('--extra-service-account extends the built-in rules, but');
  });

  test('--built-in-rules with a file whose ModuleConfig turns the built-in rules off is a usage error', async () => {
    const merged = path.join(REPO, 'test/fixtures/deckhouse/merged-policy-1.76.yaml');
    const run = await runInProcess(['lint', '--built-in-rules', merged, F('dist-basic-off.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--built-in-rules gives the built-in rules, but');
    // With the built-in rules on in the file, the cluster's rules and the file's Secret are merged.
    const on = await runInProcess(['lint', '--json', '--built-in-rules', merged, F('dist-basic-on.yaml')]);
    expect(JSON.parse(on.stdout).policy).toBe(
      `built-in rules of ${merged} + ${F('dist-basic-on.yaml')}[data.audit-policy.yaml] + tail rules (settings: ModuleConfig control-plane-manager in ${F('dist-basic-on.yaml')})`,
    );
    // The merged-policy file is read bounded too: a never-ending stdin is refused, not read to the end.
    const endless = await runInProcess(['lint', '--built-in-rules', '-'], {
      stdin: Buffer.alloc(5 * 1024 * 1024, 0x61),
    });
    expect(endless.code).toBe(1);
    expect(endless.stderr).toContain('standard input: more than 3582642 bytes, over the 3582642-byte limit');
  });

  test('auditPolicyEnabled false: the Secret is not merged, and lint says Deckhouse does not read it', async () => {
    const run = await runInProcess(['lint', '--deckhouse', '--json', F('dist-secret-not-read.yaml')]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.policy).toMatch(/^Deckhouse built-in rules \+ tail rules \(settings: /);
    expect(doc.findings.filter((f: { layer?: string }) => f.layer === 'custom')).toEqual([]);
    expect(doc.warnings).toContainEqual(
      expect.objectContaining({
        label: F('dist-secret-not-read.yaml'),
        message:
          'Deckhouse does not read this policy: ModuleConfig control-plane-manager leaves auditPolicyEnabled at its default, false',
      }),
    );
  });

  test('a file with the settings and no Secret: the built-in rules as configured, the custom rules said to be missing', async () => {
    const run = await runInProcess(['lint', '--deckhouse', F('module-config-only.yaml')]);
    expect(run.stdout).toContain(
      `${F('module-config-only.yaml')}:9:27: warning: ModuleConfig control-plane-manager sets auditPolicyEnabled: true, but this file holds no Secret kube-system/audit-policy`,
    );
    expect(run.stdout.trimEnd().split('\n').pop()).toMatch(/^no rules \(audit off\) \(settings: /);
    // Without --deckhouse there is no policy to lint.
    const plain = await runInProcess(['lint', F('module-config-only.yaml')]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('holds a ModuleConfig control-plane-manager, not an audit Policy');
  });

  test('without --deckhouse, a file with the ModuleConfig draws a warning that the cluster runs the merge', async () => {
    const run = await runInProcess(['lint', F('dist-basic-on.yaml')]);
    expect(run.stdout).toContain(
      `${F('dist-basic-on.yaml')}:18:27: warning: the file holds ModuleConfig control-plane-manager: the cluster runs the policy Deckhouse merges (built-in rules on, custom policy read), not this policy alone`,
    );
    expect(run.stdout).toContain('fix: add --deckhouse to check the policy the cluster runs');
  });
});

describe("simulate and diff take the file's auditLog for the retention model", () => {
  const LOG = fixture('audit.log');

  test('auditLog.output Stdout in the file: history is the kubelet container log, without a flag', async () => {
    const run = await runInProcess([
      'simulate',
      '--deckhouse',
      '--json',
      '--policy',
      F('dist-basic-off.yaml'),
      LOG,
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).retention).toMatchObject({
      output: 'Stdout',
      containerLog: expect.any(Object),
    });
    const file = await runInProcess([
      'simulate',
      '--deckhouse',
      '--json',
      '--policy',
      F('dist-basic-on.yaml'),
      LOG,
    ]);
    expect(JSON.parse(file.stdout).retention).toMatchObject({ output: 'File', limitedBy: 'age' });
  });

  test('a contradicting --audit-log-output or container-log flag is a usage error; an agreeing one is fine', async () => {
    const contra = await runInProcess([
      'simulate',
      '--deckhouse',
      '--audit-log-output',
      'File',
      '--policy',
      F('dist-basic-off.yaml'),
      LOG,
    ]);
    expect(contra.code).toBe(2);
    expect(contra.stderr).toContain(
      '--audit-log-output File contradicts the file: ModuleConfig control-plane-manager (line 19) sets auditLog.output Stdout',
    );
    const agree = await runInProcess([
      'simulate',
      '--deckhouse',
      '--audit-log-output',
      'Stdout',
      '--policy',
      F('dist-basic-off.yaml'),
      LOG,
    ]);
    expect(agree.code).toBe(0);
    const kubelet = await runInProcess([
      'simulate',
      '--deckhouse',
      '--container-log-max-files',
      '5',
      '--policy',
      F('dist-basic-on.yaml'),
      LOG,
    ]);
    expect(kubelet.code).toBe(2);
    expect(kubelet.stderr).toContain(
      "but the policy file's ModuleConfig control-plane-manager leaves auditLog.output at its default, File",
    );
  });

  test('diff: two files with different outputs cannot share one replay', async () => {
    const run = await runInProcess([
      'diff',
      '--deckhouse',
      '--policy',
      F('dist-basic-on.yaml'),
      '--policy',
      F('dist-basic-off.yaml'),
      LOG,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the policy files configure different auditLog.output (File and Stdout)');
  });
});

describe('every command reads a policy file the same way', () => {
  const LOG = fixture('audit.log');
  const commands: Array<[string, (file: string) => string[]]> = [
    ['validate', (file) => ['validate', file]],
    ['lint', (file) => ['lint', file]],
    ['lint --deckhouse', (file) => ['lint', '--deckhouse', file]],
    ['explain', (file) => ['explain', '--policy', file, '--url', 'GET /api/v1/pods']],
    [
      'explain --deckhouse',
      (file) => ['explain', '--deckhouse', '--policy', file, '--url', 'GET /api/v1/pods'],
    ],
    ['simulate', (file) => ['simulate', '--policy', file, LOG]],
    ['diff', (file) => ['diff', '--deckhouse', '--policy', file, LOG]],
  ];

  test.each(commands)(
    '%s refuses a Secret with the policy in both data and stringData',
    async (_name, argv) => {
      const run = await runInProcess([...argv(F('secret-data-and-stringdata.yaml')), '--json']);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('in both data and stringData (different values)');
      expect(run.stdout).toContain('so the cluster would use stringData');
      expect(() => JSON.parse(run.stdout)).not.toThrow();
    },
  );

  test.each(commands)('%s refuses an oversized policy before parsing it', async (_name, argv) => {
    const run = await runInProcess([...argv(F('policy.yaml')), '--max-policy-bytes', '100']);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain('the policy is 485 bytes, more than 100 bytes');
  });
});

test('lint --help names no --policy option (lint refuses it: the policy is FILE)', async () => {
  const help = (await runInProcess(['lint', '--help'])).stdout;
  expect(help).not.toContain('--policy');
  expect(help).toContain('without FILE the custom rules in MERGED are linted too');
  expect((await runInProcess(['lint', '--policy', F('policy.yaml')])).code).toBe(2);
});

function esc(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
