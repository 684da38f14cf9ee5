import * as fs from 'fs';
import * as path from 'path';
import { loadPolicy } from '../../src/policy/parse';
import type { Policy } from '../../src/policy/types';
import { diffReports, simulateMany, SimulationReport } from '../../src/replay';

// Reports saved with `simulate --json` and read back: what a CI job keeps between runs. diffReports must give
// the same answer for them as for the reports in memory, and refuse (naming the field) a report that lacks
// what it compares — one from an older version, or edited by hand — instead of a TypeError or a NaN delta.

const FIXTURES = path.resolve(__dirname, '../fixtures/replay');
const LOG = path.join(FIXTURES, 'basic.log');
const policy = (file: string): Policy =>
  loadPolicy(fs.readFileSync(path.join(FIXTURES, file), 'utf8')).policy!;

let a: SimulationReport;
let b: SimulationReport;
beforeAll(async () => {
  [a, b] = await simulateMany([LOG], [policy('policy-a.yaml'), policy('policy-b.yaml')]);
});

/** A report as `simulate --json` prints it (policy description first) and JSON.parse gives it back. */
const saved = (r: SimulationReport): SimulationReport =>
  JSON.parse(JSON.stringify({ policy: 'policy.yaml', ...r })) as SimulationReport;

test('reports read back from JSON give the same diff as the reports in memory', () => {
  expect(diffReports(saved(a), saved(b))).toEqual(diffReports(a, b));
});

test.each([
  [
    'retention',
    (r: Record<string, unknown>) => delete r.retention,
    'b.retention is missing, expected an object',
  ],
  [
    'written.bytesByLevel',
    (r: Record<string, unknown>) => delete (r.written as Record<string, unknown>).bytesByLevel,
    'b.written.bytesByLevel is missing, expected an object',
  ],
  [
    'imagesWithoutDigestRecorded',
    (r: Record<string, unknown>) => delete r.imagesWithoutDigestRecorded,
    'b.imagesWithoutDigestRecorded is missing, expected a number',
  ],
  [
    'a count edited into text',
    (r: Record<string, unknown>) => ((r.decided as Record<string, unknown>).Metadata = '4'),
    'b.decided.Metadata is a string, expected a number',
  ],
  [
    'rules[].rule (rules could not be paired)',
    (r: Record<string, unknown>) => delete (r.rules as Array<Record<string, unknown>>)[2].rule,
    'b.rules[2].rule is missing, expected an object',
  ],
])('a report without %s is refused with the field named', (_name, edit, message) => {
  const old = saved(b) as unknown as Record<string, unknown>;
  edit(old);
  expect(() => diffReports(saved(a), old as unknown as SimulationReport)).toThrow(
    expect.objectContaining({
      name: 'TypeError',
      message: expect.stringContaining(`diffReports: ${message}`),
    }),
  );
});

test('a null bytesPerDay and retention hours (a log spanning no time) are valid', () => {
  const r = saved(b);
  r.bytesPerDay = null;
  r.retention.hours = null;
  expect(diffReports(saved(a), r).bytesPerDay.delta).toBeNull();
});
