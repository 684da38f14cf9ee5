import { Readable } from 'stream';
import type { Policy } from '../../src/policy/types';
import { simulate } from '../../src/replay';
import { NO_EVENT_STREAM_BYTES, noEventStreamWarning } from '../../src/replay/endless-input';
import { auditID, createConfigMapLines } from '../support/apiserver-lines';

// A stream that gives no audit event (/dev/zero, /dev/urandom, a pipe of something else) may never end: the
// replay stops reading it past NO_EVENT_STREAM_BYTES instead of reading forever.

const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
const CHUNK = Buffer.alloc(1024 * 1024, 'x');

/** An endless stream: 1 MiB chunks of "x" for as long as it is read. */
function endless(): { stream: Readable; chunksRead: () => number } {
  let chunks = 0;
  const stream = new Readable({
    read() {
      chunks++;
      this.push(CHUNK);
    },
  });
  return { stream, chunksRead: () => chunks };
}

test('a stream with no event is given up just past the limit, with a warning naming it', async () => {
  const input = endless();
  const r = await simulate([{ name: 'zeros', stream: input.stream }], { policy });
  expect(r.events).toBe(0);
  expect(r.sources[0].warnings).toEqual([noEventStreamWarning(NO_EVENT_STREAM_BYTES)]);
  // Read ahead by the stream's buffer at most: a few MiB past the limit, not more.
  expect(input.chunksRead()).toBeGreaterThan(64);
  expect(input.chunksRead()).toBeLessThan(64 + 16);
  expect(noEventStreamWarning(NO_EVENT_STREAM_BYTES)).toMatch(
    /^no audit event in its first 67108864 bytes of a stream that may never end/,
  );
});

test('a stream that gave an event is read on: the limit is only for streams with none', async () => {
  const events = createConfigMapLines(auditID(1), 1).join('\n') + '\n';
  // The events, then 100 MiB of "x" (past the limit), then the end.
  let n = 0;
  const bounded = new Readable({
    read() {
      this.push(n === 0 ? Buffer.from(events) : n <= 100 ? CHUNK : null);
      n++;
    },
  });
  const r = await simulate([{ name: 'log', stream: bounded }], { policy });
  expect(r.events).toBe(2);
  expect(r.sources[0].warnings).toEqual([]);
  expect(r.sources[0].bytes).toBeGreaterThan(NO_EVENT_STREAM_BYTES);
});

test('with a longer line limit, the stream is read until that limit: its first line may be that long', async () => {
  const input = endless();
  const maxLineBytes = 70 * 1024 * 1024;
  const r = await simulate([{ name: 'zeros', stream: input.stream }], { policy, maxLineBytes });
  expect(r.sources[0].warnings).toEqual([noEventStreamWarning(maxLineBytes)]);
  expect(input.chunksRead()).toBeGreaterThan(70);
});
