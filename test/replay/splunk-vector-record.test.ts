import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { simulate, SimulationReport } from '../../src/replay';
import { FIXTURES, policyA } from './fixtures';

// Deckhouse log-shipper's Splunk destination is Vector's `splunk_hec_logs` sink; with the JSON codec it sends
// the whole record as the HEC event, so Splunk keeps `_raw` = `{"file":…,"host":…,"message":"<the audit line,
// its quotes escaped>",…}`. Exported, that `_raw` comes back once more encoded: as a JSON string in the search
// export (`/services/search/jobs/export?output_mode=json`: `{"preview":false,"offset":N,"result":{"_raw":…}}`)
// or as a quoted CSV field with its quotes doubled (RFC 4180) in "Export results → CSV".

const LINES = fs
  .readFileSync(path.join(FIXTURES, 'cloud-exports/events.log'), 'utf8')
  .split('\n')
  .filter((l) => l !== '');
const record = (line: string, i: number) =>
  JSON.stringify({
    file: '/var/log/kube-audit/audit.log',
    host: 'master-0',
    message: line,
    source_type: 'file',
    timestamp: `2026-12-01T10:00:0${i}.123456789Z`,
  });
const csvField = (text: string) => `"${text.replace(/"/g, '""')}"`;

const replay = (lines: string[]): Promise<SimulationReport> =>
  simulate([{ name: 'splunk-export', stream: Readable.from([Buffer.from(lines.join('\r\n') + '\r\n')]) }], {
    policy: policyA(),
  });

let plain: SimulationReport;
beforeAll(async () => {
  plain = await replay(LINES);
});

describe("a Splunk export whose _raw is Vector's record holding the line", () => {
  test('the JSON search export: the same report as the lines', async () => {
    const r = await replay(
      LINES.map((l, i) =>
        JSON.stringify({
          preview: false,
          offset: i,
          result: { _raw: record(l, i), _time: `2026-12-01T10:00:0${i}.000+00:00`, host: 'master-0' },
        }),
      ),
    );
    expect(r.events).toBe(6);
    expect(r.malformed.count).toBe(0);
    expect(r.written).toEqual(plain.written);
  });

  test('the CSV export: the header named, every row read', async () => {
    const rows = LINES.map(
      (l, i) =>
        `${csvField(record(l, i))},${csvField(`2026-12-01T10:00:0${i}.000+00:00`)},master-0,http:d8,_json`,
    );
    const r = await replay(['_raw,_time,host,source,sourcetype', ...rows]);
    expect(r.events).toBe(6);
    expect(r.malformed.count).toBe(0);
    expect(r.written).toEqual(plain.written);
    expect(r.sources[0].warnings).toEqual([
      expect.stringMatching(
        /^line 1 is a CSV header \(_raw,_time,host,source,sourcetype\), not an event: skipped/,
      ),
    ]);
  });
});
