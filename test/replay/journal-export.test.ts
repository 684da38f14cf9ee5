import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { simulate, SimulationReport } from '../../src/replay';
import { JOURNAL_NULL_MESSAGE } from '../../src/replay/journal-record';
import { FIXTURES, policyA } from './fixtures';

// kube-apiserver run as a systemd unit (kubeadm-less installs, or a runtime logging to journald) with
// --audit-log-path=- leaves its events in the journal; `journalctl -u kube-apiserver -o json` prints one entry a
// line: the journal's fields (systemd.journal-fields(7): __CURSOR, __REALTIME_TIMESTAMP, _TRANSPORT,
// SYSLOG_IDENTIFIER, _SYSTEMD_UNIT, PRIORITY, MESSAGE…), the line the process wrote in MESSAGE. journalctl
// (src/shared/logs-show.c, JSON_THRESHOLD) writes a value over 4096 bytes as null unless --all is given, and a
// value that is not printable UTF-8 as an array of its bytes.

const LINES = fs
  .readFileSync(path.join(FIXTURES, 'cloud-exports/events.log'), 'utf8')
  .split('\n')
  .filter((l) => l !== '');
const KLOG =
  'I1201 10:00:00.000000    1234 controller.go:615] quota admission added evaluator for: leases.coordination.k8s.io';

function entry(i: number, message: unknown): string {
  return JSON.stringify({
    __CURSOR: `s=5d3b1c2e4f6a;i=${(0x1a2b + i).toString(16)};b=0c1d2e3f;m=${(1000 + i).toString(16)};t=62b1;x=9f`,
    __REALTIME_TIMESTAMP: String(1764583200000000 + i * 1000),
    __MONOTONIC_TIMESTAMP: String(123456789 + i),
    _BOOT_ID: '0c1d2e3f40516273849500a1b2c3d4e5',
    _TRANSPORT: 'stdout',
    PRIORITY: '6',
    SYSLOG_FACILITY: '3',
    SYSLOG_IDENTIFIER: 'kube-apiserver',
    _PID: '1234',
    _COMM: 'kube-apiserver',
    _SYSTEMD_UNIT: 'kube-apiserver.service',
    _HOSTNAME: 'master-0',
    MESSAGE: message,
  });
}

const replay = (text: string): Promise<SimulationReport> =>
  simulate([{ name: 'journal.json', stream: Readable.from([Buffer.from(text)]) }], { policy: policyA() });

let plain: SimulationReport;
beforeAll(async () => {
  plain = await replay(LINES.join('\n') + '\n');
});

describe('journalctl -o json', () => {
  test('each MESSAGE is the event: the same report as the lines themselves', async () => {
    const r = await replay(LINES.map((l, i) => entry(i, l)).join('\n') + '\n');
    expect(r.events).toBe(6);
    expect(r.written).toEqual(plain.written);
    expect(r.decided).toEqual(plain.decided);
    expect(r.malformed.count).toBe(0);
    expect(r.sources[0].warnings).toEqual([]);
  });

  test("kube-apiserver's own klog lines in MESSAGE are counted apart, not malformed", async () => {
    const r = await replay([entry(0, KLOG), ...LINES.map((l, i) => entry(i + 1, l))].join('\n') + '\n');
    expect(r.events).toBe(6);
    expect(r.malformed.count).toBe(0);
    expect(r.sources[0].otherLines).toBe(1);
  });

  test('a MESSAGE written as bytes (not printable UTF-8) is decoded', async () => {
    const bytes = [...Buffer.from(LINES[1])];
    const r = await replay(LINES.map((l, i) => entry(i, i === 1 ? bytes : l)).join('\n') + '\n');
    expect(r.events).toBe(6);
    expect(r.written).toEqual(plain.written);
  });

  test('a MESSAGE over 4096 bytes, null without --all: malformed with the reason and the fix', async () => {
    const r = await replay([...LINES.map((l, i) => entry(i, l)), entry(6, null)].join('\n') + '\n');
    expect(r.events).toBe(6);
    expect(r.malformed.lines).toEqual([{ source: 'journal.json', line: 7, reason: JOURNAL_NULL_MESSAGE }]);
    expect(JOURNAL_NULL_MESSAGE).toContain('journalctl -o json --all');
  });

  test('a record that only looks alike (no __CURSOR or __REALTIME_TIMESTAMP) is not taken for a journal entry', async () => {
    const r = await replay(`${JSON.stringify({ MESSAGE: null, host: 'x' })}\n${LINES[0]}\n`);
    expect(r.events).toBe(1);
    expect(r.malformed.lines[0].reason).toMatch(/^not an audit event, nor a record holding one/);
  });
});

describe('journalctl text output (short, short-precise, short-iso) and syslog files', () => {
  // journalctl(1): `short`, the default, writes each entry as a classic syslog line, `<Mmm dd hh:mm:ss> <host>
  // <identifier>[<pid>]: <MESSAGE>`; `short-precise` adds microseconds, `short-iso` writes an ISO 8601 time.
  const headers = [
    'Dec 01 10:00:00 master-0 kube-apiserver[1234]: ',
    'Dec  1 10:00:00.123456 master-0 kube-apiserver[1234]: ',
    '2026-12-01T10:00:00+0000 master-0 kube-apiserver[1234]: ',
  ];
  test.each(headers)(
    "kube-apiserver's klog lines behind `%s` are its own log, not malformed",
    async (header) => {
      const r = await replay(
        [header + KLOG, ...LINES.map((l) => header + l), header + KLOG].join('\n') + '\n',
      );
      expect(r.events).toBe(6);
      expect(r.written).toEqual(plain.written);
      expect(r.malformed.count).toBe(0);
      expect(r.sources[0].otherLines).toBe(2);
    },
  );

  test('another line behind such a header stays malformed', async () => {
    const r = await replay([`${headers[0]}Started Kubernetes API Server.`, ...LINES].join('\n') + '\n');
    expect(r.events).toBe(6);
    expect(r.malformed.count).toBe(1);
    expect(r.sources[0].otherLines).toBe(0);
  });
});
