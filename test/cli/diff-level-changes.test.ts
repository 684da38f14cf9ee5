import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatBytes } from '../../src/cli/format';
import { runInProcess } from './helpers';

// A policy change that moves events between levels both ways leaves every per-level count as it was: diff names
// the moves, so "±0" is not read as "nothing changes" (here anonymous requests become recorded and the
// aggregated metrics API stops being recorded).

const event = (id: string, uri: string, user: object, at: string) =>
  JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: id,
    stage: 'ResponseComplete',
    requestURI: uri,
    verb: 'list',
    user,
    sourceIPs: ['10.0.0.9'],
    responseStatus: { metadata: {}, code: 200 },
    requestReceivedTimestamp: at,
    stageTimestamp: at,
  });
const ANONYMOUS = event(
  'a1',
  '/api/v1/namespaces/kube-system/secrets',
  { username: 'system:anonymous', groups: ['system:unauthenticated'] },
  '2026-03-10T08:00:00.000000Z',
);
const METRICS = event(
  'a2',
  '/apis/metrics.k8s.io/v1beta1/namespaces/prod/pods',
  {
    username: 'system:serviceaccount:kube-system:hpa',
    groups: ['system:serviceaccounts', 'system:authenticated'],
  },
  '2026-03-10T09:00:00.000000Z',
);
const POLICY_A =
  'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: None\n  users: [system:anonymous]\n- level: Metadata\n';
const POLICY_B =
  'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: None\n  resources: [{group: metrics.k8s.io}]\n- level: Metadata\n';
const size = (line: string) => formatBytes(Buffer.byteLength(line) + 1);

let tmp: string;
const file = (name: string, text: string) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, text);
  return f;
};
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-level-changes-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('diff names the events that change level', () => {
  test('text and markdown: the moves, with the bytes each policy writes for them', async () => {
    const args = ['diff', '--policy', file('a.yaml', POLICY_A), '--policy', file('b.yaml', POLICY_B)];
    const log = file('audit.log', `${ANONYMOUS}\n${METRICS}\n`);
    const text = await runInProcess([...args, log]);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/, 2 events change level$/);
    expect(text.stdout).toContain(
      `Level changes (2 events): None → Metadata 1 event (0 B → ${size(ANONYMOUS)} written); ` +
        `Metadata → None 1 event (${size(METRICS)} → 0 B written)\n`,
    );
    const md = await runInProcess([...args, '--format', 'markdown', log]);
    expect(md.stdout).toContain(
      `2 events are decided at another level:\n\n- None → Metadata 1 event (0 B → ${size(ANONYMOUS)} written)\n` +
        `- Metadata → None 1 event (${size(METRICS)} → 0 B written)\n`,
    );
  });

  test('the same policy twice: no event moves', async () => {
    const p = file('same.yaml', POLICY_A);
    const run = await runInProcess([
      'diff',
      '--policy',
      p,
      '--policy',
      p,
      file('same.log', `${ANONYMOUS}\n`),
    ]);
    expect(run.stdout).toContain('Level changes: no event is decided at another level.\n');
    expect(run.stdout.split('\n')[0]).not.toContain('change level');
  });

  test('two saved reports: the moves are not known, and the report says why', async () => {
    const log = file('saved.log', `${ANONYMOUS}\n${METRICS}\n`);
    const save = async (name: string, policy: string) => {
      const run = await runInProcess(['simulate', '--policy', file(`${name}.yaml`, policy), '--json', log]);
      return file(`${name}.json`, run.stdout);
    };
    const run = await runInProcess(['diff', await save('sa', POLICY_A), await save('sb', POLICY_B)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Level changes: which events change level is not known:');
  });
});
