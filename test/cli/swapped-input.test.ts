import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fixture, runInProcess } from './helpers';

const POLICY = fixture('policy.yaml');
const LOG = fixture('audit.log');

describe('a policy and an audit log given in the place of the other', () => {
  test('simulate with the two swapped names the policy given as LOG, exit 2', async () => {
    const run = await runInProcess(['simulate', '--policy', LOG, POLICY]);
    expect(run.code).toBe(2);
    // LOG arguments are checked first (before the policy is read): the policy among them is named.
    expect(run.stderr).toContain(
      `deckhouse-audit simulate: LOG ${POLICY} is an audit policy (kind: Policy), not an audit log: were the arguments swapped?`,
    );
  });

  test('a dist/ manifest given as LOG is named with its first kind', async () => {
    const run = await runInProcess(['simulate', '--deckhouse', fixture('dist-basic-on.yaml'), '--json']);
    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.stdout) as { error: { kind: string; message: string } };
    expect(error.kind).toBe('usage');
    expect(error.message).toMatch(/is a YAML manifest \(kind: \w+\), not an audit log/);
  });

  test('diff with an audit log as policy B names the log, instead of a JSON error at its line 2', async () => {
    const run = await runInProcess(['diff', '--policy', POLICY, '--policy', LOG, LOG]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${LOG} holds audit events (an audit log), not a policy`);
  });

  test('validate and lint of an audit log (plain, gzip, on stdin) are usage errors, not findings', async () => {
    for (const argv of [
      ['validate', LOG],
      ['lint', fixture('audit.log.gz')],
      ['explain', '--policy', '-', '--url', 'GET /api'],
    ]) {
      const run = await runInProcess(argv, { stdin: '{"kind":"Event","auditID":"1"}\n' });
      expect({ argv, code: run.code }).toEqual({ argv, code: 2 });
      expect(run.stderr).toContain('were the arguments swapped?');
    }
  });

  test('--built-in-rules given an audit log says so', async () => {
    const run = await runInProcess(['lint', '--built-in-rules', LOG]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${LOG} holds audit events (an audit log), not a policy`);
  });

  test('a YAML policy or manifest that mentions "auditID" is still read as YAML, not refused as a log', async () => {
    // A header comment on the field a log pipeline keys events by, and a dist/ bundle's ConfigMap holding a
    // log shipper's JSON config: both say "auditID" within the first 4 KiB without being audit events.
    const commented = `# Events are deduplicated downstream by "auditID".\n${readFileSync(POLICY, 'utf8')}`;
    const bundle = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: audit-shipper',
      '  namespace: d8-log-shipper',
      'data:',
      `  fields.json: '{"keys": ["auditID", "stage"]}'`,
      '  dedupe.json: |',
      '    {"by": "auditID"}',
      '---',
      readFileSync(POLICY, 'utf8'),
    ].join('\n');
    for (const text of [commented, `\uFEFF${commented}`]) {
      const run = await runInProcess(['validate', '-'], { stdin: text });
      expect({ code: run.code, out: run.stdout }).toEqual({
        code: 0,
        out: '-: OK (5 rules, Kubernetes 1.32)\n',
      });
    }
    const simulate = await runInProcess(['simulate', '--policy', '-', LOG, '--json'], { stdin: bundle });
    expect(simulate.stderr).not.toContain('were the arguments swapped?');
    expect(simulate.code).toBe(0);
  });

  test('saved as UTF-16 (PowerShell 5 `>`), each is still named in the place of the other', async () => {
    const utf16 = (text: string): Buffer =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const dir = mkdtempSync(path.join(tmpdir(), 'swapped-utf16-'));
    const log = path.join(dir, 'audit.log');
    const policy = path.join(dir, 'policy.yaml');
    writeFileSync(log, utf16(readFileSync(LOG, 'utf8')));
    writeFileSync(policy, utf16(readFileSync(POLICY, 'utf8').replace(/\n/g, '\r\n')));
    const asPolicy = await runInProcess(['validate', log]);
    expect(asPolicy.code).toBe(2);
    expect(asPolicy.stderr).toContain(`${log} holds audit events (an audit log), not a policy`);
    const asLog = await runInProcess(['simulate', '--policy', POLICY, policy]);
    expect(asLog.code).toBe(2);
    expect(asLog.stderr).toContain(`LOG ${policy} is an audit policy (kind: Policy), not an audit log`);
  });

  test('a real policy and a real log are not mistaken for each other', async () => {
    const run = await runInProcess(['simulate', '--policy', POLICY, LOG, fixture('audit.log.gz')]);
    expect(run.code).toBe(0);
  });
});

describe('the merged-policy Secret given where a custom policy is expected', () => {
  // control-plane-manager keeps the merged policy in Secret kube-system/d8-control-plane-manager-config, key
  // extra-file-audit-policy.yaml; the custom policy lives in Secret kube-system/audit-policy, key audit-policy.yaml.
  const dump = [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: d8-control-plane-manager-config',
    '  namespace: kube-system',
    'data:',
    `  extra-file-audit-policy.yaml: ${Buffer.from('apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n').toString('base64')}`,
    '',
  ].join('\n');

  test('validate says what the Secret is and that --built-in-rules takes it', async () => {
    const run = await runInProcess(['validate', '-'], { stdin: dump });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Secret kube-system/d8-control-plane-manager-config holds the merged policy Deckhouse writes for kube-apiserver',
    );
    expect(run.stdout).toContain('fix: give this file with --built-in-rules');
  });

  test('explain --policy with it gives the same fix; --built-in-rules reads it', async () => {
    const wrong = await runInProcess(['explain', '--deckhouse', '--policy', '-', '--url', 'GET /api'], {
      stdin: dump,
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('fix: give this file with --built-in-rules');
    const right = await runInProcess(['explain', '--built-in-rules', '-', '--url', 'GET /api'], {
      stdin: dump,
    });
    expect(right.code).toBe(0);
  });
});

describe('a merged policy file given as the custom policy of a merge', () => {
  // The fixture is a DKP 1.76 merged policy: it holds the system ServiceAccount and system-namespace rules.
  const MERGED = fixture('../deckhouse/merged-policy-1.76.yaml');

  test('is a usage error under --deckhouse, with --built-in-rules as the fix', async () => {
    const run = await runInProcess(['lint', '--deckhouse', MERGED]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "holds Deckhouse's built-in rules (the system ServiceAccount and system-namespace rules): it is a merged " +
        'policy as a master runs it, not a custom policy',
    );
    expect(run.stderr).toContain('give it with --built-in-rules MERGED instead');
  });

  test('is read as it is without the merge (plain, or --no-basic) and through --built-in-rules', async () => {
    expect((await runInProcess(['explain', '--policy', MERGED, '--url', 'GET /api'])).code).toBe(0);
    expect(
      (await runInProcess(['explain', '--deckhouse', '--no-basic', '--policy', MERGED, '--url', 'GET /api']))
        .code,
    ).toBe(0);
    expect((await runInProcess(['explain', '--built-in-rules', MERGED, '--url', 'GET /api'])).code).toBe(0);
  });
});

describe('--built-in-rules and --policy swapped', () => {
  test('the merged file under --policy and a custom policy under --built-in-rules is a usage error', async () => {
    const run = await runInProcess([
      'explain',
      '--built-in-rules',
      POLICY,
      '--policy',
      fixture('../deckhouse/merged-policy-1.76.yaml'),
      '--url',
      'GET /api',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`and the --built-in-rules file ${POLICY} none: were they swapped?`);
  });
});

describe('a policy written as JSON given as a LOG', () => {
  test('is named as a policy, not replayed as a malformed line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-json-'));
    const file = path.join(dir, 'policy.json');
    writeFileSync(file, '{"apiVersion":"audit.k8s.io/v1","kind":"Policy","rules":[{"level":"Metadata"}]}\n');
    const run = await runInProcess(['simulate', '--deckhouse', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`LOG ${file} is an audit policy (JSON, kind: Policy), not an audit log`);
  });
});

describe('a policy or manifest streamed in as the LOG (stdin, a pipe: not sniffed before the replay)', () => {
  test('the refusal names it as YAML and asks whether the arguments were swapped', async () => {
    // Helm output starts with a document marker; `cat policy.yaml | … -` with the policy's first key.
    const helm = `---\n# Source: audit/templates/secret.yaml\n${readFileSync(fixture('secret.yaml'), 'utf8')}`;
    for (const [stdin, first] of [
      [readFileSync(POLICY, 'utf8'), '"apiVersion: audit.k8s.io/v1"'],
      [helm, '"---"'],
    ]) {
      const run = await runInProcess(['simulate', '--policy', POLICY, '-'], { stdin });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `<stdin>: warning: the input starts like a YAML policy or manifest (${first}), not an audit log: were the ` +
          'arguments swapped? A policy goes to --policy',
      );
    }
  });

  test('a real audit log on stdin gets no such warning', async () => {
    const run = await runInProcess(['simulate', '--policy', POLICY, '-'], { stdin: readFileSync(LOG) });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('YAML');
  });
});

describe('a named pipe given as a LOG', () => {
  test('is not opened to be sniffed: the replay reads every event the writer sends', async () => {
    const fifo = path.join(mkdtempSync(path.join(tmpdir(), 'log-fifo-')), 'audit.fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) throw new Error('mkfifo failed');
    const writer = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', LOG, fifo]);
    const run = await runInProcess(['simulate', '--deckhouse', fifo, '--json']);
    writer.kill();
    expect(run.code).toBe(0);
    // The fixture log holds 8 events and one malformed line.
    expect((JSON.parse(run.stdout) as { events: number }).events).toBe(8);
  });
});
