import { Readable } from 'stream';
import { simulate, SimulationReport } from '../../src/replay';
import { STDOUT_FROM_OWN_LINES } from '../../src/replay/accumulator';
import { LINES, LOG, policyA } from './fixtures';

// The audit log as log pipelines hand it over. Every shape below carries the lines of basic.log (the
// kube-apiserver's own file, 13 events and 3 malformed lines, one of them not JSON), so a replay of it must
// count, decide and size the same events as a replay of the file itself.

const NON_BLANK = LINES.filter((l) => l.trim() !== '');
const EVENT_LINES = NON_BLANK.filter((l) => l.startsWith('{'));
const TS = '2026-01-05T10:00:00.123456789Z';

function read(text: string): Promise<SimulationReport> {
  return simulate([{ name: 'export', stream: Readable.from([text]) }], { policy: policyA() });
}

function sameEvents(r: SimulationReport, plain: SimulationReport): void {
  expect(r.events).toBe(plain.events);
  expect(r.decided).toEqual(plain.decided);
  expect(r.written).toEqual(plain.written);
  expect(r.rules.map((x) => x.hits)).toEqual(plain.rules.map((x) => x.hits));
  expect(r.span).toEqual(plain.span);
}

let plain: SimulationReport;
beforeAll(async () => {
  plain = await simulate([LOG], { policy: policyA() });
  expect(plain.events).toBe(13);
  expect(plain.malformed.count).toBe(3);
});

describe('records of log shippers', () => {
  test('Vector / Deckhouse log-shipper records: the line in `message`', async () => {
    const text = NON_BLANK.map(
      (l) =>
        JSON.stringify({
          file: '/var/log/kube-audit/audit.log',
          host: 'master-0',
          message: l,
          timestamp: TS,
        }) + '\n',
    ).join('');
    const r = await read(text);
    sameEvents(r, plain);
    expect(r.malformed.count).toBe(3);
    expect(r.malformed.lines.map((m) => m.reason)).toEqual([
      expect.stringMatching(/^message: not JSON/),
      expect.stringMatching(
        /^message: not an audit.k8s.io\/v1 Event: apiVersion is "audit.k8s.io\/v1alpha1"/,
      ),
      'message: not an audit.k8s.io/v1 Event: missing verb',
    ]);
  });

  test("Loki's logcli --output=jsonl: the line in `line`", async () => {
    const text = NON_BLANK.map(
      (l) => JSON.stringify({ labels: { job: 'kube-audit' }, line: l, timestamp: TS }) + '\n',
    ).join('');
    sameEvents(await read(text), plain);
  });

  test('Elasticsearch hits: the decoded event in `_source`', async () => {
    const text = EVENT_LINES.map(
      (l, i) => JSON.stringify({ _index: 'audit', _id: String(i), _source: JSON.parse(l) }) + '\n',
    ).join('');
    const r = await read(text);
    sameEvents(r, plain);
    expect(r.malformed.count).toBe(2);
  });

  test('an Elasticsearch _search response (hits.hits) and a Loki query_range response, compact or pretty', async () => {
    const search = {
      took: 3,
      timed_out: false,
      hits: {
        total: { value: EVENT_LINES.length, relation: 'eq' },
        hits: EVENT_LINES.map((l, i) => ({
          _index: 'audit',
          _id: String(i),
          _source: JSON.parse(l) as unknown,
        })),
      },
    };
    sameEvents(await read(JSON.stringify(search) + '\n'), plain);
    sameEvents(await read(JSON.stringify(search, null, 2) + '\n'), plain);
    const loki = {
      status: 'success',
      data: {
        resultType: 'streams',
        result: [
          {
            stream: { job: 'kube-audit', node: 'master-0' },
            values: NON_BLANK.slice(0, 6).map((l) => ['1736071200000000000', l]),
          },
          {
            stream: { job: 'kube-audit', node: 'master-1' },
            values: NON_BLANK.slice(6).map((l) => ['1736071200000000000', l]),
          },
        ],
      },
    };
    const r = await read(JSON.stringify(loki, null, 2) + '\n');
    sameEvents(r, plain);
    expect(r.malformed.count).toBe(3);
  });

  test("Docker's json-file: `log` with its newline, lines over 16 KiB cut into records without one", async () => {
    const records: string[] = [];
    for (const l of NON_BLANK) {
      const pieces = l.match(/[\s\S]{1,100}/g)!; // cut short lines too, as Docker cuts long ones
      pieces.forEach((p, i) => {
        const last = i === pieces.length - 1;
        records.push(JSON.stringify({ log: last ? `${p}\n` : p, stream: 'stdout', time: TS }));
      });
      records.push(
        JSON.stringify({
          log: 'I0105 10:00:00.000000       1 controller.go:42] synced\n',
          stream: 'stderr',
          time: TS,
        }),
      );
    }
    const r = await read(records.join('\n') + '\n');
    sameEvents(r, plain);
    expect(r.malformed.count).toBe(3);
    // Docker's records name the container stream: Stdout output by the records themselves, as CRI lines are
    // (the note for a Stdout inferred from klog lines alone is not said).
    expect(r.retention.output).toBe('Stdout');
    expect(r.sources[0].warnings).toEqual([
      `${NON_BLANK.length} lines of kube-apiserver's own log (klog or stderr, not audit events) skipped`,
    ]);
  });

  test('Fluent Bit (tail input; file, stdout or forward output): `log` holds each whole line without its newline', async () => {
    // `{"date":<epoch>,"log":"<line>"}`: Fluent Bit's tail input strips the newline, unlike Docker's json-file,
    // where a record without one is a piece of a longer line. Each record is one line of the log.
    const klog = 'I0105 10:00:00.000000       1 controller.go:42] synced';
    const records = [...NON_BLANK, klog].map((l) => JSON.stringify({ date: 1736071200.123456, log: l }));
    const r = await read(records.join('\n') + '\n');
    sameEvents(r, plain);
    expect(r.malformed.count).toBe(3);
    // One record per non-blank line of basic.log: the malformed ones keep their own record numbers.
    const records1 = plain.malformed.lines.map((m) => NON_BLANK.indexOf(LINES[m.line - 1]) + 1);
    expect(r.malformed.lines.map((m) => m.line)).toEqual(records1);
    expect(r.sources[0].warnings).toEqual([
      "1 line of kube-apiserver's own log (klog or stderr, not audit events) skipped",
      // Only the container output holds both: the retention is Stdout's, and the report says why.
      STDOUT_FROM_OWN_LINES,
    ]);
  });

  test('other shippers: Splunk HEC `event`, GELF `short_message`, Fluentd `record`, OpenTelemetry OTLP/JSON', async () => {
    const hec = NON_BLANK.map((l) =>
      JSON.stringify({ time: 1736071200, host: 'master-0', sourcetype: 'kube:apiserver:audit', event: l }),
    );
    const r = await read(hec.join('\n') + '\n');
    sameEvents(r, plain);
    expect(r.malformed.lines.map((m) => m.reason)).toEqual([
      // the non-JSON line holds no event: the record is named by its members
      expect.stringMatching(
        /^not an audit event, nor a record holding one .*\(its members: time, host, sourcetype, event\)/,
      ),
      expect.stringMatching(/^event: not an audit.k8s.io\/v1 Event: apiVersion is "audit.k8s.io\/v1alpha1"/),
      'event: not an audit.k8s.io/v1 Event: missing verb',
    ]);
    const gelf = NON_BLANK.map((l) => JSON.stringify({ version: '1.1', host: 'master-0', short_message: l }));
    sameEvents(await read(gelf.join('\n') + '\n'), plain);
    const fluentd = EVENT_LINES.map((l) =>
      JSON.stringify({ tag: 'kube.audit', time: 1, record: JSON.parse(l) }),
    );
    sameEvents(await read(fluentd.join('\n') + '\n'), plain);
    const otlp = {
      resourceLogs: [
        {
          resource: { attributes: [] },
          scopeLogs: [
            {
              scope: {},
              logRecords: NON_BLANK.map((l) => ({ timeUnixNano: '1', body: { stringValue: l } })),
            },
          ],
        },
      ],
    };
    const o = await read(JSON.stringify(otlp) + '\n');
    sameEvents(o, plain);
    expect(o.malformed.count).toBe(3);
  });

  test('members a shipper adds to the event are not sized as kube-apiserver output, and are named', async () => {
    // Fluent Bit's kubernetes filter with Merge_Log (the line kept in `log`), an Elasticsearch `_source` with
    // `@timestamp`, a member appended after the annotations (jq '. + {host: …}'). kube-apiserver writes none.
    const kubernetes = {
      pod_name: 'kube-apiserver-master-0',
      namespace_name: 'kube-system',
      host: 'master-0',
    };
    const merged = EVENT_LINES.map((l) =>
      JSON.stringify({ log: `${l}\n`, stream: 'stdout', kubernetes, ...(JSON.parse(l) as object) }),
    );
    const es = EVENT_LINES.map((l) =>
      JSON.stringify({ _id: '1', _source: { '@timestamp': TS, ...(JSON.parse(l) as object) } }),
    );
    const appended = EVENT_LINES.map((l) => `${l.slice(0, -1)},"host":"master-0"}`);
    const names = ['log, stream, kubernetes', '@timestamp', 'host'];
    for (const [i, records] of [merged, es, appended].entries()) {
      const r = await read(records.join('\n') + '\n');
      sameEvents(r, plain);
      expect(r.sources[0].warnings).toEqual([
        `${plain.events} events carry members kube-apiserver does not write (${names[i]}), added by the log shipper: left out of every size`,
      ]);
    }
  });

  test('a JSON record that holds no event says what it is, not "missing verb"', async () => {
    const r = await read(JSON.stringify({ '@timestamp': TS, msg: 'hello', level: 'info' }) + '\n');
    expect(r.malformed.lines.map((m) => m.reason)).toEqual([
      "not an audit event, nor a record holding one in a member this tool reads (its members: @timestamp, msg, level); extract the event's line or object first, e.g. jq -c '.<member>'",
    ]);
  });

  test('a Docker line whose last piece never comes is reported, not lost silently', async () => {
    const r = await read(
      JSON.stringify({ log: EVENT_LINES[0].slice(0, 50), stream: 'stdout', time: TS }) + '\n',
    );
    expect(r.events).toBe(0);
    expect(r.malformed.lines).toEqual([
      {
        source: 'export',
        line: 1,
        reason: 'log record cut short: the line it starts never ends (no newline)',
      },
    ]);
  });
});

describe('lines with a prefix, and kube-apiserver lines that are not audit data', () => {
  test('kubectl logs --timestamps and logcli default output: a time (and labels) before the event', async () => {
    sameEvents(await read(NON_BLANK.map((l) => `${TS} ${l}\n`).join('')), plain);
    sameEvents(
      await read(
        NON_BLANK.map((l) => `${TS} {job="kube-audit", container="kube-apiserver"} ${l}\n`).join(''),
      ),
      plain,
    );
  });

  test('kubectl logs --prefix (several masters) and --timestamps: events read, klog lines counted apart', async () => {
    const klog = 'I0105 10:00:00.123456       1 controller.go:624] quota admission added evaluator';
    const prefixes = [
      '[pod/kube-apiserver-master-0/kube-apiserver] ',
      `${TS} `,
      `[pod/kube-apiserver-master-1/kube-apiserver] ${TS} `,
    ];
    for (const prefix of prefixes) {
      const r = await read([klog, ...NON_BLANK, klog].map((l) => `${prefix}${l}\n`).join(''));
      sameEvents(r, plain);
      expect(r.malformed.count).toBe(3);
      expect(r.sources[0].warnings).toEqual([
        "2 lines of kube-apiserver's own log (klog or stderr, not audit events) skipped",
        // Only the container output holds both: the retention is Stdout's, and the report says why.
        STDOUT_FROM_OWN_LINES,
      ]);
    }
  });

  test('kubectl logs of kube-apiserver (auditLog.output: Stdout): klog lines are skipped and counted apart', async () => {
    const klog = [
      'I0105 10:00:00.123456       1 controller.go:624] quota admission added evaluator for: leases.coordination.k8s.io',
      'W0105 10:00:01.000001      12 dispatcher.go:217] Failed calling webhook, failing open',
      'E0105 10:00:02.000002       1 status.go:71] apiserver received an error that is not an metav1.Status',
    ];
    const text = NON_BLANK.flatMap((l, i) => (i < klog.length ? [klog[i], l] : [l])).join('\n') + '\n';
    const r = await read(text);
    sameEvents(r, plain);
    expect(r.lines).toBe(plain.lines);
    expect(r.malformed.count).toBe(3);
    expect(r.sources[0].warnings).toEqual([
      "3 lines of kube-apiserver's own log (klog or stderr, not audit events) skipped",
      // Only the container output holds both: the retention is Stdout's, and the report says why.
      STDOUT_FROM_OWN_LINES,
    ]);
  });
});

describe('JSON documents instead of JSON lines', () => {
  const events = EVENT_LINES.map((l) => JSON.parse(l) as unknown);

  test('an EventList (what the audit webhook backend posts) on one line, and one per line', async () => {
    const list = (items: unknown[]) =>
      JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', metadata: {}, items });
    const one = await read(list(events) + '\n');
    sameEvents(one, plain);
    expect(one.lines).toBe(1);
    expect(one.malformed.lines.map((m) => m.reason)).toEqual([
      expect.stringMatching(/^items\[10\]: not an audit.k8s.io\/v1 Event: apiVersion is/),
      'items[11]: not an audit.k8s.io/v1 Event: missing verb',
    ]);
    sameEvents(await read(`${list(events.slice(0, 5))}\n${list(events.slice(5))}\n`), plain);
  });

  test('a pretty-printed EventList, a JSON array, and pretty-printed events one after another (jq .)', async () => {
    const list = { kind: 'EventList', apiVersion: 'audit.k8s.io/v1', metadata: {}, items: events };
    const pretty = await read(JSON.stringify(list, null, 2) + '\n');
    sameEvents(pretty, plain);
    expect(pretty.malformed.count).toBe(2);
    expect(pretty.malformed.lines[0].line).toBeGreaterThan(1); // the line its item starts on
    sameEvents(await read(JSON.stringify(events) + '\n'), plain);
    sameEvents(await read(JSON.stringify(events, null, 2) + '\n'), plain);
    sameEvents(await read(events.map((e) => JSON.stringify(e, null, 2)).join('\n') + '\n'), plain);
    sameEvents(await read(`[\n${EVENT_LINES.join(',\n')}\n]\n`), plain);
  });

  test('a pretty-printed document cut short is reported, and the event lines after it are read', async () => {
    const cut = JSON.stringify(events[0], null, 2).split('\n').slice(0, 8).join('\n');
    const r = await read(`${cut}\n${NON_BLANK.join('\n')}\n`);
    sameEvents(r, plain);
    expect(r.malformed.lines[0]).toEqual({
      source: 'export',
      line: 1,
      reason: 'JSON document cut short: the value that starts here never ends',
    });
    const end = await read(`${NON_BLANK.join('\n')}\n${cut}\n`);
    sameEvents(end, plain);
    expect(end.malformed.count).toBe(4);
  });

  test('records of a document are bounded by maxLineBytes like lines', async () => {
    const list = { kind: 'EventList', items: events };
    const r = await simulate([{ name: 'x', stream: Readable.from([JSON.stringify(list, null, 2)]) }], {
      policy: policyA(),
      maxLineBytes: 1000,
    });
    // Every item is an event, a malformed record, or one skipped as too long; none is lost.
    expect(r.events + r.malformed.count).toBe(events.length);
    expect(r.malformed.lines.some((m) => /longer than 1000 characters/.test(m.reason))).toBe(true);
    expect(r.events).toBeGreaterThan(0);
  });
});

describe('worker threads', () => {
  test('a pretty-printed file and a Docker json-file are read whole by one thread, as they must be', async () => {
    const fs = await import('fs');
    const os = await import('os');
    const path = await import('path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'log-shapes-'));
    try {
      const events = EVENT_LINES.map((l) => JSON.parse(l) as unknown);
      const pretty = path.join(dir, 'events.json');
      fs.writeFileSync(pretty, JSON.stringify({ kind: 'EventList', items: events }, null, 2));
      const docker = path.join(dir, 'docker.log');
      fs.writeFileSync(
        docker,
        NON_BLANK.flatMap((l) => [
          JSON.stringify({ log: l.slice(0, 60), stream: 'stdout', time: TS }),
          JSON.stringify({ log: `${l.slice(60)}\n`, stream: 'stdout', time: TS }),
        ]).join('\n') + '\n',
      );
      for (const file of [pretty, docker]) {
        const r = await simulate([file], { policy: policyA(), jobs: 4 });
        sameEvents(r, plain);
        expect(r.sources[0].threads).toBe(1);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
