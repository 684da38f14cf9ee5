import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import * as zlib from 'zlib';
import { simulate } from '../../src/replay';
import { LOG, policyA } from './fixtures';

// Rotated audit logs as they reach people: gzip files padded with zero bytes (copied from a block device, a
// preallocated file), damaged in the middle, or cut short. gzip(1) decompresses the first to the end
// ("decompression OK, trailing zero bytes ignored") and prints what precedes the damage in the others; the
// replay must do the same and say so, and must never end without a report.

let dir: string;
let plainEvents: number;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gzip-damage-'));
  plainEvents = (await simulate([LOG], { policy: policyA() })).events;
  expect(plainEvents).toBe(13);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const gz = () => zlib.gzipSync(fs.readFileSync(LOG));

test.each([
  ['4 zero bytes', Buffer.alloc(4)],
  ['a 512-byte block of zeros', Buffer.alloc(512)],
  ['zeros then other bytes', Buffer.concat([Buffer.alloc(8), Buffer.from('garbage')])],
])(
  'a gzip file followed by %s: every event read, the padding named (file and stdin)',
  async (_name, tail) => {
    const file = path.join(dir, 'padded.log.gz');
    fs.writeFileSync(file, Buffer.concat([gz(), tail]));
    for (const input of [file, { name: 'stdin', stream: Readable.from([fs.readFileSync(file)]) }]) {
      const r = await simulate([input], { policy: policyA() });
      expect(r.events).toBe(plainEvents);
      expect(r.sources[0].gzip).toBe(true);
      expect(r.sources[0].warnings).toEqual([
        'bytes after the gzip data ignored (they start with zero bytes: padding), as gzip does',
      ]);
    }
  },
);

test('a gzip file damaged inside: a report of what precedes the damage, the damage named', async () => {
  const data = gz();
  for (let i = 40; i < 60; i++) data[i] ^= 0x5a;
  const file = path.join(dir, 'damaged.log.gz');
  fs.writeFileSync(file, data);
  const r = await simulate([file], { policy: policyA() });
  expect(r.events).toBeLessThan(plainEvents);
  expect(r.malformed.lines.at(-1)?.reason).toMatch(
    /^gzip data is damaged \(.+\): the rest of the input cannot be read$/,
  );
  expect(r.sources[0].warnings).toEqual([
    expect.stringMatching(/^gzip data is damaged \(.+\) after line \d+: only the lines before it were read$/),
  ]);
});
