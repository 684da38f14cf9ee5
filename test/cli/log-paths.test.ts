import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { runCli } from '../../src/cli/main';
import { fixture, runInProcess } from './helpers';

// A LOG list as it is typed on a master: the live file and the rotated ones kube-apiserver leaves beside it
// (lumberjack names a backup <name>-<time>.<ext>, time as 2006-01-02T15-04-05.000, UTC; `.gz` when compressed),
// or the directory itself. A path that cannot be read is named before the replay reads any LOG.

const POLICY = fixture('policy.yaml');
const LOG = fixture('audit.log');

let dir: string;
let logDir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'log-paths-'));
  logDir = path.join(dir, 'kube-audit');
  mkdirSync(logDir);
  writeFileSync(path.join(logDir, 'audit.log'), '');
  writeFileSync(path.join(logDir, 'audit-2026-12-01T10-00-00.000.log'), '');
  writeFileSync(path.join(logDir, 'audit-2026-11-30T10-00-00.000.log.gz'), gzipSync(''));
  mkdirSync(path.join(dir, 'empty'));
  symlinkSync(path.join(logDir, 'audit-2026-11-01T10-00-00.000.log'), path.join(dir, 'current.log'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LOG paths are checked before the replay', () => {
  test('the log directory: named, with its files and a glob for them', async () => {
    const run = await runInProcess(['simulate', '--policy', POLICY, LOG, logDir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `deckhouse-audit simulate: ${logDir}: is a directory, expected an audit log file\n` +
        `    fix: give the log files in it, e.g. ${logDir}/*.log ${logDir}/*.gz (3 there: ` +
        'audit-2026-11-30T10-00-00.000.log.gz, audit-2026-12-01T10-00-00.000.log, audit.log)\n',
    );
  });

  test('a directory without log files, in diff and with --json', async () => {
    const run = await runInProcess([
      'diff',
      '--policy',
      POLICY,
      '--deckhouse',
      '--json',
      path.join(dir, 'empty'),
    ]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        kind: 'input',
        message: `${path.join(dir, 'empty')}: is a directory, expected an audit log file`,
        fix: 'give the audit log files themselves (kube-apiserver writes audit.log and its rotated copies audit-<time>.log)',
      },
    });
  });

  test('a typo after a good LOG fails before the good one is read', async () => {
    const typo = path.join(dir, 'audit-2026-12-01T10-00-00.000.lgo');
    const run = await runInProcess(['simulate', '--policy', POLICY, LOG, typo], { isTTY: true });
    expect(run.code).toBe(1);
    // No progress bar was drawn: nothing was read.
    expect(run.stderr).toBe(`deckhouse-audit simulate: ${typo}: no such file\n    fix: check the path\n`);
  });

  test('a symbolic link whose target rotation removed is named as such', async () => {
    const link = path.join(dir, 'current.log');
    const run = await runInProcess(['simulate', '--policy', POLICY, link]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${link}: a symbolic link to ${path.join(logDir, 'audit-2026-11-01T10-00-00.000.log')}, which does not exist`,
    );
  });
});

describe('"-" when standard input is a terminal', () => {
  test('a note says what it waits for, then the pasted lines are replayed', async () => {
    // A terminal's stream (tty.ReadStream) has isTTY true; here the lines come as if pasted, then Ctrl-D.
    const stdin = Object.assign(Readable.from([readFileSync(LOG)]), { isTTY: true });
    const err: Buffer[] = [];
    const stderr = new PassThrough();
    stderr.on('data', (c: Buffer) => err.push(c));
    const code = await runCli(['simulate', '--policy', POLICY, '--json', '-'], {
      stdout: new PassThrough(),
      stderr,
      stdin,
      isTTY: false,
    });
    expect(code).toBe(0);
    expect(Buffer.concat(err).toString('utf8')).toBe(
      'note: reading the audit LOG "-" from standard input, which is a terminal: paste its lines and end with ' +
        'Ctrl-D, or pipe the log in (zcat audit-*.log.gz | deckhouse-audit … -)\n',
    );
  });

  test('piped in, no note', async () => {
    const run = await runInProcess(['simulate', '--policy', POLICY, '--json', '-'], {
      stdin: readFileSync(LOG),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});
