import { FieldError, VersionOptions } from './types';

/** Exactly upstream ValidatePolicy (TEMPORARY stub, being implemented). */
export function validatePolicy(_policy: unknown, _options: VersionOptions = {}): FieldError[] {
  throw new Error('validatePolicy: not implemented yet');
}
