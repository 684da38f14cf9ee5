// The work budget of the request-space search (request-search.ts): each question gets a number of work units,
// and a search that needs more stops, so that lint stays bounded on any policy (README: limits).

/** Thrown when a question needs more than its search budget (a question left open claims nothing). */
export class SearchBudgetExceeded extends Error {
  constructor() {
    super('request-space search budget exceeded');
    this.name = 'SearchBudgetExceeded';
  }
}

/** Work units one question may use (candidate checks and search steps). */
export const SEARCH_BUDGET = 200_000;

/** A shared work counter: every search charges it, and it throws once its limit is passed. */
export class WorkBudget {
  used = 0;
  constructor(readonly limit: number) {}

  charge(units: number): void {
    this.used += units;
    if (this.used > this.limit) throw new SearchBudgetExceeded();
  }
}

// The budget of the search running now (searches are synchronous): steps charge what they really do.
let active = new WorkBudget(Infinity);

/** Charges the budget of the search running now. */
export function charge(units: number): void {
  active.charge(units);
}

/** Runs `search` with `budget` as the one that `charge` charges. */
export function withBudget<T>(budget: WorkBudget, search: () => T): T {
  const outer = active;
  active = budget;
  try {
    return search();
  } finally {
    active = outer;
  }
}
