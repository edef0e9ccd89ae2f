/** Sentence segmentation: a statement is a sentence; it ends at 。!? or a line break. */
import type { Span } from './types';

const FULL_STOP = 0x3002; // 。

function isSentenceEnd(c: number): boolean {
  return c === FULL_STOP || c === 10 || c === 13 || c === 33 || c === 63; // 。 \n \r ! ?
}

export function splitSentences(norm: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const n = norm.length;
  for (let i = 0; i < n; i++) {
    if (isSentenceEnd(norm.charCodeAt(i))) {
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
