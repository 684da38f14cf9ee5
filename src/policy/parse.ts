import { ParseResult, VersionOptions } from './types';

/** Strictly decodes a YAML or JSON audit policy (TEMPORARY stub, being implemented). */
export function parsePolicy(_text: string): ParseResult {
  throw new Error('parsePolicy: not implemented yet');
}

/** Does what kube-apiserver's loader does, stricter (TEMPORARY stub, being implemented). */
export function loadPolicy(_text: string, _options: VersionOptions = {}): ParseResult {
  throw new Error('loadPolicy: not implemented yet');
}
