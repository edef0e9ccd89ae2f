/**
 * duplicate-item: an enumeration that repeats an item (公安、工信、公安). The repeat is
 * flagged with the first occurrence as related; no fix, since the intended item is
 * unknown (the three are 公安、公卫、工信).
 */
import { NO_DEADLINE, type Deadline } from '../deadline';
import { localized, type Locale } from '../messages';
import { isHan } from '../text/normalize';
import type { Finding } from '../types';

const MESSAGE = { en: '“{0}” is listed twice in this enumeration', zh: '列举中重复出现“{0}”' };
const FIRST = { en: 'first listed here', zh: '首次列出' };
const MAX_ITEM = 10;

function isItemChar(c: number): boolean {
  return isHan(c);
}

const COMMA = 0x3001; // 、

export function checkDuplicateItem(text: string, locale: Locale, deadline: Deadline = NO_DEADLINE): Finding[] {
  const out: Finding[] = [];
  const n = text.length;
  // An enumeration of three items has an enumeration comma right after its first item, so the
  // text is read from one 、 to the next: the first item is the run of Han just before it. Runs
  // of Han not followed by 、 cannot start an enumeration; `i` is where the previous one ended
  // (a run that started before it is not a new start).
  let i = 0;
  for (let p = text.indexOf('、', i); p >= 0; p = text.indexOf('、', i)) {
    deadline.check();
    let k = p;
    while (k > i && p - k < MAX_ITEM && isItemChar(text.charCodeAt(k - 1))) k--;
    if (k === p || (k > 0 && isItemChar(text.charCodeAt(k - 1)))) {
      i = p + 1; // no Han before this 、, a longer item, or a run that started before i
      continue;
    }
    // an enumeration: item (、item)+ where every item is 1–10 Han characters
    const items: Array<{ start: number; end: number }> = [];
    let j = k;
    for (;;) {
      const s = j;
      while (j < n && isItemChar(text.charCodeAt(j)) && j - s <= MAX_ITEM) j++;
      if (j === s || j - s > MAX_ITEM) break;
      items.push({ start: s, end: j });
      if (text.charCodeAt(j) !== COMMA) break;
      j++;
    }
    if (items.length >= 3) {
      // The first and last items may carry surrounding words (加强公安、工信、公安协同):
      // compare only inner items, or outer items that equal an inner one exactly.
      const seen = new Map<string, { start: number; end: number }>();
      items.forEach((it, m) => {
        const word = text.slice(it.start, it.end);
        const first = seen.get(word);
        if (first && (m < items.length - 1 || word.length <= 4)) {
          out.push({
            code: 'duplicate-item',
            severity: 'warning',
            start: it.start,
            end: it.end,
            message: localized(locale, MESSAGE, word),
            related: [{ start: first.start, end: first.end, message: localized(locale, FIRST) }],
            fixes: [],
          });
        } else if (!first && m > 0) seen.set(word, it);
        else if (!first && m === 0) {
          // the first item may have leading words glued to it: keep its last 2–4 characters
          seen.set(word, it);
          for (let len = 2; len <= 4 && len < word.length; len++) seen.set(word.slice(-len), { start: it.end - len, end: it.end });
        }
      });
    }
    i = Math.max(j, k + 1);
  }
  return out;
}
