import { estimateRetention, resolveRotation } from '../../src/replay';
import { retentionText } from '../../src/cli/report';

// How much history rotation keeps depends on when one looks. kube-apiserver's lumberjack writer renames the live
// file to a backup when the next write would pass --audit-log-maxsize and starts an empty one, keeping
// --audit-log-maxbackup backups: just before a rotation maxBackups + 1 full files hold history, right after it
// maxBackups (an event written just before a rotation is deleted after maxBackups more files). The kubelet keeps
// containerLogMaxFiles files of a container's log including the live one (rotated when it passes
// containerLogMaxSize): right after a rotation maxFiles - 1 hold history.

const MiB = 1024 * 1024;

describe('retention right after a rotation and just before one', () => {
  test('File, Deckhouse rotation (100 MiB, 10 backups): 10 full files to 11', () => {
    // 100 MiB a day: 11 days just before a rotation, 10 right after.
    const r = estimateRetention(100 * MiB, resolveRotation({ maxAgeDays: 0 }));
    expect(r.hours).toBe(11 * 24);
    expect(r.minHours).toBe(10 * 24);
    expect(retentionText(r)).toBe('10 d to 11 d (limited by size: 11 files × 100 MiB)');
  });

  test('File: the age limit keeps at least its days, whatever the size allows', () => {
    // 10 MiB a day fills 11 × 100 MiB in 110 days: the 30 days of --audit-log-maxage end history first.
    const r = estimateRetention(10 * MiB, resolveRotation({}));
    expect(r).toMatchObject({ hours: 720, minHours: 720, limitedBy: 'age' });
    expect(retentionText(r)).toBe('30 d (limited by age: 30 days)');
    // 36 MiB a day: 31.3 days just before a rotation (past the 30 days), 27.8 right after (under them).
    const near = estimateRetention(36 * MiB, resolveRotation({}));
    expect(near.hours).toBe(720);
    expect(near.minHours).toBeCloseTo(((10 * 100) / 36) * 24, 9);
  });

  test('Stdout: the kubelet keeps maxFiles files including the live one, 3 of 4 right after a rotation', () => {
    const r = estimateRetention(50 * MiB, resolveRotation({}), {
      output: 'Stdout',
      containerLog: { maxSizeBytes: 50 * MiB, maxFiles: 4 },
      framingBytesPerDay: 0,
      otherBytesPerDay: 0,
    });
    expect(r.hours).toBe(4 * 24);
    expect(r.minHours).toBe(3 * 24);
    expect(retentionText(r)).toBe(
      "3 d to 4 d (limited by the kubelet's container log: 4 files × 50 MiB, shared with kube-apiserver's own log lines, 0 B/day here)",
    );
  });

  test('no backups kept: the age limit alone', () => {
    const r = estimateRetention(100 * MiB, resolveRotation({ maxBackups: 0 }));
    expect(r).toMatchObject({ hours: 720, minHours: 720, limitedBy: 'age' });
  });

  test('a report saved before minHours existed reads as one figure', () => {
    const r = estimateRetention(100 * MiB, resolveRotation({ maxAgeDays: 0 }));
    delete r.minHours;
    expect(retentionText(r)).toBe('11 d (limited by size: 11 files × 100 MiB)');
  });
});
