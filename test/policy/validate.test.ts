import { SUPPORTED_KUBERNETES_VERSIONS } from '../../src/policy/kubernetes-version';
import { formatFieldErrors, validatePolicy } from '../../src/policy/validate';
import { Policy, PolicyRule } from '../../src/policy/types';

function policyOf(rules: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', ...extra, rules };
}

function messages(policy: unknown, kubernetesVersion?: string): string[] {
  return validatePolicy(policy, { kubernetesVersion }).map((e) => e.message);
}

const DNS_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start " +
  "and end with an alphanumeric character (e.g. 'example.com', regex used for validation is " +
  "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

// Upstream validation_test.go: rules that pass, alone and together.
describe('rules upstream accepts', () => {
  const valid: PolicyRule[] = [
    { level: 'Metadata' },
    { level: 'None', userGroups: ['system:serviceaccounts', 'system:nodes'] },
    {
      level: 'RequestResponse',
      verbs: ['get'],
      resources: [{ group: 'rbac.authorization.k8s.io', resources: ['roles', 'rolebindings'] }],
      namespaces: ['kube-system'],
    },
    {
      level: 'Metadata',
      userGroups: ['developers'],
      nonResourceURLs: ['/logs*', '/healthz*', '/metrics', '*'],
    },
    { level: 'Request', omitStages: ['RequestReceived', 'ResponseStarted', 'ResponseComplete', 'Panic'] },
  ];

  test.each(valid.map((rule, i) => [i, rule] as const))('rule %i alone is valid', (_i, rule) => {
    expect(validatePolicy(policyOf([rule]))).toEqual([]);
  });

  test('all of them together are valid', () => {
    expect(validatePolicy(policyOf(valid))).toEqual([]);
  });

  test('a policy without rules passes validation (only the loader counts rules)', () => {
    expect(validatePolicy({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy' })).toEqual([]);
    expect(validatePolicy({})).toEqual([]);
  });

  test('fields upstream never checks accept any string', () => {
    const rule = {
      level: 'Metadata',
      users: ['*', '', 'UPPER'],
      verbs: ['GET', '*'],
      namespaces: [''],
      resources: [
        { resources: ['*/*', '**', 'pods/*/x', '', 'PODS', '*', 'pods'], resourceNames: ['*', ''] },
      ],
    };
    expect(validatePolicy(policyOf([rule]))).toEqual([]);
  });

  test('duplicate stages and metadata are accepted', () => {
    const p = policyOf([{ level: 'None', omitStages: ['Panic', 'Panic'] }], {
      metadata: { name: 'x' },
      omitStages: ['RequestReceived', 'RequestReceived'],
    });
    expect(validatePolicy(p)).toEqual([]);
  });
});

// Upstream validation_test.go: rules that fail; here with the exact messages of the default version (1.32,
// whose apimachinery prints lists with %#v: []string{"x"}).
describe('rules upstream refuses', () => {
  const cases: Array<[string, unknown, string[]]> = [
    ['empty rule (no level)', {}, ['rules[0].level: Required value']],
    [
      'missing level on a full rule',
      { verbs: ['get'], resources: [{ resources: ['secrets'] }], namespaces: ['kube-system'] },
      ['rules[0].level: Required value'],
    ],
    [
      'unknown level',
      { level: 'FooBar' },
      [
        'rules[0].level: Unsupported value: "FooBar": supported values: "None", "Metadata", "Request", "RequestResponse"',
      ],
    ],
    [
      'level is case-sensitive',
      { level: 'metadata' },
      [
        'rules[0].level: Unsupported value: "metadata": supported values: "None", "Metadata", "Request", "RequestResponse"',
      ],
    ],
    [
      'non-resource URLs with namespaces',
      { level: 'Metadata', namespaces: ['default'], nonResourceURLs: ['/logs*'] },
      [
        'rules[0].nonResourceURLs: Invalid value: []string{"/logs*"}: rules cannot apply to both regular resources and non-resource URLs',
      ],
    ],
    [
      'non-resource URLs with resources',
      { level: 'Metadata', resources: [{ resources: ['secrets'] }], nonResourceURLs: ['/logs*'] },
      [
        'rules[0].nonResourceURLs: Invalid value: []string{"/logs*"}: rules cannot apply to both regular resources and non-resource URLs',
      ],
    ],
    [
      'namespaces [""] still counts for the mix check',
      { level: 'Metadata', namespaces: [''], nonResourceURLs: ['/a', '/b'] },
      [
        'rules[0].nonResourceURLs: Invalid value: []string{"/a", "/b"}: rules cannot apply to both regular resources and non-resource URLs',
      ],
    ],
    [
      'group with a version',
      {
        level: 'Metadata',
        resources: [{ group: 'rbac.authorization.k8s.io/v1beta1', resources: ['roles'] }],
      },
      [`rules[0].resources.group: Invalid value: "rbac.authorization.k8s.io/v1beta1": ${DNS_MESSAGE}`],
    ],
    [
      'non-resource URL without a leading slash',
      { level: 'Metadata', nonResourceURLs: ['logs', '/healthz*'] },
      [
        `rules[0].nonResourceURLs[0]: Invalid value: "logs": non-resource URL rules must begin with a '/' character`,
      ],
    ],
    [
      'empty non-resource URL gets only the slash message',
      { level: 'Metadata', nonResourceURLs: ['', '/healthz*'] },
      [
        `rules[0].nonResourceURLs[0]: Invalid value: "": non-resource URL rules must begin with a '/' character`,
      ],
    ],
    [
      'two wildcards',
      { level: 'Metadata', nonResourceURLs: ['/logs/*/*', '/metrics'] },
      [
        `rules[0].nonResourceURLs[0]: Invalid value: "/logs/*/*": non-resource URL wildcards '*' must be the final character of the rule`,
      ],
    ],
    [
      'wildcard not at the end',
      { level: 'Metadata', nonResourceURLs: ['/logs/*.log', '/metrics'] },
      [
        `rules[0].nonResourceURLs[0]: Invalid value: "/logs/*.log": non-resource URL wildcards '*' must be the final character of the rule`,
      ],
    ],
    [
      '"**" gets both URL messages',
      { level: 'Metadata', nonResourceURLs: ['**'] },
      [
        `rules[0].nonResourceURLs[0]: Invalid value: "**": non-resource URL rules must begin with a '/' character`,
        `rules[0].nonResourceURLs[0]: Invalid value: "**": non-resource URL wildcards '*' must be the final character of the rule`,
      ],
    ],
    [
      'resourceNames without resources',
      { level: 'Metadata', resources: [{ group: 'apps', resourceNames: ['x'] }] },
      [
        'rules[0].resources.resourceNames: Invalid value: []string{"x"}: using resourceNames requires at least one resource',
      ],
    ],
    [
      'unknown rule stage',
      { level: 'Metadata', omitStages: ['RequestReceived', 'Started'] },
      [
        'rules[0].omitStages[1]: Invalid value: "Started": allowed stages are RequestReceived,ResponseStarted,ResponseComplete,Panic',
      ],
    ],
    [
      'group longer than 253 characters gets both DNS messages',
      { level: 'Metadata', resources: [{ group: 'A'.repeat(254) }] },
      [
        `rules[0].resources.group: Invalid value: "${'A'.repeat(254)}": must be no more than 253 characters,${DNS_MESSAGE}`,
      ],
    ],
  ];

  test.each(cases)('%s', (_name, rule, expected) => {
    expect(messages(policyOf([rule]))).toEqual(expected);
  });

  test('a bad rule after valid rules is reported with its index', () => {
    expect(messages(policyOf([{ level: 'Metadata' }, { level: 'None', userGroups: ['x'] }, {}]))).toEqual([
      'rules[2].level: Required value',
    ]);
  });

  test('error objects carry type, field, badValue and detail', () => {
    const [required, unsupported, invalid] = validatePolicy(
      policyOf([{}, { level: 'Loud' }, { level: 'None', omitStages: ['Never'] }]),
    );
    expect(required).toEqual({
      type: 'FieldValueRequired',
      field: 'rules[0].level',
      detail: '',
      message: 'rules[0].level: Required value',
    });
    expect(unsupported).toMatchObject({
      type: 'FieldValueNotSupported',
      field: 'rules[1].level',
      badValue: 'Loud',
      detail: 'supported values: "None", "Metadata", "Request", "RequestResponse"',
    });
    expect(invalid).toMatchObject({
      type: 'FieldValueInvalid',
      field: 'rules[2].omitStages[0]',
      badValue: 'Never',
      detail: 'allowed stages are RequestReceived,ResponseStarted,ResponseComplete,Panic',
    });
  });
});

describe('order of messages', () => {
  test('policy stages first, then per rule: level, URLs, resources, stages, mix', () => {
    const p = policyOf(
      [
        {
          level: 'Bad',
          nonResourceURLs: ['x*y'],
          namespaces: ['a'],
          resources: [
            { group: 'Apps', resources: ['pods'] },
            { group: 'ok', resourceNames: ['n'] },
          ],
          omitStages: ['Nope'],
        },
        {},
      ],
      { omitStages: ['Later'] },
    );
    expect(validatePolicy(p).map((e) => e.field)).toEqual([
      'omitStages[0]',
      'rules[0].level',
      'rules[0].nonResourceURLs[0]',
      'rules[0].nonResourceURLs[0]',
      'rules[0].resources.group',
      'rules[0].resources.resourceNames',
      'rules[0].omitStages[0]',
      'rules[0].nonResourceURLs',
      'rules[1].level',
    ]);
  });
});

describe('target Kubernetes version', () => {
  const wildcard = policyOf([{ level: 'Metadata', resources: [{ group: '*' }] }]);

  test('group "*" is refused before 1.36 exactly as upstream reports an invalid subdomain', () => {
    expect(messages(wildcard, '1.35')).toEqual([
      `rules[0].resources.group: Invalid value: "*": ${DNS_MESSAGE}`,
    ]);
    expect(messages(wildcard, 'v1.35.9')).toHaveLength(1);
  });

  test('group "*" is accepted from 1.36', () => {
    expect(messages(wildcard, '1.36')).toEqual([]);
    expect(messages(wildcard, 'v1.36.2')).toEqual([]);
    expect(messages(wildcard, '1.36.0-rc.1')).toEqual([]);
  });

  test('the default target is the oldest supported version (1.32), which refuses group "*"', () => {
    expect(messages(wildcard)).toHaveLength(1);
  });

  test('an unparsable version is a single kubernetesVersion error', () => {
    expect(validatePolicy(wildcard, { kubernetesVersion: 'latest' })).toEqual([
      {
        type: 'FieldValueInvalid',
        field: 'kubernetesVersion',
        badValue: 'latest',
        detail: 'must be a Kubernetes version such as "1.32" or "v1.36.2"',
        message:
          'kubernetesVersion: Invalid value: "latest": must be a Kubernetes version such as "1.32" or "v1.36.2"',
      },
    ]);
  });
});

describe('Kubernetes versions outside the modelled range', () => {
  // The range is Deckhouse's: control-plane-manager's kubernetesVersion enum (1.32 to 1.36), generated into
  // SUPPORTED_KUBERNETES_VERSIONS. Beyond it validation and retention facts are unknown, so a 1.37 pre-release
  // is no longer accepted as a target.
  test.each(['1.31', 'v1.31.4', '1.37', '1.37.0-alpha.1', '2.0', '1.9'])(
    '%s is one kubernetesVersion error listing the range',
    (version) => {
      const errors = validatePolicy(policyOf([{ level: 'Metadata' }]), { kubernetesVersion: version });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        type: 'FieldValueInvalid',
        field: 'kubernetesVersion',
        badValue: version,
      });
      expect(errors[0].detail).toContain('1.32 to 1.36 (1.32, 1.33, 1.34, 1.35, 1.36)');
    },
  );

  test.each(SUPPORTED_KUBERNETES_VERSIONS.flatMap((v) => [v, `v${v}.7`]))('%s is modelled', (version) => {
    expect(validatePolicy(policyOf([{ level: 'Metadata' }]), { kubernetesVersion: version })).toEqual([]);
  });
});

describe('input that is not a policy', () => {
  test.each([null, undefined, 42, 'rules', [1, 2]])('%p is one root error, no throw', (value) => {
    const errors = validatePolicy(value);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ type: 'FieldValueTypeInvalid', field: '<root>' });
  });

  test('wrong JSON types are reported where they are, without throwing', () => {
    const p = {
      rules: [
        5,
        {
          level: 3,
          users: 'alice',
          verbs: [1],
          resources: ['pods', { group: 7, resources: 'pods' }],
          omitManagedFields: 'yes',
          omitStages: [true],
        },
      ],
      omitManagedFields: 1,
    };
    expect(validatePolicy(p).map((e) => e.message)).toEqual([
      'rules[0]: Invalid value: 5: must be an object, not a number',
      'rules[1].level: Invalid value: 3: must be a string, not a number',
      'rules[1].resources[0]: Invalid value: "pods": must be an object, not a string',
      'rules[1].resources[1].group: Invalid value: 7: must be a string, not a number',
      'rules[1].resources[1].resources: Invalid value: "pods": must be a list, not a string',
      'rules[1].omitStages[0]: Invalid value: true: must be a string, not a boolean',
      'rules[1].users: Invalid value: "alice": must be a list, not a string',
      'rules[1].verbs[0]: Invalid value: 1: must be a string, not a number',
      'rules[1].omitManagedFields: Invalid value: "yes": must be true or false, not a string',
      'omitManagedFields: Invalid value: 1: must be true or false, not a number',
    ]);
  });

  test('rules that is not a list', () => {
    expect(messages({ rules: {} })).toEqual(['rules: Invalid value: {}: must be a list, not an object']);
  });
});

describe('formatFieldErrors (the apiserver aggregate string)', () => {
  const p: Policy = {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    rules: [{ level: 'Metadata', resources: [{ group: 'a/b' }, { group: 'a/b' }] }],
  };

  test('no errors is the empty string', () => {
    expect(formatFieldErrors([])).toBe('');
  });

  test('a single error has no brackets', () => {
    expect(formatFieldErrors(validatePolicy(policyOf([{}])))).toBe('rules[0].level: Required value');
  });

  test('identical messages are printed once (so two bad entries of one rule are one message)', () => {
    expect(validatePolicy(p)).toHaveLength(2);
    expect(formatFieldErrors(validatePolicy(p))).toBe(
      `rules[0].resources.group: Invalid value: "a/b": ${DNS_MESSAGE}`,
    );
  });

  test('several errors are joined in brackets', () => {
    expect(formatFieldErrors(validatePolicy(policyOf([{}, { level: 'None', omitStages: ['x'] }])))).toBe(
      '[rules[0].level: Required value, rules[1].omitStages[0]: Invalid value: "x": allowed stages are ' +
        'RequestReceived,ResponseStarted,ResponseComplete,Panic]',
    );
  });

  // field.Error.ErrorBody prints a plain string with %q. A value of another type (audit.Level, []string) was
  // printed with %#v up to apimachinery 0.33 (Kubernetes 1.33) and is json.Marshal'ed from 0.34 on.
  test('values are quoted the way Go prints them in Kubernetes 1.34 and later', () => {
    for (const version of ['1.34', '1.35', '1.36']) {
      expect(messages(policyOf([{ level: 'No\tne"<x>' }]), version)[0]).toBe(
        'rules[0].level: Unsupported value: "No\\tne\\"\\u003cx\\u003e": supported values: "None", "Metadata", "Request", "RequestResponse"',
      );
      expect(
        messages(policyOf([{ level: 'None', nonResourceURLs: ['/<a>'], namespaces: ['x'] }]), version)[0],
      ).toBe(
        'rules[0].nonResourceURLs: Invalid value: ["/\\u003ca\\u003e"]: rules cannot apply to both regular resources and non-resource URLs',
      );
      expect(messages(policyOf([{ level: 'None', omitStages: ['<x>'] }]), version)[0]).toBe(
        'rules[0].omitStages[0]: Invalid value: "<x>": allowed stages are RequestReceived,ResponseStarted,ResponseComplete,Panic',
      );
    }
  });

  test('values are quoted the way Go prints them in Kubernetes 1.32 and 1.33 (%#v)', () => {
    for (const version of ['1.32', '1.33']) {
      expect(messages(policyOf([{ level: 'No\tne"<x>\u0007' }]), version)[0]).toBe(
        'rules[0].level: Unsupported value: "No\\tne\\"<x>\\a": supported values: "None", "Metadata", "Request", "RequestResponse"',
      );
      expect(
        messages(
          policyOf([{ level: 'None', nonResourceURLs: ['/<a>', '/b\n'], namespaces: ['x'] }]),
          version,
        )[0],
      ).toBe(
        'rules[0].nonResourceURLs: Invalid value: []string{"/<a>", "/b\\n"}: rules cannot apply to both regular resources and non-resource URLs',
      );
      expect(
        messages(
          policyOf([{ level: 'None', resources: [{ group: 'apps', resourceNames: ['x'] }] }]),
          version,
        )[0],
      ).toBe(
        'rules[0].resources.resourceNames: Invalid value: []string{"x"}: using resourceNames requires at least one resource',
      );
    }
  });
});
