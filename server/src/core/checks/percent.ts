/**
 * percent: a share above 100% (占…, 比例, 上座率 …; growth rates may exceed 100% and are
 * left alone), or a stated share that disagrees with the figures it names:
 * "其中本土病例2086例,占98.0%" must be 2086 / 2129 within the rounding of 98.0.
 */
import { localized, type Locale } from '../messages';
import { toSimplified } from '../text/normalize';
import type { Figure, Finding, Group } from '../types';

const OVER = { en: 'A share cannot exceed 100%: {0}', zh: '占比不能超过 100%:{0}' };
const WRONG = { en: 'The share does not match its figures: {0} / {1} = {2}%, not {3}', zh: '占比与数字不符:{0} / {1} = {2}%,而非 {3}' };
const PART = { en: 'part: {0}', zh: '分项:{0}' };
const TOTAL = { en: 'total: {0}', zh: '总数:{0}' };

const SHARE_CUE = /(占|比例|比重|占比|上座率|覆盖率|接种率|阳性率|检出率)/;
const GROWTH_CUE = /(增长|增加|上升|提高|同比|环比|翻)/;

export function checkPercent(norm: string, figures: Figure[], groups: Group[], locale: Locale): Finding[] {
  const out: Finding[] = [];
  // The total of each part (the last group's, when several list it): made only once a share
  // names a part, which few texts do.
  let totalOf: Map<number, Figure> | undefined;
  const totalOfPart = (id: number): Figure | undefined => {
    if (!totalOf) {
      totalOf = new Map();
      for (const g of groups) for (const p of g.parts) totalOf.set(p, figures[g.total] as Figure);
    }
    return totalOf.get(id);
  };
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i] as Figure;
    if (f.kind !== 'percent' || f.unit !== '%') continue;
    const before = norm.slice(Math.max(0, f.start - 12), f.start);
    const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf('。'), before.lastIndexOf(';')) + 1);
    if (GROWTH_CUE.test(clause)) continue;
    if (f.value > 100 && SHARE_CUE.test(clause)) {
      out.push({ code: 'percent', severity: 'error', start: f.start, end: f.end, message: localized(locale, OVER, f.literal), related: [], fixes: [] });
      continue;
    }
    // "…2086例,占98%" : the count just before, a part of a known total.
    if (!/占/.test(clause)) continue;
    let part: Figure | undefined;
    // 单采占7.7%: a share that names its part is the share of the part with that label (or
    // of none that can be told: no check), not of the count right before it.
    const subject = clause.slice(0, clause.indexOf('占')).replace(/^(其中|分别|约|共|则)/, '').trim();
    if (subject.length >= 2) {
      for (let j = i - 1; j >= 0 && j >= i - 12 && !part; j--) {
        const c = figures[j] as Figure;
        if (c.kind === 'count' && c.label !== undefined && toSimplified(c.label).includes(subject)) part = c;
      }
      if (!part) continue;
    } else {
      for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
        const c = figures[j] as Figure;
        if (c.kind === 'count' && f.start - c.end <= 8) {
          part = c;
          break;
        }
      }
    }
    const total = part ? totalOfPart(part.id) : undefined;
    if (!part || !total || total.value === 0) continue;
    const decimals = (/\.(\d+)/.exec(f.literal)?.[1] ?? '').length;
    const tolerance = 0.5 * 10 ** -decimals + 1e-9;
    const actual = (part.value / total.value) * 100;
    if (Math.abs(actual - f.value) <= tolerance) continue;
    out.push({
      code: 'percent',
      severity: 'warning',
      start: f.start,
      end: f.end,
      message: localized(locale, WRONG, part.value, total.value, actual.toFixed(Math.max(1, decimals)), f.literal),
      related: [
        { start: part.start, end: part.end, message: localized(locale, PART, part.literal) },
        { start: total.start, end: total.end, message: localized(locale, TOTAL, total.literal) },
      ],
      fixes: [],
    });
  }
  return out;
}
