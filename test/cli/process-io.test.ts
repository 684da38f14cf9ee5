import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { DescriptorOutput, processIo, write } from '../../src/cli/io';
import { ensureBuiltLib } from './built-lib';
import { REPO } from './helpers';

// The bin writes stdout and stderr with synchronous descriptor writes (src/cli/io.ts), not through
// process.stdout: these tests pin what that must keep from the stream it replaces — every byte in order, a
// reader that leaves early is no error, and a descriptor the parent made non-blocking still gets everything.

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** A process stream stand-in that records what reaches it. */
function recordingStream(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return {
    stream: stream as unknown as NodeJS.WriteStream,
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

describe('DescriptorOutput', () => {
  test('partial writes are continued until every byte is written, multi-byte characters intact', async () => {
    const got: Buffer[] = [];
    // At most 3 bytes per call: splits 'é' (2 bytes in UTF-8) and '€' (3 bytes) across calls.
    const out = new DescriptorOutput(
      1,
      () => {
        throw new Error('the process stream is not needed');
      },
      (_fd, bytes, offset) => {
        const piece = bytes.subarray(offset, Math.min(offset + 3, bytes.length));
        got.push(Buffer.from(piece));
        return piece.length;
      },
    );
    await write(out, 'café 5 €\n');
    await write(out, 'second\n');
    expect(Buffer.concat(got).toString('utf8')).toBe('café 5 €\nsecond\n');
  });

  test('EAGAIN (a non-blocking descriptor): the rest and every later write go through the process stream, in order', async () => {
    const seen: string[] = [];
    let calls = 0;
    const target = recordingStream();
    const out = new DescriptorOutput(
      1,
      () => target.stream,
      (_fd, bytes, offset) => {
        calls++;
        if (calls === 1) {
          seen.push(bytes.subarray(offset, offset + 4).toString('utf8'));
          return 4;
        }
        throw errno('EAGAIN');
      },
    );
    await write(out, 'abcdefgh\n');
    await write(out, 'next\n');
    expect(seen.join('') + target.text()).toBe('abcdefgh\nnext\n');
    expect(calls).toBe(2); // after EAGAIN the descriptor is not tried again: no interleaving
  });

  test('EPIPE (the reader left) resolves quietly; any other error rejects with it', async () => {
    const closed = new DescriptorOutput(
      1,
      () => recordingStream().stream,
      () => {
        throw errno('EPIPE');
      },
    );
    await expect(write(closed, 'dropped\n')).resolves.toBeUndefined();
    const broken = new DescriptorOutput(
      2,
      () => recordingStream().stream,
      () => {
        throw errno('EIO');
      },
    );
    await expect(write(broken, 'lost\n')).rejects.toMatchObject({ code: 'EIO' });
  });

  test('processIo does not build process.stdout or process.stderr to write', () => {
    const io = processIo();
    if (process.platform === 'win32') return;
    expect(io.stdout).toBeInstanceOf(DescriptorOutput);
    expect(io.stderr).toBeInstanceOf(DescriptorOutput);
  });
});

describe('the bin writing to pipes', () => {
  beforeAll(() => ensureBuiltLib(), 120_000);

  test('a large output through a slow pipe arrives whole and in order; `| head` is no error', () => {
    // The real module as the bin loads it, writing 5 MB in 50 lines: more than a pipe's buffer, so writes block.
    const script =
      `const { processIo, write } = require(${JSON.stringify(path.join(REPO, 'lib/src/cli/io.js'))});` +
      `(async () => { const io = processIo(); for (let i = 0; i < 50; i++) ` +
      `await write(io.stdout, String(i).padStart(2, '0') + 'x'.repeat(100000) + '\\n'); })();`;
    const slow = spawnSync('sh', ['-c', `"${process.execPath}" -e "$S" | (sleep 0.3; cat)`], {
      env: { ...process.env, S: script },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(slow.stderr).toBe('');
    const lines = slow.stdout.split('\n');
    expect(lines).toHaveLength(51);
    expect(lines.slice(0, 50).map((l) => [l.slice(0, 2), l.length])).toEqual(
      Array.from({ length: 50 }, (_, i) => [String(i).padStart(2, '0'), 100002]),
    );
    const head = spawnSync(
      'sh',
      ['-c', `{ "${process.execPath}" -e "$S"; echo "node exit $?" >&2; } | head -c 2`],
      {
        env: { ...process.env, S: script },
        encoding: 'utf8',
      },
    );
    expect({ stdout: head.stdout, stderr: head.stderr }).toEqual({ stdout: '00', stderr: 'node exit 0\n' });
  });
});
