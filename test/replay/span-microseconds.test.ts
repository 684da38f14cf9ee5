import { Readable } from 'stream';
import type { Policy } from '../../src/policy/types';
import { simulate } from '../../src/replay';

// kube-apiserver writes requestReceivedTimestamp and stageTimestamp as metav1.MicroTime,
// `2006-01-02T15:04:05.000000Z` (microseconds, UTC). The span a report gives is the earliest and the latest of
// them as the log wrote them: a request received 100 µs before its response completed starts the span at the
// received time, even within the same millisecond.

const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };

function event(id: string, received: string, stage: string): string {
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
    requestReceivedTimestamp: received,
    stageTimestamp: stage,
  });
}

const replay = (lines: string[], jobs = 1) =>
  simulate([{ name: 'audit.log', stream: Readable.from([lines.join('\n') + '\n']) }], { policy, jobs });

describe('span ends to the microsecond', () => {
  test('the first request received 100 µs before its stage: from is the received time', async () => {
    const r = await replay([
      event('a', '2026-03-10T08:15:01.000000Z', '2026-03-10T08:15:01.000100Z'),
      event('b', '2026-03-10T09:15:01.000000Z', '2026-03-10T09:15:01.000100Z'),
    ]);
    expect(r.span.from).toBe('2026-03-10T08:15:01.000000Z');
    expect(r.span.to).toBe('2026-03-10T09:15:01.000100Z');
  });

  test('a later event of the same millisecond ends the span at its own microsecond', async () => {
    const r = await replay([
      event('a', '2026-03-10T08:15:01.000000Z', '2026-03-10T08:15:01.000100Z'),
      event('b', '2026-03-10T08:15:02.000100Z', '2026-03-10T08:15:02.000200Z'),
      event('c', '2026-03-10T08:15:02.000050Z', '2026-03-10T08:15:02.000900Z'),
    ]);
    expect(r.span.from).toBe('2026-03-10T08:15:01.000000Z');
    expect(r.span.to).toBe('2026-03-10T08:15:02.000900Z');
  });
});
