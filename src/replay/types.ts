import type { Readable } from 'stream';
import type { EffectivePolicy, Level, Policy, PolicyRule, RuleLayer, Stage } from '../policy/types';
import type { SpanResult } from './time-span';

/**
 * One audit log to replay: a file path (plain or gzip, detected by its magic bytes), `'-'` for
 * standard input, a readable stream, or a stream with a display name.
 */
export type ReplayInput = string | Readable | NamedReplayStream;

/** A readable stream plus the name reports use for it (e.g. in malformed-line locations). */
export interface NamedReplayStream {
  name: string;
  stream: Readable;
}

/** Log rotation of kube-apiserver's log backend (lumberjack); Deckhouse sets 100 MB, 10 backups, 30 days. */
export interface RotationSettings {
  /** `--audit-log-maxsize`: megabytes (1 MB = 1024 × 1024 bytes, lumberjack's unit) per file. */
  maxSizeMB: number;
  /** `--audit-log-maxbackup`: rotated files kept besides the live file. */
  maxBackups: number;
  /** `--audit-log-maxage`: days a rotated file is kept. */
  maxAgeDays: number;
}

/** Deckhouse's rotation flags for the File log backend. */
export const DECKHOUSE_ROTATION: Readonly<RotationSettings> = Object.freeze({
  maxSizeMB: 100,
  maxBackups: 10,
  maxAgeDays: 30,
});

/** The kubelet's container-log rotation (KubeletConfiguration `containerLogMaxSize`, `containerLogMaxFiles`). */
export interface ContainerLogRotation {
  /** `containerLogMaxSize` in bytes. */
  maxSizeBytes: number;
  /** `containerLogMaxFiles`: files kept per container, the live one included (at least 2). */
  maxFiles: number;
}

/** `--audit-log-truncate-max-event-size` default (bytes); Deckhouse enables truncation with it. */
export const TRUNCATE_MAX_EVENT_BYTES = 102400;

/** How far a replay has got; `totalBytes` is known only when every input is a file. */
export interface ReplayProgress {
  /** Name of the input being read. */
  source: string;
  sourceIndex: number;
  sourceCount: number;
  /** Bytes read from the inputs so far (compressed bytes for gzip files). */
  bytesRead: number;
  totalBytes?: number;
  lines: number;
  events: number;
  elapsedMs: number;
  /** True on the last call, once every input is read. */
  done: boolean;
}

/** Options shared by `simulate` and `simulateMany`. */
export interface ReplayOptions {
  /** Rotation used for the retention estimate. @default - Deckhouse's 100 MB × (10 backups + live file), 30 days */
  rotation?: Partial<RotationSettings>;
  /** Kubernetes version of the cluster; decides what `maxSizeMB: 0` means (see estimateRetention). @default '1.32' */
  kubernetesVersion?: string;
  /**
   * `auditLog.output`: with Stdout, history is the kubelet's container-log rotation instead of the file
   * rotation. @default - 'Stdout' when the input is kube-apiserver's container output (the container runtime's
   * CRI lines, Docker json-file records or a shipper's records naming the `stream`, klog lines among the
   * events), else 'File'
   */
  output?: 'File' | 'Stdout';
  /** With Stdout: the kubelet's rotation. @default - Deckhouse's NodeGroup defaults, 50 MiB × 4 files */
  containerLog?: Partial<ContainerLogRotation>;
  /**
   * Threads that replay a large file input in parallel: this one and `jobs - 1` worker threads (results are
   * identical to one thread). A gzip file of JSON lines is decompressed by this thread and cut into 4 MiB
   * chunks that the threads replay. @default - 1 for streams, below 64 MiB and for gzip files below 6 MiB;
   * else this thread starts at once and, after sampling for 100 ms the cores other processes leave free,
   * shares the rest of the file with a worker per free core (at most 4 threads in all; 2 for gzip, whose
   * chunks cost each thread more memory)
   */
  jobs?: number;
  /** Called about every MiB of input and once at the end. @default - no progress reporting */
  onProgress?: (progress: ReplayProgress) => void;
  /** Length of the top users / resources / requests lists. @default 10 */
  topN?: number;
  /** How many malformed lines are kept as samples (all are counted). @default 10 */
  malformedSamples?: number;
  /** Longer lines are reported as malformed and skipped, which keeps memory bounded. @default 64 MiB */
  maxLineBytes?: number;
  /**
   * Model kube-apiserver's truncate backend (`--audit-log-truncate-enabled`, which Deckhouse sets): an event
   * over the limit loses its bodies (Request and RequestResponse) and, if still too large, is dropped.
   * `true` uses the 102400-byte default limit. @default - no truncation: sizes as defined by the stripped line
   */
  truncate?: boolean | { maxEventBytes?: number };
}

/** Options of `simulate`: the policy to replay under plus the shared replay options. */
export interface SimulateOptions extends ReplayOptions {
  policy: Policy | EffectivePolicy;
}

/** Counts per level. */
export type LevelCounts = Record<Level, number>;

/** Counts per level that can be written (everything but None). */
export type WrittenLevelCounts = Record<Exclude<Level, 'None'>, number>;

/** Events and bytes. */
export interface EventsAndBytes {
  events: number;
  bytes: number;
}

/** What one rule did during the replay. */
export interface RuleReport {
  /** Index in the (effective) policy's rules. */
  index: number;
  /** 'custom' for every rule of a plain policy; the origin's layer for an effective Deckhouse policy. */
  layer: RuleLayer;
  /** Index of the rule inside its layer. */
  layerIndex: number;
  level: Level;
  /** Events this rule decided, written or not. */
  hits: number;
  /** Of those, events written (level not None, stage not omitted). */
  written: number;
  /** Bytes of the written events. */
  bytes: number;
  /** The one label of the rule in messages and tables, e.g. `basic rule #15 (rules[14])` (policy/describe.ts). */
  label: string;
  /** One-line description of the rule, for tables (describeRule, or Deckhouse's title of a built-in rule). */
  summary: string;
  /** Short title of a Deckhouse built-in rule (basic, virtualization and tail layers). */
  title?: string;
  /** The rule itself (diffReports pairs rules of two policies by their content). */
  rule: PolicyRule;
}

/** A line that is not an audit.k8s.io/v1 Event. */
export interface MalformedLine {
  source: string;
  /** 1-based line number in its source. */
  line: number;
  reason: string;
}

/**
 * Counts in the top lists are exact while the replay saw at most HEAVY_HITTER_CAPACITY distinct keys per
 * list; past that they come from the Space-Saving algorithm and may overstate a key by `errorBytes` (and
 * `errorEvents`), never understate it.
 */
export interface TopListError {
  /** How many bytes the entry may overstate (absent when exact). */
  errorBytes?: number;
  /** How many events the entry may overstate (absent when exact). */
  errorEvents?: number;
}

/** A user's share of the written log. */
export interface UserUsage extends EventsAndBytes, TopListError {
  /** Authenticated user name; '(unauthenticated)' for requests without user info. */
  user: string;
}

/** A resource's (or non-resource URL's) share of the written log. */
export interface ResourceUsage extends EventsAndBytes, TopListError {
  /** `resource[/subresource]` for the core group, `group/resource[/subresource]` otherwise, or the URL path. */
  key: string;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  nonResourceURL?: string;
}

/** One (user, verb, resource) combination's share of the written log. */
export interface RequestUsage extends EventsAndBytes, TopListError {
  user: string;
  verb: string;
  /** Same format as ResourceUsage.key. */
  resource: string;
}

/** Per-input statistics. */
export interface SourceReport {
  source: string;
  gzip: boolean;
  /** Bytes read from the input (compressed bytes for gzip). */
  bytes: number;
  lines: number;
  events: number;
  malformed: number;
  /** Lines in the container runtime's (CRI) format. */
  criLines: number;
  /** Bytes of the CRI input's stderr lines (kube-apiserver's own log, not audit data). */
  criStderrBytes: number;
  /** Lines of kube-apiserver's own log (klog, a shipper's stderr record) outside container framing. */
  otherLines: number;
  /**
   * Lines of kube-apiserver's legacy text format (`--audit-log-format=legacy`), which carries no sizes: counted
   * in `malformed` too.
   */
  legacyLines: number;
  /** Problems with the input that did not stop the replay (e.g. trailing garbage after gzip data). */
  warnings: string[];
  /** Threads that read the input (worker threads for a large plain file, else 1). */
  threads: number;
}

/** Events decided at another level under two policies: how many, and their written bytes under each. */
export interface LevelChange {
  events: number;
  /** Bytes the first policy (diff's A) writes for them. */
  bytesA: number;
  /** Bytes this policy writes for them. */
  bytesB: number;
}

/** How long the rotated log keeps history at the measured rate. */
export interface RetentionEstimate {
  /**
   * Hours of history just before a rotation, when every file is full; null when the rate is unknown (written
   * bytes over a zero time span) or unbounded.
   */
  hours: number | null;
  /**
   * Hours of history right after a rotation, when the live file is still empty: the least the rotation keeps
   * (what an event written just before a rotation gets: File keeps maxBackups full files then, Stdout maxFiles - 1),
   * the age limit included; null as for `hours`. Absent from reports saved before it was added.
   */
  minHours?: number | null;
  /** What ends history first: total file size or the age limit; null when the rate is unknown. */
  limitedBy: 'size' | 'age' | null;
  /**
   * Bytes of history kept: (maxBackups + 1) × maxSizeMB × 1 MiB for File (null when no size bound), or the
   * container log's maxFiles × maxSizeBytes for Stdout.
   */
  capacityBytes: number | null;
  rotation: RotationSettings;
  /** Where history is kept: kube-apiserver's own rotated file, or the kubelet's container log. */
  output: 'File' | 'Stdout';
  /** True when nothing is ever deleted (no size and no age bound): history grows without limit. */
  unbounded: boolean;
  /** With Stdout: the kubelet's rotation and what else fills those files (bytes per day; null = unknown). */
  containerLog?: ContainerLogRotation & {
    framingBytesPerDay: number | null;
    otherBytesPerDay: number | null;
  };
  /** A rotation setting whose meaning depends on the Kubernetes version, spelled out. */
  note?: string;
}

/** The result of replaying audit logs under one policy. */
export interface SimulationReport {
  /** Events read (valid lines; malformed and blank lines excluded). */
  events: number;
  /** Non-blank lines read. */
  lines: number;
  /** Events per decided level, written or not. */
  decided: LevelCounts;
  written: {
    events: number;
    bytes: number;
    /** Written events per decided level. */
    byLevel: WrittenLevelCounts;
    /** Written bytes per decided level. */
    bytesByLevel: WrittenLevelCounts;
    /** Written events and bytes per stage. */
    byStage: Record<Stage, EventsAndBytes>;
  };
  /** Events whose level was not None but whose stage the decision omits. */
  omittedByStage: Record<Stage, number>;
  /** Every rule of the policy, by index. */
  rules: RuleReport[];
  /** Events no rule matched (level None). */
  unmatched: number;
  /** Events carrying a Pod create body with an image lacking `@sha256:` (counted in the log, whatever the decision). */
  imagesWithoutDigest: number;
  /** Of those, events written with their request body (decided Request or RequestResponse). */
  imagesWithoutDigestRecorded: number;
  /**
   * First and last timestamps in the log (as written there); null when no event had one. Timestamps that do
   * not parse (`invalid`) and a few far away from all the others (`excluded`, e.g. a year-9999 event) are
   * left out, with the first invalid value and the range excluded.
   */
  span: SpanResult;
  /** Written bytes per day at the log's rate; 0 when nothing is written, null when the span is zero. */
  bytesPerDay: number | null;
  retention: RetentionEstimate;
  topUsers: UserUsage[];
  /**
   * Whether the top lists are exact; when not, every entry's error is at most `errorBoundBytes` (written
   * bytes / capacity) and every key with more bytes than that is listed if it ranks in the top.
   */
  topLists: { capacity: number; exact: boolean; errorBoundBytes: number };
  /**
   * Events decided on `objectRef` because their `requestURI` is missing or is not a URI kube-apiserver
   * could have logged (the decision normally comes from the URI, as the apiserver's own does).
   */
  attributesFromObjectRef: number;
  /** Inputs left out, e.g. the same file given twice (read once). */
  skippedInputs: Array<{ source: string; reason: string }>;
  topResources: ResourceUsage[];
  topRequests: RequestUsage[];
  malformed: { count: number; lines: MalformedLine[] };
  /**
   * Written events recorded in the log at a lower level than decided whose decided level would add a body
   * the log lacks (a request body of create/update/patch/delete, a response object at ResponseComplete), so
   * their bytes are underestimated; with counts per "source->decided" pair.
   */
  lowSourceLevel: { events: number; byLevels: Record<string, number> };
  /**
   * With the bundled snapshot's built-in rules: events whose decision turns on its per-release system lists (a
   * `d8-*` namespace or Deckhouse ServiceAccount another release lists, or a snapshot entry a known release lacks),
   * with counts per `<list> <name>: <level>-><level>` (at most 1,000 keys); absent when there are none.
   */
  snapshotListDecisions?: { events: number; byName: Record<string, number> };
  /**
   * On the reports of `simulateMany` after the first: the events this policy decides at another level than
   * the first policy does (diff's A), per `<first's level>-><this level>` in level order (`Metadata->None`),
   * which the per-level counts hide when changes the other way cancel them out; `{}` when none. Absent on the
   * first report and on `simulate`'s.
   */
  levelChanges?: Record<string, LevelChange>;
  /**
   * Events of a stage this policy writes that the log lacks, not counted in `written`: for the requests that
   * end in the log (ResponseComplete, Panic) and that the policy records, kube-apiserver writes
   * RequestReceived (every request) and ResponseStarted (long-running ones: watch, proxy, exec, attach,
   * portforward, log) unless omitted; a log written under a policy that omitted the stage (Deckhouse's
   * built-in rules omit RequestReceived) has fewer. `requests` is how many such events the requests imply,
   * `missing` how many of them the log does not hold (requests cut by the log's ends add a few either way).
   */
  unloggedStages: Record<'RequestReceived' | 'ResponseStarted', { requests: number; missing: number }>;
  sources: SourceReport[];
  /** Effect of the truncate backend; null when truncation is not modelled (the default). */
  truncation: { maxEventBytes: number; truncated: number; dropped: number } | null;
}
