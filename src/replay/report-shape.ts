import { isRecord, shapeOf } from '../policy/arguments';
import { LEVELS } from '../policy/types';

/**
 * What `diffReports` reads of a SimulationReport, checked before it is read: a report read back from a
 * JSON file (`simulate --json`) may come from an older version or be edited by hand, and a missing count
 * must be named, not turned into a TypeError or, worse, into a delta computed from `undefined`.
 */

type Check = 'number' | 'number|null' | 'string' | 'object' | 'array';

// A report counts written events and bytes for every level but None.
const WRITTEN_LEVELS = LEVELS.filter((l) => l !== 'None');

const REPORT_FIELDS: ReadonlyArray<readonly [string, Check]> = [
  ['events', 'number'],
  ['lines', 'number'],
  ['decided', 'object'],
  ...LEVELS.map((l) => [`decided.${l}`, 'number'] as const),
  ['written', 'object'],
  ['written.events', 'number'],
  ['written.bytes', 'number'],
  ['written.byLevel', 'object'],
  ...WRITTEN_LEVELS.map((l) => [`written.byLevel.${l}`, 'number'] as const),
  ['written.bytesByLevel', 'object'],
  ...WRITTEN_LEVELS.map((l) => [`written.bytesByLevel.${l}`, 'number'] as const),
  ['unmatched', 'number'],
  ['imagesWithoutDigestRecorded', 'number'],
  ['bytesPerDay', 'number|null'],
  ['retention', 'object'],
  ['retention.hours', 'number|null'],
  ['span', 'object'],
  ['rules', 'array'],
];

const RULE_FIELDS: ReadonlyArray<readonly [string, Check]> = [
  ['index', 'number'],
  ['layer', 'string'],
  ['layerIndex', 'number'],
  ['level', 'string'],
  ['hits', 'number'],
  ['written', 'number'],
  ['bytes', 'number'],
  ['label', 'string'],
  ['summary', 'string'],
  ['rule', 'object'],
];

function at(value: unknown, path: string): unknown {
  let v = value;
  for (const key of path.split('.')) {
    if (!isRecord(v)) return undefined;
    v = Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
  }
  return v;
}

function fits(value: unknown, check: Check): boolean {
  switch (check) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'number|null':
      return value === null || (typeof value === 'number' && Number.isFinite(value));
    case 'string':
      return typeof value === 'string';
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
  }
}

const EXPECTED: Record<Check, string> = {
  number: 'a number',
  'number|null': 'a number or null',
  string: 'a string',
  object: 'an object',
  array: 'a list',
};

function problemOf(
  value: unknown,
  fields: ReadonlyArray<readonly [string, Check]>,
  prefix: string,
): string | undefined {
  for (const [path, check] of fields) {
    const v = at(value, path);
    if (!fits(v, check)) {
      const got = v === undefined ? 'missing' : typeof v === 'number' ? String(v) : shapeOf(v);
      return `${prefix}${path} is ${got}, expected ${EXPECTED[check]}`;
    }
  }
  return undefined;
}

/** The first field `diffReports` needs that a report lacks or holds in another shape, or undefined. */
export function reportProblem(report: unknown): string | undefined {
  const problem = problemOf(report, REPORT_FIELDS, '');
  if (problem !== undefined) return problem;
  const rules = (report as { rules: unknown[] }).rules;
  for (let i = 0; i < rules.length; i++) {
    const ruleProblem = problemOf(rules[i], RULE_FIELDS, `rules[${i}].`);
    if (ruleProblem !== undefined) return ruleProblem;
  }
  return undefined;
}
