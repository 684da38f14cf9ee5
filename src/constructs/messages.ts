/** A short, stable rendering of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 80 ? value.slice(0, 77) + '...' : value);
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? text.slice(0, 77) + '...' : text;
  } catch {
    return String(value);
  }
}

/** What went wrong with one prop: rendered as "field: received X, expected Y. Fix: Z". */
export interface PropProblem {
  /** The prop path, e.g. `auditLog.path` or `destinations[1].loki.auth.password`. */
  readonly field: string;
  readonly received?: unknown;
  /** Set to false when there is nothing useful to show as "received" (e.g. a secret). */
  readonly showReceived?: boolean;
  readonly expected: string;
  readonly fix: string;
}

/**
 * The one message format of every construct error: the field, what was received, what was
 * expected and how to fix it (cdk8s prefixes the construct path when a validation fails).
 */
export function formatProblem(problem: PropProblem): string {
  const received = problem.showReceived === false ? '' : `received ${describeValue(problem.received)}, `;
  return `${problem.field}: ${received}expected ${problem.expected}. Fix: ${problem.fix}`;
}
