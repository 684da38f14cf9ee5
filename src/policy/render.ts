import { Policy } from './types';

/** Canonical YAML for a policy (TEMPORARY stub, being implemented). */
export function renderPolicy(_policy: Policy): string {
  throw new Error('renderPolicy: not implemented yet');
}
