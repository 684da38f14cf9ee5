import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { CliError } from './errors';
import { CliIo } from './io';
// policy-text, not parse: the constant without the loader (and the YAML library) behind it.
import { SECRET_SIZE_LIMIT_BYTES } from '../policy/policy-text';

/**
 * The API server's limit on a Secret's data (MaxSecretSize, 1 MiB; the loader's default limit): the custom
 * policy lives in Secret kube-system/audit-policy, so a larger policy can never reach the cluster.
 */
export const SECRET_SIZE_LIMIT = SECRET_SIZE_LIMIT_BYTES;

/**
 * How many bytes of input a policy of `maxPolicyBytes` may arrive in: as base64 in a Secret manifest it is
 * 4/3 larger, and a synthesized `dist/` file holds other objects beside it (64 KiB of slack for those).
 */
export function inputLimitFor(maxPolicyBytes: number): number {
  return Math.ceil(maxPolicyBytes / 3) * 4 + 64 * 1024;
}

/** What a size refusal should tell the user to do, e.g. "raise the limit with --max-policy-bytes N". */
export interface InputLimit {
  bytes: number;
  /** The reason the limit exists, shown in the refusal. */
  reason: string;
  fix: string;
  /** What the input should be, for a directory given in its place (default: a policy file). */
  what?: string;
}

/**
 * Reads a whole input as bytes, `-` being the command's stdin. Reading stops as soon as the input passes
 * `limit.bytes` (a regular file is refused from its size before any byte is read), so memory stays bounded
 * whatever is piped in. Pipes and FIFOs (`<(zcat …)`) are read as streams, never with positioned reads.
 * A missing, unreadable or oversized input is a CliError naming it.
 */
export async function readInputBytes(file: string, io: CliIo, limit: InputLimit): Promise<Uint8Array> {
  if (file === '-') return readBounded(io.stdin, 'standard input', limit);
  let regular: boolean;
  try {
    regular = statSync(file).isFile();
  } catch (err) {
    throw openError(file, err, limit);
  }
  return regular ? readRegularFile(file, limit) : readSpecialFile(file, limit);
}

/**
 * A regular file, read synchronously: the commands read one small input before anything else can happen,
 * and `node:fs/promises` with its streams would add a few milliseconds to every start (issue 11). Reads to
 * the file's end as it is now, which may be past the size `fstat` gave, and never past the limit.
 */
function readRegularFile(file: string, limit: InputLimit): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw openError(file, err, limit);
  }
  try {
    const size = fstatSync(fd).size;
    if (size > limit.bytes) throw tooLarge(file, limit, size);
    // One byte more than the limit allows tells a file that grew past it from one that ends at it.
    let buffer = Buffer.allocUnsafe(Math.min(limit.bytes + 1, Math.max(size + 1, 64 * 1024)));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        // The file grew since fstat: make room, up to one byte past the limit.
        const grown = Buffer.allocUnsafe(Math.min(limit.bytes + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
      if (total > limit.bytes) throw tooLarge(file, limit);
    }
    return buffer.subarray(0, total);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw openError(file, err, limit);
  } finally {
    closeSync(fd);
  }
}

/** A FIFO, a device or a directory: opened and streamed without blocking (a FIFO opens when its writer does). */
async function readSpecialFile(file: string, limit: InputLimit): Promise<Uint8Array> {
  // Not import(): the bin runs its bundle through vm.Script, which has no loader for dynamic imports.
  const { open } = process.getBuiltinModule('node:fs/promises');
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    throw openError(file, err, limit);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw directoryError(file, limit);
    if (stat.isFile() && stat.size > limit.bytes) throw tooLarge(file, limit, stat.size);
    return await readBounded(handle.createReadStream({ autoClose: false }), file, limit);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw openError(file, err, limit);
  } finally {
    await handle.close();
  }
}

async function readBounded(stream: Readable, name: string, limit: InputLimit): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > limit.bytes) {
      stream.destroy();
      throw tooLarge(name, limit);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(name: string, limit: InputLimit, size?: number): CliError {
  const got = size === undefined ? `more than ${limit.bytes} bytes` : `${size} bytes`;
  return new CliError(
    `${name}: ${got}, over the ${limit.bytes}-byte limit (${limit.reason}); nothing was parsed`,
    undefined,
    limit.fix,
  );
}

function directoryError(file: string, limit: InputLimit): CliError {
  const what = limit.what ?? 'a policy file';
  return new CliError(`${file}: is a directory, expected ${what}`, undefined, `name ${what} inside it`);
}

function openError(file: string, err: unknown, limit: InputLimit): CliError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new CliError(
      `${file}: no such file`,
      undefined,
      `check the path${file.startsWith('/') ? '' : ` (relative to ${process.cwd()})`}`,
    );
  }
  if (code === 'EISDIR') return directoryError(file, limit);
  if (code === 'EACCES') return new CliError(`${file}: permission denied`);
  return new CliError(`${file}: cannot read: ${(err as Error).message}`);
}
