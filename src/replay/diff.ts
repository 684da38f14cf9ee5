import { checkObjectArgument } from '../policy/arguments';
import type { Level, PolicyRule, RuleLayer } from '../policy/types';
import { reportProblem } from './report-shape';
import type { LevelChange, RetentionEstimate, RuleReport, SimulationReport } from './types';

/** A number under policy A and policy B, and B − A. */
export interface Delta {
  a: number;
  b: number;
  delta: number;
}

/** A number that may be unknown (null) under either policy; delta is null when either is. */
export interface NullableDelta {
  a: number | null;
  b: number | null;
  delta: number | null;
}

/** One rule's change between two policies; rules are paired by layer and content. */
export interface RuleDelta {
  /** 'same' = the rule is in both policies; 'added' = only in B; 'removed' = only in A. */
  status: 'same' | 'added' | 'removed';
  layer: RuleLayer;
  level: Level;
  summary: string;
  indexA?: number;
  indexB?: number;
  /** The rule's label in policy A and in policy B (policy/describe.ts ruleLabel), when it is there. */
  labelA?: string;
  labelB?: string;
  hits: Delta;
  written: Delta;
  bytes: Delta;
}

/** How two replays of the same log under policies A and B differ. */
export interface ReportDiff {
  events: Delta;
  decided: Record<Level, Delta>;
  written: {
    events: Delta;
    bytes: Delta;
    byLevel: Record<Exclude<Level, 'None'>, Delta>;
    bytesByLevel: Record<Exclude<Level, 'None'>, Delta>;
  };
  unmatched: Delta;
  imagesWithoutDigestRecorded: Delta;
  bytesPerDay: NullableDelta;
  retention: {
    a: RetentionEstimate;
    b: RetentionEstimate;
    /** Hours B − A; null when either is unknown. */
    hoursDelta: number | null;
  };
  /** Rules of both policies: paired ones in B's order, then the ones only in A. */
  rules: RuleDelta[];
  /** Paired rules whose counts changed, plus added and removed rules. */
  changedRules: number;
  /** True when A and B were not computed from the same events (different logs). */
  differentInputs: boolean;
  /**
   * The events B decides at another level than A, per `<A level>-><B level>` (SimulationReport.levelChanges):
   * `known` only when B was replayed together with A over the same log (`simulateMany`), not from saved reports.
   */
  levelChanges: { known: boolean; events: number; byLevels: Record<string, LevelChange> };
}

function delta(a: number, b: number): Delta {
  return { a, b, delta: b - a };
}

function nullableDelta(a: number | null, b: number | null): NullableDelta {
  return { a, b, delta: a === null || b === null ? null : b - a };
}

/** Stable text for a rule's content: keys sorted, so key order in the source does not matter. */
function ruleKey(layer: RuleLayer, rule: PolicyRule): string {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canon);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = canon((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  return `${layer}\u0000${JSON.stringify(canon(rule))}`;
}

function ruleDelta(
  status: RuleDelta['status'],
  a: RuleReport | undefined,
  b: RuleReport | undefined,
): RuleDelta {
  const r = (b ?? a)!;
  const out: RuleDelta = {
    status,
    layer: r.layer,
    level: r.level,
    summary: r.summary,
    hits: delta(a?.hits ?? 0, b?.hits ?? 0),
    written: delta(a?.written ?? 0, b?.written ?? 0),
    bytes: delta(a?.bytes ?? 0, b?.bytes ?? 0),
  };
  if (a !== undefined) {
    out.indexA = a.index;
    out.labelA = a.label;
  }
  if (b !== undefined) {
    out.indexB = b.index;
    out.labelB = b.label;
  }
  return out;
}

/** Whether a rule was added, removed, or its counts differ between A and B. */
export function ruleChanged(r: RuleDelta): boolean {
  return r.status !== 'same' || r.hits.delta !== 0 || r.written.delta !== 0 || r.bytes.delta !== 0;
}

/**
 * Compares two replays of the same log under policies A and B (e.g. the two reports of `simulateMany`, or
 * reports of `simulate --json` read back with JSON.parse): per-level and per-rule deltas, bytes per day and
 * retention. Identical rules (same layer and content) are paired in order of appearance; the rest are
 * reported as added or removed.
 * @throws TypeError naming the first field a report lacks (e.g. one saved by an older version)
 */
export function diffReports(a: SimulationReport, b: SimulationReport): ReportDiff {
  checkObjectArgument('diffReports', 'a', a, 'a SimulationReport from simulate()');
  checkObjectArgument('diffReports', 'b', b, 'a SimulationReport from simulate()');
  for (const [name, report] of [
    ['a', a],
    ['b', b],
  ] as const) {
    const problem = reportProblem(report);
    if (problem !== undefined) {
      throw new TypeError(
        `diffReports: ${name}.${problem}: pass a SimulationReport from simulate() of this version ` +
          '(a report saved by an older version, or edited by hand, has to be made again with simulate)',
      );
    }
  }
  const pending = new Map<string, RuleReport[]>();
  for (const r of a.rules) {
    const key = ruleKey(r.layer, r.rule);
    const list = pending.get(key);
    if (list) list.push(r);
    else pending.set(key, [r]);
  }
  const rules: RuleDelta[] = [];
  for (const rb of b.rules) {
    const ra = pending.get(ruleKey(rb.layer, rb.rule))?.shift();
    rules.push(ruleDelta(ra ? 'same' : 'added', ra, rb));
  }
  const removed = [...pending.values()].flat().sort((x, y) => x.index - y.index);
  for (const ra of removed) rules.push(ruleDelta('removed', ra, undefined));

  const levels = ['Metadata', 'Request', 'RequestResponse'] as const;
  const byLevel = {} as ReportDiff['written']['byLevel'];
  const bytesByLevel = {} as ReportDiff['written']['bytesByLevel'];
  for (const l of levels) {
    byLevel[l] = delta(a.written.byLevel[l], b.written.byLevel[l]);
    bytesByLevel[l] = delta(a.written.bytesByLevel[l], b.written.bytesByLevel[l]);
  }
  const decided = {} as ReportDiff['decided'];
  for (const l of ['None', ...levels] as const) decided[l] = delta(a.decided[l], b.decided[l]);
  const hoursA = a.retention.hours;
  const hoursB = b.retention.hours;
  const differentInputs =
    a.events !== b.events || a.lines !== b.lines || a.span.from !== b.span.from || a.span.to !== b.span.to;
  const changes = differentInputs ? undefined : b.levelChanges;
  return {
    events: delta(a.events, b.events),
    decided,
    written: {
      events: delta(a.written.events, b.written.events),
      bytes: delta(a.written.bytes, b.written.bytes),
      byLevel,
      bytesByLevel,
    },
    unmatched: delta(a.unmatched, b.unmatched),
    imagesWithoutDigestRecorded: delta(a.imagesWithoutDigestRecorded, b.imagesWithoutDigestRecorded),
    bytesPerDay: nullableDelta(a.bytesPerDay, b.bytesPerDay),
    retention: {
      a: a.retention,
      b: b.retention,
      hoursDelta: hoursA === null || hoursB === null ? null : hoursB - hoursA,
    },
    rules,
    changedRules: rules.filter(ruleChanged).length,
    differentInputs,
    levelChanges: {
      known: changes !== undefined,
      events: Object.values(changes ?? {}).reduce((n, c) => n + c.events, 0),
      byLevels: { ...changes },
    },
  };
}
