/**
 * Sentence segmentation: a statement is a sentence; it ends at 。!? or a line break —
 * except a break that page layout put in the middle of a sentence: a body line
 * (it has a comma, and runs on for a while) that ends in a Han character or a list
 * comma, followed (after blank lines) by a line that starts with a Han character.
 */
import { isHan } from './text/normalize';
import { NO_DEADLINE, type Deadline } from './deadline';
import type { Span } from './types';

const MID_SENTENCE_MIN_LINE = 16;

/** A space, \r or \n (code units). */
function isBlank(c: number): boolean {
  return c === 32 || c === 13 || c === 10;
}

/**
 * Where the line holding each position starts, for the positions the sentence loop asks about,
 * which come in ascending order (each b of continues is below its i, and above the b before
 * it unless it is the same one). `lastLf` is set by the loop: the position of the last \n it
 * has met (-1: none), which is the last \n before its i, as the loop meets every \n in order.
 */
class LineStarts {
  lastLf = -1;
  // the last position asked about and the answer (a run of blank lines asks about one b each \n)
  private b = -1;
  private start = 0;

  /** norm.lastIndexOf('\n', b) + 1, for b below the loop's i and not itself a \n. */
  of(norm: string, b: number): number {
    if (b === this.b) return this.start;
    // lastLf is the last \n before i; when it is below b it is the last at or before b too.
    // Otherwise it lies in the blanks between b and i, and lastIndexOf finds the one before b.
    this.start = (this.lastLf < b ? this.lastLf : norm.lastIndexOf('\n', b)) + 1;
    this.b = b;
    return this.start;
  }
}

/**
 * What the sentence loop has read before: the last non-blank unit before the last line break
 * asked about, and whether a line holds a , or 、 up to where it was read. Without them a run
 * of blank lines was walked back over at every break in it, and a long line read again at
 * every \r in it: quadratic in the run's or the line's length.
 */
class BreakContext {
  // the last break asked about and the last non-blank unit before it
  private i = -1;
  private b = -1;
  // the line whose marks were read, up to where, and whether one was found
  private line = -1;
  private readTo = -1;
  private marked = false;

  /** The last non-blank unit before the break at i (-1: none). Breaks are asked about in order. */
  lastNonBlank(norm: string, i: number): number {
    let b = i - 1;
    while (b >= 0 && isBlank(norm.charCodeAt(b))) {
      // all blank from here to i: the answer is the one for the break here
      if (b === this.i) {
        b = this.b;
        break;
      }
      b--;
    }
    this.i = i;
    this.b = b;
    return b;
  }

  /** Whether [lineStart, end] holds a , or 、; end does not decrease for one lineStart. */
  hasListMark(norm: string, lineStart: number, end: number): boolean {
    if (lineStart !== this.line) {
      this.line = lineStart;
      this.readTo = lineStart;
      this.marked = false;
    }
    for (; !this.marked && this.readTo <= end; this.readTo++) {
      const c = norm.charCodeAt(this.readTo);
      if (c === 0x2c || c === 0x3001) this.marked = true;
    }
    return this.marked;
  }
}

/** Is the line break at `i` inside a sentence? */
function continues(norm: string, i: number, lines: LineStarts, seen: BreakContext): boolean {
  const b = seen.lastNonBlank(norm, i);
  if (b < 0) return false;
  const last = norm.charCodeAt(b);
  if (!(isHan(last) || last === 0x2c || last === 0x3001)) return false; // , 、
  const lineStart = lines.of(norm, b);
  if (b - lineStart + 1 < MID_SENTENCE_MIN_LINE) return false; // titles and short lines end there
  if (!seen.hasListMark(norm, lineStart, b)) return false;
  // the next line must start within 4 units: blanks past i + 4 need not be passed
  // (a then ends at i + 5 at most, which fails a - i <= 4 as the full run would)
  const stop = Math.min(norm.length, i + 5);
  let a = i + 1;
  while (a < stop && isBlank(norm.charCodeAt(a))) a++;
  return a < norm.length && isHan(norm.charCodeAt(a)) && a - i <= 4;
}

const FULL_STOP = 0x3002; // 。

function isSentenceEnd(c: number): boolean {
  return c === FULL_STOP || c === 10 || c === 13 || c === 33 || c === 63; // 。 \n \r ! ?
}

/**
 * The positions of the sentence-end units (。 \n \r ! ?) in ascending order, found with one
 * indexOf per unit rather than by reading every unit of the text: `next(from)` is the first
 * at or after `from`, or the text's length when none is left. `from` must not decrease from
 * one call to the next: each unit's last found position stays valid until `from` passes it.
 */
class SentenceEnds {
  // the next position of 。, \n, \r, ! and ? (n: none left)
  private stop = -1;
  private lf = -1;
  private cr = -1;
  private bang = -1;
  private query = -1;
  // the first of the three rare ones (\r ! ?), so that most calls compare only three numbers
  private rare = -1;

  constructor(private readonly s: string) {}

  private find(unit: string, from: number): number {
    const at = this.s.indexOf(unit, from);
    return at < 0 ? this.s.length : at;
  }

  next(from: number): number {
    if (this.stop < from) this.stop = this.find('。', from);
    if (this.lf < from) this.lf = this.find('\n', from);
    if (this.rare < from) {
      if (this.cr < from) this.cr = this.find('\r', from);
      if (this.bang < from) this.bang = this.find('!', from);
      if (this.query < from) this.query = this.find('?', from);
      this.rare = Math.min(this.cr, this.bang, this.query);
    }
    const common = this.stop < this.lf ? this.stop : this.lf;
    return common < this.rare ? common : this.rare;
  }
}

/** The sentences of the text; `deadline` is checked once per sentence end or line break. */
export function splitSentences(norm: string, deadline: Deadline = NO_DEADLINE): Span[] {
  const out: Span[] = [];
  let start = 0;
  const n = norm.length;
  // Only the units where isSentenceEnd holds can end a sentence: the loop goes from one to the
  // next, as a loop over every unit would meet them, and does there what that loop did.
  const ends = new SentenceEnds(norm);
  const lines = new LineStarts(); // lastLf: every \n is met, in order (none is a closing quote)
  const seen = new BreakContext();
  for (let i = ends.next(0); i < n; ) {
    const c = norm.charCodeAt(i);
    deadline.check();
    if ((c === 10 || c === 13) && continues(norm, i, lines, seen)) {
      if (c === 10) lines.lastLf = i;
      i = ends.next(i + 1);
      continue;
    }
    if (c === 10) lines.lastLf = i;
    // keep closing quotes/brackets that follow the stop inside the sentence
    let end = i + 1;
    for (let q = norm.charCodeAt(end); q === 0x201d || q === 0x22 || q === 0x29; q = norm.charCodeAt(++end)); // ” " )
    if (end - start > 1 || !isSentenceEnd(norm.charCodeAt(start))) out.push({ start, end });
    start = end;
    i = ends.next(end);
  }
  if (start < n && norm.slice(start).trim() !== '') out.push({ start, end: n });
  return out;
}
