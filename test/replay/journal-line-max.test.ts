import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Policy } from '../../src/policy/types';
import { simulate } from '../../src/replay';
import { CUT_BY_JOURNALD } from '../../src/replay/broken-line';
import { TOO_MANY_OPEN_LINES } from '../../src/replay/journal-record';

// journald keeps a stdout stream's lines as entries, and cuts a line longer than LineMax (journald.conf(5):
// default 48K, i.e. 49,152 bytes) into entries of exactly LineMax bytes, all but the last carrying
// `_LINE_BREAK=line-max` (systemd.journal-fields(7); src/journal/journald-stream.c), every one with the stream's
// `_STREAM_ID`. kube-apiserver run as a systemd unit with --audit-log-path=- writes each event as one line, so an
// event with its bodies over 48K reaches `journalctl -u kube-apiserver -o json --all` as several entries; a cut
// inside a UTF-8 character leaves both entries' MESSAGE not UTF-8, which journalctl prints as an array of bytes.

const LINE_MAX = 48 * 1024;
// Each event is decided at the level it was recorded at, so its written size is its line's.
const rr: Policy = {
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  rules: [{ level: 'RequestResponse', verbs: ['create'] }, { level: 'Metadata' }],
};

/** A ConfigMap create at RequestResponse, its data `pad` ASCII bytes and then `chars` two-byte characters. */
function bigEvent(id: string, pad: number, chars: number): string {
  const body = {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name: 'reports', namespace: 'prod' },
    data: { 'report.txt': 'a'.repeat(pad) + 'ж'.repeat(chars) },
  };
  return JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'RequestResponse',
    auditID: id,
    stage: 'ResponseComplete',
    requestURI: '/api/v1/namespaces/prod/configmaps?fieldManager=kubectl-create',
    verb: 'create',
    user: { username: 'alice@example.com', groups: ['developers', 'system:authenticated'] },
    sourceIPs: ['10.0.0.8'],
    userAgent: 'kubectl/v1.33.1 (linux/amd64) kubernetes/8adc0f0',
    objectRef: { resource: 'configmaps', namespace: 'prod', name: 'reports', apiVersion: 'v1' },
    responseStatus: { metadata: {}, code: 201 },
    requestObject: body,
    responseObject: body,
    requestReceivedTimestamp: '2026-12-01T10:00:00.100000Z',
    stageTimestamp: '2026-12-01T10:00:00.104000Z',
  });
}

/** A short event of another request. */
function smallEvent(id: string, second: number): string {
  return JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: id,
    stage: 'ResponseComplete',
    requestURI: '/api/v1/namespaces/prod/pods?limit=500',
    verb: 'list',
    user: { username: 'alice@example.com', groups: ['developers', 'system:authenticated'] },
    objectRef: { resource: 'pods', namespace: 'prod', apiVersion: 'v1' },
    responseStatus: { metadata: {}, code: 200 },
    requestReceivedTimestamp: `2026-12-01T10:00:0${second}.000000Z`,
    stageTimestamp: `2026-12-01T10:00:0${second}.002000Z`,
  });
}

/** ASCII padding that puts a LineMax cut of `bigEvent(id, pad, …)` inside a two-byte character. */
function padToCutInsideCharacter(id: string): number {
  const start = Buffer.from(bigEvent(id, 0, 1)).indexOf(Buffer.from('ж'));
  return (LINE_MAX - start) % 2 === 1 ? 0 : 1;
}

let cursor = 0;
/** A journal entry as `journalctl -o json --all` prints it: MESSAGE a string, or its bytes when not UTF-8. */
function entry(message: Buffer, stream: string, lineBreak?: string): string {
  const text = message.toString('utf8');
  const utf8 = Buffer.from(text).equals(message);
  cursor++;
  return JSON.stringify({
    __CURSOR: `s=5d3b1c2e;i=${cursor.toString(16)};b=0c1d2e3f;m=${cursor.toString(16)};t=62b1;x=9f`,
    __REALTIME_TIMESTAMP: String(1764583200000000 + cursor * 1000),
    _TRANSPORT: 'stdout',
    _STREAM_ID: stream,
    PRIORITY: '6',
    SYSLOG_IDENTIFIER: 'kube-apiserver',
    _SYSTEMD_UNIT: 'kube-apiserver.service',
    ...(lineBreak === undefined ? {} : { _LINE_BREAK: lineBreak }),
    MESSAGE: utf8 ? text : [...message],
  });
}

/** The entries journald makes of one line of `stream`. */
function entries(line: string, stream: string): string[] {
  const bytes = Buffer.from(line);
  const out: string[] = [];
  for (let at = 0; at < bytes.length; at += LINE_MAX) {
    const last = at + LINE_MAX >= bytes.length;
    out.push(entry(bytes.subarray(at, at + LINE_MAX), stream, last ? undefined : 'line-max'));
  }
  return out;
}

let tmp: string;
const file = (name: string, lines: string[]) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, lines.join('\n') + '\n');
  return f;
};
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-line-max-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const STREAM = '8c1f3b2a9d4e4f0b8a7c6d5e4f3a2b1c';
const OTHER = '1b2c3d4e5f60718293a4b5c6d7e8f901';

describe('journalctl -o json: an event journald cut at LineMax', () => {
  test.each([1, 2])(
    'its entries are joined byte for byte, a cut inside a character too: the event as kube-apiserver wrote it (%i thread)',
    async (jobs) => {
      const id = '6f0e2d1c-3b4a-4958-8776-a5b4c3d2e1f0';
      const big = bigEvent(id, padToCutInsideCharacter(id), 15_000);
      const pieces = entries(big, STREAM);
      expect(pieces).toHaveLength(2);
      // The cut falls inside a character: journalctl prints both pieces as bytes.
      expect(pieces.map((p) => Array.isArray(JSON.parse(p).MESSAGE))).toEqual([true, true]);
      const small = smallEvent('0a1b2c3d-4e5f-4061-8172-93a4b5c6d7e8', 1);
      const f = file(`one-${jobs}.json`, [
        ...entries(small, STREAM),
        ...pieces,
        ...entries(small.replace('0a1b', '0a1c'), STREAM),
      ]);
      const r = await simulate([f], { policy: rr, jobs });
      expect(r.malformed.count).toBe(0);
      expect(r.events).toBe(3);
      // kube-apiserver wrote the big event's line and a newline; the RequestResponse policy writes it whole.
      const expected = Buffer.byteLength(big) + 2 * (Buffer.byteLength(small) + 1) + 1;
      expect(r.written.bytes).toBe(expected);
      expect(r.written.bytesByLevel.RequestResponse).toBe(Buffer.byteLength(big) + 1);
    },
  );

  test("another stream's entries between the pieces (a whole-journal export) leave the line whole", async () => {
    const id = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
    const big = bigEvent(id, 0, 30_000); // three pieces
    const pieces = entries(big, STREAM);
    expect(pieces).toHaveLength(3);
    const [p1, p2, p3] = pieces;
    const other = entries(smallEvent('1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b', 2), OTHER)[0];
    const r = await simulate([file('interleaved.json', [p1, other, p2, other.replace('1f2e', '1f2f'), p3])], {
      policy: rr,
    });
    expect(r.malformed.count).toBe(0);
    expect(r.events).toBe(3);
    expect(r.written.bytesByLevel.RequestResponse).toBe(Buffer.byteLength(big) + 1);
  });

  test('an export that ends before the last piece: the event is reported cut short at its first entry', async () => {
    const big = bigEvent('2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f', 0, 15_000);
    const small = smallEvent('3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a', 3);
    const r = await simulate([file('cut.json', [...entries(small, STREAM), entries(big, STREAM)[0]])], {
      policy: rr,
    });
    expect(r.events).toBe(1);
    expect(r.malformed.lines).toEqual([
      { source: expect.stringMatching(/cut\.json$/), line: 2, reason: expect.stringMatching(/cut short/) },
    ]);
  });

  test('an entry that ended otherwise (_LINE_BREAK=eof, pid-change) is a line of its own', async () => {
    const small = smallEvent('4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b', 4);
    const r = await simulate(
      [
        file('eof.json', [
          entry(Buffer.from(small), STREAM, 'eof'),
          entry(Buffer.from(small.replace('4e5f', '4e60')), STREAM, 'pid-change'),
        ]),
      ],
      { policy: rr },
    );
    expect(r.malformed.count).toBe(0);
    expect(r.events).toBe(2);
  });
});

describe('journal entries of many streams', () => {
  test('past 64 streams with a cut line open, a further one is not kept (memory stays bounded), and said', async () => {
    // 65 streams each start a line journald cut; none of them ends.
    const opened = Array.from({ length: 65 }, (_, i) =>
      entry(
        Buffer.from('{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata"'),
        `stream-${i}`,
        'line-max',
      ),
    );
    const small = smallEvent('8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f', 6);
    const r = await simulate([file('many-streams.json', [...opened, entry(Buffer.from(small), STREAM)])], {
      policy: rr,
    });
    expect(r.events).toBe(1);
    expect(
      r.malformed.lines.filter((m) => m.reason === `MESSAGE: ${TOO_MANY_OPEN_LINES}`).map((m) => m.line),
    ).toEqual([65]);
  });
});

describe('journalctl text output (-o cat, short): the pieces are lines that nothing marks', () => {
  test.each([
    ['cat', ''],
    ['short', 'Dec 01 10:00:00 master-0 kube-apiserver[1234]: '],
  ])(
    '-o %s: the first piece is named as cut by journald, with the export that joins it',
    async (_, header) => {
      const big = bigEvent('5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c', 0, 15_000);
      const bytes = Buffer.from(big);
      const pieces = [bytes.subarray(0, LINE_MAX), bytes.subarray(LINE_MAX)].map(
        (b) => header + b.toString('utf8'),
      );
      const small = smallEvent('6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d', 5);
      const r = await simulate([file(`text-${_}.log`, [header + small, ...pieces])], { policy: rr });
      expect(r.events).toBe(1);
      expect(r.malformed.lines.map((m) => [m.line, m.reason])).toEqual([
        [2, CUT_BY_JOURNALD],
        [3, expect.stringMatching(/^not JSON/)],
      ]);
      expect(CUT_BY_JOURNALD).toContain('journalctl -o json --all');
    },
  );

  test("a line cut at another length is not said to be journald's", async () => {
    const bytes = Buffer.from(bigEvent('7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e', 0, 15_000));
    const cut = [bytes.subarray(0, LINE_MAX - 4), bytes.subarray(LINE_MAX - 4)].map((b) =>
      b.toString('utf8'),
    );
    const r = await simulate([file('other-cut.log', cut)], { policy: rr });
    expect(r.malformed.lines.map((m) => m.line)).toEqual([1, 2]);
    expect(r.malformed.lines[0].reason).not.toBe(CUT_BY_JOURNALD);
  });
});
