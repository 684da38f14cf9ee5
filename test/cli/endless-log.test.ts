import { fixture, runInProcess } from './helpers';

// A log stream with no audit event in its first 64 MiB (a device, a pipe of something else) is given up and said
// to be no audit log, instead of being read forever.
test('simulate: stdin with no event in its first 64 MiB is stopped, with the reason and the fix', async () => {
  const run = await runInProcess(['simulate', '--policy', fixture('policy.yaml'), '-'], {
    stdin: Buffer.alloc(65 * 1024 * 1024, 'x'),
  });
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(
    /^deckhouse-audit simulate: <stdin> gave no audit event in its first 67108864 bytes and may never end \(a device such as \/dev\/zero, or a pipe of something else\): reading it was stopped/,
  );
  expect(run.stderr).toContain('fix: give an audit log: audit.k8s.io Events as kube-apiserver writes them');
  expect(run.stderr).not.toMatch(/\n\s+at /);
});
