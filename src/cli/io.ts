import { writeSync } from 'node:fs';
import type { Readable } from 'node:stream';

/**
 * Where a command writes text: process.stdout/stderr fit, and so does any Writable a test passes. `callback`
 * is called once the text is written (or dropped because the reader left: EPIPE), with the error otherwise.
 */
export interface CliOutput {
  write(text: string, callback?: (error?: Error | null) => void): boolean;
  /** The terminal's width, when the output is one (the progress bar fits its line to it). */
  readonly columns?: number;
}

/** The streams a command talks to; tests pass their own, the bin passes the process's. */
export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  stdin: Readable;
  /** True when stderr is a terminal (progress bars and colour are only drawn then). */
  isTTY: boolean;
}

/**
 * Standard output or error, written synchronously to its file descriptor. Building process.stdout or
 * process.stderr loads Node's tty, net and stream modules (about 5% of a bare `node -e 0`, on every run of
 * `explain` or `validate`), which writing a few lines does not need. The write is synchronous, so the exit
 * code never cuts output short. A descriptor the parent left non-blocking can refuse a write (EAGAIN): from
 * then on the rest goes through the process's own stream, which waits, so the order is kept. A reader that
 * left early (`deckhouse-audit ... | head`, EPIPE) is not an error worth a message: the text is dropped.
 */
export class DescriptorOutput implements CliOutput {
  private stream: NodeJS.WriteStream | undefined;

  /**
   * @param fd 1 or 2.
   * @param processStream the process's stream for the same descriptor, built only when first needed.
   * @param writeBytes fs.writeSync's shape (bytes written from `offset`; throws with `code` EAGAIN, EPIPE, …).
   */
  constructor(
    private readonly fd: 1 | 2,
    private readonly processStream: () => NodeJS.WriteStream,
    private readonly writeBytes: (fd: number, bytes: Buffer, offset: number) => number = writeSync,
  ) {}

  get columns(): number | undefined {
    return this.processStream().columns;
  }

  write(text: string, callback?: (error?: Error | null) => void): boolean {
    if (this.stream !== undefined) return this.stream.write(text, callback);
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    try {
      while (written < bytes.length) written += this.writeBytes(this.fd, bytes, written);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        this.stream = guarded(this.processStream());
        return this.stream.write(bytes.subarray(written), callback);
      }
      if (code !== 'EPIPE') {
        callback?.(err as Error);
        return false;
      }
    }
    callback?.(null);
    return true;
  }
}

/** The process's stream with an EPIPE (the reader left) made harmless instead of an uncaught error. */
function guarded(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  return stream;
}

/**
 * The process's own streams. On Windows a console takes text through libuv's tty handle (which converts it to
 * UTF-16), not through a plain descriptor write, so there the process's streams are used as they are.
 */
export function processIo(): CliIo {
  const windows = process.platform === 'win32';
  return {
    stdout: windows ? guarded(process.stdout) : new DescriptorOutput(1, () => process.stdout),
    stderr: windows ? process.stderr : new DescriptorOutput(2, () => process.stderr),
    // Read on first use: Node builds process.stdin when it is first touched, and building it loads the file
    // stream and fs/promises modules (about 3 ms of every start) that a command reading a named file never needs.
    get stdin() {
      return process.stdin;
    },
    // Also on first use: only simulate and diff ask (for the progress bar), and asking builds process.stderr.
    get isTTY() {
      return Boolean(process.stderr.isTTY);
    },
  };
}

/** Writes text to an output and resolves once it is written (so exit codes never cut output short). */
export function write(output: CliOutput, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    output.write(text, (err) => {
      if (err && (err as NodeJS.ErrnoException).code !== 'EPIPE') reject(err);
      else resolve();
    });
  });
}
