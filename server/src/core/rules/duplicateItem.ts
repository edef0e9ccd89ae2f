/**
 * duplicate-item: an enumeration that repeats an item (公安、工信、公安). The repeat is
 * flagged with the first occurrence as related; no fix, since the intended item is
 * unknown (the three are 公安、公卫、工信).
 */
import { localized, type Locale } from '../messages';
import { isHan } from '../text/normalize';
import type { Finding } from '../types';

const MESSAGE = { en: '“{0}” is listed twice in this enumeration', zh: '列举中重复出现“{0}”' };
const FIRST = { en: 'first listed here', zh: '首次列出' };
const MAX_ITEM = 10;

function isItemChar(c: number): boolean {
  return isHan(c);
}

export function checkDuplicateItem(text: string, locale: Locale): Finding[] {
  const out: Finding[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // an enumeration: item (、item)+ where every item is 1–10 Han characters
    if (!isItemChar(text.charCodeAt(i)) || (i > 0 && isItemChar(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    const items: Array<{ start: number; end: number }> = [];
    let j = i;
    for (;;) {
      const s = j;
      while (j < n && isItemChar(text.charCodeAt(j)) && j - s <= MAX_ITEM) j++;
      if (j === s || j - s > MAX_ITEM) break;
      items.push({ start: s, end: j });
      if (text[j] !== '、') break;
      j++;
    }
    if (items.length >= 3) {
      // The first and last items may carry surrounding words (加强公安、工信、公安协同):
      // compare only inner items, or outer items that equal an inner one exactly.
      const seen = new Map<string, { start: number; end: number }>();
      items.forEach((it, k) => {
        const word = text.slice(it.start, it.end);
        const first = seen.get(word);
        if (first && (k < items.length - 1 || word.length <= 4)) {
          out.push({
            code: 'duplicate-item',
            severity: 'warning',
            start: it.start,
            end: it.end,
            message: localized(locale, MESSAGE, word),
            related: [{ start: first.start, end: first.end, message: localized(locale, FIRST) }],
            fixes: [],
          });
        } else if (!first && k > 0) seen.set(word, it);
        else if (!first && k === 0) {
          // the first item may have leading words glued to it: keep its last 2–4 characters
          seen.set(word, it);
          for (let len = 2; len <= 4 && len < word.length; len++) seen.set(word.slice(-len), { start: it.end - len, end: it.end });
        }
      });
    }
    i = Math.max(j, i + 1);
  }
  return out;
}
