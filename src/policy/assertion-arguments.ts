import { isRecord, shapeOf } from './arguments';
import { LEVELS, STAGES } from './types';

// Checks of assertion specs (`{ request, expect }`), so that a mistyped expectation — `atLeast: 'Requets'`
// from untyped JavaScript, an empty `expect: {}` — is an error at once, naming the field and the allowed
// values, instead of an assertion that can never fail.

const EXPECTATION_KEYS = ['level', 'atLeast', 'atMost', 'decidedBy', 'omitsStages', 'emitsStages'];
const LAYERS = ['basic', 'virtualization', 'custom', 'tail'];

/** Throws a TypeError unless `value` is one of the four levels. */
export function checkLevel(value: unknown, field: string): void {
  if (typeof value !== 'string' || !(LEVELS as readonly string[]).includes(value)) {
    throw new TypeError(
      `${field}: ${typeof value === 'string' ? JSON.stringify(value) : shapeOf(value)} is not a level; use one of ` +
        `${LEVELS.join(', ')} (exact case)`,
    );
  }
}

/** Throws a TypeError unless `value` is one of the four stages. */
export function checkStage(value: unknown, field: string): void {
  if (typeof value !== 'string' || !(STAGES as readonly string[]).includes(value)) {
    throw new TypeError(
      `${field}: ${typeof value === 'string' ? JSON.stringify(value) : shapeOf(value)} is not a stage; use one of ` +
        `${STAGES.join(', ')} (exact case)`,
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
      `${field}.layer: ${JSON.stringify(value.layer)} is not a layer; use one of ${LAYERS.join(', ')}`,
    );
  }
  if (value.index !== undefined && !(Number.isInteger(value.index) && (value.index as number) >= 0)) {
    throw new TypeError(
      `${field}.index: must be a whole number from 0 (inside the layer when a layer is given), got ${JSON.stringify(value.index)}`,
    );
  }
}

/** Throws a TypeError unless `value` is an AuditExpectation with at least one known, well-typed field. */
export function checkExpectation(value: unknown, field: string): void {
  if (!isRecord(value)) {
    throw new TypeError(
      `${field}: must be an expectation object such as { atLeast: 'Request' }, got ${shapeOf(value)}`,
    );
  }
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  for (const key of keys) {
    if (!EXPECTATION_KEYS.includes(key)) {
      throw new TypeError(`${field}.${key}: unknown field; use ${EXPECTATION_KEYS.join(', ')}`);
    }
  }
  if (keys.length === 0) {
    throw new TypeError(
      `${field}: expects nothing, so it can never fail; give at least one of ${EXPECTATION_KEYS.join(', ')}`,
    );
  }
  for (const key of ['level', 'atLeast', 'atMost'])
    if (value[key] !== undefined) checkLevel(value[key], `${field}.${key}`);
  if (value.decidedBy !== undefined) checkDecidedBy(value.decidedBy, `${field}.decidedBy`);
  for (const key of ['omitsStages', 'emitsStages'])
    if (value[key] !== undefined) checkStages(value[key], `${field}.${key}`);
}

/**
 * Throws a TypeError unless `value` is an AuditAssertion: `request` a string or an object, `expect` a valid
 * expectation, optional `id`, `name`, `fix` strings and `fixRules` list. `field` names it in the message,
 * e.g. `expectations[2]`. (Whether the request itself can be built is checked when it runs.)
 */
export function checkAuditAssertion(value: unknown, field: string): void {
  if (!isRecord(value)) {
    throw new TypeError(`${field}: must be an assertion { request, expect }, got ${shapeOf(value)}`);
  }
  if (typeof value.request !== 'string' && !isRecord(value.request)) {
    throw new TypeError(
      `${field}.request: must be a URL ("GET /api/v1/pods"), a kubectl command ("exec web-0 -n prod") or request ` +
        `attributes, got ${shapeOf(value.request)}`,
    );
  }
  checkExpectation(value.expect, `${field}.expect`);
  for (const key of ['id', 'name', 'fix']) {
    if (value[key] !== undefined && typeof value[key] !== 'string') {
      throw new TypeError(`${field}.${key}: must be a string when given, got ${shapeOf(value[key])}`);
    }
  }
  if (value.fixRules !== undefined && !Array.isArray(value.fixRules)) {
    throw new TypeError(
      `${field}.fixRules: must be a list of rules when given, got ${shapeOf(value.fixRules)}`,
    );
  }
}
