import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fixture, runInProcess } from './helpers';

// A gzip file starts with the bytes 1F 8B (RFC 1952, ID1 ID2). kube-apiserver rotates its audit log into gzip
// only when asked, but copies taken off a master usually are (`tar czf`, `gzip audit-*.log`), and a policy or a
// dist/ manifest compressed along with them is easily given in the wrong place. kube-apiserver reads
// --audit-policy-file as plain YAML or JSON, kubectl a manifest too: a compressed one is decided by its content,
// before the replay starts, and named with the command that decompresses it.

const POLICY = fixture('policy.yaml');
const LOG = fixture('audit.log');
const MANIFEST = fixture('dist-basic-on.yaml');

let dir: string;
let policyGz: string;
let manifestGz: string;
let jsonPolicyGz: string;
let noSuffix: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gzip-policy-'));
  policyGz = path.join(dir, 'policy.yaml.gz');
  manifestGz = path.join(dir, 'dist.yaml.gz');
  jsonPolicyGz = path.join(dir, 'policy.json.gz');
  noSuffix = path.join(dir, 'policy-backup');
  writeFileSync(policyGz, gzipSync(readFileSync(POLICY)));
  writeFileSync(manifestGz, gzipSync(readFileSync(MANIFEST)));
  writeFileSync(
    jsonPolicyGz,
    gzipSync('{"apiVersion":"audit.k8s.io/v1","kind":"Policy","rules":[{"level":"Metadata"}]}\n'),
  );
  writeFileSync(noSuffix, gzipSync(readFileSync(POLICY)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a gzip-compressed policy or manifest given as LOG', () => {
  test.each([
    ['a YAML policy', () => policyGz, 'is an audit policy (kind: Policy), gzip-compressed, not an audit log'],
    ['a dist/ manifest', () => manifestGz, 'is a YAML manifest (kind: Secret), gzip-compressed'],
    ['a JSON policy', () => jsonPolicyGz, 'is an audit policy (JSON, kind: Policy, gzip-compressed)'],
  ])('%s: a usage error naming the LOG and gunzip, before any replay', async (_name, file, what) => {
    const run = await runInProcess(['simulate', '--policy', POLICY, LOG, file()]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`LOG ${file()} ${what}`);
    expect(run.stderr).toContain(`Decompress it (gunzip -k ${file()}) and give`);
  });

  test('diff names it the same way; without a .gz suffix the fix writes the plain file with zcat', async () => {
    const run = await runInProcess(['diff', '--policy', POLICY, '--policy', POLICY, noSuffix]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`LOG ${noSuffix} is an audit policy (kind: Policy), gzip-compressed`);
    expect(run.stderr).toContain(`(zcat ${noSuffix} > policy.yaml)`);
  });

  test('a gzip audit log is still replayed, also one compressed far beyond the sniffed bytes', async () => {
    // 4096 compressed bytes of one event repeated inflate to more than the 64 KiB the head is inflated to.
    const line = readFileSync(LOG, 'utf8').split('\n')[0];
    const big = path.join(dir, 'audit-2026-12-01T10-00-00.000.log.gz');
    writeFileSync(big, gzipSync(`${line}\n`.repeat(5000)));
    const run = await runInProcess(['simulate', '--policy', POLICY, '--json', fixture('audit.log.gz'), big]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('a gzip file given as the policy', () => {
  const fix = 'a policy or manifest is read as plain YAML or JSON text';

  test.each([
    ['validate', (f: string) => ['validate', f]],
    ['lint', (f: string) => ['lint', f]],
    ['explain --policy', (f: string) => ['explain', '--policy', f, '--url', 'GET /api']],
    ['simulate --policy', (f: string) => ['simulate', '--policy', f, LOG]],
  ])('%s of a compressed policy: what it holds and how to decompress it', async (_name, argv) => {
    const run = await runInProcess(argv(policyGz));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${policyGz} is gzip-compressed (an audit policy inside): ${fix}, as kube-apiserver reads ` +
        `--audit-policy-file and kubectl a manifest: decompress it first (gunzip -k ${policyGz}) and give the plain file`,
    );
  });

  test('a compressed manifest and a compressed policy on standard input', async () => {
    const manifest = await runInProcess(['lint', manifestGz]);
    expect(manifest.code).toBe(2);
    expect(manifest.stderr).toContain(`${manifestGz} is gzip-compressed (a manifest inside, kind: Secret)`);
    const stdin = await runInProcess(['validate', '-'], { stdin: gzipSync(readFileSync(POLICY)) });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain(
      'the policy on standard input is gzip-compressed (an audit policy inside): a policy or manifest is read as ' +
        'plain YAML or JSON text, as kube-apiserver reads --audit-policy-file and kubectl a manifest: decompress ' +
        'it first (zcat FILE | deckhouse-audit … -)',
    );
  });

  test('a .tgz of a dist/ directory: named as a tar archive, with the tar command', async () => {
    // POSIX ustar (`tar czf dist.tgz dist/`): a 512-byte header, the magic "ustar\0" and version "00" at 257.
    const header = Buffer.alloc(512);
    header.write('dist/audit-policy-secret.yaml', 0, 'latin1');
    header.write('ustar\u000000', 257, 'latin1');
    const data = readFileSync(POLICY);
    const tgz = path.join(dir, 'dist.tgz');
    writeFileSync(tgz, gzipSync(Buffer.concat([header, data, Buffer.alloc(1024)])));
    const run = await runInProcess(['lint', tgz]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      `deckhouse-audit lint: ${tgz} is a tar archive (gzip-compressed), not a policy: extract the policy or ` +
        `manifest from it first (tar -xzf ${tgz}, or tar -tzf to list it) and give that file`,
    );
  });

  test('a compressed audit log given as the policy is still named as a log', async () => {
    const run = await runInProcess(['validate', fixture('audit.log.gz')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is gzip-compressed, as a rotated audit log is; a policy is YAML');
  });
});
