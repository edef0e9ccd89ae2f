/**
 * Character tests of the grouping stage, read from code units instead of one-character
 * strings and regular expressions.
 */

/**
 * Whether the code unit is one /\s/ matches (and trim() removes): the white space and line
 * terminators of JavaScript. All are below U+3001 but U+FEFF; the ones above U+00A0 are few,
 * and tested one by one only for the code units in their range.
 */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  if (c === 160 || c === 12288 || c === 65279) return true;
  if (c < 5760 || c > 8287) return false;
  return c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 || c === 8239 || c === 8287;
}

/** The first position in s[from, to) that is no space (`to` when there is none). */
export function skipSpaces(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && isJsSpace(s.charCodeAt(i))) i++;
  return i;
}

/** The position after the last code unit of s[from, to) that is no space (`from` when there is none). */
export function trimSpacesEnd(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && isJsSpace(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Whether s[from, to) starts with `word` (all of it inside the range). */
export function startsWithin(s: string, word: string, from: number, to: number): boolean {
  return from + word.length <= to && s.startsWith(word, from);
}

/**
 * The code of s[i] (what s[i] is, as a code): NaN where s[i] is undefined (i out of range, or
 * no whole number, where charCodeAt would read the character at the whole part).
 */
export function codeAt(s: string, i: number): number {
  return Number.isInteger(i) ? s.charCodeAt(i) : NaN;
}

/** Whether s.slice(from, to) ends with `word`, read in place for whole positions 0 ≤ from ≤ to ≤ s.length. */
export function sliceEndsWith(s: string, from: number, to: number, word: string): boolean {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= s.length)) return s.slice(from, to).endsWith(word);
  return to - from >= word.length && s.startsWith(word, to - word.length);
}
