/**
 * The round brackets of a text (normalised: full-width ( ) read as ASCII), found once by
 * indexOf, and the readings of the grouping stage that count them: the depth of each figure
 * of a sentence, and the ')' that closes a bracket. Reading from bracket to bracket instead
 * of character by character gives what the character loops give (see the `…ByCharacter`
 * functions, kept for positions that are not whole numbers, and for the tests).
 */
import { firstAtOrAfter } from '../sortedSearch';

/** Every position where `needle` starts, in order (for a needle that cannot overlap itself: each one). */
export function positionsOf(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

/** What is read of a figure: where it starts. */
export interface Positioned {
  start: number;
}

const OPEN = 40; // (
const CLOSE = 41; // )

const at = (x: number): number => x;

/** Whether both values are whole numbers (positions a loop over characters meets exactly). */
function whole(a: number, b: number): boolean {
  return Number.isInteger(a) && Number.isInteger(b);
}

/**
 * Where a character is next, at or after a position, by indexOf, remembering the last answer:
 * asked again for a position between the last one asked and that answer, it answers the same
 * without reading the text again (nothing is between). Asked in increasing order (as a reading
 * from bracket to bracket asks), it reads each character at most once.
 */
export class NextIndex {
  private from = Infinity; // the last position asked …
  private found = -1; // … and where the character is at or after it (Infinity: nowhere)

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** The first position ≥ `pos` (a whole number) where the character is; Infinity when there is none. */
  next(pos: number): number {
    if (pos >= this.from && pos <= this.found) return this.found;
    const i = this.text.indexOf(this.char, pos);
    this.from = pos;
    this.found = i < 0 ? Infinity : i;
    return this.found;
  }
}

export class Brackets {
  /** Where each ( is. */
  readonly opens: number[];
  /** Where the next ) is (the ) are asked for only in sentences with a (, from bracket to bracket). */
  private readonly closes: NextIndex;

  constructor(private readonly text: string) {
    this.opens = positionsOf(text, '(');
    this.closes = new NextIndex(text, ')');
  }

  /** Whether a ( is in [from, to). */
  openWithin(from: number, to: number): boolean {
    const i = firstAtOrAfter(this.opens, at, from);
    return i < this.opens.length && (this.opens[i] as number) < to;
  }

  /**
   * The ')' that closes the bracket enclosing `from` (or `end`): the first ) in [from, end)
   * with as many ( as ) between.
   */
  enclosingClose(from: number, end: number): number {
    if (!whole(from, end)) return enclosingCloseByCharacter(this.text, from, end);
    const opens = this.opens;
    let o = firstAtOrAfter(opens, at, from);
    let close = this.closes.next(from);
    let d = 0;
    for (;;) {
      const open = o < opens.length ? (opens[o] as number) : Infinity;
      if (open < close) {
        if (open >= end) return end;
        d++;
        o++;
      } else {
        if (close >= end) return end;
        if (d === 0) return close;
        d--;
        close = this.closes.next(close + 1);
      }
    }
  }

  /**
   * Calls `record(i, depth)` for each figure figs[i] with the number of brackets open at its
   * start in the sentence [start, end): ( opens one, ) closes one if any is open. What
   * depthsByCharacter gives, for figures in order inside the sentence; it reads any others.
   */
  depths(start: number, end: number, figs: readonly Positioned[], record: (i: number, depth: number) => void): void {
    const count = figs.length;
    let inOrder = whole(start, end);
    for (let i = 0, last = start; i < count && inOrder; i++) {
      const s = (figs[i] as Positioned).start;
      inOrder = Number.isInteger(s) && s >= last && s < end;
      last = s;
    }
    if (!inOrder) {
      depthsByCharacter(this.text, start, end, figs, record);
      return;
    }
    const opens = this.opens;
    let o = firstAtOrAfter(opens, at, start);
    let close = this.closes.next(start);
    let d = 0;
    for (let i = 0; i < count; i++) {
      const s = (figs[i] as Positioned).start;
      // the brackets before the figure, in order
      for (;;) {
        const open = o < opens.length ? (opens[o] as number) : Infinity;
        if (open < close) {
          if (open >= s) break;
          d++;
          o++;
        } else {
          if (close >= s) break;
          if (d > 0) d--;
          close = this.closes.next(close + 1);
        }
      }
      record(i, d);
    }
  }
}

/** Brackets.enclosingClose, one character at a time. */
export function enclosingCloseByCharacter(text: string, from: number, end: number): number {
  let d = 0;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN) d++;
    else if (c === CLOSE) {
      if (d === 0) return i;
      d--;
    }
  }
  return end;
}

/** Brackets.depths, one character at a time: a figure is met where its start is read. */
export function depthsByCharacter(text: string, start: number, end: number, figs: readonly Positioned[], record: (i: number, depth: number) => void): void {
  const count = figs.length;
  let d = 0;
  let k = 0;
  for (let i = start; i < end && k < count; i++) {
    while (k < count && (figs[k] as Positioned).start === i) {
      record(k, d);
      k++;
    }
    const ch = text.charCodeAt(i);
    if (ch === OPEN) d++;
    else if (ch === CLOSE && d > 0) d--;
  }
  for (; k < count; k++) record(k, d);
}
