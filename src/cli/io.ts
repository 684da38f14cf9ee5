import { Readable, Writable } from 'node:stream';

/** The streams a command talks to; tests pass their own, the bin passes the process's. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  /** True when stderr is a terminal (progress bars and colour are only drawn then). */
  isTTY: boolean;
}

let pipeGuarded = false;

/** The process's own streams. */
export function processIo(): CliIo {
  if (!pipeGuarded) {
    pipeGuarded = true;
    // `deckhouse-audit ... | head`: the reader leaving early is not an error worth a stack trace.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Read on first use: Node builds process.stdin when it is first touched, and building it loads the file
    // stream and fs/promises modules (about 3 ms of every start) that a command reading a named file never needs.
    get stdin() {
      return process.stdin;
    },
    isTTY: Boolean(process.stderr.isTTY),
  };
}

/** Writes text to a stream and resolves once it is flushed (so exit codes never cut output short). */
export function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (err) => {
      if (err && (err as NodeJS.ErrnoException).code !== 'EPIPE') reject(err);
      else resolve();
    });
  });
}
