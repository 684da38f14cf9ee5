import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import * as zlib from 'zlib';
import { loadPolicy } from '../../src/policy/parse';
import type { Policy } from '../../src/policy/types';
import { forEachLine, simulate, simulateMany, SimulationReport } from '../../src/replay';

// The fixture test/fixtures/replay/basic.log, line by line (compact JSON as kube-apiserver writes it), and
// what policy-a.yaml (omitStages: [RequestReceived]) decides for each line:
//  1 pod create by the replicaset controller, RequestReceived     -> rule 1 RequestResponse, stage omitted
//  2 same request, ResponseComplete, image nginx:1.27 (no digest) -> rule 1 RequestResponse, written as is
//  3 deployment patch by alice (group admins) impersonating bob   -> rule 0 (users: bob) must NOT match: the
//    policy sees the authenticated user -> rule 2 Request: written without responseObject
//  4 watch by alice, ResponseStarted                              -> rule 4 Metadata, written as is
//  5 same watch, ResponseComplete                                 -> rule 4 Metadata, written as is
//  6 GET /healthz?verbose=1 by system:anonymous                   -> rule 3 (path without query) Metadata
//  7 failed login (user {}), list secrets, ResponseStarted        -> no user: rules 0/4/6 cannot match,
//    rule 7 (verbs get/list/watch) Metadata, written
//  8 lease update by a node                                       -> rule 5 None
//  9 configmap get by a ServiceAccount                            -> rule 6 None
// 10 pod delete by a node                                         -> no rule: unmatched, None
// 11 "this is not json"                                           -> malformed
// 12 blank                                                        -> ignored
// 13 apiVersion audit.k8s.io/v1alpha1                             -> malformed
// 14 no verb                                                      -> malformed
// 15 pod create by alice recorded at Metadata (no bodies)         -> rule 1 RequestResponse, bodies unknown:
//    lowSourceLevel Metadata->RequestResponse; written with level replaced ("Metadata" -> "RequestResponse")
// 16 pod create recorded at Request, ephemeral container busybox:1.36 (no digest) -> rule 1, Request->
//    RequestResponse; written with level replaced
// 17 pod create, every image pinned by digest                     -> rule 1, written as is, not counted

const FIXTURES = path.resolve(__dirname, '../fixtures/replay');
const LOG = path.join(FIXTURES, 'basic.log');
const LINES = fs.readFileSync(LOG, 'utf8').split('\n');
/** Bytes of fixture line n (1-based) plus its newline, i.e. the line written unchanged. */
const asIs = (n: number) => Buffer.byteLength(LINES[n - 1]) + 1;

function policy(file: string): Policy {
  const result = loadPolicy(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
  expect(result.errors).toEqual([]);
  return result.policy!;
}

// Line 3 at Request: responseObject dropped, level replaced in place.
const LINE3_REQUEST =
  '{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Request","auditID":"a-999","stage":"ResponseComplete",' +
  '"requestURI":"/apis/apps/v1/namespaces/prod/deployments/web?fieldManager=kubectl-patch","verb":"patch",' +
  '"user":{"username":"alice@example.com","groups":["admins","system:authenticated"]},' +
  '"impersonatedUser":{"username":"bob@example.com","groups":["developers"]},"sourceIPs":["10.0.0.7"],' +
  '"userAgent":"kubectl/v1.32.4 (linux/amd64)","objectRef":{"resource":"deployments","namespace":"prod",' +
  '"name":"web","apiGroup":"apps","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},' +
  '"requestObject":{"spec":{"replicas":3}},"requestReceivedTimestamp":"2026-01-05T10:05:00.000000Z",' +
  '"stageTimestamp":"2026-01-05T10:05:00.010000Z"}';
// Line 3 at Metadata: both bodies dropped.
const LINE3_METADATA = LINE3_REQUEST.replace('"level":"Request"', '"level":"Metadata"').replace(
  ',"requestObject":{"spec":{"replicas":3}}',
  '',
);
const bytes = (line: string) => Buffer.byteLength(line) + 1;
// '"Metadata"' is 10 bytes, '"Request"' 9, '"RequestResponse"' 17.
const A_BYTES =
  asIs(2) +
  bytes(LINE3_REQUEST) +
  asIs(4) +
  asIs(5) +
  asIs(6) +
  asIs(7) +
  (asIs(15) + 7) +
  (asIs(16) + 8) +
  asIs(17);

describe('simulate: hand-made log under policy A', () => {
  let report: SimulationReport;
  beforeAll(async () => {
    report = await simulate([LOG], { policy: policy('policy-a.yaml') });
  });

  test('events, lines and decisions per level', () => {
    // 17 lines, 1 blank -> 16 lines; 3 malformed -> 13 events.
    expect(report.lines).toBe(16);
    expect(report.events).toBe(13);
    // None: 8, 9, 10; Metadata: 4, 5, 6, 7; Request: 3; RequestResponse: 1, 2, 15, 16, 17.
    expect(report.decided).toEqual({ None: 3, Metadata: 4, Request: 1, RequestResponse: 5 });
  });

  test('written events: RequestReceived omitted, ResponseStarted kept', () => {
    // Written: 2, 3, 4, 5, 6, 7, 15, 16, 17; line 1 is a RequestReceived event and the policy omits that stage.
    expect(report.written.events).toBe(9);
    expect(report.written.byLevel).toEqual({ Metadata: 4, Request: 1, RequestResponse: 4 });
    expect(report.omittedByStage).toEqual({
      RequestReceived: 1,
      ResponseStarted: 0,
      ResponseComplete: 0,
      Panic: 0,
    });
    // Lines 4 (watch) and 7 (failed login) are the ResponseStarted events.
    expect(report.written.byStage.ResponseStarted).toEqual({ events: 2, bytes: asIs(4) + asIs(7) });
    expect(report.written.byStage.RequestReceived).toEqual({ events: 0, bytes: 0 });
  });

  test('written bytes: each event stripped to its decided level', () => {
    expect(report.written.bytes).toBe(A_BYTES);
    expect(report.written.bytesByLevel).toEqual({
      Metadata: asIs(4) + asIs(5) + asIs(6) + asIs(7),
      Request: bytes(LINE3_REQUEST),
      RequestResponse: asIs(2) + asIs(15) + 7 + asIs(16) + 8 + asIs(17),
    });
  });

  test('rules: hits, written and bytes for every rule, in order, layer custom', () => {
    expect(report.rules.map((r) => [r.index, r.layer, r.level, r.hits, r.written])).toEqual([
      [0, 'custom', 'None', 0, 0], // bob is only impersonated
      [1, 'custom', 'RequestResponse', 5, 4], // lines 1, 2, 15, 16, 17 (1 omitted)
      [2, 'custom', 'Request', 1, 1], // line 3
      [3, 'custom', 'Metadata', 1, 1], // line 6
      [4, 'custom', 'Metadata', 2, 2], // lines 4, 5
      [5, 'custom', 'None', 1, 0], // line 8
      [6, 'custom', 'None', 1, 0], // line 9
      [7, 'custom', 'Metadata', 1, 1], // line 7: no user info
    ]);
    expect(report.rules[2].bytes).toBe(bytes(LINE3_REQUEST));
    expect(report.rules[3].bytes).toBe(asIs(6));
    expect(report.unmatched).toBe(1); // line 10
  });

  test('malformed lines are counted with their line numbers and reasons', () => {
    expect(report.malformed.count).toBe(3);
    expect(report.malformed.lines.map((m) => [m.source, m.line])).toEqual([
      [LOG, 11],
      [LOG, 13],
      [LOG, 14],
    ]);
    expect(report.malformed.lines[0].reason).toMatch(/not JSON/);
    expect(report.malformed.lines[1].reason).toMatch(/apiVersion is "audit.k8s.io\/v1alpha1"/);
    expect(report.malformed.lines[2].reason).toMatch(/missing verb/);
  });

  test('images without digest: container (line 2) and ephemeral container (line 16), not line 17', () => {
    expect(report.imagesWithoutDigest).toBe(2);
    expect(report.imagesWithoutDigestRecorded).toBe(2);
  });

  test('events recorded below the decided level are reported', () => {
    expect(report.lowSourceLevel).toEqual({
      events: 2,
      byLevels: { 'Metadata->RequestResponse': 1, 'Request->RequestResponse': 1 },
    });
  });

  test('span, bytes per day and retention', () => {
    // First requestReceivedTimestamp 10:00:00 (line 1), last stageTimestamp 11:00:00 (line 17): one hour.
    expect(report.span).toEqual({
      from: '2026-01-05T10:00:00.000000Z',
      to: '2026-01-05T11:00:00.000000Z',
      seconds: 3600,
      invalid: 0,
      excluded: 0,
    });
    expect(report.bytesPerDay).toBe(A_BYTES * 24);
    // A few KB a day never fills 11 × 100 MiB within 30 days.
    expect(report.retention).toEqual({
      hours: 720,
      minHours: 720,
      limitedBy: 'age',
      capacityBytes: 11 * 100 * 1024 * 1024,
      rotation: { maxSizeMB: 100, maxBackups: 10, maxAgeDays: 30 },
      output: 'File',
      unbounded: false,
    });
  });

  test('top users and resources by written bytes', () => {
    // alice: lines 3, 4, 5, 15; the replicaset controller: 2, 16, 17; anonymous: 6; failed login: 7.
    // pods: 2, 4 and 5 (watches), 15, 16, 17; deployments: 3; /healthz: 6; secrets: 7.
    const users = Object.fromEntries(report.topUsers.map((u) => [u.user, [u.events, u.bytes]]));
    expect(users).toEqual({
      'alice@example.com': [4, bytes(LINE3_REQUEST) + asIs(4) + asIs(5) + asIs(15) + 7],
      'system:serviceaccount:kube-system:replicaset-controller': [3, asIs(2) + asIs(16) + 8 + asIs(17)],
      'system:anonymous': [1, asIs(6)],
      '(unauthenticated)': [1, asIs(7)],
    });
    const resources = Object.fromEntries(report.topResources.map((r) => [r.key, r.events]));
    expect(resources).toEqual({ pods: 6, 'apps/deployments': 1, '/healthz': 1, secrets: 1 });
    expect(report.topResources.find((r) => r.key === 'apps/deployments')).toMatchObject({
      apiGroup: 'apps',
      resource: 'deployments',
    });
    expect(report.topResources.find((r) => r.key === '/healthz')).toMatchObject({
      nonResourceURL: '/healthz',
    });
  });

  test('the report has the documented JSON keys', () => {
    const json = JSON.parse(JSON.stringify(report));
    for (const key of [
      'events',
      'decided',
      'written',
      'rules',
      'unmatched',
      'imagesWithoutDigest',
      'span',
      'bytesPerDay',
      'retention',
    ]) {
      expect(json).toHaveProperty(key);
    }
    expect(Object.keys(json.written.byLevel)).toEqual(['Metadata', 'Request', 'RequestResponse']);
    expect(json.rules[0]).toMatchObject({ index: 0, layer: 'custom', hits: 0 });
  });
});

describe('simulate: inputs', () => {
  let tmp: string;
  let plain: SimulationReport;
  const pol = () => policy('policy-a.yaml');
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'replay-'));
    plain = await simulate([LOG], { policy: pol() });
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const sameCounts = (r: SimulationReport) => {
    const strip = (x: SimulationReport) => ({
      ...x,
      sources: [],
      malformed: x.malformed.lines.map((m) => m.line),
    });
    expect(strip(r)).toEqual(strip(plain));
    expect(r.malformed.count).toBe(plain.malformed.count);
  };

  test('gzip is detected by magic bytes, whatever the file name', async () => {
    const gz = path.join(tmp, 'audit-log-without-extension');
    fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(LOG)));
    const r = await simulate([gz], { policy: pol() });
    sameCounts(r);
    expect(r.sources).toEqual([
      {
        source: gz,
        gzip: true,
        bytes: fs.statSync(gz).size,
        lines: 16,
        events: 13,
        malformed: 3,
        criLines: 0,
        criStderrBytes: 0,
        otherLines: 0,
        legacyLines: 0,
        warnings: [],
        threads: 1,
      },
    ]);
  });

  test('a plain file named .gz is read as plain text', async () => {
    const f = path.join(tmp, 'plain.log.gz');
    fs.copyFileSync(LOG, f);
    const r = await simulate([f], { policy: pol() });
    sameCounts(r);
    expect(r.sources[0].gzip).toBe(false);
  });

  test('a stream split at awkward places (mid-line, inside a multi-byte character) gives the same result', async () => {
    const data = fs.readFileSync(LOG);
    const chunks: Buffer[] = [];
    // Split inside the "ü" of line 4's user agent and at many other offsets.
    const cut = data.indexOf(Buffer.from('ü')) + 1;
    let pos = 0;
    for (const end of [1, 7, cut, cut + 3, 800, 801, 2048, data.length]) {
      if (end > pos) chunks.push(data.subarray(pos, end));
      pos = Math.max(pos, end);
    }
    const r = await simulate([{ name: 'chunks', stream: Readable.from(chunks) }], { policy: pol() });
    sameCounts(r);
    expect(r.malformed.lines[0].source).toBe('chunks');
  });

  test('a gzip stream is detected too', async () => {
    const r = await simulate([Readable.from([zlib.gzipSync(fs.readFileSync(LOG))])], { policy: pol() });
    sameCounts(r);
    expect(r.sources[0]).toMatchObject({ source: '<stream>', gzip: true });
  });

  test('several inputs add up; line numbers stay per input', async () => {
    // Two different files with the same text (the same file given twice is read once: see below).
    const copy = path.join(tmp, 'copy.log');
    fs.copyFileSync(LOG, copy);
    const r = await simulate([LOG, copy], { policy: pol() });
    expect(r.events).toBe(26);
    expect(r.written.bytes).toBe(2 * A_BYTES);
    expect(r.malformed.count).toBe(6);
    expect(r.malformed.lines.map((m) => m.line)).toEqual([11, 13, 14, 11, 13, 14]);
  });

  test('a last line without newline, CRLF line ends and blank lines', async () => {
    const text = LINES.slice(0, 10).join('\r\n') + '\r\n\r\n' + LINES[16];
    const r = await simulate([Readable.from([Buffer.from(text)])], { policy: pol() });
    expect(r.events).toBe(11);
    expect(r.malformed.count).toBe(0);
  });

  test('an empty input', async () => {
    const r = await simulate([Readable.from([])], { policy: pol() });
    expect(r.events).toBe(0);
    expect(r.span).toEqual({ from: null, to: null, seconds: 0, invalid: 0, excluded: 0 });
    expect(r.bytesPerDay).toBe(0);
    expect(r.retention).toMatchObject({ hours: 720, limitedBy: 'age' });
  });

  test('a too long line is skipped as malformed, the rest is read', async () => {
    const text = LINES[1] + '\n' + 'x'.repeat(5000) + '\n' + LINES[1] + '\n';
    const chunks = [Buffer.from(text.slice(0, 3000)), Buffer.from(text.slice(3000))];
    const r = await simulate([Readable.from(chunks)], { policy: pol(), maxLineBytes: 4096 });
    expect(r.events).toBe(2);
    expect(r.malformed).toEqual({
      count: 1,
      lines: [
        {
          source: '<stream>',
          line: 2,
          reason: expect.stringMatching(
            /^line longer than 4096 characters, skipped .*jq -c '\.\[\]'.*run together .*jq -c \. FILE; a Loki query_range response: jq -r '\.data\.result\[\]\.values\[\]\[1\]'/,
          ),
        },
      ],
    });
  });

  test('a gzip file cut short: complete lines are replayed, the cut is reported', async () => {
    const gz = zlib.gzipSync(fs.readFileSync(LOG));
    const cut = path.join(tmp, 'cut.log.gz');
    fs.writeFileSync(cut, gz.subarray(0, gz.length - 200));
    const r = await simulate([cut], { policy: pol() });
    expect(r.events).toBeGreaterThan(0);
    expect(r.events).toBeLessThan(13);
    const last = r.malformed.lines[r.malformed.lines.length - 1];
    expect(last.reason).toMatch(
      /^gzip data ends unexpectedly .*: the .gz file is cut short .*copy the file again/,
    );
    expect(last.source).toBe(cut);
  });

  test('forEachLine accepts object-mode streams of Buffers', async () => {
    const seen: string[] = [];
    const euro = Buffer.from('a€b\nc');
    // Split inside the three-byte euro sign.
    await forEachLine(Readable.from([euro.subarray(0, 2), euro.subarray(2)]), (line) => seen.push(line));
    expect(seen).toEqual(['a€b', 'c']);
  });

  test('container runtime (CRI) log lines: Deckhouse Stdout output read from /var/log/pods', async () => {
    // Every fixture line behind a CRI prefix; line 2 split by the runtime into P, P, F fragments; klog lines
    // on stderr in between (not audit data, ignored).
    const ts = '2026-01-05T10:00:00.123456789Z';
    const out: string[] = [];
    LINES.slice(0, 17).forEach((line, i) => {
      if (i === 1) {
        out.push(`${ts} stdout P ${line.slice(0, 100)}`, `${ts} stdout P ${line.slice(100, 300)}`);
        out.push(`${ts} stdout F ${line.slice(300)}`);
      } else out.push(`${ts} stdout F ${line}`);
      if (i % 5 === 0) out.push(`${ts} stderr F I0105 10:00:00.123456 1 controller.go:42] syncing`);
    });
    const r = await simulate(
      [{ name: 'kube-apiserver.log', stream: Readable.from([Buffer.from(out.join('\n'))]) }],
      {
        policy: pol(),
      },
    );
    // History is the kubelet's container log there, not the file rotation (compared in retention tests).
    const strip = (x: SimulationReport) => ({
      ...x,
      sources: [],
      malformed: x.malformed.count,
      retention: null,
    });
    expect(strip(r)).toEqual(strip(plain));
    expect(r.retention.output).toBe('Stdout');
  });

  test('a missing file rejects with a message naming it', async () => {
    // Worded like `validate` words a missing policy file (issue 9 §7).
    await expect(simulate([path.join(tmp, 'nope.log')], { policy: pol() })).rejects.toThrow(
      /^.*nope\.log: no such file$/,
    );
  });

  test('progress is reported and ends with done', async () => {
    const seen: Array<{ bytesRead: number; done: boolean; totalBytes?: number }> = [];
    await simulate([LOG], { policy: pol(), onProgress: (p) => seen.push(p) });
    const last = seen[seen.length - 1];
    expect(last.done).toBe(true);
    expect(last.bytesRead).toBe(fs.statSync(LOG).size);
    expect(last.totalBytes).toBe(fs.statSync(LOG).size);
  });
});

describe('simulateMany reads once and evaluates several policies', () => {
  test('the reports equal separate runs', async () => {
    const a = policy('policy-a.yaml');
    const b = policy('policy-b.yaml');
    const [ra, rb] = await simulateMany([LOG], [a, b]);
    expect(ra).toEqual(await simulate([LOG], { policy: a }));
    // B's report adds the events B decides at another level than A, which only a joint replay knows.
    const { levelChanges, ...restB } = rb;
    expect(levelChanges).toBeDefined();
    expect(restB).toEqual(await simulate([LOG], { policy: b }));
  });

  test('policy B: ResponseStarted omitted, deployments at Metadata, deletes at Metadata', async () => {
    const [rb] = await simulateMany([LOG], [policy('policy-b.yaml')]);
    // None: 8, 9; Metadata: 3, 4, 5, 6, 7, 10; RequestResponse: 1, 2, 15, 16, 17.
    expect(rb.decided).toEqual({ None: 2, Metadata: 6, Request: 0, RequestResponse: 5 });
    // Lines 4 and 7 are ResponseStarted (now omitted), line 1 RequestReceived; 8 written.
    expect(rb.written.byLevel).toEqual({ Metadata: 4, Request: 0, RequestResponse: 4 });
    expect(rb.omittedByStage).toMatchObject({ RequestReceived: 1, ResponseStarted: 2 });
    expect(rb.written.bytes).toBe(
      A_BYTES - bytes(LINE3_REQUEST) + bytes(LINE3_METADATA) - asIs(4) - asIs(7) + asIs(10),
    );
    expect(rb.unmatched).toBe(0);
  });
});

describe('simulate with truncation', () => {
  test('oversized events lose their bodies or are dropped', async () => {
    const r = await simulate([LOG], { policy: policy('policy-a.yaml'), truncate: { maxEventBytes: 700 } });
    // Written under policy A, with sizes: 2 (1053 B, RequestResponse), 3 (735 B, Request), 16 (952 B) and
    // 17 (1062 B) exceed 700 bytes; 4, 5, 6, 7 and 15 (Metadata-sized, under 700) are untouched.
    // Lines 2, 16 and 17 are the same pod create request: without bodies, with the annotation, each is
    // 687 bytes and fits. Line 3 without its request body plus the annotation is 743 bytes: dropped.
    const truncatedLine = (n: number) => {
      const ev = JSON.parse(LINES[n - 1]);
      delete ev.requestObject;
      delete ev.responseObject;
      ev.level = 'RequestResponse';
      ev.annotations = { 'audit.k8s.io/truncated': 'true' };
      return Buffer.byteLength(JSON.stringify(ev)) + 1;
    };
    expect([2, 16, 17].map(truncatedLine)).toEqual([687, 687, 687]);
    expect(r.truncation).toEqual({ maxEventBytes: 700, truncated: 4, dropped: 1 });
    expect(r.written.events).toBe(8);
    expect(r.written.bytes).toBe(
      A_BYTES - asIs(2) - bytes(LINE3_REQUEST) - (asIs(16) + 8) - asIs(17) + 3 * 687,
    );
  });

  test('truncate: true uses the 102400-byte default; off by default', async () => {
    const on = await simulate([LOG], { policy: policy('policy-a.yaml'), truncate: true });
    expect(on.truncation).toEqual({ maxEventBytes: 102400, truncated: 0, dropped: 0 });
    const off = await simulate([LOG], { policy: policy('policy-a.yaml') });
    expect(off.truncation).toBeNull();
    expect(on.written).toEqual(off.written);
  });
});
