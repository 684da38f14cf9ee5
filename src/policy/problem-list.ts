/**
 * A capped list of problems: the first MAX_LISTED_PROBLEMS are kept, the rest only counted, and the list ends
 * with one entry saying how many more there were. A file with 20,000 broken lines gets a readable answer in
 * bounded memory instead of 20,000 lines of output.
 */
import { Problem } from './types';

/** How many errors (and, separately, warnings) a result lists before it only counts. */
export const MAX_LISTED_PROBLEMS = 100;

/** Problems of one kind (errors or warnings), capped at {@link MAX_LISTED_PROBLEMS}. */
export class ProblemList {
  private readonly listed: Problem[] = [];
  private unlisted = 0;

  constructor(private readonly kind: 'error' | 'warning') {}

  /** How many problems were added, listed or not. */
  get count(): number {
    return this.listed.length + this.unlisted;
  }

  /** False once the cap is reached: callers may skip building a problem nobody will see. */
  get listing(): boolean {
    return this.listed.length < MAX_LISTED_PROBLEMS;
  }

  add(problem: Problem): void {
    if (this.listing) this.listed.push(problem);
    else this.unlisted++;
  }

  /** Counts a problem without building it (only when {@link listing} is false). */
  skip(): void {
    this.unlisted++;
  }

  /** The listed problems, then one entry saying how many more there were. */
  toArray(): Problem[] {
    if (this.unlisted === 0) return [...this.listed];
    const noun = this.kind === 'error' ? 'errors' : 'warnings';
    return [
      ...this.listed,
      {
        message: `${this.unlisted} more ${noun} not listed (only the first ${MAX_LISTED_PROBLEMS} are shown)`,
        fix: `fix the ${noun} above and run again to see the rest`,
      },
    ];
  }
}
