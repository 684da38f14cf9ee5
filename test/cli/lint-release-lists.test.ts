import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runInProcess } from './helpers';

// A custom rule for mutations in d8-ingress-nginx: live with the bundled snapshot's lists (DKP 1.77), dead on a
// DKP 1.76 cluster, whose system-namespace rule lists d8-ingress-nginx (deckhouse
// audit_policy_basic_targets_generated.go @00f9d115; test/fixtures/deckhouse/merged-policy-1.76.yaml) and records
// those mutations first. lint's "OK" against the snapshot must not read as the cluster's.

const MERGED_176 = 'test/fixtures/deckhouse/merged-policy-1.76.yaml';
let policy: string;
beforeAll(() => {
  policy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lint-lists-')), 'policy.yaml');
  fs.writeFileSync(
    policy,
    [
      'apiVersion: audit.k8s.io/v1',
      'kind: Policy',
      'omitStages: [RequestReceived]',
      'rules:',
      '- level: Metadata',
      '  namespaces: [d8-ingress-nginx]',
      '  verbs: [create, update, patch, delete]',
      '',
    ].join('\n'),
  );
});

describe('lint --deckhouse: a custom rule whose verdict the per-release lists decide', () => {
  test('the snapshot run notes that the rule is dead on a release listing d8-ingress-nginx, and its OK says so', async () => {
    const run = await runInProcess(['lint', '--deckhouse', '--quiet', policy]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "note: your rule #1 (rules[27]) decides requests with the bundled snapshot's system lists, but on a release " +
        'whose lists differ for the names it selects (namespace d8-ingress-nginx listed: DKP 1.76 lists it; its ' +
        'module left the main repository in DKP 1.77) it can never decide a request',
    );
    expect(run.stdout).toMatch(
      /: 0 errors, \d+ warnings?, \d+ info — OK with the bundled snapshot's system lists \(a cluster's release may differ: see the notes\)\n$/,
    );
  });

  test("the 1.76 cluster's merged policy makes it the error the note announced", async () => {
    const run = await runInProcess(['lint', '--built-in-rules', MERGED_176, policy]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /error shadowed-rule: your rule #1 \(rules\[25\]\): create\/update\/patch\/delete in d8-ingress-nginx at Metadata can never decide a request: every request it matches is matched first by basic rule #13 \(rules\[12\]\)/,
    );
    expect(run.stderr).not.toContain("with the bundled snapshot's system lists");
  });

  test('--json carries the note', async () => {
    const run = await runInProcess(['lint', '--deckhouse', '--json', policy]);
    const doc = JSON.parse(run.stdout) as { ok: boolean; notes?: string[] };
    expect(doc.ok).toBe(true);
    expect(doc.notes).toHaveLength(1);
    expect(doc.notes![0]).toMatch(
      /^your rule #1 \(rules\[27\]\) decides requests with the bundled snapshot's/,
    );
  });
});

describe('diff --deckhouse: B linted against the snapshot', () => {
  test('names the custom rule whose verdict the lists decide among the warnings, marked B', async () => {
    const run = await runInProcess([
      'diff',
      '--deckhouse',
      '--policy',
      policy,
      'test/fixtures/replay/deckhouse.log',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "  - B: lint: your rule #1 (rules[27]) decides requests with the bundled snapshot's system lists, but on a " +
        'release whose lists differ for the names it selects (namespace d8-ingress-nginx listed:',
    );
    const json = await runInProcess([
      'diff',
      '--deckhouse',
      '--policy',
      policy,
      'test/fixtures/replay/deckhouse.log',
      '--json',
    ]);
    const doc = JSON.parse(json.stdout) as { lint: { notes?: string[] } };
    expect(doc.lint.notes).toHaveLength(1);
  });
});
