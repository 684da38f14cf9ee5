import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import * as zlib from 'zlib';
import { simulate, SimulationReport } from '../../src/replay';
import { utf16Encoding } from '../../src/replay/text-encoding';
import { runInProcess } from '../cli/helpers';
import { FIXTURES, LOG, policyA } from './fixtures';

// An audit log saved on Windows is UTF-16: Windows PowerShell 5.1's `>` and `Out-File` write "Unicode" by
// default, which is UTF-16LE with the byte order mark FF FE, and end lines with CRLF (about_Redirection,
// Out-File -Encoding); Notepad's "Unicode big endian" writes FE FF and big-endian units. Its events are the same
// events, so a replay of it must give exactly the UTF-8 file's report (the bytes read from the file aside).

const TEXT = fs.readFileSync(LOG, 'utf8');
/** A user agent outside the Basic Multilingual Plane: a surrogate pair in UTF-16, four bytes in UTF-8. */
const WIDE = fs
  .readFileSync(path.join(FIXTURES, 'cloud-exports/events.log'), 'utf8')
  .replace(/"userAgent":"[^"]*"/g, '"userAgent":"kubectl/v1.32.4 \u{1F680} деплой"');

const le = (text: string, bom = true) =>
  Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);
const be = (text: string, bom = true) => Buffer.from(le(text, bom)).swap16();
const powershell = (text: string) => le(text.replace(/\n/g, '\r\n'));

/** The report without what depends on the bytes, compression or name of the input, not on its events. */
function events(r: SimulationReport): unknown {
  return {
    ...r,
    sources: r.sources.map((s) => ({ ...s, source: undefined, bytes: undefined, gzip: undefined })),
    malformed: { ...r.malformed, lines: r.malformed.lines.map((m) => ({ ...m, source: undefined })) },
    // simulate --json's warnings name the file.
    warnings: (r as { warnings?: string[] }).warnings?.map((w) =>
      r.sources.reduce((text, s) => text.split(s.source).join('LOG'), w),
    ),
  };
}

const inPieces = (bytes: Buffer, size: number) => {
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return { name: 'piped.log', stream: Readable.from(pieces) };
};

let tmp: string;
let utf8: SimulationReport;
/** The UTF-8 file with CRLF line ends, as PowerShell ends them: its malformed lines' quotes show the CR. */
let utf8Crlf: SimulationReport;
let utf8Wide: SimulationReport;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'utf16-log-'));
  utf8 = await simulate([LOG], { policy: policyA() });
  fs.writeFileSync(path.join(tmp, 'crlf.log'), TEXT.replace(/\n/g, '\r\n'));
  utf8Crlf = await simulate([path.join(tmp, 'crlf.log')], { policy: policyA() });
  fs.writeFileSync(path.join(tmp, 'wide.log'), WIDE);
  utf8Wide = await simulate([path.join(tmp, 'wide.log')], { policy: policyA() });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('a UTF-16 audit log replays as the UTF-8 one', () => {
  test.each([
    ['PowerShell 5.1 Out-File (UTF-16LE, FF FE, CRLF)', powershell(TEXT), true],
    ['UTF-16LE with FF FE', le(TEXT), false],
    ['UTF-16BE with FE FF', be(TEXT), false],
    ['UTF-16LE without a byte order mark', le(TEXT, false), false],
    ['UTF-16BE without a byte order mark', be(TEXT, false), false],
    ['gzip of a PowerShell file', zlib.gzipSync(powershell(TEXT)), true],
  ])('%s, as a file', async (name, bytes, crlf) => {
    const file = path.join(tmp, `${name.replace(/\W+/g, '-')}.log`);
    fs.writeFileSync(file, bytes);
    const r = await simulate([file], { policy: policyA() });
    expect(r.events).toBe(13);
    expect(events(r)).toEqual(events(crlf ? utf8Crlf : utf8));
    expect(r.sources[0].warnings).toEqual([]);
  });

  test('--jobs 2 on a UTF-16 file reads it (on one thread) to the same report', async () => {
    const file = path.join(tmp, 'jobs.log');
    fs.writeFileSync(file, powershell(TEXT));
    expect(events(await simulate([file], { policy: policyA(), jobs: 2 }))).toEqual(events(utf8Crlf));
  });

  test.each([1, 3, 4096])(
    'piped in %i-byte pieces (a byte order mark or a character split between reads)',
    async (size) => {
      expect(events(await simulate([inPieces(powershell(TEXT), size)], { policy: policyA() }))).toEqual(
        events(utf8Crlf),
      );
      expect(events(await simulate([inPieces(be(TEXT), size)], { policy: policyA() }))).toEqual(events(utf8));
    },
  );

  test('characters beyond U+FFFF (surrogate pairs) and Cyrillic decode to the same users, agents and sizes', async () => {
    expect(utf8Wide.events).toBe(6);
    for (const bytes of [le(WIDE), be(WIDE)]) {
      const r = await simulate([inPieces(bytes, 7)], { policy: policyA() });
      expect(events(r)).toEqual(events(utf8Wide));
    }
  });

  test('a UTF-16 file among UTF-8 ones: each decoded on its own', async () => {
    const file = path.join(tmp, 'windows.log');
    fs.writeFileSync(file, powershell(TEXT));
    const both = await simulate([LOG, file], { policy: policyA() });
    expect(both.events).toBe(2 * utf8.events);
    expect(both.written.bytes).toBe(2 * utf8.written.bytes);
  });

  test('simulate on the command line: the same report as the UTF-8 file', async () => {
    const file = path.join(tmp, 'audit-utf16.log');
    fs.writeFileSync(file, be(TEXT));
    const policy = path.join(FIXTURES, 'policy-a.yaml');
    const [a, b] = await Promise.all([
      runInProcess(['simulate', '--policy', policy, '--json', LOG]),
      runInProcess(['simulate', '--policy', policy, '--json', file]),
    ]);
    expect(b.code).toBe(0);
    const parse = (out: string) => events(JSON.parse(out) as SimulationReport);
    expect(parse(b.stdout)).toEqual(parse(a.stdout));
  });
});

describe('the encoding is decided from the first bytes', () => {
  test.each([
    ['FF FE', [0xff, 0xfe, 0x7b, 0x00], 'utf-16le'],
    ['FE FF', [0xfe, 0xff, 0x00, 0x7b], 'utf-16be'],
    ['`{"` in UTF-16LE', [0x7b, 0x00, 0x22, 0x00], 'utf-16le'],
    ['`{"` in UTF-16BE', [0x00, 0x7b, 0x00, 0x22], 'utf-16be'],
    ['UTF-32LE (FF FE 00 00)', [0xff, 0xfe, 0x00, 0x00], undefined],
    ['UTF-8 `{"ki`', [0x7b, 0x22, 0x6b, 0x69], undefined],
    ['UTF-8 byte order mark', [0xef, 0xbb, 0xbf, 0x7b], undefined],
    ['a block of zero bytes', [0x00, 0x00, 0x00, 0x00], undefined],
    ['`{` then zero bytes (a line cut by a crash)', [0x7b, 0x00, 0x00, 0x00], undefined],
  ])('%s', (_name, head, encoding) => {
    expect(utf16Encoding(Uint8Array.from(head))).toBe(encoding);
  });
});
