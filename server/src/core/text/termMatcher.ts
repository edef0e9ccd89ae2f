/**
 * Finds which of a prioritised list of terms occurs in a short string, in one pass:
 * terms are indexed by their first character (a flat table, one read per position),
 * so a position whose character starts no term costs one array read.
 * Returns the value of the occurring term that comes first in the list (the same
 * answer as trying `includes` term by term, without re-reading the string per term).
 */
interface Entry<T> {
  term: string;
  /** The term's second code unit, or -1 for a one-unit term: tested before `startsWith`. */
  second: number;
  rank: number;
  value: T;
}

/** A term of one of MultiTermMatcher's lists. */
interface MultiEntry {
  list: number;
  rank: number;
  term: string;
  /** As in Entry. */
  second: number;
}

/** The second code unit of a term, -1 when it has only one. */
function secondUnit(term: string): number {
  return term.length > 1 ? term.charCodeAt(1) : -1;
}

/**
 * Whether `term` (whose second unit is `second`) starts at i of s and ends by `to`. The
 * first unit is known to match (the caller indexed by it); the second is compared before
 * the call to startsWith, which most candidates then never reach.
 */
function termAt(s: string, i: number, to: number, term: string, second: number): boolean {
  if (i + term.length > to) return false;
  if (second >= 0 && s.charCodeAt(i + 1) !== second) return false;
  return term.length <= 2 || s.startsWith(term, i);
}

/** Adds an entry to the bucket of its term's first character (index: code → 1 + bucket, 0 = none). */
function addByFirstChar<E>(index: Uint16Array, buckets: E[][], term: string, entry: E): void {
  const k = term.charCodeAt(0);
  let slot = index[k] as number;
  if (slot === 0) {
    buckets.push([]);
    slot = buckets.length;
    index[k] = slot;
  }
  (buckets[slot - 1] as E[]).push(entry);
}

export class TermMatcher<T> {
  /** Character code → 1 + index into `lists`; 0 when no term starts with it. */
  private readonly index = new Uint16Array(0x10000);
  private readonly lists: Array<Array<Entry<T>>> = [];

  constructor(terms: ReadonlyArray<readonly [string, T]>) {
    terms.forEach(([term, value], rank) => {
      if (term.length > 0) addByFirstChar(this.index, this.lists, term, { term, second: secondUnit(term), rank, value });
    });
  }

  /** The highest-priority term occurring in s[from, to). */
  find(s: string, from = 0, to = s.length): T | undefined {
    let best: Entry<T> | undefined;
    const index = this.index;
    const end = Math.min(to, s.length);
    for (let i = Math.max(0, from); i < end; i++) {
      const slot = index[s.charCodeAt(i)] as number;
      if (slot === 0) continue;
      for (const c of this.lists[slot - 1] as Array<Entry<T>>) {
        if ((best === undefined || c.rank < best.rank) && termAt(s, i, to, c.term, c.second)) best = c;
      }
    }
    return best?.value;
  }

  /** The highest-priority term starting exactly at `at`. */
  at(s: string, at: number): { term: string; value: T } | undefined {
    return this.atWithin(s, at, s.length);
  }

  /** The highest-priority term starting exactly at `at` and ending by `to`. */
  atWithin(s: string, at: number, to: number): { term: string; value: T } | undefined {
    if (at >= to) return undefined;
    const slot = this.index[s.charCodeAt(at)] as number;
    if (slot === 0) return undefined;
    let best: Entry<T> | undefined;
    for (const c of this.lists[slot - 1] as Array<Entry<T>>) {
      if ((best === undefined || c.rank < best.rank) && termAt(s, at, to, c.term, c.second)) best = c;
    }
    return best;
  }
}

/**
 * Several prioritised term lists searched in one pass: for each list, the value of its
 * highest-priority term occurring in the string (what a TermMatcher per list would
 * answer, reading each position once for all of them).
 */
export class MultiTermMatcher {
  /** Character code → nonzero when some term starts with it (callers may test before `visit`). */
  readonly index = new Uint16Array(0x10000);
  /** Per first character: the terms of every list that start with it. */
  private readonly lists: MultiEntry[][] = [];
  private readonly values: unknown[][];
  /** Best rank found so far per list (scratch, reset by each search). */
  private readonly best: Int32Array;

  constructor(termLists: ReadonlyArray<ReadonlyArray<readonly [string, unknown]>>) {
    this.values = termLists.map((terms) => terms.map(([, v]) => v));
    this.best = new Int32Array(termLists.length);
    termLists.forEach((terms, list) =>
      terms.forEach(([term], rank) => {
        if (term.length > 0) addByFirstChar(this.index, this.lists, term, { list, rank, term, second: secondUnit(term) });
      }),
    );
  }

  /**
   * Searches s[from, to) and writes into `out[list]` the value found for each list
   * (undefined when none of its terms occurs).
   */
  find(s: string, from: number, to: number, out: unknown[]): void {
    this.reset();
    const end = Math.min(to, s.length);
    for (let i = Math.max(0, from); i < end; i++) this.visit(s, i, end);
    this.collect(out);
  }

  /** Starts a search driven by the caller: reset, visit positions in any order, collect. */
  reset(): void {
    this.best.fill(0x7fffffff);
  }

  /** Takes in the terms that start at `i` and end by `to`. */
  visit(s: string, i: number, to: number): void {
    const slot = this.index[s.charCodeAt(i)] as number;
    if (slot === 0) return;
    const best = this.best;
    for (const c of this.lists[slot - 1] as MultiEntry[]) {
      if (c.rank < (best[c.list] as number) && termAt(s, i, to, c.term, c.second)) best[c.list] = c.rank;
    }
  }

  /** Writes the value found for each list since `reset` (undefined when none). */
  collect(out: unknown[]): void {
    const best = this.best;
    for (let l = 0; l < best.length; l++) {
      const r = best[l] as number;
      out[l] = r === 0x7fffffff ? undefined : (this.values[l] as unknown[])[r];
    }
  }
}
