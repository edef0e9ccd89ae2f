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

/** Is the line break at `i` inside a sentence? */
function continues(norm: string, i: number): boolean {
  let b = i - 1;
  while (b >= 0 && (norm[b] === ' ' || norm[b] === '\r' || norm[b] === '\n')) b--;
  if (b < 0) return false;
  const last = norm.charCodeAt(b);
  if (!(isHan(last) || norm[b] === ',' || norm[b] === '、')) return false;
  const lineStart = norm.lastIndexOf('\n', b) + 1;
  if (b - lineStart + 1 < MID_SENTENCE_MIN_LINE) return false; // titles and short lines end there
  const line = norm.slice(lineStart, b + 1);
  if (!line.includes(',') && !line.includes('、')) return false;
  let a = i + 1;
  while (a < norm.length && (norm[a] === '\n' || norm[a] === '\r' || norm[a] === ' ')) a++;
  return a < norm.length && isHan(norm.charCodeAt(a)) && a - i <= 4;
}

const FULL_STOP = 0x3002; // 。

function isSentenceEnd(c: number): boolean {
  return c === FULL_STOP || c === 10 || c === 13 || c === 33 || c === 63; // 。 \n \r ! ?
}

/** The sentences of the text; `deadline` is checked once per sentence end or line break. */
export function splitSentences(norm: string, deadline: Deadline = NO_DEADLINE): Span[] {
  const out: Span[] = [];
  let start = 0;
  const n = norm.length;
  for (let i = 0; i < n; i++) {
    const c = norm.charCodeAt(i);
    if (isSentenceEnd(c)) {
      deadline.check();
      if ((c === 10 || c === 13) && continues(norm, i)) continue;
      // keep closing quotes/brackets that follow the stop inside the sentence
      let end = i + 1;
      while (end < n && (norm[end] === '”' || norm[end] === '"' || norm[end] === ')')) end++;
      if (end - start > 1 || !isSentenceEnd(norm.charCodeAt(start))) out.push({ start, end });
      start = end;
      i = end - 1;
    }
  }
  if (start < n && norm.slice(start).trim() !== '') out.push({ start, end: n });
  return out;
}
