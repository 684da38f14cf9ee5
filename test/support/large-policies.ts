import { Level, Policy, PolicyRule } from '../../src/policy/types';
import { mulberry32 } from './seeded-random';

/** Seeded shapes of large policies for the lint budget test and `npm run bench:lint`. */

const LEVELS: Level[] = ['None', 'Metadata', 'Request', 'RequestResponse'];
const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'proxy'];

/** Rule makers by shape: i is the rule's position, next a seeded random source. */
export const LARGE_POLICY_SHAPES: Record<string, (i: number, next: () => number) => PolicyRule> = {
  /** One rule per user: every rule about someone else (the index keeps this linear). */
  'distinct users': (i) => ({ level: 'Metadata', users: [`user-${i}`] }),
  /** The same rule again and again: every rule but the first is shadowed. */
  repeated: () => ({ level: 'None', verbs: ['get'] }),
  /** One rule per namespace, levels alternating, Secret bodies recorded in half of them. */
  'namespaced, alternating levels': (i) => ({
    level: LEVELS[i % 4],
    namespaces: [`ns-${i}`],
    resources: [{ group: '', resources: ['pods', 'secrets'] }],
  }),
  /** One rule per object name. */
  'resource names': (i) => ({
    level: 'None',
    resources: [{ group: '', resources: ['configmaps'], resourceNames: [`cm-${i}`] }],
  }),
  /** Rules drawn from a small vocabulary: heavy overlap, most rules shadowed. */
  'random small vocabulary': (_i, next) => {
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const rule: PolicyRule = { level: pick(LEVELS) };
    if (next() < 0.3) rule.users = [pick(['alice', 'bob', 'carol'])];
    if (next() < 0.3) rule.userGroups = [pick(['system:authenticated', 'devs', 'ops'])];
    if (next() < 0.5) rule.verbs = [pick(VERBS), pick(VERBS)];
    if (next() < 0.7) {
      rule.resources = [
        {
          group: pick(['', 'apps', '*']),
          resources: [pick(['pods', 'pods/log', '*', 'secrets', 'deployments'])],
        },
      ];
      if (next() < 0.3) rule.namespaces = [pick(['', 'default', 'kube-system'])];
    } else if (next() < 0.5) rule.nonResourceURLs = [pick(['/healthz*', '/api*', '*', '/version'])];
    return rule;
  },
  /** Every rule overlaps every other one (a user may be in all groups), none contains another: adversarial. */
  'overlapping groups': (i) => ({ level: LEVELS[i % 4], userGroups: [`g-${i}`, `g-${i + 1}`] }),
};

/** A policy of `count` rules of one shape, ending with a Metadata catch-all. */
export function largePolicy(shape: string, count: number, seed = 1): Policy {
  const next = mulberry32(seed);
  const make = LARGE_POLICY_SHAPES[shape];
  const rules = Array.from({ length: count }, (_, i) => make(i, next));
  rules.push({ level: 'Metadata' });
  return { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules };
}

/** The number of rules of a shape whose YAML is about `bytes` long (the Secret limit is 1 MiB). */
export function rulesForBytes(shape: string, bytes: number): number {
  const sample = largePolicy(shape, 200);
  const perRule = JSON.stringify(sample.rules).length / sample.rules.length;
  return Math.floor(bytes / perRule);
}
