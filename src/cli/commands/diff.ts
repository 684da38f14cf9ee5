import { diffReports, ReportDiff, RuleDelta, ruleChanged } from '../../replay/diff';
import { simulate, simulateMany } from '../../replay/simulate';
import { LEVELS } from '../../policy/types';
import { SimulationReport } from '../../replay/types';
import { CommandSpec, ParsedArgs, stringList, stringOption } from '../args';
import { CliError, EXIT_FINDINGS, EXIT_OK, UsageError } from '../errors';
import {
  Column,
  formatBytes,
  formatBytesDelta,
  formatCountDelta,
  formatHours,
  formatProblem,
  markdownTable,
  plural,
  textTable,
} from '../format';
import { CliIo, write } from '../io';
import {
  ChosenPolicy,
  POLICY_OPTIONS,
  applyFileAuditLog,
  builtInRulesNotes,
  choosePolicy,
} from '../policy-choice';
import {
  ROTATION_OPTIONS,
  applyDeckhouseTruncation,
  replayInputs,
  replayOptions,
  malformedLogError,
  noEventError,
} from '../replay-input';
import { levelChangesHeadline, levelChangesMarkdown, levelChangesText } from '../level-changes';
import { count, counted, perDay, retentionText, simulationWarnings } from '../report';
import { refuseFileRotationFlags, refuseIgnoredRotationFlags } from '../rotation-flags';
import { printJson } from '../shared';
import { LintSummary, newLintErrors } from '../lint-diff';
import { SavedReport, readSavedReport } from '../saved-report';

/** `diff`: the same audit log replayed under two policies, as a table or a pull-request comment. */
export const diffCommand: CommandSpec = {
  name: 'diff',
  summary: 'replay audit logs under two policies and compare volume, rule hits and retention',
  usage: [
    'diff --policy A --policy B [--deckhouse [--no-basic]] [--format table|markdown] [--json] LOG...',
    'diff REPORT-A.json REPORT-B.json [--format table|markdown] [--json]',
    'diff REPORT-A.json (--policy B | --deckhouse [--policy B]) [--format table|markdown] LOG...',
    'diff --deckhouse --policy B [--format table|markdown] LOG...',
    'diff --built-in-rules MERGED [--policy A] --policy B [--format table|markdown] LOG...',
  ],
  description:
    'Replays the audit logs once under policy A and policy B (the first and second --policy) and prints the ' +
    'per-level and per-rule changes, the events whose level changes (per A level → B level, which net counts ' +
    'hide when events move both ways), bytes per day and retention before and after. With --deckhouse both are ' +
    "merged into the policy Deckhouse runs; with --deckhouse and one --policy, A is Deckhouse's built-in rules " +
    "alone. --built-in-rules takes the built-in rules from a cluster's merged policy file; with one --policy, " +
    'A is that file as the cluster runs it (its custom rules included). B is also linted: lint errors that A ' +
    'does not have (e.g. Secret bodies recorded) are listed, and make the exit status 1, as does a log with ' +
    'no readable event. Malformed lines and other caveats of the log are listed under Warnings. ' +
    '--format markdown prints a comment ready for a pull request. Reports saved with `simulate --json` may ' +
    'stand among the LOG arguments (told from logs by content): two are A and B as saved; one is A, and B is ' +
    '--policy (or --deckhouse) replayed over the LOGs. A saved report has no policy to lint, so no lint errors ' +
    'are compared then, nor which events change level.',
  options: {
    ...POLICY_OPTIONS,
    policy: { ...POLICY_OPTIONS.policy, multiple: true, description: 'policy A, then policy B' },
    ...ROTATION_OPTIONS,
    format: { type: 'string', value: 'table|markdown', description: 'output format (default table)' },
  },
  examples: [
    'deckhouse-audit diff --deckhouse --policy main/policy.yaml --policy pr/policy.yaml audit-sample.log.gz',
    'deckhouse-audit diff --deckhouse --policy a.yaml --policy b.yaml --format markdown audit.log > comment.md',
    'deckhouse-audit diff --built-in-rules master-audit-policy.yaml --policy pr/policy.yaml audit.log',
    'deckhouse-audit diff main-report.json --deckhouse --policy pr/policy.yaml audit.log',
  ],
  positionals: true,
  async run({ args, io, json }) {
    const format = stringOption(args, 'format') ?? 'table';
    if (format !== 'table' && format !== 'markdown') {
      // `md`, `mark`, `Markdown`: the format meant is plain.
      const meant = ['table', 'markdown'].find((f) =>
        format.toLowerCase() === 'md'
          ? f === 'markdown'
          : f.startsWith(format.toLowerCase()) && format !== '',
      );
      throw new UsageError(
        `--format needs table or markdown, got '${format}'${meant ? `; did you mean ${meant}?` : ''}`,
      );
    }
    const files = stringList(args, 'policy');
    const deckhouse = args.values.deckhouse === true || stringOption(args, 'built-in-rules') !== undefined;
    if (files.length > 2) throw new UsageError('give at most two --policy files (A and B)');
    if (files.filter((f) => f === '-').length > 1) throw new UsageError('"-" (stdin) can be used once');
    // Saved reports (simulate --json) among the LOG arguments take the sides first: A, then B.
    const saved: SavedReport[] = [];
    const logs: string[] = [];
    for (const p of args.positionals) {
      const report = readSavedReport(p);
      if (report) saved.push(report);
      else logs.push(p);
    }
    if (saved.length > 0) return diffSaved(saved, logs, files, deckhouse, format, args, io, json);
    if (files.length < 2 && !(deckhouse && files.length === 1)) {
      throw new UsageError(
        'give --policy A --policy B (or --deckhouse --policy B to compare with the built-in rules)',
      );
    }
    const inputs = replayInputs(logs, io, files.includes('-'));
    const options = replayOptions(args, io);

    const a = await choosePolicy(args, io, files.length === 2 ? files[0] : null);
    const b = await choosePolicy(args, io, files.length === 2 ? files[1] : files[0]);
    // Policy files with ModuleConfig control-plane-manager say where the log goes (auditLog.output).
    applyFileAuditLog(options, [a, b], stringOption(args, 'audit-log-output'));
    refuseFileRotationFlags(options, args, logs);
    applyDeckhouseTruncation(options, args, a.deckhouse || b.deckhouse);
    let reports: SimulationReport[];
    try {
      reports = await simulateMany(inputs, [a.target, b.target], options);
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    // No event read: an error (exit 1, `{"error": …}` with --json), never a diff of zeros.
    if (reports[1].events === 0) throw noEventError(reports[1]);
    // A and B read the same LOGs: their sources count the same lines.
    const malformed = malformedLogError(reports[1], args);
    if (malformed) throw malformed;
    refuseIgnoredRotationFlags(reports[1], options, args);
    const lint = newLintErrors(a, b);
    if (!json) {
      // A and B share the --built-in-rules file: its warnings are said once.
      const said = new Set<string>();
      for (const w of [...a.warnings, ...b.warnings]) {
        const line = formatProblem(w.label, w, 'warning');
        if (said.has(line)) continue;
        said.add(line);
        await write(io.stderr, line + '\n');
      }
      for (const n of builtInRulesNotes(b)) await write(io.stderr, `note: ${n}\n`);
    }
    await printDiff(io, json, format, [a, b], [reports[0], reports[1]], lint, b.builtIn);
    return lint.newErrors.length > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};

/**
 * `diff` with saved reports: two are A and B as they are; one is A, and B is the --policy (or --deckhouse)
 * replayed over the LOGs. A saved report has no policy to lint, so no lint errors are compared.
 */
async function diffSaved(
  saved: SavedReport[],
  logs: string[],
  files: string[],
  deckhouse: boolean,
  format: 'table' | 'markdown',
  args: ParsedArgs,
  io: CliIo,
  json: boolean,
): Promise<number> {
  const noLint: LintSummary = { newErrors: [], errorsInB: 0 };
  if (saved.length > 2) {
    throw new UsageError(
      `give at most two saved reports (A and B), got ${saved.length}: ${saved.map((s) => s.file).join(', ')}`,
    );
  }
  if (saved.length === 2) {
    if (files.length > 0 || deckhouse || logs.length > 0) {
      throw new UsageError(
        `${saved[0].file} and ${saved[1].file} are saved reports, A and B: give no --policy, --deckhouse, ` +
          '--built-in-rules or LOG with them',
      );
    }
    await printDiff(io, json, format, saved, [saved[0].report, saved[1].report], noLint, undefined);
    return EXIT_OK;
  }
  if (files.length > 1) {
    throw new UsageError(
      `${saved[0].file} is a saved report and takes side A: give one --policy (B) to replay over the LOGs`,
    );
  }
  if (files.length === 0 && !deckhouse) {
    throw new UsageError(
      `${saved[0].file} is a saved report (A): give --policy B (or --deckhouse) and the LOGs to replay B over, ` +
        'or a second saved report as B',
    );
  }
  const inputs = replayInputs(logs, io, files.includes('-'));
  const options = replayOptions(args, io);
  const b = await choosePolicy(args, io, files.length === 1 ? files[0] : null);
  applyFileAuditLog(options, [b], stringOption(args, 'audit-log-output'));
  refuseFileRotationFlags(options, args, logs);
  applyDeckhouseTruncation(options, args, b.deckhouse);
  let report: SimulationReport;
  try {
    report = await simulate(inputs, { ...options, policy: b.target });
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
  if (report.events === 0) throw noEventError(report);
  const malformed = malformedLogError(report, args);
  if (malformed) throw malformed;
  refuseIgnoredRotationFlags(report, options, args);
  if (!json) {
    for (const w of b.warnings) await write(io.stderr, formatProblem(w.label, w, 'warning') + '\n');
    for (const n of builtInRulesNotes(b)) await write(io.stderr, `note: ${n}\n`);
  }
  await printDiff(io, json, format, [saved[0], b], [saved[0].report, report], noLint, b.builtIn);
  return EXIT_OK;
}

/** Prints the diff of two reports, as JSON, a table or a Markdown comment. */
async function printDiff(
  io: CliIo,
  json: boolean,
  format: 'table' | 'markdown',
  [a, b]: readonly Side[],
  [reportA, reportB]: readonly [SimulationReport, SimulationReport],
  lint: LintSummary,
  builtInRules: ChosenPolicy['builtIn'],
): Promise<void> {
  const diff = diffReports(reportA, reportB);
  const headline = diffHeadline(diff, lint);
  const warnings = [
    ...differentLogs(diff, reportA, reportB),
    ...diffWarnings(reportA, reportB),
    ...(lint.notes ?? []).map((n) => `B: lint: ${n}`),
  ];
  if (json) {
    await printJson(io, {
      a: a.description,
      b: b.description,
      ...(builtInRules ? { builtInRules } : {}),
      headline,
      diff,
      // Stages each policy writes that the log lacks (its events and bytes are not counted): simulate's field.
      unloggedStages: { a: reportA.unloggedStages, b: reportB.unloggedStages },
      lint,
      warnings,
    });
    return;
  }
  const text =
    format === 'markdown'
      ? renderDiffMarkdown(diff, a, b, lint, reportB, headline, builtInRules?.summary)
      : renderDiffTable(diff, a, b, lint, reportB, headline, builtInRules?.summary);
  const notes = warnings.map((w) => (format === 'markdown' ? `- :warning: ${w}` : `  - ${w}`));
  await write(io.stdout, text + (notes.length > 0 ? ['', 'Warnings:', ...notes, ''].join('\n') : ''));
}

/** A side of the diff as it is printed: a policy replayed now, or a saved report. */
type Side = { readonly description: string };

// Saved reports may come from other logs (diffReports' differentInputs): then the deltas compare different
// traffic, not only two policies.
function differentLogs(diff: ReportDiff, a: SimulationReport, b: SimulationReport): string[] {
  if (!diff.differentInputs) return [];
  const names = (r: SimulationReport) => r.sources.map((s) => s.source).join(', ') || 'no input';
  return [
    `A and B were not replayed over the same events (A: ${names(a)}, ${counted(a.events, 'event', 'events')}; ` +
      `B: ${names(b)}, ${counted(b.events, 'event', 'events')}): the deltas mix the change of policy with the change of traffic`,
  ];
}

/** One sentence for the top of a review comment: `+3.1 GiB/day, retention 19 h → 6 h, 1 new lint error`. */
export function diffHeadline(diff: ReportDiff, lint: LintSummary): string {
  const parts: string[] = [];
  const d = diff.bytesPerDay;
  if (d.delta === null)
    parts.push(`${formatBytesDelta(diff.written.bytes.delta)} written (the log spans no time)`);
  else parts.push(`${formatBytesDelta(d.delta)}/day`);
  const ra = diff.retention.a;
  const rb = diff.retention.b;
  const [ha, hb] = [formatHours(ra.hours), formatHours(rb.hours)];
  parts.push(ha === hb ? `retention unchanged (${ha})` : `retention ${ha} → ${hb}`);
  const moved = levelChangesHeadline(diff);
  if (moved !== undefined) parts.push(moved);
  if (lint.newErrors.length > 0) {
    parts.push(plural(lint.newErrors.length, 'new lint error'));
  }
  return parts.join(', ');
}

interface Tables {
  levels: { columns: Column[]; rows: string[][] };
  rules: { columns: Column[]; rows: string[][] };
}

function tables(diff: ReportDiff): Tables {
  const levelColumns: Column[] = [
    { header: 'level' },
    { header: 'events A', align: 'right' },
    { header: 'events B', align: 'right' },
    { header: 'Δ events', align: 'right' },
    { header: 'bytes A', align: 'right' },
    { header: 'bytes B', align: 'right' },
    { header: 'Δ bytes', align: 'right' },
  ];
  const levelRows = LEVELS.map((level) => {
    const decided = diff.decided[level];
    if (level === 'None')
      return [
        `${level} (not written)`,
        count(decided.a),
        count(decided.b),
        formatCountDelta(decided.delta),
        '',
        '',
        '',
      ];
    const events = diff.written.byLevel[level];
    const bytes = diff.written.bytesByLevel[level];
    return [
      level,
      count(events.a),
      count(events.b),
      formatCountDelta(events.delta),
      formatBytes(bytes.a),
      formatBytes(bytes.b),
      formatBytesDelta(bytes.delta),
    ];
  });
  const w = diff.written;
  levelRows.push([
    'written',
    count(w.events.a),
    count(w.events.b),
    formatCountDelta(w.events.delta),
    formatBytes(w.bytes.a),
    formatBytes(w.bytes.b),
    formatBytesDelta(w.bytes.delta),
  ]);

  const changed = diff.rules.filter(ruleChanged);
  const ruleColumns: Column[] = [
    { header: 'rule (A → B)' },
    { header: 'level' },
    { header: 'hits A', align: 'right' },
    { header: 'hits B', align: 'right' },
    { header: 'Δ written', align: 'right' },
    { header: 'Δ bytes', align: 'right' },
    { header: 'rule' },
  ];
  const ruleRows = changed.map((r) => [
    ruleLabels(r),
    r.level,
    count(r.hits.a),
    count(r.hits.b),
    formatCountDelta(r.written.delta),
    formatBytesDelta(r.bytes.delta),
    r.summary,
  ]);
  return {
    levels: { columns: levelColumns, rows: levelRows },
    rules: { columns: ruleColumns, rows: ruleRows },
  };
}

// The one rule label (policy/describe.ts) in A and in B.
function ruleLabels(r: RuleDelta): string {
  if (r.status === 'added') return `new → ${r.labelB}`;
  if (r.status === 'removed') return `${r.labelA} → removed`;
  return r.labelA === r.labelB ? r.labelB! : `${r.labelA} → ${r.labelB}`;
}

function renderDiffTable(
  diff: ReportDiff,
  a: Side,
  b: Side,
  lint: LintSummary,
  reportB: SimulationReport,
  headline: string,
  /** The built-in rules both sides run (builtInRulesSummary), when they have them. */
  builtIn?: string,
): string {
  const t = tables(diff);
  const out: string[] = [];
  out.push(headline, '');
  out.push(`A: ${a.description}`, `B: ${b.description}`);
  if (builtIn !== undefined) out.push(`Built-in: ${builtIn}`);
  out.push(
    `Log: ${reportB.sources.map((s) => s.source).join(', ')} (${counted(diff.events.b, 'event', 'events')})`,
    '',
  );
  out.push(textTable(t.levels.columns, t.levels.rows), levelChangesText(diff), '');
  out.push(`Bytes/day: ${perDay(diff.bytesPerDay.a)} → ${perDay(diff.bytesPerDay.b)}`);
  out.push(`Retention: ${retentionText(diff.retention.a)} → ${retentionText(diff.retention.b)}`, '');
  if (t.rules.rows.length === 0) out.push('No rule changed what it decides in this log.');
  else out.push(`Rules that changed (${t.rules.rows.length}):`, textTable(t.rules.columns, t.rules.rows));
  if (lint.newErrors.length > 0) {
    out.push('', `New lint errors in B (${lint.newErrors.length}):`);
    for (const f of lint.newErrors) {
      out.push(`  ${f.location}: error ${f.code}: ${f.message}`);
      if (f.fix) out.push(`      fix: ${f.fix}`);
    }
  }
  return out.join('\n') + '\n';
}

function renderDiffMarkdown(
  diff: ReportDiff,
  a: Side,
  b: Side,
  lint: LintSummary,
  reportB: SimulationReport,
  headline: string,
  /** The built-in rules both sides run (builtInRulesSummary), when they have them. */
  builtIn?: string,
): string {
  const t = tables(diff);
  const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
  const out: string[] = [];
  out.push(`### Audit policy change: ${headline}`, '');
  out.push(
    `Replayed ${counted(diff.events.b, 'event', 'events')} from ${reportB.sources.map((s) => code(s.source)).join(', ')}` +
      (reportB.span.from ? ` (${reportB.span.from} → ${reportB.span.to})` : '') +
      '.',
  );
  out.push('', `- **A**: ${a.description}`, `- **B**: ${b.description}`);
  if (builtIn !== undefined) out.push(`- **Built-in rules**: ${builtIn}`);
  out.push('');
  if (lint.newErrors.length > 0) {
    out.push(`**${plural(lint.newErrors.length, 'new lint error')} in B:**`, '');
    for (const f of lint.newErrors) {
      out.push(`- :x: ${code(f.code)} at ${code(f.location)}: ${f.message}`);
      if (f.fix) out.push(`  - fix: ${f.fix}`);
    }
    out.push('');
  }
  out.push(
    markdownTable(
      [
        { header: '' },
        { header: 'A', align: 'right' },
        { header: 'B', align: 'right' },
        { header: 'Δ', align: 'right' },
      ],
      [
        [
          'bytes/day',
          perDay(diff.bytesPerDay.a),
          perDay(diff.bytesPerDay.b),
          diff.bytesPerDay.delta === null ? '' : formatBytesDelta(diff.bytesPerDay.delta),
        ],
        [
          'retention',
          retentionText(diff.retention.a),
          retentionText(diff.retention.b),
          hoursDelta(diff.retention.hoursDelta),
        ],
      ],
    ),
    '',
  );
  out.push(markdownTable(t.levels.columns, t.levels.rows), '', ...levelChangesMarkdown(diff), '');
  if (t.rules.rows.length === 0) out.push('No rule changed what it decides in this log.');
  else if (t.rules.rows.length <= 15) {
    out.push(
      `Rules that changed (${t.rules.rows.length}):`,
      '',
      markdownTable(t.rules.columns, t.rules.rows),
    );
  } else {
    // Long tables would bury the headline; GitHub renders <details> collapsed.
    out.push(
      `<details><summary>Rules that changed (${t.rules.rows.length})</summary>`,
      '',
      markdownTable(t.rules.columns, t.rules.rows),
      '',
      '</details>',
    );
  }
  return out.join('\n') + '\n';
}

function hoursDelta(delta: number | null): string {
  if (delta === null) return '';
  if (Math.abs(delta) < 1 / 120) return '0';
  return `${delta > 0 ? '+' : '-'}${formatHours(Math.abs(delta))}`;
}

/**
 * The caveats of both replays. The log's own (malformed lines, timestamps, inputs) are the same for A and B
 * and shown once; one that only a policy's counts carry (events the log lacks for it, bodies recorded at a
 * lower level) is marked with its side, so an undercounted A is not read as a real delta.
 */
function diffWarnings(a: SimulationReport, b: SimulationReport): string[] {
  const fromA = simulationWarnings(a);
  const fromB = simulationWarnings(b);
  const inA = new Set(fromA);
  const inB = new Set(fromB);
  return [
    ...fromB.map((w) => (inA.has(w) ? w : `B: ${w}`)),
    ...fromA.filter((w) => !inB.has(w)).map((w) => `A: ${w}`),
  ];
}
