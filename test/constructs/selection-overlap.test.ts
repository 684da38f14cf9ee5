// Two selections of one destination that an event can match both of send it twice. Expected behaviour from
// Deckhouse's log-shipper (github.com/deckhouse/deckhouse, modules/460-log-shipper):
// - hooks/internal/composer/composer.go at 107a1cbd: a pipeline (source + its transforms) per ClusterLoggingConfig;
//   composer/config.go at 1daba334 (AppendLogPipeline): each pipeline's last transform is added to the inputs of the
//   destination's first transform; testdata/many-to-one/result.json at 2fea809c shows one destination fed by two
//   configs. Each File source reads the whole file, so an event both configs' filters keep arrives twice.
// - hooks/internal/vector/transform/filter.go at 0f9f7fb5: one `filter` transform per logFilter item, chained (AND);
//   an item ORs values of its one field (vrl/filter.go at 334e2006): two selections on different fields cannot be
//   one config.
import { Testing } from 'cdk8s';
import {
  AuditEventSelection,
  AuditLogDestination,
  AuditLogShipping,
  contains,
  doesNotExist,
  exact,
  exists,
  notExact,
} from '../../src/constructs';
import { provablyDisjoint } from '../../src/constructs/selection-overlap';
import { ofKind, synthError, synthValid } from './helpers';

const SIEM = { type: 'Socket' as const, name: 'siem', address: 'siem:6514', mode: 'TCP' as const };

function app(...destinations: AuditLogDestination[]) {
  const chart = Testing.chart();
  new AuditLogShipping(chart, 'Shipping', { destinations });
  return chart;
}

describe('selections of one destination that overlap', () => {
  test('rbacChanges() and denied() on one destination (a refused RBAC change matches both) fail synth', () => {
    const message = synthError(
      app({ ...SIEM, selections: [AuditEventSelection.rbacChanges(), AuditEventSelection.denied()] }),
    );
    expect(message).toContain(
      '[test/Shipping] destinations[0].selections[1]: received "denied", expected a selection no event shares with ' +
        'selections[0] ("rbac")',
    );
    expect(message).toContain('is sent twice');
    expect(message).toContain(
      `Fix: add to "denied" a filter that excludes what "rbac" keeps, e.g. notExact('objectRef.apiGroup', 'rbac.authorization.k8s.io')`,
    );
  });

  test('the fix it proposes makes them disjoint: two configs, each event once', () => {
    const denied = AuditEventSelection.custom(
      'denied',
      ...AuditEventSelection.denied().filters,
      notExact('objectRef.apiGroup', 'rbac.authorization.k8s.io'),
    );
    const objects = synthValid(app({ ...SIEM, selections: [AuditEventSelection.rbacChanges(), denied] }));
    expect(ofKind(objects, 'ClusterLoggingConfig').map((o) => o.metadata.name)).toEqual([
      'kube-audit-siem-rbac',
      'kube-audit-siem-denied',
    ]);
  });

  test('the ready-made rbacChanges(), podAccess() and secrets() exclude each other', () => {
    const selections = [
      AuditEventSelection.rbacChanges(),
      AuditEventSelection.podAccess(),
      AuditEventSelection.secrets(),
    ];
    expect(ofKind(synthValid(app({ ...SIEM, selections })), 'ClusterLoggingConfig')).toHaveLength(3);
  });

  test('overlapping selections on two different destinations are fine (one config each, one destination each)', () => {
    const objects = synthValid(
      app(
        { ...SIEM, selections: [AuditEventSelection.rbacChanges()] },
        { ...SIEM, name: 'siem2', selections: [AuditEventSelection.denied()] },
      ),
    );
    expect(ofKind(objects, 'ClusterLoggingConfig')).toHaveLength(2);
  });
});

describe('provablyDisjoint', () => {
  const code = (operator: 'In' | 'NotIn', ...values: number[]) => ({
    field: 'responseStatus.code',
    operator,
    values,
  });

  test.each([
    ['exact values that differ', [exact('verb', 'create')], [exact('verb', 'delete')], true],
    ['exact values that share one', [exact('verb', 'create', 'patch')], [exact('verb', 'patch')], false],
    ['In and a NotIn of the same integers', [code('In', 401, 403)], [code('NotIn', 401, 403)], true],
    ['In and a NotIn of only some of them', [code('In', 401, 403)], [code('NotIn', 401)], false],
    [
      'In on integers and exact on their text',
      [code('In', 403)],
      [exact('responseStatus.code', '403')],
      true,
    ],
    ['exact and notExact of it', [exact('verb', 'get')], [notExact('verb', 'get', 'list')], true],
    ['exists and doesNotExist', [exists('objectRef.apiGroup')], [doesNotExist('objectRef.apiGroup')], true],
    [
      'a value and doesNotExist',
      [exact('objectRef.apiGroup', 'apps')],
      [doesNotExist('objectRef.apiGroup')],
      true,
    ],
    ['different fields', [exact('verb', 'create')], [exact('objectRef.resource', 'pods')], false],
    ['contains (not a literal value)', [contains('verb', 'create')], [exact('verb', 'delete')], false],
  ])('%s: %s', (_, a, b, disjoint) => {
    expect(provablyDisjoint(a, b)).toBe(disjoint);
    expect(provablyDisjoint(b, a)).toBe(disjoint);
  });
});

describe('the filter the fix proposes excludes the earlier selection', () => {
  test.each([
    ['an exists item', [exists('impersonatedUser')], "doesNotExist('impersonatedUser')"],
    ['a doesNotExist item', [doesNotExist('objectRef.apiGroup')], "exists('objectRef.apiGroup')"],
    [
      'an In item on integers',
      [{ field: 'responseStatus.code', operator: 'In' as const, values: [403] }],
      "{ field: 'responseStatus.code', operator: 'NotIn', values: [403] }",
    ],
  ])('after %s', (_, filters, hint) => {
    const earlier = AuditEventSelection.custom('first', ...filters);
    const later = AuditEventSelection.custom('second', exact('verb', 'create'));
    expect(synthError(app({ ...SIEM, selections: [earlier, later] }))).toContain(`e.g. ${hint}, so that`);
  });
});
