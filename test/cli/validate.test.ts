import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main';
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

  // Deckhouse's hook (deckhouse-audit.md §3) keeps the custom policy's rules and top-level omitStages only: a
  // policy-wide omitManagedFields: true loads, but managedFields stay in the bodies it records.
  test('a Secret policy with a policy-wide omitManagedFields: true is valid, with a warning that Deckhouse drops it', async () => {
    const secret = (policy: string) =>
      'apiVersion: v1\nkind: Secret\nmetadata: { name: audit-policy, namespace: kube-system }\n' +
      `data:\n  audit-policy.yaml: ${Buffer.from(policy).toString('base64')}\n`;
    const policy = (omit: string) =>
      `apiVersion: audit.k8s.io/v1\nkind: Policy\n${omit}rules:\n- level: Metadata\n`;
    const run = await runInProcess(['validate', '-'], { stdin: secret(policy('omitManagedFields: true\n')) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '-[data.audit-policy.yaml]: warning: customPolicy.omitManagedFields (true) is dropped by Deckhouse',
    );
    expect(run.stdout).toContain('fix: set omitManagedFields on each custom rule instead');
    for (const text of [secret(policy('omitManagedFields: false\n')), policy('omitManagedFields: true\n')]) {
      const other = await runInProcess(['validate', '-'], { stdin: text });
      expect(other.stdout).not.toContain('dropped by Deckhouse');
    }
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

  test('the fix for group "*" before 1.36 does not offer a wider rule as the same one', async () => {
    // A rule with neither resources nor namespaces also matches non-resource requests (k8s-audit-semantics.md
    // §4.3/§4.4): "leave resources out to match every group" would widen `group: "*", resources: [secrets]` to
    // every request, /healthz included.
    const text =
      'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n    resources:\n' +
      '      - group: "*"\n        resources: [secrets]\n';
    const run = await runInProcess(['validate', '--kubernetes-version', '1.35', '-'], { stdin: text });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'list each group in an entry of its own ("" is the core group) with the same resources',
    );
    expect(run.stdout).toContain('non-resource URLs such as /healthz too');
    expect(run.stdout).not.toContain('leave "resources" out to match every group');
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
    expect(doc.files[2].errors).toEqual([
      { label: F('missing.yaml'), message: 'no such file', fix: 'check the path' },
    ]);
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

const POLICY = 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n';
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('validate: what the cluster really reads', () => {
  test('a Secret with the policy in both data and stringData is refused, naming the one the cluster uses', async () => {
    const run = await runInProcess(['validate', F('secret-data-and-stringdata.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `${F('secret-data-and-stringdata.yaml')}:9:22: Secret kube-system/audit-policy holds "audit-policy.yaml" in both ` +
        'data and stringData (different values): the API server merges stringData over data when the Secret is ' +
        'written, so the cluster would use stringData."audit-policy.yaml"\n' +
        '    fix: keep the policy in one place: remove stringData."audit-policy.yaml" (or data."audit-policy.yaml")\n',
    );
  });

  test.each([
    [
      'both identical',
      `data:\n  audit-policy.yaml: ${b64(POLICY)}\nstringData:\n  audit-policy.yaml: |\n    ${POLICY.trimEnd().split('\n').join('\n    ')}\n`,
      '(the same value)',
    ],
    ['in a List, JSON', '', '(different values)'],
  ])('data and stringData: %s', async (_name, body, detail) => {
    const text =
      body !== ''
        ? `apiVersion: v1\nkind: Secret\nmetadata: {name: audit-policy, namespace: kube-system}\n${body}`
        : JSON.stringify({
            apiVersion: 'v1',
            kind: 'List',
            items: [
              {
                apiVersion: 'v1',
                kind: 'Secret',
                metadata: { name: 'audit-policy', namespace: 'kube-system' },
                data: { 'audit-policy.yaml': b64(POLICY) },
                stringData: { 'audit-policy.yaml': POLICY.replace('Metadata', 'None') },
              },
            ],
          });
    const run = await runInProcess(['validate', '-'], { stdin: text });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`in both data and stringData ${detail}`);
    expect(run.stdout).not.toMatch(/OK/);
  });

  test('a ModuleConfig alone is not validated as a Policy: the file says it holds no policy', async () => {
    const run = await runInProcess(['validate', F('module-config-only.yaml')]);
    expect(run).toEqual({
      code: 1,
      stdout:
        `${F('module-config-only.yaml')}: holds a ModuleConfig control-plane-manager, not an audit Policy or a Secret holding "audit-policy.yaml"\n` +
        '    fix: pass a file with one audit.k8s.io/v1 Policy, or the Secret manifest that holds it\n',
      stderr: '',
    });
  });

  test('a policy Secret beside auditPolicyEnabled: false is valid but never "OK", and fails: Deckhouse does not read it', async () => {
    const run = await runInProcess(['validate', F('dist-secret-not-read.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${F('dist-secret-not-read.yaml')}: warning: Deckhouse does not read this policy: ModuleConfig control-plane-manager leaves auditPolicyEnabled at its default, false`,
    );
    expect(run.stdout).toContain(
      `${F('dist-secret-not-read.yaml')}[data.audit-policy.yaml]: valid (2 rules, Kubernetes 1.32), but not used: Deckhouse does not read it (auditPolicyEnabled: false)`,
    );
    expect(run.stdout).not.toMatch(/: OK/);
    const json = JSON.parse(
      (await runInProcess(['validate', '--json', F('dist-secret-not-read.yaml')])).stdout,
    );
    expect(json.valid).toBe(true);
    expect(json.used).toBe(false);
    expect(json.files[0]).toMatchObject({
      valid: true,
      readByDeckhouse: false,
      settings: {
        auditPolicyEnabled: false,
        basicAuditPolicyEnabled: true,
        auditLog: { output: 'File', path: '/var/log/kube-audit' },
      },
    });
  });

  test('a policy Secret under another name or namespace is valid but never "OK", and fails: Deckhouse reads only kube-system/audit-policy', async () => {
    const secret = `apiVersion: v1\nkind: Secret\nmetadata: {name: audit-policy, namespace: default}\ndata:\n  audit-policy.yaml: ${b64(POLICY)}\n`;
    const run = await runInProcess(['validate', '-'], { stdin: secret });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '-[data.audit-policy.yaml]: valid (1 rule, Kubernetes 1.32), but not used: Deckhouse reads only Secret kube-system/audit-policy, this is default/audit-policy',
    );
    expect(run.stdout).not.toMatch(/: OK/);
    const json = JSON.parse((await runInProcess(['validate', '--json', '-'], { stdin: secret })).stdout);
    expect(json.used).toBe(false);
    expect(json.files[0].policies[0].unused).toBe(
      'Deckhouse reads only Secret kube-system/audit-policy, this is default/audit-policy',
    );
  });

  // A manifest without metadata.namespace lands in the namespace it is applied to (kubectl apply -n, Argo CD's
  // destination namespace, kustomize's namespace field): whether Deckhouse reads it is decided there, not here.
  test('a policy Secret audit-policy without a namespace: a warning to set it, never "not used"', async () => {
    const secret = `apiVersion: v1\nkind: Secret\nmetadata: {name: audit-policy}\ndata:\n  audit-policy.yaml: ${b64(POLICY)}\n`;
    const run = await runInProcess(['validate', '-'], { stdin: secret });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '-:3:11: warning: Secret audit-policy has no metadata.namespace: it lands in the namespace it is applied to ' +
        "(kubectl apply -n, Argo CD's destination namespace); Deckhouse reads the custom policy only from Secret kube-system/audit-policy",
    );
    expect(run.stdout).toContain('    fix: set metadata.namespace: kube-system');
    expect(run.stdout).not.toMatch(/not used/);
  });

  test('a ModuleConfig whose audit settings the API server would refuse is an error at the setting', async () => {
    const text = readFileSync(F('dist-basic-on.yaml'), 'utf8').replace(
      'auditPolicyEnabled: true',
      'auditPolicyEnabled: "yes"\n      auditLog:\n        output: Syslog\n        path: /var/log/audit/',
    );
    const run = await runInProcess(['validate', '-'], { stdin: text });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '-:18:27: ModuleConfig control-plane-manager: auditPolicyEnabled must be a boolean, got "yes"',
    );
    expect(run.stdout).toContain(
      '-:20:17: ModuleConfig control-plane-manager: auditLog.output must be one of File, Stdout, got "Syslog"',
    );
    expect(run.stdout).toContain('-:21:15: ModuleConfig control-plane-manager: auditLog.path must match');
  });

  test.each([
    [
      'an empty first document',
      Buffer.from(`---\n---\n${POLICY}`),
      /^-:2:1: the first YAML document is empty/,
    ],
    [
      'invalid UTF-8 in a comment',
      Buffer.concat([Buffer.from(`${POLICY}# caf`), Buffer.from([0xe9, 0x0a])]),
      /^-:5:6: invalid UTF-8/,
    ],
    [
      'UTF-16 without a byte order mark',
      Buffer.from(POLICY, 'utf16le'),
      /^-:1:1: the file starts with NUL bytes/,
    ],
    ['a NUL byte', Buffer.from(`${POLICY}\u0000`), /^-:5:1: /],
  ])('the file is read as bytes: %s is refused, never OK', async (_name, bytes, message) => {
    const run = await runInProcess(['validate', '-'], { stdin: bytes });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(message);
    expect(run.stdout).not.toMatch(/OK/);
  });

  // go-yaml (gopkg.in/yaml.v2 readerc.go, yaml_parser_determine_encoding) decodes UTF-16 with a byte order mark,
  // so kube-apiserver loads such a file: OK with a warning, not refused.
  test('UTF-16 with a byte order mark: OK, with a warning naming the encoding', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POLICY, 'utf16le')]);
    const run = await runInProcess(['validate', '-'], { stdin: bytes });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^-:1:1: warning: the file is UTF-16, little-endian/);
    expect(run.stdout).toMatch(/-: OK/);
  });

  test('a policy with only omitStages: valid in the Secret (Deckhouse does not count rules), refused as a bare file', async () => {
    const rulesLess = 'apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]\nrules: []\n';
    const secret = `apiVersion: v1\nkind: Secret\nmetadata: {name: audit-policy, namespace: kube-system}\ndata:\n  audit-policy.yaml: ${b64(rulesLess)}\n`;
    const inSecret = await runInProcess(['validate', '-'], { stdin: secret });
    expect(inSecret).toMatchObject({
      code: 0,
      stdout: '-[data.audit-policy.yaml]: OK (0 rules, Kubernetes 1.32)\n',
    });
    const bare = await runInProcess(['validate', '-'], { stdin: rulesLess });
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain('loaded illegal policy with 0 rules');
  });

  test('a bare policy file is one policy: two Policy documents are refused, never validated as two', async () => {
    const run = await runInProcess(['validate', '-'], { stdin: `${POLICY}---\n${POLICY}` });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^-:5:1: /);
    expect(run.stdout).not.toMatch(/OK|document 2/);
  });

  test('--kubernetes-version outside the modeled range is a usage error listing the range', async () => {
    for (const version of ['1.31', '1.37', 'v2.0.0']) {
      const run = await runInProcess(['validate', '--kubernetes-version', version, F('policy.yaml')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `--kubernetes-version ${version} is outside the versions this package models: 1.32–1.36 (1.32, 1.33, 1.34, 1.35, 1.36,`,
      );
    }
  });

  test('echoed input is escaped: an ANSI escape in a value reaches the terminal as text', async () => {
    // A raw ESC byte in the file is refused by the loader (go-yaml refuses control characters); one written as
    // a YAML escape is a value, and comes back escaped.
    const raw = await runInProcess(['validate', '-'], {
      stdin: POLICY.replace('Metadata', 'Meta\u001b[31mdata'),
    });
    expect(raw.code).toBe(1);
    expect(raw.stdout).toMatch(/^-:4:16: the control character U\+001B/);
    const run = await runInProcess(['validate', '-'], {
      stdin: POLICY.replace('Metadata', '"Meta\\e[31mdata\\a"'),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('"Meta\\x1b[31mdata\\a"'); // Go's %q, as upstream's field errors print it
    expect([...run.stdout, ...raw.stdout].filter((c) => c < ' ' && c !== '\n')).toEqual([]);
    // A name from the command line is echoed through the same escape.
    const missing = await runInProcess(['validate', 'nope\u001b[2J\u2028.yaml']);
    expect(missing.stdout).toBe(
      `nope\\u001b[2J\\u2028.yaml: no such file\n    fix: check the path (relative to ${process.cwd()})\n`,
    );
  });

  test('error lists are capped, saying how many more there are', async () => {
    const rules = Array.from({ length: 120 }, (_, i) => `  - level: Bogus${i}\n`).join('');
    const text = `apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n${rules}`;
    const run = await runInProcess(['validate', '-'], { stdin: text });
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('-'));
    expect(errors).toHaveLength(101);
    expect(errors[100]).toMatch(/20 more errors not listed/);
    const json = JSON.parse((await runInProcess(['validate', '--json', '-'], { stdin: text })).stdout);
    expect(json.files[0].errors).toHaveLength(101);
  });
});

describe('validate: bounded input', () => {
  test('stdin is refused as soon as it passes the limit, before parsing: the rest is never read', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 65536;
        this.push(Buffer.alloc(65536, 0x61));
      },
    });
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: Buffer[] = [];
    stdout.on('data', (c: Buffer) => out.push(c));
    const code = await runCli(['validate', '-'], { stdout, stderr, stdin: endless, isTTY: false });
    expect(code).toBe(1);
    expect(Buffer.concat(out).toString()).toBe(
      '-: standard input: more than 1463640 bytes, over the 1463640-byte limit (a policy lives in Secret kube-system/audit-policy, at most 1048576 bytes); nothing was parsed\n' +
        '    fix: pass the policy itself, or raise the limit with --max-policy-bytes N\n',
    );
    expect(produced).toBeLessThan(1463640 + 4 * 65536);
  });

  test('a large regular file is refused from its size; --max-policy-bytes raises the limit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-size-'));
    const file = path.join(dir, 'big.yaml');
    // 1.2 MB of comments and one rule: a valid policy, but over a Secret's 1 MiB.
    writeFileSync(file, `${'# padding\n'.repeat(120_000)}${POLICY}`);
    const refused = await runInProcess(['validate', file]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      `${file}: the policy is 1200068 bytes, more than 1 MiB, the size limit of a Secret`,
    );
    const raised = await runInProcess(['validate', '--max-policy-bytes', '2000000', file]);
    expect(raised).toMatchObject({ code: 0, stdout: `${file}: OK (1 rule, Kubernetes 1.32)\n` });
    for (const bad of ['0x10', '1e6', '-5', '0', ' 5']) {
      const usage = await runInProcess(['validate', `--max-policy-bytes=${bad}`, file]);
      expect(usage.code).toBe(2);
    }
  });

  test('a named pipe is read as a stream (no positioned reads)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-fifo-'));
    const fifo = path.join(dir, 'policy.fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) throw new Error('mkfifo failed');
    const writer = spawn('sh', ['-c', `cat "$1" > "$2"`, 'sh', F('policy.yaml'), fifo]);
    const written = new Promise((resolve) => writer.on('close', resolve));
    const run = await runInProcess(['validate', fifo]);
    await written;
    expect(run).toEqual({ code: 0, stdout: `${fifo}: OK (5 rules, Kubernetes 1.32)\n`, stderr: '' });
  });
});

describe('a manifest whose control-plane-manager ModuleConfig disables the module', () => {
  // spec.enabled: false (ModuleConfig CRD: "Enables or disables the module"): Deckhouse runs no
  // control-plane-manager, so the Secret beside it is not what kube-apiserver audits with.
  const manifest = [
    'apiVersion: deckhouse.io/v1alpha1',
    'kind: ModuleConfig',
    'metadata:',
    '  name: control-plane-manager',
    'spec:',
    '  enabled: false',
    '  version: 3',
    '  settings:',
    '    apiserver:',
    '      auditPolicyEnabled: true',
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: audit-policy',
    '  namespace: kube-system',
    'stringData:',
    '  audit-policy.yaml: |',
    '    apiVersion: audit.k8s.io/v1',
    '    kind: Policy',
    '    rules:',
    '      - level: Request',
    '',
  ].join('\n');

  test('validate and explain --deckhouse refuse it instead of answering for settings nobody applies', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cpm-disabled-'));
    const file = path.join(dir, 'dist.yaml');
    writeFileSync(file, manifest);
    const validate = await runInProcess(['validate', file]);
    expect(validate.code).toBe(1);
    expect(validate.stdout + validate.stderr).toContain(
      `${file}:6:12: ModuleConfig control-plane-manager: spec.enabled is false`,
    );
    const explain = await runInProcess([
      'explain',
      '--deckhouse',
      '--policy',
      file,
      '--url',
      'GET /api/v1/namespaces/a/pods/b',
    ]);
    expect(explain.code).toBe(1);
    expect(explain.stdout).not.toMatch(/^Level:/m);
  });
});

describe('validate of several files, one of them not used by the cluster', () => {
  test('the summary counts it and the exit status is 1', async () => {
    const run = await runInProcess([
      'validate',
      fixture('policy.yaml'),
      fixture('dist-secret-not-read.yaml'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('2 files checked, all valid, 1 valid but not used');
  });
});
