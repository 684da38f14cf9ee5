import { readFileSync } from 'node:fs';
import { fixture, runInProcess } from './helpers';

// --container-log-max-size/--container-log-max-files describe the kubelet's rotation of a Stdout audit log; on
// their own (JSON-lines input defaults to File output) they were ignored without a word.
describe('container-log flags without --audit-log-output', () => {
  test('imply Stdout output: retention follows the kubelet rotation they describe', async () => {
    const run = await runInProcess([
      'simulate',
      '--policy',
      fixture('policy.yaml'),
      '--container-log-max-size',
      '10Mi',
      fixture('audit.log'),
      '--json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { retention: { output: string } };
    expect(report.retention.output).toBe('Stdout');
    const text = await runInProcess([
      'simulate',
      '--policy',
      fixture('policy.yaml'),
      '--container-log-max-size',
      '10Mi',
      fixture('audit.log'),
    ]);
    // 4 files: Deckhouse's NodeGroup default containerLogMaxFiles; 10 MiB: the flag.
    expect(text.stdout).toContain("limited by the kubelet's container log: 4 files × 10 MiB");
  });

  test('are still refused beside a ModuleConfig that leaves auditLog.output at File, naming which', async () => {
    const run = await runInProcess([
      'simulate',
      '--deckhouse',
      '--policy',
      fixture('dist-basic-on.yaml'),
      '--container-log-max-files',
      '5',
      fixture('audit.log'),
    ]);
    expect(run.code).toBe(2);
    // dist-basic-on.yaml's ModuleConfig sets auditPolicyEnabled only: File is Deckhouse's default output.
    expect(run.stderr).toContain(
      "but the policy file's ModuleConfig control-plane-manager leaves auditLog.output at its default, File: " +
        'set spec.settings.apiserver.auditLog.output: Stdout there, or leave the container-log flags out',
    );
    const explicit = readFileSync(fixture('dist-basic-on.yaml'), 'utf8').replace(
      '      auditPolicyEnabled: true\n',
      '      auditPolicyEnabled: true\n      auditLog:\n        output: File\n',
    );
    const stated = await runInProcess(
      ['simulate', '--deckhouse', '--policy', '-', '--container-log-max-size', '10Mi', fixture('audit.log')],
      { stdin: explicit },
    );
    expect(stated.code).toBe(2);
    // Line 20: the output: File line under auditLog.
    expect(stated.stderr).toContain('ModuleConfig control-plane-manager (line 20) sets auditLog.output File');
  });
});

describe("kube-apiserver's file-rotation flags with Stdout output", () => {
  test('are refused, with the container-log flags as the fix', async () => {
    const run = await runInProcess([
      'simulate',
      '--policy',
      fixture('policy.yaml'),
      '--audit-log-output',
      'Stdout',
      '--max-backups',
      '3',
      fixture('audit.log'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "--max-backups describes kube-apiserver's rotation of the audit log file (auditLog.output File), but the " +
        "output is Stdout, where the kubelet's container-log rotation decides: use --container-log-max-size/" +
        '--container-log-max-files instead',
    );
  });
});
