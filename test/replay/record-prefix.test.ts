import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { simulate, SimulationReport } from '../../src/replay';
import { recordStart } from '../../src/replay/record-prefix';
import { FIXTURES, policyA } from './fixtures';

// Deckhouse's log-shipper sends a File source's lines to Kafka or Loki as Vector records (`encoding.codec: JSON`):
// the line in `message`, beside Vector's file source fields `file`, `host`, `source_type` and `timestamp`. Read back
// with the tools people use, the record comes behind columns:
// - kafka-console-consumer with --property print.timestamp/print.partition/print.offset/print.headers/print.key
//   (Kafka's DefaultMessageFormatter): `CreateTime:<ms>`, `Partition:<n>`, `Offset:<n>`, the headers or
//   `NO_HEADERS`, the key or `null`, each followed by key.separator (a tab by default), then the value;
// - `logcli query` default output: `<RFC 3339 time> {<label>="<value>", …} <line>`.

const LINES = fs
  .readFileSync(path.join(FIXTURES, 'cloud-exports/events.log'), 'utf8')
  .split('\n')
  .filter((l) => l !== '');
const vector = (line: string, i: number) =>
  JSON.stringify({
    file: '/var/log/kube-audit/audit.log',
    host: 'master-0',
    message: line,
    source_type: 'file',
    timestamp: `2026-12-01T10:00:0${i}.123456789Z`,
  });

const replay = (lines: string[]): Promise<SimulationReport> =>
  simulate([{ name: 'export.txt', stream: Readable.from([Buffer.from(lines.join('\n') + '\n')]) }], {
    policy: policyA(),
  });

let plain: SimulationReport;
beforeAll(async () => {
  plain = await replay(LINES);
});

describe("a shipper's record behind a tool's columns", () => {
  test.each([
    [
      'kafka-console-consumer, print.timestamp and print.key (null key)',
      (r: string, i: number) => `CreateTime:173304720000${i}\tnull\t${r}`,
    ],
    [
      'kafka-console-consumer, every print.* property and a JSON key',
      (r: string, i: number) =>
        `CreateTime:173304720000${i}\tPartition:3\tOffset:${1000 + i}\tNO_HEADERS\t{"node":"master-0"}\t${r}`,
    ],
    [
      'LogAppendTime and a key naming the node',
      (r: string, i: number) => `LogAppendTime:173304720000${i}\tmaster-0\t${r}`,
    ],
    [
      'logcli default output',
      (r: string, i: number) => `2026-12-01T10:00:0${i}Z {host="master-0", job="kube-audit"} ${r}`,
    ],
  ])('%s: the same report as the lines themselves', async (_name, columns) => {
    const r = await replay(LINES.map((l, i) => columns(vector(l, i), i)));
    expect(r.events).toBe(6);
    expect(r.malformed.count).toBe(0);
    expect(r.written).toEqual(plain.written);
    expect(r.decided).toEqual(plain.decided);
  });

  test('columns before something that is no JSON object stay a malformed line', async () => {
    const r = await replay([`CreateTime:1733047200000\tnull\t{"message": cut`, LINES[0]]);
    expect(r.events).toBe(1);
    expect(r.malformed.lines[0]).toMatchObject({ line: 1, reason: expect.stringMatching(/^not JSON/) });
  });

  test('the start found is the one whose object ends the line; a brace glued to a word is no column', () => {
    expect(recordStart('CreateTime:1\t{"k":1}\t{"message":"x"}')).toBe('CreateTime:1\t{"k":1}\t'.length);
    expect(recordStart('key={"a":1}')).toBe(-1);
    expect(recordStart('{"message":"x"}')).toBe(-1);
  });
});
