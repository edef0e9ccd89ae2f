/**
 * Finds which of a prioritised list of terms occurs in a short string, in one pass:
 * terms are indexed by their first character, so each position costs a map lookup.
 * Returns the value of the occurring term that comes first in the list (the same
 * answer as trying `includes` term by term, without re-reading the string per term).
 */
export class TermMatcher<T> {
  private readonly byFirst = new Map<number, Array<{ term: string; rank: number; value: T }>>();

  constructor(terms: ReadonlyArray<readonly [string, T]>) {
    terms.forEach(([term, value], rank) => {
      if (term.length === 0) return;
      const k = term.charCodeAt(0);
      const list = this.byFirst.get(k) ?? [];
      list.push({ term, rank, value });
      this.byFirst.set(k, list);
    });
  }

  /** The highest-priority term occurring in s[from, to). */
  find(s: string, from = 0, to = s.length): T | undefined {
    let best: { rank: number; value: T } | undefined;
    for (let i = from; i < to; i++) {
      const list = this.byFirst.get(s.charCodeAt(i));
      if (!list) continue;
      for (const c of list) {
        if ((best === undefined || c.rank < best.rank) && i + c.term.length <= to && s.startsWith(c.term, i)) best = c;
      }
    }
    return best?.value;
  }

  /** The highest-priority term starting exactly at `at`. */
  at(s: string, at: number): { term: string; value: T } | undefined {
    const list = this.byFirst.get(s.charCodeAt(at));
    if (!list) return undefined;
    let best: { term: string; rank: number; value: T } | undefined;
    for (const c of list) if ((best === undefined || c.rank < best.rank) && s.startsWith(c.term, at)) best = c;
    return best;
  }
}
