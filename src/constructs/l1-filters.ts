import { LogFilter } from './log-filter';

/**
 * Filter items in the shape of the generated (imports/) classes: every filter list of the CRDs
 * (`labelFilter`, `logFilter`, `rateLimit.excludes`) has its own operator enum and value class. The
 * generated enums hold the CRD's own strings, so the operator is passed as it is (checkLogFilters has
 * checked it).
 */
export function l1Filters<Operator, Value>(
  filters: readonly LogFilter[],
  values: { fromNumber(value: number): Value; fromString(value: string): Value },
): Array<{ field: string; operator: Operator; values?: Value[] }> {
  return filters.map((f) => ({
    field: f.field,
    operator: f.operator as unknown as Operator,
    values: f.values?.map((v) => (typeof v === 'number' ? values.fromNumber(v) : values.fromString(v))),
  }));
}
