/** Sentence segmentation: a statement is a sentence; it ends at 。!? or a line break. */
import type { Span } from './types';

const SENTENCE_END = new Set(['。', '!', '?', '\n', '\r']);

export function splitSentences(norm: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const n = norm.length;
  for (let i = 0; i < n; i++) {
    if (SENTENCE_END.has(norm[i] as string)) {
      // keep closing quotes/brackets that follow the stop inside the sentence
      let end = i + 1;
      while (end < n && (norm[end] === '”' || norm[end] === '"' || norm[end] === ')')) end++;
      if (end - start > 0 && norm.slice(start, end).trim() !== '') out.push({ start, end });
      start = end;
      i = end - 1;
    }
  }
  if (start < n && norm.slice(start).trim() !== '') out.push({ start, end: n });
  return out;
}
