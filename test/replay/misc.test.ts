import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import type { Policy } from '../../src/policy/types';
import {
  createProgressReporter,
  createReplayAccumulator,
  estimateRetention,
  renderProgress,
  resolveRotation,
  simulate,
} from '../../src/replay';
import { FIXTURES, LINES, LOG, MiB, policyA } from './fixtures';

const ROOT = path.resolve(__dirname, '../..');

describe('retention', () => {
  const deckhouse = resolveRotation();

  test('Deckhouse rotation: 11 files of 100 MiB, 30 days', () => {
    expect(deckhouse).toEqual({ maxSizeMB: 100, maxBackups: 10, maxAgeDays: 30 });
    // 100 MiB a day fills 1100 MiB in 11 days = 264 hours, before the 720-hour age limit.
    expect(estimateRetention(100 * MiB, deckhouse)).toMatchObject({
      hours: 264,
      limitedBy: 'size',
      capacityBytes: 1100 * MiB,
    });
    // 10 MiB a day would last 110 days; rotated files are deleted after 30 days.
    expect(estimateRetention(10 * MiB, deckhouse)).toMatchObject({ hours: 720, limitedBy: 'age' });
  });

  test('0 backups or 0 MB mean no size limit, 0 days no age limit (lumberjack)', () => {
    expect(estimateRetention(100 * MiB, resolveRotation({ maxBackups: 0 }))).toMatchObject({
      hours: 720,
      limitedBy: 'age',
      capacityBytes: null,
    });
    expect(estimateRetention(100 * MiB, resolveRotation({ maxAgeDays: 0 }))).toMatchObject({
      hours: 264,
      limitedBy: 'size',
    });
    expect(estimateRetention(0, resolveRotation({ maxAgeDays: 0 }))).toMatchObject({
      hours: null,
      limitedBy: null,
    });
    expect(estimateRetention(null, deckhouse)).toMatchObject({ hours: null, limitedBy: null });
  });

  test('bad rotation settings are rejected', () => {
    expect(() => resolveRotation({ maxSizeMB: -1 })).toThrow(
      /rotation.maxSizeMB must be a non-negative number/,
    );
  });

  test('simulate with small files: size-limited', async () => {
    const r = await simulate([LOG], { policy: policyA(), rotation: { maxSizeMB: 1, maxBackups: 1 } });
    // 2 files of 1 MiB at (written bytes × 24) a day (the log spans one hour).
    expect(r.retention.limitedBy).toBe('size');
    expect(r.retention.capacityBytes).toBe(2 * MiB);
    expect(r.retention.hours).toBeCloseTo((2 * MiB) / r.written.bytes, 9);
  });

  test('a zero time span with written bytes: rate unknown', async () => {
    // Line 6 (/healthz) has equal received and stage timestamps.
    const r = await simulate([Readable.from([LINES[5]])], { policy: policyA() });
    expect(r.written.events).toBe(1);
    expect(r.span.seconds).toBe(0);
    expect(r.bytesPerDay).toBeNull();
    expect(r.retention).toMatchObject({ hours: null, limitedBy: null });
  });
});

describe('effective Deckhouse policy', () => {
  test('every rule is reported with its layer and index inside the layer', async () => {
    const effective = deckhouseEffectivePolicy({ customPolicy: policyA() });
    const r = await simulate([LOG], { policy: effective });
    expect(r.rules).toHaveLength(effective.policy.rules.length);
    r.rules.forEach((rule, i) => {
      expect(rule.index).toBe(i);
      expect({ layer: rule.layer, index: rule.layerIndex }).toEqual(effective.origins[i]);
    });
    const layers = [...new Set(r.rules.map((x) => x.layer))];
    expect(layers).toEqual(['basic', 'virtualization', 'custom', 'tail']);
    // Every event is decided by exactly one rule or by none.
    expect(r.rules.reduce((n, x) => n + x.hits, 0) + r.unmatched).toBe(r.events);
    // Built-in rules carry their titles; custom ones do not.
    expect(r.rules[r.rules.length - 1].title).toBe('everything else (unauthenticated) at Metadata');
    expect(r.rules.filter((x) => x.layer === 'custom').every((x) => x.title === undefined)).toBe(true);
    expect(r.rules.filter((x) => x.layer !== 'custom').every((x) => typeof x.title === 'string')).toBe(true);
    // The tail's catch-all Metadata rule leaves nothing unmatched.
    expect(r.unmatched).toBe(0);
  });

  test('audit disabled (no basic rules, no custom policy): nothing is written', async () => {
    const r = await simulate([LOG], { policy: deckhouseEffectivePolicy({ basicAuditPolicyEnabled: false }) });
    expect(r.rules).toEqual([]);
    expect(r.decided.None).toBe(13);
    expect(r.written).toMatchObject({ events: 0, bytes: 0 });
  });
});

describe('createReplayAccumulator', () => {
  test('incremental lines give the same report as simulate', async () => {
    const acc = createReplayAccumulator(policyA());
    LINES.forEach((line, i) => acc.addLine(line, i + 1, LOG));
    const fromFile = await simulate([LOG], { policy: policyA() });
    expect({ ...acc.report(), sources: [] }).toEqual({
      ...fromFile,
      sources: [],
    });
    expect(acc.report().sources).toEqual([
      {
        source: LOG,
        gzip: false,
        bytes: 0,
        lines: 16,
        events: 13,
        malformed: 3,
        criLines: 0,
        criStderrBytes: 0,
        otherLines: 0,
        legacyLines: 0,
        warnings: [],
        threads: 1,
      },
    ]);
  });
});

describe("'-' reads standard input", () => {
  test('in a child process', () => {
    const script = [
      `const { simulate } = require(${JSON.stringify(path.join(ROOT, 'src/replay'))});`,
      `const { loadPolicy } = require(${JSON.stringify(path.join(ROOT, 'src/policy/parse'))});`,
      `const fs = require('fs');`,
      `const policy = loadPolicy(fs.readFileSync(${JSON.stringify(path.join(FIXTURES, 'policy-a.yaml'))}, 'utf8')).policy;`,
      `simulate(['-'], { policy }).then((r) => console.log(JSON.stringify(r)));`,
    ].join('\n');
    const child = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '-e', script],
      {
        input: fs.readFileSync(LOG),
        encoding: 'utf8',
      },
    );
    expect(child.stderr).toBe('');
    const r = JSON.parse(child.stdout);
    expect(r.events).toBe(13);
    expect(r.written.events).toBe(9);
    expect(r.sources[0]).toMatchObject({ source: '<stdin>', gzip: false, bytes: fs.statSync(LOG).size });
    expect(r.malformed.lines[0]).toMatchObject({ source: '<stdin>', line: 11 });
  }, 30000);
});

describe('progress', () => {
  const p = {
    source: 'audit.log',
    sourceIndex: 0,
    sourceCount: 1,
    bytesRead: 256 * MiB,
    totalBytes: 1024 * MiB,
    lines: 200_000,
    events: 200_000,
    elapsedMs: 4000,
    done: false,
  };

  test('renders bar, bytes, events/s and ETA', () => {
    // A quarter read in 4 s: 12 s to go; 200k events in 4 s = 50k/s.
    expect(renderProgress(p, 8)).toBe(
      '[##------]  25%  256 MiB / 1.0 GiB  200.0k events  50.0k events/s  ETA 0:12',
    );
    expect(renderProgress({ ...p, totalBytes: undefined })).toBe(
      '256 MiB read  200.0k events  50.0k events/s',
    );
  });

  test('draws only on a TTY and clears the line when done', () => {
    expect(createProgressReporter({ isTTY: false, write: () => true })).toBeUndefined();
    const out: string[] = [];
    const report = createProgressReporter(
      { isTTY: true, columns: 200, write: (t) => out.push(t) > 0 },
      { intervalMs: 0 },
    )!;
    report(p);
    report({ ...p, done: true });
    expect(out[0].startsWith('\r\x1b[2K[')).toBe(true);
    expect(out[0]).toContain('25%');
    expect(out[1]).toBe('\r\x1b[2K');
  });
});

describe('lowSourceLevel: only bodies that would exist count', () => {
  test('per verb, stage and subresource', async () => {
    const ev = (
      verb: string,
      stage: string,
      ref?: Record<string, string>,
      uri = '/api/v1/namespaces/p/pods',
    ) =>
      JSON.stringify({
        kind: 'Event',
        apiVersion: 'audit.k8s.io/v1',
        level: 'Metadata',
        stage,
        verb,
        requestURI: uri,
        user: { username: 'u' },
        ...(ref ? { objectRef: ref } : {}),
      });
    const pods = { resource: 'pods', namespace: 'p', apiVersion: 'v1' };
    const log = [
      // The request URI is what decides (objectRef only repeats it).
      ev('get', 'ResponseComplete', { ...pods, name: 'a' }, '/api/v1/namespaces/p/pods/a'), // a: response object missing
      ev('watch', 'ResponseComplete', pods, '/api/v1/namespaces/p/pods?watch=1'), // b: watches have no response object
      ev(
        'get',
        'ResponseStarted',
        { ...pods, name: 'a', subresource: 'exec' },
        '/api/v1/namespaces/p/pods/a/exec',
      ), // c: no body at that stage
      ev('create', 'RequestReceived', pods), // d: no body yet
      ev('get', 'ResponseComplete', undefined, '/healthz'), // e: non-resource
      ev('create', 'ResponseComplete', pods), // f: request and response bodies missing
      ev(
        'get',
        'ResponseComplete',
        { ...pods, name: 'a', subresource: 'log' },
        '/api/v1/namespaces/p/pods/a/log',
      ), // g: log streams text
    ].join('\n');
    const all = (level: 'Request' | 'RequestResponse'): Policy => ({
      apiVersion: 'audit.k8s.io/v1',
      kind: 'Policy',
      rules: [{ level }],
    });
    const acc = (level: 'Request' | 'RequestResponse') => {
      const a = createReplayAccumulator(all(level));
      log.split('\n').forEach((line, i) => a.addLine(line, i + 1, 'inline'));
      return a.report();
    };
    // RequestResponse: a and f.
    expect(acc('RequestResponse').lowSourceLevel).toEqual({
      events: 2,
      byLevels: { 'Metadata->RequestResponse': 2 },
    });
    // Request: only f (a get sends no body).
    expect(acc('Request').lowSourceLevel).toEqual({ events: 1, byLevels: { 'Metadata->Request': 1 } });
  });
});

describe('request-line cache', () => {
  // kube-apiserver decides on the request line: a create's name is not in the URL (it comes from the body and
  // is added to objectRef afterwards), so a resourceNames rule does not match it (k8s-audit-semantics.md §4.4).
  const policy: Policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    rules: [
      { level: 'RequestResponse', resources: [{ group: '', resources: ['pods'], resourceNames: ['web'] }] },
      { level: 'Metadata' },
    ],
  };
  const event = (verb: string) =>
    JSON.stringify({
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level: 'Metadata',
      auditID: `id-${verb}`,
      stage: 'ResponseComplete',
      requestURI: '/api/v1/namespaces/x/pods',
      verb,
      user: { username: 'u', groups: ['system:authenticated'] },
      objectRef: { resource: 'pods', namespace: 'x', name: 'web', apiVersion: 'v1' },
      requestReceivedTimestamp: '2026-11-30T10:00:00.000000Z',
      stageTimestamp: '2026-11-30T10:00:00.100000Z',
    });

  test('an event whose verb no request has does not make later events of the same URI use objectRef', () => {
    const alone = createReplayAccumulator(policy);
    alone.addLine(event('create'), 1, 'inline');
    expect(alone.report().decided).toMatchObject({ Metadata: 1, RequestResponse: 0 });
    expect(alone.report().attributesFromObjectRef).toBe(0);

    const after = createReplayAccumulator(policy);
    after.addLine(event('bogus'), 1, 'inline');
    after.addLine(event('create'), 2, 'inline');
    // The first event has no URL reading (its verb maps to no method) and is decided on objectRef; the
    // second is decided on its request line, exactly as when it is alone.
    expect(after.report().attributesFromObjectRef).toBe(1);
    expect(after.report().decided).toMatchObject({ Metadata: 1, RequestResponse: 1 });
  });
});

describe('a log spanning part of a day', () => {
  const at = (time: string) =>
    JSON.stringify({
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level: 'Metadata',
      auditID: time,
      stage: 'ResponseComplete',
      requestURI: '/api/v1/namespaces/default/pods',
      verb: 'list',
      user: { username: 'alice' },
      requestReceivedTimestamp: time,
      stageTimestamp: time,
    });
  const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] };
  const warningsFor = async (times: string[]) => {
    const { simulationWarnings } = await import('../../src/cli/report');
    const r = await simulate([{ name: 'log', stream: Readable.from([times.map(at).join('\n') + '\n']) }], {
      policy,
    });
    return simulationWarnings(r).filter((w) => w.startsWith('the log spans only'));
  };

  test('a few seconds of log: bytes/day is said to be scaled up from them, not a daily figure', async () => {
    // 4 s of log scaled to a day is 21,600 times its bytes: the report says how short the sample is.
    expect(await warningsFor(['2026-12-01T10:00:00.000000Z', '2026-12-01T10:00:04.000000Z'])).toEqual([
      "the log spans only 4 s (2026-12-01T10:00:00.000000Z → 2026-12-01T10:00:04.000000Z): bytes/day and retention scale it up to whole days, but a cluster's load varies over a day (working hours, CronJobs, backups, controllers' resyncs); replay a day or more of log before relying on them",
    ]);
  });

  test('half a day or more, or no span at all (no rate), gets no such warning', async () => {
    expect(await warningsFor(['2026-12-01T00:00:00.000000Z', '2026-12-01T12:00:00.000000Z'])).toEqual([]);
    expect(await warningsFor(['2026-12-01T00:00:00.000000Z'])).toEqual([]);
  });
});
