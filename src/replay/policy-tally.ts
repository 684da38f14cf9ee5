import { ListDependence, usesSnapshotLists } from '../deckhouse/release-lists';
import { DECKHOUSE_RULE_TITLES } from '../deckhouse/rule-titles';
import { describeRule, ruleLabel } from '../policy/describe';
import { compilePolicy } from '../policy/evaluate';
import { isLongRunning, STREAMING_SUBRESOURCES } from '../policy/written-stages';
import {
  CompiledPolicy,
  Decision,
  EffectivePolicy,
  isEffectivePolicy,
  Level,
  Policy,
  RequestAttributes,
  Stage,
} from '../policy/types';
import { boundedKey } from './bounded-key';
import { LEVEL_RANK } from './event';
import { HeavyHitters, HeavyHittersState } from './heavy-hitters';
import type { EventSizer } from './size';
import type { LevelChange, RuleReport } from './types';

/** containerd's default max_container_log_line_size: longer stdout lines are split into P fragments. */
const CRI_FRAGMENT_BYTES = 16 * 1024;
/** `2006-01-02T15:04:05.999999999Z stdout F `: the framing the runtime adds to each fragment. */
const CRI_FRAMING_BYTES = 40;

/** CRI framing bytes of a written line of `bytes` bytes (newline included). */
export function criFramingBytes(bytes: number): number {
  const fragments = Math.max(1, Math.ceil((bytes - 1) / CRI_FRAGMENT_BYTES));
  return fragments * CRI_FRAMING_BYTES + (fragments - 1);
}

export function zeroStages<T>(make: () => T): Record<Stage, T> {
  return { RequestReceived: make(), ResponseStarted: make(), ResponseComplete: make(), Panic: make() };
}

const UNAUTHENTICATED = '(unauthenticated)';

/** What identifies a resource in the top list, and its parts. */
export interface ResourceInfo {
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  nonResourceURL?: string;
}

function resourceKey(req: RequestAttributes): string {
  if (!req.resourceRequest) return boundedKey(req.path ?? '');
  const sub = req.subresource ? `/${req.subresource}` : '';
  const key = req.apiGroup ? `${req.apiGroup}/${req.resource}${sub}` : `${req.resource}${sub}`;
  return boundedKey(key);
}

function requestInfo(_key: string, ev: TallyEvent): { user: string; verb: string; resource: string } {
  const keys = ev.keys!;
  return { user: keys.user, verb: boundedKey(ev.req.verb), resource: keys.resource };
}

function resourceInfo(key: string, req: RequestAttributes): ResourceInfo {
  if (!req.resourceRequest) return { nonResourceURL: key };
  return {
    apiGroup: boundedKey(req.apiGroup ?? ''),
    resource: boundedKey(req.resource ?? ''),
    ...(req.subresource ? { subresource: boundedKey(req.subresource) } : {}),
  };
}

const BODY_VERBS = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

/**
 * Whether deciding `level` for an event recorded at the lower `src` level needs a body the log does not
 * have: bodies exist only for resource requests at ResponseComplete/Panic, request bodies only for verbs
 * that send one, response objects not for watches, proxies and streaming subresources.
 */
function bodiesMissing(stage: Stage, req: RequestAttributes, src: Level, level: Level): boolean {
  if (!req.resourceRequest || (stage !== 'ResponseComplete' && stage !== 'Panic')) return false;
  if (LEVEL_RANK[src] < 2 && BODY_VERBS.has(req.verb)) return true;
  if (level !== 'RequestResponse') return false;
  return req.verb !== 'watch' && req.verb !== 'proxy' && !STREAMING_SUBRESOURCES.has(req.subresource ?? '');
}

/** One event as every policy's tally sees it. */
export interface TallyEvent {
  req: RequestAttributes;
  stage: Stage;
  sizer: EventSizer;
  /** Level the event was recorded at, when it names one. */
  sourceLevel: Level | undefined;
  /** A Pod create whose body names an image without digest. */
  noDigest: boolean;
  /** The top-list keys, made once per event and shared by the policies. */
  keys: { user: string; resource: string; request: string } | undefined;
  /** Whether the truncate backend (when modelled) applies: not once the input showed Stdout output. */
  truncates: boolean;
}

/** Everything counted for one policy. */
export class PolicyTally {
  readonly compiled: CompiledPolicy;
  readonly rules: RuleReport[];
  readonly decided: Record<Level, number> = { None: 0, Metadata: 0, Request: 0, RequestResponse: 0 };
  readonly writtenByLevel = { Metadata: 0, Request: 0, RequestResponse: 0 };
  readonly bytesByLevel = { Metadata: 0, Request: 0, RequestResponse: 0 };
  readonly byStage = zeroStages(() => ({ events: 0, bytes: 0 }));
  readonly omittedByStage = zeroStages(() => 0);
  /** Events of each stage in the log that this policy writes (before truncation; failed logins apart). */
  readonly keptByStage = zeroStages(() => 0);
  /**
   * Events of each earlier stage that the requests ending in the log (ResponseComplete, Panic) write under
   * this policy: kube-apiserver writes RequestReceived for every request, ResponseStarted for long-running
   * ones. More than `keptByStage` means the log lacks them (the policy that wrote it omitted the stage).
   */
  readonly impliedByStage = zeroStages(() => 0);
  writtenEvents = 0;
  writtenBytes = 0;
  /** CRI framing the written events would take in a container log (Stdout output). */
  framingBytes = 0;
  unmatched = 0;
  imagesRecorded = 0;
  lowSource = 0;
  truncated = 0;
  droppedTooLarge = 0;
  readonly lowSourcePairs = new Map<string, number>();
  /** Events a flip of a snapshot system-list entry decides otherwise (policies on the bundled snapshot's lists). */
  listDependent = 0;
  /** Of those, per `<list> <name>: <level>-><level>` (at most MAX_LIST_KEYS keys). */
  readonly listPairs = new Map<string, number>();
  private readonly lists: ListDependence | undefined;
  /** This event's decision (add() sets them): its level, and its written bytes (0 when nothing is written). */
  lastLevel: Level = 'None';
  lastBytes = 0;
  /**
   * Events this policy decides at another level than the first policy replayed with it (diff's A), per
   * `<A level>-><this level>` (at most 12 keys), with their written bytes under each.
   */
  readonly levelChanges = new Map<string, LevelChange>();
  readonly users = new HeavyHitters<undefined>();
  readonly resources = new HeavyHitters<ResourceInfo>();
  readonly requests = new HeavyHitters<{ user: string; verb: string; resource: string }>();

  constructor(
    input: Policy | EffectivePolicy,
    private readonly maxEventBytes: number | undefined,
  ) {
    const effective = isEffectivePolicy(input);
    const policy = effective ? input.policy : input;
    this.compiled = compilePolicy(policy);
    this.lists = effective && usesSnapshotLists(input) ? new ListDependence(input) : undefined;
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

  /**
   * Decides one event under this policy and counts what would be written. True when the truncate backend
   * shrank or dropped it (accumulator.ts counts those while the log's output is not known yet).
   */
  add(ev: TallyEvent): boolean {
    const req = ev.req;
    const d = this.compiled.evaluate(req);
    const level = d.level;
    this.lastLevel = level;
    this.lastBytes = 0;
    this.decided[level]++;
    const rule = d.ruleIndex >= 0 ? this.rules[d.ruleIndex] : undefined;
    if (rule !== undefined) rule.hits++;
    else this.unmatched++;
    if (this.lists !== undefined) this.countListDependence(req, d);
    if (level === 'None') return false;
    const stage = ev.stage;
    const omits = d.omitStages;
    if (stage === 'ResponseComplete' || stage === 'Panic') {
      if (!omits.includes('RequestReceived')) this.impliedByStage.RequestReceived++;
      if (stage === 'ResponseComplete' && !omits.includes('ResponseStarted') && isLongRunning(req))
        this.impliedByStage.ResponseStarted++;
    }
    if (omits.length > 0 && omits.includes(stage)) {
      this.omittedByStage[stage]++;
      return false;
    }
    // A failed login is written at ResponseStarted alone (no user): no later stage implies it.
    if (stage !== 'ResponseStarted' || req.user !== undefined) this.keptByStage[stage]++;
    let bytes = ev.sizer.size(level, d.omitManagedFields);
    const rank = LEVEL_RANK[level];
    const max = this.maxEventBytes;
    const truncates = max !== undefined && ev.truncates && bytes > max;
    if (truncates) {
      // kube-apiserver's truncate backend: drop the bodies of an oversized event, or the whole event.
      if (rank >= 2) {
        bytes = ev.sizer.truncatedSize(level);
        this.truncated++;
      }
      if (bytes > max) {
        this.droppedTooLarge++;
        return true;
      }
    }
    this.writtenEvents++;
    this.writtenBytes += bytes;
    this.lastBytes = bytes;
    this.framingBytes += criFramingBytes(bytes);
    this.writtenByLevel[level]++;
    this.bytesByLevel[level] += bytes;
    const st = this.byStage[stage];
    st.events++;
    st.bytes += bytes;
    if (rule !== undefined) {
      rule.written++;
      rule.bytes += bytes;
    }
    if (rank >= 2) {
      if (ev.noDigest) this.imagesRecorded++;
      const src = ev.sourceLevel;
      if (src !== undefined && LEVEL_RANK[src] < rank && bodiesMissing(stage, req, src, level)) {
        this.lowSource++;
        const pair = `${src}->${level}`;
        this.lowSourcePairs.set(pair, (this.lowSourcePairs.get(pair) ?? 0) + 1);
      }
    }
    const keys = (ev.keys ??= topKeys(req));
    this.users.add(keys.user, bytes, noInfo, undefined);
    this.resources.add(keys.resource, bytes, resourceInfo, req);
    this.requests.add(keys.request, bytes, requestInfo, ev);
    return truncates;
  }

  /** Counts the event add() just decided when `first` (the first policy, diff's A) decided it at another level. */
  countLevelChange(first: PolicyTally): void {
    if (first.lastLevel === this.lastLevel) return;
    const key = `${first.lastLevel}->${this.lastLevel}`;
    const c = this.levelChanges.get(key);
    if (c === undefined)
      this.levelChanges.set(key, { events: 1, bytesA: first.lastBytes, bytesB: this.lastBytes });
    else {
      c.events++;
      c.bytesA += first.lastBytes;
      c.bytesB += this.lastBytes;
    }
  }

  /** levelChanges as a report's record, in level order. */
  levelChangeRecord(): Record<string, LevelChange> {
    const rank = (key: string) => key.split('->').map((l) => LEVEL_RANK[l as Level]);
    const keys = [...this.levelChanges.keys()].sort((x, y) => {
      const [a, b] = [rank(x), rank(y)];
      return a[0] - b[0] || a[1] - b[1];
    });
    return Object.fromEntries(keys.map((k) => [k, { ...this.levelChanges.get(k)! }]));
  }

  private countListDependence(req: RequestAttributes, d: Decision): void {
    const flips = this.lists!.flips(req, d);
    if (flips.length === 0) return;
    this.listDependent++;
    for (const f of flips) {
      const key = `${f.list} ${boundedKey(f.name)}: ${d.level}->${f.otherwise.level}`;
      const n = this.listPairs.get(key);
      if (n !== undefined) this.listPairs.set(key, n + 1);
      else if (this.listPairs.size < MAX_LIST_KEYS) this.listPairs.set(key, 1);
    }
  }

  /** The counts as plain data (for a worker thread to hand over). */
  toState(): TallyState {
    return {
      decided: { ...this.decided },
      writtenByLevel: { ...this.writtenByLevel },
      bytesByLevel: { ...this.bytesByLevel },
      byStage: zeroStagesFrom((s) => ({ ...this.byStage[s] })),
      omittedByStage: { ...this.omittedByStage },
      keptByStage: { ...this.keptByStage },
      impliedByStage: { ...this.impliedByStage },
      counters: COUNTERS.map((k) => this[k]),
      lowSourcePairs: [...this.lowSourcePairs],
      listPairs: [...this.listPairs],
      levelChanges: [...this.levelChanges].map(([k, c]) => [k, { ...c }]),
      rules: this.rules.map((r) => [r.hits, r.written, r.bytes]),
      users: this.users.toState(),
      resources: this.resources.toState(),
      requests: this.requests.toState(),
    };
  }

  /** Requests in the log whose `stage` event this policy writes, and how many of those events the log lacks. */
  unlogged(stage: 'RequestReceived' | 'ResponseStarted'): { requests: number; missing: number } {
    const requests = this.impliedByStage[stage];
    return { requests, missing: Math.max(0, requests - this.keptByStage[stage]) };
  }

  /** Adds another tally of the same policy (a worker's part of the input). */
  merge(other: TallyState): void {
    for (const level of ['None', 'Metadata', 'Request', 'RequestResponse'] as const) {
      this.decided[level] += other.decided[level];
      if (level !== 'None') {
        this.writtenByLevel[level] += other.writtenByLevel[level];
        this.bytesByLevel[level] += other.bytesByLevel[level];
      }
    }
    for (const stage of Object.keys(this.byStage) as Stage[]) {
      this.byStage[stage].events += other.byStage[stage].events;
      this.byStage[stage].bytes += other.byStage[stage].bytes;
      this.omittedByStage[stage] += other.omittedByStage[stage];
      this.keptByStage[stage] += other.keptByStage[stage];
      this.impliedByStage[stage] += other.impliedByStage[stage];
    }
    COUNTERS.forEach((k, i) => (this[k] += other.counters[i]));
    for (const [k, v] of other.lowSourcePairs)
      this.lowSourcePairs.set(k, (this.lowSourcePairs.get(k) ?? 0) + v);
    for (const [k, v] of other.listPairs)
      if (this.listPairs.has(k) || this.listPairs.size < MAX_LIST_KEYS)
        this.listPairs.set(k, (this.listPairs.get(k) ?? 0) + v);
    for (const [k, c] of other.levelChanges) {
      const into = this.levelChanges.get(k);
      if (into === undefined) this.levelChanges.set(k, { ...c });
      else {
        into.events += c.events;
        into.bytesA += c.bytesA;
        into.bytesB += c.bytesB;
      }
    }
    this.rules.forEach((r, i) => {
      r.hits += other.rules[i][0];
      r.written += other.rules[i][1];
      r.bytes += other.rules[i][2];
    });
    this.users.merge(other.users);
    this.resources.merge(other.resources);
    this.requests.merge(other.requests);
  }
}

const COUNTERS = [
  'writtenEvents',
  'writtenBytes',
  'framingBytes',
  'unmatched',
  'imagesRecorded',
  'lowSource',
  'truncated',
  'droppedTooLarge',
  'listDependent',
] as const;

/** Distinct names counted per list flip: names come from the log. */
const MAX_LIST_KEYS = 1000;

/** A tally as plain data. */
export interface TallyState {
  decided: Record<Level, number>;
  writtenByLevel: Record<Exclude<Level, 'None'>, number>;
  bytesByLevel: Record<Exclude<Level, 'None'>, number>;
  byStage: Record<Stage, { events: number; bytes: number }>;
  omittedByStage: Record<Stage, number>;
  keptByStage: Record<Stage, number>;
  impliedByStage: Record<Stage, number>;
  counters: number[];
  lowSourcePairs: Array<[string, number]>;
  listPairs: Array<[string, number]>;
  levelChanges: Array<[string, LevelChange]>;
  rules: Array<[number, number, number]>;
  users: HeavyHittersState<undefined>;
  resources: HeavyHittersState<ResourceInfo>;
  requests: HeavyHittersState<{ user: string; verb: string; resource: string }>;
}

function zeroStagesFrom<T>(make: (stage: Stage) => T): Record<Stage, T> {
  return {
    RequestReceived: make('RequestReceived'),
    ResponseStarted: make('ResponseStarted'),
    ResponseComplete: make('ResponseComplete'),
    Panic: make('Panic'),
  };
}

function noInfo(): undefined {
  return undefined;
}

function topKeys(req: RequestAttributes): { user: string; resource: string; request: string } {
  const user = req.user === undefined ? UNAUTHENTICATED : boundedKey(req.user);
  const resource = resourceKey(req);
  return { user, resource, request: `${user}\u0000${boundedKey(req.verb)}\u0000${resource}` };
}
