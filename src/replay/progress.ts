import { formatBytes } from './format-bytes';
import type { ReplayProgress } from './types';

export { formatBytes };

/** Formats seconds as `m:ss` or `h:mm:ss`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)}M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)}k`;
  return perSecond.toFixed(0);
}

/** One line of progress text: bar and percentage when the total is known, bytes read, events/s and ETA. */
export function renderProgress(p: ReplayProgress, width = 24): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.events / seconds : 0;
  const parts: string[] = [];
  if (p.totalBytes !== undefined && p.totalBytes > 0) {
    const ratio = Math.min(1, p.bytesRead / p.totalBytes);
    const filled = Math.round(ratio * width);
    parts.push(
      `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%`,
    );
    parts.push(`${formatBytes(p.bytesRead)} / ${formatBytes(p.totalBytes)}`);
  } else {
    parts.push(`${formatBytes(p.bytesRead)} read`);
  }
  parts.push(`${formatRate(p.events)} events`, `${formatRate(rate)} events/s`);
  if (p.totalBytes !== undefined && p.totalBytes > 0 && p.bytesRead > 0 && !p.done) {
    const eta = (seconds * (p.totalBytes - p.bytesRead)) / p.bytesRead;
    parts.push(`ETA ${formatDuration(eta)}`);
  }
  if (p.sourceCount > 1) parts.push(`(${p.sourceIndex + 1}/${p.sourceCount} ${p.source})`);
  return parts.join('  ');
}

/** A terminal stream as far as progress drawing needs it (process.stderr fits). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

/**
 * A progress callback that redraws one line on `stream` at most every `intervalMs` and clears it when the
 * replay is done; undefined when `stream` is not a TTY (progress then stays silent, keeping logs clean).
 */
export function createProgressReporter(
  stream: ProgressStream = process.stderr,
  options: { intervalMs?: number; force?: boolean } = {},
): ((p: ReplayProgress) => void) | undefined {
  if (!stream.isTTY && !options.force) return undefined;
  const interval = options.intervalMs ?? 100;
  let last = 0;
  let drawn = false;
  return (p) => {
    if (p.done) {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
      return;
    }
    const now = Date.now();
    if (now - last < interval) return;
    last = now;
    let text = renderProgress(p);
    const columns = stream.columns ?? 0;
    if (columns > 0 && text.length >= columns) text = text.slice(0, columns - 1);
    stream.write(`\r\x1b[2K${text}`);
    drawn = true;
  };
}
