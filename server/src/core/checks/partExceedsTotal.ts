/** part-exceeds-total: in a subset group (其中…, 含…), a part or the sum of the parts exceeds the total. */
import { term } from './breakdownSum';
import { localized, type Locale } from '../messages';
import type { Figure, Finding, Group } from '../types';

const MESSAGE = {
  en: 'A part exceeds its total: {0} > {1}',
  zh: '分项超过总数:{0} > {1}',
};
const PART = { en: 'part: {0}', zh: '分项:{0}' };

export function checkPartExceedsTotal(groups: Group[], figures: Figure[], locale: Locale): Finding[] {
  const out: Finding[] = [];
  for (const g of groups) {
    if (g.kind !== 'subset') continue;
    const total = figures[g.total] as Figure;
    // the least the parts can add up to; a loop, so no array of parts for the many that fit
    let low = 0;
    for (let i = 0; i < g.parts.length; i++) low = low + (figures[g.parts[i] as number] as Figure).low * (g.multipliers[i] ?? 1);
    if (low <= total.high) continue; // bounds: only certain excess counts
    const parts = g.parts.map((id) => figures[id] as Figure);
    const sum = parts.reduce((a, p, i) => a + p.value * (g.multipliers[i] ?? 1), 0);
    const lhs = parts.length === 1 ? term(parts[0] as Figure, g.multipliers[0] ?? 1) : `${parts.map((p, i) => term(p, g.multipliers[i] ?? 1)).join(' + ')} = ${sum}`;
    out.push({
      code: 'part-exceeds-total',
      severity: 'error',
      start: total.start,
      end: total.end,
      message: localized(locale, MESSAGE, lhs, total.value),
      related: parts.map((p) => ({ start: p.start, end: p.end, message: localized(locale, PART, `${p.label ?? ''} ${p.literal}`.trim()) })),
      fixes: [],
    });
  }
  return out;
}
