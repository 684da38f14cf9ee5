import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import * as zlib from 'zlib';
import type { Policy } from '../../src/policy/types';
import { simulate, SimulationReport } from '../../src/replay';
import { LINE_CUT_SHORT } from '../../src/replay/broken-line';
import { CUT_BY_ZERO_BYTES } from '../../src/replay/line-framing';
import { runInProcess } from '../cli/helpers';
import { auditID, createConfigMapLine, createConfigMapLines } from '../support/apiserver-lines';

// One log of kube-apiserver JSON lines (both stages of 20 creates), handed over the ways clusters and shippers
// really hand it over. Each must replay to the same events and bytes as the file itself, or fail with the file,
// the line and the fix: never a stack trace, never a quiet loss.

const rr: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'RequestResponse' }] };
const LINES: string[] = [];
for (let i = 0; i < 20; i++) LINES.push(...createConfigMapLines(auditID(i), i));
const EVENTS = LINES.map((l) => JSON.parse(l) as Record<string, unknown>);
const TEXT = LINES.join('\n') + '\n';

/** Object keys sorted, as Vector (Deckhouse's log-shipper) writes an event it parsed. */
const sorted = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sorted)
    : typeof v === 'object' && v !== null
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
        )
      : v;

const SHAPES: Record<string, string | Buffer> = {
  'CRLF line ends': LINES.join('\r\n') + '\r\n',
  'a UTF-8 byte order mark and CRLF': '\ufeff' + LINES.join('\r\n') + '\r\n',
  'blank and whitespace lines between': LINES.join('\n\n \t\n') + '\n\n',
  gzip: zlib.gzipSync(TEXT),
  'CRI container log (auditLog.output Stdout)': LINES.map((l) => `2026-12-01T10:00:00.1Z stdout F ${l}`).join(
    '\n',
  ),
  "Docker's json-file": LINES.map((l) =>
    JSON.stringify({ log: `${l}\n`, stream: 'stdout', time: '2026-12-01T10:00:00.1Z' }),
  ).join('\n'),
  'Deckhouse log-shipper (Vector) file source, JSON codec': LINES.map((l) =>
    JSON.stringify({
      file: '/var/log/kube-audit/audit.log',
      host: 'master-0',
      message: l,
      source_type: 'file',
      timestamp: '2026-12-01T10:00:00.1Z',
    }),
  ).join('\n'),
  'Vector with the event parsed into the record (keys sorted, its own timestamp)': EVENTS.map((e) =>
    JSON.stringify(
      sorted({
        ...e,
        file: '/var/log/kube-audit/audit.log',
        host: 'master-0',
        source_type: 'file',
        timestamp: '2026-12-01T10:00:00.1Z',
      }),
    ),
  ).join('\n'),
  'logcli query (default output: time, labels, line)': LINES.map(
    (l) => `2026-12-01T10:00:00Z {filename="/var/log/kube-audit/audit.log", host="master-0"} ${l}`,
  ).join('\n'),
  'logcli query --output=jsonl': LINES.map((l) =>
    JSON.stringify({ labels: { host: 'master-0' }, line: l, timestamp: '2026-12-01T10:00:00Z' }),
  ).join('\n'),
  'Elasticsearch _search response (pretty-printed)': JSON.stringify(
    {
      took: 3,
      timed_out: false,
      hits: {
        total: { value: 40, relation: 'eq' },
        hits: EVENTS.map((e, i) => ({
          _index: 'kube-audit',
          _id: `${i}`,
          _score: 1,
          _source: { '@timestamp': e.stageTimestamp, ...e },
        })),
      },
    },
    null,
    2,
  ),
  'Elasticsearch _source lines (elasticdump)': EVENTS.map((e, i) =>
    JSON.stringify({
      _index: 'kube-audit',
      _id: `${i}`,
      _source: { '@timestamp': e.stageTimestamp, kubernetes: { host: 'master-0' }, ...e },
    }),
  ).join('\n'),
  'Splunk HEC events': EVENTS.map((e) =>
    JSON.stringify({ time: 1764583200.1, host: 'master-0', sourcetype: '_json', event: e }),
  ).join('\n'),
  'the body of a JSON array without its brackets (an object and a comma a line)': LINES.map(
    (l) => `${l},`,
  ).join('\n'),
  "jq '.message' without -r (each line a JSON string)": LINES.map((l) => JSON.stringify(l)).join('\n'),
  'kcat -J (Kafka, the line in payload)': LINES.map((l, i) =>
    JSON.stringify({
      topic: 'kube-audit',
      partition: 0,
      offset: i,
      tstype: 'create',
      ts: 1764583200000 + i,
      key: null,
      payload: l,
    }),
  ).join('\n'),
  'journalctl -o json (the line in MESSAGE)': LINES.map((l, i) =>
    JSON.stringify({
      __CURSOR: `s=1;i=${i}`,
      _HOSTNAME: 'master-0',
      SYSLOG_IDENTIFIER: 'kube-apiserver',
      MESSAGE: l,
    }),
  ).join('\n'),
  'Fluentd out_file (time, tag, record; tab-separated)': LINES.map(
    (l) => `2026-12-01T10:00:00+00:00\tkube.audit\t${l}`,
  ).join('\n'),
  'an EventList': JSON.stringify({
    kind: 'EventList',
    apiVersion: 'audit.k8s.io/v1',
    metadata: {},
    items: EVENTS,
  }),
};

let tmp: string;
let plain: SimulationReport;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'real-world-'));
  const file = path.join(tmp, 'audit.log');
  fs.writeFileSync(file, TEXT);
  plain = await simulate([file], { policy: rr });
  expect(plain.events).toBe(40);
  expect(plain.written.bytes).toBe(Buffer.byteLength(TEXT)); // RequestResponse writes every line as it is
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test.each(Object.keys(SHAPES))('%s replays like the file itself', async (shape) => {
  const file = path.join(tmp, 'shape.log');
  fs.writeFileSync(file, SHAPES[shape]);
  const r = await simulate([file], { policy: rr });
  expect({ events: r.events, written: r.written, malformed: r.malformed.count, span: r.span }).toEqual({
    events: plain.events,
    written: plain.written,
    malformed: 0,
    span: plain.span,
  });
});

describe('a block of zero bytes (a node crash while kube-apiserver wrote the file)', () => {
  test('at the end, between lines, and cutting a line: every other line is read, with a warning', async () => {
    const zeros = '\0'.repeat(4096);
    const cases: Array<[string, string, number, string[]]> = [
      ['tail', TEXT + zeros, 40, []],
      ['between', LINES.slice(0, 10).join('\n') + '\n' + zeros + LINES.slice(10).join('\n') + '\n', 40, []],
      // Line 6 was being written: its start survived, then zeros, then what the restarted apiserver wrote.
      [
        'cut',
        LINES.slice(0, 5).join('\n') +
          '\n' +
          LINES[5].slice(0, 200) +
          zeros +
          LINES.slice(6).join('\n') +
          '\n',
        39,
        [CUT_BY_ZERO_BYTES],
      ],
    ];
    for (const [name, text, events, reasons] of cases) {
      const file = path.join(tmp, `${name}.log`);
      fs.writeFileSync(file, text);
      const r = await simulate([file], { policy: rr });
      expect({ name, events: r.events, reasons: r.malformed.lines.map((m) => m.reason) }).toEqual({
        name,
        events,
        reasons,
      });
      expect(r.sources[0].warnings).toEqual([
        expect.stringMatching(/^4096 zero bytes \(NUL\) at line \d+ skipped: .*node crash/),
      ]);
    }
  });
});

test('a gigantic single line is skipped with its line number in bounded memory, the rest is read', async () => {
  const file = path.join(tmp, 'huge.log');
  const huge = createConfigMapLine({ auditID: auditID(99) }).replace(
    '"data":{',
    `"data":{"blob":"${'x'.repeat(3 * 1024 * 1024)}",`,
  );
  fs.writeFileSync(file, [LINES[0], huge, LINES[1]].join('\n') + '\n');
  const r = await simulate([file], { policy: rr, maxLineBytes: 1024 * 1024 });
  expect(r.events).toBe(2);
  expect(r.malformed.lines).toEqual([
    {
      source: file,
      line: 2,
      reason: expect.stringMatching(
        /^line longer than 1048576 characters, skipped .*put one event a line first/,
      ),
    },
  ]);
});

test('CRLF and a last line cut short: named as cut short, not as malformed JSON', async () => {
  const r = await simulate(
    [{ name: 'copy.log', stream: Readable.from([LINES.join('\r\n') + '\r\n' + LINES[0].slice(0, 300)]) }],
    {
      policy: rr,
    },
  );
  expect(r.malformed.lines).toEqual([{ source: 'copy.log', line: 41, reason: LINE_CUT_SHORT }]);
});

test('a UTF-16 file (PowerShell `>`: FF FE, CRLF) replays its events like the UTF-8 file', async () => {
  const file = path.join(tmp, 'utf16.log');
  fs.writeFileSync(
    file,
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LINES.join('\r\n'), 'utf16le')]),
  );
  const run = await runInProcess(['simulate', '--deckhouse', '--json', file]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect((JSON.parse(run.stdout) as SimulationReport).events).toBe(LINES.length);
});

test('an empty or foreign file among good ones is named, not passed over', async () => {
  const good = path.join(tmp, 'good.log');
  const empty = path.join(tmp, 'empty.log');
  const policyFile = path.join(tmp, 'policy.yaml');
  fs.writeFileSync(good, TEXT);
  fs.writeFileSync(empty, '');
  // A policy file given as a log by mistake.
  fs.writeFileSync(policyFile, 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n');
  const r = await simulate([good, empty, policyFile], { policy: rr });
  expect(r.events).toBe(40);
  expect(r.sources.map((s) => [s.source, s.warnings])).toEqual([
    [good, []],
    [empty, ['no audit event read from this input: it is empty']],
    [
      policyFile,
      [
        'the input starts like a YAML policy or manifest ("apiVersion: audit.k8s.io/v1"), not an audit log: ' +
          'were the arguments swapped? A policy goes to --policy; a LOG is the JSON-lines audit log kube-apiserver writes',
        'no audit event read from this input: its 4 lines are not audit events (4 malformed)',
      ],
    ],
  ]);
});

/** A POSIX ustar archive of `files` (what `tar cf` writes: a 512-byte header, the data padded to 512, two zero blocks). */
function ustar(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const header = Buffer.alloc(512);
    const field = (at: number, value: string) => header.write(value, at, 'latin1');
    field(0, name);
    field(100, '0000644\0');
    field(108, '0000000\0');
    field(116, '0000000\0');
    field(124, `${data.length.toString(8).padStart(11, '0')}\0`);
    field(
      136,
      `${Math.floor(Date.UTC(2026, 11, 1) / 1000)
        .toString(8)
        .padStart(11, '0')}\0`,
    );
    field(148, '        ');
    field(156, '0');
    field(257, 'ustar\u000000');
    let sum = 0;
    for (const b of header) sum += b;
    field(148, `${sum.toString(8).padStart(6, '0')}\0 `);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

test('a tar archive of logs (tar czf) is named, with how to extract it, not read as broken lines', async () => {
  const file = path.join(tmp, 'kube-audit.tgz');
  fs.writeFileSync(
    file,
    zlib.gzipSync(ustar({ 'kube-audit/audit.log': TEXT, 'kube-audit/audit-1.log': TEXT })),
  );
  const r = await simulate([file], { policy: rr });
  expect(r.events).toBe(0);
  expect(r.malformed.lines).toEqual([
    {
      source: file,
      line: 1,
      reason: expect.stringMatching(
        /^a tar archive, not an audit log: not read; extract its logs first, e\.g\. tar -xOzf FILE/,
      ),
    },
  ]);
  expect(r.sources[0].warnings).toEqual([]);
  const run = await runInProcess(['simulate', '--deckhouse', file]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`${file}:1: a tar archive`);
});
