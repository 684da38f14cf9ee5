import { nonEmpty, nonResourcePrefix, resourceStringMatches } from './match';
import { Decision, Policy, PolicyRule, RequestAttributes, Stage, STAGES } from './types';

/** Rules per block: one bit per rule in a 32-bit integer mask. */
export const BLOCK_SIZE = 32;

// Caches keyed by request values grow with what a log contains; past this many entries a block computes
// masks without storing them, so a stream of random paths cannot grow memory without bound.
const CACHE_LIMIT = 20_000;

/** The frozen decision of a matched rule: omitStages = policy ∪ rule in lifecycle order. */
export function ruleDecision(policy: Policy, rule: PolicyRule, ruleIndex: number): Decision {
  const omitted = new Set<string>([...(policy.omitStages ?? []), ...(rule.omitStages ?? [])]);
  return Object.freeze({
    level: rule.level,
    omitStages: Object.freeze(STAGES.filter((s) => omitted.has(s))) as Stage[],
    omitManagedFields: rule.omitManagedFields ?? policy.omitManagedFields ?? false,
    ruleIndex,
  });
}

/** The frozen decision when no rule matches: level None and the policy's own omitStages as written. */
export function noMatchDecision(policy: Policy): Decision {
  return Object.freeze({
    level: 'None',
    omitStages: Object.freeze([...(policy.omitStages ?? [])]) as Stage[],
    omitManagedFields: policy.omitManagedFields ?? false,
    ruleIndex: -1,
  });
}

/** Resource-dimension answer for one (apiGroup, resource, subresource). */
interface ResourceMasks {
  /** Rules whose resources select the request whatever its name. */
  readonly definite: number;
  /** Rules selecting it only through entries with resourceNames; names[bit] holds the allowed names. */
  readonly byName: number;
  readonly names: ReadonlyArray<ReadonlySet<string> | undefined>;
}

function addToIndex(index: Map<string, number>, keys: readonly string[], bit: number): void {
  for (const key of keys) index.set(key, (index.get(key) ?? 0) | bit);
}

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

/**
 * Up to 32 consecutive rules compiled into bitmask indexes. A request's candidate rules are the AND of
 * one mask per dimension; the lowest set bit is the first matching rule, because every dimension is
 * indexed exactly (resourceNames are the one check left for the candidate itself).
 */
export class RuleBlock {
  private readonly decisions: Decision[];
  private readonly resourceKind: number;
  private readonly nonResourceKind: number;
  private readonly verbFree: number;
  private readonly verbs = new Map<string, number>();
  private readonly userFree: number;
  private readonly users = new Map<string, number>();
  private readonly groupFree: number;
  private readonly groups = new Map<string, number>();
  private readonly anonymous: number;
  private readonly namespaceFree: number;
  private readonly namespaces = new Map<string, number>();
  private readonly resourceFree: number;
  private readonly pathFree: number;
  private readonly rules: readonly PolicyRule[];
  private readonly urlRules: ReadonlyArray<{
    bit: number;
    exact: Set<string>;
    prefixes: string[];
    any: boolean;
  }>;
  private readonly resourceCache = new Map<string, Map<string, Map<string, ResourceMasks>>>();
  private readonly pathCache = new Map<string, number>();
  private cached = 0;

  constructor(policy: Policy, rules: readonly PolicyRule[], start: number) {
    this.rules = rules;
    this.decisions = rules.map((rule, i) => ruleDecision(policy, rule, start + i));
    let resourceKind = 0;
    let nonResourceKind = 0;
    let verbFree = 0;
    let userFree = 0;
    let groupFree = 0;
    let namespaceFree = 0;
    let resourceFree = 0;
    let pathFree = 0;
    const urlRules: Array<{ bit: number; exact: Set<string>; prefixes: string[]; any: boolean }> = [];
    rules.forEach((rule, i) => {
      const bit = 1 << i;
      const resourceRule = nonEmpty(rule.namespaces) || nonEmpty(rule.resources);
      if (resourceRule || !nonEmpty(rule.nonResourceURLs)) resourceKind |= bit;
      if (!resourceRule) nonResourceKind |= bit;
      if (nonEmpty(rule.verbs)) addToIndex(this.verbs, rule.verbs, bit);
      else verbFree |= bit;
      if (nonEmpty(rule.users)) addToIndex(this.users, rule.users, bit);
      else userFree |= bit;
      if (nonEmpty(rule.userGroups)) addToIndex(this.groups, rule.userGroups, bit);
      else groupFree |= bit;
      if (nonEmpty(rule.namespaces)) addToIndex(this.namespaces, rule.namespaces, bit);
      else namespaceFree |= bit;
      if (!nonEmpty(rule.resources)) resourceFree |= bit;
      if (!nonEmpty(rule.nonResourceURLs)) pathFree |= bit;
      else if (!resourceRule) {
        const urls = rule.nonResourceURLs;
        urlRules.push({
          bit,
          any: urls.includes('*'),
          exact: new Set(urls),
          prefixes: urls.filter((u) => u.endsWith('*')).map(nonResourcePrefix),
        });
      }
    });
    this.resourceKind = resourceKind;
    this.nonResourceKind = nonResourceKind;
    this.verbFree = verbFree;
    this.userFree = userFree;
    this.groupFree = groupFree;
    this.anonymous = userFree & groupFree;
    this.namespaceFree = namespaceFree;
    this.resourceFree = resourceFree;
    this.pathFree = pathFree;
    this.urlRules = urlRules;
  }

  /** The first matching rule's decision within this block, or undefined. */
  evaluate(req: RequestAttributes): Decision | undefined {
    let mask = req.resourceRequest ? this.resourceKind : this.nonResourceKind;
    if (this.verbs.size > 0) mask &= this.verbFree | (this.verbs.get(req.verb) ?? 0);
    if (mask === 0) return undefined;
    const user = req.user;
    if (user === undefined) {
      mask &= this.anonymous;
    } else {
      if (this.users.size > 0) mask &= this.userFree | (this.users.get(user) ?? 0);
      if (this.groups.size > 0 && (mask & ~this.groupFree) !== 0) {
        let groupMask = this.groupFree;
        const groups = req.groups;
        if (groups !== undefined) {
          for (let i = 0; i < groups.length; i++) groupMask |= this.groups.get(groups[i]) ?? 0;
        }
        mask &= groupMask;
      }
    }
    if (mask === 0) return undefined;
    if (!req.resourceRequest) {
      if ((mask & ~this.pathFree) !== 0) mask &= this.pathFree | this.pathMask(req.path ?? '');
      return mask === 0 ? undefined : this.decisions[lowestBit(mask)];
    }
    if (this.namespaces.size > 0)
      mask &= this.namespaceFree | (this.namespaces.get(req.namespace ?? '') ?? 0);
    if ((mask & ~this.resourceFree) === 0) return mask === 0 ? undefined : this.decisions[lowestBit(mask)];
    const masks = this.resourceMasks(req.apiGroup ?? '', req.resource ?? '', req.subresource ?? '');
    let candidates = mask & (masks.definite | masks.byName);
    while (candidates !== 0) {
      const index = lowestBit(candidates);
      const bit = 1 << index;
      if ((masks.definite & bit) !== 0 || masks.names[index]!.has(req.name ?? ''))
        return this.decisions[index];
      candidates &= ~bit;
    }
    return undefined;
  }

  private pathMask(path: string): number {
    const hit = this.pathCache.get(path);
    if (hit !== undefined) return hit;
    let mask = 0;
    for (const r of this.urlRules) {
      if (r.any || r.exact.has(path) || r.prefixes.some((p) => path.startsWith(p))) mask |= r.bit;
    }
    if (this.cached < CACHE_LIMIT) {
      this.cached++;
      this.pathCache.set(path, mask);
    }
    return mask;
  }

  private resourceMasks(apiGroup: string, resource: string, subresource: string): ResourceMasks {
    let byResource = this.resourceCache.get(apiGroup);
    let bySubresource = byResource?.get(resource);
    const hit = bySubresource?.get(subresource);
    if (hit !== undefined) return hit;
    const masks = this.computeResourceMasks(apiGroup, resource, subresource);
    if (this.cached < CACHE_LIMIT) {
      this.cached++;
      if (byResource === undefined) this.resourceCache.set(apiGroup, (byResource = new Map()));
      if (bySubresource === undefined) byResource.set(resource, (bySubresource = new Map()));
      bySubresource.set(subresource, masks);
    }
    return masks;
  }

  private computeResourceMasks(apiGroup: string, resource: string, subresource: string): ResourceMasks {
    let definite = this.resourceFree;
    let byName = 0;
    const names: Array<Set<string> | undefined> = [];
    this.rules.forEach((rule, i) => {
      const bit = 1 << i;
      for (const gr of rule.resources ?? []) {
        const group = gr.group ?? '';
        if (group !== apiGroup && group !== '*') continue;
        if (!nonEmpty(gr.resources)) {
          definite |= bit;
          continue;
        }
        if (!gr.resources.some((spec) => resourceStringMatches(spec, resource, subresource))) continue;
        if (!nonEmpty(gr.resourceNames)) {
          definite |= bit;
          continue;
        }
        byName |= bit;
        const allowed = (names[i] ??= new Set());
        for (const n of gr.resourceNames) allowed.add(n);
      }
    });
    return { definite, byName: byName & ~definite, names };
  }
}
