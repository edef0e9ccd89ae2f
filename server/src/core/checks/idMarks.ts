/**
 * A set of figure ids, for the checks that ask "is this figure a part of some group?" once per
 * figure. Figure ids are the figures' indices (mergeFigures numbers them 0, 1, …), so a bit per
 * figure does what a Set<number> does without hashing; an id outside 0 … size − 1 (never made
 * by the analysis, possible in a hand-made test input) falls back to a Set, so that the answers
 * are those of a Set<number> for any number.
 *
 * The bits are 32 to a number in a plain array, made at the first add: an array of a few small
 * integers is made in the young generation at little cost (a typed array that large is given
 * memory outside the heap), and a set nothing is added to (a document without groups) needs none.
 */
export class IdMarks {
  private words: number[] | undefined = undefined;
  private other: Set<number> | undefined;

  constructor(private readonly size: number) {}

  add(id: number): void {
    // (id >>> 0) === id: a whole number in 0 … 2³² − 1 (−0 included: Set treats it as 0 too)
    if (id >>> 0 === id && id < this.size) {
      let words = this.words;
      if (words === undefined) {
        words = [];
        for (let n = (this.size + 31) >>> 5; n > 0; n--) words.push(0);
        this.words = words;
      }
      (words[id >>> 5] as number) |= 1 << (id & 31);
    } else (this.other ??= new Set()).add(id);
  }

  has(id: number): boolean {
    if (id >>> 0 === id && id < this.size) return this.words !== undefined && (((this.words[id >>> 5] as number) >>> (id & 31)) & 1) === 1;
    return this.other !== undefined && this.other.has(id);
  }
}
