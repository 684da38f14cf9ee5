import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import * as zlib from 'zlib';
import { loadPolicy } from '../../src/policy';
import { forEachLine, simulate, SimulationReport } from '../../src/replay';
import { FIXTURES } from './fixtures';

// kube-apiserver writes its audit log as UTF-8 only: Go's encoding/json writes a byte that is not UTF-8 as the
// escape \ufffd, and a U+FFFD character as its UTF-8 bytes EF BF BD (encoding/json encode.go, `string`). A log
// holding other bytes was re-encoded on its way (a Windows tool saving it as Windows-1251 or Latin-1), and its
// names no longer match the policy's: the replay must say so, with the line, not decide them silently.

const EVENT = fs
  .readFileSync(path.join(FIXTURES, 'cloud-exports/events.log'), 'utf8')
  .split('\n')[0]
  .replace('kubernetes-admin', 'администратор'); // a Cyrillic user name (Deckhouse's users write them)
const POLICY = loadPolicy(
  'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: RequestResponse\n  users: ["администратор"]\n- level: Metadata\n',
).policy!;

/** The event with its user name in Windows-1251 (а-я are 0xE0-0xFF there), the rest ASCII. */
function cp1251Line(): Buffer {
  const [before, after] = EVENT.split('администратор');
  const name = Buffer.from([...'администратор'].map((c) => 0xe0 + c.charCodeAt(0) - 'а'.charCodeAt(0)));
  return Buffer.concat([Buffer.from(before), name, Buffer.from(after), Buffer.from('\n')]);
}

function replay(bytes: Buffer): Promise<SimulationReport> {
  return simulate([{ name: 'audit.log', stream: Readable.from([bytes]) }], { policy: POLICY });
}

const utf8Warnings = (r: SimulationReport) => r.sources[0].warnings.filter((w) => /not UTF-8/.test(w));

describe('a log re-encoded from UTF-8', () => {
  test('Windows-1251 bytes: the line named, and the rule naming the user is said not to match', async () => {
    const good = Buffer.from(EVENT + '\n');
    const r = await replay(Buffer.concat([good, good, cp1251Line(), good]));
    expect(r.events).toBe(4);
    // The three UTF-8 lines are decided by the users rule, the re-encoded one is not (its name became U+FFFD).
    expect(r.rules.map((x) => x.hits)).toEqual([3, 1]);
    expect(utf8Warnings(r)).toEqual([
      expect.stringMatching(
        /^\d+ byte sequences are not UTF-8, the first on line 3: kube-apiserver writes UTF-8 only/,
      ),
    ]);
    expect(utf8Warnings(r)[0]).toContain('iconv');
  });

  test('a U+FFFD the log holds as a character (EF BF BD) is no warning, even across a decoding slice', async () => {
    const line = EVENT.replace('kubectl/v1.30.0', 'kubectl/v1.30.0 \ufffd');
    expect(utf8Warnings(await replay(Buffer.from(line + '\n')))).toEqual([]);
    // The character's three bytes straddle the 64 KiB slices forEachLine decodes in.
    const pad = 64 * 1024 - 1 - Buffer.byteLength(line.slice(0, line.indexOf('\ufffd')));
    const padded = Buffer.from(`${' '.repeat(pad)}${line}\n`);
    expect(padded.indexOf(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(64 * 1024 - 1);
    const seen: number[] = [];
    await forEachLine(Readable.from([padded]), () => undefined, { onInvalidUtf8: (l) => seen.push(l) });
    expect(seen).toEqual([]);
  });

  test('a UTF-16 file is decoded as UTF-16: its bytes are no re-encoded UTF-8 to count', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EVENT + '\n', 'utf16le')]);
    const r = await replay(utf16);
    expect(r.events).toBe(1);
    // The Cyrillic user name decoded from UTF-16 matches the policy's users rule.
    expect(r.rules.map((x) => x.hits)).toEqual([1, 0]);
    expect(utf8Warnings(r)).toEqual([]);
  });

  test('one thread, two threads and gzip name the same line and count', async () => {
    const good = Buffer.from(EVENT + '\n');
    const lines = Array.from({ length: 3000 }, (_, i) => (i === 2400 ? cp1251Line() : good));
    const bytes = Buffer.concat(lines);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 're-encoded-'));
    try {
      const file = path.join(dir, 'audit.log');
      fs.writeFileSync(file, bytes);
      const one = await simulate([file], { policy: POLICY, jobs: 1 });
      const two = await simulate([file], { policy: POLICY, jobs: 2 });
      const gz = await simulate([{ name: 'audit.log', stream: Readable.from([zlib.gzipSync(bytes)]) }], {
        policy: POLICY,
      });
      expect(two.sources[0].threads).toBe(2);
      expect(utf8Warnings(one)).toEqual([expect.stringContaining('the first on line 2401:')]);
      expect(utf8Warnings(two)).toEqual(utf8Warnings(one));
      expect(utf8Warnings(gz)).toEqual(utf8Warnings(one));
      expect(two.rules).toEqual(one.rules);
      expect(gz.rules).toEqual(one.rules);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
