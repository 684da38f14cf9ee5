import { PassThrough, Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseCommandArgs } from '../../src/cli/args';
import { lintCommand } from '../../src/cli/commands/lint';
import { UsageError } from '../../src/cli/errors';
import { auditLogOutput, choosePolicy } from '../../src/cli/policy-choice';
import { fixture } from './helpers';

const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: Readable.from([]), isTTY: false };
const choose = (argv: string[]) => {
  const args = parseCommandArgs(lintCommand, argv);
  return choosePolicy(args, io, args.positionals[0]);
};

describe('choosePolicy: the settings a file carries', () => {
  test('auditLog of the ModuleConfig is the retention model: the file decides unless a flag says the same', async () => {
    const chosen = await choose(['--deckhouse', fixture('dist-basic-off.yaml')]);
    expect(chosen.auditLog).toEqual({ output: 'Stdout', path: '/var/log/kube-audit' });
    expect(chosen.basic).toBe(false);
    expect(auditLogOutput(chosen, undefined)).toBe('Stdout');
    expect(auditLogOutput(chosen, 'Stdout')).toBe('Stdout');
    expect(() => auditLogOutput(chosen, 'File')).toThrow(UsageError);
    expect(() => auditLogOutput(chosen, 'File')).toThrow(
      '--audit-log-output File contradicts the file: ModuleConfig control-plane-manager (line 19) sets auditLog.output Stdout',
    );
  });

  test('a file without auditLog takes the schema default (File); a file without a ModuleConfig leaves it to the flag', async () => {
    const defaulted = await choose(['--deckhouse', fixture('dist-basic-on.yaml')]);
    expect(defaulted.auditLog).toEqual({ output: 'File', path: '/var/log/kube-audit' });
    expect(() => auditLogOutput(defaulted, 'Stdout')).toThrow('leaves auditLog.output at its default, File');
    const plain = await choose([fixture('policy.yaml')]);
    expect(plain.auditLog).toBeUndefined();
    expect(auditLogOutput(plain, undefined)).toBeUndefined();
    expect(auditLogOutput(plain, 'Stdout')).toBe('Stdout');
  });

  test('the same file read with and without --deckhouse gives the same settings', async () => {
    const plain = await choose([fixture('dist-basic-off.yaml')]);
    const merged = await choose(['--deckhouse', fixture('dist-basic-off.yaml')]);
    expect(plain.settings).toEqual(merged.settings);
    expect(plain.warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining(
        'the cluster runs the policy Deckhouse merges (built-in rules off, custom policy read)',
      ),
    );
  });
});

describe('choosePolicy: where the rules of a policy file are', () => {
  test('each rule is located at its own line and column of the file, in block and flow style', async () => {
    const text = [
      'apiVersion: audit.k8s.io/v1',
      'kind: Policy',
      '# the first rule follows a comment',
      'rules:',
      '  - level: None',
      '    users: ["system:kube-proxy"]',
      '  -   level: Metadata',
      '      resources:',
      '        - group: ""',
      '          resources: ["secrets"]',
      '  - {level: Request, verbs: [get]}',
      '',
      '  - level: RequestResponse',
      '',
    ].join('\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-choice-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, text);
    const chosen = await choose([file]);
    // Where each rule's first key (or the flow mapping) starts, counted from the text itself.
    const lines = text.split('\n');
    const expected = [4, 6, 10, 12].map((i) => {
      const column = lines[i].search(/level|\{/) + 1;
      return `${file}:${i + 1}:${column}`;
    });
    expect([0, 1, 2, 3].map((i) => chosen.locateRule(i))).toEqual(expected);
    expect(expected[1]).toBe(`${file}:7:7`);
  });
});
