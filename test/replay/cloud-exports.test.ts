import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import * as zlib from 'zlib';
import { loadPolicy } from '../../src/policy';
import { simulate, SimulationReport } from '../../src/replay';
import { cefMessage, csvEventField } from '../../src/replay/line-framing';
import { runInProcess } from '../cli/helpers';
import { FIXTURES } from './fixtures';

// Audit logs as cloud log services and log stores export them (test/fixtures/replay/cloud-exports/README.md
// cites the documented shape of each file). Each export holds the six events of events.log, so it must count,
// decide and size them as the file kube-apiserver wrote.

const DIR = path.join(FIXTURES, 'cloud-exports');
const file = (name: string): string => path.join(DIR, name);

// Every event at Metadata: all six are written, and since events.log was written at Metadata (no bodies), the
// bytes kube-apiserver writes for them are the file's own bytes, newlines included.
const METADATA = loadPolicy('apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n').policy!;

function replay(name: string, options: { jobs?: number } = {}): Promise<SimulationReport> {
  return simulate([file(name)], { policy: METADATA, ...options });
}

let plain: SimulationReport;
beforeAll(async () => {
  plain = await replay('events.log');
  expect(plain.events).toBe(6);
  expect(plain.written).toMatchObject({ events: 6, bytes: fs.statSync(file('events.log')).size });
  expect(plain.malformed.count).toBe(0);
});

function sameEvents(r: SimulationReport): void {
  expect(r.events).toBe(6);
  expect(r.malformed).toEqual({ count: 0, lines: [] });
  expect(r.decided).toEqual(plain.decided);
  expect(r.written).toEqual(plain.written);
  expect(r.span).toEqual(plain.span);
  expect(r.topUsers).toEqual(plain.topUsers);
}

describe('records that hold the line in a list of records, or one member down', () => {
  test.each([
    // `events[].message`, with a klog line of the kube-apiserver-<id> stream among them
    ['aws logs filter-log-events (EKS, pretty-printed)', 'eks-filter-log-events.json', 1],
    // `logEvents[].message`
    ['a CloudWatch Logs subscription payload (Kinesis, Firehose)', 'cloudwatch-subscription.json', 0],
    // `properties.log`, one record a line
    ['an AKS diagnostic setting archived to a storage account', 'aks-diagnostics-storage.json', 0],
    // `records[].properties.log`, with a kube-apiserver (klog, stderr) record in the batch
    ['an AKS diagnostic setting streamed to an event hub', 'aks-diagnostics-eventhub.json', 1],
    // `result._raw`
    ["Splunk's search export (output_mode=json)", 'splunk-export.json', 0],
    // the `message` extension of a CEF record, `\\` and `\=` escaped; a klog line among them
    ["Deckhouse log-shipper's CEF encoding (Socket, Kafka)", 'deckhouse-cef.log', 1],
    // subscription payloads run together with no newline, CloudWatch's CONTROL_MESSAGE (not audit data) first
    ['Kinesis Data Firehose to S3 (payloads run together on one line)', 'firehose-s3-object.json', 1],
  ])('%s: the events of the plain log', async (_what, name, klogLines) => {
    const r = await replay(name);
    sameEvents(r);
    // kube-apiserver's own log lines (and CloudWatch's own message) are counted apart, never as events or
    // malformed lines
    expect(r.sources[0].otherLines).toBe(klogLines);
  });

  test('a pretty-printed list larger than a record may be is read one element at a time', async () => {
    // `aws logs filter-log-events` prints all its pages as one object: a day of audit log is gigabytes, far over
    // the 64 MiB a record may take. Its `events` (and a subscription's `logEvents`, Azure's `records`) are read
    // element by element as an EventList's `items` are; here the limit is cut to 3,000 characters to show it.
    for (const name of [
      'eks-filter-log-events.json',
      'aks-diagnostics-eventhub.json',
      'cloudwatch-subscription.json',
    ]) {
      const text = JSON.stringify(JSON.parse(fs.readFileSync(file(name), 'utf8')), null, 2);
      expect(text.length).toBeGreaterThan(6000);
      const r = await simulate([{ name, stream: Readable.from([text + '\n']) }], {
        policy: METADATA,
        maxLineBytes: 3000,
      });
      sameEvents(r);
    }
  });

  test('a gzip copy and two threads give the same report', async () => {
    const text = fs.readFileSync(file('aks-diagnostics-storage.json'));
    const many = Buffer.concat(Array.from({ length: 2000 }, () => text));
    const gz = await simulate([{ name: 'aks.json.gz', stream: Readable.from([zlib.gzipSync(many)]) }], {
      policy: METADATA,
    });
    expect(gz.events).toBe(12_000);
    expect(gz.written).toEqual({
      ...plain.written,
      events: 12_000,
      bytes: 2000 * plain.written.bytes,
      byLevel: { ...plain.written.byLevel, Metadata: 12_000 },
      bytesByLevel: { ...plain.written.bytesByLevel, Metadata: 2000 * plain.written.bytes },
      byStage: Object.fromEntries(
        Object.entries(plain.written.byStage).map(([stage, eb]) => [
          stage,
          { events: eb.events * 2000, bytes: eb.bytes * 2000 },
        ]),
      ),
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-exports-'));
    try {
      const big = path.join(dir, 'aks.json');
      fs.writeFileSync(big, many);
      const threads = await simulate([big], { policy: METADATA, jobs: 2 });
      expect(threads.sources[0].threads).toBe(2);
      expect(threads.written).toEqual(gz.written);
      expect(threads.events).toBe(gz.events);
      expect(threads.malformed).toEqual(gz.malformed);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('CSV exports of a log store (RFC 4180: the event in a quoted field, its quotes doubled)', () => {
  test.each([
    ['CloudWatch Logs Insights (Download table, CSV)', 'cloudwatch-insights.csv', '@timestamp,@message'],
    [
      'a Kibana Discover CSV report (every field quoted, CRLF)',
      'kibana-discover.csv',
      '"@timestamp","message","host.name"',
    ],
    [
      "a spreadsheet's CSV in a decimal-comma locale (`;`, BOM, CRLF)",
      'excel-semicolon.csv',
      'Время;Сообщение',
    ],
  ])('%s: the events of the plain log, the header named', async (_what, name, header) => {
    const r = await replay(name);
    sameEvents(r);
    expect(r.sources[0].warnings).toEqual([
      expect.stringContaining(`line 1 is a CSV header (${header}), not an event`),
    ]);
  });

  test('a first line that only looks like a header, or a header alone, is still a malformed line', async () => {
    const lines = fs.readFileSync(file('events.log'), 'utf8');
    const notCsv = await simulate([{ name: 'x', stream: Readable.from([`time,message\n${lines}`]) }], {
      policy: METADATA,
    });
    expect(notCsv.events).toBe(6);
    expect(notCsv.malformed.lines).toEqual([
      { source: 'x', line: 1, reason: expect.stringMatching(/^not JSON/) },
    ]);
    const alone = await simulate([{ name: 'x', stream: Readable.from(['@timestamp,@message\n']) }], {
      policy: METADATA,
    });
    expect(alone.malformed.lines).toEqual([
      { source: 'x', line: 1, reason: expect.stringMatching(/^not JSON/) },
    ]);
  });

  test('cefMessage: the message extension up to the next key, unescaped; none without a CEF header', () => {
    const head = 'CEF:1|Deckhouse|log-shipper-agent|1|Log event|cef.name|5|';
    expect(cefMessage(`${head}host=m message={"a":"b\\=c\\\\d"} node=m`)).toBe('{"a":"b=c\\d"}');
    expect(cefMessage(`${head}message=last value`)).toBe('last value');
    expect(cefMessage(`<14>1 2024-05-01T10:00:00Z m vector - - - ${head}message=x`)).toBe('x');
    expect(cefMessage(`CEF:1|only|three|fields message=x`)).toBeUndefined();
    expect(cefMessage(`${head}host=m`)).toBeUndefined();
  });

  test('csvEventField: the field must start the row or follow a comma, and end', () => {
    const event = '{"kind":"Event","apiVersion":"audit.k8s.io/v1","verb":"get","note":"a ""b"""}';
    const quoted = `"${event.replace(/"/g, '""')}"`;
    expect(csvEventField(`2024-05-01 10:00:00.123,${quoted}`)).toBe(event);
    expect(csvEventField(`${quoted},"master-0"`)).toBe(event);
    expect(csvEventField(`01.05.2024 10:00;${quoted}`)).toBe(event); // a spreadsheet's `;` (decimal-comma locales)
    expect(csvEventField(`2024-05-01\t${quoted}`)).toBe(event);
    expect(csvEventField(`x${quoted}`)).toBeUndefined();
    expect(csvEventField(`1,${quoted.slice(0, -1)}`)).toBeUndefined();
  });
});

describe('records a cloud made from the events are named, with what to replay instead', () => {
  test('a GKE Cloud Audit Logs entry (gcloud logging read --format=json) is not given a jq fix', async () => {
    const run = await runInProcess(['simulate', '--deckhouse', file('gke-cloud-audit.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'gke-cloud-audit.json:2: a Google Cloud Logging entry holding a Cloud Audit Logs record ' +
        '(io.k8s.core.v1.pods.create), not a kube-apiserver audit event',
    );
    expect(run.stderr).toContain('/var/log/kube-audit/audit.log');
    expect(run.stderr).not.toContain('jq');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test("an Azure Monitor AKSAudit row names the export that is read (the kube-audit category's properties.log)", async () => {
    const run = await runInProcess(['simulate', '--deckhouse', '--json', file('aks-audit-table.json')]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { error: { problems: Array<{ line: number; message: string }> } };
    expect(JSON.stringify(out.error)).toContain(
      "an audit event with its members renamed (AuditId, RequestUri, Verb…): a row of Azure Monitor's AKSAudit",
    );
    expect(JSON.stringify(out.error)).toContain('properties.log');
  });

  test('Kubernetes Event objects (kubectl get events -o json, events.k8s.io) are named as such', async () => {
    const core = {
      apiVersion: 'v1',
      kind: 'Event',
      reason: 'Scheduled',
      involvedObject: { kind: 'Pod', name: 'web-0' },
    };
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [core] }, null, 4);
    const newer = JSON.stringify({
      kind: 'Event',
      apiVersion: 'events.k8s.io/v1',
      reason: 'Scheduled',
      regarding: {},
    });
    const r = await simulate([{ name: 'x', stream: Readable.from([`${list}\n${newer}\n`]) }], {
      policy: METADATA,
    });
    expect(r.events).toBe(0);
    // The list's item is read where its `{` stands, the events.k8s.io line after the list.
    const itemLine = list.split('\n').findIndex((l) => l.trim() === '{' && l !== '{') + 1;
    expect(r.malformed.lines.map((m) => m.line)).toEqual([itemLine, list.split('\n').length + 1]);
    for (const m of r.malformed.lines)
      expect(m.reason).toMatch(
        /a Kubernetes Event object \(apiVersion "(v1|events\.k8s\.io\/v1)": what kubectl get events lists/,
      );
  });

  test('a record holding neither an event nor a line one member down still lists its members', async () => {
    const record = JSON.stringify({ records: [{ time: 't', properties: { log: 'plain text' } }] });
    const r = await simulate([{ name: 'x', stream: Readable.from([record + '\n']) }], { policy: METADATA });
    expect(r.events).toBe(0);
    expect(r.malformed.lines[0].reason).toMatch(/^not an audit event, .*its members: records\)/);
  });
});

describe('JSON values run together on one line (`}{`)', () => {
  test('the events of the plain log written with no newline between them are the plain log', async () => {
    const lines = fs
      .readFileSync(file('events.log'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(lines).toHaveLength(6);
    const r = await simulate([{ name: 'joined.log', stream: Readable.from([lines.join('')]) }], {
      policy: METADATA,
    });
    sameEvents(r);
  });

  test('a Firehose object of gzip members, one per subscription payload, is read whole', async () => {
    // Firehose with a CloudWatch Logs source stores each record as CloudWatch gzipped it: the S3 object is
    // gzip members one after another, which gunzip (and zlib) inflate as one stream.
    const payloads = fs
      .readFileSync(file('firehose-s3-object.json'), 'utf8')
      .split('}{')
      .map((piece, i, all) => (i > 0 ? '{' : '') + piece + (i < all.length - 1 ? '}' : ''));
    expect(payloads).toHaveLength(3);
    const gz = Buffer.concat(payloads.map((p) => zlib.gzipSync(p)));
    const r = await simulate([{ name: 'firehose.gz', stream: Readable.from([gz]) }], { policy: METADATA });
    sameEvents(r);
  });

  test('a line whose values are not all objects or arrays stays one malformed line', async () => {
    const r = await simulate([{ name: 'x.log', stream: Readable.from(['{"a":1} trailing {"b":2}\n']) }], {
      policy: METADATA,
    });
    expect(r.events).toBe(0);
    expect(r.malformed.count).toBe(1);
  });
});
