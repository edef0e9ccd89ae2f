/**
 * Offsets of characters, found with String.prototype.indexOf: the engine searches for one
 * UTF-16 unit with memchr, several times faster than a loop over every character in
 * JavaScript (each search skips to the next occurrence or to the end of the text).
 */
import type { Deadline } from '../deadline';

/** Every offset of the one-unit character `ch` in `text`, in order. */
export function offsetsOf(text: string, ch: string, deadline: Deadline): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) {
    deadline.check();
    out.push(i);
  }
  return out;
}

/**
 * Two ordered lists of distinct offsets merged into one ordered list. When one is empty the
 * other is returned itself, not a copy: the caller must not change the result.
 */
export function mergeOffsets(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0) return b as number[];
  if (b.length === 0) return a as number[];
  const out: number[] = new Array<number>(a.length + b.length);
  let x = 0;
  let y = 0;
  let k = 0;
  while (x < a.length && y < b.length) out[k++] = (a[x] as number) < (b[y] as number) ? (a[x++] as number) : (b[y++] as number);
  while (x < a.length) out[k++] = a[x++] as number;
  while (y < b.length) out[k++] = b[y++] as number;
  return out;
}

/** Every offset of any of the one-unit characters of `chars` (distinct) in `text`, in order. */
export function offsetsOfAny(text: string, chars: string, deadline: Deadline): number[] {
  let out: number[] = [];
  for (const ch of chars) out = mergeOffsets(out, offsetsOf(text, ch, deadline));
  return out;
}
