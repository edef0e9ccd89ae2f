/** Whether two characters share a reading (tones ignored), by pinyin-pro. */
import { pinyin } from 'pinyin-pro';
import { toSimplified } from './normalize';

const cache = new Map<string, string[]>();

function readings(ch: string): string[] {
  let r = cache.get(ch);
  if (!r) {
    const s = toSimplified(ch);
    r = (pinyin(s, { toneType: 'none', type: 'array', multiple: true }) as string[]).filter((x) => /^[a-zü]+$/.test(x));
    if (cache.size < 20000) cache.set(ch, r);
  }
  return r;
}

export function sameSound(a: string, b: string): boolean {
  if (a.length !== 1 || b.length !== 1) return false;
  const ra = readings(a);
  if (ra.length === 0) return false;
  return readings(b).some((x) => ra.includes(x));
}
