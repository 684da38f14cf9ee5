/**
 * Container runtime (CRI) log lines, as the kubelet keeps them in /var/log/pods: kube-apiserver with
 * `--audit-log-path=-` (Deckhouse's `auditLog.output: Stdout`) writes events to its stdout, and the runtime
 * stores each as `<RFC 3339 time> <stdout|stderr> <P|F> <text>`. A line longer than the runtime's buffer
 * arrives as P(artial) fragments ending with an F(ull) one. klog output on stderr is not audit data.
 */

/** `<timestamp> <stream> <P|F>[:tags] `: the prefix of a CRI log line. */
const CRI_PREFIX = /^(\S+) (stdout|stderr) ([PF])(?::\S*)? /;

/** Whether a line is in the container runtime's format (kube-apiserver's container log, not its audit file). */
export function isCriLine(line: string): boolean {
  return CRI_PREFIX.test(line);
}

/** What one input line is, once CRI framing is taken off. */
export type CriResult =
  /** Not a CRI line: the text is the line itself. */
  | { kind: 'plain' }
  /** A complete stdout line (fragments joined); `prefixBytes` is the CRI framing it took on disk. */
  | { kind: 'line'; text: string; prefixBytes: number }
  /** A fragment kept until its F line, a stderr line (`otherBytes` on disk), or a reassembled line too long. */
  | { kind: 'pending' }
  | { kind: 'stderr'; bytes: number }
  | { kind: 'too-long' };

interface Pending {
  text: string;
  prefixBytes: number;
  tooLong: boolean;
  firstLine: number;
}

/** Joins CRI fragments per input; lines are checked against `maxChars` as they grow. */
export class CriReassembler {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly maxChars: number) {}

  /** Classifies one line of `source` (which must not start with `{`). */
  push(source: string, line: string, lineNo: number): CriResult {
    const cri = CRI_PREFIX.exec(line);
    if (cri === null) return { kind: 'plain' };
    const prefixBytes = cri[0].length;
    if (cri[2] === 'stderr') return { kind: 'stderr', bytes: Buffer.byteLength(line) + 1 };
    const payload = line.slice(prefixBytes);
    let p = this.pending.get(source);
    if (p === undefined) {
      p = { text: '', prefixBytes: 0, tooLong: false, firstLine: lineNo };
    }
    p.prefixBytes += prefixBytes + 1; // each fragment carries its own prefix and newline
    if (!p.tooLong) {
      if (p.text.length + payload.length <= this.maxChars) p.text += payload;
      else {
        p.tooLong = true;
        p.text = '';
      }
    }
    if (cri[3] === 'P') {
      this.pending.set(source, p);
      return { kind: 'pending' };
    }
    this.pending.delete(source);
    if (p.tooLong) return { kind: 'too-long' };
    // The newline of the reassembled line is counted by the caller as the event's own.
    return { kind: 'line', text: p.text, prefixBytes: p.prefixBytes - 1 };
  }

  /** Ends `source`: a fragment never completed by an F line, with the line it started on. */
  /** Whether a line of `source` waits for its F(inal) fragment. */
  isOpen(source: string): boolean {
    return this.pending.has(source);
  }

  finish(source: string): { firstLine: number } | undefined {
    const p = this.pending.get(source);
    this.pending.delete(source);
    return p === undefined ? undefined : { firstLine: p.firstLine };
  }
}
