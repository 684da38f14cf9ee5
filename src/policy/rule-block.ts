import { nonEmpty, nonResourcePrefix, resourceStringMatches, ruleKinds } from './match';
import { Decision, Policy, PolicyRule, RequestAttributes, Stage, STAGES } from './types';

/** Rules per block: one bit per rule in a 32-bit integer mask. */
export const BLOCK_SIZE = 32;

// Caches keyed by request values grow with what a log contains; past this many entries a block computes
// masks without storing them, so a stream of random paths cannot grow memory without bound.
const CACHE_LIMIT = 20_000;
// Only short keys are cached: a log can hold 20,000-character paths, and V8 hashes strings longer than
// 16,383 characters by length alone, so such keys would all collide in the cache.
const CACHE_KEY_MAX = 512;

// Up to this many strings, a linear scan with === beats hashing the request's string for a Set lookup.
const LINEAR_SCAN_MAX = 8;

/** The stages a matched rule omits: the policy's and the rule's own, in lifecycle order. */
export function omittedStages(policy: Policy, rule: PolicyRule): Stage[] {
  const omitted = new Set<string>([...(policy.omitStages ?? []), ...(rule.omitStages ?? [])]);
  return STAGES.filter((s) => omitted.has(s));
}

/** The frozen decision of a matched rule: omitStages = policy ∪ rule in lifecycle order. */
export function ruleDecision(policy: Policy, rule: PolicyRule, ruleIndex: number): Decision {
  return Object.freeze({
    level: rule.level,
    omitStages: Object.freeze(omittedStages(policy, rule)) as Stage[],
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

/** Membership in a rule's string list: linear for short lists, hashed for long ones. */
class StringSet {
  private readonly list: readonly string[];
  private readonly set: ReadonlySet<string> | undefined;

  constructor(values: Iterable<string>) {
    const unique = [...new Set(values)];
    this.list = unique;
    this.set = unique.length > LINEAR_SCAN_MAX ? new Set(unique) : undefined;
  }

  has(value: string): boolean {
    if (this.set !== undefined) return this.set.has(value);
    const list = this.list;
    for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
    return false;
  }

  hasAny(values: readonly string[] | undefined): boolean {
    if (values === undefined) return false;
    // From the end: kube-apiserver appends system:authenticated, the group rules name most, after the
    // authenticator's own groups (k8s.io/apiserver/pkg/authentication/group/authenticated_group_adder.go), and
    // each string compared is a memory access on requests decoded from a log.
    for (let i = values.length - 1; i >= 0; i--) if (this.has(values[i])) return true;
    return false;
  }
}

/** The constraints a candidate rule is checked against after the index narrowed the candidates. */
interface RuleChecks {
  readonly users: StringSet | undefined;
  readonly groups: StringSet | undefined;
  readonly namespaces: StringSet | undefined;
}

/** Resource-dimension answer for one (apiGroup, resource, subresource). */
interface ResourceMasks {
  readonly group: string;
  readonly subresource: string;
  /** Rules whose resources select the request whatever its name. */
  readonly definite: number;
  /** Rules selecting it only through entries with resourceNames; names[bit] holds the allowed names. */
  readonly byName: number;
  readonly names: ReadonlyArray<StringSet | undefined>;
}

const NO_NAMES: ReadonlyArray<StringSet | undefined> = [];

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

/**
 * Up to 32 consecutive rules compiled for fast first-match search. Kind, verb and resource (or URL path)
 * are indexed as bitmasks; the candidates left are tried lowest bit first — the lowest is the first rule
 * in file order — against the rule's remaining user, group, namespace and resourceNames constraints.
 */
export class RuleBlock {
  private readonly decisions: Decision[];
  private readonly checks: RuleChecks[];
  private readonly rules: readonly PolicyRule[];
  private readonly resourceKind: number;
  private readonly nonResourceKind: number;
  private readonly anonymous: number;
  private readonly unchecked: number;
  private readonly verbFree: number;
  // Parallel arrays: policies name few distinct verbs, and === on them is cheaper than hashing.
  private readonly verbNames: string[] = [];
  private readonly verbMasks: number[] = [];
  private readonly resourceFree: number;
  private readonly pathFree: number;
  private readonly urlRules: ReadonlyArray<{
    bit: number;
    any: boolean;
    exact: StringSet;
    prefixes: string[];
  }>;
  private readonly resourceCache = new Map<string, ResourceMasks[]>();
  private readonly pathCache = new Map<string, number>();
  private cached = 0;

  constructor(policy: Policy, rules: readonly PolicyRule[], start: number) {
    this.rules = rules;
    this.decisions = rules.map((rule, i) => ruleDecision(policy, rule, start + i));
    this.checks = rules.map((rule) => ({
      users: nonEmpty(rule.users) ? new StringSet(rule.users) : undefined,
      groups: nonEmpty(rule.userGroups) ? new StringSet(rule.userGroups) : undefined,
      namespaces: nonEmpty(rule.namespaces) ? new StringSet(rule.namespaces) : undefined,
    }));
    let resourceKind = 0;
    let nonResourceKind = 0;
    let anonymous = 0;
    let unchecked = 0;
    let verbFree = 0;
    let resourceFree = 0;
    let pathFree = 0;
    const urlRules: Array<{ bit: number; any: boolean; exact: StringSet; prefixes: string[] }> = [];
    rules.forEach((rule, i) => {
      const bit = 1 << i;
      const checks = this.checks[i];
      const kinds = ruleKinds(rule);
      if (kinds.resource) resourceKind |= bit;
      if (kinds.nonResource) nonResourceKind |= bit;
      // Without user info, users and userGroups constraints can never hold.
      if (!checks.users && !checks.groups) anonymous |= bit;
      if (!checks.users && !checks.groups && !checks.namespaces) unchecked |= bit;
      if (nonEmpty(rule.verbs)) {
        for (const verb of rule.verbs) {
          const at = this.verbNames.indexOf(verb);
          if (at >= 0) this.verbMasks[at] |= bit;
          else {
            this.verbNames.push(verb);
            this.verbMasks.push(bit);
          }
        }
      } else verbFree |= bit;
      if (!nonEmpty(rule.resources)) resourceFree |= bit;
      if (!nonEmpty(rule.nonResourceURLs)) pathFree |= bit;
      else if (kinds.nonResource) {
        const urls = rule.nonResourceURLs;
        urlRules.push({
          bit,
          any: urls.includes('*'),
          exact: new StringSet(urls),
          prefixes: urls.filter((u) => u.endsWith('*')).map(nonResourcePrefix),
        });
      }
    });
    this.resourceKind = resourceKind;
    this.nonResourceKind = nonResourceKind;
    this.anonymous = anonymous;
    this.unchecked = unchecked;
    this.verbFree = verbFree;
    this.resourceFree = resourceFree;
    this.pathFree = pathFree;
    this.urlRules = urlRules;
  }

  /** The first matching rule's decision within this block, or undefined. */
  evaluate(req: RequestAttributes): Decision | undefined {
    const resourceRequest = req.resourceRequest;
    let mask = resourceRequest ? this.resourceKind : this.nonResourceKind;
    if (this.verbNames.length > 0) mask &= this.verbFree | this.verbMask(req.verb);
    if (req.user === undefined) mask &= this.anonymous;
    if (mask === 0) return undefined;
    let byName = 0;
    let names = NO_NAMES;
    if (resourceRequest) {
      if ((mask & ~this.resourceFree) !== 0) {
        const masks = this.resourceMasks(req.apiGroup ?? '', req.resource ?? '', req.subresource ?? '');
        mask &= masks.definite | masks.byName;
        byName = masks.byName;
        names = masks.names;
      }
    } else if ((mask & ~this.pathFree) !== 0) {
      mask &= this.pathFree | this.pathMask(req.path ?? '');
    }
    while (mask !== 0) {
      const index = lowestBit(mask);
      const bit = 1 << index;
      if (
        ((bit & this.unchecked) !== 0 || this.passesChecks(this.checks[index], req)) &&
        ((bit & byName) === 0 || names[index]!.has(req.name ?? ''))
      ) {
        return this.decisions[index];
      }
      mask &= ~bit;
    }
    return undefined;
  }

  private verbMask(verb: string): number {
    const names = this.verbNames;
    for (let i = 0; i < names.length; i++) if (names[i] === verb) return this.verbMasks[i];
    return 0;
  }

  private passesChecks(checks: RuleChecks, req: RequestAttributes): boolean {
    if (checks.users !== undefined && !checks.users.has(req.user!)) return false;
    if (checks.groups !== undefined && !checks.groups.hasAny(req.groups)) return false;
    return checks.namespaces === undefined || checks.namespaces.has(req.namespace ?? '');
  }

  private pathMask(path: string): number {
    const hit = this.pathCache.get(path);
    if (hit !== undefined) return hit;
    let mask = 0;
    for (const r of this.urlRules) {
      if (r.any || r.exact.has(path) || r.prefixes.some((p) => path.startsWith(p))) mask |= r.bit;
    }
    if (this.cached < CACHE_LIMIT && path.length <= CACHE_KEY_MAX) {
      this.cached++;
      this.pathCache.set(path, mask);
    }
    return mask;
  }

  private resourceMasks(apiGroup: string, resource: string, subresource: string): ResourceMasks {
    // One hashed lookup by resource name, then a short scan: few groups share a resource name.
    if (resource.length > CACHE_KEY_MAX) return this.computeResourceMasks(apiGroup, resource, subresource);
    let slots = this.resourceCache.get(resource);
    if (slots !== undefined) {
      for (let i = 0; i < slots.length; i++) {
        const s = slots[i];
        if (s.group === apiGroup && s.subresource === subresource) return s;
      }
    }
    const masks = this.computeResourceMasks(apiGroup, resource, subresource);
    if (this.cached < CACHE_LIMIT) {
      this.cached++;
      if (slots === undefined) this.resourceCache.set(resource, (slots = []));
      slots.push(masks);
    }
    return masks;
  }

  private computeResourceMasks(apiGroup: string, resource: string, subresource: string): ResourceMasks {
    let definite = this.resourceFree;
    let byName = 0;
    const names: Array<string[] | undefined> = [];
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
        (names[i] ??= []).push(...gr.resourceNames);
      }
    });
    return {
      group: apiGroup,
      subresource,
      definite,
      byName: byName & ~definite,
      names: names.map((list) => (list === undefined ? undefined : new StringSet(list))),
    };
  }
}
