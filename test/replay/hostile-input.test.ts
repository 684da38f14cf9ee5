import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import * as zlib from 'zlib';
import type { Policy } from '../../src/policy/types';
import { createReplayAccumulator, simulate, SimulationReport } from '../../src/replay';
import { MAX_KEY_CHARS } from '../../src/replay/bounded-key';
import { HEAVY_HITTER_CAPACITY } from '../../src/replay/heavy-hitters';
import { fixture, runInProcess } from '../cli/helpers';
import { mulberry32, pick } from '../support/seeded-random';
import { FIXTURES, LINES, LOG, policyA } from './fixtures';

// Issue 13, "Replay loses input silently" and "Replay keys": every sample, plus a fuzz test of the kind.

const TEXT = LINES.join('\n');
const metadata: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
const stream = (text: string | Buffer, name = 'log') => ({
  name,
  stream: Readable.from([Buffer.from(text)]),
});

let tmp: string;
let plain: SimulationReport;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
  plain = await simulate([LOG], { policy: policyA() });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const line = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    stage: 'ResponseComplete',
    verb: 'get',
    requestURI: '/api/v1/namespaces/x/pods/p',
    user: { username: 'u', groups: ['system:authenticated'] },
    requestReceivedTimestamp: '2026-01-05T10:00:00.000000Z',
    stageTimestamp: '2026-01-05T10:00:00.000000Z',
    ...fields,
  });

describe('no input is lost silently', () => {
  test('CRI P fragments never completed are malformed, and the CLI exits 1', async () => {
    const ts = '2026-01-05T10:00:00.123456789Z';
    const text = `${ts} stdout P ${LINES[0].slice(0, 100)}\n${ts} stdout P ${LINES[0].slice(100, 200)}\n`;
    const r = await simulate([stream(text)], { policy: policyA() });
    expect(r.events).toBe(0);
    expect(r.malformed).toEqual({
      count: 1,
      lines: [
        {
          source: 'log',
          line: 1,
          reason: expect.stringMatching(/P\(artial\) fragments were never completed/),
        },
      ],
    });
    const run = await runInProcess(['simulate', '--deckhouse', '-'], { stdin: text });
    expect(run.code).toBe(1);
    // No report of zeros: the error names the input, what was read and the line that was cut.
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'no audit event could be read from the input: 1 malformed line (read: <stdin>: 1 line, 1 malformed, 2 container log lines)',
    );
    expect(run.stderr).toMatch(/<stdin>:1: container log line cut short/);
  });

  test('diff reports malformed lines: 200 KB of random bytes is not "no change", exit 1', async () => {
    const rnd = mulberry32(13);
    const junk = Buffer.from(Array.from({ length: 200 * 1024 }, () => Math.floor(rnd() * 256)));
    const pa = path.join(FIXTURES, 'policy-a.yaml');
    const pb = path.join(FIXTURES, 'policy-b.yaml');
    const run = await runInProcess(['diff', '--policy', pa, '--policy', pb, '-'], { stdin: junk });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /no audit event could be read from the input: [\d,]+ malformed lines \(read: <stdin>: /,
    );
    expect(run.stderr).toMatch(/^<stdin>:1: not JSON/m);
    expect(run.stdout).toBe('');
    const good = await runInProcess(['diff', '--policy', pa, '--policy', pb, LOG]);
    expect(good.stdout).toMatch(/Warnings:\n(?: {2}- .*\n)* {2}- 3 malformed lines skipped/);
  });

  test('a .gz with trailing garbage is read like gzip reads it: every line, and a warning', async () => {
    const gz = path.join(tmp, 'garbage.log.gz');
    // Two members (as `cat a.gz b.gz` makes), then garbage.
    const half = LINES.slice(0, 9).join('\n') + '\n';
    const rest = LINES.slice(9).join('\n');
    fs.writeFileSync(
      gz,
      Buffer.concat([zlib.gzipSync(half), zlib.gzipSync(rest), Buffer.from('\nthis is not gzip\n')]),
    );
    for (const input of [gz, { name: gz, stream: fs.createReadStream(gz) }]) {
      const r = await simulate([input], { policy: policyA() });
      expect(r.events).toBe(plain.events);
      expect(r.written).toEqual(plain.written);
      expect(r.sources[0].warnings).toEqual([
        expect.stringMatching(/^trailing garbage after the gzip data ignored, as gzip does/),
      ]);
    }
  });

  test('an event nested 4,500 deep is an event (Go decodes it); deeper than 10,000 is malformed, the rest read', async () => {
    // Built as text: JavaScript's own JSON.stringify recurses and cannot write such a value.
    const deep = (n: number) =>
      line({ level: 'Request', verb: 'create', requestObject: { a: 'HOLE' } }).replace(
        '"HOLE"',
        '['.repeat(n) + ']'.repeat(n),
      );
    const ok = deep(4500);
    const r = await simulate([stream([ok, deep(10_001), LINES[0]].join('\n'))], {
      policy: { ...metadata, rules: [{ level: 'Request' }] },
    });
    expect(r.events).toBe(2);
    expect(r.malformed.lines).toEqual([
      {
        source: 'log',
        line: 2,
        reason: expect.stringContaining("nested deeper than 10000 levels (the limit of Go's encoding/json)"),
      },
    ]);
    expect(r.written.byStage.ResponseComplete.bytes).toBe(Buffer.byteLength(ok) + 1);
  });

  test('an invalid timestamp is left out of the span, with a warning; bytes/day stays known', async () => {
    const lines = [
      line(),
      line({ stageTimestamp: 'yesterday' }),
      line({
        requestReceivedTimestamp: '2026-01-05T11:00:00.000000Z',
        stageTimestamp: '2026-01-05T11:00:00.000000Z',
      }),
    ];
    const r = await simulate([stream(lines.join('\n'))], { policy: metadata });
    expect(r.span).toMatchObject({ seconds: 3600, invalid: 1, invalidSample: 'yesterday' });
    expect(r.bytesPerDay).toBe(r.written.bytes * 24);
    expect(r.retention.hours).not.toBeNull();
    const run = await runInProcess(['simulate', '--deckhouse', '-'], { stdin: lines.join('\n') });
    expect(run.stdout).toContain('1 event has a timestamp that is not an RFC 3339 time (first: "yesterday")');
  });

  test('a year-9999 event is left out of the span with a warning, not "0 B/day"', async () => {
    const far = '9999-12-31T23:59:59.000000Z';
    const lines = [...LINES.slice(0, 17), line({ requestReceivedTimestamp: far, stageTimestamp: far })];
    const r = await simulate([stream(lines.join('\n'))], { policy: policyA() });
    expect(r.span).toMatchObject({
      from: plain.span.from,
      to: plain.span.to,
      seconds: 3600,
      excluded: 1,
      excludedFrom: far,
    });
    expect(r.bytesPerDay).toBeGreaterThan(0);
    const run = await runInProcess(['simulate', '--deckhouse', '-'], { stdin: lines.join('\n') });
    expect(run.stdout).toContain(`1 timestamp far away from all the others (${far} … ${far}) was left out`);
    // Two events a day apart are a span, not an outlier.
    const two = [
      line(),
      line({
        requestReceivedTimestamp: '2026-01-06T10:00:00.000000Z',
        stageTimestamp: '2026-01-06T10:00:00.000000Z',
      }),
    ];
    expect((await simulate([stream(two.join('\n'))], { policy: metadata })).span).toMatchObject({
      seconds: 86400,
      excluded: 0,
    });
  });

  test('a heavy user who appears after many light ones is still named (Space-Saving)', () => {
    const acc = createReplayAccumulator(metadata);
    let n = 0;
    for (let i = 0; i < HEAVY_HITTER_CAPACITY + 3000; i++)
      acc.addLine(line({ user: { username: `light-${i}` } }), ++n, 'log');
    const heavy = line({ user: { username: 'late-heavy' } });
    for (let i = 0; i < 50; i++) acc.addLine(heavy, ++n, 'log');
    const r = acc.report();
    expect(r.topLists.exact).toBe(false);
    const top = r.topUsers[0];
    expect(top.user).toBe('late-heavy');
    const trueBytes = 50 * (Buffer.byteLength(heavy) + 1);
    // Never understated; overstated by at most the entry's error, itself within the stated bound.
    expect(top.bytes).toBeGreaterThanOrEqual(trueBytes);
    expect(top.bytes - (top.errorBytes ?? 0)).toBeLessThanOrEqual(trueBytes);
    expect(top.errorBytes ?? 0).toBeLessThanOrEqual(r.topLists.errorBoundBytes);
  });

  test('the same file given twice is read once', async () => {
    const link = path.join(tmp, 'link.log');
    fs.symlinkSync(LOG, link);
    const r = await simulate([LOG, LOG, link], { policy: policyA() });
    expect(r.events).toBe(plain.events);
    expect(r.written).toEqual(plain.written);
    expect(r.skippedInputs).toEqual([
      { source: LOG, reason: `the same file as ${LOG}, read once` },
      { source: link, reason: `the same file as ${LOG}, read once` },
    ]);
  });

  test('a UTF-8 byte order mark does not lose line 1', async () => {
    const bom = path.join(tmp, 'bom.log');
    fs.writeFileSync(bom, '\ufeff' + TEXT);
    const r = await simulate([bom], { policy: policyA() });
    expect(r.events).toBe(plain.events);
    expect(r.malformed.count).toBe(plain.malformed.count);
  });

  test('an empty log exits 1, as --help says', async () => {
    const run = await runInProcess(['simulate', '--deckhouse', '-'], { stdin: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('deckhouse-audit simulate: the input is empty (read: <stdin>: empty)\n');
    expect(run.stdout).toBe('');
    const blank = await runInProcess(['simulate', '--deckhouse', '-'], { stdin: '\n\n  \n' });
    expect(blank.code).toBe(1);
  });

  test('a named pipe (<(zcat …)) is streamed, not read at an offset', async () => {
    const fifo = path.join(tmp, 'pipe');
    const made = spawn('mkfifo', [fifo]);
    await new Promise((resolve) => made.on('close', resolve));
    const writer = spawn('sh', ['-c', `gzip -c < '${LOG}' > '${fifo}'`]);
    const written = new Promise((resolve) => writer.on('close', resolve));
    const r = await simulate([fifo], { policy: policyA() });
    await written;
    expect(r.events).toBe(plain.events);
    expect(r.written).toEqual(plain.written);
    expect(r.sources[0].gzip).toBe(true);
  });

  test('a missing log file: FILE: no such file, like validate', async () => {
    const run = await runInProcess(['simulate', '--deckhouse', fixture('missing.log')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `deckhouse-audit simulate: ${fixture('missing.log')}: no such file\n    fix: check the path\n`,
    );
  });
});

describe("members of the wrong JSON type are malformed, in the apiserver's field order too", () => {
  // Go's order (types.go): the members between user and the timestamps are the ones the replay skips.
  const goOrdered = (member: string) =>
    `{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"a","stage":"ResponseComplete",` +
    `"requestURI":"/api/v1/namespaces/x/pods","verb":"list","user":{"username":"u","groups":["system:authenticated"]},` +
    `${member},"requestReceivedTimestamp":"2026-01-05T10:00:00.000000Z","stageTimestamp":"2026-01-05T10:00:00.000000Z"}`;

  test.each([
    ['"objectRef":[]', 'objectRef is not an object (got [])'],
    ['"objectRef":"pods"', 'objectRef is not an object'],
    ['"sourceIPs":"10.0.0.1"', 'sourceIPs is not a list'],
    ['"userAgent":5', 'userAgent is not a string'],
    ['"responseStatus":[200]', 'responseStatus is not an object'],
  ])('%s', async (member, reason) => {
    const good = goOrdered('"objectRef":{"resource":"pods","namespace":"x","apiVersion":"v1"}');
    const r = await simulate([stream(`${good}\n${goOrdered(member)}\n`)], { policy: metadata });
    expect(r.events).toBe(1);
    expect(r.malformed.count).toBe(1);
    expect(r.malformed.lines[0]).toMatchObject({ line: 2, reason: expect.stringContaining(reason) });
  });
});

describe('a UTF-16 log is decoded (a Windows tool saved it), not read as malformed lines', () => {
  test.each([
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${line()}\n`, 'utf16le')])],
    ['UTF-16LE without BOM', Buffer.from(`${line()}\n`, 'utf16le')],
    [
      'UTF-16BE with BOM',
      Buffer.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${line()}\n`, 'utf16le')])).swap16(),
    ],
  ])('%s: its one event read, no warning', async (_name, bytes) => {
    const r = await simulate([stream(bytes)], { policy: metadata });
    expect(r.events).toBe(1);
    expect(r.malformed.count).toBe(0);
    expect(r.sources[0].warnings).toEqual([]);
  });
});

describe('a log compressed other than gzip is named as such', () => {
  // Each format's magic bytes (zstd RFC 8878, xz, bzip2, zip local header), then bytes of compressed data.
  const data = Buffer.from([0x8b, 0x0a, 0x91, 0xc3, 0x0a, 0x7b, 0x22, 0xee]);
  test.each([
    ['zstd', [0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x5d], 'zstd -dc'],
    ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04], 'xz -dc'],
    ['bzip2', [...Buffer.from('BZh91AY&SY')], 'bzip2 -dc'],
    ['zip', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'unzip -p'],
  ])('%s: one warning with the command that decompresses it', async (format, magic, tool) => {
    const r = await simulate([stream(Buffer.concat([Buffer.from(magic), data]))], { policy: metadata });
    expect(r.events).toBe(0);
    expect(r.sources[0].warnings).toEqual([
      `the input looks ${format}-compressed (only gzip is read): decompress it first (${tool} FILE | deckhouse-audit simulate … -)`,
    ]);
  });
});

describe('replay keys are bounded', () => {
  test('20,000-character URL paths and 10 KB user names become bounded, distinct keys', () => {
    const acc = createReplayAccumulator(metadata);
    const long = (i: number, n: number) => `${'x'.repeat(n - 8)}${String(i).padStart(8, '0')}`;
    for (let i = 0; i < 300; i++) {
      acc.addLine(
        line({ requestURI: `/${long(i, 20_000)}`, user: { username: long(i, 10_000) } }),
        i + 1,
        'log',
      );
    }
    const r = acc.report();
    expect(r.events).toBe(300);
    const keys = [
      ...r.topUsers.map((u) => u.user),
      ...r.topResources.map((x) => x.key),
      ...r.topRequests.map((x) => x.resource),
    ];
    for (const k of keys) expect(k.length).toBeLessThanOrEqual(MAX_KEY_CHARS);
    expect(new Set(r.topUsers.map((u) => u.user)).size).toBe(r.topUsers.length);
    expect(r.topUsers.every((u) => u.events === 1)).toBe(true);
  });
});

describe('fuzz: mutated log lines always give a clean report', () => {
  const MUTATIONS = [
    (s: string, rnd: () => number) => s.slice(0, Math.floor(rnd() * s.length)), // cut
    (s: string, rnd: () => number) => {
      const i = Math.floor(rnd() * s.length);
      return s.slice(0, i) + String.fromCharCode(Math.floor(rnd() * 0x3000)) + s.slice(i + 1);
    }, // one character replaced
    (s: string, rnd: () => number) => {
      const i = Math.floor(rnd() * s.length);
      return s.slice(0, i) + s.slice(i, i + 40).repeat(1 + Math.floor(rnd() * 50)) + s.slice(i);
    }, // a piece repeated
    (_s: string, rnd: () => number) => '['.repeat(Math.floor(rnd() * 20000)), // deep nesting
    (s: string) => s.replace('"verb":"', '"verb":5,"x":"'), // wrong types
    (s: string) => s.replace(/"requestURI":"[^"]*"/, '"requestURI":"/' + 'a/'.repeat(3000) + '"'),
    (s: string) => s.replace(/"stageTimestamp":"[^"]*"/, '"stageTimestamp":"+275760-09-13T00:00:00.000Z"'),
    (s: string) => `2026-01-05T10:00:00Z stdout P ${s}`, // CRI fragment never finished
    (s: string) => s.replace(/\{/g, '{"":{}, '), // extra members
  ];

  test.each([1, 2, 3])('seed %i', async (seed) => {
    const rnd = mulberry32(seed);
    const events = LINES.filter((l) => l.startsWith('{"kind"'));
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) {
      const base = pick(rnd, events);
      lines.push(rnd() < 0.3 ? base : pick(rnd, MUTATIONS)(base, rnd));
    }
    const r = await simulate([stream(lines.join('\n'))], { policy: policyA() });
    // Every non-blank line is an event or malformed; nothing else happened to it.
    const nonBlank = lines.filter((l) => l.trim() !== '' && !l.includes(' stdout P ')).length;
    expect(r.events + r.malformed.count).toBe(nonBlank + (lines.length - nonBlank > 0 ? 1 : 0));
    expect(Number.isFinite(r.written.bytes)).toBe(true);
    expect(r.bytesPerDay === null || Number.isFinite(r.bytesPerDay)).toBe(true);
    for (const u of r.topUsers) expect(u.user.length).toBeLessThanOrEqual(MAX_KEY_CHARS);
    for (const m of r.malformed.lines) expect(m.reason.length).toBeLessThan(200);
  });
});
