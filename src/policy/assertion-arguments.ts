import { isRecord, shapeOf } from './arguments';
import { closestMatch } from './did-you-mean';
import { LEVELS, STAGES } from './types';

// Checks of assertions (`{ request, atLeast: 'Request' }`), so that a mistyped one — `atLeast: 'Requets'`
// from untyped JavaScript, nothing to check at all — is an error at once, naming the field and the allowed
// values, instead of an assertion that can never fail.

const OUTCOME_KEYS = ['level', 'atLeast', 'atMost', 'decidedBy', 'omitsStages', 'emitsStages'];
const ASSERTION_KEYS = ['id', 'name', 'statement', 'request', 'check', 'fixRules', 'fix', ...OUTCOME_KEYS];
const LAYERS = ['basic', 'virtualization', 'custom', 'tail'];

// `Requets` → "; did you mean Request?" (closestMatch also finds a wrong case: `metadata` → Metadata).
function meant(value: unknown, known: readonly string[]): string {
  const guess = typeof value === 'string' ? closestMatch(value, known) : undefined;
  return guess === undefined ? '' : `; did you mean ${guess}?`;
}

/** Throws a TypeError unless `value` is one of the four levels. */
export function checkLevel(value: unknown, field: string): void {
  if (typeof value !== 'string' || !(LEVELS as readonly string[]).includes(value)) {
    throw new TypeError(
      `${field}: ${typeof value === 'string' ? JSON.stringify(value) : shapeOf(value)} is not a level; use one of ` +
        `${LEVELS.join(', ')} (exact case)${meant(value, LEVELS)}`,
    );
  }
}

/** Throws a TypeError unless `value` is one of the four stages. */
export function checkStage(value: unknown, field: string): void {
  if (typeof value !== 'string' || !(STAGES as readonly string[]).includes(value)) {
    throw new TypeError(
      `${field}: ${typeof value === 'string' ? JSON.stringify(value) : shapeOf(value)} is not a stage; use one of ` +
        `${STAGES.join(', ')} (exact case)${meant(value, STAGES)}`,
    );
  }
}

function checkStages(value: unknown, field: string): void {
  if (!Array.isArray(value)) throw new TypeError(`${field}: must be a list of stages, got ${shapeOf(value)}`);
  value.forEach((s, i) => checkStage(s, `${field}[${i}]`));
}

/** Throws a TypeError unless `value` is a `decidedBy` ({ layer?, index? }, at least one). */
export function checkDecidedBy(value: unknown, field: string): void {
  if (!isRecord(value) || (value.layer === undefined && value.index === undefined)) {
    throw new TypeError(
      `${field}: must be { layer?, index? } with at least one of them, got ${shapeOf(value)}`,
    );
  }
  for (const key of Object.keys(value)) {
    if (key !== 'layer' && key !== 'index')
      throw new TypeError(`${field}.${key}: unknown field; use layer or index`);
  }
  if (value.layer !== undefined && (typeof value.layer !== 'string' || !LAYERS.includes(value.layer))) {
    throw new TypeError(
      `${field}.layer: ${JSON.stringify(value.layer)} is not a layer; use one of ${LAYERS.join(', ')}${meant(value.layer, LAYERS)}`,
    );
  }
  if (value.index !== undefined && !(Number.isInteger(value.index) && (value.index as number) >= 0)) {
    throw new TypeError(
      `${field}.index: must be a whole number from 0 (inside the layer when a layer is given), got ${JSON.stringify(value.index)}`,
    );
  }
}

/**
 * Throws a TypeError unless `value` is an AuditAssertion: a `request` (a string or an object) with at least one
 * well-typed outcome field (`level`, `atLeast`, `atMost`, `decidedBy`, `omitsStages`, `emitsStages`), or
 * `check: 'audit-enabled'`; optional `id`, `name`, `statement`, `fix` strings and `fixRules` list. `field` names
 * it in the message, e.g. `assertions[2]`. (Whether the request itself can be built is checked when it runs.)
 */
export function checkAuditAssertion(value: unknown, field: string): void {
  if (!isRecord(value)) {
    throw new TypeError(
      `${field}: must be an assertion { request, atLeast: 'Request' }, got ${shapeOf(value)}`,
    );
  }
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  for (const key of keys) {
    if (key === 'expect')
      throw new TypeError(
        `${field}.expect: the outcome fields sit on the assertion itself, e.g. { request, atLeast: 'Request' }`,
      );
    if (!ASSERTION_KEYS.includes(key))
      throw new TypeError(`${field}.${key}: unknown field; use ${ASSERTION_KEYS.join(', ')}`);
  }
  for (const key of ['id', 'name', 'statement', 'fix']) {
    if (value[key] !== undefined && typeof value[key] !== 'string') {
      throw new TypeError(`${field}.${key}: must be a string when given, got ${shapeOf(value[key])}`);
    }
  }
  if (value.fixRules !== undefined && !Array.isArray(value.fixRules)) {
    throw new TypeError(
      `${field}.fixRules: must be a list of rules when given, got ${shapeOf(value.fixRules)}`,
    );
  }
  if (value.check !== undefined) {
    if (value.check !== 'audit-enabled')
      throw new TypeError(
        `${field}.check: ${JSON.stringify(value.check)} is not a check; use 'audit-enabled'`,
      );
    const extra = keys.filter((k) => k === 'request' || OUTCOME_KEYS.includes(k));
    if (extra.length > 0)
      throw new TypeError(
        `${field}.${extra[0]}: a check: 'audit-enabled' assertion has no request or outcome`,
      );
    return;
  }
  if (typeof value.request !== 'string' && !isRecord(value.request)) {
    throw new TypeError(
      `${field}.request: must be a URL ("GET /api/v1/pods"), a kubectl command ("exec web-0 -n prod -- sh") or request ` +
        `attributes, got ${shapeOf(value.request)}`,
    );
  }
  if (!keys.some((k) => OUTCOME_KEYS.includes(k))) {
    throw new TypeError(
      `${field}: asserts nothing about the request, so it can never fail; give at least one of ${OUTCOME_KEYS.join(', ')}`,
    );
  }
  for (const key of ['level', 'atLeast', 'atMost'])
    if (value[key] !== undefined) checkLevel(value[key], `${field}.${key}`);
  if (value.decidedBy !== undefined) checkDecidedBy(value.decidedBy, `${field}.decidedBy`);
  for (const key of ['omitsStages', 'emitsStages'])
    if (value[key] !== undefined) checkStages(value[key], `${field}.${key}`);
}
