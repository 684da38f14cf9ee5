// Whether kube-apiserver's truncate backend shrinks the events of a replay whose auditLog.output is only known
// once the input has been read. Deckhouse sets --audit-log-truncate-enabled=true in the File branch of its
// kube-apiserver manifest and not for Stdout (--audit-log-path=- alone), so with Stdout an event over 100 KiB
// is written whole. A replay takes Stdout from its input (container-runtime lines, kube-apiserver's own log
// lines among the events: accumulator.ts), which it learns while reading: from then on no event is truncated,
// and the events sized as truncated before that are counted per input, to be said with the report.

/** Options of a replay that models the truncate backend only for File output (the CLI's Deckhouse default). */
export interface FileOutputTruncationOptions {
  /** Apply `truncate` only while the output is File: given, or not yet shown to be Stdout by the input. */
  truncateFileOutputOnly?: boolean;
  output?: 'File' | 'Stdout';
}

/** Plain data of a FileOutputTruncation (a worker thread's part of the input). */
export type FileOutputTruncationState = Array<[string, number]>;

export class FileOutputTruncation {
  /** Truncation is modelled for File output only. */
  private readonly fileOnly: boolean;
  /** True when the output is not given: File by default, Stdout once the input shows container output. */
  private readonly provisional: boolean;
  /** The output is Stdout (given, or shown by the input): no event is truncated from here on. */
  private containerOutput: boolean;
  /** Events sized as truncated (or dropped) per input while the output was not known. */
  private readonly early = new Map<string, number>();

  constructor(options: FileOutputTruncationOptions) {
    this.fileOnly = options.truncateFileOutputOnly === true;
    this.provisional = this.fileOnly && options.output === undefined;
    this.containerOutput = this.fileOnly && options.output === 'Stdout';
  }

  /** The input showed it is kube-apiserver's container output (a CRI line, its own log lines among events). */
  sawContainerOutput(): void {
    if (this.provisional) this.containerOutput = true;
  }

  /** Whether the truncate backend applies to the next event. */
  applies(): boolean {
    return !this.containerOutput;
  }

  /** Whether truncations of the next event must be counted (the output may still turn out to be Stdout). */
  counting(): boolean {
    return this.provisional && !this.containerOutput;
  }

  /** Counts an event of `source` that was truncated or dropped while the output was not known. */
  addEarly(source: string): void {
    if (this.counting()) this.early.set(source, (this.early.get(source) ?? 0) + 1);
  }

  /** True when the report must not show truncation: Stdout output and no event was sized as truncated. */
  hidesTruncation(output: 'File' | 'Stdout'): boolean {
    return this.fileOnly && output === 'Stdout' && this.early.size === 0;
  }

  /** The warning for `source` when the output turned out to be Stdout after some of its events were truncated. */
  warning(source: string, output: 'File' | 'Stdout', maxEventBytes: number | undefined): string[] {
    const n = this.provisional && output === 'Stdout' ? (this.early.get(source) ?? 0) : 0;
    if (n === 0) return [];
    const events = n === 1 ? '1 event' : `${n} events`;
    return [
      `${events} over ${String(maxEventBytes ?? 0).replace(/\B(?=(\d{3})+$)/g, ',')} bytes came before this input showed it is kube-apiserver's container ` +
        'output (auditLog.output Stdout, where Deckhouse does not set --audit-log-truncate-enabled) and ' +
        `${n === 1 ? 'was' : 'were'} sized as File output's truncate backend writes them, so their bytes are ` +
        'underestimated; give --audit-log-output Stdout to size every event whole',
    ];
  }

  toState(): FileOutputTruncationState {
    return [...this.early];
  }

  merge(state: FileOutputTruncationState): void {
    for (const [source, n] of state) this.early.set(source, (this.early.get(source) ?? 0) + n);
  }
}
