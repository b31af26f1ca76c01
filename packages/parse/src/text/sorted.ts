/**
 * How many of a sorted list's first items are "before" something: the index of the first item
 * for which `isBefore` is false, found by a binary search. `isBefore` must hold for a prefix of
 * the list and fail for the rest (for example `(i) => starts[i] < offset` over sorted starts).
 */
export function countBefore(length: number, isBefore: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
