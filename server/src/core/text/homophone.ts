/** Whether two characters share a reading (tones ignored), by pinyin-pro. */
import { pinyin } from 'pinyin-pro';
import { toSimplified } from './normalize';

/** The readings of each UTF-16 unit met so far (pinyin is read once per character). */
const cache = new Map<number, readonly string[]>();

/** The readings of a UTF-16 unit (of its simplified form), tones left out; none for what is not Han. */
export function readings(code: number): readonly string[] {
  let r = cache.get(code);
  if (!r) {
    const s = toSimplified(String.fromCharCode(code));
    r = (pinyin(s, { toneType: 'none', type: 'array', multiple: true }) as string[]).filter((x) => /^[a-zü]+$/.test(x));
    if (cache.size < 20000) cache.set(code, r);
  }
  return r;
}

export function sameSound(a: string, b: string): boolean {
  if (a.length !== 1 || b.length !== 1) return false;
  return sameSoundCode(a.charCodeAt(0), b.charCodeAt(0));
}

/** sameSound for two UTF-16 units. */
export function sameSoundCode(a: number, b: number): boolean {
  const ra = readings(a);
  if (ra.length === 0) return false;
  return readings(b).some((x) => ra.includes(x));
}
