import { Testing } from 'cdk8s';
import {
  AuditEventSelection,
  AuditLogShipping,
  AuditLogShippingProps,
  exact,
  exists,
  LogFilter,
  notExact,
} from '../../src/constructs';
import { notInAbsentFieldWarnings } from '../../src/constructs/filter-absent-fields';
import { collectWarnings } from '../../src/constructs/warnings';
import { synthValid } from './helpers';

// deckhouse modules/460-log-shipper/hooks/internal/vrl/filter.go: FilterNotInRule ends in
// `else if .<field> == null { false; }` (an event without the field is dropped); FilterNotRegexRule in
// `} else { true }` (it passes). objectRef.namespace is omitempty in audit/v1 ObjectReference: cluster-scoped objects
// have none.
const notIn = (field: string, ...values: string[]): LogFilter => ({ field, operator: 'NotIn', values });

function warnings(props: Partial<AuditLogShippingProps>): string[] {
  const chart = Testing.chart();
  const shipping = new AuditLogShipping(chart, 'Shipping', {
    destinations: [{ type: 'Loki', name: 'loki', endpoint: 'https://loki.example.com' }],
    ...props,
  });
  synthValid(chart);
  return collectWarnings(shipping);
}

describe('NotIn on a field an audit event may lack', () => {
  test('warns that events without the field are dropped, with the NotRegex form as the fix', () => {
    const [warning] = warnings({ filters: [notIn('objectRef.namespace', 'kube-system')] });
    expect(warning).toContain('filters[0].operator: received "NotIn"');
    expect(warning).toContain("log-shipper's NotIn drops every event that lacks the field");
    expect(warning).toContain(`use notExact('objectRef.namespace', "kube-system")`);
  });

  test('the same for a selection of a destination', () => {
    const found = warnings({
      destinations: [
        {
          type: 'Loki',
          name: 'loki',
          endpoint: 'https://loki.example.com',
          selections: [AuditEventSelection.custom('apps', notIn('objectRef.apiGroup', 'apps'))],
        },
      ],
    });
    expect(found.some((w) => w.includes('destinations[0].selections[0].filters[0].operator'))).toBe(true);
  });

  test('no warning when the field is always there, required by another item, or compared with NotRegex', () => {
    expect(notInAbsentFieldWarnings([notIn('verb', 'get', 'list', 'watch')], 'filters')).toEqual([]);
    expect(
      notInAbsentFieldWarnings(
        [exists('objectRef.namespace'), notIn('objectRef.namespace', 'kube-system')],
        'f',
      ),
    ).toEqual([]);
    expect(
      notInAbsentFieldWarnings([exact('objectRef.resource', 'pods'), notIn('objectRef.resource', 'x')], 'f'),
    ).toEqual([]);
    expect(notInAbsentFieldWarnings([notExact('objectRef.namespace', 'kube-system')], 'filters')).toEqual([]);
  });
});
