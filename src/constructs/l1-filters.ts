import { LogFilter, LogFilterOperator } from './log-filter';

/**
 * Filter items in the shape of the generated (imports/) classes: every filter list of the CRDs
 * (`labelFilter`, `logFilter`, `rateLimit.excludes`) has its own operator enum and value class.
 */
export function l1Filters<Operator, Value>(
  filters: readonly LogFilter[],
  operators: Readonly<Record<LogFilterOperator, Operator>>,
  values: { fromNumber(value: number): Value; fromString(value: string): Value },
): Array<{ field: string; operator: Operator; values?: Value[] }> {
  return filters.map((f) => ({
    field: f.field,
    operator: operators[f.operator],
    values: f.values?.map((v) => (typeof v === 'number' ? values.fromNumber(v) : values.fromString(v))),
  }));
}
