import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { isRecord, shapeOf } from '../policy/arguments';
import { readsAsLogRecord } from '../replay/log-record';
import { reportProblem } from '../replay/report-shape';
import { SimulationReport } from '../replay/types';
import { CliError, UsageError } from './errors';
import { echo } from '../policy/echo';
import { jsonErrorOffset } from '../policy/json-error-offset';
import { positionIn } from '../policy/policy-text';

/**
 * Reports saved with `simulate --json`, given to `diff` among its LOG arguments: told apart from audit logs by
 * content. A saved report is one pretty-printed JSON object with the report's counts; an audit log is JSON
 * lines, an EventList, a JSON array, a shipper's records or text, or gzip.
 */

/** A report read back from a file, and what `diff` prints for its side. */
export interface SavedReport {
  readonly file: string;
  readonly report: SimulationReport;
  /** `report of <policy> saved in <file>`: the side's line in the diff. */
  readonly description: string;
}

// Larger files are replayed as logs without a look at their whole content. A saved report is a few hundred KiB:
// the top 10 of each table, and one entry (about 350 bytes, with the rule itself) per rule of a policy the loader
// reads (at most 25,000 rules in its 50,000 entries: 12,491 took 4.4 MB), so about 10 MiB at most; JSON.parse
// of a 58 MB one took 310 MB.
export const SAVED_REPORT_MAX_BYTES = 16 * 1024 * 1024;
const PEEK_BYTES = 64 * 1024;
// How "simulate --json" starts a report: no audit Event or shipper's record has "policy" as its first key.
const REPORT_START = /^\s*\{\s*"policy"\s*:/;

const SAVE_FIX = 'save it again with "deckhouse-audit simulate --json ... > FILE" of this version';

// Top-level keys that make a JSON object an audit log's content: an Event or EventList, or a log shipper's
// record (the fields log-record.ts reads the event from).
const LOG_KEYS = ['kind', 'auditID', 'items', 'message', 'log', 'line', '_source', 'parsed_data', 'event'];

type Fits = readonly [(v: unknown) => boolean, string];
const LIST: Fits = [Array.isArray, 'a list'];
const OBJECT: Fits = [isRecord, 'an object'];
const NUMBER: Fits = [(v) => typeof v === 'number' && Number.isFinite(v), 'a number'];
const STRING: Fits = [(v) => typeof v === 'string', 'a string'];
const BOOLEAN: Fits = [(v) => typeof v === 'boolean', 'true or false'];

// What `diff` reads of a report besides what diffReports checks: the inputs, span and caveats it prints
// (simulationWarnings). `[]` in a path is every element of the list before it.
const CLI_FIELDS: ReadonlyArray<readonly [string, Fits]> = [
  ['sources', LIST],
  ['sources[]', OBJECT],
  ['sources[].source', STRING],
  ['sources[].warnings', LIST],
  ['sources[].warnings[]', STRING],
  ['skippedInputs', LIST],
  ['skippedInputs[]', OBJECT],
  ['skippedInputs[].source', STRING],
  ['skippedInputs[].reason', STRING],
  ['span', OBJECT],
  ['span.seconds', NUMBER],
  ['span.invalid', NUMBER],
  ['span.excluded', NUMBER],
  ['topLists', OBJECT],
  ['topLists.exact', BOOLEAN],
  ['topLists.capacity', NUMBER],
  ['topLists.errorBoundBytes', NUMBER],
  ['lowSourceLevel', OBJECT],
  ['lowSourceLevel.events', NUMBER],
  ['lowSourceLevel.byLevels', OBJECT],
  ['attributesFromObjectRef', NUMBER],
  ['imagesWithoutDigest', NUMBER],
  ['malformed', OBJECT],
  ['malformed.count', NUMBER],
  ['malformed.lines', LIST],
  ['malformed.lines[]', OBJECT],
  ['malformed.lines[].source', STRING],
  ['malformed.lines[].line', NUMBER],
  ['malformed.lines[].reason', STRING],
];

/**
 * The first value at `path` (`[]` steps go through every element of a list) that does not fit, named with its
 * indexes. A parent that is not an object or list is skipped here: its own line in CLI_FIELDS, before, names it.
 */
function misfit(root: unknown, path: string, [fits, expected]: Fits): string | undefined {
  let nodes: Array<readonly [unknown, string]> = [[root, '']];
  for (const part of path.split('.')) {
    const each = part.endsWith('[]');
    const key = each ? part.slice(0, -2) : part;
    const next: Array<readonly [unknown, string]> = [];
    for (const [value, label] of nodes) {
      if (!isRecord(value)) continue;
      const name = label === '' ? key : `${label}.${key}`;
      const inner = value[key];
      if (!each) next.push([inner, name]);
      else if (Array.isArray(inner)) inner.forEach((e, i) => next.push([e, `${name}[${i}]`]));
    }
    nodes = next;
  }
  const bad = nodes.find(([value]) => !fits(value));
  if (bad === undefined) return undefined;
  const [value, label] = bad;
  return `${label} is ${value === undefined ? 'missing' : shapeOf(value)}, expected ${expected}`;
}

function head(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(PEEK_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, PEEK_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Throws a usage error when a file given to `simulate` as a LOG is a saved report (`simulate --json > FILE`): it
 * would be replayed as one malformed line; `diff` compares reports.
 */
export function refuseReportAsLog(file: string): void {
  let start: Buffer;
  try {
    if (file === '-' || !statSync(file).isFile()) return;
    start = head(file);
  } catch {
    return; // the replay names a file it cannot read
  }
  if (!REPORT_START.test(decode(start))) return;
  throw new UsageError(
    `LOG ${file} is a saved report (deckhouse-audit simulate --json), not an audit log: compare two reports with ` +
      `deckhouse-audit diff ${file} OTHER.json, or one with a policy replayed over the logs with deckhouse-audit ` +
      `diff ${file} --policy B LOG...; to simulate, give the audit log it was made from`,
  );
}

/**
 * The text of `bytes`: UTF-8, or UTF-16 after its byte order mark (PowerShell 5's `>` writes `simulate --json`
 * as UTF-16LE, so a report saved there must read back; an audit log in UTF-16 stays a log, which the replay decodes).
 */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const le = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return le.swap16().toString('utf16le');
  }
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * The saved report in `file`, or undefined when the file is to be replayed as a log (gzip, not JSON, JSON
 * lines, a JSON array, an Event, EventList or shipper's record). A JSON object that is neither a report nor
 * an audit log, and a report that lacks a count `diff` needs, are CliErrors naming the file and the field.
 */
export function readSavedReport(file: string): SavedReport | undefined {
  if (file === '-') return undefined;
  let size: number;
  let start: Buffer;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return undefined;
    size = stat.size;
    start = head(file);
  } catch {
    // Missing or unreadable: the replay reports it with its own message.
    return undefined;
  }
  if (start[0] === 0x1f && start[1] === 0x8b) return undefined;
  const text = decode(start);
  if (size > SAVED_REPORT_MAX_BYTES && REPORT_START.test(text)) {
    throw new CliError(
      `${file}: ${size} bytes, more than a report saved by "simulate --json" can be (${SAVED_REPORT_MAX_BYTES}: ` +
        'the top 10 of each table and one entry per rule); nothing was parsed',
      undefined,
      `${SAVE_FIX}, unedited`,
    );
  }
  if (!/^\s*\{/.test(text) || size > SAVED_REPORT_MAX_BYTES) return undefined;
  // JSON lines: the first line is a whole object by itself, which a pretty-printed report's "{" is not. A
  // report compacted onto one line (`jq -c .`) is one too; it is told from a one-line log below by its keys.
  const firstLine = text.trimStart().split('\n', 1)[0];
  let oneLine = false;
  try {
    JSON.parse(firstLine);
    if (size > PEEK_BYTES || text.trimStart().slice(firstLine.length).trim() !== '') return undefined;
    oneLine = true;
  } catch {
    // Not one object a line: read the whole document below.
  }
  let value: unknown;
  const whole = decode(readFileSync(file));
  try {
    value = JSON.parse(whole);
  } catch (err) {
    // A report cut short (copied while simulate was still writing, or by head -c) is no log to replay.
    if (REPORT_START.test(text)) {
      const offset = jsonErrorOffset(whole);
      const at =
        offset >= 0 ? ` at ${positionIn(whole, offset).line}:${positionIn(whole, offset).column}` : '';
      throw new CliError(
        `${file}: a report saved by "simulate --json" that is not valid JSON${at} (${echo((err as Error).message, 120)}): cut short or edited`,
        undefined,
        SAVE_FIX,
      );
    }
    // Pretty-printed JSON the replay reads record by record (or refuses line by line).
    return undefined;
  }
  if (!isRecord(value) || LOG_KEYS.some((k) => k in value)) return undefined;
  const looksLikeReport = 'written' in value || 'rules' in value || 'retention' in value;
  // A one-line object that is no report is a record of some shipper's log: replayed (and named) as a log line.
  if (oneLine && !looksLikeReport) return undefined;
  if (!looksLikeReport) {
    // A record the replay reads (a search response, CloudWatch's `events`, Azure's `records`…) or names.
    if (readsAsLogRecord(value)) return undefined;
    const other = otherOutput(value);
    if (other !== undefined) {
      throw new UsageError(
        `${file}: the output of "deckhouse-audit ${other} --json", not a report saved by "simulate --json": diff ` +
          'compares simulate reports (or replays logs); save one with "deckhouse-audit simulate --json ... > report.json"',
      );
    }
    throw new UsageError(
      `${file}: a JSON object that is neither a report saved by "simulate --json" (no "written", "rules" or ` +
        `"retention") nor an audit log (no "kind", "auditID" or "items"; keys: ${Object.keys(value).slice(0, 6).join(', ') || 'none'}). ` +
        'Give audit logs (audit.k8s.io Events, one JSON object a line, or an EventList) or a report saved with ' +
        '"deckhouse-audit simulate --json ... > report.json"',
    );
  }
  const problem =
    reportProblem(value) ??
    CLI_FIELDS.map(([path, fits]) => misfit(value, path, fits)).find((p) => p !== undefined);
  if (problem !== undefined) {
    throw new CliError(
      `${file}: not a report "diff" can read: field ${problem} (saved by another version, or edited)`,
      undefined,
      SAVE_FIX,
    );
  }
  const policy = typeof value.policy === 'string' ? value.policy : 'a policy';
  return {
    file,
    report: value as unknown as SimulationReport,
    description: `report of ${policy}, saved in ${file}`,
  };
}

// The JSON documents of the other commands, by the members only they print: saved by mistake for simulate's.
function otherOutput(value: Record<string, unknown>): string | undefined {
  if ('headline' in value && 'diff' in value) return 'diff';
  if ('findings' in value && 'counts' in value) return 'lint';
  if ('decision' in value && 'request' in value) return 'explain';
  if ('files' in value && 'valid' in value) return 'validate';
  return undefined;
}
