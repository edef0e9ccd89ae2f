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

/** Whether every value is a whole number (a position a loop over characters meets exactly). */
function whole(...xs: number[]): boolean {
  for (const x of xs) if (!Number.isInteger(x)) return false;
  return true;
}

export class Brackets {
  /** Where each ( is. */
  readonly opens: number[];
  private closesFound: number[] | undefined;

  constructor(private readonly text: string) {
    this.opens = positionsOf(text, '(');
  }

  /** Where each ) is (found when first asked: a text without ( never asks). */
  get closes(): number[] {
    return (this.closesFound ??= positionsOf(this.text, ')'));
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
    const closes = this.closes;
    let o = firstAtOrAfter(opens, at, from);
    let c = firstAtOrAfter(closes, at, from);
    let d = 0;
    for (;;) {
      const open = o < opens.length ? (opens[o] as number) : Infinity;
      const close = c < closes.length ? (closes[c] as number) : Infinity;
      if (open < close) {
        if (open >= end) return end;
        d++;
        o++;
      } else {
        if (close >= end) return end;
        if (d === 0) return close;
        d--;
        c++;
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
    const closes = this.closes;
    let o = firstAtOrAfter(opens, at, start);
    let c = firstAtOrAfter(closes, at, start);
    let d = 0;
    for (let i = 0; i < count; i++) {
      const s = (figs[i] as Positioned).start;
      // the brackets before the figure, in order
      for (;;) {
        const open = o < opens.length ? (opens[o] as number) : Infinity;
        const close = c < closes.length ? (closes[c] as number) : Infinity;
        if (open < close) {
          if (open >= s) break;
          d++;
          o++;
        } else {
          if (close >= s) break;
          if (d > 0) d--;
          c++;
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
