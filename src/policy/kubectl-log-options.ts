import { KubectlFlags } from './kubectl-flag-tables';
import { goIntFlag } from './kubectl-required-args';
import { RequestSpecError } from './request-spec-error';

// The query of a pods/log request beyond container/follow/previous: kubectl logs turns --tail, --since,
// --since-time, --timestamps and --limit-bytes into corev1.PodLogOptions (logs.go ToLogOptions), which the
// parameter codec writes as tailLines, sinceSeconds, sinceTime, timestamps and limitBytes.

/** logs.go selectorTail: with -l and no --tail kubectl asks for the last 10 lines of each log. */
export const SELECTOR_TAIL = 10;

const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  '\u00b5s': 1e3, // micro sign
  '\u03bcs': 1e3, // Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go's time.ParseDuration, in nanoseconds ("1h30m", "90s", "1.5h", "0"); undefined when Go refuses it. */
export function goDurationNs(text: string): number | undefined {
  const m = /^([-+]?)(.*)$/.exec(text);
  if (!m) return undefined;
  if (m[2] === '0') return 0;
  const part = /([0-9]*(?:\.[0-9]*)?)([a-z\u00b5\u03bc]+)/gy;
  let total = 0;
  let end = 0;
  for (let p = part.exec(m[2]); p !== null; p = part.exec(m[2])) {
    if (p[1] === '' || p[1] === '.' || UNIT_NS[p[2]] === undefined) return undefined;
    total += parseFloat(p[1]) * UNIT_NS[p[2]];
    end = part.lastIndex;
  }
  if (m[2] === '' || end !== m[2].length) return undefined;
  return m[1] === '-' ? -total : total;
}

// metav1.Time's MarshalQueryParameter: UTC, RFC 3339 to the second.
function sinceTime(raw: string): string {
  // kubectl's util.ParseRFC3339 takes RFC 3339 (with or without fractional seconds).
  const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
  const ms = Date.parse(raw);
  if (!rfc3339.test(raw) || Number.isNaN(ms)) {
    throw new RequestSpecError(
      `kubectl refuses --since-time=${raw}: it takes an RFC 3339 time, e.g. --since-time=2026-01-02T15:04:05Z`,
    );
  }
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** tailLines, sinceSeconds, sinceTime, timestamps and limitBytes of a log request, with logs.go Validate's checks. */
export function logOptionParams(flags: KubectlFlags, bySelector: boolean): Array<[string, string]> {
  const params: Array<[string, string]> = [];
  const tail = goIntFlag(flags, '--tail', 64, -1);
  if (tail < -1)
    throw new RequestSpecError(
      `kubectl refuses --tail=${tail} ("--tail must be greater than or equal to -1")`,
    );
  const limitBytes = goIntFlag(flags, '--limit-bytes', 64, 0);
  if (limitBytes < 0)
    throw new RequestSpecError(
      'kubectl refuses a negative --limit-bytes ("--limit-bytes must be greater than 0")',
    );
  const since = flags.values.get('--since');
  let sinceSeconds = 0;
  if (since !== undefined) {
    const ns = goDurationNs(since);
    if (ns === undefined) {
      throw new RequestSpecError(
        `kubectl refuses --since=${since}: not a duration (time.ParseDuration takes units ns, us, ms, s, m ` +
          'and h, e.g. 5s, 2m or 1h30m)',
      );
    }
    // SinceSeconds.Round(time.Second): to the nearest second, halves away from zero.
    sinceSeconds = Math.sign(ns) * Math.round(Math.abs(ns) / 1e9);
  }
  const time = flags.values.get('--since-time');
  if (time !== undefined && since !== undefined && sinceSeconds > 0) {
    throw new RequestSpecError(
      'kubectl refuses --since with --since-time ("at most one of `sinceTime` or `sinceSeconds` may be specified"): give one',
    );
  }
  if (flags.timestamps) params.push(['timestamps', 'true']);
  if (time !== undefined) params.push(['sinceTime', sinceTime(time)]);
  if (limitBytes !== 0) params.push(['limitBytes', String(limitBytes)]);
  if (sinceSeconds !== 0) params.push(['sinceSeconds', String(sinceSeconds)]);
  if (bySelector && tail === -1 && !flags.values.has('--tail'))
    params.push(['tailLines', String(SELECTOR_TAIL)]);
  else if (tail !== -1) params.push(['tailLines', String(tail)]);
  return params;
}
