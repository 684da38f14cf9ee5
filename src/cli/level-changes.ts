import type { ReportDiff } from '../replay/diff';
import { formatBytes } from './format';
import { counted } from './report';

/**
 * The events whose level a policy change moves, for `diff`. The per-level table shows net counts: a change that
 * stops recording one kind of request and starts recording another shows 0 everywhere, though it changes what
 * the log holds (anonymous requests recorded now, a group of resources no longer).
 */

/** `Metadata → None 120 (48 KiB → 0 B)`: one move with its written bytes under A and B. */
function moves(diff: ReportDiff): string[] {
  return Object.entries(diff.levelChanges.byLevels).map(
    ([key, c]) =>
      `${key.replace('->', ' → ')} ${counted(c.events, 'event', 'events')} ` +
      `(${formatBytes(c.bytesA)} → ${formatBytes(c.bytesB)} written)`,
  );
}

/** Why the moves are not known: A or B is a saved report, not replayed with the other. */
const UNKNOWN =
  'which events change level is not known: A and B were not replayed together over one log (a saved report), ' +
  'and the per-level counts are net (moves the other way cancel out); replay the log under both policies ' +
  '(diff --policy A --policy B LOG) to see them';

/** The line for the text report. */
export function levelChangesText(diff: ReportDiff): string {
  const c = diff.levelChanges;
  if (!c.known) return `Level changes: ${UNKNOWN}`;
  if (c.events === 0) return 'Level changes: no event is decided at another level.';
  return `Level changes (${counted(c.events, 'event', 'events')}): ${moves(diff).join('; ')}`;
}

/** The lines for the markdown report. */
export function levelChangesMarkdown(diff: ReportDiff): string[] {
  const c = diff.levelChanges;
  if (!c.known) return [`Level changes: ${UNKNOWN}.`];
  if (c.events === 0) return ['No event is decided at another level.'];
  return [
    `${counted(c.events, 'event is', 'events are')} decided at another level:`,
    '',
    ...moves(diff).map((m) => `- ${m}`),
  ];
}

/** For the headline: `2 events change level`, or nothing when none do or it is not known. */
export function levelChangesHeadline(diff: ReportDiff): string | undefined {
  const c = diff.levelChanges;
  if (!c.known || c.events === 0) return undefined;
  return `${counted(c.events, 'event changes', 'events change')} level`;
}
