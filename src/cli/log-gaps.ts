import { estimateRetention } from '../replay/retention';
import type { SimulationReport } from '../replay/types';
import { formatBytes, formatHours } from './format';
import { retentionText } from './report';

/**
 * A log with long stretches in which no event was read (SpanResult.gaps). kube-apiserver writes events every
 * second on any cluster, so hours without one mostly mean the inputs are not one stretch of the log: files of
 * different days, rotated files left out between them, a shipper's outage. bytes/day divides the written bytes
 * by the whole span, gaps included, so it comes out too low and retention too long, the wrong way to be wrong;
 * a sparse log (a policy that records little, a quiet night) has gaps too, which is why the report keeps its
 * figures and names the rate while the log holds events beside them.
 */

/** Gaps over this share of the span change bytes/day enough to be said. */
const GAP_SHARE = 0.1;

/** Retention at the rate the log has while it holds events (`factor` times the span's rate), as a text. */
function retentionAt(report: SimulationReport, factor: number): string | undefined {
  const r = report.retention;
  if (r.unbounded || r.hours === null || report.bytesPerDay === null) return undefined;
  const c = r.containerLog;
  const scaled = estimateRetention(report.bytesPerDay * factor, r.rotation, {
    // Bounded with --audit-log-maxsize=0: lumberjack's default size, as before Kubernetes 1.36.
    kubernetesVersion: '1.35',
    output: r.output,
    // Stdout: the framing and the apiserver's own lines are rates over the same span as the events.
    ...(c === undefined
      ? {}
      : {
          containerLog: { maxSizeBytes: c.maxSizeBytes, maxFiles: c.maxFiles },
          framingBytesPerDay: c.framingBytesPerDay === null ? null : c.framingBytesPerDay * factor,
          otherBytesPerDay: c.otherBytesPerDay === null ? null : c.otherBytesPerDay * factor,
        }),
  });
  return scaled.hours === null ? undefined : retentionText(scaled).replace(/ \(.*$/, '');
}

/** Seconds of the span without any event, when they are a notable share of it; else undefined. */
export function notableGapSeconds(report: SimulationReport): number | undefined {
  const { span } = report;
  const gaps = span.gaps;
  if (gaps === undefined || span.seconds <= 0 || gaps.seconds < GAP_SHARE * span.seconds) return undefined;
  return gaps.seconds;
}

/** The warning for a log whose gaps hold a notable share of its span, or undefined. */
export function gapWarning(report: SimulationReport): string | undefined {
  const { span } = report;
  const gaps = span.gaps;
  if (gaps === undefined || notableGapSeconds(report) === undefined) return undefined;
  const covered = span.seconds - gaps.seconds;
  const stretches = gaps.count === 1 ? 'one stretch' : `${gaps.count} stretches`;
  let rate = '';
  if (covered > 0 && report.bytesPerDay !== null) {
    const factor = span.seconds / covered;
    const retention = retentionAt(report, factor);
    rate =
      `; over the ${formatHours(covered / 3600)} that hold events it writes ${formatBytes(report.bytesPerDay * factor)}/day` +
      (retention === undefined ? '' : `, and retention is ${retention}`);
  }
  return (
    `the log holds no event for ${formatHours(gaps.seconds / 3600)} of its ${formatHours(span.seconds / 3600)} ` +
    `(${stretches} of an hour or more; the longest ${gaps.longestFrom} → ${gaps.longestTo}), over which ` +
    'bytes/day and retention spread its bytes too: kube-apiserver writes events every second, so such inputs are ' +
    "usually not one stretch of the log (files of different days, rotated files left out, a shipper's outage), " +
    `and then bytes/day is too low and retention too long${rate}; replay consecutive files (a day or more) for ` +
    'daily figures'
  );
}
