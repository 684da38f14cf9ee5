import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fnv1a, siblingCacheFile } from '../../src/cli/launch';

describe('the launcher', () => {
  test('a new set of options starts from the largest cache of the same bundle, Node and command', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'launch-cache-'));
    const files: Array<[string, number]> = [
      ['0123456789abcdef-v20.20.2-x64-explain-aaaaaaaa.v8cache', 10],
      ['0123456789abcdef-v20.20.2-x64-explain-bbbbbbbb.v8cache', 20],
      ['0123456789abcdef-v20.20.2-x64-explain-cccccccc.v8cache.123.tmp', 90], // a write in progress
      ['0123456789abcdef-v20.20.2-x64-validate-dddddddd.v8cache', 30], // another command
      ['0123456789abcdef-v22.11.0-x64-explain-eeeeeeee.v8cache', 40], // another Node
      ['fedcba9876543210-v20.20.2-x64-explain-ffffffff.v8cache', 50], // another build of the bundle
    ];
    for (const [name, size] of files) writeFileSync(path.join(dir, name), Buffer.alloc(size));
    const own = (profile: string) =>
      path.join(dir, `0123456789abcdef-v20.20.2-x64-explain-${profile}.v8cache`);
    expect(siblingCacheFile(own('99999999'))).toBe(own('bbbbbbbb'));
    expect(siblingCacheFile(own('bbbbbbbb'))).toBe(own('aaaaaaaa'));
    expect(
      siblingCacheFile(path.join(dir, '0123456789abcdef-v20.20.2-x64-lint-99999999.v8cache')),
    ).toBeUndefined();
    expect(
      siblingCacheFile(path.join(dir, 'missing', 'x-v20.20.2-x64-lint-99999999.v8cache')),
    ).toBeUndefined();
  });

  test('the option profile is FNV-1a of the sorted option names (32 bits, 8 hex digits)', () => {
    // Reference values of the FNV-1a 32-bit test vectors (offset basis 0x811c9dc5, prime 0x01000193).
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });
});
