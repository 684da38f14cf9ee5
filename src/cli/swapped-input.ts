import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { UsageError } from './errors';

/**
 * Tells a policy given where an audit log is expected, and an audit log given where a policy is expected
 * (`simulate --policy audit.log policy.yaml`), from the first bytes of the file: without this the first is
 * replayed as "malformed lines" and the second fails as a policy with a JSON error, neither naming the swap.
 */

const HEAD_BYTES = 4096;

/** The first bytes of a regular file (nothing for stdin, pipes or an unreadable path: those are read later). */
export function fileHead(file: string): Uint8Array | undefined {
  if (file === '-') return undefined;
  let fd: number | undefined;
  try {
    // stat before open: opening a named pipe would block for a writer, and closing it again could cost the
    // writer its reader (SIGPIPE) before the replay opens it.
    if (!statSync(file).isFile()) return undefined;
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Text a head inflates to at most: a policy's first lines are enough, and memory stays bounded. */
const INFLATED_HEAD_BYTES = 64 * 1024;

/**
 * The start of what a gzip head holds (the head is cut short, so the stream is flushed, not finished); undefined
 * when it cannot be read (damaged, or inflating to more than INFLATED_HEAD_BYTES: a log, not a policy).
 */
function inflatedHead(head: Uint8Array): Uint8Array | undefined {
  // Loaded here, not imported: node:zlib brings Node's stream modules with it (about 3% of a bare `node -e 0`),
  // and every explain, validate and lint run reads a head, of which hardly any is gzip.
  const { constants, gunzipSync } = process.getBuiltinModule('node:zlib');
  try {
    return gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: INFLATED_HEAD_BYTES });
  } catch {
    return undefined;
  }
}

/** The first text of a regular file given as LOG, gzip inflated and UTF-16 decoded; undefined when unknown. */
export function logHeadText(file: string): string | undefined {
  const raw = fileHead(file);
  const head = raw !== undefined && isGzip(raw) ? inflatedHead(raw) : raw;
  return head === undefined ? undefined : headText(head);
}

/** The command that decompresses a gzip file (`gunzip -k policy.yaml.gz` writes policy.yaml beside it). */
function gunzipCommand(file: string): string {
  if (file === '-') return 'zcat FILE | deckhouse-audit … -';
  return file.endsWith('.gz') ? `gunzip -k ${file}` : `zcat ${file} > policy.yaml`;
}

// Every audit event kube-apiserver writes has an auditID (audit.k8s.io Event); no policy field is named so.
// But a YAML file may still say "auditID" (a policy's comment, a log shipper's config in a ConfigMap of a
// dist/ bundle): a file whose first line is YAML's (a comment, `---`, a directive or a top-level key) is YAML,
// whatever follows. A log line starts with `{`, `[` or a container runtime's timestamp, never so.
function holdsAuditEvents(head: Uint8Array): boolean {
  const text = headText(head);
  if (!text.includes('"auditID"')) return false;
  const first = text.split('\n').find((line) => line.trim() !== '');
  return first === undefined || !YAML_FIRST_LINE.test(first.trimStart());
}

/**
 * The head as text without its byte order mark: UTF-16 (a log or policy saved by PowerShell's `>`) decoded, so
 * that it is told apart as a UTF-8 file is; anything else as UTF-8 (a sequence cut at the end becomes U+FFFD).
 */
function headText(head: Uint8Array): string {
  const encoding =
    head[0] === 0xff && head[1] === 0xfe
      ? 'utf-16le'
      : head[0] === 0xfe && head[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  // TextDecoder drops a byte order mark of its own encoding.
  return new TextDecoder(encoding).decode(head);
}

// `# comment`, `---`, `%YAML 1.2`, or `key:` followed by a space or the line's end.
const YAML_FIRST_LINE = /^(?:#|---|%|[A-Za-z_][\w./-]*:(?:[ \t\r]|$))/;

/**
 * Throws a usage error when the file given as a policy is an audit log (plain or gzip), or a policy or manifest
 * compressed with gzip: kube-apiserver (--audit-policy-file), Deckhouse's Secret and kubectl read plain text.
 */
export function refuseLogAsPolicy(file: string, head: Uint8Array | undefined): void {
  if (head === undefined) return;
  const name = file === '-' ? 'the policy on standard input' : file;
  const inflated = isGzip(head) ? inflatedHead(head) : undefined;
  if (inflated !== undefined && isTar(inflated)) {
    throw new UsageError(
      `${name} is a tar archive (gzip-compressed), not a policy: extract the policy or manifest from it first ` +
        `(tar -xzf ${file === '-' ? 'FILE' : file}, or tar -tzf to list it) and give that file`,
    );
  }
  if (inflated !== undefined && inflated.length > 0 && !holdsAuditEvents(inflated)) {
    throw new UsageError(
      `${name} is gzip-compressed (${inflatedKind(inflated)}): a policy or manifest is read as plain YAML or ` +
        `JSON text, as kube-apiserver reads --audit-policy-file and kubectl a manifest: decompress it first ` +
        `(${gunzipCommand(file)})${file === '-' ? '' : ' and give the plain file'}`,
    );
  }
  const what = isGzip(head)
    ? 'is gzip-compressed, as a rotated audit log is; a policy is YAML'
    : holdsAuditEvents(head)
      ? 'holds audit events (an audit log), not a policy'
      : undefined;
  if (what === undefined) return;
  throw new UsageError(
    `${name} ${what}: were the arguments swapped? The policy goes to --policy (to validate and lint as ` +
      'FILE); an audit log is a LOG argument of simulate or diff',
  );
}

// A YAML document's top-level key at the start of a line: a policy or a manifest, never a JSON-lines log.
const YAML_KEY = /^(?:apiVersion|kind|rules|omitStages|metadata|data|stringData|spec):/m;
const KIND = /^kind:[ \t]*["']?([A-Za-z]+)/m;

/** What inflated text holds, for the message about a gzip-compressed policy. */
function inflatedKind(inflated: Uint8Array): string {
  const text = headText(inflated);
  const kind = KIND.exec(text)?.[1] ?? /"kind"\s*:\s*"([A-Za-z]+)"/.exec(text)?.[1];
  if (kind === 'Policy' || (kind === undefined && /^rules:/m.test(text))) return 'an audit policy inside';
  return kind ? `a manifest inside, kind: ${kind}` : 'no audit log inside';
}

/** A tar header (POSIX ustar or GNU magic at byte 257): `tar czf` of a dist/ directory or of logs. */
function isTar(head: Uint8Array): boolean {
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1', 257, 262) === 'ustar';
}

/**
 * Throws a usage error when a file given as an audit LOG is a policy or a manifest (a dist/ file), plain or
 * compressed with gzip (its first bytes inflated: a rotated log is gzip too, so the magic alone says nothing).
 */
export function refusePolicyAsLog(file: string): void {
  const raw = fileHead(file);
  if (raw === undefined) return;
  const gzip = isGzip(raw);
  const head = gzip ? inflatedHead(raw) : raw;
  if (head === undefined) return;
  const text = headText(head);
  // A compressed policy goes to --policy as plain text.
  const give = gzip ? `Decompress it (${gunzipCommand(file)}) and give the plain file` : 'Give it';
  // A policy (or manifest) kube-apiserver would read as JSON: `{"apiVersion":"audit.k8s.io/v1","kind":"Policy",…}`.
  // The first "kind" only: an audit event's is "Event", and the objects it records come after it.
  const jsonKind = text.trimStart().startsWith('{') ? /"kind"\s*:\s*"([^"]*)"/.exec(text)?.[1] : undefined;
  if (
    (jsonKind === 'Policy' || jsonKind === 'Secret' || jsonKind === 'ModuleConfig') &&
    !text.includes('"auditID"')
  ) {
    throw new UsageError(
      `LOG ${file} is ${jsonKind === 'Policy' ? 'an audit policy' : 'a manifest'} (JSON, kind: ${jsonKind}${gzip ? ', gzip-compressed' : ''}), not an ` +
        `audit log: were the arguments swapped? ${give} with --policy, and as LOG the kube-apiserver audit log`,
    );
  }
  const first = text.split('\n').find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (first === undefined || !(first.startsWith('---') || YAML_KEY.test(first))) return;
  if (!YAML_KEY.test(text)) return;
  const kind = KIND.exec(text)?.[1];
  const what =
    kind === 'Policy' || (kind === undefined && /^rules:/m.test(text))
      ? 'an audit policy (kind: Policy)'
      : `a YAML manifest${kind ? ` (kind: ${kind})` : ''}`;
  throw new UsageError(
    `LOG ${file} is ${what}${gzip ? ', gzip-compressed' : ''}, not an audit log: were the arguments swapped? ` +
      `${gzip ? `Decompress it (${gunzipCommand(file)}) and give` : 'Give'} a policy or a dist/ manifest with ` +
      '--policy, and as LOG the kube-apiserver audit log (JSON lines, e.g. /var/log/kube-audit/audit.log)',
  );
}
