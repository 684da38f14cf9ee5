import { LEVELS } from '../policy/types';
import { RetentionEstimate, SimulationReport } from '../replay/types';
import { Column, formatBytes, formatHours, formatPercent, textTable } from './format';

/** A whole number with thousands separators (fixed locale, so output is identical everywhere). */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Bytes per day, or why it is unknown. */
export function perDay(bytesPerDay: number | null): string {
  return bytesPerDay === null ? 'unknown (the log spans no time)' : `${formatBytes(bytesPerDay)}/day`;
}

/** `19 h (limited by size: 11 files × 100 MiB)` and the like. */
export function retentionText(r: RetentionEstimate): string {
  const files = `${r.rotation.maxBackups + 1} files × ${r.rotation.maxSizeMB} MiB`;
  if (r.hours === null)
    return r.limitedBy === null && r.capacityBytes === null ? 'unlimited' : 'unknown (no rate)';
  if (r.limitedBy === 'size') return `${formatHours(r.hours)} (limited by size: ${files})`;
  return `${formatHours(r.hours)} (limited by age: ${r.rotation.maxAgeDays} days)`;
}

function spanText(report: SimulationReport): string {
  if (report.span.from === null) return 'no timestamps';
  return `${report.span.from} → ${report.span.to} (${formatHours(report.span.seconds / 3600)})`;
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

/** The human-readable `simulate` report. */
export function renderSimulationReport(report: SimulationReport, policyDescription: string): string {
  const out: string[] = [];
  const sources = report.sources.map((s) => `${s.source}${s.gzip ? ' (gzip)' : ''}`).join(', ');
  out.push(`Audit log: ${sources}`);
  out.push(`Policy:    ${policyDescription}`);
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
    out.push(`Not written because of omitStages: ${omitted.map(([s, n]) => `${s} ${count(n)}`).join(', ')}`);
  }
  out.push('');
  out.push(
    `Written:   ${count(report.written.events)} events, ${formatBytes(report.written.bytes)}, ${perDay(report.bytesPerDay)}`,
  );
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
      (r) => [r.user, r.verb, r.resource],
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

/** The report's caveats as sentences: underestimated bytes, images without digest, malformed lines. */
export function simulationWarnings(report: SimulationReport): string[] {
  const warnings: string[] = [];
  if (report.lowSourceLevel.events > 0) {
    const pairs = Object.entries(report.lowSourceLevel.byLevels)
      .map(([pair, n]) => `${pair.replace('->', ' → ')}: ${count(n)}`)
      .join(', ');
    warnings.push(
      `${count(report.lowSourceLevel.events)} written events were recorded in the log at a lower level than the ` +
        `policy decides (${pairs}); their bodies are not in the log, so their bytes are underestimated`,
    );
  }
  if (report.imagesWithoutDigest > 0) {
    warnings.push(
      `${count(report.imagesWithoutDigest)} Pod create requests use an image without an @sha256 digest; ` +
        `${count(report.imagesWithoutDigestRecorded)} of them are recorded with their body (Request or above), ` +
        'where a runtime audit engine can see the image',
    );
  }
  if (report.malformed.count > 0) {
    const shown = report.malformed.lines.map((m) => `${m.source}:${m.line}: ${m.reason}`);
    const more = report.malformed.count - shown.length;
    warnings.push(
      `${count(report.malformed.count)} malformed lines skipped` +
        (shown.length > 0 ? `: ${shown.join('; ')}${more > 0 ? `; and ${count(more)} more` : ''}` : ''),
    );
  }
  return warnings;
}
