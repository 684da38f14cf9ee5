import { echo } from '../policy/echo';
import { MAX_LISTED_PROBLEMS } from '../policy/problem-list';
import { Problem } from '../policy/types';
import { formatBytes } from '../replay/format-bytes';

/** A column of a text table: numbers are right-aligned. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

// A cell's text comes from the input (user names, paths, resources of an audit log): it is printed with the
// engine's one escape rule (policy/echo.ts), so that nothing in it can drive the terminal; keys are already
// bounded where they are counted, so nothing is cut here.
function safeCell(cell: string): string {
  return echo(cell, Number.POSITIVE_INFINITY);
}

/**
 * Renders rows as an aligned plain-text table (two spaces between columns, a dashed rule under the header);
 * control characters, ANSI escapes and bidirectional controls in a cell are printed as `\uXXXX`.
 */
export function textTable(columns: Column[], givenRows: string[][]): string {
  const rows = givenRows.map((r) => r.map((cell) => safeCell(cell ?? '')));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (columns[i].align === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(columns.map((_, i) => r[i] ?? ''))),
  ].join('\n');
}

/** Renders rows as a GitHub-flavoured Markdown table (cells escaped like {@link textTable}'s). */
export function markdownTable(columns: Column[], rows: string[][]): string {
  const escape = (cell: string) => safeCell(cell.replace(/\n/g, ' ')).replace(/\|/g, '\\|');
  const head = `| ${columns.map((c) => escape(c.header)).join(' | ')} |`;
  const rule = `|${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`;
  const body = rows.map((r) => `| ${columns.map((_, i) => escape(r[i] ?? '')).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

export { formatBytes };

/** A byte delta with an explicit sign: +3.1 GiB, -12 KiB, ±0 B. */
export function formatBytesDelta(delta: number): string {
  if (delta === 0) return '±0 B';
  return delta > 0 ? `+${formatBytes(delta)}` : formatBytes(delta);
}

/** A count delta with an explicit sign and the counts' thousands separators: +3, -7,343, 0. */
export function formatCountDelta(delta: number): string {
  const text = delta.toLocaleString('en-US');
  return delta > 0 ? `+${text}` : text;
}

/** A duration given in hours, in the largest unit that reads well: 45 min, 19 h, 3.5 d; ∞ for unlimited. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return '∞';
  if (hours < 1) return `${Math.max(0, Math.round(hours * 60))} min`;
  if (hours < 48) return `${hours < 10 ? trimFixed(hours, 1) : Math.round(hours)} h`;
  const days = hours / 24;
  return `${days < 10 ? trimFixed(days, 1) : Math.round(days)} d`;
}

/** A count with its noun, plural unless the count is 1: `1 error`, `3 new lint errors`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A share as a percentage with one decimal: 12.5%. */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  return `${trimFixed((part / whole) * 100, 1)}%`;
}

function trimFixed(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.0+$/, '');
}

/** How many characters of one echoed message are printed before it is cut. */
export const MAX_MESSAGE_CHARS = 1000;

/**
 * Text from an input (keys, values, file names, lines) made safe to print, line by line, with the engine's
 * one escape rule (policy/echo.ts: control characters, ANSI escapes, bidirectional controls as `\uXXXX`)
 * and cut after `max` characters a line with the number of characters left out.
 */
export function printable(text: string, max = MAX_MESSAGE_CHARS): string {
  return text
    .split('\n')
    .map((line) => echo(line, max))
    .join('\n');
}

/**
 * How many problems of one input are printed; the rest are counted. The engine's own lists hold
 * MAX_LISTED_PROBLEMS problems and one entry counting the rest, and are printed whole.
 */
export const MAX_PRINTED_PROBLEMS = MAX_LISTED_PROBLEMS + 1;

/**
 * Prints at most `max` items with `format`, then one line saying how many more there are (`and 3 more
 * errors`), so a hostile input cannot flood the terminal.
 */
export function cappedList<T>(
  items: readonly T[],
  format: (item: T) => string,
  noun: string,
  max = MAX_PRINTED_PROBLEMS,
): string[] {
  const lines = items.slice(0, max).map(format);
  if (items.length > max)
    lines.push(`... and ${plural(items.length - max, `more ${noun}`)} (--json lists them all)`);
  return lines;
}

/**
 * One problem as compilers print it: `label:line:column: message`, the fix on the next line, indented;
 * `severity` is prefixed to the message for anything but errors.
 */
export function formatProblem(
  label: string,
  problem: Problem,
  severity: 'error' | 'warning' = 'error',
): string {
  let where = label;
  if (problem.line !== undefined) {
    where += `:${problem.line}`;
    if (problem.column !== undefined) where += `:${problem.column}`;
  }
  const head = `${printable(where)}: ${severity === 'error' ? '' : `${severity}: `}${printable(problem.message)}`;
  return problem.fix ? `${head}\n    fix: ${printable(problem.fix)}` : head;
}
