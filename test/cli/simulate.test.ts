import { readFileSync } from 'node:fs';
import { fixture, runInProcess } from './helpers';

const F = fixture;

// test/fixtures/cli/audit.log: 8 events over one hour plus one line that is not JSON (line 7). Under
// policy.yaml (omitStages RequestReceived; exec/attach at Request; kube-proxy None; secrets/configmaps
// Metadata; RBAC RequestResponse; catch-all Metadata):
//   get pod → catch-all Metadata; exec RequestReceived → exec rule, stage omitted; exec ResponseComplete → exec
//   rule Request; kube-proxy watch → None; list secrets → Metadata; create pod (tag-only image) → catch-all
//   Metadata; anonymous /healthz → catch-all Metadata; create clusterrolebinding → RBAC RequestResponse.
describe('simulate', () => {
  test('--json: the report with the keys issue 5 names, numbers worked out from the log', async () => {
    const run = await runInProcess(['simulate', '--policy', F('policy.yaml'), '--json', F('audit.log')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const r = JSON.parse(run.stdout);
    expect(r.events).toBe(8);
    expect(r.decided).toEqual({ None: 1, Metadata: 4, Request: 2, RequestResponse: 1 });
    expect(r.written.events).toBe(6);
    expect(r.written.byLevel).toEqual({ Metadata: 4, Request: 1, RequestResponse: 1 });
    expect(r.rules.map((x: { hits: number }) => x.hits)).toEqual([2, 1, 1, 1, 3]);
    expect(r.rules.map((x: { layer: string }) => x.layer)).toEqual(Array(5).fill('custom'));
    expect(r.rules[0]).toMatchObject({ index: 0, layer: 'custom', hits: 2, written: 1 });
    expect(r.unmatched).toBe(0);
    expect(r.imagesWithoutDigest).toBe(1);
    expect(r.span).toMatchObject({ from: '2026-11-20T10:00:00.000000Z', to: '2026-11-20T11:00:00.000000Z' });
    // One hour of log: a day is 24 times its written bytes; 36 KB/day never fills 1.1 GB, so age limits.
    expect(r.bytesPerDay).toBe(r.written.bytes * 24);
    expect(r.retention).toMatchObject({ hours: 720, limitedBy: 'age' });
    expect(r.malformed.count).toBe(1);
    expect(r.malformed.lines[0]).toMatchObject({ source: F('audit.log'), line: 7 });
    expect(r.policy).toBe(F('policy.yaml'));
  });

  test('a .gz log and gzip on stdin give the same report as the plain log', async () => {
    const plain = JSON.parse(
      (await runInProcess(['simulate', '--policy', F('policy.yaml'), '--json', F('audit.log')])).stdout,
    );
    const gz = JSON.parse(
      (await runInProcess(['simulate', '--policy', F('policy.yaml'), '--json', F('audit.log.gz')])).stdout,
    );
    const stdin = await runInProcess(['simulate', '--policy', F('policy.yaml'), '--json', '-'], {
      stdin: readFileSync(F('audit.log.gz')),
    });
    expect(stdin.code).toBe(0);
    const piped = JSON.parse(stdin.stdout);
    for (const r of [gz, piped]) {
      expect(r.written).toEqual(plain.written);
      expect(r.decided).toEqual(plain.decided);
      expect(r.rules).toEqual(plain.rules);
      expect(r.sources[0].gzip).toBe(true);
    }
    expect(piped.sources[0].source).toBe('<stdin>');
  });

  test('rotation flags change the retention estimate', async () => {
    const run = await runInProcess([
      'simulate',
      '--policy',
      F('policy.yaml'),
      '--json',
      '--max-size-mb',
      '0.01',
      '--max-backups',
      '2',
      F('audit.log'),
    ]);
    const r = JSON.parse(run.stdout);
    expect(r.retention.limitedBy).toBe('size');
    // 3 files of 0.01 MiB hold 31457.28 bytes; at bytesPerDay that lasts this many hours.
    expect(r.retention.hours).toBeCloseTo((3 * 0.01 * 1048576 * 24) / r.bytesPerDay, 6);
  });

  test('--truncate models the truncate backend; on by default with --deckhouse and File output (Deckhouse sets the flag there)', async () => {
    const deckhouseDefault = JSON.parse(
      (await runInProcess(['simulate', '--deckhouse', '--json', F('audit.log')])).stdout,
    );
    expect(deckhouseDefault.truncation).toMatchObject({ maxEventBytes: 102400 });
    const off = JSON.parse(
      (await runInProcess(['simulate', '--deckhouse', '--no-truncate', '--json', F('audit.log')])).stdout,
    );
    expect(off.truncation).toBeNull();
    const stdout = JSON.parse(
      (
        await runInProcess([
          'simulate',
          '--deckhouse',
          '--audit-log-output',
          'Stdout',
          '--json',
          F('audit.log'),
        ])
      ).stdout,
    );
    expect(stdout.truncation).toBeNull();
    const plain = JSON.parse(
      (await runInProcess(['simulate', '--policy', F('policy.yaml'), '--json', F('audit.log')])).stdout,
    );
    expect(plain.truncation).toBeNull();
    expect(
      (await runInProcess(['simulate', '--deckhouse', '--truncate', '--no-truncate', F('audit.log')])).code,
    ).toBe(2);
    const on = await runInProcess([
      'simulate',
      '--deckhouse',
      '--truncate',
      '--truncate-max-event-bytes',
      '600',
      F('audit.log'),
    ]);
    expect(on.code).toBe(0);
    expect(on.stdout).toMatch(/^Truncation \(events over 600 bytes\): \d+ lost their bodies, \d+ dropped$/m);
    const json = JSON.parse(
      (await runInProcess(['simulate', '--deckhouse', '--truncate', '--json', F('audit.log')])).stdout,
    );
    expect(json.truncation).toMatchObject({ maxEventBytes: 102400, truncated: 0, dropped: 0 });
    expect(
      (await runInProcess(['simulate', '--deckhouse', '--truncate-max-event-bytes', '600', F('audit.log')]))
        .code,
    ).toBe(2);
  });

  test("--deckhouse on the container's log (auditLog.output Stdout) sizes a 150 KB event whole: Deckhouse sets --audit-log-truncate-enabled only for File", async () => {
    // A Pod create, which the built-in rules record at Request, with 150,000 characters of annotation.
    const event = {
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level: 'Request',
      auditID: '3b4f7c1e-8d2a-4c55-9e10-7a1d2c3b4e5f',
      stage: 'ResponseComplete',
      requestURI: '/api/v1/namespaces/prod/pods?fieldManager=kubectl-create',
      verb: 'create',
      user: { username: 'alice@example.com', groups: ['system:authenticated'] },
      sourceIPs: ['10.12.0.5'],
      objectRef: { resource: 'pods', namespace: 'prod', name: 'web', apiVersion: 'v1' },
      responseStatus: { metadata: {}, code: 201 },
      requestObject: {
        kind: 'Pod',
        apiVersion: 'v1',
        metadata: { name: 'web', annotations: { a: 'x'.repeat(150000) } },
      },
      requestReceivedTimestamp: '2026-12-01T10:00:00.000000Z',
      stageTimestamp: '2026-12-01T10:00:00.100000Z',
    };
    const line = JSON.stringify(event);
    const cri = `2026-12-01T10:00:00.123456789Z stdout F ${line}\n`;
    const stdout = await runInProcess(['simulate', '--deckhouse', '--json', '-'], { stdin: cri });
    const r = JSON.parse(stdout.stdout);
    expect(r.retention.output).toBe('Stdout');
    expect(r.truncation).toBeNull();
    expect(r.written.bytes).toBe(Buffer.byteLength(line) + 1);
    // The same event in the audit log file (File output) loses its body.
    const file = JSON.parse(
      (await runInProcess(['simulate', '--deckhouse', '--json', '-'], { stdin: line + '\n' })).stdout,
    );
    expect(file.truncation).toEqual({ maxEventBytes: 102400, truncated: 1, dropped: 0 });
    expect(file.written.bytes).toBeLessThan(1000);
  });

  test('the human report: levels, written bytes, rule hits with layers, top lists, retention, warnings', async () => {
    const run = await runInProcess(['simulate', '--deckhouse', '--policy', F('secret.yaml'), F('audit.log')]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain(
      `Policy:    Deckhouse built-in rules + ${F('secret.yaml')}[data.audit-policy.yaml] + tail rules`,
    );
    expect(out).toMatch(/^level +decided +written +bytes +share$/m);
    expect(out).toMatch(/^None +\d+ +- +- +-$/m);
    expect(out).toMatch(/^Retention: 30 d \(limited by age: 30 days\)$/m);
    // One label per rule, as in every message: "#n" inside its layer, rules[i] in the merged policy.
    expect(out).toMatch(/^rule +level +hits +written +bytes +share +what$/m);
    expect(out).toMatch(/^your rule #1 \(rules\[27\]\) +Request +2 +1 /m);
    expect(out).toContain('Top users by written bytes:');
    expect(out).toContain('Top resources by written bytes:');
    expect(out).toContain(`1 malformed line skipped: ${F('audit.log')}:7: not JSON`);
    expect(out).toContain('1 Pod create request uses an image without an @sha256 digest');
  });

  test('--deckhouse alone replays the 29 built-in rules', async () => {
    const r = JSON.parse((await runInProcess(['simulate', '--deckhouse', '--json', F('audit.log')])).stdout);
    expect(r.policy).toBe('Deckhouse built-in rules + tail rules');
    expect(r.rules).toHaveLength(29);
    expect(new Set(r.rules.map((x: { layer: string }) => x.layer))).toEqual(
      new Set(['basic', 'virtualization', 'tail']),
    );
    expect(r.events).toBe(8);
  });

  test('a progress bar is drawn on stderr only when it is a terminal', async () => {
    const tty = await runInProcess(['simulate', '--deckhouse', F('audit.log')], { isTTY: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('\r\x1b[2K');
    const plain = await runInProcess(['simulate', '--deckhouse', F('audit.log')]);
    expect(plain.stderr).toBe('');
  });

  test('a log with no event at all exits 1; a missing log is an error, not a crash', async () => {
    const junk = await runInProcess(['simulate', '--deckhouse', '-'], { stdin: 'hello\nworld\n' });
    expect(junk.code).toBe(1);
    expect(junk.stderr).toContain('no audit event could be read');
    const missing = await runInProcess(['simulate', '--deckhouse', F('no-such.log')]);
    expect(missing.code).toBe(1);
    // Worded like validate's per-file result: FILE: no such file.
    expect(missing.stderr).toMatch(
      /^deckhouse-audit simulate: .*no-such\.log: no such file\n {4}fix: check the path\n$/,
    );
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  test('usage errors exit 2', async () => {
    expect((await runInProcess(['simulate', '--deckhouse'])).code).toBe(2);
    expect((await runInProcess(['simulate', F('audit.log')])).code).toBe(2);
    const size = await runInProcess(['simulate', '--deckhouse', '--max-size-mb', 'big', F('audit.log')]);
    expect(size.code).toBe(2);
    expect(size.stderr).toContain("--max-size-mb needs a non-negative number, got 'big'");
    expect(
      (await runInProcess(['simulate', '--deckhouse', '--max-backups', '1.5', F('audit.log')])).code,
    ).toBe(2);
    const json = await runInProcess(['simulate', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: { kind: 'usage', message: expect.any(String) } });
  });

  test("no event read: an empty input, and one of kube-apiserver's own log lines only, say which", async () => {
    const klog = [
      'I1201 10:00:00.000000       1 server.go:100] Serving securely on [::]:6443',
      '2026-12-01T10:00:01.000000000Z stderr F W1201 10:00:01.000000       1 dispatcher.go:217] Failed calling webhook',
    ];
    const cases: Array<[string, string]> = [
      ['', 'deckhouse-audit simulate: the input is empty (read: <stdin>: empty)\n'],
      [
        '\n  \n',
        'deckhouse-audit simulate: the input holds only blank lines (read: <stdin>: 4 bytes, no line)\n',
      ],
      // What a crash leaves of a file being written: its length, filled with zero bytes.
      [
        '\0'.repeat(4096),
        'deckhouse-audit simulate: the input holds only zero bytes (NUL) and blank lines, as a node crash or power ' +
          'loss leaves a file that was being written, or it is not a log (read: <stdin>: 4096 bytes, no line)\n' +
          '    fix: replay the other rotated files (audit-*.log) of that master, or the log of another master\n',
      ],
      [
        klog[0] + '\n',
        "deckhouse-audit simulate: the input holds no audit event, only kube-apiserver's own log lines (klog, stderr): " +
          'with auditLog.output File the events are in /var/log/kube-audit/audit.log on each master, not in kubectl logs ' +
          '(read: <stdin>: 1 kube-apiserver log line)\n',
      ],
      [
        klog[1] + '\n',
        "deckhouse-audit simulate: the input holds no audit event, only kube-apiserver's own log lines (klog, stderr): " +
          'with auditLog.output File the events are in /var/log/kube-audit/audit.log on each master, not in kubectl logs ' +
          '(read: <stdin>: 1 container log line)\n',
      ],
    ];
    for (const [input, message] of cases) {
      const run = await runInProcess(['simulate', '--deckhouse', '-'], { stdin: Buffer.from(input) });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(message);
    }
  });

  test('no event read is an error in every output: text, --json, diff and diff --json agree (exit 1, no zeros)', async () => {
    const pa = F('../replay/policy-a.yaml');
    const pb = F('../replay/policy-b.yaml');
    // Records a shipper forwarded from another application: JSON, but no audit event among them.
    const foreign =
      '{"@timestamp":"2026-12-01T10:00:00.000Z","log":{"level":"info"},"message":"GET /healthz 200"}\n' +
      '{"@timestamp":"2026-12-01T10:00:01.000Z","log":{"level":"info"},"message":"GET /readyz 200"}\n';
    for (const stdin of ['', foreign]) {
      const runs = [
        await runInProcess(['simulate', '--deckhouse', '-'], { stdin }),
        await runInProcess(['simulate', '--deckhouse', '--json', '-'], { stdin }),
        await runInProcess(['diff', '--policy', pa, '--policy', pb, '-'], { stdin }),
        await runInProcess(['diff', '--policy', pa, '--policy', pb, '--json', '-'], { stdin }),
      ];
      expect(runs.map((r) => r.code)).toEqual([1, 1, 1, 1]);
      expect([runs[0].stdout, runs[2].stdout]).toEqual(['', '']);
      for (const json of [runs[1], runs[3]]) {
        const doc = JSON.parse(json.stdout) as { error: { kind: string; message: string }; events?: number };
        expect(doc.events).toBeUndefined();
        expect(doc.error.kind).toBe('input');
        expect(doc.error.message).toContain(
          stdin === ''
            ? 'the input is empty (read: <stdin>: empty)'
            : '2 malformed lines (read: <stdin>: 2 lines, 2 malformed)',
        );
      }
      if (stdin !== '') {
        expect(runs[0].stderr).toMatch(/^<stdin>:1: message: not JSON/m);
        expect(JSON.parse(runs[1].stdout).error.problems[0]).toMatchObject({ label: '<stdin>', line: 1 });
      }
    }
  });
});
