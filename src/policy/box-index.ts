import {
  MatchBox,
  STRING_DIMENSIONS,
  StringDimension,
  boxContains,
  boxSignature,
  boxesIntersect,
} from './match-box';

// Finding the earlier boxes that may share a request with a piece without looking at every earlier box:
// an inverted index per string dimension (value -> boxes listing it, plus the boxes that take every
// value). A query walks the most selective dimension's lists only, so a policy of many rules about
// different users, namespaces or resources costs about linear time instead of quadratic.
//
// A box that repeats an earlier one, or that an earlier indexed box contains, adds nothing to the union
// of the boxes before it, so it is not indexed: the union of the indexed boxes below any id is the union
// of all boxes below it. (That keeps a policy of many repeated rules linear too.)

interface DimensionIndex {
  readonly byValue: Map<string, number[]>;
  /** Boxes with no constraint in this dimension. */
  readonly free: number[];
}

/** Candidates an added box is checked against for containment (a bound: pruning is only an optimization). */
const PRUNE_CHECKS = 32;

/** The number of ids in an ascending list that are below `limit`. */
function countBelow(list: readonly number[], limit: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The boxes of a policy in rule order (ids are positions), indexed for candidate lookups. */
export class BoxIndex {
  private readonly dims = new Map<StringDimension, DimensionIndex>();
  private readonly byKind: Record<MatchBox['kind'], number[]> = { resource: [], nonResource: [] };
  private readonly signatures = new Set<string>();
  /** Per query, which boxes were already collected (a stamp per box avoids clearing a set). */
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(readonly boxes: readonly MatchBox[]) {
    for (const d of STRING_DIMENSIONS) this.dims.set(d, { byValue: new Map(), free: [] });
    this.seen = new Uint32Array(boxes.length);
    boxes.forEach((box, id) => {
      const signature = boxSignature(box);
      if (this.signatures.has(signature)) return;
      this.signatures.add(signature);
      if (this.candidates(box, id, PRUNE_CHECKS).boxes.some((c) => boxContains(c, box))) return;
      this.add(box, id);
    });
  }

  private add(box: MatchBox, id: number): void {
    this.byKind[box.kind].push(id);
    for (const d of STRING_DIMENSIONS) {
      const index = this.dims.get(d)!;
      const values = box[d];
      if (values === null) index.free.push(id);
      else {
        for (const v of values) {
          let list = index.byValue.get(v);
          if (list === undefined) index.byValue.set(v, (list = []));
          list.push(id);
        }
      }
    }
  }

  /**
   * The indexed boxes with an id below `limit` that may share a request with `piece` (boxesIntersect), in
   * id order, and the number of index entries looked at (the caller's cost). With `max`, at most that many
   * entries are looked at (a partial answer, for optional work).
   */
  candidates(piece: MatchBox, limit: number, max = Infinity): { boxes: MatchBox[]; looked: number } {
    let lists: Array<readonly number[]> = [this.byKind[piece.kind]];
    let estimate = countBelow(this.byKind[piece.kind], limit);
    for (const d of STRING_DIMENSIONS) {
      const values = piece[d];
      if (values === null) continue;
      const index = this.dims.get(d)!;
      const chosen: Array<readonly number[]> = [index.free];
      let size = countBelow(index.free, limit);
      for (const v of values) {
        if (size >= estimate) break;
        const list = index.byValue.get(v);
        if (list === undefined) continue;
        chosen.push(list);
        size += countBelow(list, limit);
      }
      if (size < estimate) {
        lists = chosen;
        estimate = size;
      }
    }
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const ids: number[] = [];
    let looked = 0;
    for (const list of lists) {
      for (let k = 0; k < list.length && looked < max; k++) {
        const id = list[k];
        if (id >= limit) break;
        looked++;
        if (this.seen[id] === this.stamp) continue;
        this.seen[id] = this.stamp;
        ids.push(id);
      }
    }
    if (lists.length > 1) ids.sort((a, b) => a - b);
    const boxes: MatchBox[] = [];
    for (const id of ids) {
      const box = this.boxes[id];
      if (boxesIntersect(box, piece)) boxes.push(box);
    }
    return { boxes, looked };
  }
}
