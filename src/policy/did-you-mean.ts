/** "Did you mean" suggestions for misspelled keys and values. */

/** Optimal-string-alignment distance: Levenshtein plus adjacent transpositions (`verbs` / `vrebs`). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prevPrev: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2] + 1);
      cur.push(d);
    }
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate closest to `word` (case-insensitively), or undefined when none is plausibly meant.
 * Short words get less slack so that `on` does not suggest `no`.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const maxDistance = lower.length <= 2 ? 0 : lower.length <= 4 ? 1 : lower.length <= 6 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= maxDistance) return best;
  // A prefix is a strong hint even when the distance is large (`nonResource` for `nonResourceURLs`).
  if (lower.length >= 4) return candidates.find((c) => c.toLowerCase().startsWith(lower));
  return undefined;
}

/**
 * The first of `keys` that `known` lacks, with its fix: `did you mean "x"?` (from `guess`, by default the
 * closest of `known`), or `the <noun> are a, b, c`. Undefined when every key is known.
 */
export function firstUnknownKey(
  keys: readonly string[],
  known: readonly string[],
  noun: string,
  guess: (key: string) => string | undefined = (key) => closestMatch(key, known),
): { key: string; fix: string } | undefined {
  const key = keys.find((k) => !known.includes(k));
  if (key === undefined) return undefined;
  const meant = guess(key);
  return { key, fix: meant ? `did you mean "${meant}"?` : `the ${noun} are ${known.join(', ')}` };
}
