// log-shipper's NotIn drops an event that lacks the field: deckhouse modules/460-log-shipper/hooks/internal/vrl/
// filter.go FilterNotInRule evaluates `else if .<field> == null { false; }`, while NotRegex lets such an event pass
// (FilterNotRegexRule: `if exists(...) && is_string(...) { ... } else { true }`). The CRD describes NotIn only as "a
// negative version of In", so `objectRef.namespace NotIn [kube-system]` reads as "all but kube-system" and also
// drops every cluster-scoped event (ClusterRoleBindings, Nodes, Namespaces): a silent gap in the audit record.
import { LogFilter } from './log-filter';
import { PropProblem } from './messages';

/**
 * Fields every audit.k8s.io/v1 Event has (k8s.io/apiserver/pkg/apis/audit/v1 types.go, no omitempty), and
 * responseStatus.code, which only RequestReceived events lack and which NotRegex cannot compare (a number).
 */
const ALWAYS_PRESENT = new Set([
  'kind',
  'apiVersion',
  'level',
  'auditID',
  'stage',
  'requestURI',
  'verb',
  'user.username',
  'requestReceivedTimestamp',
  'stageTimestamp',
  'responseStatus.code',
]);

/** Operators that already keep only events with the field (In and Regex never match a missing one). */
const NEEDS_FIELD: readonly string[] = ['Exists', 'In', 'Regex'];

/**
 * Warnings for NotIn items on a field an event may lack, unless another item of the same list already requires the
 * field (then dropping events without it is what the list says).
 */
export function notInAbsentFieldWarnings(
  filters: readonly LogFilter[] | undefined,
  at: string,
): PropProblem[] {
  if (!Array.isArray(filters)) return [];
  const required = new Set(filters.filter((f) => NEEDS_FIELD.includes(f?.operator)).map((f) => f.field));
  const warnings: PropProblem[] = [];
  filters.forEach((filter, i) => {
    if (filter?.operator !== 'NotIn' || typeof filter.field !== 'string') return;
    if (ALWAYS_PRESENT.has(filter.field) || required.has(filter.field)) return;
    const values: readonly (string | number)[] = Array.isArray(filter.values) ? filter.values : [];
    const strings = values.every((v) => typeof v === 'string');
    warnings.push({
      field: `${at}[${i}].operator`,
      received: 'NotIn',
      expected:
        `an operator that keeps events without ${filter.field}: log-shipper's NotIn drops every event that lacks ` +
        'the field (cluster-scoped objects have no objectRef.namespace, core-group ones no objectRef.apiGroup), ' +
        'while NotRegex keeps them',
      fix: strings
        ? `use notExact('${filter.field}', ${values.map((v) => JSON.stringify(v)).join(', ')}), or add ` +
          `exists('${filter.field}') if events without it should go too`
        : `add exists('${filter.field}') if events without it should go too`,
    });
  });
  return warnings;
}
