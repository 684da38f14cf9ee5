import { credentialFragments, credentialInValue, NOT_SHOWN, withoutCredentials } from './secret-values';

/**
 * A short, stable rendering of a received value for error messages. A value that holds a credential (a
 * private key, user:password@, a token, a value under a secret name: secret-values.ts) is not quoted: the
 * message says what it holds instead, as `(not shown: it holds ...)`.
 */
export function describeValue(value: unknown): string {
  const credential = credentialInValue(value);
  if (credential !== undefined) return `(not shown: it holds ${credential})`;
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
  // The field's own name counts: a string under `password`, `api_key` or `auth` is a secret whatever it looks like.
  const name = /([^.[\]]+)\]?$/.exec(problem.field)?.[1];
  // Under extraLabels the name is a label's; the CRD's own example names one `key`.
  const label = /(^|\.)extraLabels\.[^.]+$/.test(problem.field);
  const credential =
    problem.showReceived === false ? undefined : credentialInValue(problem.received, name, label);
  const received =
    problem.showReceived === false
      ? ''
      : credential !== undefined
        ? `received a value that is not shown (it holds ${credential}), `
        : `received ${describeValue(problem.received)}, `;
  // A fix or an expectation may quote text derived from the value (the address without its scheme, an index
  // made valid): that must not carry the credential the value was hidden for, nor any other one.
  const hidden = credential === undefined ? undefined : credentialFragments(problem.received, name, label);
  const expected = withoutQuotedCredentials(problem.expected, hidden);
  const fix = withoutQuotedCredentials(problem.fix, hidden);
  return `${problem.field}: ${received}expected ${expected}. Fix: ${fix}`;
}

// Double-quoted text in a message (JSON escapes inside): the values and suggestions it quotes.
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

/**
 * `text` with each double-quoted part that holds a credential cleaned by {@link withoutCredentials}, and each
 * one that still holds a fragment of the received value's credentials (`hidden`: see credentialFragments, for a
 * suggestion derived from the value by changing it) replaced whole.
 */
function withoutQuotedCredentials(text: string, hidden: ReadonlySet<string> | undefined): string {
  return text.replace(QUOTED, (whole, inner: string) => {
    const clean = withoutCredentials(inner);
    if (hidden !== undefined && hidden.size > 0) {
      const lower = clean.toLowerCase();
      for (const fragment of hidden) if (lower.includes(fragment)) return `"${NOT_SHOWN}"`;
    }
    return clean === inner ? whole : `"${clean}"`;
  });
}
