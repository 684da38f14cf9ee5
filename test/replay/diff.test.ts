import * as fs from 'fs';
import * as path from 'path';
import { loadPolicy } from '../../src/policy/parse';
import type { Policy } from '../../src/policy/types';
import { diffReports, simulateMany } from '../../src/replay';

const FIXTURES = path.resolve(__dirname, '../fixtures/replay');
const LOG = path.join(FIXTURES, 'basic.log');
const policy = (file: string): Policy =>
  loadPolicy(fs.readFileSync(path.join(FIXTURES, file), 'utf8')).policy!;

// Policy B differs from A (see simulate.test.ts for A's per-line decisions) in three ways:
//  - deployments at Metadata instead of Request with omitManagedFields (rule 2 replaced: one removed, one added);
//  - ResponseStarted omitted as well: line 4 (alice's watch, rule 4) and line 7 (failed login, rule 7) vanish;
//  - a new last rule logs deletes at Metadata: line 10 (pod delete by a node), unmatched under A.
describe('diffReports: policy A -> policy B over the same log', () => {
  test('per-level, per-rule, bytes per day and retention deltas', async () => {
    const [a, b] = await simulateMany([LOG], [policy('policy-a.yaml'), policy('policy-b.yaml')]);
    const d = diffReports(a, b);

    expect(d.events).toEqual({ a: 13, b: 13, delta: 0 });
    // Line 3 moves Request -> Metadata, line 10 None -> Metadata.
    expect(d.decided).toEqual({
      None: { a: 3, b: 2, delta: -1 },
      Metadata: { a: 4, b: 6, delta: 2 },
      Request: { a: 1, b: 0, delta: -1 },
      RequestResponse: { a: 5, b: 5, delta: 0 },
    });
    // Written: -4, -7 (ResponseStarted), +10; line 3 stays written at another level.
    expect(d.written.events).toEqual({ a: 9, b: 8, delta: -1 });
    expect(d.written.byLevel).toEqual({
      Metadata: { a: 4, b: 4, delta: 0 },
      Request: { a: 1, b: 0, delta: -1 },
      RequestResponse: { a: 4, b: 4, delta: 0 },
    });
    expect(d.written.bytes.delta).toBe(b.written.bytes - a.written.bytes);
    expect(d.written.bytes.delta).toBeLessThan(0);
    expect(d.unmatched).toEqual({ a: 1, b: 0, delta: -1 });
    expect(d.bytesPerDay.delta).toBeCloseTo(d.written.bytes.delta * 24, 6);
    // Both keep 30 days of history: a few KB a day never fill the files.
    expect(d.retention.hoursDelta).toBe(0);
    expect(d.differentInputs).toBe(false);

    expect(d.rules.map((r) => [r.status, r.indexA, r.indexB])).toEqual([
      ['same', 0, 0],
      ['same', 1, 1],
      ['added', undefined, 2],
      ['same', 3, 3],
      ['same', 4, 4],
      ['same', 5, 5],
      ['same', 6, 6],
      ['same', 7, 7],
      ['added', undefined, 8],
      ['removed', 2, undefined],
    ]);
    const byB = (i: number) => d.rules.find((r) => r.indexB === i)!;
    expect(byB(4).written).toEqual({ a: 2, b: 1, delta: -1 }); // alice's watch: ResponseStarted gone
    expect(byB(7).written).toEqual({ a: 1, b: 0, delta: -1 }); // failed login gone
    expect(byB(8)).toMatchObject({ level: 'Metadata', hits: { a: 0, b: 1, delta: 1 } });
    expect(d.rules[9]).toMatchObject({ level: 'Request', hits: { a: 1, b: 0, delta: -1 } });
    // Added 2, removed 1, and rules 4 and 7 changed.
    expect(d.changedRules).toBe(5);
  });

  test('a policy against itself has no changes', async () => {
    const [a, b] = await simulateMany([LOG], [policy('policy-a.yaml'), policy('policy-a.yaml')]);
    const d = diffReports(a, b);
    expect(d.changedRules).toBe(0);
    expect(d.written.bytes.delta).toBe(0);
    expect(d.rules.every((r) => r.status === 'same')).toBe(true);
  });

  test('reports of different logs are flagged', async () => {
    const [a] = await simulateMany([LOG], [policy('policy-a.yaml')]);
    // The same text a second time, as a stream (the same file twice is read once).
    const copy = { name: 'copy', stream: fs.createReadStream(LOG) };
    const [b] = await simulateMany([LOG, copy], [policy('policy-a.yaml')]);
    expect(diffReports(a, b).differentInputs).toBe(true);
  });
});
