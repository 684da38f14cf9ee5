import { readFileSync } from 'fs';
import * as path from 'path';
import { REPO, fixture, runInProcess } from './helpers';
import { secretDump } from '../support/deckhouse-merged-file';

// --built-in-rules FILE: explain, lint, simulate and diff with a cluster's own built-in rules, read from its
// merged policy (test/fixtures/deckhouse/merged-policy-1.76.yaml: 38 namespaces, 127 ServiceAccounts, no
// pods/log rules, two custom rules), and the bundled snapshot's DKP release in the headers otherwise.

const F = fixture;
const MERGED_176 = path.join(REPO, 'test/fixtures/deckhouse/merged-policy-1.76.yaml');
const SNAPSHOT_SUMMARY =
  'bundled snapshot DKP 1.77 (deckhouse main @567d8875): 20 basic + 7 virtualization + 2 tail rules, ' +
  '35 system namespaces, 108 system ServiceAccounts';
const FILE_SUMMARY = `merged policy ${MERGED_176}: 18 basic + 7 virtualization + 2 tail rules, 38 system namespaces, 127 system ServiceAccounts`;

describe('--built-in-rules', () => {
  test('explain: the cluster rules decide, with layers; the differences from the snapshot go to stderr', async () => {
    const run = await runInProcess([
      'explain',
      '--built-in-rules',
      MERGED_176,
      '--kubectl',
      'logs web-0 -n prod',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Policy:  built-in rules of ${MERGED_176} + its custom rules + tail rules\n`,
    );
    expect(run.stdout).toContain(`Built-in: ${FILE_SUMMARY}\n`);
    // 1.76 has no pods/log rule: kubectl logs falls to the tail ...
    expect(run.stdout).toMatch(/^Rule: +tail rule #1 \(rules\[27\]\): authenticated users at None$/m);
    expect(run.stderr).toContain(
      `note: the built-in rules of ${MERGED_176} differ from the bundled snapshot DKP 1.77 (deckhouse main @567d8875):\n` +
        'note:   system namespaces added (3): d8-ingress-nginx, d8-log-shipper, d8-operator-prometheus\n',
    );
    expect(run.stderr).toContain('note:   basic rule #11 `pods/log at Metadata` of the snapshot is gone\n');
    // ... where the snapshot records it at Metadata.
    const snapshot = await runInProcess(['explain', '--deckhouse', '--kubectl', 'logs web-0 -n prod']);
    expect(snapshot.stdout).toMatch(/^Rule: +basic rule #11 \(rules\[10\]\): pods\/log at Metadata$/m);
    expect(snapshot.stdout).toContain(`Built-in: ${SNAPSHOT_SUMMARY}\n`);
    expect(snapshot.stderr).not.toContain('differ from');
  });

  test('explain: the file custom rules are located in the file; --policy replaces them', async () => {
    const own = await runInProcess([
      'explain',
      '--built-in-rules',
      MERGED_176,
      '--url',
      'GET /api/v1/namespaces/prod/secrets/db',
      '--user',
      'alice',
    ]);
    expect(own.stdout).toMatch(/^Rule: +your rule #1 \(rules\[25\]\): /m);
    expect(own.stdout).toMatch(new RegExp(`^ {2}rules\\[25\\] is at ${MERGED_176}:\\d+:\\d+$`, 'm'));
    const replaced = await runInProcess([
      'explain',
      '--built-in-rules',
      MERGED_176,
      '--policy',
      F('policy.yaml'),
      '--url',
      'GET /api/v1/namespaces/prod/pods/web-0/exec?command=sh',
      '--user',
      'alice',
      '--json',
    ]);
    const doc = JSON.parse(replaced.stdout);
    expect(doc.policy).toBe(`built-in rules of ${MERGED_176} + ${F('policy.yaml')} + tail rules`);
    expect(doc.ruleIndex).toBe(25);
    expect(doc.location).toBe(`${F('policy.yaml')}:7:5`);
    expect(doc.builtInRules.summary).toBe(FILE_SUMMARY);
    expect(doc.builtInRules.differences.namespaces.added).toEqual([
      'd8-ingress-nginx',
      'd8-log-shipper',
      'd8-operator-prometheus',
    ]);
  });

  test('lint: a header names the built-in rules; findings are located by layer', async () => {
    const run = await runInProcess(['lint', '--built-in-rules', MERGED_176]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`Built-in rules: ${FILE_SUMMARY}`);
    expect(run.stdout).toMatch(/deckhouse virtualization rule #5 \(rules\[\d+\]\): warning shadowed-rule:/);
    // The second pods/log rule is gone from this file, so it is no longer reported as dead.
    expect(run.stdout).not.toMatch(/deckhouse basic rule #\d+ \(rules\[\d+\]\): warning shadowed-rule/);
    expect(run.stdout.trimEnd().split('\n').pop()).toMatch(
      new RegExp(`^built-in rules of ${MERGED_176} \\+ its custom rules \\+ tail rules: 0 errors`),
    );
    const snapshot = await runInProcess(['lint', '--deckhouse', '--json']);
    expect(JSON.parse(snapshot.stdout).builtInRules).toEqual({ summary: SNAPSHOT_SUMMARY });
    expect((await runInProcess(['lint', '--deckhouse'])).stdout.split('\n')[0]).toBe(
      `Built-in rules: ${SNAPSHOT_SUMMARY}`,
    );
  });

  test('simulate: replays the file as the cluster runs it', async () => {
    const run = await runInProcess(['simulate', '--built-in-rules', MERGED_176, '--json', F('audit.log')]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.policy).toBe(`built-in rules of ${MERGED_176} + its custom rules + tail rules`);
    expect(doc.builtInRules.summary).toBe(FILE_SUMMARY);
    const layers = new Set(doc.rules.map((r: { layer: string }) => r.layer));
    expect([...layers].sort()).toEqual(['basic', 'custom', 'tail', 'virtualization']);
    expect(doc.rules).toHaveLength(29);
  });

  test('diff: with one --policy, A is the file as the cluster runs it and B replaces its custom rules', async () => {
    const run = await runInProcess([
      'diff',
      '--built-in-rules',
      MERGED_176,
      '--policy',
      F('policy.yaml'),
      '--json',
      F('audit.log'),
    ]);
    const doc = JSON.parse(run.stdout);
    expect(doc.a).toBe(`built-in rules of ${MERGED_176} + its custom rules + tail rules`);
    expect(doc.b).toBe(`built-in rules of ${MERGED_176} + ${F('policy.yaml')} + tail rules`);
    expect(doc.builtInRules.summary).toBe(FILE_SUMMARY);
  });

  test('reads a Secret dump from stdin once, even when diff chooses two policies', async () => {
    const dump = secretDump('extra-file-audit-policy.yaml', readFileSync(MERGED_176, 'utf8'));
    const run = await runInProcess(
      ['diff', '--built-in-rules', '-', '--policy', F('policy.yaml'), '--json', F('audit.log')],
      { stdin: dump },
    );
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.a).toBe(
      'built-in rules of -[data.extra-file-audit-policy.yaml] + its custom rules + tail rules',
    );
  });

  test.each([
    [
      'a custom policy, not a merged one',
      ['explain', '--built-in-rules', F('secret.yaml'), '--url', 'GET /api'],
      1,
      /^deckhouse-audit explain: --built-in-rules .*secret\.yaml has an error:\n.*secret\.yaml\[data\.audit-policy\.yaml\]: .*is not a merged Deckhouse policy/,
    ],
    ['a missing file', ['lint', '--built-in-rules', 'nope.yaml'], 1, /nope\.yaml: no such file/],
    [
      '--no-basic beside it',
      ['explain', '--built-in-rules', MERGED_176, '--no-basic', '--url', 'GET /api'],
      2,
      /--built-in-rules gives the built-in rules: drop --no-basic/,
    ],
    ['stdin twice', ['lint', '--built-in-rules', '-', '-'], 2, /"-" \(stdin\) can be used once/],
  ])('refuses %s', async (_name, argv, code, message) => {
    const run = await runInProcess(argv);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('refuses a plain policy past 1 MiB (no merged policy is larger) on stdin, naming its size and the limit', async () => {
    const rules = '- level: Metadata\n  users: ["someone"]\n'.repeat(30_000);
    const text = `apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n${rules}`;
    expect(Buffer.byteLength(text)).toBe(1_170_048);
    const run = await runInProcess(['lint', '--built-in-rules', '-'], { stdin: text });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^deckhouse-audit lint: --built-in-rules on stdin has an error:\n-: 1170048 bytes, more than a merged policy can be \(1048576: control-plane-manager writes it from Secret kube-system\/d8-control-plane-manager-config/,
    );
  });

  test('refuses a Secret dump holding the policy in data and stringData, naming what the cluster uses', async () => {
    const dump = secretDump('extra-file-audit-policy.yaml', readFileSync(MERGED_176, 'utf8'), {
      field: 'both',
    });
    const run = await runInProcess(['lint', '--built-in-rules', '-'], { stdin: dump });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /-:\d+:\d+: .*in both data and stringData: the API server merges stringData over data on write, so the cluster uses the stringData value/,
    );
  });

  test('simulate and diff name the built-in rules they replay in the text header too', async () => {
    const snapshot = await runInProcess(['simulate', '--deckhouse', F('audit.log')]);
    expect(snapshot.stdout).toMatch(
      /^Policy: +Deckhouse built-in rules \+ tail rules\nBuilt-in: +(.*)\nEvents:/m,
    );
    expect(snapshot.stdout).toContain(`\nBuilt-in:  ${SNAPSHOT_SUMMARY}\n`);
    const own = await runInProcess(['simulate', '--built-in-rules', MERGED_176, F('audit.log')]);
    expect(own.stdout).toContain(`\nBuilt-in:  ${FILE_SUMMARY}\n`);
    const plain = await runInProcess(['simulate', '--policy', F('policy.yaml'), F('audit.log')]);
    expect(plain.stdout).not.toContain('Built-in:');
    const diff = await runInProcess([
      'diff',
      '--built-in-rules',
      MERGED_176,
      '--policy',
      F('policy.yaml'),
      F('audit.log'),
    ]);
    expect(diff.stdout).toContain(`\nBuilt-in: ${FILE_SUMMARY}\n`);
    const markdown = await runInProcess([
      'diff',
      '--deckhouse',
      '--policy',
      F('policy.yaml'),
      '--format',
      'markdown',
      F('audit.log'),
    ]);
    expect(markdown.stdout).toContain(`\n- **Built-in rules**: ${SNAPSHOT_SUMMARY}\n`);
  });

  test('--help lists the option', async () => {
    for (const command of ['explain', 'lint', 'simulate', 'diff']) {
      const help = await runInProcess([command, '--help']);
      expect(help.stdout).toContain('--built-in-rules MERGED');
    }
  });
});
