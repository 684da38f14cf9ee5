/** Seeded generators of strings and policies for the loader and renderer property tests. */
import { GroupResources, LEVELS, Policy, PolicyRule, Stage, STAGES } from '../../src/policy/types';
import { mulberry32 } from '../support/seeded-random';

/** A seeded generator, so failures reproduce. */
export const random = mulberry32;

export const NASTY_STRINGS = [
  'no',
  'on',
  'off',
  'yes',
  'y',
  'N',
  'true',
  'False',
  'null',
  'Null',
  '~',
  '',
  ' ',
  '*',
  '*/*',
  'pods/*',
  '1.0',
  '0x1F',
  '0777',
  '1e3',
  '.5',
  '-1',
  '+1',
  '1_000',
  '12:30',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  ':',
  'a:',
  ':a',
  '- a',
  '-',
  '--',
  '---',
  '...',
  '#x',
  'a #b',
  '&a',
  '*a',
  '!a',
  '!!str',
  '%TAG',
  '@a',
  '`a',
  '|',
  '>',
  '? a',
  '<<',
  '=',
  '{}',
  '[]',
  '{a: 1}',
  ',',
  "'",
  '"',
  '\\',
  '\n',
  'a\nb',
  '\t',
  '\r\n',
  '\u0085',
  '\u2028',
  '\uFEFF',
  '\u0000',
  '\u007F',
  'é',
  'пространство',
  '命名空間',
  '😀',
  'system:kube-proxy',
  '/healthz*',
  '/api*',
  'system:serviceaccount:ns:sa',
  'rbac.authorization.k8s.io',
  'kube-system',
  'x'.repeat(300),
  'a b'.repeat(50),
  'RequestReceived',
];

export function randomString(next: () => number): string {
  if (next() < 0.7) return NASTY_STRINGS[Math.floor(next() * NASTY_STRINGS.length)];
  let s = '';
  const length = Math.floor(next() * 12);
  for (let i = 0; i < length; i++) {
    const r = next();
    s +=
      r < 0.6
        ? String.fromCharCode(0x21 + Math.floor(next() * 94))
        : r < 0.8
          ? ' '
          : String.fromCodePoint(0xa0 + Math.floor(next() * 0x3000));
  }
  return s;
}

export function randomPolicy(next: () => number): Policy {
  const maybe = <T>(make: () => T, p = 0.5): T | undefined => (next() < p ? make() : undefined);
  const list = <T>(make: () => T, max = 4): T[] =>
    Array.from({ length: Math.floor(next() * (max + 1)) }, make);
  const strings = () => list(() => randomString(next));
  const stages = () => list(() => STAGES[Math.floor(next() * STAGES.length)] as Stage, 3);
  const groupResources = (): GroupResources => {
    const entry: GroupResources = {};
    const group = maybe(() => randomString(next));
    if (group !== undefined) entry.group = group;
    const resources = maybe(strings);
    if (resources) entry.resources = resources;
    const names = maybe(strings, 0.3);
    if (names) entry.resourceNames = names;
    return entry;
  };
  const rule = (): PolicyRule => {
    const r: PolicyRule = { level: LEVELS[Math.floor(next() * LEVELS.length)] };
    for (const key of ['users', 'userGroups', 'verbs', 'namespaces', 'nonResourceURLs'] as const) {
      const v = maybe(strings, 0.35);
      if (v) r[key] = v;
    }
    const resources = maybe(() => list(groupResources, 3), 0.4);
    if (resources) r.resources = resources;
    const omit = maybe(stages, 0.3);
    if (omit) r.omitStages = omit;
    const managed = maybe(() => next() < 0.5, 0.2);
    if (managed !== undefined) r.omitManagedFields = managed;
    return r;
  };
  const policy: Policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: list(rule, 6) };
  const omit = maybe(stages, 0.3);
  if (omit) policy.omitStages = omit;
  const managed = maybe(() => next() < 0.5, 0.2);
  if (managed !== undefined) policy.omitManagedFields = managed;
  const meta = maybe(
    () => ({ name: randomString(next), labels: { [randomString(next) || 'k']: randomString(next) } }),
    0.15,
  );
  if (meta) policy.metadata = meta;
  return policy;
}
