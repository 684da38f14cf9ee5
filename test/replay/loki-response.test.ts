import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { simulate, SimulationReport } from '../../src/replay';
import { JsonDocument } from '../../src/replay/json-document';
import { lineTooLong } from '../../src/replay/line-framing';
import { FIXTURES, policyA } from './fixtures';

// A Loki query response (`GET /loki/api/v1/query_range`, Loki's HTTP API docs): `{"status":"success","data":
// {"resultType":"streams","result":[{"stream":{<label>:<value>,…},"values":[["<unix epoch in nanoseconds>",
// "<log line>"],…]},…],"stats":{…}}}`, saved with curl or `jq .` (two-space indent). One stream of a day's
// audit log outgrows one record's limit, so each [timestamp, line] pair is read as a record of its own.

const LINES = fs
  .readFileSync(path.join(FIXTURES, 'cloud-exports/events.log'), 'utf8')
  .split('\n')
  .filter((l) => l !== '');

function response(copies: number, lines: readonly string[] = LINES): Record<string, unknown> {
  const values: Array<[string, string]> = [];
  for (let c = 0; c < copies; c++)
    lines.forEach((l, i) => values.push([String(1764547200000000000n + BigInt(c * 1000 + i)), l]));
  const half = Math.floor(values.length / 2);
  return {
    status: 'success',
    data: {
      resultType: 'streams',
      result: [
        { stream: { job: 'kube-audit', node: 'master-0' }, values: values.slice(0, half) },
        { stream: { job: 'kube-audit', node: 'master-1' }, values: values.slice(half) },
      ],
      stats: { summary: { totalEntriesReturned: values.length } },
    },
  };
}

const replay = (text: string, maxLineBytes?: number): Promise<SimulationReport> =>
  simulate([{ name: 'loki.json', stream: Readable.from([Buffer.from(text)]) }], {
    policy: policyA(),
    maxLineBytes,
  });

let plain: SimulationReport;
beforeAll(async () => {
  plain = await replay(LINES.join('\n') + '\n');
});

describe('a pretty-printed Loki query_range response', () => {
  test('larger than one record may be: read line by line, the same report as the lines', async () => {
    const text = JSON.stringify(response(50), null, 2) + '\n';
    const limit = 8 * 1024; // over every line's size, far under the response's
    expect(text.length).toBeGreaterThan(20 * limit);
    const r = await replay(text, limit);
    expect(r.events).toBe(50 * LINES.length);
    expect(r.malformed.count).toBe(0);
    expect(r.written.bytes).toBe(50 * plain.written.bytes);
  });

  test('pretty and compact give one report', async () => {
    const value = response(3);
    const pretty = await replay(JSON.stringify(value, null, 2) + '\n');
    const compact = await replay(JSON.stringify(value) + '\n');
    expect(pretty.events).toBe(3 * LINES.length);
    expect(pretty.written).toEqual(compact.written);
    expect(pretty.decided).toEqual(compact.decided);
  });

  test('a line past the limit is skipped at its pair, the others are read', async () => {
    const limit = 8 * 1024;
    const long = JSON.stringify({ ...JSON.parse(LINES[0]), requestObject: { pad: 'x'.repeat(2 * limit) } });
    const text = JSON.stringify(response(1, [...LINES, long]), null, 2) + '\n';
    const r = await replay(text, limit);
    expect(r.events).toBe(LINES.length);
    // Only the line past the limit is reported: the pair it was in is skipped with it, not read as broken JSON.
    expect(r.malformed.count).toBe(1);
    const at = text.split('\n').findIndex((l) => l.length > limit) + 1;
    expect(r.malformed.lines).toEqual([{ source: 'loki.json', line: at, reason: lineTooLong(limit) }]);
  });
});

describe('a record past the limit keeps nothing', () => {
  test('its text is let go when it outgrows the limit, not when it ends', () => {
    const doc = new JsonDocument(1000);
    expect(doc.push('[', 1).records).toEqual([]);
    expect(doc.push('  {', 2).records).toEqual([]);
    doc.push(`    "a": "${'x'.repeat(600)}",`, 3);
    expect(doc.heldChars).toBeGreaterThan(600);
    doc.push(`    "b": "${'x'.repeat(600)}"`, 4);
    expect(doc.heldChars).toBe(0);
    expect(doc.push('  }', 5).records).toEqual([{ text: undefined, lineNo: 2 }]);
  });
});
