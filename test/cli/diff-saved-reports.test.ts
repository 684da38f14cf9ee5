import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SAVED_REPORT_MAX_BYTES } from '../../src/cli/saved-report';
import { fixture, runInProcess } from './helpers';

const F = fixture;
// A saved report as read back from JSON, edited by the tests below.
type Report = {
  sources: Array<{ warnings?: unknown[] }>;
  malformed?: { lines: unknown[] };
  span: { seconds?: number };
  topLists: { exact: unknown };
};
const A = ['--deckhouse', '--policy', F('policy.yaml')];
const B = ['--deckhouse', '--policy', F('sensitive-policy.yaml')];

// Reports saved with `simulate --json` are read back by content among diff's LOG arguments; the diff of two
// saved reports is the diff of the same two policies replayed now (diffReports on the same reports).
describe('diff with reports saved by simulate --json', () => {
  let dir: string;
  const saved = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'diff-saved-'));
    for (const [name, policy] of [
      ['a.json', A],
      ['b.json', B],
    ] as const) {
      const run = await runInProcess(['simulate', ...policy, '--json', F('audit.log')]);
      expect(run.code).toBe(0);
      writeFileSync(saved(name), run.stdout);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a saved report cut short is named as one, with where its JSON ends, not replayed as a log', async () => {
    const text = readFileSync(saved('b.json'), 'utf8');
    // Cut inside the second line: the report's first key ("policy") is there, its closing brace is not.
    const cut = text.slice(0, text.indexOf('\n', text.indexOf('\n') + 1) + 1);
    writeFileSync(saved('cut.json'), cut);
    const run = await runInProcess(['diff', saved('a.json'), saved('cut.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${saved('cut.json')}: a report saved by "simulate --json" that is not valid JSON at 3:1 (`,
    );
    expect(run.stderr).toContain('cut short or edited');
  });

  test('a report past the size a saved report can have is refused from its size, naming it', async () => {
    // A report padded with a member of 16 MiB (the largest real report is about 10 MiB).
    const text = readFileSync(saved('b.json'), 'utf8').replace(
      /\n}\s*$/,
      `,\n "padding": "${'x'.repeat(SAVED_REPORT_MAX_BYTES)}"\n}\n`,
    );
    writeFileSync(saved('padded.json'), text);
    const run = await runInProcess(['diff', saved('a.json'), saved('padded.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `deckhouse-audit diff: ${saved('padded.json')}: ${Buffer.byteLength(text)} bytes, more than a report saved ` +
        'by "simulate --json" can be (16777216: the top 10 of each table and one entry per rule); nothing was ' +
        'parsed\n    fix: save it again with "deckhouse-audit simulate --json ... > FILE" of this version, unedited\n',
    );
  });

  test('two saved reports are A and B: the same deltas as replaying both policies', async () => {
    const live = JSON.parse(
      (await runInProcess(['diff', ...A, '--policy', F('sensitive-policy.yaml'), '--json', F('audit.log')]))
        .stdout,
    );
    const run = await runInProcess(['diff', saved('a.json'), saved('b.json'), '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    // Saved reports were replayed apart: which events change level is not known from them (the live diff of
    // policies that decide every event alike knows there are none).
    expect(live.diff.levelChanges).toEqual({ known: true, events: 0, byLevels: {} });
    expect(doc.diff).toEqual({ ...live.diff, levelChanges: { known: false, events: 0, byLevels: {} } });
    expect(doc.a).toBe(
      `report of Deckhouse built-in rules + ${F('policy.yaml')} + tail rules, saved in ${saved('a.json')}`,
    );
    // No policy to lint in a saved report: nothing compared, exit 0.
    expect(doc.lint).toEqual({ newErrors: [], errorsInB: 0 });
  });

  test('one saved report is A; B is --policy replayed over the log', async () => {
    const run = await runInProcess(['diff', saved('a.json'), ...B, F('audit.log')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Request +3 +4 +\+1 /m);
    expect(run.stdout).toContain(
      `A: report of Deckhouse built-in rules + ${F('policy.yaml')} + tail rules, saved in`,
    );
    expect(run.stdout).toContain(`B: Deckhouse built-in rules + ${F('sensitive-policy.yaml')} + tail rules`);
    expect(run.stdout).not.toContain('were not replayed over the same events');
  });

  test('a report compacted onto one line (jq -c .) is still a report; a one-line audit log is still a log', async () => {
    const compact = saved('compact.json');
    writeFileSync(compact, JSON.stringify(JSON.parse(readFileSync(saved('a.json'), 'utf8'))) + '\n');
    const pretty = JSON.parse(
      (await runInProcess(['diff', saved('a.json'), saved('b.json'), '--json'])).stdout,
    );
    const run = await runInProcess(['diff', compact, saved('b.json'), '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).diff).toEqual(pretty.diff);
    // One event on one line: the JSON-lines log of a single request, replayed as such.
    const oneEvent = saved('one-event.log');
    writeFileSync(oneEvent, readFileSync(F('audit.log'), 'utf8').split('\n')[0] + '\n');
    const log = await runInProcess(['diff', saved('a.json'), ...B, oneEvent]);
    expect(log.code).toBe(0);
    expect(log.stdout).toContain('(1 event)');
  });

  test('a report saved as UTF-16 (PowerShell 5 redirects output so) reads as the same report', async () => {
    const pretty = JSON.parse(
      (await runInProcess(['diff', saved('a.json'), saved('b.json'), '--json'])).stdout,
    );
    const text = readFileSync(saved('a.json'), 'utf8');
    const le = saved('utf16le.json');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = saved('utf16be.json');
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    for (const file of [le, be]) {
      const run = await runInProcess(['diff', file, saved('b.json'), '--json']);
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout).diff).toEqual(pretty.diff);
    }
  });

  test('saved reports of different logs are diffed with a warning', async () => {
    const other = saved('other.json');
    const doc = JSON.parse(readFileSync(saved('b.json'), 'utf8'));
    writeFileSync(other, JSON.stringify({ ...doc, events: doc.events + 1 }, null, 2));
    const run = await runInProcess(['diff', saved('a.json'), other, '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(':warning: A and B were not replayed over the same events');
  });

  test('a JSON object that is neither a report nor an audit log is refused, naming the file', async () => {
    const odd = saved('odd.json');
    writeFileSync(odd, JSON.stringify({ apiVersion: 'v1', data: { x: 1 } }, null, 2));
    const run = await runInProcess(['diff', saved('a.json'), odd]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${odd}: a JSON object that is neither a report saved by "simulate --json"`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('a report missing a count is refused with the field and the fix', async () => {
    const broken = saved('broken.json');
    const doc = JSON.parse(readFileSync(saved('a.json'), 'utf8'));
    delete doc.written.bytes;
    writeFileSync(broken, JSON.stringify(doc, null, 2));
    const run = await runInProcess(['diff', broken, saved('b.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${broken}: not a report "diff" can read: field written.bytes is missing`);
    expect(run.stderr).toContain('simulate --json');
  });

  test("a report lacking a member diff prints (an input's warnings, the malformed lines) is refused, naming it", async () => {
    const doc = JSON.parse(readFileSync(saved('a.json'), 'utf8'));
    const edited = saved('edited.json');
    const cases: Array<[(d: Report) => void, string]> = [
      [(d) => delete d.sources[0].warnings, 'sources[0].warnings is missing, expected a list'],
      [(d) => delete d.malformed, 'malformed is missing, expected an object'],
      [
        (d) => (d.malformed!.lines = [{ source: 'audit.log' }]),
        'malformed.lines[0].line is missing, expected a number',
      ],
      [(d) => (d.sources[0].warnings = [1]), 'sources[0].warnings[0] is a number, expected a string'],
      [(d) => delete d.span.seconds, 'span.seconds is missing, expected a number'],
      [(d) => (d.topLists.exact = 'yes'), 'topLists.exact is a string, expected true or false'],
    ];
    for (const [edit, problem] of cases) {
      const copy = structuredClone(doc);
      edit(copy);
      writeFileSync(edited, JSON.stringify(copy, null, 2));
      const run = await runInProcess(['diff', edited, saved('b.json')]);
      expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 1, stdout: '' });
      expect(run.stderr).toContain(`${edited}: not a report "diff" can read: field ${problem}`);
      expect(run.stderr).not.toContain('internal error');
    }
  });

  test('usage: two reports take no policy or log; one report needs B', async () => {
    const both = await runInProcess(['diff', saved('a.json'), saved('b.json'), ...B, F('audit.log')]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('are saved reports, A and B: give no --policy');
    const none = await runInProcess(['diff', saved('a.json'), F('audit.log')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('is a saved report (A): give --policy B');
  });

  test('audit logs are still logs: JSON lines, gzip, and a pretty-printed EventList', async () => {
    const list = saved('events.json');
    const events = readFileSync(F('audit.log'), 'utf8')
      .split('\n')
      .filter((l: string) => l.trim() !== '')
      .flatMap((l: string) => {
        try {
          return [JSON.parse(l)];
        } catch {
          return []; // the fixture's malformed lines
        }
      });
    writeFileSync(
      list,
      JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items: events }, null, 2),
    );
    const run = await runInProcess(['diff', saved('a.json'), ...B, '--json', list]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).diff.written.events).toEqual({ a: 6, b: 7, delta: 1 });
    const gz = await runInProcess(['diff', saved('a.json'), ...B, '--json', F('audit.log.gz')]);
    expect(gz.code).toBe(0);
    expect(JSON.parse(gz.stdout).diff.written.events).toEqual({ a: 6, b: 7, delta: 1 });
  });

  test('pretty-printed search responses and cloud exports the replay reads are logs, not refused as odd objects', async () => {
    // The shapes the README lists as read "on one line or pretty-printed": an Elasticsearch _search response,
    // a Loki query_range response, an OTLP/JSON export, `aws logs filter-log-events` (the AWS CLI prints
    // JSON indented), an Azure event hub batch; each holds the fixture's events, so its diff is the log's.
    const lines = readFileSync(F('audit.log'), 'utf8')
      .split('\n')
      .filter((l: string) => l.startsWith('{"kind":"Event"'));
    const expected = JSON.parse(
      (await runInProcess(['diff', saved('a.json'), ...B, '--json', F('audit.log')])).stdout,
    ).diff.written;
    const shapes: Record<string, unknown> = {
      'search.json': {
        took: 3,
        timed_out: false,
        hits: {
          total: { value: lines.length },
          hits: lines.map((l) => ({ _index: 'audit', _source: JSON.parse(l) })),
        },
      },
      'loki.json': {
        status: 'success',
        data: {
          resultType: 'streams',
          result: [{ stream: { job: 'audit' }, values: lines.map((l, i) => [`${i}`, l]) }],
        },
      },
      'otlp.json': {
        resourceLogs: [{ scopeLogs: [{ logRecords: lines.map((l) => ({ body: { stringValue: l } })) }] }],
      },
      'cloudwatch.json': {
        events: lines.map((l, i) => ({ logStreamName: 'kube-apiserver-audit-1', timestamp: i, message: l })),
        searchedLogStreams: [],
      },
      'eventhub.json': {
        records: lines.map((l) => ({
          time: 't',
          category: 'kube-audit',
          properties: { log: l, stream: 'stdout' },
        })),
      },
    };
    for (const [name, doc] of Object.entries(shapes)) {
      const file = saved(name);
      writeFileSync(file, JSON.stringify(doc, null, 2));
      const run = await runInProcess(['diff', saved('a.json'), ...B, '--json', file]);
      expect({ name, code: run.code, stderr: run.stderr }).toEqual({ name, code: 0, stderr: '' });
      expect(JSON.parse(run.stdout).diff.written).toEqual(expected);
    }
  });
});

describe("another command's --json given to diff as a saved report", () => {
  test('is named by the command that printed it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'diff-other-json-'));
    for (const [command, argv] of [
      ['lint', ['lint', '--json', fixture('policy.yaml')]],
      ['explain', ['explain', '--deckhouse', '--url', 'GET /api', '--json']],
      ['validate', ['validate', '--json', fixture('policy.yaml')]],
      [
        'diff',
        [
          'diff',
          '--deckhouse',
          '--policy',
          fixture('policy.yaml'),
          '--policy',
          fixture('policy.yaml'),
          fixture('audit.log'),
          '--json',
        ],
      ],
    ] as const) {
      const saved = path.join(dir, `${command}.json`);
      writeFileSync(saved, (await runInProcess([...argv])).stdout);
      const run = await runInProcess([
        'diff',
        saved,
        '--deckhouse',
        '--policy',
        fixture('policy.yaml'),
        fixture('audit.log'),
      ]);
      expect({ command, code: run.code }).toEqual({ command, code: 2 });
      expect(run.stderr).toContain(
        `${saved}: the output of "deckhouse-audit ${command} --json", not a report saved by "simulate --json"`,
      );
    }
  });
});

describe('a saved report given to simulate as a LOG', () => {
  test('is refused before the replay, pointing to diff, saved as UTF-8 or by PowerShell 5 (UTF-16LE)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'report-as-log-'));
    try {
      const run = await runInProcess(['simulate', ...A, '--json', F('audit.log')]);
      const report = path.join(dir, 'report.json');
      const utf16 = path.join(dir, 'report-utf16.json');
      writeFileSync(report, run.stdout);
      writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(run.stdout, 'utf16le')]));
      for (const file of [report, utf16]) {
        const again = await runInProcess(['simulate', ...A, F('audit.log'), file]);
        expect(again.code).toBe(2);
        expect(again.stderr.split('\n')[0]).toBe(
          `deckhouse-audit simulate: LOG ${file} is a saved report (deckhouse-audit simulate --json), not an ` +
            `audit log: compare two reports with deckhouse-audit diff ${file} OTHER.json, or one with a policy ` +
            `replayed over the logs with deckhouse-audit diff ${file} --policy B LOG...; to simulate, give the ` +
            'audit log it was made from',
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
