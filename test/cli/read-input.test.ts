import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { CliError } from '../../src/cli/errors';
import { readInputBytes } from '../../src/cli/read-input';

const limit = { bytes: 100_000, reason: 'the test limit', fix: 'raise it' };
const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), isTTY: false };

describe('readInputBytes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'read-input-'));
  const file = (name: string, bytes: Buffer) => {
    const f = path.join(dir, name);
    writeFileSync(f, bytes);
    return f;
  };
  const refusal = async (name: string) => {
    try {
      await readInputBytes(name, io, limit);
    } catch (err) {
      expect(err).toBeInstanceOf(CliError);
      return `${(err as CliError).message}${(err as CliError).fix ? ` / fix: ${(err as CliError).fix}` : ''}`;
    }
    throw new Error(`${name} was read`);
  };

  test('a regular file is read whole, byte for byte, up to exactly the limit', async () => {
    for (const size of [0, 1, 65_535, 65_536, 65_537, limit.bytes]) {
      const bytes = Buffer.alloc(size, 0x61);
      bytes[size - 1] = 0x0a;
      expect(Buffer.from(await readInputBytes(file(`f${size}`, bytes), io, limit))).toEqual(bytes);
    }
  });

  test('one byte over the limit is refused with its size; a missing file and a directory are named', async () => {
    expect(await refusal(file('big', Buffer.alloc(limit.bytes + 1)))).toMatch(
      /big: 100001 bytes, over the 100000-byte limit \(the test limit\); nothing was parsed \/ fix: raise it$/,
    );
    expect(await refusal(path.join(dir, 'absent'))).toMatch(/absent: no such file \/ fix: check the path$/);
    expect(await refusal(dir)).toMatch(
      /: is a directory, expected a policy file \/ fix: name a policy file inside it$/,
    );
    // Another input says what it expects, and a relative path says where it was looked for.
    await expect(readInputBytes(dir, io, { ...limit, what: 'an audit log' })).rejects.toThrow(
      /is a directory, expected an audit log$/,
    );
    await expect(readInputBytes('absent.yaml', io, limit)).rejects.toMatchObject({
      fix: `check the path (relative to ${process.cwd()})`,
    });
  });
});
