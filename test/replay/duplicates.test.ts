import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { Policy } from '../../src/policy';
import { simulate } from '../../src/replay';
import { DuplicateSample, EXACT_DUPLICATE_EVENTS, MAX_DUPLICATE_KEYS } from '../../src/replay/duplicates';
import { auditID, createConfigMapLines } from '../support/apiserver-lines';

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
  // 64 requests; the first 32 shipped again: 32 of the 96 events are copies, 33%, counted exactly (a log this
  // small is checked event by event, not by the sample of auditIDs ending in 0).
  const first = Array.from({ length: 64 }, (_, i) => event(i));
  const twice = [...first, ...first.slice(0, 32)];

  test('a log shipped twice in part: counted as read, and a note with the exact share of copies', async () => {
    const r = await run('audit.log', twice);
    expect(r.events).toBe(96);
    expect(r.sources[0].warnings).toEqual([
      expect.stringMatching(/^32 of 96 events are a second copy .* 33% of its events/),
    ]);
  });

  test('a small log none of whose auditIDs ends in 0 still has its copies found, every one', async () => {
    // Both stages of 5 creates, kube-apiserver's layout; the last two requests shipped again (Fluent Bit retry).
    const lines = [1, 2, 3, 4, 5].flatMap((n) => createConfigMapLines(auditID(n, 'b'), n));
    expect(lines.every((l) => !/"auditID":"[^"]*0"/.test(l))).toBe(true);
    const r = await run('audit.log', [...lines, ...lines.slice(6)]);
    expect(r.events).toBe(14);
    expect(r.sources[0].warnings).toEqual([
      expect.stringMatching(/^4 of 14 events are a second copy .* 29% of its events/),
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
      expect.stringMatching(/^64 of 64 events are a second copy .* 100% of its events/),
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
    // 1,000 of the 5,000 events are copies, exactly (a log this small is checked event by event).
    expect(one.sources[0].warnings).toEqual([
      expect.stringMatching(/^1000 of 5000 events are a second copy .* 20%/),
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
    expect(state.bySource).toEqual([['log', { sampled: 4, copies: 1, events: 4, eventCopies: 1 }]]);
    expect(sample.note('log')).toMatch(/^1 of 4 events is/);
  });

  test(`holds at most ${MAX_DUPLICATE_KEYS} sampled keys, and every key only up to ${EXACT_DUPLICATE_EVENTS} events`, () => {
    const sample = new DuplicateSample();
    for (let i = 0; i < MAX_DUPLICATE_KEYS + 100; i++)
      sample.add('log', `${i}0`, { stage: 'ResponseComplete' });
    const state = sample.toState();
    expect(state.keys).toHaveLength(MAX_DUPLICATE_KEYS);
    expect(state.all).toBeNull();
    expect(sample.exact).toBe(false);
  });

  test('parts added up: copies a later part found one by one count only while the whole still checks every event', () => {
    const at = { stage: 'ResponseComplete', stageTimestamp: '2026-12-01T10:00:00.000000Z' };
    const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `p${from + i}a`);
    // One thread: 40,000 distinct events end the exact check; 5 copies after them (no auditID ends in 0, so none
    // sampled) are not found, and the note says nothing.
    const one = new DuplicateSample();
    for (const id of ids(0, 40_000)) one.add('log', id, at);
    for (const id of ids(39_990, 5)) if (one.exact) one.add('log', id, at);
    expect(one.note('log')).toBeUndefined();
    // Two parts (threads, or chunks of a .gz): the second checked its own events one by one and found the 5
    // copies; added after a first part past the limit, they must not make a note one thread never makes.
    const first = new DuplicateSample();
    for (const id of ids(0, 40_000)) first.add('log', id, at);
    const second = new DuplicateSample();
    for (const id of [...ids(50_000, 100), ...ids(50_000, 5)]) second.add('log', id, at);
    expect(second.note('log')).toMatch(/^5 of 105 events are/);
    first.merge(second.toState());
    expect(first.note('log')).toBeUndefined();
    // A part told the parts before it are past the limit checks only the sample.
    const told = new DuplicateSample();
    told.stopExact();
    told.add('log', 'p1a', at);
    expect(told.toState()).toEqual({
      keys: [],
      all: null,
      bySource: [['log', expect.objectContaining({ events: 0 })]],
    });
  });

  test('past the exact limit the sample estimates; copies found before it are not forgotten', () => {
    const at = { stage: 'ResponseComplete', stageTimestamp: '2026-12-01T10:00:00.000000Z' };
    // 20,000 distinct events, 16 of them shipped twice (none with an auditID ending in 0), then 30,000 more,
    // 1 in 16 of them sampled, the first 100 of which are shipped twice.
    const sample = new DuplicateSample();
    for (let i = 0; i < 20_000; i++) sample.add('log', `r${i}a`, at);
    for (let i = 0; i < 16; i++) sample.add('log', `r${i}a`, at);
    expect(sample.note('log')).toMatch(/^16 of 20016 events are a second copy/);
    const later = Array.from({ length: 30_000 }, (_, i) => `s${i}${i % 16 === 0 ? '0' : 'c'}`);
    for (const id of later) if (sample.exact || id.endsWith('0')) sample.add('log', id, at);
    expect(sample.exact).toBe(false);
    expect(sample.note('log')).toMatch(
      /^at least 16 events \(found among the first 32768 read\) are a second copy/,
    );
    for (const id of later.filter((id) => id.endsWith('0')).slice(0, 100)) sample.add('log', id, at);
    // 1,875 sampled events and 100 copies of them: 100 of 1,975, the sample's estimate.
    expect(sample.note('log')).toMatch(
      /^100 of 1975 sampled events \(auditID ending in 0\) are .* about 5.1% of/,
    );
  });
});
