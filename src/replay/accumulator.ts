import { DECKHOUSE_RULE_TITLES } from '../deckhouse/rule-titles';
import { compilePolicy } from '../policy/evaluate';
import {
  CompiledPolicy,
  Decision,
  EffectivePolicy,
  isEffectivePolicy,
  Level,
  Policy,
  RequestAttributes,
  Stage,
  STAGES,
} from '../policy/types';
import {
  AuditEvent,
  eventProblem,
  eventToRequest,
  LEVEL_RANK,
  podCreateWithoutDigest,
  sourceLevel,
} from './event';
import { estimateRetention, resolveRotation } from './retention';
import { describeRule, ruleLabel } from '../policy/describe';
import { EventSizer } from './size';
import { TRUNCATE_MAX_EVENT_BYTES } from './types';
import type {
  MalformedLine,
  ReplayOptions,
  RequestUsage,
  ResourceUsage,
  RotationSettings,
  RuleReport,
  SimulationReport,
  SourceReport,
  UserUsage,
} from './types';

/** Feeds audit log lines one at a time; `report()` can be called at any point. */
export interface ReplayAccumulator {
  /** Adds one line of a log (without its newline); blank lines are ignored, bad ones counted as malformed. */
  addLine(line: string, lineNo: number, source: string): void;
  report(): SimulationReport;
}

/** Like ReplayAccumulator, but each line is parsed once and evaluated under several policies. */
export interface MultiReplayAccumulator {
  addLine(line: string, lineNo: number, source: string): void;
  /** One report per policy, in the order the policies were given. */
  reports(): SimulationReport[];
  /** Records how an input was read (gzip, raw bytes); called by simulate. */
  setSourceInfo(source: string, info: { gzip: boolean; bytes: number }): void;
  /** Counts a line that could not even be read (e.g. too long) as a malformed line. */
  addUnreadableLine(source: string, line: number, reason: string): void;
  /** Non-blank lines and valid events so far (cheap; for progress reporting). */
  counts(): { lines: number; events: number };
}

/** Lines longer than this many characters are skipped unless `maxLineBytes` says otherwise. */
export const DEFAULT_MAX_LINE = 64 * 1024 * 1024;

/** Why a line over the limit was skipped (the malformed-line reason). */
export function lineTooLong(maxChars: number): string {
  return `line longer than ${maxChars} characters, skipped`;
}

/** Map keys beyond this many per top list are folded into '(other)' so memory stays bounded. */
const MAX_TOP_KEYS = 50_000;
const OTHER = '(other)';
const UNAUTHENTICATED = '(unauthenticated)';

function zeroStages<T>(make: () => T): Record<Stage, T> {
  return { RequestReceived: make(), ResponseStarted: make(), ResponseComplete: make(), Panic: make() };
}

function isStandardMicroTime(s: string): boolean {
  // 2006-01-02T15:04:05.000000Z: fixed width, so strings compare like instants.
  return s.length === 27 && s.charCodeAt(26) === 90 /* Z */ && s.charCodeAt(10) === 84; /* T */
}

interface Usage {
  events: number;
  bytes: number;
}

class TopCounter<T extends Usage> {
  private readonly map = new Map<string, T>();
  constructor(private readonly make: (key: string) => T) {}

  add(key: string, bytes: number): void {
    let u = this.map.get(key);
    if (u === undefined) {
      const k = this.map.size >= MAX_TOP_KEYS ? OTHER : key;
      u = this.map.get(k);
      if (u === undefined) {
        u = this.make(k);
        this.map.set(k, u);
      }
    }
    u.events++;
    u.bytes += bytes;
  }

  top(n: number): T[] {
    return [...this.map.values()]
      .sort((a, b) => b.bytes - a.bytes || b.events - a.events)
      .slice(0, n)
      .map((u) => ({ ...u }));
  }
}

function resourceKey(req: RequestAttributes): string {
  if (!req.resourceRequest) return req.path ?? '';
  const sub = req.subresource ? `/${req.subresource}` : '';
  return req.apiGroup ? `${req.apiGroup}/${req.resource}${sub}` : `${req.resource}${sub}`;
}

function resourceUsage(key: string): ResourceUsage {
  if (key === OTHER) return { key, events: 0, bytes: 0 };
  if (key.startsWith('/') || key === '') return { key, nonResourceURL: key, events: 0, bytes: 0 };
  return { key, events: 0, bytes: 0 };
}

const BODY_VERBS = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);
const STREAMING_SUBRESOURCES = new Set(['exec', 'attach', 'portforward', 'proxy', 'log']);

/**
 * Whether deciding `level` for an event recorded at the lower `src` level needs a body the log does not
 * have: bodies exist only for resource requests at ResponseComplete/Panic, request bodies only for verbs
 * that send one, response objects not for watches, proxies and streaming subresources.
 */
function bodiesMissing(ev: AuditEvent, req: RequestAttributes, src: Level, level: Level): boolean {
  if (!req.resourceRequest || (ev.stage !== 'ResponseComplete' && ev.stage !== 'Panic')) return false;
  if (LEVEL_RANK[src] < 2 && BODY_VERBS.has(req.verb)) return true;
  if (level !== 'RequestResponse') return false;
  return req.verb !== 'watch' && req.verb !== 'proxy' && !STREAMING_SUBRESOURCES.has(req.subresource ?? '');
}

/** `<timestamp> <stream> <P|F> `: the container runtime (CRI) log format of /var/log/pods. */
const CRI_PREFIX = /^(\S+) (stdout|stderr) ([PF])(?::\S*)? /;
/** Marks a CRI line whose fragments exceeded the line limit. */
const TOO_LONG = '\u0000too long';

/** Everything counted for one policy. */
class PolicyTally {
  readonly compiled: CompiledPolicy;
  readonly rules: RuleReport[];
  readonly decided: Record<Level, number> = { None: 0, Metadata: 0, Request: 0, RequestResponse: 0 };
  readonly writtenByLevel = { Metadata: 0, Request: 0, RequestResponse: 0 };
  readonly bytesByLevel = { Metadata: 0, Request: 0, RequestResponse: 0 };
  readonly byStage = zeroStages(() => ({ events: 0, bytes: 0 }));
  readonly omittedByStage = zeroStages(() => 0);
  writtenEvents = 0;
  writtenBytes = 0;
  unmatched = 0;
  imagesRecorded = 0;
  lowSource = 0;
  truncated = 0;
  droppedTooLarge = 0;
  readonly lowSourcePairs = new Map<string, number>();
  readonly users = new TopCounter<UserUsage>((user) => ({ user, events: 0, bytes: 0 }));
  readonly resources = new TopCounter<ResourceUsage>(resourceUsage);
  readonly requests = new TopCounter<RequestUsage & { key: string }>((key) => {
    const [user, verb, resource] = key === OTHER ? [OTHER, OTHER, OTHER] : key.split('\u0000');
    return { key, user, verb, resource, events: 0, bytes: 0 };
  });
  /** Resource details by key, filled when a key is first written. */
  readonly resourceDetails = new Map<string, RequestAttributes>();

  constructor(input: Policy | EffectivePolicy) {
    const effective = isEffectivePolicy(input);
    const policy = effective ? input.policy : input;
    this.compiled = compilePolicy(policy);
    this.rules = (policy.rules ?? []).map((rule, index) => {
      const origin = effective ? input.origins[index] : undefined;
      const layer = origin?.layer ?? 'custom';
      const report: RuleReport = {
        index,
        layer,
        layerIndex: origin?.index ?? index,
        level: rule.level,
        hits: 0,
        written: 0,
        bytes: 0,
        label: ruleLabel(index, origin),
        summary: describeRule(rule),
        rule,
      };
      // The effective policy's own titles follow its built-in rules (a cluster's may differ from the snapshot).
      const title =
        layer === 'custom'
          ? undefined
          : ((effective ? input.titles?.[index] : undefined) ??
            DECKHOUSE_RULE_TITLES[layer][report.layerIndex]);
      if (title !== undefined) report.title = title;
      return report;
    });
  }
}

class Accumulator implements MultiReplayAccumulator {
  private readonly tallies: PolicyTally[];
  private readonly rotation: RotationSettings;
  private readonly topN: number;
  private readonly malformedSamples: number;
  private readonly maxEventBytes: number | undefined;
  private readonly maxLineChars: number;
  /** Fragments of a CRI line split by the container runtime, per source. */
  private readonly partial = new Map<string, string>();
  private events = 0;
  private lines = 0;
  private imagesWithoutDigest = 0;
  private malformedCount = 0;
  private readonly malformed: MalformedLine[] = [];
  private readonly sources = new Map<string, SourceReport>();
  private from: string | null = null;
  private fromMs = Infinity;
  private to: string | null = null;
  private toMs = -Infinity;

  constructor(policies: ReadonlyArray<Policy | EffectivePolicy>, options: ReplayOptions) {
    this.tallies = policies.map((p) => new PolicyTally(p));
    this.rotation = resolveRotation(options.rotation);
    this.topN = options.topN ?? 10;
    this.malformedSamples = options.malformedSamples ?? 10;
    this.maxLineChars = options.maxLineBytes ?? DEFAULT_MAX_LINE;
    const truncate = options.truncate;
    this.maxEventBytes =
      truncate === undefined || truncate === false
        ? undefined
        : truncate === true
          ? TRUNCATE_MAX_EVENT_BYTES
          : (truncate.maxEventBytes ?? TRUNCATE_MAX_EVENT_BYTES);
  }

  private source(name: string): SourceReport {
    let s = this.sources.get(name);
    if (s === undefined) {
      s = { source: name, gzip: false, bytes: 0, lines: 0, events: 0, malformed: 0 };
      this.sources.set(name, s);
    }
    return s;
  }

  setSourceInfo(source: string, info: { gzip: boolean; bytes: number }): void {
    const s = this.source(source);
    s.gzip = info.gzip;
    s.bytes = info.bytes;
  }

  counts(): { lines: number; events: number } {
    return { lines: this.lines, events: this.events };
  }

  addUnreadableLine(source: string, line: number, reason: string): void {
    this.lines++;
    this.source(source).lines++;
    this.addMalformed(source, line, reason);
  }

  private addMalformed(source: string, line: number, reason: string): void {
    this.malformedCount++;
    this.source(source).malformed++;
    if (this.malformed.length < this.malformedSamples) this.malformed.push({ source, line, reason });
  }

  addLine(raw: string, lineNo: number, source: string): void {
    let line = raw;
    if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')) return;
    if (line.charCodeAt(0) !== 123 /* { */) {
      const cri = CRI_PREFIX.exec(line);
      if (cri !== null) {
        // A container runtime (CRI) log line: kube-apiserver with --audit-log-path=- (Deckhouse's Stdout
        // output) writes events to its stdout; klog output on stderr is not audit data. Long lines arrive as
        // P(artial) fragments ending with an F(ull) one.
        if (cri[2] === 'stderr') return;
        const payload = line.slice(cri[0].length);
        const pending = this.partial.get(source) ?? '';
        if (cri[3] === 'P') {
          if (pending.length + payload.length <= this.maxLineChars)
            this.partial.set(source, pending + payload);
          else this.partial.set(source, TOO_LONG);
          return;
        }
        this.partial.delete(source);
        if (pending === TOO_LONG) {
          this.addUnreadableLine(source, lineNo, lineTooLong(this.maxLineChars));
          return;
        }
        line = pending + payload;
        if (line.trim() === '') return;
      }
    }
    const src = this.source(source);
    src.lines++;
    this.lines++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      this.addMalformed(source, lineNo, `not JSON (${(err as Error).message})`);
      return;
    }
    const problem = eventProblem(value);
    if (problem !== undefined) {
      this.addMalformed(source, lineNo, `not an audit.k8s.io/v1 Event: ${problem}`);
      return;
    }
    src.events++;
    this.addEvent(value as AuditEvent);
  }

  private addSpan(ev: AuditEvent): void {
    const received =
      typeof ev.requestReceivedTimestamp === 'string' ? ev.requestReceivedTimestamp : undefined;
    const stage = typeof ev.stageTimestamp === 'string' ? ev.stageTimestamp : undefined;
    const first = received ?? stage;
    const last = stage ?? received;
    if (first !== undefined && first !== this.from) {
      const earlier =
        this.from !== null && isStandardMicroTime(first) && isStandardMicroTime(this.from)
          ? first < this.from
          : Date.parse(first) < this.fromMs;
      if (earlier) {
        this.from = first;
        this.fromMs = Date.parse(first);
      }
    }
    if (last !== undefined && last !== this.to) {
      const later =
        this.to !== null && isStandardMicroTime(last) && isStandardMicroTime(this.to)
          ? last > this.to
          : Date.parse(last) > this.toMs;
      if (later) {
        this.to = last;
        this.toMs = Date.parse(last);
      }
    }
  }

  private addEvent(ev: AuditEvent): void {
    this.events++;
    this.addSpan(ev);
    const req = eventToRequest(ev);
    const noDigest = podCreateWithoutDigest(ev);
    if (noDigest) this.imagesWithoutDigest++;
    const stage = ev.stage;
    let sizer: EventSizer | undefined;
    let userKey: string | undefined;
    let resKey: string | undefined;
    for (const t of this.tallies) {
      const d: Decision = t.compiled.evaluate(req);
      const level = d.level;
      t.decided[level]++;
      const rule = d.ruleIndex >= 0 ? t.rules[d.ruleIndex] : undefined;
      if (rule !== undefined) rule.hits++;
      else t.unmatched++;
      if (level === 'None') continue;
      if (d.omitStages.length > 0 && d.omitStages.includes(stage)) {
        t.omittedByStage[stage]++;
        continue;
      }
      if (sizer === undefined) sizer = new EventSizer(ev);
      let bytes = sizer.size(level, d.omitManagedFields);
      const rank = LEVEL_RANK[level];
      if (this.maxEventBytes !== undefined && bytes > this.maxEventBytes) {
        // kube-apiserver's truncate backend: drop the bodies of an oversized event, or the whole event.
        if (rank >= 2) {
          bytes = sizer.truncatedSize(level);
          t.truncated++;
        }
        if (bytes > this.maxEventBytes) {
          t.droppedTooLarge++;
          continue;
        }
      }
      t.writtenEvents++;
      t.writtenBytes += bytes;
      t.writtenByLevel[level]++;
      t.bytesByLevel[level] += bytes;
      const st = t.byStage[stage];
      st.events++;
      st.bytes += bytes;
      if (rule !== undefined) {
        rule.written++;
        rule.bytes += bytes;
      }
      if (rank >= 2) {
        if (noDigest) t.imagesRecorded++;
        const src = sourceLevel(ev);
        if (src !== undefined && LEVEL_RANK[src] < rank && bodiesMissing(ev, req, src, level)) {
          t.lowSource++;
          const pair = `${src}->${level}`;
          t.lowSourcePairs.set(pair, (t.lowSourcePairs.get(pair) ?? 0) + 1);
        }
      }
      if (userKey === undefined) userKey = req.user ?? UNAUTHENTICATED;
      if (resKey === undefined) resKey = resourceKey(req);
      t.users.add(userKey, bytes);
      t.resources.add(resKey, bytes);
      if (!t.resourceDetails.has(resKey) && t.resourceDetails.size < MAX_TOP_KEYS)
        t.resourceDetails.set(resKey, req);
      t.requests.add(`${userKey}\u0000${req.verb}\u0000${resKey}`, bytes);
    }
  }

  reports(): SimulationReport[] {
    return this.tallies.map((t) => this.reportFor(t));
  }

  private reportFor(t: PolicyTally): SimulationReport {
    const seconds =
      this.from !== null && this.to !== null && Number.isFinite(this.fromMs) && Number.isFinite(this.toMs)
        ? Math.max(0, (this.toMs - this.fromMs) / 1000)
        : 0;
    const bytesPerDay = t.writtenBytes === 0 ? 0 : seconds > 0 ? (t.writtenBytes / seconds) * 86400 : null;
    const lowSourcePairs: Record<string, number> = {};
    for (const [k, v] of [...t.lowSourcePairs].sort()) lowSourcePairs[k] = v;
    const byStage = zeroStages(() => ({ events: 0, bytes: 0 }));
    const omittedByStage = zeroStages(() => 0);
    for (const s of STAGES) {
      byStage[s] = { ...t.byStage[s] };
      omittedByStage[s] = t.omittedByStage[s];
    }
    return {
      events: this.events,
      lines: this.lines,
      decided: { ...t.decided },
      written: {
        events: t.writtenEvents,
        bytes: t.writtenBytes,
        byLevel: { ...t.writtenByLevel },
        bytesByLevel: { ...t.bytesByLevel },
        byStage,
      },
      omittedByStage,
      rules: t.rules.map((r) => ({ ...r })),
      unmatched: t.unmatched,
      imagesWithoutDigest: this.imagesWithoutDigest,
      imagesWithoutDigestRecorded: t.imagesRecorded,
      span: { from: this.from, to: this.to, seconds },
      bytesPerDay,
      retention: estimateRetention(bytesPerDay, this.rotation),
      topUsers: t.users.top(this.topN),
      topResources: t.resources.top(this.topN).map((r) => {
        const req = t.resourceDetails.get(r.key);
        if (req === undefined || !req.resourceRequest) return r;
        return {
          key: r.key,
          apiGroup: req.apiGroup ?? '',
          resource: req.resource ?? '',
          ...(req.subresource ? { subresource: req.subresource } : {}),
          events: r.events,
          bytes: r.bytes,
        };
      }),
      topRequests: t.requests.top(this.topN).map(({ user, verb, resource, events, bytes }) => ({
        user,
        verb,
        resource,
        events,
        bytes,
      })),
      malformed: { count: this.malformedCount, lines: this.malformed.map((m) => ({ ...m })) },
      lowSourceLevel: { events: t.lowSource, byLevels: lowSourcePairs },
      truncation:
        this.maxEventBytes === undefined
          ? null
          : { maxEventBytes: this.maxEventBytes, truncated: t.truncated, dropped: t.droppedTooLarge },
      sources: [...this.sources.values()].map((s) => ({ ...s })),
    };
  }
}

/** An accumulator that evaluates every line under each of `policies` (each line parsed once). */
export function createMultiReplayAccumulator(
  policies: ReadonlyArray<Policy | EffectivePolicy>,
  options: ReplayOptions = {},
): MultiReplayAccumulator {
  return new Accumulator(policies, options);
}

/** An accumulator for one policy: feed it lines, read the report. */
export function createReplayAccumulator(
  policy: Policy | EffectivePolicy,
  options: ReplayOptions = {},
): ReplayAccumulator {
  const acc = new Accumulator([policy], options);
  return {
    addLine: (line, lineNo, source) => acc.addLine(line, lineNo, source),
    report: () => acc.reports()[0],
  };
}
