import { DECKHOUSE_ROTATION, RetentionEstimate, RotationSettings } from './types';

/** lumberjack (kube-apiserver's rotating writer) counts MaxSize in mebibytes. */
const MEGABYTE = 1024 * 1024;

/** Fills unset rotation fields with Deckhouse's values and rejects nonsense. */
export function resolveRotation(rotation: Partial<RotationSettings> = {}): RotationSettings {
  const r: RotationSettings = {
    maxSizeMB: rotation.maxSizeMB ?? DECKHOUSE_ROTATION.maxSizeMB,
    maxBackups: rotation.maxBackups ?? DECKHOUSE_ROTATION.maxBackups,
    maxAgeDays: rotation.maxAgeDays ?? DECKHOUSE_ROTATION.maxAgeDays,
  };
  for (const [key, value] of Object.entries(r)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`rotation.${key} must be a non-negative number, got ${String(value)}`);
    }
  }
  return r;
}

/**
 * How long history lasts with the log growing at `bytesPerDay`: the live file plus `maxBackups` rotated
 * files of `maxSizeMB` each, and rotated files older than `maxAgeDays` deleted. As in lumberjack, 0 backups
 * or 0 days mean no limit of that kind; 0 MB means no size rotation (kube-apiserver 1.36+). `hours` is the
 * history available just before a rotation (all files full).
 */
export function estimateRetention(bytesPerDay: number | null, rotation: RotationSettings): RetentionEstimate {
  const bounded = rotation.maxBackups > 0 && rotation.maxSizeMB > 0;
  const capacity = bounded ? (rotation.maxBackups + 1) * rotation.maxSizeMB * MEGABYTE : Infinity;
  const capacityBytes = bounded ? capacity : null;
  const ageHours = rotation.maxAgeDays > 0 ? rotation.maxAgeDays * 24 : Infinity;
  if (bytesPerDay === null) return { hours: null, limitedBy: null, capacityBytes, rotation };
  const sizeHours = bytesPerDay > 0 ? (capacity / bytesPerDay) * 24 : Infinity;
  if (sizeHours === Infinity && ageHours === Infinity) {
    return { hours: null, limitedBy: null, capacityBytes, rotation };
  }
  return sizeHours < ageHours
    ? { hours: sizeHours, limitedBy: 'size', capacityBytes, rotation }
    : { hours: ageHours, limitedBy: 'age', capacityBytes, rotation };
}
