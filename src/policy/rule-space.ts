import { BoxIndex } from './box-index';
import { holdsProducibleRequest } from './core-namespace-requests';
import {
  MatchBox,
  admitsSomePrincipal,
  boxContains,
  boxesIntersect,
  intersectBoxes,
  realisticPart,
  ruleBoxes,
  UNIVERSE,
} from './match-box';
import { findUncovered } from './request-search';
import { SEARCH_BUDGET, SearchBudgetExceeded, WorkBudget } from './search-budget';
import { PolicyRule, RequestAttributes } from './types';

// The match sets of a policy's rules, with the questions the linter asks about them, each proven by the
// exact search of request-search.ts. The model is a superset of what kube-apiserver can produce (but the
// always-404 /api/v1/namespaces/X/namespaces/Y, see core-namespace-requests.ts), so "covered" here implies
// covered for real requests (sound); witnesses are real requests of the model.
//
// Time and memory are bounded: candidate boxes come from an index (box-index.ts), one question may use
// SEARCH_BUDGET work units and all questions together `totalBudget`. A question over budget is answered
// "unproven" (it claims nothing) and is recorded in `unanswered`, so the caller can say the search was cut.

export { type MatchBox, ruleBoxes } from './match-box';
export { findUncovered } from './request-search';
export { SEARCH_BUDGET, SearchBudgetExceeded } from './search-budget';

/** Work units all questions about one policy may use together (a 1 MiB policy lints in seconds). */
export const TOTAL_SEARCH_BUDGET = 25_000_000;

/** Why a rule naming core namespaces matches no request (matchesNothing; core-namespace-requests.ts). */
export const NO_NAMESPACE_REQUEST =
  'no request on core namespaces has the namespace, name and subresource it asks for together (kube-apiserver ' +
  'reads /api/v1/namespaces/NAME, its status and finalize as namespace NAME; only list and watch name a ' +
  'namespace in namespace "", by fieldSelector=metadata.name)';

/** A question the search gave up on. */
export interface UnansweredQuestion {
  question: 'shadowed' | 'witness' | 'contains' | 'preemption' | 'uncovered';
  ruleIndex: number;
}

/** The match sets of a policy's rules, with the questions the linter asks about them. */
export class RuleSpace {
  /** boxes[i]: the match set of rule i. */
  readonly boxes: MatchBox[][];
  /** Questions left unanswered because a search budget ran out, in the order they were asked. */
  readonly unanswered: UnansweredQuestion[] = [];
  private readonly index: BoxIndex;
  /** start[i]: the id of rule i's first box in the index (start[n] = every box). */
  private readonly start: number[] = [];
  private readonly total: WorkBudget;

  constructor(rules: readonly PolicyRule[], options: { totalBudget?: number; questionBudget?: number } = {}) {
    this.boxes = rules.map((rule, i) => ruleBoxes(rule, i));
    const all: MatchBox[] = [];
    for (const b of this.boxes) {
      this.start.push(all.length);
      all.push(...b);
    }
    this.start.push(all.length);
    this.index = new BoxIndex(all);
    this.total = new WorkBudget(options.totalBudget ?? TOTAL_SEARCH_BUDGET);
    // A question that looks at every rule once is fair at any size: the per-question budget grows with the
    // policy, the total budget bounds them all.
    this.questionBudget = options.questionBudget ?? Math.max(SEARCH_BUDGET, 50 * all.length);
  }

  private readonly questionBudget: number;

  /** True once the total budget is spent: every later question is unanswered. */
  get exhausted(): boolean {
    return this.total.used > this.total.limit;
  }

  /** Work units used so far. */
  get work(): number {
    return this.total.used;
  }

  /** Answers `search`, or `unproven` (recorded as unanswered) when a budget runs out. */
  private ask<T>(question: UnansweredQuestion, search: (budget: WorkBudget) => T, unproven: T): T {
    if (this.exhausted) {
      this.unanswered.push(question);
      return unproven;
    }
    const budget = new ChildBudget(this.questionBudget, this.total);
    try {
      return search(budget);
    } catch (e) {
      if (!(e instanceof SearchBudgetExceeded)) throw e;
      this.unanswered.push(question);
      return unproven;
    }
  }

  /** The boxes of rules before `rule` that may share a request with `piece`. */
  private earlier(piece: MatchBox, rule: number, budget: WorkBudget): MatchBox[] {
    const { boxes, looked } = this.index.candidates(piece, this.start[Math.min(rule, this.boxes.length)]);
    budget.charge(looked);
    return boxes;
  }

  /**
   * A request in the piece that none of the candidates (each known to intersect it) holds, or undefined
   * when they cover it: one of them containing it, or the exact search.
   */
  private escape(
    piece: MatchBox,
    candidates: readonly MatchBox[],
    budget: WorkBudget,
  ): RequestAttributes | undefined {
    budget.charge(candidates.length);
    if (candidates.some((c) => boxContains(c, piece))) return undefined;
    return findUncovered(piece, candidates, budget, true);
  }

  /** A request in the piece that no rule before `rule` matches (undefined: they cover it). */
  private escapeEarlier(piece: MatchBox, rule: number, budget: WorkBudget): RequestAttributes | undefined {
    return this.escape(piece, this.earlier(piece, rule, budget), budget);
  }

  /**
   * A request rule j decides (no earlier rule matches it), optionally restricted to a box and to verbs
   * kube-apiserver really produces; undefined if none (or unproven).
   */
  witnessFor(j: number, within?: MatchBox, realistic = false): RequestAttributes | undefined {
    return this.ask(
      { question: 'witness', ruleIndex: j },
      (b) => this.searchWitness(j, within, realistic, b),
      undefined,
    );
  }

  private searchWitness(
    j: number,
    within: MatchBox | undefined,
    realistic: boolean,
    budget: WorkBudget,
  ): RequestAttributes | undefined {
    for (const b of this.boxes[j]) {
      let piece: MatchBox | undefined = within ? intersectBoxes(b, within) : b;
      if (piece && realistic) piece = realisticPart(piece);
      if (!piece) continue;
      const found = this.escapeEarlier(piece, j, budget);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * True when rule j matches some request but earlier rules match every request it matches; undefined
   * when the search gave up (recorded in `unanswered`).
   */
  isShadowed(j: number): boolean | undefined {
    if (this.boxes[j].length === 0) return false;
    return this.ask(
      { question: 'shadowed', ruleIndex: j },
      (budget) => this.boxes[j].every((b) => this.escapeEarlier(b, j, budget) === undefined),
      undefined,
    );
  }

  /**
   * Why rule j matches no request at all (undefined when it matches some): no resource string can match,
   * no identity the authenticators produce meets its users and userGroups, or it asks for requests on core
   * namespaces with a namespace, name and subresource no request has together.
   */
  matchesNothing(j: number): string | undefined {
    const boxes = this.boxes[j];
    if (boxes.length === 0) return 'none of its resource strings can match a request';
    if (!boxes.some(admitsSomePrincipal)) {
      return 'no identity kube-apiserver authenticates meets its users and userGroups together';
    }
    if (boxes.some((b) => admitsSomePrincipal(b) && holdsProducibleRequest(b))) return undefined;
    return NO_NAMESPACE_REQUEST;
  }

  /** True when each box of rule `inner` lies inside one box of rule `outer` (a cheap, partial `contains`). */
  visiblyContains(outer: number, inner: number): boolean {
    return this.boxes[inner].every((b) => this.boxes[outer].some((c) => boxContains(c, b)));
  }

  /** True when every request rule `inner` matches is also matched by rule `outer` (false if unproven). */
  contains(outer: number, inner: number): boolean {
    return this.ask(
      { question: 'contains', ruleIndex: inner },
      (budget) =>
        this.boxes[inner].every(
          (b) =>
            this.escape(
              b,
              this.boxes[outer].filter((c) => boxesIntersect(c, b)),
              budget,
            ) === undefined,
        ),
      false,
    );
  }

  /**
   * The earlier rules that may share a request with rule j (their boxes intersect), ascending; rules
   * that repeat or sit inside earlier ones are left out (they decide none of those requests), and so are
   * rules that share with it only requests on core namespaces no URL gives (core-namespace-requests.ts).
   * Empty when the budget is spent (recorded as unanswered).
   */
  overlapping(j: number): number[] {
    return this.ask(
      { question: 'preemption', ruleIndex: j },
      (budget) => {
        const rules = new Set<number>();
        for (const b of this.boxes[j]) {
          for (const c of this.earlier(b, j, budget)) {
            if (rules.has(c.ruleIndex)) continue;
            const both = intersectBoxes(c, b);
            if (both && !holdsProducibleRequest(both)) continue;
            rules.add(c.ruleIndex);
          }
        }
        return [...rules].sort((a, b) => a - b);
      },
      [],
    );
  }

  /** A request both rules match that rule i decides (no rule before i matches it); undefined if none. */
  preemptionExample(i: number, j: number, realistic = true): RequestAttributes | undefined {
    return this.ask(
      { question: 'preemption', ruleIndex: j },
      (budget) => this.searchPreemption(i, j, realistic, budget),
      undefined,
    );
  }

  private searchPreemption(
    i: number,
    j: number,
    realistic: boolean,
    budget: WorkBudget,
  ): RequestAttributes | undefined {
    for (const bj of this.boxes[j]) {
      for (const bi of this.boxes[i]) {
        let both = intersectBoxes(bi, bj);
        if (both && realistic) both = realisticPart(both);
        if (!both) continue;
        const found = this.escapeEarlier(both, i, budget);
        if (found) return found;
      }
    }
    return undefined;
  }

  /**
   * A request no rule matches, resource requests first; undefined when the rules cover every request,
   * `'unproven'` when the search gave up.
   */
  uncovered(): RequestAttributes | undefined | 'unproven' {
    return this.ask<RequestAttributes | undefined | 'unproven'>(
      { question: 'uncovered', ruleIndex: -1 },
      (budget) => {
        for (const piece of UNIVERSE) {
          const found = this.escapeEarlier(piece, this.boxes.length, budget);
          if (found) return found;
        }
        return undefined;
      },
      'unproven' as const,
    );
  }
}

/** A question's budget that also charges the policy-wide one. */
class ChildBudget extends WorkBudget {
  constructor(
    limit: number,
    private readonly parent: WorkBudget,
  ) {
    super(limit);
  }

  override charge(units: number): void {
    this.parent.charge(units);
    super.charge(units);
  }
}
