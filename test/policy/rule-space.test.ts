import { evaluatePolicy, ruleMatchesRequest } from '../../src/policy/evaluate';
import { LintCode, LintFinding, lintPolicy } from '../../src/policy/lint';
import { RuleSpace, SearchBudgetExceeded, findUncovered, ruleBoxes } from '../../src/policy/rule-space';
import { GroupResources, Level, PolicyRule } from '../../src/policy/types';
import { mulberry32 } from '../support/seeded-random';
import { checkShadowClaims } from './lint-soundness';
import { policyOf } from '../support/evaluation';

// The rule space under the linter's shadow checks (src/policy/rule-space.ts): its matching agrees with the
// evaluator's, its search gives up instead of answering wrongly, and its claims hold over random policies.

const policy = policyOf;
const ofCode = (findings: LintFinding[], code: LintCode) => findings.filter((f) => f.code === code);

describe('rule-space matching semantics', () => {
  const shadowed = (rules: PolicyRule[]) => new RuleSpace(rules).isShadowed(rules.length - 1);
  const R = (resources: GroupResources[], extra: Partial<PolicyRule> = {}): PolicyRule => ({
    level: 'Metadata',
    resources,
    ...extra,
  });

  it.each<[string, PolicyRule[], boolean]>([
    ['pods/* covers bare pods', [R([{ resources: ['pods/*'] }]), R([{ resources: ['pods'] }])], true],
    ['pods does not cover pods/log', [R([{ resources: ['pods'] }]), R([{ resources: ['pods/log'] }])], false],
    ['*/log covers pods/log', [R([{ resources: ['*/log'] }]), R([{ resources: ['pods/log'] }])], true],
    ['*/log does not cover pods', [R([{ resources: ['*/log'] }]), R([{ resources: ['pods/*'] }])], false],
    ['* covers a whole group', [R([{ group: 'apps', resources: ['*'] }]), R([{ group: 'apps' }])], true],
    ['group "*" covers every group', [R([{ group: '*' }]), R([{ group: 'x.io', resources: ['a'] }])], true],
    [
      'core group only',
      [R([{ resources: ['*'] }]), R([{ group: 'apps', resources: ['deployments'] }])],
      false,
    ],
    [
      'resourceNames narrow',
      [R([{ resources: ['cm'], resourceNames: ['a'] }]), R([{ resources: ['cm'] }])],
      false,
    ],
    [
      'names subset',
      [
        R([{ resources: ['cm'], resourceNames: ['a', 'b'] }]),
        R([{ resources: ['cm'], resourceNames: ['a'] }]),
      ],
      true,
    ],
    [
      'verbs pieced by two rules',
      [
        { level: 'None', verbs: ['get'] },
        { level: 'None', verbs: ['list'] },
        { level: 'Request', verbs: ['get', 'list'] },
      ],
      true,
    ],
    [
      'verbs not all covered',
      [
        { level: 'None', verbs: ['get'] },
        { level: 'Request', verbs: ['get', 'list'] },
      ],
      false,
    ],
    [
      'groups: any-of, subset covered',
      [
        { level: 'None', userGroups: ['a', 'b'] },
        { level: 'Request', userGroups: ['a'] },
      ],
      true,
    ],
    [
      'groups: extra group escapes',
      [
        { level: 'None', userGroups: ['a'] },
        { level: 'Request', userGroups: ['a', 'c'] },
      ],
      false,
    ],
    [
      // AuthenticatedGroupAdder gives every authenticated user but system:anonymous system:authenticated.
      'groups: a users rule is covered by a system:authenticated rule',
      [
        { level: 'None', userGroups: ['system:authenticated'] },
        { level: 'Request', users: ['alice'] },
      ],
      true,
    ],
    [
      'groups: system:anonymous is not in system:authenticated',
      [
        { level: 'None', userGroups: ['system:authenticated'] },
        { level: 'Request', users: ['alice', 'system:anonymous'] },
      ],
      false,
    ],
    [
      'groups: every ServiceAccount is authenticated',
      [
        { level: 'Metadata', userGroups: ['system:authenticated'] },
        { level: 'None', userGroups: ['system:serviceaccounts'] },
      ],
      true,
    ],
    [
      'groups: a ServiceAccount user carries its ServiceAccount groups',
      [
        { level: 'None', userGroups: ['system:serviceaccounts:ci'] },
        { level: 'Request', users: ['system:serviceaccount:ci:builder'] },
      ],
      true,
    ],
    [
      'groups: other users are not ServiceAccounts',
      [
        { level: 'None', userGroups: ['system:serviceaccounts'] },
        { level: 'Request', users: ['system:serviceaccount:ci:builder', 'alice'] },
      ],
      false,
    ],
    [
      'groups: unauthenticated requests (no user) escape every user or group rule',
      [
        { level: 'None', userGroups: ['system:authenticated', 'system:unauthenticated'] },
        { level: 'Request', verbs: ['get'] },
      ],
      false,
    ],
    [
      'groups: system:authenticated and system:unauthenticated together cover every user',
      [
        { level: 'None', userGroups: ['system:authenticated', 'system:unauthenticated'] },
        { level: 'Request', users: ['alice', 'system:anonymous'] },
      ],
      true,
    ],
    [
      'users covered by a users rule',
      [
        { level: 'None', users: ['alice', 'bob'] },
        { level: 'Request', users: ['bob'], userGroups: ['g'] },
      ],
      true,
    ],
    [
      'unauthenticated requests escape group rules',
      [{ level: 'None', userGroups: ['system:authenticated'] }, { level: 'Request' }],
      false,
    ],
    ['rules without resources also match URLs', [R([{ group: '*' }]), { level: 'Request' }], false],
    [
      'resource + URL rules together cover everything',
      [R([{ group: '*' }]), { level: 'None', nonResourceURLs: ['*'] }, { level: 'Request', verbs: ['get'] }],
      true,
    ],
    [
      'namespaces-only rule covers its resources',
      [{ level: 'None', namespaces: ['a'] }, R([{ resources: ['pods'] }], { namespaces: ['a'] })],
      true,
    ],
    [
      'URL prefix covers longer prefix',
      [
        { level: 'None', nonResourceURLs: ['/api*'] },
        { level: 'Request', nonResourceURLs: ['/apis/*', '/api'] },
      ],
      true,
    ],
    [
      'URL prefix is raw, not a segment',
      [
        { level: 'None', nonResourceURLs: ['/api/*'] },
        { level: 'Request', nonResourceURLs: ['/api'] },
      ],
      false,
    ],
    [
      'longer prefix does not cover shorter',
      [
        { level: 'None', nonResourceURLs: ['/healthz/*'] },
        { level: 'Request', nonResourceURLs: ['/healthz*'] },
      ],
      false,
    ],
  ])('%s', (_name, rules, expected) => {
    expect(shadowed(rules)).toBe(expected);
    const p = policy(rules);
    expect(checkShadowClaims(p, lintPolicy(p))).toEqual([]);
  });
});

describe('search budget', () => {
  it('gives up with SearchBudgetExceeded instead of answering wrongly', () => {
    const [piece] = ruleBoxes({ level: 'Request', users: ['a', 'b', 'c'], verbs: ['get', 'list'] }, 1);
    const cands = ruleBoxes({ level: 'None', users: ['a'] }, 0);
    expect(() => findUncovered(piece, cands, 1)).toThrow(SearchBudgetExceeded);
    expect(findUncovered(piece, cands)).toMatchObject({ user: 'b' });
  });
});

describe('soundness over random policies', () => {
  const LEVELS: Level[] = ['None', 'Metadata', 'Request', 'RequestResponse'];
  const VOCAB = {
    users: ['alice', 'bob', 'system:serviceaccount:kube-system:x'],
    groups: ['system:authenticated', 'devs', 'ops'],
    verbs: ['get', 'list', 'create', 'patch', 'post'],
    namespaces: ['', 'default', 'kube-system'],
    groupsApi: ['', 'apps', '*'],
    resources: [
      'pods',
      'pods/log',
      'pods/*',
      '*/log',
      '*',
      'secrets',
      'deployments',
      'deployments/scale',
      '*/scale',
    ],
    names: ['a', 'b', ''],
    urls: ['/healthz', '/healthz*', '/api*', '/apis/*', '*', '/version'],
  };

  function subset<T>(rng: () => number, list: readonly T[], p: number): T[] | undefined {
    if (rng() > p) return undefined;
    const out = list.filter(() => rng() < 0.4);
    return out.length ? out : [list[Math.floor(rng() * list.length)]];
  }

  function randomRule(rng: () => number): PolicyRule {
    const rule: PolicyRule = { level: LEVELS[Math.floor(rng() * 4)] };
    const users = subset(rng, VOCAB.users, 0.2);
    const groups = subset(rng, VOCAB.groups, 0.25);
    const verbs = subset(rng, VOCAB.verbs, 0.5);
    if (users) rule.users = users;
    if (groups) rule.userGroups = groups;
    if (verbs) rule.verbs = verbs;
    const kind = rng();
    if (kind < 0.6) {
      const ns = subset(rng, VOCAB.namespaces, 0.3);
      if (ns) rule.namespaces = ns;
      if (rng() < 0.85) {
        const n = 1 + Math.floor(rng() * 2);
        rule.resources = [];
        for (let k = 0; k < n; k++) {
          const gr: GroupResources = { group: VOCAB.groupsApi[Math.floor(rng() * 3)] };
          const res = subset(rng, VOCAB.resources, 0.85);
          if (res) {
            gr.resources = res;
            const names = subset(rng, VOCAB.names, 0.2);
            if (names) gr.resourceNames = names;
          }
          rule.resources.push(gr);
        }
      }
    } else if (kind < 0.8) {
      rule.nonResourceURLs = subset(rng, VOCAB.urls, 1);
    }
    return rule;
  }

  it('flags only rules that never fire, and every unflagged rule has a witness (400 policies)', () => {
    const rng = mulberry32(2026);
    let flaggedTotal = 0;
    for (let n = 0; n < 400; n++) {
      const p = policy(Array.from({ length: 2 + Math.floor(rng() * 7) }, () => randomRule(rng)));
      const findings = lintPolicy(p);
      flaggedTotal += ofCode(findings, 'shadowed-rule').length;
      const problems = checkShadowClaims(p, findings, 150, n);
      if (problems.length) throw new Error(`policy ${JSON.stringify(p.rules)}:\n${problems.join('\n')}`);
      for (const f of ofCode(findings, 'partially-shadowed-rule')) {
        expect(evaluatePolicy(p, f.example!).ruleIndex).toBe(f.relatedRuleIndex);
        expect(ruleMatchesRequest(p.rules[f.ruleIndex], f.example!)).toBe(true);
      }
      for (const f of ofCode(findings, 'sensitive-body'))
        expect(evaluatePolicy(p, f.example!).ruleIndex).toBe(f.ruleIndex);
      for (const f of ofCode(findings, 'no-catch-all'))
        expect(evaluatePolicy(p, f.example!).ruleIndex).toBe(-1);
    }
    // The generator must actually produce shadowed rules for this to test anything.
    expect(flaggedTotal).toBeGreaterThan(50);
  });
});
