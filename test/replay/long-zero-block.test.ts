import { Readable } from 'stream';
import type { Policy } from '../../src/policy/types';
import { simulate, SimulationReport } from '../../src/replay';
import { lineTooLong, textBesideZeroBlock } from '../../src/replay/line-framing';
import { auditID, createConfigMapLines } from '../support/apiserver-lines';

// A block of zero bytes longer than the line limit (a crash on a filesystem with large preallocation leaves
// megabytes of them, with no newline inside): it gets the zero-block warning a short block gets, not the advice
// for a long line of events, and the line reader keeps none of it.

const rr: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'RequestResponse' }] };
const LINES: string[] = [];
for (let i = 0; i < 20; i++) LINES.push(...createConfigMapLines(auditID(i), i));
const LIMIT = 4096;
// Past the limit and past the line reader's 64 KiB decoding slices.
const ZEROS = '\0'.repeat(200_000);

const replay = (text: string): Promise<SimulationReport> =>
  simulate([{ name: 'audit.log', stream: Readable.from([Buffer.from(text)]) }], {
    policy: rr,
    maxLineBytes: LIMIT,
  });

describe('a block of zero bytes longer than the line limit', () => {
  test('on a line of its own: the zero-block warning, every event read', async () => {
    const r = await replay(`${LINES.slice(0, 10).join('\n')}\n${ZEROS}\n${LINES.slice(10).join('\n')}\n`);
    expect(r.events).toBe(40);
    expect(r.malformed.count).toBe(0);
    expect(r.sources[0].warnings).toEqual([
      expect.stringMatching(/^200000 zero bytes \(NUL\) at line 11 skipped: .*node crash/),
    ]);
  });

  test('at the end of the input with no newline after it', async () => {
    const r = await replay(`${LINES.join('\n')}\n${ZEROS}`);
    expect(r.events).toBe(40);
    expect(r.malformed.count).toBe(0);
    expect(r.sources[0].warnings).toEqual([expect.stringMatching(/^200000 zero bytes \(NUL\) at line 41 /)]);
  });

  test('cutting a line: the text beside it on that line is counted as lost', async () => {
    // Line 6 was being written (200 characters survived), then the zeros, then the restarted apiserver's line.
    const cut = LINES[5].slice(0, 200);
    const text = `${LINES.slice(0, 5).join('\n')}\n${cut}${ZEROS}${LINES.slice(6).join('\n')}\n`;
    const r = await replay(text);
    expect(r.events).toBe(38);
    expect(r.malformed.lines).toEqual([
      { source: 'audit.log', line: 6, reason: textBesideZeroBlock(200 + LINES[6].length, LIMIT) },
    ]);
    expect(r.sources[0].warnings).toEqual([expect.stringMatching(/^200000 zero bytes \(NUL\) at line 6 /)]);
  });

  test('a long line that is mostly text stays a line too long', async () => {
    const text = `${LINES[0]}\n${'x'.repeat(150_000)}${'\0'.repeat(100_000)}\n${LINES[1]}\n`;
    const r = await replay(text);
    expect(r.events).toBe(2);
    expect(r.malformed.lines).toEqual([{ source: 'audit.log', line: 2, reason: lineTooLong(LIMIT) }]);
    expect(r.sources[0].warnings).toEqual([]);
  });
});
