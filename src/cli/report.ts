import { echo } from '../policy/echo';
import { LEVELS, STAGES } from '../policy/types';
import { RetentionEstimate, SimulationReport } from '../replay/types';
import { Column, formatBytes, formatHours, formatPercent, textTable } from './format';
import { gapWarning, notableGapSeconds } from './log-gaps';

/** A whole number with thousands separators (fixed locale, so output is identical everywhere). */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `1 malformed line` / `2 malformed lines`: the count with its noun phrase in the right number. */
export function counted(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** Bytes per day, or why it is unknown. */
export function perDay(bytesPerDay: number | null): string {
  return bytesPerDay === null
    ? 'bytes/day unknown (the log spans no time)'
    : `${formatBytes(bytesPerDay)}/day`;
}

const MIB = 1024 * 1024;

/** From this share of the written bytes in stages other than ResponseComplete, the report breaks bytes down by stage. */
const NOTABLE_STAGE_SHARE = 0.1;

/**
 * `By stage:` when stages other than ResponseComplete hold a notable share of the written bytes: omitStages is
 * the first lever on volume (a request logged at RequestReceived and ResponseComplete is written twice), and
 * the level table does not show it.
 */
function stageLine(report: SimulationReport): string | undefined {
  const { byStage, bytes } = report.written;
  const others = STAGES.filter((s) => s !== 'ResponseComplete').reduce((n, s) => n + byStage[s].bytes, 0);
  if (bytes === 0 || others < bytes * NOTABLE_STAGE_SHARE) return undefined;
  const parts = STAGES.filter((s) => byStage[s].events > 0).map(
    (s) =>
      `${s} ${counted(byStage[s].events, 'event', 'events')}, ${formatBytes(byStage[s].bytes)} (${formatPercent(byStage[s].bytes, bytes)})`,
  );
  return `By stage:  ${parts.join('; ')} (omitStages in the Policy or a PolicyRule drops a stage's events)`;
}

/**
 * A configured size as its setting reads (`50 MiB` for containerLogMaxSize 50Mi, `100 MiB` for maxsize 100),
 * not rounded like a measured one; a size that is no whole number of MiB is printed as formatBytes does.
 */
function sizeSetting(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MiB` : formatBytes(bytes);
}

/**
 * `17 h to 19 h (limited by size: 11 files × 100 MiB)`, `unbounded (…)`, or for Stdout output `1.9 d to 2.5 d
 * (limited by the kubelet's container log: 4 files × 50 MiB, …)`: the history right after a rotation (the live
 * file empty) to the history just before the next one, or one figure when they read the same.
 */
export function retentionText(r: RetentionEstimate): string {
  const note = r.note === undefined ? '' : `; ${r.note}`;
  // Right after a rotation the live file is empty and history is shorter: the range, least first.
  const least = r.minHours === undefined || r.minHours === null ? undefined : formatHours(r.minHours);
  const hours = (h: number) =>
    least === undefined || least === formatHours(h) ? formatHours(h) : `${least} to ${formatHours(h)}`;
  if (r.unbounded) return `unbounded (nothing is ever deleted${note})`;
  if (r.output === 'Stdout' && r.containerLog !== undefined) {
    const c = r.containerLog;
    const shared =
      c.otherBytesPerDay === null
        ? "shared with kube-apiserver's own log lines, which this input does not hold"
        : `shared with kube-apiserver's own log lines, ${formatBytes(c.otherBytesPerDay)}/day here`;
    const files = `${c.maxFiles} files × ${sizeSetting(c.maxSizeBytes)}, ${shared}`;
    if (r.hours === null) return `unknown (no rate; the kubelet's container log keeps ${files})`;
    return `${hours(r.hours)} (limited by the kubelet's container log: ${files})`;
  }
  const sizeMB = r.rotation.maxSizeMB === 0 ? 100 : r.rotation.maxSizeMB;
  const files = `${r.rotation.maxBackups + 1} files × ${sizeSetting(sizeMB * MIB)}`;
  if (r.hours === null)
    return r.limitedBy === null && r.capacityBytes === null ? `unlimited${note}` : `unknown (no rate)${note}`;
  if (r.limitedBy === 'size') return `${hours(r.hours)} (limited by size: ${files}${note})`;
  return `${hours(r.hours)} (limited by age: ${r.rotation.maxAgeDays} days${note})`;
}

function spanText(report: SimulationReport): string {
  if (report.span.from === null) return 'no timestamps';
  const gaps = notableGapSeconds(report);
  const without =
    gaps === undefined ? '' : `, ${formatHours(gaps / 3600)} of it without any event: see the warnings`;
  return `${report.span.from} → ${report.span.to} (${formatHours(report.span.seconds / 3600)}${without})`;
}

/** A top list after a blank line and its title: the key columns, then events, bytes and share of `written`. */
function topSection<T extends { events: number; bytes: number }>(
  title: string,
  keyHeaders: string[],
  items: readonly T[],
  keys: (item: T) => string[],
  written: number,
): string[] {
  if (items.length === 0) return [];
  const columns: Column[] = [
    ...keyHeaders.map((header) => ({ header })),
    { header: 'events', align: 'right' },
    { header: 'bytes', align: 'right' },
    { header: 'share', align: 'right' },
  ];
  const rows = items.map((item) => [
    ...keys(item),
    count(item.events),
    formatBytes(item.bytes),
    formatPercent(item.bytes, written),
  ]);
  return ['', title, textTable(columns, rows)];
}

/**
 * The human-readable `simulate` report; `builtInSummary` (builtInRulesSummary) names the built-in rules replayed,
 * so that a report made with the bundled snapshot does not read as one made with the cluster's own rules.
 */
export function renderSimulationReport(
  report: SimulationReport,
  policyDescription: string,
  builtInSummary?: string,
): string {
  const out: string[] = [];
  const sources = report.sources.map((s) => `${s.source}${s.gzip ? ' (gzip)' : ''}`).join(', ');
  out.push(`Audit log: ${echo(sources, Number.POSITIVE_INFINITY)}`);
  out.push(`Policy:    ${echo(policyDescription, Number.POSITIVE_INFINITY)}`);
  if (builtInSummary !== undefined) out.push(`Built-in:  ${echo(builtInSummary, Number.POSITIVE_INFINITY)}`);
  out.push(`Events:    ${count(report.events)} read, ${spanText(report)}`);
  out.push('');

  out.push(
    textTable(
      [
        { header: 'level' },
        { header: 'decided', align: 'right' },
        { header: 'written', align: 'right' },
        { header: 'bytes', align: 'right' },
        { header: 'share', align: 'right' },
      ],
      [
        ...LEVELS.map((level) =>
          level === 'None'
            ? [level, count(report.decided.None), '-', '-', '-']
            : [
                level,
                count(report.decided[level]),
                count(report.written.byLevel[level]),
                formatBytes(report.written.bytesByLevel[level]),
                formatPercent(report.written.bytesByLevel[level], report.written.bytes),
              ],
        ),
        ['total', count(report.events), count(report.written.events), formatBytes(report.written.bytes), ''],
      ],
    ),
  );
  const omitted = Object.entries(report.omittedByStage).filter(([, n]) => n > 0);
  if (omitted.length > 0) {
    out.push(
      `Not written because of omitStages: ${omitted.map(([s, n]) => `${s} ${counted(n, 'event', 'events')}`).join(', ')}`,
    );
  }
  out.push('');
  out.push(
    `Written:   ${counted(report.written.events, 'event', 'events')}, ${formatBytes(report.written.bytes)}, ${perDay(report.bytesPerDay)}`,
  );
  const stages = stageLine(report);
  if (stages !== undefined) out.push(stages);
  out.push(`Retention: ${retentionText(report.retention)}`);
  if (report.truncation) {
    const t = report.truncation;
    out.push(
      `Truncation (events over ${count(t.maxEventBytes)} bytes): ${count(t.truncated)} lost their bodies, ${count(t.dropped)} dropped`,
    );
  }
  out.push('');

  const fired = report.rules.filter((r) => r.hits > 0);
  out.push('Rules that decided events (hits = events decided by the rule, written or not):');
  if (fired.length === 0) out.push('  (none)');
  else
    out.push(
      textTable(
        [
          { header: 'rule' },
          { header: 'level' },
          { header: 'hits', align: 'right' },
          { header: 'written', align: 'right' },
          { header: 'bytes', align: 'right' },
          { header: 'share', align: 'right' },
          { header: 'what' },
        ],
        fired.map((r) => [
          r.label,
          r.level,
          count(r.hits),
          count(r.written),
          formatBytes(r.bytes),
          formatPercent(r.bytes, report.written.bytes),
          r.title ?? r.summary,
        ]),
      ),
    );
  const idle = report.rules.length - fired.length;
  if (idle > 0) out.push(`${idle} of ${report.rules.length} rules decided no event in this log.`);
  out.push(`Unmatched (no rule, not written): ${count(report.unmatched)}`);

  const written = report.written.bytes;
  out.push(...topSection('Top users by written bytes:', ['user'], report.topUsers, (u) => [u.user], written));
  out.push(
    ...topSection(
      'Top resources by written bytes:',
      ['resource'],
      report.topResources,
      (r) => [r.key],
      written,
    ),
  );
  out.push(
    ...topSection(
      'Top requests (user, verb, resource) by written bytes:',
      ['user', 'verb', 'resource'],
      report.topRequests,
      // The verb "" (a method RequestInfo has no verb for) is shown as such, not as a blank cell.
      (r) => [r.user, r.verb === '' ? '""' : r.verb, r.resource],
      written,
    ),
  );

  const warnings = simulationWarnings(report);
  if (warnings.length > 0) {
    out.push('', 'Warnings:');
    for (const w of warnings) out.push(`  - ${w}`);
  }
  return out.join('\n') + '\n';
}

/**
 * The report's caveats as sentences: inputs, timestamps, decisions, estimates, images, malformed lines. They
 * quote the log (a malformed line, as V8's JSON error does): printed with the engine's escape rule.
 */
/** A log spanning less than this (half a day) is a sample of part of a day: its bytes/day is no daily figure. */
const SHORT_SPAN_SECONDS = 12 * 3600;

export function simulationWarnings(report: SimulationReport): string[] {
  const warnings: string[] = [];
  for (const s of report.skippedInputs) warnings.push(`${s.source}: not read again (${s.reason})`);
  for (const s of report.sources) for (const w of s.warnings) warnings.push(`${s.source}: ${w}`);
  const span = report.span;
  if (span.invalid > 0) {
    warnings.push(
      `${counted(span.invalid, 'event has', 'events have')} a timestamp that is not an RFC 3339 time` +
        (span.invalidSample === undefined ? '' : ` (first: ${JSON.stringify(span.invalidSample)})`) +
        '; they are counted but left out of the time span',
    );
  }
  if (span.excluded > 0) {
    warnings.push(
      `${counted(span.excluded, 'timestamp', 'timestamps')} far away from all the others (${span.excludedFrom} … ${span.excludedTo}) ` +
        `${span.excluded === 1 ? 'was' : 'were'} left out of the time span; bytes/day and retention use ${span.from} → ${span.to}`,
    );
  }
  if (span.seconds > 0 && span.seconds < SHORT_SPAN_SECONDS) {
    const lasting = span.seconds < 60 ? `${Math.round(span.seconds)} s` : formatHours(span.seconds / 3600);
    warnings.push(
      `the log spans only ${lasting} (${span.from} → ${span.to}): bytes/day and retention scale it up to whole ` +
        "days, but a cluster's load varies over a day (working hours, CronJobs, backups, controllers' resyncs); " +
        'replay a day or more of log before relying on them',
    );
  }
  const gaps = gapWarning(report);
  if (gaps !== undefined) warnings.push(gaps);
  if (report.attributesFromObjectRef > 0) {
    warnings.push(
      `${counted(report.attributesFromObjectRef, 'event has', 'events have')} no requestURI kube-apiserver could have logged and ${report.attributesFromObjectRef === 1 ? 'was' : 'were'} ` +
        "decided on objectRef, which the apiserver fills in after the policy ran (e.g. a create's name): " +
        "their decision may differ from the cluster's",
    );
  }
  if (!report.topLists.exact) {
    warnings.push(
      `the top lists saw more than ${count(report.topLists.capacity)} distinct keys: their counts are estimates ` +
        `(Space-Saving) that may overstate an entry by up to ${formatBytes(report.topLists.errorBoundBytes)}, ` +
        'never understate it, and every key with more bytes than that is counted',
    );
  }
  const lists = report.snapshotListDecisions;
  if (lists !== undefined && lists.events > 0) {
    const entries = Object.entries(lists.byName);
    const shown = entries
      .slice(0, 5)
      .map(([key, n]) => `${key.replace('->', ' → ')}: ${count(n)}`)
      .join('; ');
    warnings.push(
      `${counted(lists.events, 'event is', 'events are')} decided by the bundled snapshot's system lists, which ` +
        'Deckhouse generates per release from the modules it ships (modules add ServiceAccounts with ' +
        'extra-audit-policy-config ConfigMaps): on a cluster whose lists hold the name the other way ' +
        `${lists.events === 1 ? 'it is' : 'they are'} decided otherwise (${shown}` +
        `${entries.length > 5 ? `; and ${count(entries.length - 5)} more` : ''}); replay with the cluster's merged ` +
        'policy (--built-in-rules /etc/kubernetes/deckhouse/extra-files/audit-policy.yaml from a master) for its counts',
    );
  }
  if (report.lowSourceLevel.events > 0) {
    const pairs = Object.entries(report.lowSourceLevel.byLevels)
      .map(([pair, n]) => `${pair.replace('->', ' → ')}: ${count(n)}`)
      .join(', ');
    warnings.push(
      `${counted(report.lowSourceLevel.events, 'written event was', 'written events were')} recorded in the log at a lower level than the ` +
        `policy decides (${pairs}); their bodies are not in the log, so their bytes are underestimated`,
    );
  }
  for (const [stage, u] of Object.entries(report.unloggedStages ?? {})) {
    // A few requests cut by the log's ends (begun before its first line, still running at its last) are noise.
    if (u.missing === 0 || u.missing * 100 <= u.requests) continue;
    warnings.push(
      `the policy writes a ${stage} event for ${count(u.requests)} of the requests in the log, but the log holds ` +
        `${count(u.requests - u.missing)} of them (the policy that wrote it omitted ${stage}): about ` +
        `${count(u.missing)} ${stage} ${u.missing === 1 ? 'event is' : 'events are'} not counted in the written ` +
        'events and bytes',
    );
  }
  if (report.imagesWithoutDigest > 0) {
    warnings.push(
      `${counted(report.imagesWithoutDigest, 'Pod create request uses', 'Pod create requests use')} an image without an @sha256 digest; ` +
        `${count(report.imagesWithoutDigestRecorded)} of them ${report.imagesWithoutDigestRecorded === 1 ? 'is' : 'are'} recorded with their body (Request or above), ` +
        'where a runtime audit engine can see the image',
    );
  }
  if (report.malformed.count > 0) {
    const shown = report.malformed.lines.map((m) => `${m.source}:${m.line}: ${m.reason}`);
    const more = report.malformed.count - shown.length;
    warnings.push(
      `${counted(report.malformed.count, 'malformed line', 'malformed lines')} skipped` +
        (shown.length > 0 ? `: ${shown.join('; ')}${more > 0 ? `; and ${count(more)} more` : ''}` : ''),
    );
  }
  return warnings.map((w) => echo(w, Number.POSITIVE_INFINITY));
}
