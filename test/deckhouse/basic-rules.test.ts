import {
  DECKHOUSE_BASIC_RULES,
  DECKHOUSE_RELEASE,
  DECKHOUSE_SYSTEM_NAMESPACES,
  DECKHOUSE_SYSTEM_SERVICE_ACCOUNTS,
  buildBasicRules,
  builtInRulesSummary,
  parseExtraAuditPolicyConfig,
  renderExtraAuditPolicyConfig,
  serviceAccountRuleIndex,
  withExtraServiceAccounts,
} from '../../src/deckhouse/basic-rules';
import { evaluatePolicy } from '../../src/policy/evaluate';
import { Policy, RequestAttributes } from '../../src/policy/types';

const policyOf = (rules = DECKHOUSE_BASIC_RULES): Policy => ({
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  rules: [...rules.basic, ...rules.virtualization, ...rules.tail],
});

// A mutation that no basic rule but the ServiceAccount rule covers: patching a ConfigMap in a user namespace.
const patchBy = (user: string): RequestAttributes => ({
  user,
  groups: ['system:serviceaccounts', 'system:serviceaccounts:d8-istio', 'system:authenticated'],
  verb: 'patch',
  resourceRequest: true,
  namespace: 'app',
  apiGroup: '',
  apiVersion: 'v1',
  resource: 'configmaps',
  name: 'cfg',
});

describe('DECKHOUSE_BASIC_RULES', () => {
  it('keeps the lists separate and uses them in the rules', () => {
    const sa = serviceAccountRuleIndex(DECKHOUSE_BASIC_RULES);
    expect(DECKHOUSE_BASIC_RULES.basic[sa].users).toEqual(DECKHOUSE_SYSTEM_SERVICE_ACCOUNTS);
    expect(DECKHOUSE_BASIC_RULES.basic[sa].userGroups).toEqual(['system:serviceaccounts']);
    expect(
      DECKHOUSE_BASIC_RULES.basic.some((r) =>
        r.namespaces === undefined ? false : r.namespaces.length === DECKHOUSE_SYSTEM_NAMESPACES.length,
      ),
    ).toBe(true);
    expect(DECKHOUSE_SYSTEM_NAMESPACES).toContain('kube-system');
    expect(DECKHOUSE_BASIC_RULES.titles?.basic[14]).toBe('list at Metadata');
  });

  it('is frozen so a caller cannot change the shared snapshot', () => {
    expect(() => {
      (DECKHOUSE_BASIC_RULES.basic as unknown[]).push({ level: 'None' });
    }).toThrow(TypeError);
    expect(() => {
      DECKHOUSE_BASIC_RULES.basic[0].level = 'Metadata';
    }).toThrow(TypeError);
  });

  it('records mutations by a listed Deckhouse ServiceAccount and not by an unlisted one', () => {
    const listed = 'system:serviceaccount:d8-cert-manager:cert-manager';
    expect(evaluatePolicy(policyOf(), patchBy(listed)).level).toBe('Metadata');
    const istiod = 'system:serviceaccount:d8-istio:istiod-v1x21x6';
    // Not listed: falls through to the tail rule "authenticated users at None".
    expect(evaluatePolicy(policyOf(), patchBy(istiod)).level).toBe('None');
  });
});

describe('builtInRulesSummary', () => {
  it('names the origin and counts layers and lists', () => {
    expect(builtInRulesSummary(DECKHOUSE_BASIC_RULES)).toBe(
      `bundled snapshot DKP ${DECKHOUSE_RELEASE} (deckhouse main @567d8875): 20 basic + 7 virtualization + 2 tail rules, ` +
        '35 system namespaces, 108 system ServiceAccounts',
    );
    const extra = withExtraServiceAccounts(DECKHOUSE_BASIC_RULES, ['system:serviceaccount:a:b']);
    expect(builtInRulesSummary(extra)).toMatch(/108 system ServiceAccounts \(\+1 extra\)$/);
  });
});

describe('withExtraServiceAccounts', () => {
  it('appends verbatim to the ServiceAccount rule like the extra-audit-policy-config ConfigMap', () => {
    const istiod = 'system:serviceaccount:d8-istio:istiod-v1x21x6';
    const rules = withExtraServiceAccounts(DECKHOUSE_BASIC_RULES, [istiod, istiod]);
    const sa = serviceAccountRuleIndex(rules);
    expect(rules.basic[sa].users).toEqual([...DECKHOUSE_SYSTEM_SERVICE_ACCOUNTS, istiod, istiod]);
    expect(rules.extraServiceAccounts).toEqual([istiod, istiod]);
    expect(rules.systemServiceAccounts).toEqual(DECKHOUSE_SYSTEM_SERVICE_ACCOUNTS);
    expect(evaluatePolicy(policyOf(rules), patchBy(istiod)).level).toBe('Metadata');
    // The snapshot itself is untouched, and other rules are shared, not copied.
    expect(DECKHOUSE_BASIC_RULES.basic[sa].users).toHaveLength(108);
    expect(rules.basic[0]).toBe(DECKHOUSE_BASIC_RULES.basic[0]);
  });

  it('accumulates over several ConfigMaps in order', () => {
    const once = withExtraServiceAccounts(DECKHOUSE_BASIC_RULES, ['system:serviceaccount:a:x']);
    const twice = withExtraServiceAccounts(once, ['system:serviceaccount:b:y']);
    expect(twice.extraServiceAccounts).toEqual(['system:serviceaccount:a:x', 'system:serviceaccount:b:y']);
    expect(twice.basic[serviceAccountRuleIndex(twice)].users!.slice(-2)).toEqual([
      'system:serviceaccount:a:x',
      'system:serviceaccount:b:y',
    ]);
  });

  // Deckhouse reads `serviceAccounts` as a YAML list of strings (a single name is a decode error there): a
  // string here must not be appended one character at a time ("s", "y", "s", ...).
  it.each<[string, unknown, unknown, RegExp]>([
    [
      'a single name instead of a list',
      DECKHOUSE_BASIC_RULES,
      'system:serviceaccount:a:b',
      /serviceAccounts must be a list of strings.*got a string/,
    ],
    [
      'a list holding a number',
      DECKHOUSE_BASIC_RULES,
      ['system:serviceaccount:a:b', 5],
      /serviceAccounts must be a list of strings/,
    ],
    ['no rules', null, ['system:serviceaccount:a:b'], /rules must be DeckhouseBasicRules.*got null/],
    ['rules without their lists', {}, ['system:serviceaccount:a:b'], /rules must be DeckhouseBasicRules/],
  ])('%s: a TypeError naming the argument', (_name, rules, serviceAccounts, message) => {
    const call = () => withExtraServiceAccounts(rules as never, serviceAccounts as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });

  it('refuses rules without a ServiceAccount rule', () => {
    const rules = { ...DECKHOUSE_BASIC_RULES, basic: [], serviceAccountRuleIndex: undefined };
    expect(() => withExtraServiceAccounts(rules, ['system:serviceaccount:a:b'])).toThrow(
      /no ServiceAccount rule/,
    );
  });
});

describe('buildBasicRules', () => {
  it('rebuilds the rules from replaced lists', () => {
    const rules = buildBasicRules({
      systemNamespaces: ['kube-system', 'd8-custom'],
      systemServiceAccounts: ['system:serviceaccount:d8-custom:operator'],
      extraServiceAccounts: ['system:serviceaccount:d8-custom:extra'],
    });
    expect(rules.basic).toHaveLength(20);
    expect(rules.deckhouseVersion).toMatch(/lists replaced/);
    const nsRule = rules.basic.find((r) => r.namespaces?.includes('d8-custom'));
    expect(nsRule?.namespaces).toEqual(['kube-system', 'd8-custom']);
    expect(rules.basic[serviceAccountRuleIndex(rules)].users).toEqual([
      'system:serviceaccount:d8-custom:operator',
      'system:serviceaccount:d8-custom:extra',
    ]);
    // A mutation in the new system namespace is now recorded by the namespace rule.
    const decision = evaluatePolicy(policyOf(rules), {
      user: 'alice',
      groups: ['system:authenticated'],
      verb: 'update',
      resourceRequest: true,
      namespace: 'd8-custom',
      apiGroup: 'apps',
      apiVersion: 'v1',
      resource: 'deployments',
      name: 'x',
    });
    expect(decision.level).toBe('Metadata');
    expect(evaluatePolicy(policyOf(), { ...patchBy('alice'), namespace: 'd8-custom' }).level).toBe('None');
  });

  it('keeps the release stamp only while the snapshot lists are kept', () => {
    expect(DECKHOUSE_BASIC_RULES.deckhouseRelease).toBe(DECKHOUSE_RELEASE);
    const replaced = buildBasicRules({ systemNamespaces: ['kube-system'] });
    expect(replaced.deckhouseRelease).toBeUndefined();
    expect(replaced.stamp).toMatch(/with replaced lists$/);
    expect(
      buildBasicRules({ systemNamespaces: ['kube-system'], deckhouseRelease: '1.78' }).deckhouseRelease,
    ).toBe('1.78');
  });

  it('defaults to the packaged snapshot', () => {
    expect(buildBasicRules()).toEqual({ ...DECKHOUSE_BASIC_RULES });
  });
});

describe('parseExtraAuditPolicyConfig', () => {
  it('reads the serviceAccounts list', () => {
    const result = parseExtraAuditPolicyConfig(
      'serviceAccounts:\n- system:serviceaccount:d8-istio:istiod-v1x21x6\n- system:serviceaccount:d8-istio:istiod-v1x19x7\n',
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.serviceAccounts).toEqual([
      'system:serviceaccount:d8-istio:istiod-v1x21x6',
      'system:serviceaccount:d8-istio:istiod-v1x19x7',
    ]);
  });

  it('treats empty text, null and a missing key as no ServiceAccounts', () => {
    for (const text of ['', 'serviceAccounts:', 'serviceAccounts: null', '{}']) {
      expect(parseExtraAuditPolicyConfig(text)).toEqual({ serviceAccounts: [], errors: [], warnings: [] });
    }
  });

  it('reports invalid YAML with a position', () => {
    const result = parseExtraAuditPolicyConfig('serviceAccounts: [a\n');
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors[0].message).toMatch(/not valid YAML/);
    expect(result.errors[0].line).toBeGreaterThan(0);
    expect(result.serviceAccounts).toEqual([]);
  });

  it('rejects a non-list and entries that are lists or mappings', () => {
    expect(
      parseExtraAuditPolicyConfig('serviceAccounts: system:serviceaccount:a:b').errors[0].message,
    ).toMatch(/expected a list of strings/);
    const result = parseExtraAuditPolicyConfig(
      'serviceAccounts:\n- [a]\n- {b: c}\n- system:serviceaccount:a:b\n',
    );
    expect(result.errors.map((e) => e.field)).toEqual([
      'data.basicAuditPolicy.serviceAccounts[0]',
      'data.basicAuditPolicy.serviceAccounts[1]',
    ]);
    expect(result.serviceAccounts).toEqual([]);
    expect(parseExtraAuditPolicyConfig('- a').errors[0].message).toMatch(/expected a mapping/);
  });

  it('warns about ignored keys and names that match no ServiceAccount', () => {
    const result = parseExtraAuditPolicyConfig('users: []\nserviceAccounts:\n- d8-istio:istiod\n- istiod\n');
    expect(result.errors).toEqual([]);
    expect(result.serviceAccounts).toEqual(['d8-istio:istiod', 'istiod']);
    expect(result.warnings.map((w) => w.fix)).toEqual([
      'remove "users"',
      'write "system:serviceaccount:d8-istio:istiod"',
      'write the full user name system:serviceaccount:<namespace>:<name> (lower case, no spaces)',
    ]);
  });
});

describe('renderExtraAuditPolicyConfig', () => {
  it('writes text that parses back to the same list', () => {
    const accounts = ['system:serviceaccount:d8-istio:istiod-v1x21x6', 'system:serviceaccount:ns:yes'];
    const text = renderExtraAuditPolicyConfig(accounts);
    expect(text).toBe(
      'serviceAccounts:\n- "system:serviceaccount:d8-istio:istiod-v1x21x6"\n- "system:serviceaccount:ns:yes"\n',
    );
    expect(parseExtraAuditPolicyConfig(text)).toEqual({
      serviceAccounts: accounts,
      errors: [],
      warnings: [],
    });
    expect(parseExtraAuditPolicyConfig(renderExtraAuditPolicyConfig([])).serviceAccounts).toEqual([]);
  });
});
