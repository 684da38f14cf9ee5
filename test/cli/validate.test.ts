import { readFileSync } from 'node:fs';
import { fixture, runInProcess } from './helpers';

const F = (name: string) => fixture(name);

describe('validate', () => {
  test('a valid policy passes with exit 0 and says how many rules it has', async () => {
    const run = await runInProcess(['validate', F('policy.yaml')]);
    expect(run).toEqual({
      code: 0,
      stdout: `${F('policy.yaml')}: OK (5 rules, Kubernetes 1.32)\n`,
      stderr: '',
    });
  });

  test('errors are printed as file:line:column: message with the fix indented below, exit 1', async () => {
    const run = await runInProcess(['validate', F('invalid-policy.yaml')]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    // `level: Everything` is on line 8, its value at column 12; the misspelt stage on line 11, column 18.
    expect(lines[0]).toMatch(
      new RegExp(
        `^${escape(F('invalid-policy.yaml'))}:8:12: rules\\[1\\]\\.level: Unsupported value: "Everything"`,
      ),
    );
    expect(lines[1]).toMatch(/^ {4}fix: /);
    expect(lines[2]).toMatch(
      new RegExp(
        `^${escape(F('invalid-policy.yaml'))}:11:18: rules\\[2\\]\\.omitStages\\[0\\]: .*"RequestRecieved"`,
      ),
    );
    expect(lines[3]).toMatch(/^ {4}fix: .*RequestReceived/);
    expect(run.stdout).not.toMatch(/OK/);
  });

  test('a Secret manifest is base64-decoded and positions count inside the decoded policy', async () => {
    const ok = await runInProcess(['validate', F('secret.yaml')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(`${F('secret.yaml')}[data.audit-policy.yaml]: OK (5 rules, Kubernetes 1.32)\n`);

    // The ModuleConfig document before the Secret is skipped; the decoded policy is invalid-policy.yaml.
    const bad = await runInProcess(['validate', F('bundle-invalid.yaml')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`${F('bundle-invalid.yaml')}[data.audit-policy.yaml]:8:12: rules[1].level`);
    expect(bad.stdout).toContain(
      `${F('bundle-invalid.yaml')}[data.audit-policy.yaml]:11:18: rules[2].omitStages[0]`,
    );
  });

  test('stringData works and draws a warning; the policy is still valid', async () => {
    const run = await runInProcess(['validate', F('secret-stringdata.yaml')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${F('secret-stringdata.yaml')}:7:22: warning: the policy is in stringData`);
    expect(run.stdout).toContain('[stringData.audit-policy.yaml]: OK (1 rule, Kubernetes 1.32)');
  });

  test('broken Secrets are errors at the Secret position', async () => {
    const b64 = await runInProcess(['validate', F('secret-bad-base64.yaml')]);
    expect(b64.code).toBe(1);
    expect(b64.stdout).toContain(
      `${F('secret-bad-base64.yaml')}:7:22: Secret kube-system/audit-policy: data."audit-policy.yaml" is not valid base64`,
    );
    const key = await runInProcess(['validate', F('secret-wrong-key.yaml')]);
    expect(key.code).toBe(1);
    expect(key.stdout).toContain('has no key "audit-policy.yaml" in data or stringData');
  });

  test('"-" reads standard input', async () => {
    const run = await runInProcess(['validate', '-'], { stdin: readFileSync(F('secret.yaml')) });
    expect(run).toEqual({
      code: 0,
      stdout: '-[data.audit-policy.yaml]: OK (5 rules, Kubernetes 1.32)\n',
      stderr: '',
    });
  });

  test('--kubernetes-version changes what is valid (group "*" is accepted from 1.36)', async () => {
    const text =
      'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n    resources:\n      - group: "*"\n';
    const old = await runInProcess(['validate', '--kubernetes-version', '1.35', '-'], { stdin: text });
    expect(old.code).toBe(1);
    // Upstream names the field without the list index.
    expect(old.stdout).toMatch(/^-:6:16: rules\[0\]\.resources\.group: Invalid value: "\*"/m);
    const current = await runInProcess(['validate', '--kubernetes-version', 'v1.36.0', '-'], { stdin: text });
    expect(current.code).toBe(0);
    expect(current.stdout).toBe('-: OK (1 rule, Kubernetes v1.36.0)\n');
  });

  test('--json prints one document with every file, its policies, errors and warnings', async () => {
    const run = await runInProcess([
      'validate',
      '--json',
      F('policy.yaml'),
      F('invalid-policy.yaml'),
      F('missing.yaml'),
    ]);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc.valid).toBe(false);
    expect(doc.kubernetesVersion).toBe('1.32');
    expect(doc.files.map((f: { valid: boolean }) => f.valid)).toEqual([true, false, false]);
    expect(doc.files[0].policies).toEqual([{ label: F('policy.yaml'), container: 'policy', rules: 5 }]);
    expect(doc.files[1].errors[0]).toMatchObject({
      label: F('invalid-policy.yaml'),
      line: 8,
      column: 12,
      field: 'rules[1].level',
    });
    expect(doc.files[2].errors).toEqual([{ label: F('missing.yaml'), message: 'no such file' }]);
  });

  test('several files: a summary line, exit 1 when any has an error', async () => {
    const run = await runInProcess(['validate', F('policy.yaml'), F('invalid-policy.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('2 files checked, 1 with errors');
  });

  test('usage errors exit 2 with the usage on stderr', async () => {
    const none = await runInProcess(['validate']);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(
      /^deckhouse-audit validate: needs at least one FILE\nusage: deckhouse-audit validate /,
    );
    const badVersion = await runInProcess(['validate', '--kubernetes-version', 'latest', F('policy.yaml')]);
    expect(badVersion.code).toBe(2);
    expect(badVersion.stderr).toContain(
      "--kubernetes-version needs a version like 1.32 or v1.36.2, got 'latest'",
    );
    const twice = await runInProcess(['validate', '-', '-']);
    expect(twice.code).toBe(2);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
