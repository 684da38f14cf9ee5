// How the request-space search (request-search.ts) picks values for one dimension of a request: one value per
// class of values the candidate boxes cannot tell apart, or a fresh value no candidate lists.
import { MatchBox, StringSet } from './match-box';
import { charge } from './search-budget';

/** The first preferred value not forbidden, else `fresh`, `fresh-2`, ... (the first one free). */
export function pick(preferred: readonly string[], forbidden: ReadonlySet<string>, fresh: string): string {
  for (const v of preferred) if (!forbidden.has(v)) return v;
  for (let n = 1; ; n++) {
    const v = n === 1 ? fresh : `${fresh}-${n}`;
    if (!forbidden.has(v)) return v;
  }
}

/**
 * The values of a finite dimension, one per class the candidates cannot tell apart, preferred (realistic)
 * values first; `extraKey` separates values that differ in a way the candidates do not show (e.g. the
 * ServiceAccount groups a user name implies).
 */
export function valueClasses(
  own: ReadonlySet<string>,
  cands: readonly MatchBox[],
  get: (b: MatchBox) => StringSet,
  preferred: readonly string[],
  extraKey: (v: string) => string = () => '',
): Array<{ value: string; keep: MatchBox[] }> {
  // For each value, which candidates that list finitely many values contain it.
  const holders = new Map<string, number[]>();
  const free: MatchBox[] = [];
  charge(own.size + cands.length);
  cands.forEach((c, i) => {
    const s = get(c);
    if (s === null) {
      free.push(c);
      return;
    }
    charge(Math.min(s.size, own.size));
    const [small, big] = s.size <= own.size ? [s, own] : [own, s];
    for (const v of small) {
      if (!big.has(v)) continue;
      let list = holders.get(v);
      if (list === undefined) holders.set(v, (list = []));
      list.push(i);
    }
  });
  const ordered = [...new Set([...preferred.filter((v) => own.has(v)), ...own])];
  const classes = new Map<string, { value: string; keep: MatchBox[] }>();
  for (const v of ordered) {
    const ids = holders.get(v) ?? [];
    const key = `${extraKey(v)}|${ids.join(',')}`;
    if (!classes.has(key)) classes.set(key, { value: v, keep: [...free, ...ids.map((i) => cands[i])] });
  }
  return [...classes.values()];
}

/**
 * A value of an unconstrained dimension that no candidate listing finitely many values holds (so only the
 * candidates taking every value stay), preferred values first, never one of `exclude`.
 */
export function freshValue(
  get: (b: MatchBox) => StringSet,
  cands: readonly MatchBox[],
  preferred: readonly string[],
  fresh: string,
  exclude: readonly string[] = [],
): { value: string; keep: MatchBox[] } {
  const forbidden = new Set<string>(exclude);
  const keep: MatchBox[] = [];
  for (const c of cands) {
    const s = get(c);
    if (s === null) keep.push(c);
    else {
      charge(s.size);
      for (const v of s) forbidden.add(v);
    }
  }
  return { value: pick(preferred, forbidden, fresh), keep };
}
