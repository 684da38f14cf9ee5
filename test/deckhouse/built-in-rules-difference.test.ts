import { DECKHOUSE_BASIC_RULES, DeckhouseBasicRules, buildBasicRules } from '../../src/deckhouse/basic-rules';
import {
  builtInRulesDifference,
  formatBuiltInRulesDifference,
} from '../../src/deckhouse/built-in-rules-difference';
import { PolicyRule } from '../../src/policy/types';

const SNAP = DECKHOUSE_BASIC_RULES;
const rule = (name: string): PolicyRule => ({
  level: 'None',
  resources: [{ group: 'example.com', resources: [name] }],
});
const withBasic = (basic: PolicyRule[], titles?: string[]): DeckhouseBasicRules => ({
  ...SNAP,
  basic,
  titles: { ...SNAP.titles!, basic: titles ?? [] },
});

describe('builtInRulesDifference', () => {
  it('finds nothing between the snapshot and itself, or a rebuilt copy', () => {
    const d = builtInRulesDifference(SNAP, buildBasicRules());
    expect(d.same).toBe(true);
    expect(d.rules).toEqual([]);
    expect(formatBuiltInRulesDifference(d)).toEqual([]);
  });

  it('aligns rules by content: a removed or inserted rule does not make later rules "changed"', () => {
    const from = withBasic([rule('a'), rule('b'), rule('c'), rule('d')], ['A', 'B', 'C', 'D']);
    const to = withBasic([rule('a'), rule('x'), rule('c'), rule('d'), rule('e')]);
    expect(builtInRulesDifference(from, to).rules).toEqual([
      {
        layer: 'basic',
        change: 'changed',
        fromIndex: 1,
        fromTitle: 'B',
        toIndex: 1,
        toTitle: expect.any(String),
      },
      { layer: 'basic', change: 'added', toIndex: 4, toTitle: expect.stringContaining('e') },
    ]);
    const shifted = withBasic([rule('b'), rule('c'), rule('d')]);
    expect(builtInRulesDifference(from, shifted).rules).toEqual([
      { layer: 'basic', change: 'removed', fromIndex: 0, fromTitle: 'A' },
    ]);
  });

  it('compares the two list rules by shape and their lists as lists', () => {
    const other = buildBasicRules({
      systemNamespaces: ['kube-system', ...SNAP.systemNamespaces.slice(1), 'd8-a', 'd8-b'],
      systemServiceAccounts: SNAP.systemServiceAccounts.slice(0, 100),
    });
    const d = builtInRulesDifference(SNAP, other);
    expect(d.rules).toEqual([]);
    expect(d.same).toBe(false);
    expect(d.namespaces).toEqual({ added: ['d8-a', 'd8-b'], removed: [SNAP.systemNamespaces[0]] });
    expect(d.serviceAccounts.removed).toEqual(SNAP.systemServiceAccounts.slice(100));
    expect(formatBuiltInRulesDifference(d, 'the snapshot')).toEqual([
      'system namespaces added (2): d8-a, d8-b',
      `system namespaces removed (1): ${SNAP.systemNamespaces[0]}`,
      `system ServiceAccounts removed (8): ${SNAP.systemServiceAccounts.slice(100).join(', ')}`,
    ]);
  });

  it('shortens long lists in text, keeps them whole in data', () => {
    const many = Array.from({ length: 13 }, (_, i) => `system:serviceaccount:d8-x:sa-${i}`);
    const d = builtInRulesDifference(SNAP, { ...SNAP, extraServiceAccounts: many });
    expect(d.serviceAccounts.added).toEqual(many);
    expect(formatBuiltInRulesDifference(d)[0]).toBe(
      `system ServiceAccounts added (13): ${many.slice(0, 10).join(', ')} and 3 more`,
    );
  });

  it('stays linear on layers too large for a full alignment (a hand-made file of thousands of rules)', () => {
    const big = Array.from({ length: 3000 }, (_, i) => rule(`r${i}`));
    const d = builtInRulesDifference(withBasic(big), withBasic([...big.slice(1), rule('new')]));
    expect(d.rules.map((c) => [c.change, c.fromIndex, c.toIndex])).toEqual([
      ['removed', 0, undefined],
      ['added', undefined, 2999],
    ]);
  });
});
