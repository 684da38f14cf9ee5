import { AuditLogDestination } from '../../src/constructs';

export { ship } from './audit-log-shipping-helpers';
// A seeded generator (mulberry32): the fuzz cases are the same on every run.
export { mulberry32 as random } from '../support/seeded-random';

/** The destination with allowInlineCredentials: its inline credentials are the user's choice. */
export function allow(destination: AuditLogDestination): AuditLogDestination {
  return { ...destination, allowInlineCredentials: true } as AuditLogDestination;
}

/** A word of min..max characters of the alphabet, drawn from `next`. */
export function word(next: () => number, alphabet: string, min: number, max: number): string {
  const length = min + Math.floor(next() * (max - min + 1));
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const SECRETISH = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!$&*+';
