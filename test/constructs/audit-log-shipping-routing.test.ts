import { AuditEventSelection, exact, notExact } from '../../src/constructs';
import { ofKind, synthError, synthValid } from './helpers';
import { ship } from './audit-log-shipping-helpers';

describe('AuditLogShipping: routing and filters', () => {
  test('selections get their own ClusterLoggingConfig pointing at one destination', () => {
    const { chart, shipping } = ship(
      [
        { type: 'Loki', name: 'loki', endpoint: 'https://loki' },
        {
          type: 'Socket',
          name: 'siem',
          address: 'siem.example.com:6514',
          mode: 'TCP',
          encoding: 'CEF',
          selections: [AuditEventSelection.rbacChanges(), AuditEventSelection.podAccess()],
        },
      ],
      { filters: [notExact('user.username', 'system:apiserver')] },
    );
    const configs = ofKind(synthValid(chart), 'ClusterLoggingConfig');
    expect(configs.map((c) => [c.metadata.name, c.spec.destinationRefs])).toEqual([
      ['kube-audit', ['loki']],
      ['kube-audit-siem-rbac', ['siem']],
      ['kube-audit-siem-pod-access', ['siem']],
    ]);
    expect(configs[1].spec.logFilter).toEqual([
      { field: 'user.username', operator: 'NotRegex', values: ['^system:apiserver$'] },
      { field: 'objectRef.apiGroup', operator: 'Regex', values: ['^rbac\\.authorization\\.k8s\\.io$'] },
      { field: 'verb', operator: 'NotRegex', values: ['^get$', '^list$', '^watch$'] },
    ]);
    expect(configs[2].spec.logFilter.slice(1)).toEqual([
      { field: 'objectRef.resource', operator: 'Regex', values: ['^pods$'] },
      {
        field: 'objectRef.subresource',
        operator: 'Regex',
        values: ['^exec$', '^attach$', '^portforward$', '^ephemeralcontainers$'],
      },
      // Core-group Pods only, which also keeps it apart from rbacChanges() (selection-overlap.test.ts).
      { field: 'objectRef.apiGroup', operator: 'DoesNotExist' },
    ]);
    expect(shipping.loggingConfigs.size).toBe(3);
  });

  test('only selected destinations: no shared ClusterLoggingConfig', () => {
    const { chart } = ship([
      {
        type: 'Vector',
        name: 'agg',
        endpoint: 'vector.example.com:6000',
        selections: [AuditEventSelection.secrets()],
      },
    ]);
    const configs = ofKind(synthValid(chart), 'ClusterLoggingConfig');
    expect(configs.map((c) => c.metadata.name)).toEqual(['kube-audit-agg-secrets']);
  });

  test('duplicate selection names on one destination, empty selections and bad filters are errors', () => {
    const { chart } = ship([
      {
        type: 'Loki',
        name: 'loki',
        endpoint: 'https://loki',
        selections: [
          AuditEventSelection.custom('x', exact('verb', 'get')),
          AuditEventSelection.custom('x', exact('verb', 'list')),
          AuditEventSelection.custom('empty'),
          AuditEventSelection.custom(
            'bad',
            { field: 'verb', operator: 'Exists', values: ['a'] },
            { field: 'verb', operator: 'Regex' },
          ),
        ],
      },
    ]);
    const message = synthError(chart);
    expect(message).toContain(
      'destinations[0].selections[1].name: received "kube-audit-loki-x", expected a ClusterLoggingConfig name no other of this pipeline has (destinations[0].selections[0].name gives "kube-audit-loki-x" too',
    );
    expect(message).toContain('Fix: give each selection of a destination its own name');
    expect(message).toContain(
      'destinations[0].selections[2].filters: received [], expected at least one filter',
    );
    expect(message).toContain(
      'destinations[0].selections[3].filters[0].values: received ["a"], expected no values for Exists',
    );
    expect(message).toContain(
      'destinations[0].selections[3].filters[1].values: received nothing, expected at least one value for Regex',
    );
  });

  // k8s.io/apimachinery IsDNS1123Subdomain, which apiextensions-apiserver applies to a custom resource's name.
  const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
  const legalLongName = (length: number) => `siem.${'a'.repeat(length - 'siem.'.length)}`;

  test('a derived ClusterLoggingConfig name of 253 characters is written; 254 is refused at the selection', () => {
    // "kube-audit-" + destination + "-rbac": 11 + n + 5 characters, with a destination name that is itself legal.
    const at = (total: number) => ({
      type: 'Loki' as const,
      name: legalLongName(total - 16),
      endpoint: 'https://loki.example.com',
      selections: [
        AuditEventSelection.custom('rbac', exact('objectRef.apiGroup', 'rbac.authorization.k8s.io')),
      ],
    });
    const fits = synthValid(ship([at(253)]).chart);
    const names = ofKind(fits, 'ClusterLoggingConfig').map((o) => o.metadata.name as string);
    expect(names.map((n) => n.length)).toEqual([253]);
    expect(names.every((n) => DNS1123_SUBDOMAIN.test(n))).toBe(true);
    const message = synthError(ship([at(254)]).chart);
    expect(message).toContain(
      '[test/Shipping] destinations[0].selections[0].name: received "kube-audit-siem.aaa',
    );
    expect(message).toContain(
      'expected a ClusterLoggingConfig name of at most 253 characters (a DNS-1123 subdomain); ' +
        '<name>-<destination name>-<selection name> is 254. Fix: shorten name, the destination name or the ' +
        'selection name by 1 character',
    );
  });

  test('a long name refuses only the configs it makes too long, each at its own field', () => {
    const destination = (name: string, ...selections: string[]) => ({
      type: 'Loki' as const,
      name,
      endpoint: 'https://loki.example.com',
      selections: selections.map((s) => AuditEventSelection.custom(s, exact('verb', s))),
    });
    const { chart } = ship([destination(legalLongName(200), 'get', 'watch'), destination('loki', 'list')], {
      name: 'audit-' + 'x'.repeat(41),
    });
    const errors = synthError(chart)
      .split('\n')
      .filter((line) => line.includes('at most 253 characters'));
    // 47 + 1 + 200 + 1 + 3 = 252 fits; "watch" makes 254; the other destination's config is short.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('destinations[0].selections[1].name:');
    expect(errors[0]).toContain('is 254. Fix: shorten name, the destination name or the selection name by 1');
  });

  test('two selections of different destinations that join to one name are refused, naming both', () => {
    // "kube-audit" + "a-b" + "c" and "kube-audit" + "a" + "b-c" are both kube-audit-a-b-c.
    const { chart } = ship([
      {
        type: 'Loki',
        name: 'a-b',
        endpoint: 'https://l1',
        selections: [AuditEventSelection.custom('c', exact('verb', 'get'))],
      },
      {
        type: 'Loki',
        name: 'a',
        endpoint: 'https://l2',
        selections: [AuditEventSelection.custom('b-c', exact('verb', 'list'))],
      },
    ]);
    const message = synthError(chart);
    expect(message).toContain(
      '[test/Shipping] destinations[1].selections[0].name: received "kube-audit-a-b-c", expected a ' +
        'ClusterLoggingConfig name no other of this pipeline has (destinations[0].selections[0].name gives ' +
        '"kube-audit-a-b-c" too: names are built as <name>-<destination name>-<selection name>). Fix: rename ' +
        'one of the selections (or destinations) so that the joined names differ',
    );
  });

  test('no destinations and duplicate destination names are errors', () => {
    expect(synthError(ship([]).chart)).toContain(
      'destinations: received [], expected at least one destination',
    );
    const dup = ship([
      { type: 'Loki', name: 'a', endpoint: 'https://l' },
      { type: 'Loki', name: 'a', endpoint: 'https://m' },
    ]);
    expect(synthError(dup.chart)).toContain(
      'destinations[1].name: received "a", expected a name not used by another destination',
    );
  });
});
