/** Binary search over items in ascending order of a numeric position. */

/** The index of the first item whose position is ≥ `at` (xs.length when there is none). */
export function firstAtOrAfter<T>(xs: readonly T[], position: (x: T) => number, at: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (position(xs[mid] as T) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
