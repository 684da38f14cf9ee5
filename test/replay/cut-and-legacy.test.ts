import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import type { Policy } from '../../src/policy/types';
import { createReplayAccumulator, simulate } from '../../src/replay';
import { LINE_CUT_SHORT, LINE_STARTS_INSIDE } from '../../src/replay/broken-line';
import { LEGACY_REASON } from '../../src/replay/legacy-line';
import { runInProcess } from '../cli/helpers';
import { auditID, createConfigMapLine, createConfigMapLines } from '../support/apiserver-lines';

const metadata: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
const stream = (text: string, name = 'audit.log') => ({ name, stream: Readable.from([Buffer.from(text)]) });

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cut-legacy-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('a last line cut mid-write', () => {
  const whole = [...createConfigMapLines(auditID(1)), ...createConfigMapLines(auditID(2), 1)];
  const last = createConfigMapLine({ auditID: auditID(3), second: 2 });

  test('is reported as cut short, with what happened and what to do, at its line', async () => {
    // A copy taken while kube-apiserver wrote line 5: it stops inside the requestObject, no newline.
    const cut = last.slice(0, last.indexOf('"data"') + 10);
    const r = await simulate([stream(whole.join('\n') + '\n' + cut)], { policy: metadata });
    expect(r.events).toBe(4);
    expect(r.malformed.lines).toEqual([{ source: 'audit.log', line: 5, reason: LINE_CUT_SHORT }]);
    expect(LINE_CUT_SHORT).toMatch(
      /cut short.*copied or read while kube-apiserver was still writing.*head -n -1/,
    );
  });

  test('every cut of a line in kube-apiserver layout is called cut short, by the accumulator too', () => {
    for (let k = 2; k < last.length; k++) {
      const acc = createReplayAccumulator(metadata);
      acc.addLine(whole[0], 1, 'audit.log');
      acc.addLine(last.slice(0, k), 2, 'audit.log', true);
      const r = acc.report();
      expect({ k, events: r.events, reasons: r.malformed.lines.map((m) => m.reason) }).toEqual({
        k,
        events: 1,
        reasons: [LINE_CUT_SHORT],
      });
    }
  });

  test('a broken line in the middle, or a last line damaged before its end, stays malformed JSON', async () => {
    const middle = last.slice(0, 300);
    const damaged = last.replace('"verb":"create"', '"verb":create');
    const r = await simulate([stream([whole[0], middle, whole[1], damaged].join('\n'))], {
      policy: metadata,
    });
    expect(r.events).toBe(2);
    expect(r.malformed.lines.map((m) => [m.line, m.reason.startsWith('not JSON')])).toEqual([
      [2, true],
      [4, true],
    ]);
  });

  test('a complete last line without a newline is read', async () => {
    const r = await simulate([stream([...whole, last].join('\n'))], { policy: metadata });
    expect(r.events).toBe(5);
    expect(r.malformed.count).toBe(0);
  });

  test('in a container log, a Fluent Bit record, and a file read by worker threads', async () => {
    const cut = last.slice(0, 200);
    const cri = whole.map((l) => `2026-12-01T10:00:03.000000001Z stdout F ${l}`);
    const criRun = await simulate([stream([...cri, `2026-12-01T10:00:03.5Z stdout F ${cut}`].join('\n'))], {
      policy: metadata,
    });
    expect(criRun.malformed.lines.map((m) => [m.line, m.reason])).toEqual([[5, LINE_CUT_SHORT]]);
    const fluent = [...whole, last].map((l) => JSON.stringify({ date: 1764583200.5, log: l }));
    const fluentCut = fluent[4].slice(0, fluent[4].length - 40);
    const fbRun = await simulate([stream([...fluent.slice(0, 4), fluentCut].join('\n'))], {
      policy: metadata,
    });
    expect(fbRun.events).toBe(4);
    expect(fbRun.malformed.lines.map((m) => m.reason)).toEqual([LINE_CUT_SHORT]);
    const file = path.join(tmp, 'parallel.log');
    const many: string[] = [];
    for (let i = 0; i < 400; i++) many.push(...createConfigMapLines(auditID(i + 10), i));
    fs.writeFileSync(file, many.join('\n') + '\n' + cut);
    const par = await simulate([file], { policy: metadata, jobs: 2 });
    expect(par.sources[0].threads).toBe(2);
    expect(par.events).toBe(800);
    expect(par.malformed.lines).toEqual([{ source: file, line: 801, reason: LINE_CUT_SHORT }]);
  });
});

describe('a first line that starts inside an event', () => {
  test('tail -c of a live log: the first line named as begun mid-line, the last as cut short', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 5; i++) lines.push(...createConfigMapLines(auditID(i + 40), i));
    const text = lines.join('\n') + '\n';
    // The last 3,000 bytes, taken while line 11 was being written (its first 150 bytes).
    const tail = (text + createConfigMapLine({ auditID: auditID(60), second: 9 }).slice(0, 150)).slice(-3000);
    const r = await simulate([stream(tail)], { policy: metadata });
    const whole = tail.split('\n').length - 2;
    expect(r.events).toBe(whole);
    expect(r.malformed.lines.map((m) => [m.line, m.reason])).toEqual([
      [1, LINE_STARTS_INSIDE],
      [whole + 2, LINE_CUT_SHORT],
    ]);
  });

  test('only the first line of an input: a broken line later stays malformed JSON', async () => {
    const [a, b] = createConfigMapLines(auditID(70));
    const r = await simulate([stream(`${a}\n${b.slice(100)}\n`)], { policy: metadata });
    expect(r.malformed.lines.map((m) => m.reason)).toEqual([expect.stringMatching(/^not JSON/)]);
  });
});

describe("kube-apiserver's legacy text format", () => {
  // pkg/audit/format.go EventString: `%s AUDIT: id=%q stage=%q ip=%q method=%q user=%q groups=%q as=%q
  // asgroups=%q user-agent=%q namespace=%q uri=%q response="%s"`, the timestamp in RFC 3339 with nanoseconds;
  // groups are each %q-quoted and joined by commas, then %q-quoted again.
  const legacy = [
    '2026-12-01T10:00:00.123456789Z AUDIT: id="8f3c1e2a-5e1b-4c7a-9d2e-0a3b4c5d6e7f" stage="RequestReceived" ' +
      'ip="10.12.0.5" method="create" user="alice@example.com" groups="\\"developers\\",\\"system:authenticated\\"" ' +
      'as="<self>" asgroups="<lookup>" user-agent="kubectl/v1.30.4 (linux/amd64) kubernetes/2b1e9c3" ' +
      'namespace="prod" uri="/api/v1/namespaces/prod/configmaps?fieldManager=kubectl-create" response="<deferred>"',
    '2026-12-01T10:00:00.98765Z AUDIT: id="8f3c1e2a-5e1b-4c7a-9d2e-0a3b4c5d6e7f" stage="ResponseComplete" ' +
      'ip="10.12.0.5" method="create" user="alice@example.com" groups="\\"developers\\",\\"system:authenticated\\"" ' +
      'as="<self>" asgroups="<lookup>" user-agent="kubectl/v1.30.4 (linux/amd64) kubernetes/2b1e9c3" ' +
      'namespace="prod" uri="/api/v1/namespaces/prod/configmaps?fieldManager=kubectl-create" response="201"',
    '2026-12-01T10:00:01Z AUDIT: id="c0ffee00-1111-4222-8333-444455556666" stage="ResponseComplete" ip="<unknown>" ' +
      'method="get" user="<none>" groups="<none>" as="<self>" asgroups="<lookup>" user-agent="" namespace="<none>" ' +
      'uri="/healthz" response="401"',
  ];
  // Kubernetes 1.6/1.7 (plugin/pkg/audit/log): no stage, `ip=` right after the id.
  const old =
    '2017-06-01T10:00:00.123456789+02:00 AUDIT: id="5d3f" ip="10.0.0.1" method="GET" user="admin" groups="<none>" ' +
    'as="<self>" asgroups="<lookup>" namespace="default" uri="/api/v1/namespaces/default/pods" response="200"';

  test('lines are named as the legacy format, with what to use instead, and never replayed', async () => {
    const r = await simulate([stream([...legacy, old].join('\n') + '\n', 'legacy.log')], {
      policy: metadata,
    });
    expect(r.events).toBe(0);
    expect(r.malformed.count).toBe(4);
    expect(r.malformed.lines.map((m) => [m.line, m.reason])).toEqual(
      [1, 2, 3, 4].map((n) => [n, LEGACY_REASON]),
    );
    expect(LEGACY_REASON).toContain('--audit-log-format=legacy');
    expect(LEGACY_REASON).toContain('--audit-log-format=json');
    expect(r.sources[0].legacyLines).toBe(4);
    expect(r.sources[0].warnings.join('\n')).toContain(
      "4 lines are in kube-apiserver's legacy audit text format",
    );
  });

  test('in a container log and behind kubectl logs --timestamps', async () => {
    const text = [
      `2026-12-01T10:00:00.200000000Z stdout F ${legacy[0]}`,
      `2026-12-01T10:00:00.300000000Z ${legacy[1]}`,
    ].join('\n');
    const r = await simulate([stream(text)], { policy: metadata });
    expect(r.malformed.lines.map((m) => m.reason)).toEqual([LEGACY_REASON, LEGACY_REASON]);
  });

  test('the CLI says the input is the legacy format, in text and JSON, and exits 1', async () => {
    const file = path.join(tmp, 'legacy.log');
    fs.writeFileSync(file, legacy.join('\n') + '\n');
    const text = await runInProcess(['simulate', '--deckhouse', file]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('legacy audit text format');
    expect(text.stderr).toContain(`${file}:1: ${LEGACY_REASON}`);
    const json = await runInProcess(['simulate', '--deckhouse', '--json', file]);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout) as { error: { message: string } };
    expect(doc.error.message).toContain('legacy audit text format');
  });
});
