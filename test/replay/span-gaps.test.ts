import { Readable } from 'stream';
import type { Policy } from '../../src/policy/types';
import { simulate } from '../../src/replay';

// Logs of different days given together (rotated files with the ones between left out, two exports of a
// shipper around its outage) cover a span that holds long stretches without any event; kube-apiserver writes
// events every second. The span names them: how long they last in all, and the longest with the timestamps
// around it, read as the log wrote them (metav1.MicroTime).

const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };

function event(id: string, at: string): string {
  return JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: id,
    stage: 'ResponseComplete',
    requestURI: '/api/v1/namespaces/prod/pods',
    verb: 'list',
    user: { username: 'alice', groups: ['system:authenticated'] },
    objectRef: { resource: 'pods', namespace: 'prod', apiVersion: 'v1' },
    responseStatus: { metadata: {}, code: 200 },
    requestReceivedTimestamp: at,
    stageTimestamp: at,
  });
}

/** An event every `step` seconds for `count` events from `start` (ms since the epoch). */
function stretch(name: string, start: number, count: number, step: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    event(`${name}-${i}`, new Date(start + i * step * 1000).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')),
  );
}

const replay = (lines: string[], jobs = 1) =>
  simulate([{ name: 'audit.log', stream: Readable.from([lines.join('\n') + '\n']) }], { policy, jobs });

const MARCH_1 = Date.UTC(2026, 2, 1, 8);
const MARCH_10 = Date.UTC(2026, 2, 10, 8);

describe('gaps in the span', () => {
  test('two hours of log nine days apart: one gap from the last event of the first to the first of the second', async () => {
    const r = await replay([...stretch('a', MARCH_1, 600, 6), ...stretch('b', MARCH_10, 600, 6)]);
    expect(r.span.from).toBe('2026-03-01T08:00:00.000000Z');
    expect(r.span.to).toBe('2026-03-10T08:59:54.000000Z');
    // 9 days less the first hour's 3,594 s of events.
    expect(r.span.gaps).toEqual({
      count: 1,
      seconds: 9 * 86400 - 3594,
      longestFrom: '2026-03-01T08:59:54.000000Z',
      longestTo: '2026-03-10T08:00:00.000000Z',
      longestSeconds: 9 * 86400 - 3594,
    });
  });

  test('a log with an event every minute has none; a stretch under an hour is no gap', async () => {
    const steady = await replay(stretch('s', MARCH_1, 1440, 60));
    expect(steady.span.gaps).toBeUndefined();
    // 59 min 59 s without an event: under an hour.
    const r = await replay([
      ...stretch('a', MARCH_1, 60, 1),
      ...stretch('b', MARCH_1 + 59_000 + 3_599_000, 60, 1),
    ]);
    expect(r.span.gaps).toBeUndefined();
  });

  test('several gaps: counted and added up, the longest named', async () => {
    const hour = 3_600_000;
    const r = await replay([
      ...stretch('a', MARCH_1, 10, 1),
      ...stretch('b', MARCH_1 + 3 * hour, 10, 1), // 3 h less 9 s after a's last event
      ...stretch('c', MARCH_1 + 5 * hour, 10, 1), // 2 h less 9 s after b's
    ]);
    expect(r.span.gaps).toEqual({
      count: 2,
      seconds: 5 * 3600 - 18,
      longestFrom: '2026-03-01T08:00:09.000000Z',
      longestTo: '2026-03-01T11:00:00.000000Z',
      longestSeconds: 3 * 3600 - 9,
    });
  });
});
