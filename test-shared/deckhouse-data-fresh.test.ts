import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DECKHOUSE_BASIC_RULES, buildBasicRules } from '../src/deckhouse/basic-rules';
import {
  DECKHOUSE_SYSTEM_NAMESPACES,
  DECKHOUSE_SYSTEM_SERVICE_ACCOUNTS,
  SERVICE_ACCOUNT_RULE_INDEX,
  SYSTEM_NAMESPACE_RULE_INDEX,
} from '../src/deckhouse/data/basic-rules.generated';
import { DECKHOUSE_RULE_TITLES } from '../src/deckhouse/rule-titles';
import { DEFAULT_KUBERNETES_VERSION, SUPPORTED_KUBERNETES_VERSIONS } from '../src/policy/kubernetes-version';
import { PolicyRule } from '../src/policy/types';
import { generateDeckhouseData } from '../scripts/import-deckhouse-data';
import { parse as parseYaml } from 'yaml';

const REPO = path.resolve(__dirname, '..');
const SHARED = path.resolve(REPO, '../shared');
const upstream = JSON.parse(
  fs.readFileSync(path.join(SHARED, 'upstream/deckhouse/basic-policy-rules.json'), 'utf8'),
) as Array<Record<string, unknown>>;

/** The upstream entry without its prose, for comparison with the packaged rule. */
function withoutWhy(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'why'));
}

describe('packaged Deckhouse data matches ../shared/upstream/deckhouse', () => {
  const rules = DECKHOUSE_BASIC_RULES;
  const merged: PolicyRule[] = [...rules.basic, ...rules.virtualization, ...rules.tail];

  it('has 20 basic, 7 virtualization and 2 tail rules (29 in all)', () => {
    expect(upstream).toHaveLength(29);
    expect(rules.basic).toHaveLength(20);
    expect(rules.virtualization).toHaveLength(7);
    expect(rules.tail).toHaveLength(2);
  });

  it.each(upstream.map((entry, i) => [i, entry] as const))(
    'rule %i equals the upstream entry',
    (i, entry) => {
      expect(merged[i]).toEqual(withoutWhy(entry));
    },
  );

  it('takes the lists from the upstream rules: 35 namespaces, 108 ServiceAccounts', () => {
    expect(DECKHOUSE_SYSTEM_NAMESPACES).toHaveLength(35);
    expect(DECKHOUSE_SYSTEM_SERVICE_ACCOUNTS).toHaveLength(108);
    expect(DECKHOUSE_SYSTEM_NAMESPACES).toEqual(upstream[SYSTEM_NAMESPACE_RULE_INDEX].namespaces);
    expect(DECKHOUSE_SYSTEM_SERVICE_ACCOUNTS).toEqual(upstream[SERVICE_ACCOUNT_RULE_INDEX].users);
    expect(rules.systemNamespaces).toEqual(DECKHOUSE_SYSTEM_NAMESPACES);
    expect(rules.systemServiceAccounts).toEqual(DECKHOUSE_SYSTEM_SERVICE_ACCOUNTS);
  });

  it('rebuilds the rules from replaced lists at the upstream positions', () => {
    const custom = buildBasicRules({
      systemNamespaces: ['kube-system'],
      systemServiceAccounts: ['system:serviceaccount:a:b'],
    });
    expect(custom.basic[SYSTEM_NAMESPACE_RULE_INDEX].namespaces).toEqual(['kube-system']);
    expect(custom.basic[SERVICE_ACCOUNT_RULE_INDEX].users).toEqual(['system:serviceaccount:a:b']);
    custom.basic.forEach((rule, i) => {
      if (i !== SYSTEM_NAMESPACE_RULE_INDEX && i !== SERVICE_ACCOUNT_RULE_INDEX)
        expect(rule).toEqual(withoutWhy(upstream[i]));
    });
  });

  it('has one hand-written title per upstream rule', () => {
    expect(DECKHOUSE_RULE_TITLES.basic).toHaveLength(rules.basic.length);
    expect(DECKHOUSE_RULE_TITLES.virtualization).toHaveLength(rules.virtualization.length);
    expect(DECKHOUSE_RULE_TITLES.tail).toHaveLength(rules.tail.length);
    // Each title ends with the rule's level, a cheap guard against titles drifting from the data.
    [
      ...DECKHOUSE_RULE_TITLES.basic,
      ...DECKHOUSE_RULE_TITLES.virtualization,
      ...DECKHOUSE_RULE_TITLES.tail,
    ].forEach((title, i) => expect(title.endsWith(` at ${merged[i].level}`)).toBe(true));
  });

  it('stamps the snapshot it describes', () => {
    expect(rules.deckhouseVersion).toContain('567d8875');
  });

  it('names the DKP release of the lists: PR #20274 (in CHANGELOG-v1.77) is in, upmeter (gone in 1.77.0) still listed', () => {
    const whys = upstream.map((entry) => String(entry.why)).join('\n');
    expect(whys).toContain('deckhouse#20274');
    expect(DECKHOUSE_SYSTEM_NAMESPACES).toContain('d8-upmeter');
    expect(rules.deckhouseRelease).toBe('1.77');
    expect(rules.stamp).toBe('bundled snapshot DKP 1.77 (deckhouse main @567d8875)');
    expect(rules.deckhouseVersion).toMatch(/^DKP 1\.77: .*before PR #21169/);
  });

  it('refuses to stamp a snapshot whose lists commit has no recorded DKP release', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhouse-data-'));
    try {
      fs.cpSync(path.join(SHARED, 'upstream'), path.join(dir, 'upstream'), { recursive: true });
      const file = path.join(dir, 'upstream/deckhouse/basic-policy-rules.json');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/@567d8875/g, '@0123abcd'));
      expect(() => generateDeckhouseData(dir)).toThrow(
        /AUDIT-RULES\.md @0123abcd, whose DKP release is not recorded; add it to RELEASE_OF_LISTS_COMMIT/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the supported Kubernetes versions from the config-values enum; the default is the oldest', () => {
    const doc = parseYaml(
      fs.readFileSync(
        path.join(SHARED, 'upstream/deckhouse/control-plane-manager.config-values.yaml'),
        'utf8',
      ),
    ) as { properties: { kubernetesVersion: { enum: string[] } } };
    const expected = doc.properties.kubernetesVersion.enum.filter((v) => v !== 'Default');
    expect([...SUPPORTED_KUBERNETES_VERSIONS].sort()).toEqual([...expected].sort());
    expect(DEFAULT_KUBERNETES_VERSION).toBe('1.32');
    expect(SUPPORTED_KUBERNETES_VERSIONS[0]).toBe(DEFAULT_KUBERNETES_VERSION);
  });

  it('committed generated files are byte-identical to a fresh generator run', () => {
    const files = generateDeckhouseData(SHARED);
    expect(Object.keys(files).sort()).toEqual([
      'src/deckhouse/data/basic-rules.generated.ts',
      'src/policy/kubernetes-versions.generated.ts',
    ]);
    for (const [file, text] of Object.entries(files)) {
      expect(fs.readFileSync(path.join(REPO, file), 'utf8')).toBe(text);
    }
  });

  it('is deterministic', () => {
    expect(generateDeckhouseData(SHARED)).toEqual(generateDeckhouseData(SHARED));
  });
});
