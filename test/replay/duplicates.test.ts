import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { Policy } from '../../src/policy';
import { simulate } from '../../src/replay';
import { DuplicateSample, MAX_DUPLICATE_KEYS } from '../../src/replay/duplicates';

// kube-apiserver writes each stage of a request once: a log holding an event twice (shipped twice, a rotated
// file concatenated with an overlapping copy) double-counts it. The replay must say so, not add it silently.

const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };

/** Request i's event at `stage`, with a UUID auditID whose last hex digit is i % 16. */
function event(i: number, stage = 'ResponseComplete'): string {
  const id = `6f1c2b3a-0d4e-4f5a-8b6c-${i.toString(16).padStart(12, '0')}`;
  const at = `2026-12-01T10:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(6, '0')}Z`;
  return JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: id,
    stage,
    requestURI: '/api/v1/namespaces/default/pods?watch=true',
    verb: 'watch',
    user: { username: 'alice', groups: ['system:authenticated'] },
    requestReceivedTimestamp: at,
    stageTimestamp: at,
  });
}

const run = (name: string, lines: string[]) =>
  simulate([{ name, stream: Readable.from([lines.join('\n') + '\n']) }], { policy });

describe('events the log holds twice', () => {
  // 64 requests; the first 32 shipped again. Sampled: auditIDs ending in 0 = requests 0, 16, 32, 48 (4 of
  // 64), and their copies 0 and 16: 2 of the 6 sampled events are copies, 33% (the whole log: 32 of 96).
  const first = Array.from({ length: 64 }, (_, i) => event(i));
  const twice = [...first, ...first.slice(0, 32)];

  test('a log shipped twice in part: counted as read, and a note with the share of copies', async () => {
    const r = await run('audit.log', twice);
    expect(r.events).toBe(96);
    expect(r.sources[0].warnings).toEqual([
      expect.stringMatching(/^2 of 6 sampled events .* are a second copy .* about 33% of its events/),
    ]);
  });

  test('a second file holding the same events: the note is on that file', async () => {
    const r = await simulate(
      [
        { name: 'audit.log', stream: Readable.from([first.join('\n') + '\n']) },
        { name: 'audit-copy.log', stream: Readable.from([first.join('\n') + '\n']) },
      ],
      { policy },
    );
    expect(r.sources[0].warnings).toEqual([]);
    expect(r.sources[1].warnings).toEqual([
      expect.stringMatching(/^4 of 4 sampled .* about 100% of its events/),
    ]);
  });

  test('every stage of one request, and one request id reused later, are not copies', async () => {
    const stages = first.flatMap((_, i) => [
      event(i, 'RequestReceived'),
      event(i, 'ResponseStarted'),
      event(i, 'ResponseComplete'),
    ]);
    // The same auditID at another time (a client that sends its own Audit-ID header).
    const reused = event(0).replace(/\.000000Z/g, '.999999Z');
    const r = await run('audit.log', [...stages, reused]);
    expect(r.events).toBe(64 * 3 + 1);
    expect(r.sources[0].warnings).toEqual([]);
  });

  test('worker threads find the copies across their parts, as one thread does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replay-duplicates-'));
    const log = path.join(dir, 'audit.log');
    const many = Array.from({ length: 4000 }, (_, i) => event(i));
    fs.writeFileSync(log, [...many, ...many.slice(0, 1000)].join('\n') + '\n');
    const one = await simulate([log], { policy, jobs: 1 });
    const two = await simulate([log], { policy, jobs: 2 });
    expect(two.sources[0].threads).toBe(2);
    // 250 sampled events of 4,000, 63 of them in the first 1,000 (i % 16 = 0 for i < 1000).
    expect(one.sources[0].warnings).toEqual([
      expect.stringMatching(/^63 of 313 sampled events .* about 20%/),
    ]);
    expect(two.sources[0].warnings).toEqual(one.sources[0].warnings);
  });
});

describe('the sample of event identities', () => {
  test('keeps a number per event whatever the length of its auditID, and still finds the copies', () => {
    const sample = new DuplicateSample();
    // Audit-ID is a request header: a client can send a long one, and kube-apiserver logs it as given.
    const long = `${'a'.repeat(100_000)}0`;
    sample.add('log', long, { stage: 'ResponseComplete', stageTimestamp: '2026-12-01T10:00:00.000000Z' });
    sample.add('log', long, { stage: 'ResponseComplete', stageTimestamp: '2026-12-01T10:00:00.000000Z' });
    sample.add('log', long, { stage: 'RequestReceived', stageTimestamp: '2026-12-01T10:00:00.000000Z' });
    sample.add('log', `${'a'.repeat(99_999)}b0`, {
      stage: 'ResponseComplete',
      stageTimestamp: '2026-12-01T10:00:00.000000Z',
    });
    const state = sample.toState();
    expect(state.keys).toHaveLength(3);
    expect(state.keys.every(([key]) => typeof key === 'number')).toBe(true);
    expect(state.bySource).toEqual([['log', { sampled: 4, copies: 1 }]]);
    expect(sample.note('log')).toMatch(/^1 of 4 sampled events/);
  });

  test(`holds at most ${MAX_DUPLICATE_KEYS} keys`, () => {
    const sample = new DuplicateSample();
    for (let i = 0; i < MAX_DUPLICATE_KEYS + 100; i++)
      sample.add('log', `${i}0`, { stage: 'ResponseComplete' });
    expect(sample.toState().keys).toHaveLength(MAX_DUPLICATE_KEYS);
  });
});
