import { isKubernetesVersionAtLeast } from '../policy/version';
import { DECKHOUSE_ROTATION, RetentionEstimate, RotationSettings } from './types';
import type { ContainerLogRotation } from './types';

/** lumberjack (kube-apiserver's rotating writer) counts MaxSize in mebibytes. */
const MEGABYTE = 1024 * 1024;

/** lumberjack's size when MaxSize is 0 (`defaultMaxSize`), which kube-apiserver passed on up to 1.35. */
export const LUMBERJACK_DEFAULT_MAX_SIZE_MB = 100;

/**
 * From this release `--audit-log-maxsize=0` disables rotation and nothing is deleted (kubernetes PR
 * #136478); before it, 0 reached lumberjack and meant its 100 MB default.
 */
export const MAXSIZE_ZERO_DISABLES_ROTATION_SINCE = '1.36';

/**
 * The kubelet's container-log rotation on Deckhouse nodes: NodeGroup `spec.kubelet.containerLogMaxSize`
 * (default `50Mi`) × `containerLogMaxFiles` (default 4), from Deckhouse's NodeGroup CRD
 * (modules/040-node-manager). The kubelet rotates by size only, and keeps MaxFiles files including the
 * live one.
 */
export const DECKHOUSE_CONTAINER_LOG: Readonly<ContainerLogRotation> = Object.freeze({
  maxSizeBytes: 50 * MEGABYTE,
  maxFiles: 4,
});

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

/** Fills unset container-log rotation fields with Deckhouse's NodeGroup defaults and rejects nonsense. */
export function resolveContainerLog(rotation: Partial<ContainerLogRotation> = {}): ContainerLogRotation {
  const r: ContainerLogRotation = {
    maxSizeBytes: rotation.maxSizeBytes ?? DECKHOUSE_CONTAINER_LOG.maxSizeBytes,
    maxFiles: rotation.maxFiles ?? DECKHOUSE_CONTAINER_LOG.maxFiles,
  };
  if (!Number.isFinite(r.maxSizeBytes) || r.maxSizeBytes <= 0) {
    throw new RangeError(
      `containerLog.maxSizeBytes must be a positive number, got ${String(r.maxSizeBytes)}`,
    );
  }
  // The kubelet refuses containerLogMaxFiles below 2 (kubelet config validation).
  if (!Number.isInteger(r.maxFiles) || r.maxFiles < 2) {
    throw new RangeError(
      `containerLog.maxFiles must be a whole number of at least 2, got ${String(r.maxFiles)}`,
    );
  }
  return r;
}

/** What decides how much history is kept. */
export interface RetentionContext {
  /** Kubernetes version of the cluster (decides what `--audit-log-maxsize=0` means). @default '1.32' */
  kubernetesVersion?: string;
  /** `auditLog.output`: File (kube-apiserver rotates) or Stdout (the kubelet's container log). @default 'File' */
  output?: 'File' | 'Stdout';
  /** With Stdout: the kubelet's rotation. @default - DECKHOUSE_CONTAINER_LOG */
  containerLog?: Partial<ContainerLogRotation>;
  /** With Stdout: bytes per day of the container-log framing of the written events. @default 0 */
  framingBytesPerDay?: number | null;
  /** With Stdout: bytes per day of kube-apiserver's own log lines in the same file; null = unknown. */
  otherBytesPerDay?: number | null;
}

/**
 * How long history lasts with the audit log growing at `bytesPerDay`.
 *
 * File output (kube-apiserver's lumberjack rotation): the live file plus `maxBackups` rotated files of
 * `maxSizeMB` each, rotated files older than `maxAgeDays` deleted; 0 backups or 0 days mean no limit of that
 * kind. `maxSizeMB` 0 means lumberjack's 100 MB up to Kubernetes 1.35 and no rotation at all from 1.36
 * (nothing is ever deleted: `unbounded`).
 *
 * Stdout output: events are lines of the kube-apiserver container's log, kept by the kubelet's rotation
 * (`maxFiles` × `maxSizeBytes`, size only) and shared with the apiserver's own log lines and the runtime's
 * line framing, which count against the same files.
 *
 * `hours` is the history available just before a rotation (all files full), `minHours` right after one (the
 * live file empty: lumberjack and the kubelet both start it anew); null when unknown or unbounded.
 */
export function estimateRetention(
  bytesPerDay: number | null,
  rotation: RotationSettings,
  context: RetentionContext = {},
): RetentionEstimate {
  if (context.output === 'Stdout') return containerLogRetention(bytesPerDay, rotation, context);
  let sizeMB = rotation.maxSizeMB;
  let note: string | undefined;
  if (sizeMB === 0) {
    const version = context.kubernetesVersion ?? '1.32';
    if (isKubernetesVersionAtLeast(version, MAXSIZE_ZERO_DISABLES_ROTATION_SINCE)) {
      return {
        hours: null,
        minHours: null,
        limitedBy: null,
        capacityBytes: null,
        rotation,
        output: 'File',
        unbounded: true,
        note: `--audit-log-maxsize=0 disables rotation from Kubernetes ${MAXSIZE_ZERO_DISABLES_ROTATION_SINCE}: nothing is deleted`,
      };
    }
    sizeMB = LUMBERJACK_DEFAULT_MAX_SIZE_MB;
    note = `--audit-log-maxsize=0 means lumberjack's ${LUMBERJACK_DEFAULT_MAX_SIZE_MB} MB before Kubernetes ${MAXSIZE_ZERO_DISABLES_ROTATION_SINCE}`;
  }
  const bounded = rotation.maxBackups > 0;
  const capacity = bounded ? (rotation.maxBackups + 1) * sizeMB * MEGABYTE : Infinity;
  const base = {
    capacityBytes: bounded ? capacity : null,
    rotation,
    output: 'File' as const,
    unbounded: !bounded && rotation.maxAgeDays === 0,
    ...(note === undefined ? {} : { note }),
  };
  const ageHours = rotation.maxAgeDays > 0 ? rotation.maxAgeDays * 24 : Infinity;
  if (bytesPerDay === null) return { hours: null, minHours: null, limitedBy: null, ...base };
  const sizeHours = bytesPerDay > 0 ? (capacity / bytesPerDay) * 24 : Infinity;
  if (sizeHours === Infinity && ageHours === Infinity)
    return { hours: null, minHours: null, limitedBy: null, ...base };
  // Right after a rotation the maxBackups rotated files hold all the history (an age limit counts from a
  // file's rotation, so it keeps at least maxAgeDays of it).
  const minSizeHours = bounded ? sizeHours * (rotation.maxBackups / (rotation.maxBackups + 1)) : Infinity;
  const minHours = Math.min(minSizeHours, ageHours);
  return sizeHours < ageHours
    ? { hours: sizeHours, minHours, limitedBy: 'size', ...base }
    : { hours: ageHours, minHours, limitedBy: 'age', ...base };
}

function containerLogRetention(
  bytesPerDay: number | null,
  rotation: RotationSettings,
  context: RetentionContext,
): RetentionEstimate {
  const containerLog = resolveContainerLog(context.containerLog);
  const capacity = containerLog.maxSizeBytes * containerLog.maxFiles;
  const framing = context.framingBytesPerDay ?? 0;
  const other = context.otherBytesPerDay ?? null;
  const base = {
    capacityBytes: capacity,
    rotation,
    output: 'Stdout' as const,
    unbounded: false,
    containerLog: { ...containerLog, framingBytesPerDay: framing, otherBytesPerDay: other },
  };
  if (bytesPerDay === null) return { hours: null, minHours: null, limitedBy: null, ...base };
  const total = bytesPerDay + (framing ?? 0) + (other ?? 0);
  if (total <= 0) return { hours: null, minHours: null, limitedBy: null, ...base };
  const hours = (capacity / total) * 24;
  // The kubelet's maxFiles include the live file: right after a rotation maxFiles - 1 hold the history.
  const minHours = hours * ((containerLog.maxFiles - 1) / containerLog.maxFiles);
  return { hours, minHours, limitedBy: 'size', ...base };
}
