/**
 * A set of figure ids, for the checks that ask "is this figure a part of some group?" once per
 * figure. Figure ids are the figures' indices (mergeFigures numbers them 0, 1, …), so a byte
 * per figure does what a Set<number> does without hashing; an id outside 0 … size − 1 (never
 * made by the analysis, possible in a hand-made test input) falls back to a Set, so that the
 * answers are those of a Set<number> for any number.
 */
export class IdMarks {
  private readonly marks: Uint8Array;
  private other: Set<number> | undefined;

  constructor(size: number) {
    this.marks = new Uint8Array(size);
  }

  add(id: number): void {
    // (id >>> 0) === id: a whole number in 0 … 2³² − 1 (−0 included: Set treats it as 0 too)
    if (id >>> 0 === id && id < this.marks.length) this.marks[id] = 1;
    else (this.other ??= new Set()).add(id);
  }

  has(id: number): boolean {
    if (id >>> 0 === id && id < this.marks.length) return this.marks[id] === 1;
    return this.other !== undefined && this.other.has(id);
  }
}
