import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO, fixture, runInProcess } from './helpers';

// Windows tools save text as UTF-16 with a byte order mark (PowerShell 5's `>`, Notepad's "Unicode"). go-yaml
// decodes such a file (yaml_parser_determine_encoding in readerc.go), so every file the CLI reads as YAML is read
// as UTF-16 too, with one warning, and never as UTF-8 full of NUL bytes.
const dir = mkdtempSync(path.join(tmpdir(), 'deckhouse-audit-utf16-'));
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) =>
  Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
const save = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const MANIFEST = readFileSync(path.join(REPO, 'dist/deckhouse-audit.k8s.yaml'), 'utf8');
const MERGED = readFileSync(path.join(REPO, 'test/fixtures/deckhouse/merged-policy-1.76.yaml'), 'utf8');

describe('UTF-16 input with a byte order mark', () => {
  test.each([
    ['little-endian (FF FE)', utf16le],
    ['big-endian (FE FF)', utf16be],
  ])('validate reads a rendered manifest saved as UTF-16 %s, and warns once', async (order, encode) => {
    const file = save(`dist-${order.slice(0, 3)}.yaml`, encode(MANIFEST));
    const run = await runInProcess(['validate', file]);
    const utf8File = path.join(REPO, 'dist/deckhouse-audit.k8s.yaml');
    const utf8 = await runInProcess(['validate', utf8File]);
    const verdicts = (out: string, name: string) =>
      out
        .split('\n')
        .filter((l) => l.startsWith(`${name}[`))
        .map((l) => l.slice(name.length));
    expect(run.code).toBe(0);
    // The same verdict on the policy Secret as for the UTF-8 file, and one warning about the encoding.
    expect(verdicts(run.stdout, file)).toEqual(verdicts(utf8.stdout, utf8File));
    expect(verdicts(run.stdout, file)).toEqual([expect.stringMatching(/^\[data\.audit-policy\.yaml\]: OK /)]);
    expect(run.stdout.match(/warning:/g)).toHaveLength(1);
    expect(run.stdout).toContain(`${file}:1:1: warning: the file is UTF-16 with a ${order} byte order mark`);
  });

  test('a Secret manifest in UTF-16 is a Secret, not a policy with unknown fields', async () => {
    const file = save('secret.yaml', utf16le(readFileSync(fixture('secret.yaml'), 'utf8')));
    const run = await runInProcess(['validate', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${file}[data.audit-policy.yaml]: OK`);
  });

  test('--built-in-rules reads a merged policy saved as UTF-16, with a warning', async () => {
    const file = save('merged.yaml', utf16le(MERGED));
    const run = await runInProcess(['explain', '--built-in-rules', file, '--kubectl', 'logs web-0 -n prod']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${file}:1:1: warning: the merged policy file is UTF-16`);
    // The same answer as the UTF-8 file: 1.76 has no pods/log rule, so kubectl logs falls to the tail rule.
    expect(run.stdout).toMatch(/^Rule: +tail rule #1 \(rules\[27\]\): authenticated users at None$/m);
  });

  test('a UTF-16 file cut to an odd number of bytes is refused, naming the file', async () => {
    const whole = utf16le(MERGED);
    const file = save('cut.yaml', whole.subarray(0, 1001));
    const run = await runInProcess(['explain', '--built-in-rules', file, '--url', 'GET /api/v1/pods']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `--built-in-rules ${file}: the merged policy file starts with a UTF-16 little-endian`,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  test('--built-in-rules with a Latin-1 byte is refused at its line:column, not read as U+FFFD', async () => {
    // "# café" saved as Latin-1: é is the single byte E9, invalid UTF-8, at line 1, column 6.
    const file = save(
      'latin1.yaml',
      Buffer.concat([Buffer.from('# caf\xe9\n', 'latin1'), Buffer.from(MERGED)]),
    );
    const run = await runInProcess(['explain', '--built-in-rules', file, '--url', 'GET /api/v1/pods']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`--built-in-rules ${file} is not UTF-8 text:`);
    expect(run.stderr).toContain(`${file}:1:6: invalid UTF-8 (bytes E9 0A`);
  });

  test('a Secret whose policy was base64-encoded from UTF-16 (PowerShell Encoding.Unicode)', async () => {
    const policy = readFileSync(fixture('policy.yaml'), 'utf8');
    const secret = (bytes: Buffer) =>
      'apiVersion: v1\nkind: Secret\nmetadata: {name: audit-policy, namespace: kube-system}\n' +
      `data:\n  audit-policy.yaml: ${bytes.toString('base64')}\n`;
    // With a byte order mark go-yaml (behind Deckhouse's hook) decodes it: valid, with the loader's warning.
    const marked = save('secret-utf16.yaml', Buffer.from(secret(utf16le(policy))));
    const ok = await runInProcess(['validate', marked]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(
      `${marked}[data.audit-policy.yaml]:1:1: warning: the file is UTF-16, little-endian`,
    );
    expect(ok.stdout).toContain(`${marked}[data.audit-policy.yaml]: OK`);
    // Without one it is named as UTF-16, not reported as a NUL character at 1:2.
    const bare = save('secret-utf16-bare.yaml', Buffer.from(secret(Buffer.from(policy, 'utf16le'))));
    const refused = await runInProcess(['validate', bare]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      `${bare}[data.audit-policy.yaml]:1:1: the file starts with NUL bytes between its characters: it looks like UTF-16 without a byte order mark`,
    );
  });
});
