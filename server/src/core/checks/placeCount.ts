/**
 * breakdown-sum, for a count of places: "10市（县）报告…51例" followed by a breakdown of the 51
 * by place must name 10 places. Reported under breakdown-sum (its parts are the places each
 * list names), so the one setting turns both off.
 */
import { formatLike } from '../numbers';
import { localized, type Locale } from '../messages';
import type { PlaceCount } from '../placeCounts';
import type { Figure, Finding } from '../types';

const MESSAGE = {
  en: 'The number of places does not match the places named: {0} places named ≠ {1} ({2})',
  zh: '地区数与列出的地区不符:列出 {0} 个 ≠ {1}({2})',
};
const RELATED = { en: '{0} place(s) named here: {1}', zh: '此处列出 {0} 个:{1}' };
const FIX = { en: 'Change the number of places to {0}', zh: '将地区数改为 {0}' };

export function checkPlaceCounts(counts: readonly PlaceCount[], figures: readonly Figure[], locale: Locale): Finding[] {
  const out: Finding[] = [];
  for (const c of counts) {
    const n = figures[c.count] as Figure;
    const named = c.parts.reduce((a, r) => a + r.value, 0);
    if (named === n.value) continue;
    const terms = c.parts.length > 1 ? `${c.parts.map((r) => r.value).join(' + ')} = ${named}` : String(named);
    const places = c.parts.flatMap((r) => r.places).join(locale === 'zh-cn' ? '、' : ', ');
    const text = formatLike(named, n);
    out.push({
      code: 'breakdown-sum',
      severity: 'error',
      start: n.start,
      end: c.end,
      message: localized(locale, MESSAGE, terms, c.written, places),
      related: c.parts.map((r) => ({ start: r.start, end: r.end, message: localized(locale, RELATED, r.value, r.places.join('、')) })),
      // Which is wrong, the count or the list, only the reader can tell: offered, never applied alone.
      fixes: [{ title: localized(locale, FIX, text), edits: [{ start: n.valueStart, end: n.valueEnd, newText: text }], safe: false }],
    });
  }
  return out;
}
