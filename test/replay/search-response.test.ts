import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { simulate, SimulationReport } from '../../src/replay';
import { FIXTURES, policyA } from './fixtures';

// An Elasticsearch (or OpenSearch) `_search` response: `{"took":…,"timed_out":…,"_shards":{…},"hits":{"total":
// {"value":…,"relation":"eq"},"max_score":…,"hits":[{"_index","_id","_score","_source":{…}},…]}}`, saved with
// `?pretty` (two-space indent, `"key" : value` with a space before the colon) or `jq .`. One page holds up to
// index.max_result_window hits (10,000 by default): with request and response bodies the response outgrows one
// record's limit, so its hits are read one at a time, as an EventList's items are.

const LINES = fs
  .readFileSync(path.join(FIXTURES, 'cloud-exports/events.log'), 'utf8')
  .split('\n')
  .filter((l) => l !== '');

/** The response as Elasticsearch's `?pretty` writes it (Jackson's default pretty printer: ` : ` between). */
function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/^(\s*"(?:[^"\\]|\\.)*"):/gm, '$1 :');
}

function response(copies: number): string {
  const hits = [];
  for (let c = 0; c < copies; c++)
    for (const [i, l] of LINES.entries())
      hits.push({
        _index: 'd8-kube-audit-2026.12.01',
        _id: `id-${c}-${i}`,
        _score: 1.0,
        _source: JSON.parse(l),
      });
  return (
    pretty({
      took: 12,
      timed_out: false,
      _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
      hits: { total: { value: hits.length, relation: 'eq' }, max_score: 1.0, hits },
    }) + '\n'
  );
}

const replay = (text: string, maxLineBytes?: number): Promise<SimulationReport> =>
  simulate([{ name: 'search.json', stream: Readable.from([Buffer.from(text)]) }], {
    policy: policyA(),
    maxLineBytes,
  });

let plain: SimulationReport;
beforeAll(async () => {
  plain = await replay(LINES.join('\n') + '\n');
});

describe('a pretty-printed _search response', () => {
  test('its hits are the events: the same report as the lines', async () => {
    const r = await replay(response(1));
    expect(r.events).toBe(6);
    expect(r.malformed.count).toBe(0);
    expect(r.written).toEqual(plain.written);
  });

  test('larger than one record may be: still read hit by hit, none lost', async () => {
    const text = response(50);
    // The limit is over every hit's size and far under the response's.
    const limit = 8 * 1024;
    expect(text.length).toBeGreaterThan(20 * limit);
    const r = await replay(text, limit);
    expect(r.events).toBe(300);
    expect(r.malformed.count).toBe(0);
    expect(r.written.bytes).toBe(50 * plain.written.bytes);
  });

  test('a top-level `hits` that is no object of hits leaves the response read whole', async () => {
    const text = pretty({ hits: 3, items: LINES.map((l) => JSON.parse(l) as unknown) }) + '\n';
    const r = await replay(text);
    expect(r.events).toBe(6);
  });
});
